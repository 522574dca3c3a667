// The export's JSON form of each record, written and read field by field against the kind's format.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "error.hpp"
#include "files.hpp"
#include "json.hpp"
#include "json_parse.hpp"
#include "store.hpp"
#include "terminal.hpp"

namespace tend {

namespace {

const FieldSpec* spec_of(const RecordFormat& format, std::string_view key) {
    for (const auto& spec : stamped_fields())
        if (spec.name == key) return &spec;
    for (const auto& spec : format.fields)
        if (spec.name == key) return &spec;
    return nullptr;
}

std::string json_value(const toml::node& node) {
    if (auto s = node.as_string()) return json_quote(s->get());
    if (auto f = node.as_floating_point()) {
        // JSON has no NaN or infinity; a hand-edited one is kept as its TOML word.
        const std::string text = toml_value_text(node);
        return std::isfinite(f->get()) ? text : json_quote(text);
    }
    if (auto d = node.as_date_time()) return json_quote(toml_value_text(*d));
    if (auto a = node.as_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < a->size(); ++i) out += (i ? "," : "") + json_value(*a->get(i));
        return out + "]";
    }
    return toml_value_text(node);  // integers and booleans read the same in both
}

class LineReader {
public:
    LineReader(std::string_view source) : source_(source) {}

    [[noreturn]] void refuse(const JsonNode& node, std::string_view what) const {
        throw JsonError(source_, node.line, node.column, std::string(what));
    }

    std::optional<toml::date_time> date_time(const std::string& text) const {
        // Only the characters of RFC 3339 reach the TOML parser, so nothing else can be smuggled in.
        if (text.empty() || text.find_first_not_of("0123456789-:.TZ+") != std::string::npos) return std::nullopt;
        try {
            const toml::table parsed = toml::parse("v = " + text);
            if (auto value = parsed["v"].as_date_time(); value && value->get().offset) return value->get();
        } catch (const toml::parse_error&) {
        }
        return std::nullopt;
    }

    void insert(Record& record, const FieldSpec& spec, const JsonNode& value) const {
        const auto wrong = [&](std::string_view type) {
            refuse(value, fmt::format("'{}' must be {}", spec.name, type));
        };
        using Type = JsonNode::Type;
        switch (spec.type) {
            case FieldType::string:
                if (value.type != Type::string) wrong("a string");
                record.insert_or_assign(spec.name, value.text);
                return;
            case FieldType::integer: {
                const auto number = json_integer(value, INT64_MIN, INT64_MAX);
                if (!number) wrong("a whole number");
                record.insert_or_assign(spec.name, static_cast<int64_t>(*number));
                return;
            }
            case FieldType::number: {
                if (value.type != Type::number) wrong("a number");
                if (const auto whole = json_integer(value, INT64_MIN, INT64_MAX)) {
                    record.insert_or_assign(spec.name, static_cast<int64_t>(*whole));
                    return;
                }
                double number = 0;
                const auto [end, ec] =
                    std::from_chars(value.text.data(), value.text.data() + value.text.size(), number);
                if (ec != std::errc{} || end != value.text.data() + value.text.size() || !std::isfinite(number))
                    wrong("a finite number");
                record.insert_or_assign(spec.name, number);
                return;
            }
            case FieldType::boolean:
                if (value.type != Type::boolean) wrong("true or false");
                record.insert_or_assign(spec.name, value.boolean);
                return;
            case FieldType::datetime: {
                const auto time = value.type == Type::string ? date_time(value.text) : std::nullopt;
                if (!time) wrong("an RFC 3339 date-time with its offset, like 2026-11-21T19:10:00+01:00");
                record.insert_or_assign(spec.name, *time);
                return;
            }
            case FieldType::strings: {
                if (value.type != Type::array) wrong("an array of strings");
                toml::array array;
                for (const auto& item : value.items) {
                    if (item.type != Type::string) wrong("an array of strings");
                    array.push_back(item.text);
                }
                record.insert_or_assign(spec.name, std::move(array));
                return;
            }
        }
    }

private:
    std::string_view source_;
};

}  // namespace

std::string export_line(const Record& record, const RecordFormat& format) {
    std::string out = "{\"kind\":" + json_quote(format.kind);
    const auto emit = [&](std::string_view key) {
        if (const toml::node* node = record.get(key)) out += "," + json_quote(key) + ":" + json_value(*node);
    };
    for (const auto& spec : stamped_fields()) emit(spec.name);
    for (const auto& spec : format.fields) emit(spec.name);
    return out + "}";
}

std::string export_everything(const Session& session) {
    std::error_code ec;
    if (!std::filesystem::exists(session.paths.data_dir, ec)) return {};
    const DataLock lock(session.paths.data_dir, DataLock::Mode::shared, session.lock_wait());
    std::string out;
    for (const RecordFormat* format : record_formats())
        for (const auto& record : session.store(*format).read_all()) out += export_line(record, *format) + "\n";
    return out;
}

ImportedRecord parse_export_line(std::string_view line, std::string_view source, std::size_t line_number) {
    const JsonNode root = parse_json(line, source, line_number);
    const LineReader reader(source);
    if (root.type != JsonNode::Type::object) reader.refuse(root, "each line of a tend export is one JSON object");
    const JsonNode* kind = root.get("kind");
    if (!kind || kind->type != JsonNode::Type::string) reader.refuse(root, "the line has no \"kind\"");
    const RecordFormat* format = find_record_format(kind->text);
    if (!format) reader.refuse(*kind, fmt::format("'{}' is not a kind of record tend keeps", neutralize(kind->text)));

    Record record;
    for (const auto& [key, value] : root.members) {
        if (key == "kind") continue;
        const FieldSpec* spec = spec_of(*format, key);
        if (!spec) reader.refuse(value, fmt::format("unknown key '{}' in a {} record", neutralize(key), format->kind));
        reader.insert(record, *spec, value);
    }
    // The same checks a month file's records pass; built nodes have no place, so the line's is used.
    if (const auto problems = validate_record(record, *format); !problems.empty())
        reader.refuse(root, problems.front().what);
    return {format, std::move(record)};
}

}  // namespace tend
