// A small JSON value and writer for --json output: ordered keys, exact escaping, stable schema.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "record.hpp"
#include "time.hpp"

namespace tend {

// How dump() writes: indented or on one line, and times with their offset or in UTC (--utc).
struct JsonStyle {
    TimeStyle times = TimeStyle::offset;
    bool pretty = true;
};

class Json {
public:
    using Object = std::vector<std::pair<std::string, Json>>;
    using Array = std::vector<Json>;

    Json() : value_(nullptr) {}
    Json(std::nullptr_t) : value_(nullptr) {}
    Json(bool b) : value_(b) {}
    Json(int i) : value_(static_cast<std::int64_t>(i)) {}
    Json(std::int64_t i) : value_(i) {}
    Json(double d) : value_(d) {}
    Json(const char* s) : value_(std::string(s)) {}
    Json(std::string s) : value_(std::move(s)) {}
    // A time is kept as a time and written as dump()'s style says, so no caller formats one itself.
    Json(OffsetTime t) : value_(t) {}
    Json(Array a) : value_(std::make_shared<Array>(std::move(a))) {}
    Json(Object o) : value_(std::make_shared<Object>(std::move(o))) {}

    static Json object() { return Json(Object{}); }
    static Json array() { return Json(Array{}); }

    // Appends a key to an object (keys keep the order they were added in).
    Json& set(std::string key, Json value);
    // Appends an element to an array.
    Json& push(Json value);

    // Two-space indented when pretty, one line otherwise; always ends without a newline.
    std::string dump(JsonStyle style = {}) const;

private:
    void write(std::string& out, const JsonStyle& style, int depth) const;
    std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, OffsetTime, std::shared_ptr<Array>,
                 std::shared_ptr<Object>>
        value_;
};

// A JSON string literal; invalid UTF-8 bytes become U+FFFD so the output is always valid.
std::string json_quote(std::string_view text);

// A record as a JSON object in its format's field order, every field there (null when the record
// has none); date-times as times (see Json(OffsetTime)), to the second.
Json record_to_json(const Record& record, const RecordFormat& format);

}  // namespace tend
