// report's unit-test data: records built in code, and the fixed week the golden files show.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate.hpp"
#include "fixtures.hpp"
#include "period.hpp"

namespace report::test {

using tend::Record;
using tend::test::toml_time;

inline Record stamped(std::string_view id, std::string_view at) {
    return Record{{"id", std::string(id)}, {"at", toml_time(at)}, {"recorded", toml_time(at)}};
}

// mood, energy, anxiety, closeness, safety; nullopt leaves one out.
using Values = std::array<std::optional<int>, 5>;

inline Record checkin(std::string_view id, std::string_view at, Values values, std::vector<std::string> feelings = {},
                      std::vector<std::string> tags = {}, std::string note = {}) {
    static constexpr std::array<std::string_view, 5> names{"mood", "energy", "anxiety", "closeness", "safety"};
    Record record = stamped(id, at);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (values[i]) record.insert_or_assign(names[i], static_cast<int64_t>(*values[i]));
    if (!feelings.empty()) record.insert_or_assign("feelings", tend::to_toml_array(feelings));
    if (!tags.empty()) record.insert_or_assign("tags", tend::to_toml_array(tags));
    if (!note.empty()) record.insert_or_assign("note", note);
    return record;
}

inline Record breath(std::string_view id, std::string_view at, std::string pattern, std::string spec, double seconds,
                     std::optional<int> before, std::optional<int> after, bool interrupted = false) {
    Record record = stamped(id, at);
    record.insert_or_assign("pattern", pattern);
    record.insert_or_assign("spec", spec);
    record.insert_or_assign("planned_cycles", int64_t{18});
    record.insert_or_assign("cycles", int64_t{interrupted ? 9 : 18});
    record.insert_or_assign("seconds", seconds);
    record.insert_or_assign("interrupted", interrupted);
    if (before) record.insert_or_assign("before", static_cast<int64_t>(*before));
    if (after) record.insert_or_assign("after", static_cast<int64_t>(*after));
    record.insert_or_assign("worst_lateness_ms", 1.25);
    return record;
}

// A guided exercise session (breathe --exercise), logged as a breathe record.
inline Record exercise(std::string_view id, std::string_view at, std::string name, double seconds,
                       std::optional<int> before, std::optional<int> after, bool interrupted = false) {
    Record record = stamped(id, at);
    record.insert_or_assign("exercise", name);
    record.insert_or_assign("planned_cycles", int64_t{7});
    record.insert_or_assign("cycles", int64_t{interrupted ? 3 : 7});
    record.insert_or_assign("seconds", seconds);
    record.insert_or_assign("interrupted", interrupted);
    if (before) record.insert_or_assign("before", static_cast<int64_t>(*before));
    if (after) record.insert_or_assign("after", static_cast<int64_t>(*after));
    record.insert_or_assign("worst_lateness_ms", 0.5);
    return record;
}

inline Record boundary(std::string_view id, std::string_view at, std::string event, int64_t number,
                       std::string text = {}, std::string note = {}) {
    Record record = stamped(id, at);
    record.insert_or_assign("event", event);
    record.insert_or_assign("boundary", number);
    if (!text.empty()) record.insert_or_assign("text", text);
    if (!note.empty()) record.insert_or_assign("note", note);
    return record;
}

inline Record prompt(std::string_view id, std::string_view at, std::string event, std::string prompt_id,
                     std::string deck, std::string prompt_text = {}, std::string text = {}) {
    Record record = stamped(id, at);
    record.insert_or_assign("event", event);
    record.insert_or_assign("prompt_id", prompt_id);
    record.insert_or_assign("deck", deck);
    if (!prompt_text.empty()) record.insert_or_assign("prompt_text", prompt_text);
    if (!text.empty()) record.insert_or_assign("text", text);
    return record;
}

// Free text in the fixture week; none of it may appear with --no-notes.
inline const std::vector<std::string>& fixture_free_texts() {
    static const std::vector<std::string> texts{"Slept badly",
                                                "Long day",
                                                "Voices got louder",
                                                "phone call at midnight",
                                                "quietly proud",
                                                "asked for a pause",
                                                "money on Sundays",
                                                "phone out of the bedroom",
                                                "café",
                                                "river"};
    return texts;
}

// Week 2026-W47 (Mon 16 - Sun 22 November 2026, GMT in Europe/London) and the week before,
// with something of every kind: gaps, ties, escapes, markup and a long note.
inline ReportRecords fixture_week() {
    ReportRecords r;
    r.checkins = {
        checkin("cq001", "2026-11-09T09:00:00+00:00", {4, 5, 6, 6, 7}, {"tired"}),
        checkin("cq002", "2026-11-11T20:00:00+00:00", {5, std::nullopt, 6, std::nullopt, 7}),
        checkin("cq003", "2026-11-14T20:00:00+00:00", {6, 5, 6, 6, 7}),
        checkin("cq004", "2026-11-16T08:10:00+00:00", {6, 4, 5, 7, 8}, {"tired", "hopeful"}, {"work"},
                "Slept badly; talked it through at breakfast."),
        checkin("cq005", "2026-11-16T21:40:00+00:00", {7, std::nullopt, std::nullopt, std::nullopt, std::nullopt},
                {"calm"}, {"home"}),
        checkin("cq006", "2026-11-17T19:00:00+00:00", {5, 3, 7, 6, 6}, {"tense", "tired"}, {"work"},
                "Long day \x1b[31mred\x1b[0m at <work> & *stars* | pipes\r\nsecond line"),
        checkin("cq007", "2026-11-19T22:15:00+00:00", {8, 7, 2, 9, 9}, {"calm", "close", "grateful"},
                {"home", "partner"}),
        checkin("cq008", "2026-11-21T10:00:00+00:00", {6, 5, 4, 7, 7}, {"tired", "wobbly"}, {},
                "A slow Saturday at the café – naïve hopes ✓ and a \u202ereversed\u202c word. We walked by the river "
                "for an hour and did not talk about anything hard, which was the point; later we made soup and "
                "watched the rain, and I noticed my shoulders come down for the first time this week."),
        checkin("cq009", "2026-11-22T23:30:00+00:00", {7, std::nullopt, 3, std::nullopt, 8}),
        checkin("cq00a", "2026-11-23T00:00:30+00:00", {1, 1, 10, 1, 1}),  // the next week: left out
    };
    r.breathes = {
        breath("bq001", "2026-11-12T08:00:00+00:00", "calm", "4-0-6-0", 180, 6, 4),
        exercise("eq001", "2026-11-13T08:00:00+00:00", "grounding", 217, 7, 5),
        breath("bq002", "2026-11-17T21:00:00+00:00", "calm", "4-0-6-0", 180, 7, 4),
        exercise("eq002", "2026-11-17T22:00:00+00:00", "grounding", 217, 8, 5),
        breath("bq003", "2026-11-19T07:30:00+00:00", "box", "4-4-4-4", 240, 5, 3),
        exercise("eq003", "2026-11-19T23:00:00+00:00", "muscles", 70, std::nullopt, std::nullopt, true),
        breath("bq004", "2026-11-20T23:10:00+00:00", "calm", "4-0-6-0", 90, 8, std::nullopt, true),
        exercise("eq004", "2026-11-21T09:00:00+00:00", "grounding", 217, 6, 4),
    };
    r.boundaries = {
        boundary("dq001", "2026-11-10T19:00:00+00:00", "added", 2, "I keep my phone out of the bedroom"),
        boundary("dq002", "2026-11-12T19:00:00+00:00", "held", 1),
        boundary("dq003", "2026-11-17T19:30:00+00:00", "tested", 1, "", "Voices got louder at dinner; I said so."),
        boundary("dq004", "2026-11-19T20:00:00+00:00", "held", 1),
        boundary("dq005", "2026-11-20T00:05:00+00:00", "tested", 2),
        boundary("dq006", "2026-11-20T00:10:00+00:00", "crossed", 2, "", "A phone call at midnight."),
        boundary("dq007", "2026-11-20T18:00:00+00:00", "renegotiated", 3,
                 "We talk about money on Sundays, not at night."),
        boundary("dq008", "2026-11-21T12:00:00+00:00", "repaired", 2),
    };
    r.prompts = {
        prompt("pq001", "2026-11-19T21:00:00+00:00", "shown", "reveal-003", "reveal"),
        prompt("pq002", "2026-11-19T21:20:00+00:00", "answered", "reveal-003", "reveal",
               "What were you quietly proud of this week, even if nobody else noticed?",
               "I was proud that I asked for a pause.\nIt felt strange, and it helped."),
        prompt("pq003", "2026-11-20T21:00:00+00:00", "shown", "listening-013", "listening"),
        prompt("pq004", "2026-11-20T21:01:00+00:00", "skipped", "listening-013", "listening"),
        prompt("pq005", "2026-11-20T21:02:00+00:00", "fav", "reveal-003", "reveal"),
    };
    return r;
}

inline tend::LocalDay day(int y, unsigned m, unsigned d) {
    return tend::test::local_day(y, m, d);
}

}  // namespace report::test
