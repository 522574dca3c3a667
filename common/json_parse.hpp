// A small, strict JSON reader (RFC 8259) for files tend imports: values with their line and column.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "error.hpp"

namespace tend {

// What the reader throws (Exit::data, "source:line:col: what"), with the parts kept apart so
// that a caller can list a bad line and read on.
class JsonError : public Error {
public:
    JsonError(std::string_view source, std::size_t line, std::size_t column, std::string what);
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }
    const std::string& problem() const { return problem_; }

private:
    std::size_t line_;
    std::size_t column_;
    std::string problem_;
};

struct JsonMember;

struct JsonNode {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    bool boolean = false;
    std::string text;                 // a string's decoded UTF-8, or a number exactly as written
    std::vector<JsonNode> items;      // an array's elements
    std::vector<JsonMember> members;  // an object's keys, in file order
    std::size_t line = 1;             // where the value starts, 1-based
    std::size_t column = 1;           // in bytes, 1-based

    // The member with this key, or nullptr (also for a value that is not an object).
    const JsonNode* get(std::string_view key) const;
    // A number written without a fraction or exponent.
    bool is_integer() const;
};

struct JsonMember {
    std::string key;
    JsonNode value;
};

// Parses one whole JSON text: exactly one value, white space around it. Strict: no comments,
// trailing commas, NaN, leading zeros, raw control characters, lone surrogates, invalid UTF-8,
// duplicate keys or nesting deeper than 64. Throws JsonError.
// `first_line` numbers the text's first line (for one line of a JSON Lines file).
JsonNode parse_json(std::string_view text, std::string_view source, std::size_t first_line = 1);

// An integer from a number node in [min, max], or nullopt (a fraction, or out of range).
std::optional<long long> json_integer(const JsonNode& node, long long min, long long max);

}  // namespace tend
