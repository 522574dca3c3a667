// Differential fuzzer of the month-file fast path (parse_written_toml) against toml++: on any input
// the fast path takes, toml++ must build the same document, values and source regions alike; and
// whatever toml++ reads that tend could write, written back as tend writes it, the fast path takes.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../toml_same.hpp"
#include "fuzz_common.hpp"
#include "month_parse.hpp"
#include "record.hpp"

using tend_fuzz::check;

namespace {

constexpr std::string_view path = "data/checkin/2026-11.toml";

std::optional<toml::table> toml_parse(std::string_view text) {
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error&) {
        return std::nullopt;
    }
}

bool bare(std::string_view key) {
    if (key.empty()) return false;
    for (const char c : key)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return false;
    return true;
}

bool writable_scalar(const toml::node& node) {
    if (auto f = node.as_floating_point()) return std::isfinite(f->get());  // nan and inf go to toml++
    if (auto i = node.as_integer()) return i->flags() == toml::value_flags::none;
    if (auto d = node.as_date_time()) return d->get().offset.has_value();
    return node.is_string() || node.is_boolean();
}

// The document as tend writes month files ([[name]] blocks of `key = value` lines), when it has
// that shape: arrays of tables at the top, scalars and arrays of scalars in them, bare keys.
std::optional<std::string> written_form(const toml::table& root) {
    std::string out = "# written back\n";
    for (const auto& [name, node] : root) {
        const toml::array* array = node.as_array();
        if (!bare(name.str()) || !array || !array->is_array_of_tables()) return std::nullopt;
        for (const auto& element : *array) {
            out += "\n[[" + std::string(name.str()) + "]]\n";
            for (const auto& [key, value] : *element.as_table()) {
                if (!bare(key.str())) return std::nullopt;
                if (auto list = value.as_array()) {
                    for (const auto& item : *list)
                        if (!writable_scalar(item)) return std::nullopt;
                } else if (!writable_scalar(value)) {
                    return std::nullopt;
                }
                out += std::string(key.str()) + " = " + tend::toml_value_text(value) + "\n";
            }
        }
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::optional<toml::table> fast = tend::parse_written_toml(text, path);
    const std::optional<toml::table> slow = toml_parse(text);
    if (fast) {
        check(slow.has_value(), "toml++ reads what the fast path reads", text);
        const std::string difference = tend::test::toml_difference(*fast, *slow);
        check(difference.empty(), "the fast path builds toml++'s document", difference);
    }
    if (!slow) return 0;
    const std::optional<std::string> written = written_form(*slow);
    if (!written) return 0;
    const std::optional<toml::table> fast_written = tend::parse_written_toml(*written, path);
    check(fast_written.has_value(), "the fast path takes what tend writes", *written);
    const std::optional<toml::table> slow_written = toml_parse(*written);
    check(slow_written.has_value(), "toml++ reads what tend writes", *written);
    const std::string difference = tend::test::toml_difference(*fast_written, *slow_written);
    check(difference.empty(), "the fast path builds toml++'s document for what tend writes", difference);
    check(*slow_written == *slow, "what tend writes reads back the same", *written);
    return 0;
}
