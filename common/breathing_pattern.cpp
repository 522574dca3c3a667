// Parsing breathing specs exactly (whole milliseconds, no floating point), and the pattern catalog.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "breathing_pattern.hpp"

#include <toml++/toml.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>
#include <optional>

#include "record.hpp"
#include "terminal.hpp"

namespace tend {
namespace embedded {
extern const std::string_view patterns_toml;
}

using std::chrono::milliseconds;

namespace {

constexpr milliseconds longest_phase{30'000};
constexpr std::size_t max_decimals = 3;

// Seconds as whole milliseconds, so that a schedule is the exact sum of its phases.
std::optional<milliseconds> parse_seconds(std::string_view text) {
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    const auto all_digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    if (whole.empty() && fraction.empty()) return std::nullopt;
    if (!all_digits(whole) || !all_digits(fraction) || (dot != std::string_view::npos && fraction.empty()))
        return std::nullopt;
    if (whole.size() > 6 || fraction.size() > max_decimals) return std::nullopt;
    long long ms = 0;
    for (char c : whole) ms = ms * 10 + (c - '0');
    ms *= 1000;
    long long scale = 100;
    for (char c : fraction) ms += (c - '0') * scale, scale /= 10;
    return milliseconds{ms};
}

[[noreturn]] void bad_spec(Exit code, std::string_view where, std::string_view spec, std::string_view what) {
    fail(code, fmt::format("{}: '{}': {}", where, spec, what));
}

bool has_too_many_decimals(std::string_view text) {
    const auto dot = text.find('.');
    return dot != std::string_view::npos && text.size() - dot - 1 > max_decimals;
}

bool has_letter(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

// What each position is called in messages, for 2, 3 and 4 numbers.
std::string_view position_name(std::size_t count, std::size_t index) {
    static constexpr std::array<std::string_view, 2> two{"inhale", "exhale"};
    static constexpr std::array<std::string_view, 3> three{"inhale", "hold", "exhale"};
    static constexpr std::array<std::string_view, 4> four{"inhale", "hold", "exhale", "last hold"};
    if (count == 2) return two.at(index);
    if (count == 3) return three.at(index);
    return four.at(index);
}

}  // namespace

std::string_view phase_word(PhaseKind kind) {
    switch (kind) {
        case PhaseKind::inhale:
            return "inhale";
        case PhaseKind::top_up:
            return "top up";
        case PhaseKind::hold_in:
            return "hold";
        case PhaseKind::exhale:
            return "exhale";
        case PhaseKind::hold_out:
            return "hold";
    }
    return "breathe";
}

std::string format_seconds(milliseconds length) {
    const long long ms = length.count();
    if (ms % 1000 == 0) return fmt::format("{}", ms / 1000);
    std::string text = fmt::format("{}.{:03}", ms / 1000, ms % 1000);
    while (text.back() == '0') text.pop_back();
    return text;
}

milliseconds BreathingPattern::cycle() const {
    return std::accumulate(phases.begin(), phases.end(), milliseconds{0},
                           [](milliseconds sum, const BreathPhase& p) { return sum + p.length; });
}

double BreathingPattern::breaths_per_minute() const {
    const auto ms = cycle().count();
    return ms > 0 ? 60'000.0 / static_cast<double>(ms) : 0.0;
}

bool BreathingPattern::has_long_hold() const {
    return std::any_of(phases.begin(), phases.end(), [](const BreathPhase& phase) {
        return (phase.kind == PhaseKind::hold_in || phase.kind == PhaseKind::hold_out) &&
               phase.length >= std::chrono::seconds{4};
    });
}

BreathingPattern parse_breathing_spec(std::string_view spec, std::string_view where, Exit code) {
    const std::string shown = neutralize(spec);
    const std::vector<std::string_view> fields = split(spec, '-');
    if (spec.empty() || fields.size() < 2 || fields.size() > 4) {
        if (spec.starts_with('-') && fields.size() > 1)
            bad_spec(code, where, shown, "phases cannot be negative; each is 0 to 30 seconds");
        bad_spec(code, where, shown,
                 "give 2 to 4 numbers of seconds, in-hold-out-hold, like 4-7-8, 4-4-4-4 or 5.5-5.5");
    }
    std::array<milliseconds, 5> lengths{};  // inhale, top-up, hold, exhale, hold
    const std::array<std::size_t, 4> slot_of_four{0, 2, 3, 4};
    const std::array<std::size_t, 3> slot_of_three{0, 2, 3};
    const std::array<std::size_t, 2> slot_of_two{0, 3};
    std::string canonical;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view name = position_name(fields.size(), i);
        std::string_view field = fields[i];
        if (field.empty()) {
            if (spec.starts_with('-') || spec.find("--") != std::string_view::npos)
                bad_spec(code, where, shown, "phases cannot be negative; each is 0 to 30 seconds");
            bad_spec(code, where, shown, fmt::format("the {} has no number", name));
        }
        std::optional<milliseconds> top_up;
        if (const auto plus = field.find('+'); plus != std::string_view::npos) {
            if (i != 0)
                bad_spec(code, where, shown,
                         "only the inhale can have a top-up, like 2+1-0-6 (in, a second short in, out)");
            const std::string_view extra = field.substr(plus + 1);
            field = field.substr(0, plus);
            top_up = parse_seconds(extra);
            if (!top_up) {
                if (has_too_many_decimals(extra))
                    bad_spec(code, where, shown, fmt::format("'{}' has more than 3 decimals", neutralize(extra)));
                bad_spec(code, where, shown,
                         fmt::format("the top-up '{}' is not a number of seconds", neutralize(extra)));
            }
            if (*top_up > longest_phase)
                bad_spec(code, where, shown,
                         fmt::format("the top-up is {} s; each phase is at most 30 seconds", format_seconds(*top_up)));
            if (top_up->count() == 0) bad_spec(code, where, shown, "the top-up inhale must be longer than 0 seconds");
        }
        const auto length = parse_seconds(field);
        if (!length) {
            if (has_too_many_decimals(field))
                bad_spec(code, where, shown, fmt::format("'{}' has more than 3 decimals", neutralize(field)));
            bad_spec(code, where, shown,
                     fmt::format("'{}' is not a number of seconds (the {})", neutralize(field), name));
        }
        if (*length > longest_phase)
            bad_spec(code, where, shown,
                     fmt::format("the {} is {} s; each phase is at most 30 seconds", name, format_seconds(*length)));
        const std::size_t slot = fields.size() == 4   ? slot_of_four.at(i)
                                 : fields.size() == 3 ? slot_of_three.at(i)
                                                      : slot_of_two.at(i);
        lengths.at(slot) = *length;
        if (top_up) lengths[1] = *top_up;
        if (i) canonical += '-';
        canonical += format_seconds(*length);
        if (top_up) canonical += "+" + format_seconds(*top_up);
    }
    if (lengths[0].count() == 0) bad_spec(code, where, shown, "the inhale must be longer than 0 seconds");
    if (lengths[3].count() == 0) bad_spec(code, where, shown, "the exhale must be longer than 0 seconds");

    BreathingPattern pattern;
    pattern.name = canonical;
    pattern.spec = canonical;
    constexpr std::array kinds{PhaseKind::inhale, PhaseKind::top_up, PhaseKind::hold_in, PhaseKind::exhale,
                               PhaseKind::hold_out};
    for (std::size_t k = 0; k < kinds.size(); ++k)
        if (lengths[k].count() > 0) pattern.phases.push_back({kinds[k], lengths[k]});
    return pattern;
}

PatternCatalog PatternCatalog::parse(std::string_view text, std::string_view source) {
    const toml::table root = parse_toml_document(text, source);
    PatternCatalog catalog;
    const toml::array* entries = root["pattern"].as_array();
    if (!entries) fail(Exit::data, fmt::format("{}: no [[pattern]] tables", source));
    for (const auto& node : *entries) {
        const toml::table* table = node.as_table();
        if (!table) continue;
        const auto line = table->source().begin.line;
        const std::string name = (*table)["name"].value_or(std::string{});
        const std::string spec = (*table)["spec"].value_or(std::string{});
        if (name.empty() || spec.empty())
            fail(Exit::data, fmt::format("{}:{}: a [[pattern]] needs a name and a spec", source, line));
        BreathingPattern pattern = parse_breathing_spec(spec, fmt::format("{}:{}: {}", source, line, name), Exit::data);
        pattern.name = name;
        pattern.description = (*table)["description"].value_or(std::string{});
        pattern.default_cycles = static_cast<int>((*table)["cycles"].value_or(int64_t{0}));
        pattern.built_in = true;
        catalog.patterns_.push_back(std::move(pattern));
    }
    if (catalog.patterns_.empty()) fail(Exit::data, fmt::format("{}: no patterns", source));
    catalog.default_ = catalog.find("calm") ? *catalog.find("calm") : catalog.patterns_.front();
    return catalog;
}

PatternCatalog PatternCatalog::load(const BreatheConfig& config, const std::filesystem::path& config_file) {
    PatternCatalog catalog = parse(embedded::patterns_toml, "patterns.toml");
    const std::string file = config_file.string();
    for (const auto& [name, spec] : config.patterns) {
        const std::string where = fmt::format("{}: [breathe.patterns] {}", file, neutralize(name));
        try {
            if (name.empty() || name.size() > 40 || neutralize(name) != name)
                fail(Exit::data, fmt::format("{}: a pattern name is 1 to 40 characters of plain text", where));
            BreathingPattern pattern = parse_breathing_spec(spec, where, Exit::data);
            pattern.name = name;
            auto same = std::find_if(catalog.patterns_.begin(), catalog.patterns_.end(),
                                     [&wanted = name](const BreathingPattern& p) { return p.name == wanted; });
            if (same != catalog.patterns_.end())
                *same = std::move(pattern);
            else
                catalog.patterns_.push_back(std::move(pattern));
        } catch (const Error& e) {
            catalog.problems_.emplace_back(e.what());
        }
    }
    if (const BreathingPattern* calm = catalog.find("calm")) catalog.default_ = *calm;
    if (!config.pattern.empty()) {
        try {
            catalog.default_ = catalog.resolve(config.pattern, fmt::format("{}: [breathe] pattern", file), Exit::data);
        } catch (const Error& e) {
            catalog.problems_.emplace_back(e.what());
        }
    }
    return catalog;
}

const BreathingPattern* PatternCatalog::find(std::string_view name) const {
    const auto it =
        std::find_if(patterns_.begin(), patterns_.end(), [&](const BreathingPattern& p) { return p.name == name; });
    return it == patterns_.end() ? nullptr : &*it;
}

BreathingPattern PatternCatalog::resolve(std::string_view text, std::string_view where, Exit code) const {
    if (const BreathingPattern* named = find(text)) return *named;
    // A word that names nothing is most likely a mistyped name, not a spec.
    const bool has_digit =
        std::any_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (has_letter(text) && !has_digit)
        fail(code, fmt::format("{}: '{}' is not a pattern name nor in-hold-out-hold seconds like 4-7-8; "
                               "'breathe --list' shows the names",
                               where, neutralize(text)));
    return parse_breathing_spec(text, where, code);
}

}  // namespace tend
