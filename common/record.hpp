// What a record is: a TOML table checked against its kind's field list, and its text form.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "time.hpp"

namespace tend {

enum class FieldType { string, integer, number, boolean, datetime, strings };

struct FieldSpec {
    std::string_view name;
    FieldType type;
    bool required = false;
    double min = 0;  // for integer and number fields when min < max
    double max = 0;
};

// What is wrong in a file, and where: the place is data, never text to be parsed back.
struct Problem {
    std::size_t line = 0;    // 1-based; 0 for a record built in memory, which has no place
    std::size_t column = 0;  // 1-based; 0 when not known
    std::string what;        // lower case, no place in it

    // "line:col: what", as the store's messages give it after the file name.
    std::string text() const;
};

// A problem at where a parsed node begins.
Problem problem_at(const toml::node& node, std::string what);

// One kind of record (checkin, breathe, ...): its [[table]] name and fields in file order.
// Every record also has id, at and recorded, written first.
struct RecordFormat {
    std::string_view kind;
    std::span<const FieldSpec> fields;
    // What a field list cannot say, such as "this field or those two".
    std::vector<Problem> (*rules)(const toml::table& record) = nullptr;
    // How a person calls one such record ("check-in"); "<kind> record" when empty.
    std::string_view noun = {};
};

using Record = toml::table;

// Checks a record against its format: every key known, every type and range right, the
// common fields present. Returns the problems, each at its place (empty when sound).
std::vector<Problem> validate_record(const Record& record, const RecordFormat& format);

// The record as one "[[kind]]" block, keys in format order, strings escaped so that no
// control or bidi character is ever written raw.
std::string serialize_record(const Record& record, const RecordFormat& format);

// Parses a whole TOML document; a syntax error fails with Exit::data as "source:line:col: what".
toml::table parse_toml_document(std::string_view text, std::string_view source);

// A value as serialize_record writes it: strings quoted, floats always with '.' or 'e' (or
// nan, inf), date-times in RFC 3339 with their fractional seconds.
std::string toml_value_text(const toml::node& node);

// A TOML basic string literal for any UTF-8 text.
std::string toml_quote(std::string_view text);

// Conversions between tend's times and TOML offset date-times.
toml::date_time to_toml(const OffsetTime& time);
OffsetTime from_toml(const toml::date_time& value);

// id, at and recorded, in that order: the fields every record has before its kind's own, each
// required (revision and deleted, kept for records changed on several devices, come after).
std::span<const FieldSpec> stamped_fields();

// A new record of any kind, with the time it is about and the time it was written stamped in
// the one place they are; the store gives it its id when it lands (Transaction::append).
Record new_record(const OffsetTime& at, const OffsetTime& recorded);

// Typed access to the common fields of a record that passed validation.
std::string record_id(const Record& record);
OffsetTime record_at(const Record& record);

// Reads an optional field; nullopt when missing.
template <typename T>
std::optional<T> field(const Record& record, std::string_view key) {
    return record[key].template value<T>();
}
std::vector<std::string> string_list(const Record& record, std::string_view key);
toml::array to_toml_array(const std::vector<std::string>& values);

}  // namespace tend
