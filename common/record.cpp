// Validation and serialisation of records, driven by each kind's field list.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "error.hpp"
#include "terminal.hpp"

namespace tend {
using namespace std::chrono;

namespace {

// id, at and recorded: what every record has, defined here once.
constexpr std::array<FieldSpec, 3> stamped{{
    {"id", FieldType::string, true},
    {"at", FieldType::datetime, true},
    {"recorded", FieldType::datetime, true},
}};
constexpr const FieldSpec& id_field = stamped[0];
constexpr const FieldSpec& at_field = stamped[1];
constexpr const FieldSpec& recorded_field = stamped[2];
// Kept by every kind for records changed on several devices (see versions.hpp).
constexpr FieldSpec revision_field{"revision", FieldType::integer, false, 1, 1e15};
constexpr FieldSpec deleted_field{"deleted", FieldType::boolean};
constexpr const FieldSpec* common_fields[] = {&id_field, &at_field, &recorded_field, &revision_field, &deleted_field};

std::string_view type_name(FieldType type) {
    switch (type) {
        case FieldType::string:
            return "a string";
        case FieldType::integer:
            return "an integer";
        case FieldType::number:
            return "a number";
        case FieldType::boolean:
            return "true or false";
        case FieldType::datetime:
            return "a date-time with offset";
        case FieldType::strings:
            return "an array of strings";
    }
    return "a value";
}

std::optional<Problem> check_value(const toml::node& node, const FieldSpec& spec) {
    const auto wrong_type = [&] {
        return problem_at(node, fmt::format("'{}' must be {}", spec.name, type_name(spec.type)));
    };
    const auto out_of_range = [&](double value) -> std::optional<Problem> {
        if (spec.min < spec.max && (value < spec.min || value > spec.max))
            return problem_at(node, fmt::format("'{}' is {}, outside {} to {}", spec.name, value, spec.min, spec.max));
        return std::nullopt;
    };
    switch (spec.type) {
        case FieldType::string:
            if (!node.is_string()) return wrong_type();
            if (!is_valid_utf8(node.as_string()->get()))
                return problem_at(node, fmt::format("'{}' is not valid UTF-8", spec.name));
            return std::nullopt;
        case FieldType::integer:
            if (!node.is_integer()) return wrong_type();
            return out_of_range(static_cast<double>(node.as_integer()->get()));
        case FieldType::number:
            if (!node.is_number()) return wrong_type();
            return out_of_range(*node.value<double>());
        case FieldType::boolean:
            if (!node.is_boolean()) return wrong_type();
            return std::nullopt;
        case FieldType::datetime:
            if (!node.is_date_time() || !node.as_date_time()->get().offset) return wrong_type();
            return std::nullopt;
        case FieldType::strings:
            if (!node.is_array() || !node.as_array()->is_homogeneous(toml::node_type::string)) {
                if (node.is_array() && node.as_array()->empty()) return std::nullopt;
                return wrong_type();
            }
            return std::nullopt;
    }
    return std::nullopt;
}

const FieldSpec* find_spec(const RecordFormat& format, std::string_view key) {
    for (const FieldSpec* common : common_fields)
        if (common->name == key) return common;
    const auto it = std::find_if(format.fields.begin(), format.fields.end(),
                                 [&](const FieldSpec& spec) { return spec.name == key; });
    return it == format.fields.end() ? nullptr : &*it;
}

std::string format_float(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    std::string text = fmt::format("{}", value);  // shortest form that reads back exactly
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

// A hand-written time may have fractional seconds; they are written back so that the record
// reads back the same (otherwise editing it failed as "does not read back the same").
std::string format_date_time(const toml::date_time& value) {
    std::string text = format_rfc3339(from_toml(value));
    if (value.time.nanosecond == 0) return text;
    std::string fraction = fmt::format(".{:09}", value.time.nanosecond);
    while (fraction.back() == '0') fraction.pop_back();
    text.insert(text.find_first_of("+-", 19), fraction);  // after the seconds, before the offset
    return text;
}

}  // namespace

std::span<const FieldSpec> stamped_fields() {
    return stamped;
}

std::string toml_value_text(const toml::node& node) {
    if (auto s = node.as_string()) return toml_quote(s->get());
    if (auto i = node.as_integer()) return fmt::format("{}", i->get());
    if (auto f = node.as_floating_point()) return format_float(f->get());
    if (auto b = node.as_boolean()) return b->get() ? "true" : "false";
    if (auto d = node.as_date_time()) return format_date_time(d->get());
    if (auto a = node.as_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < a->size(); ++i) {
            if (i) out += ", ";
            out += toml_value_text(*a->get(i));
        }
        return out + "]";
    }
    return "\"\"";
}

Problem problem_at(const toml::node& node, std::string what) {
    const auto& begin = node.source().begin;
    return {begin.line, begin.column, std::move(what)};
}

std::string Problem::text() const {
    if (!line) return what;
    if (!column) return fmt::format("{}: {}", line, what);
    return fmt::format("{}:{}: {}", line, column, what);
}

std::vector<Problem> validate_record(const Record& record, const RecordFormat& format) {
    std::vector<Problem> problems;
    for (const auto& [key, node] : record) {
        const FieldSpec* spec = find_spec(format, key.str());
        if (!spec) {
            problems.push_back(problem_at(
                node, fmt::format("unknown key '{}' in a [[{}]] record", neutralize(key.str()), format.kind)));
            continue;
        }
        if (auto problem = check_value(node, *spec)) problems.push_back(std::move(*problem));
    }
    const auto at_header = [&](std::string what) { problems.push_back(problem_at(record, std::move(what))); };
    for (const FieldSpec* common : {&id_field, &at_field, &recorded_field})
        if (!record.contains(common->name))
            at_header(fmt::format("[[{}]] record has no '{}'", format.kind, common->name));
    if (auto id = record["id"].value<std::string>(); id && id->empty()) at_header("'id' is empty");
    if (record["deleted"].value_or(false)) {
        // A deletion marker keeps nothing of what the record said.
        for (const FieldSpec& spec : format.fields)
            if (const toml::node* node = record.get(spec.name))
                problems.push_back(problem_at(*node, fmt::format("a deleted record keeps no '{}'", spec.name)));
        if (!record.contains("revision")) at_header("a deleted record needs its 'revision'");
        return problems;
    }
    for (const FieldSpec& spec : format.fields)
        if (spec.required && !record.contains(spec.name))
            at_header(fmt::format("[[{}]] record has no '{}'", format.kind, spec.name));
    if (format.rules)
        for (auto& problem : format.rules(record)) problems.push_back(std::move(problem));
    return problems;
}

std::string serialize_record(const Record& record, const RecordFormat& format) {
    std::string out = fmt::format("[[{}]]\n", format.kind);
    const auto emit = [&](std::string_view key) {
        if (const toml::node* node = record.get(key)) out += fmt::format("{} = {}\n", key, toml_value_text(*node));
    };
    for (const FieldSpec* common : common_fields) emit(common->name);
    for (const FieldSpec& spec : format.fields) emit(spec.name);
    return out;
}

std::string toml_quote(std::string_view text) {
    std::string out = "\"";
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const auto c = static_cast<unsigned char>(text[pos]);
        switch (c) {
            case '"':
                out += "\\\"";
                continue;
            case '\\':
                out += "\\\\";
                continue;
            case '\n':
                out += "\\n";
                continue;
            case '\t':
                out += "\\t";
                continue;
            default:
                break;
        }
        if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
            continue;
        }
        // C1 controls and the bidi controls neutralize() shows (U+061C among them, which this
        // once missed) are escaped too, so that a month file is safe to cat.
        if (c >= 0x80) {
            const Utf8Char u = decode_utf8_at(text, pos);
            if (u.length > 0 && ((u.code_point >= 0x80 && u.code_point <= 0x9F) || is_bidi_control(u.code_point))) {
                out += fmt::format("\\u{:04X}", static_cast<unsigned>(u.code_point));
                pos += u.length - 1;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    return out + "\"";
}

toml::date_time to_toml(const OffsetTime& time) {
    const LocalTime local = time.local();
    const LocalDay day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss<seconds> clock{local - day};
    toml::date d{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
    toml::time t{static_cast<unsigned>(clock.hours().count()), static_cast<unsigned>(clock.minutes().count()),
                 static_cast<unsigned>(clock.seconds().count())};
    toml::time_offset offset;
    offset.minutes = static_cast<int16_t>(time.offset.count());
    return toml::date_time{d, t, offset};
}

OffsetTime from_toml(const toml::date_time& value) {
    const date::year_month_day ymd{date::year{value.date.year}, date::month{value.date.month},
                                   date::day{value.date.day}};
    const LocalTime local{LocalDay{ymd} + hours{value.time.hour} + minutes{value.time.minute} +
                          seconds{value.time.second}};
    const minutes offset{value.offset ? value.offset->minutes : 0};
    return {Instant{local.time_since_epoch() - offset}, offset};
}

Record new_record(const OffsetTime& at, const OffsetTime& recorded) {
    Record record;
    record.insert_or_assign(at_field.name, to_toml(at));
    record.insert_or_assign(recorded_field.name, to_toml(recorded));
    return record;
}

std::string record_id(const Record& record) {
    return record["id"].value_or(std::string{});
}

OffsetTime record_at(const Record& record) {
    if (auto at = record["at"].as_date_time()) return from_toml(at->get());
    return {};
}

std::vector<std::string> string_list(const Record& record, std::string_view key) {
    std::vector<std::string> values;
    if (auto array = record[key].as_array())
        for (const auto& item : *array)
            if (auto s = item.value<std::string>()) values.push_back(*s);
    return values;
}

toml::array to_toml_array(const std::vector<std::string>& values) {
    toml::array array;
    for (const auto& value : values) array.push_back(value);
    return array;
}

toml::table parse_toml_document(std::string_view text, std::string_view source) {
    try {
        return toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        fail_at(Exit::data, {std::string(source), e.source().begin.line, e.source().begin.column},
                std::string(e.description()));
    }
}

}  // namespace tend
