// Fuzzes breathing patterns: the in-hold-out-hold spec, a name or spec resolved against the
// built-in catalog, and catalog text in the patterns.toml format.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "breathing_pattern.hpp"
#include "error.hpp"
#include "fuzz_common.hpp"

using tend_fuzz::check;

namespace tend::embedded {
extern const std::string_view patterns_toml;
}

namespace {

// What every accepted pattern must be, and its canonical spec must read back as the same breath.
void check_pattern(const tend::BreathingPattern& pattern) {
    using std::chrono::milliseconds;
    check(pattern.phases.size() >= 2 && pattern.phases.size() <= 5, "2 to 5 phases", pattern.spec);
    for (const auto& phase : pattern.phases)
        check(phase.length > milliseconds{0} && phase.length <= milliseconds{30'000}, "each phase is 0 to 30 s",
              pattern.spec);
    check(pattern.phases.front().kind == tend::PhaseKind::inhale, "a breath starts with an inhale", pattern.spec);
    check(pattern.cycle() > milliseconds{0} && pattern.breaths_per_minute() > 0, "a breath takes time", pattern.spec);
    const tend::BreathingPattern again =
        tend::parse_breathing_spec(pattern.spec, "fuzz (canonical)", tend::Exit::usage);
    check(again.spec == pattern.spec, "canonical spec is stable", pattern.spec);
    check(again.phases.size() == pattern.phases.size(), "canonical spec has the same phases", pattern.spec);
    for (std::size_t i = 0; i < again.phases.size(); ++i)
        check(again.phases[i].kind == pattern.phases[i].kind && again.phases[i].length == pattern.phases[i].length,
              "canonical spec has the same phases", pattern.spec);
}

const tend::PatternCatalog& built_ins() {
    static const tend::PatternCatalog catalog =
        tend::PatternCatalog::parse(tend::embedded::patterns_toml, "patterns.toml");
    return catalog;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 3) {
        case 0:
            try {
                check_pattern(tend::parse_breathing_spec(text, "--pattern", tend::Exit::usage));
            } catch (const tend::Error& e) {
                check(e.code() == tend::Exit::usage, "a bad spec is a usage error", e.what());
            }
            break;
        case 1:
            try {
                const tend::BreathingPattern pattern = built_ins().resolve(text, "--pattern");
                if (!pattern.built_in) check_pattern(pattern);
            } catch (const tend::Error& e) {
                check(e.code() == tend::Exit::usage, "a bad name or spec is a usage error", e.what());
            }
            break;
        default:
            try {
                const tend::PatternCatalog catalog = tend::PatternCatalog::parse(text, "patterns.toml");
                check(!catalog.patterns().empty(), "a parsed catalog has patterns");
                for (const auto& pattern : catalog.patterns()) check_pattern(pattern);
                check(catalog.find(catalog.default_pattern().name) != nullptr, "the default is in the catalog");
            } catch (const tend::Error& e) {
                check(e.code() == tend::Exit::data, "a bad catalog is a data error", e.what());
            }
            break;
    }
    return 0;
}
