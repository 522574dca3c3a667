// jrnl's JSON export (jrnl --export json) as check-ins: title and body as the note, @tags as tags.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "checkin_record.hpp"
#include "error.hpp"
#include "import.hpp"
#include "input.hpp"
#include "json_parse.hpp"
#include "terminal.hpp"

namespace checkin {
using tend::JsonNode;
using tend::Record;

namespace {

std::optional<int> digits(std::string_view text) {
    if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    int value = 0;
    for (const char c : text) value = value * 10 + (c - '0');
    return value;
}

// "@mood7", "@mood-7", "@mood_7" with --mood-from-tag: the mood 0-10.
std::optional<int> mood_of_tag(std::string_view tag) {
    if (!tag.starts_with("mood")) return std::nullopt;
    tag.remove_prefix(4);
    if (tag.starts_with('-') || tag.starts_with('_')) tag.remove_prefix(1);
    if (tag.size() > 2) return std::nullopt;
    const auto value = digits(tag);
    return value && *value <= 10 ? value : std::nullopt;
}

const JsonNode* member(const JsonNode& entry, std::string_view key, JsonNode::Type type, bool& wrong) {
    const JsonNode* node = entry.get(key);
    if (node && node->type != type) wrong = true;
    return node && node->type == type ? node : nullptr;
}

std::variant<Record, std::string> read_entry(const JsonNode& entry, const ImportContext& context) {
    if (entry.type != JsonNode::Type::object) return std::string("an entry that is not a JSON object");
    bool wrong = false;
    const JsonNode* date_node = member(entry, "date", JsonNode::Type::string, wrong);
    const JsonNode* time_node = member(entry, "time", JsonNode::Type::string, wrong);
    const JsonNode* title = member(entry, "title", JsonNode::Type::string, wrong);
    const JsonNode* body = member(entry, "body", JsonNode::Type::string, wrong);
    const JsonNode* tags_node = member(entry, "tags", JsonNode::Type::array, wrong);
    const JsonNode* starred = member(entry, "starred", JsonNode::Type::boolean, wrong);
    if (wrong)
        return std::string("date, time, title and body must be strings, tags an array and starred true or false");
    if (!date_node || !time_node) return std::string("an entry without its date and time");

    const std::string& day_text = date_node->text;
    std::optional<tend::LocalDay> day;
    if (day_text.size() == 10 && day_text[4] == '-' && day_text[7] == '-') {
        const auto y = digits(std::string_view(day_text).substr(0, 4));
        const auto m = digits(std::string_view(day_text).substr(5, 2));
        const auto d = digits(std::string_view(day_text).substr(8, 2));
        if (y && m && d && *y >= 1970) {
            const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                           date::day{static_cast<unsigned>(*d)}};
            if (ymd.ok()) day = tend::LocalDay{ymd};
        }
    }
    if (!day) return fmt::format("'{}' is not a date (YYYY-MM-DD from 1970 on)", tend::neutralize(day_text));
    const std::string& clock_text = time_node->text;
    const auto hour = clock_text.size() == 5 && clock_text[2] == ':' ? digits(clock_text.substr(0, 2)) : std::nullopt;
    const auto minute = hour ? digits(clock_text.substr(3, 2)) : std::nullopt;
    if (!hour || !minute || *hour > 23 || *minute > 59)
        return fmt::format("'{}' is not a time (HH:MM)", tend::neutralize(clock_text));
    const tend::LocalTime local = tend::LocalTime{*day} + std::chrono::hours{*hour} + std::chrono::minutes{*minute};
    const tend::Instant at = context.zone.to_instant(local);
    if (at > context.now + std::chrono::minutes{1})
        return fmt::format("{} is in the future", tend::format_local_minutes(local));

    std::vector<std::string> tags;
    std::optional<int> mood;
    for (const auto& item : tags_node ? tags_node->items : std::vector<JsonNode>{}) {
        if (item.type != JsonNode::Type::string) return std::string("tags must be strings");
        std::string_view raw = item.text;
        if (raw.starts_with('@') || raw.starts_with('#')) raw.remove_prefix(1);
        const auto tag = imported_tag(raw);
        if (!tag) return fmt::format("'{}' cannot be a tag", tend::neutralize(item.text));
        if (context.mood_from_tag) {
            if (const auto value = mood_of_tag(*tag)) {
                if (mood && *mood != *value)
                    return fmt::format("two mood tags, {} and {}; keep one in jrnl and export again", *mood, *value);
                mood = value;
                continue;
            }
        }
        if (std::find(tags.begin(), tags.end(), *tag) == tags.end()) tags.push_back(*tag);
    }
    if (starred && starred->boolean && std::find(tags.begin(), tags.end(), "starred") == tags.end())
        tags.push_back("starred");

    const std::string title_text = title ? tend::trimmed(title->text) : std::string{};
    const std::string body_text = body ? tend::trimmed(body->text) : std::string{};
    std::string note = title_text;
    if (!body_text.empty()) note += (note.empty() ? "" : "\n") + body_text;
    if (note.size() > tend::max_text_bytes) return std::string("the entry is longer than 1 MiB");
    if (note.empty() && tags.empty() && !mood) return std::string("an empty entry");

    tend::CheckinEntry checkin;
    checkin.ratings[0] = mood;
    checkin.tags = std::move(tags);
    if (!note.empty()) checkin.note = std::move(note);
    checkin.source = source_key("jrnl", {day_text, clock_text, title ? title->text : "", body ? body->text : ""});
    Record record = tend::new_record(tend::in_zone(at, context.zone), tend::in_zone(context.now, context.zone));
    tend::write_checkin_entry(checkin, record);
    return record;
}

}  // namespace

ImportBatch read_jrnl(std::string_view text, std::string_view source, const ImportContext& context) {
    const JsonNode root = tend::parse_json(text, source);
    const JsonNode* entries = root.get("entries");
    if (!entries || entries->type != JsonNode::Type::array)
        tend::fail(tend::Exit::data,
                   fmt::format("{}:{}:{}: this is not a jrnl JSON export (jrnl --export json): it has no \"entries\" "
                               "list; nothing was imported",
                               source, root.line, root.column));
    ImportBatch batch;
    for (const auto& entry : entries->items) {
        auto result = read_entry(entry, context);
        if (auto* record = std::get_if<Record>(&result))
            batch.entries.push_back({entry.line, &tend::checkin_format, std::move(*record)});
        else
            batch.refused.push_back({entry.line, 0, std::get<std::string>(result)});
    }
    return batch;
}

}  // namespace checkin
