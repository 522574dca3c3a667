// Daylio's CSV export as check-ins: the CSV reader, its dates and 12-hour times, moods, activities, notes.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <span>
#include <variant>

#include "checkin_record.hpp"
#include "error.hpp"
#include "feelings.hpp"
#include "import.hpp"
#include "input.hpp"
#include "terminal.hpp"

namespace checkin {
using tend::Record;

namespace {

// The two headers Daylio has written: the current one, and the older one with a year column.
constexpr std::array<std::string_view, 8> current_header{"full_date", "date",       "weekday",    "time",
                                                         "mood",      "activities", "note_title", "note"};
constexpr std::array<std::string_view, 7> older_header{"year", "date", "weekday", "time", "mood", "activities", "note"};

constexpr std::array<std::string_view, 12> month_names{"january",   "february", "march",    "april",
                                                       "may",       "june",     "july",     "august",
                                                       "september", "october",  "november", "december"};

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<int> whole(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<tend::LocalDay> valid_day(int year, int month, int day) {
    if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return tend::LocalDay{ymd};
}

// 2021-09-28
std::optional<tend::LocalDay> iso_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = whole(text.substr(0, 4)), m = whole(text.substr(5, 2)), d = whole(text.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    return valid_day(*y, *m, *d);
}

// The older export's day and month in English: "28 September", "September 28", "Sep 28".
std::optional<tend::LocalDay> named_day(std::string_view year_text, std::string_view text) {
    const auto year = whole(tend::trimmed(year_text));
    const std::string words = lower_ascii(tend::trimmed(text));
    const auto space = words.find(' ');
    if (!year || space == std::string::npos) return std::nullopt;
    std::string first = words.substr(0, space), second = tend::trimmed(words.substr(space + 1));
    if (!whole(first)) std::swap(first, second);
    const auto day = whole(first);
    if (!day || second.size() < 3) return std::nullopt;
    for (std::size_t i = 0; i < month_names.size(); ++i)
        if (month_names[i] == second || month_names[i].substr(0, 3) == second)
            return valid_day(*year, static_cast<int>(i) + 1, *day);
    return std::nullopt;
}

// "10:00 pm", "9:05 AM", "22:00": minutes since midnight.
std::optional<std::chrono::minutes> clock_time(std::string_view raw) {
    std::string text = lower_ascii(tend::trimmed(raw));
    std::erase(text, '.');  // "p.m."
    std::optional<bool> pm;
    if (text.ends_with("am") || text.ends_with("pm")) {
        pm = text.ends_with("pm");
        text = tend::trimmed(std::string_view(text).substr(0, text.size() - 2));
    }
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2 || text.size() - colon != 3) return std::nullopt;
    auto hour = whole(std::string_view(text).substr(0, colon));
    const auto minute = whole(std::string_view(text).substr(colon + 1));
    if (!hour || !minute || *minute > 59) return std::nullopt;
    if (pm) {
        if (*hour < 1 || *hour > 12) return std::nullopt;
        *hour = *hour % 12 + (*pm ? 12 : 0);
    } else if (*hour > 23) {
        return std::nullopt;
    }
    return std::chrono::hours{*hour} + std::chrono::minutes{*minute};
}

std::string header_text(std::span<const std::string_view> header) {
    std::string out;
    for (const auto& name : header) out += (out.empty() ? "" : ",") + std::string(name);
    return out;
}

// Which columns the header names, or nullopt when it is neither of Daylio's.
std::optional<bool> is_current_header(const CsvRow& row) {
    std::vector<std::string> names;
    for (const auto& field : row.fields) names.push_back(lower_ascii(tend::trimmed(field)));
    if (std::equal(names.begin(), names.end(), current_header.begin(), current_header.end())) return true;
    if (std::equal(names.begin(), names.end(), older_header.begin(), older_header.end())) return false;
    return std::nullopt;
}

std::string joined(const std::vector<std::string>& words) {
    return fmt::format("{}", fmt::join(words, ", "));
}

struct RowReader {
    const ImportContext& context;
    bool current;  // the header with full_date and note_title

    // The check-in for one row, or the reason it cannot be one.
    std::variant<Record, std::string> read(const CsvRow& row) const {
        const std::size_t columns = current ? current_header.size() : older_header.size();
        if (!row.problem.empty()) return row.problem;
        if (row.fields.size() != columns)
            return fmt::format("{} fields where the header has {}", row.fields.size(), columns);
        const auto& f = row.fields;
        const auto day = current ? iso_day(tend::trimmed(f[0])) : named_day(f[0], f[1]);
        if (!day)
            return current ? fmt::format("'{}' is not a date (YYYY-MM-DD from 1970 on)", tend::neutralize(f[0]))
                           : fmt::format("'{} {}' is not a date", tend::neutralize(f[1]), tend::neutralize(f[0]));
        const auto clock = clock_time(f[3]);
        if (!clock) return fmt::format("'{}' is not a time like 10:00 pm or 22:00", tend::neutralize(f[3]));
        const tend::Instant at = context.zone.to_instant(tend::LocalTime{*day} + *clock);
        if (at > context.now + std::chrono::minutes{1})
            return fmt::format("{} is in the future", tend::format_local_minutes(tend::LocalTime{*day} + *clock));

        const std::string label = lower_ascii(tend::trimmed(f[4]));
        const auto mood = context.moods.find(label);
        if (mood == context.moods.end())
            return fmt::format("the mood '{}' has no number yet; give --mood-map '{}=N' (N from 0 to 10)",
                               tend::neutralize(label), tend::neutralize(label));

        std::vector<std::string> tags, kept;
        std::vector<std::string_view> activities;
        std::string_view rest = f[5];
        for (std::size_t bar; !rest.empty(); rest = bar == std::string_view::npos ? "" : rest.substr(bar + 1)) {
            bar = rest.find('|');
            const std::string activity = tend::trimmed(rest.substr(0, bar));
            if (activity.empty()) continue;
            if (auto tag = imported_tag(activity)) {
                if (std::find(tags.begin(), tags.end(), *tag) == tags.end()) tags.push_back(*tag);
            } else {
                kept.push_back(activity);
            }
        }

        const std::string title = current ? tend::trimmed(html_to_text(f[6])) : std::string{};
        const std::string body = tend::trimmed(html_to_text(f[current ? 7 : 6]));
        std::string note = title;
        if (!body.empty()) note += (note.empty() ? "" : "\n\n") + body;
        if (!kept.empty()) note += (note.empty() ? "" : "\n\n") + ("Daylio activities: " + joined(kept));
        if (!tend::is_valid_utf8(note)) return std::string("the note is not UTF-8 text");
        if (note.size() > tend::max_text_bytes) return std::string("the note is longer than 1 MiB");

        tend::CheckinEntry entry;
        entry.ratings[0] = mood->second;
        entry.tags = std::move(tags);
        if (!note.empty()) entry.note = std::move(note);
        const std::string iso = tend::format_day(*day);
        const std::string clock_text = tend::format_local_minutes(tend::LocalTime{*day} + *clock).substr(11);
        entry.source = source_key("daylio", {iso, clock_text, label, f[5], current ? f[6] : "", f[current ? 7 : 6]});
        Record record = tend::new_record(tend::in_zone(at, context.zone), tend::in_zone(context.now, context.zone));
        tend::write_checkin_entry(entry, record);
        return record;
    }
};

}  // namespace

std::vector<CsvRow> read_csv(std::string_view text, std::string_view source) {
    std::vector<CsvRow> rows;
    std::size_t pos = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::size_t line = 1;
    const auto line_end = [&](std::size_t at) {
        return text[at] == '\n' || (text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n');
    };
    while (pos < text.size()) {
        CsvRow row{line, {}, {}};
        std::string field;
        bool row_done = false;
        while (!row_done) {
            if (pos < text.size() && text[pos] == '"') {
                const std::size_t open_line = line;
                const std::size_t open_pos = pos;
                ++pos;
                for (;;) {
                    if (pos >= text.size()) {
                        const auto newline = text.rfind('\n', open_pos);
                        const std::size_t column =
                            newline == std::string_view::npos ? open_pos + 1 : open_pos - newline;
                        tend::fail(tend::Exit::data,
                                   fmt::format("{}:{}:{}: a quoted field is never closed; nothing was imported", source,
                                               open_line, column));
                    }
                    const char c = text[pos++];
                    if (c == '"') {
                        if (pos < text.size() && text[pos] == '"') {
                            field += '"';
                            ++pos;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                }
                if (pos < text.size() && text[pos] != ',' && !line_end(pos) && row.problem.empty())
                    row.problem = "text after a closing quote; a quote inside a field is written twice (\"\")";
            }
            while (pos < text.size() && text[pos] != ',' && !line_end(pos)) {
                if (text[pos] == '"' && row.problem.empty())
                    row.problem = "a quote inside a field that does not start with one";
                field += text[pos++];
            }
            row.fields.push_back(std::move(field));
            field.clear();
            if (pos < text.size() && text[pos] == ',') {
                ++pos;
                continue;
            }
            row_done = true;
        }
        if (pos < text.size()) pos += text[pos] == '\r' ? 2 : 1;
        ++line;
        const bool blank = row.fields.size() == 1 && tend::trimmed(row.fields[0]).empty() && row.problem.empty();
        if (!blank) rows.push_back(std::move(row));
    }
    return rows;
}

MoodMap daylio_moods(const std::vector<std::string>& overrides) {
    MoodMap moods{{"rad", 9}, {"good", 7}, {"meh", 5}, {"bad", 3}, {"awful", 1}};
    for (const auto& pair : overrides) {
        const auto equals = pair.rfind('=');
        const std::string label = lower_ascii(tend::trimmed(pair.substr(0, equals == std::string::npos ? 0 : equals)));
        const auto value = equals == std::string::npos ? std::nullopt : whole(tend::trimmed(pair.substr(equals + 1)));
        if (label.empty() || !value || *value < 0 || *value > 10)
            tend::usage_error(fmt::format("--mood-map: '{}' is not LABEL=N with N from 0 to 10, e.g. 'sad=2,average=5'",
                                          tend::neutralize(pair)));
        moods[label] = *value;
    }
    return moods;
}

ImportBatch read_daylio(std::string_view text, std::string_view source, const ImportContext& context) {
    const std::vector<CsvRow> rows = read_csv(text, source);
    const std::optional<bool> current = rows.empty() ? std::nullopt : is_current_header(rows.front());
    if (!current)
        tend::fail(tend::Exit::data,
                   fmt::format("{}:1: this is not a Daylio CSV export: its first line should be\n  {}\n"
                               "(or, from older versions, {}); nothing was imported",
                               source, header_text(current_header), header_text(older_header)));
    ImportBatch batch;
    const RowReader reader{context, *current};
    std::vector<std::string> unknown_moods;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        auto result = reader.read(rows[i]);
        if (auto* record = std::get_if<Record>(&result)) {
            batch.entries.push_back({rows[i].line, &tend::checkin_format, std::move(*record)});
            continue;
        }
        batch.refused.push_back({rows[i].line, 0, std::get<std::string>(result)});
        const std::string label = rows[i].fields.size() > 4 ? lower_ascii(tend::trimmed(rows[i].fields[4])) : "";
        if (!label.empty() && !context.moods.contains(label) &&
            std::find(unknown_moods.begin(), unknown_moods.end(), label) == unknown_moods.end())
            unknown_moods.push_back(label);
    }
    if (!unknown_moods.empty()) {
        std::string pairs;
        for (const auto& label : unknown_moods) pairs += (pairs.empty() ? "" : ",") + tend::neutralize(label) + "=N";
        batch.hint = fmt::format("Your own moods need a number each: give --mood-map '{}' (N from 0 to 10)", pairs);
    }
    return batch;
}

std::string html_to_text(std::string_view html) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> entities{
        {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"#39", "'"}, {"nbsp", " "}}};
    std::string out;
    for (std::size_t pos = 0; pos < html.size();) {
        const char c = html[pos];
        if (c == '\r' && pos + 1 < html.size() && html[pos + 1] == '\n') {
            ++pos;  // CRLF in a note is a line break
            continue;
        }
        if (c == '<') {
            const auto close = html.find('>', pos);
            const std::string tag = close == std::string_view::npos || close - pos > 200
                                        ? ""
                                        : lower_ascii(html.substr(pos + 1, close - pos - 1));
            std::string_view name = tag;
            if (name.starts_with('/')) name.remove_prefix(1);
            name = name.substr(0, name.find_first_of(" /\t"));
            const bool known = !name.empty() && std::all_of(name.begin(), name.end(), [](char n) {
                return std::isalnum(static_cast<unsigned char>(n));
            }) && std::isalpha(static_cast<unsigned char>(name.front()));
            if (known) {
                if (name == "br" || ((name == "p" || name == "div") && tag.starts_with('/'))) out += '\n';
                if (name == "li" && !tag.starts_with('/')) out += "\n- ";
                pos = close + 1;
                continue;
            }
        }
        if (c == '&') {
            const auto semicolon = html.find(';', pos);
            if (semicolon != std::string_view::npos && semicolon - pos <= 8) {
                const std::string_view name = html.substr(pos + 1, semicolon - pos - 1);
                const auto entity =
                    std::find_if(entities.begin(), entities.end(), [&](const auto& e) { return e.first == name; });
                if (entity != entities.end()) {
                    out += entity->second;
                    pos = semicolon + 1;
                    continue;
                }
            }
        }
        out += c;
        ++pos;
    }
    // Block tags and <br> together can leave runs of blank lines; one blank line is enough.
    std::string collapsed;
    std::size_t breaks = 0;
    for (const char c : out) {
        breaks = c == '\n' ? breaks + 1 : 0;
        if (breaks <= 2) collapsed += c;
    }
    return collapsed;
}

}  // namespace checkin
