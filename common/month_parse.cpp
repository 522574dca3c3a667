// The fast path for month files: the layout tend itself writes, read straight into toml++'s tables.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// toml++ spends most of a long report reading month files (about 90 % of `report --from` over
// 20 years): it is general, checks every code point and keeps source positions as it goes. The
// files are almost always exactly what serialize_record() wrote, so this reader takes that layout
// line by line and builds the same tables, source regions included (error messages cite them).
// Any line it does not fully recognise makes it give up, and toml++ reads the whole text instead:
// hand edits, comments with other characters, other spacing, literal strings, inline tables... The
// fuzzer tests/fuzz/fuzz_month_parse.cpp holds the two to the same result on arbitrary input.
#include "month_parse.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <variant>

namespace tend {

// toml++ keeps a node's source region private to its own parser and copies never carry it. An
// explicit instantiation may name a private member ([temp.spec.general]), which is how this reader
// sets the regions toml++'s parser would.
toml::source_region& region_of(toml::node& node);

template <toml::source_region toml::node::*member>
struct RegionAccess {
    friend toml::source_region& region_of(toml::node& node) { return node.*member; }
};
template struct RegionAccess<&toml::node::source_>;

namespace {

using Scalar = std::variant<std::string, std::int64_t, double, bool, toml::date_time>;

bool is_bare_key_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Printable ASCII that a basic string holds as it is.
bool plain_ascii(char c) {
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The length of a well-formed UTF-8 sequence at the start of `s` (its lead byte >= 0x80), or 0:
// no overlong forms, no surrogates, nothing past U+10FFFF.
std::size_t utf8_length(std::string_view s) {
    const auto byte = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
    const auto cont = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return byte(i) >= lo && byte(i) <= hi;
    };
    const unsigned lead = byte(0);
    if (lead >= 0xC2 && lead <= 0xDF) return cont(1) ? 2 : 0;
    if (lead == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (lead == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (lead == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (lead >= 0xF1 && lead <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (lead == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// One line of the text, read from byte `at` on; every reader returns false for what it does not
// take, and the whole document then goes to toml++.
class Line {
public:
    Line(std::string_view text, toml::source_index number, bool ascii) : text_(text), number_(number), ascii_(ascii) {}

    std::size_t at = 0;
    bool done() const { return at == text_.size(); }
    bool eat(std::string_view s) {  // by hand: a memcmp call for two bytes cost more than the rest
        if (text_.size() - at < s.size()) return false;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (text_[at + i] != s[i]) return false;
        at += s.size();
        return true;
    }

    // toml++ counts columns in code points, from 1.
    toml::source_position position(std::size_t byte) const {
        if (ascii_) return {number_, static_cast<toml::source_index>(byte + 1)};
        toml::source_index column = 1;
        for (std::size_t i = 0; i < byte; ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
        return {number_, column};
    }
    toml::source_region region(std::size_t from, std::size_t to, const toml::source_path_ptr& path) const {
        return {position(from), position(to), path};
    }

    std::string_view bare_key() {
        const std::size_t first = at;
        while (at < text_.size() && is_bare_key_char(text_[at])) ++at;
        return text_.substr(first, at - first);
    }

    bool plain_comment() const {
        for (const char c : text_)
            if (c != '\t' && (c < 0x20 || c > 0x7E)) return false;
        return true;
    }

    // A basic string with the escapes toml_quote() writes (and \b, \f, \r).
    bool string(std::string& out) {
        if (!eat("\"")) return false;
        while (at < text_.size()) {
            const char c = text_[at];
            const auto byte = static_cast<unsigned char>(c);
            if (c == '"') {
                ++at;
                return true;
            }
            if (c == '\\') {
                if (!escape(out)) return false;
            } else if (byte >= 0x80) {
                const std::size_t length = utf8_length(text_.substr(at));
                if (!length) return false;
                out.append(text_.substr(at, length));
                at += length;
            } else if ((byte < 0x20 && c != '\t') || byte == 0x7F) {
                return false;
            } else {
                // This character and the run of plain ones after it at once: prompts and notes are long.
                const std::size_t from = at++;
                while (at < text_.size() && plain_ascii(text_[at])) ++at;
                out.append(text_.substr(from, at - from));
            }
        }
        return false;
    }

    // Up to the next ',' or ']' or the end of the line: a number or a date-time.
    std::string_view token() {
        const std::size_t first = at;
        while (at < text_.size() && text_[at] != ',' && text_[at] != ']') ++at;
        return text_.substr(first, at - first);
    }

    bool scalar(Scalar& value) {
        if (at >= text_.size()) return false;
        const char c = text_[at];
        if (c == '"') {
            std::string s;
            if (!string(s)) return false;
            value = std::move(s);
            return true;
        }
        if (c == 't' || c == 'f') {
            const bool truth = c == 't';
            if (!eat(truth ? "true" : "false")) return false;
            value = truth;
            return true;
        }
        if (!is_digit(c) && c != '-') return false;
        const std::string_view word = token();
        if (word.size() >= 10 && word[4] == '-' && word[7] == '-') {
            toml::date_time time;
            if (!date_time(word, time)) return false;
            value = time;
            return true;
        }
        return number(word, value);
    }

private:
    bool escape(std::string& out) {
        if (at + 1 >= text_.size()) return false;
        const char kind = text_[at + 1];
        at += 2;
        switch (kind) {
            case '"':
                out += '"';
                return true;
            case '\\':
                out += '\\';
                return true;
            case 'n':
                out += '\n';
                return true;
            case 't':
                out += '\t';
                return true;
            case 'b':
                out += '\b';
                return true;
            case 'f':
                out += '\f';
                return true;
            case 'r':
                out += '\r';
                return true;
            case 'u':
                break;
            default:
                return false;
        }
        if (at + 4 > text_.size()) return false;
        std::uint32_t cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = text_[at++];
            std::uint32_t digit = 0;
            if (h >= '0' && h <= '9')
                digit = static_cast<std::uint32_t>(h - '0');
            else if (h >= 'A' && h <= 'F')
                digit = static_cast<std::uint32_t>(h - 'A' + 10);
            else if (h >= 'a' && h <= 'f')
                digit = static_cast<std::uint32_t>(h - 'a' + 10);
            else
                return false;
            cp = cp * 16 + digit;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // surrogates are not characters
        append_utf8(out, cp);
        return true;
    }

    // -?(0|[1-9][0-9]*) with an optional fraction and exponent; an integer has neither.
    static bool number(std::string_view word, Scalar& value) {
        std::size_t i = word.starts_with('-') ? 1 : 0;
        const std::size_t digits_from = i;
        while (i < word.size() && is_digit(word[i])) ++i;
        const std::size_t int_digits = i - digits_from;
        if (int_digits == 0 || (int_digits > 1 && word[digits_from] == '0')) return false;
        bool is_float = false;
        if (i < word.size() && word[i] == '.') {
            const std::size_t from = ++i;
            while (i < word.size() && is_digit(word[i])) ++i;
            if (i == from) return false;
            is_float = true;
        }
        if (i < word.size() && (word[i] == 'e' || word[i] == 'E')) {
            ++i;
            if (i < word.size() && (word[i] == '+' || word[i] == '-')) ++i;
            const std::size_t from = i;
            while (i < word.size() && is_digit(word[i])) ++i;
            if (i == from) return false;
            is_float = true;
        }
        if (i != word.size()) return false;
        if (!is_float) {
            // The whole 64-bit range, as toml++ reads it; beyond it, toml++ says so.
            std::int64_t n = 0;
            const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), n);
            if (error != std::errc{} || end != word.data() + word.size()) return false;
            value = n;
            return true;
        }
        if (word.size() > 40) return false;
        // strtod, not from_chars: libstdc++'s from_chars for double needs libm (fesetround), and
        // linking it made every tool map libm.so at start-up. Both round correctly; the word is
        // a plain decimal (checked above) and no tool sets a locale, so the point is '.'.
        char digits[41];
        word.copy(digits, word.size());
        digits[word.size()] = '\0';
        char* end = nullptr;
        errno = 0;
        const double d = std::strtod(digits, &end);
        // ERANGE with a subnormal is a value all the same, as from_chars gave it; with 0, the
        // number underflowed, and toml++ then says so.
        if (end != digits + word.size() || !std::isfinite(d) || (errno == ERANGE && d == 0)) return false;
        value = d;
        return true;
    }

    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM), in the ranges toml++ accepts.
    static bool date_time(std::string_view w, toml::date_time& out) {
        const auto digits = [&](std::size_t from, std::size_t count, unsigned& n) {
            if (from + count > w.size()) return false;
            n = 0;
            for (std::size_t i = from; i < from + count; ++i) {
                if (!is_digit(w[i])) return false;
                n = n * 10 + static_cast<unsigned>(w[i] - '0');
            }
            return true;
        };
        unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
        if (w.size() < 20 || !digits(0, 4, year) || w[4] != '-' || !digits(5, 2, month) || w[7] != '-' ||
            !digits(8, 2, day) || w[10] != 'T' || !digits(11, 2, hour) || w[13] != ':' || !digits(14, 2, minute) ||
            w[16] != ':' || !digits(17, 2, second))
            return false;
        const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        const unsigned month_days = month == 2                                                ? (leap ? 29u : 28u)
                                    : (month == 4 || month == 6 || month == 9 || month == 11) ? 30u
                                                                                              : 31u;
        if (month < 1 || month > 12 || day < 1 || day > month_days || hour > 23 || minute > 59 || second > 59)
            return false;
        std::size_t i = 19;
        std::uint32_t nanosecond = 0;
        if (w[i] == '.') {
            const std::size_t from = ++i;
            while (i < w.size() && is_digit(w[i])) ++i;
            const std::size_t count = i - from;
            if (count == 0 || count > 9) return false;
            for (std::size_t k = from; k < i; ++k)
                nanosecond = nanosecond * 10 + static_cast<std::uint32_t>(w[k] - '0');
            for (std::size_t k = count; k < 9; ++k) nanosecond *= 10;
        }
        toml::time_offset offset{};
        if (i < w.size() && w[i] == 'Z') {
            ++i;
        } else if (i < w.size() && (w[i] == '+' || w[i] == '-')) {
            const int sign = w[i] == '-' ? -1 : 1;
            unsigned oh = 0, om = 0;
            if (!digits(i + 1, 2, oh) || i + 3 >= w.size() || w[i + 3] != ':' || !digits(i + 4, 2, om) || oh > 23 ||
                om > 59)
                return false;
            offset.minutes = static_cast<std::int16_t>(sign * static_cast<int>(oh * 60 + om));
            i += 6;
        } else {
            return false;  // a local date-time: left to toml++
        }
        if (i != w.size()) return false;
        out = toml::date_time{toml::date{year, month, day}, toml::time{hour, minute, second, nanosecond}, offset};
        return true;
    }

    std::string_view text_;
    toml::source_index number_;
    bool ascii_;  // then a column is a byte offset
};

// Puts `value` into `table` under `key`, or at the end of `array`, and gives the new node `region`;
// nullptr when the table has the key already.
template <typename Container, typename... Key>
toml::node* put(Container& container, Scalar&& value, toml::source_region region, Key&&... key) {
    toml::node* node = std::visit(
        [&](auto&& v) -> toml::node* {
            if constexpr (sizeof...(Key) == 0) {
                container.push_back(std::move(v));
                return &container.back();
            } else {
                auto [at, inserted] = container.insert(std::forward<Key>(key)..., std::move(v));
                return inserted ? &at->second : nullptr;  // a key twice is toml++'s error to report
            }
        },
        std::move(value));
    if (node) region_of(*node) = std::move(region);
    return node;
}

// `key = value` on one line, into `table`.
bool key_value(Line& line, toml::table& table, const toml::source_path_ptr& path) {
    const std::string_view key = line.bare_key();
    if (key.empty() || !line.eat(" = ")) return false;
    toml::key named{key, line.region(0, key.size(), path)};
    const std::size_t value_from = line.at;
    if (!line.eat("[")) {
        Scalar value;
        if (!line.scalar(value) || !line.done()) return false;
        return put(table, std::move(value), line.region(value_from, line.at, path), std::move(named));
    }
    toml::array array;
    if (!line.eat("]")) {
        while (true) {
            const std::size_t from = line.at;
            Scalar value;
            if (!line.scalar(value)) return false;
            put(array, std::move(value), line.region(from, line.at, path));
            if (line.eat("]")) break;
            if (!line.eat(", ")) return false;
        }
    }
    if (!line.done()) return false;
    auto [at, inserted] = table.insert(std::move(named), std::move(array));
    if (inserted) region_of(at->second) = line.region(value_from, line.at, path);
    return inserted;
}

}  // namespace

std::optional<toml::table> parse_written_toml(std::string_view text, std::string_view source_path) {
    const toml::source_path_ptr path = source_path.empty() ? nullptr : std::make_shared<const std::string>(source_path);
    toml::table root;
    region_of(root) = {{1, 1}, {1, 1}, path};
    if (text.empty()) return root;
    if (text.back() != '\n' || text.starts_with("\xEF\xBB\xBF")) return std::nullopt;

    toml::table* current = nullptr;
    toml::array* array = nullptr;  // the array of the last header, named array_name
    std::string_view array_name;
    toml::source_index number = 0;
    toml::source_position last_newline{1, 1};
    for (std::size_t from = 0; from < text.size();) {
        // The line's end, and whether it is all ASCII, in one pass; the text ends with a line break.
        std::size_t end = from;
        unsigned char high = 0;
        for (; text[end] != '\n'; ++end) high |= static_cast<unsigned char>(text[end]);
        Line line(text.substr(from, end - from), ++number, high < 0x80);
        last_newline = line.position(end - from);
        from = end + 1;
        if (line.done()) continue;
        if (line.eat("#")) {
            if (!line.plain_comment()) return std::nullopt;
            continue;
        }
        if (!line.eat("[[")) {
            if (!current || !key_value(line, *current, path)) return std::nullopt;
            continue;
        }
        // [[name]]: the next table of the array `name`, which toml++ places where the first header was.
        const std::string_view name = line.bare_key();
        if (name.empty() || !line.eat("]]") || !line.done()) return std::nullopt;
        const toml::source_region header = line.region(0, line.at, path);
        if (name != array_name) {
            array = nullptr;
            array_name = name;
            if (toml::node* existing = root.get(name)) array = existing->as_array();
        }
        if (!array) {
            auto& node =
                root.insert(toml::key{name, line.region(2, 2 + name.size(), path)}, toml::array{}).first->second;
            region_of(node) = header;
            array = node.as_array();
        }
        array->push_back(toml::table{});
        current = array->back().as_table();
        region_of(*current) = header;
        region_of(*array).end = header.end;  // an array's region ends where its last element's does
    }
    // toml++ ends the document one column past its last character.
    region_of(root).end = {last_newline.line, static_cast<toml::source_index>(last_newline.column + 1)};
    return root;
}

}  // namespace tend
