// For the unit test and the fuzzer of the month-file fast path: where two toml++ documents differ,
// values and flags and every source region (toml::table's == ignores regions), or "" when nowhere.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <toml++/toml.h>

#include <bit>
#include <cstdint>
#include <sstream>
#include <string>

namespace tend::test {

inline std::string region_text(const toml::source_region& r) {
    std::ostringstream out;
    out << r.begin.line << ':' << r.begin.column << '-' << r.end.line << ':' << r.end.column << '@'
        << (r.path ? *r.path : std::string("(none)"));
    return out.str();
}

inline std::string toml_difference(const toml::node& a, const toml::node& b, const std::string& where = "/") {
    if (a.type() != b.type()) return where + ": types differ";
    if (region_text(a.source()) != region_text(b.source()))
        return where + ": regions " + region_text(a.source()) + " and " + region_text(b.source());
    if (auto x = a.as_table()) {
        const auto& y = *b.as_table();
        if (x->size() != y.size() || x->is_inline() != y.is_inline()) return where + ": tables differ in size or form";
        for (auto ix = x->begin(), iy = y.begin(); ix != x->end(); ++ix, ++iy) {
            if (ix->first.str() != iy->first.str())
                return where + ": keys " + std::string(ix->first.str()) + " and " + std::string(iy->first.str());
            const std::string at = where + std::string(ix->first.str()) + "/";
            if (region_text(ix->first.source()) != region_text(iy->first.source()))
                return at + ": key regions " + region_text(ix->first.source()) + " and " +
                       region_text(iy->first.source());
            if (auto d = toml_difference(ix->second, iy->second, at); !d.empty()) return d;
        }
        return "";
    }
    if (auto x = a.as_array()) {
        const auto& y = *b.as_array();
        if (x->size() != y.size()) return where + ": arrays differ in size";
        for (std::size_t i = 0; i < x->size(); ++i)
            if (auto d = toml_difference(*x->get(i), *y.get(i), where + std::to_string(i) + "/"); !d.empty()) return d;
        return "";
    }
    const bool same_value = [&] {
        if (auto x = a.as_floating_point())  // bit for bit: -0.0 is not 0.0 here
            return std::bit_cast<std::uint64_t>(x->get()) == std::bit_cast<std::uint64_t>(b.as_floating_point()->get());
        if (auto x = a.as_string()) return x->get() == b.as_string()->get();
        if (auto x = a.as_integer()) return x->get() == b.as_integer()->get() && x->flags() == b.as_integer()->flags();
        if (auto x = a.as_boolean()) return x->get() == b.as_boolean()->get();
        if (auto x = a.as_date_time()) return x->get() == b.as_date_time()->get();
        return false;
    }();
    return same_value ? "" : where + ": values differ";
}

}  // namespace tend::test
