// Boundary records: the format, and the fold that derives each boundary's state from its events.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "boundary_record.hpp"
#include "error.hpp"
#include "files.hpp"
#include "fixtures.hpp"
#include "store.hpp"

using namespace std::chrono_literals;
using tend::BoundaryEvent;
using tend::BoundaryState;
using tend::Record;
using tend::test::contains;
using tend::test::error_from;
using tend::test::toml_time;

namespace {

// A month file as a person might write it by hand: out of `at` order, comments, blank
// lines, two boundaries, every kind of event, and an event logged in the same second as
// the boundary it is about.
constexpr std::string_view hand_written = R"(# my boundaries, typed in by hand

[[boundary]]
id = "a2h01"
at = 2026-11-03T09:00:00+00:00
recorded = 2026-11-03T09:00:00+00:00
event = "held"
boundary = 1
intensity = 3
note = "said it once, calmly"

[[boundary]]
id = "a2h00"
at = 2026-11-01T20:00:00+00:00
recorded = 2026-11-01T20:05:00+00:00
event = "added"
boundary = 1
text = "I leave the room when voices are raised"
type = "emotional"
with = "partner"
hard = true
if_crossed = "I take a 20-minute break"

[[boundary]]
id = "a2h02"
at = 2026-11-05T22:15:00+00:00
recorded = 2026-11-05T22:20:00+00:00
event = "tested"
boundary = 1

[[boundary]]
id = "a2h03"
at = 2026-11-06T21:00:00+00:00
recorded = 2026-11-06T21:30:00+00:00
event = "crossed"
boundary = 1
intensity = 6

[[boundary]]
id = "a2h04"
at = 2026-11-07T10:00:00+00:00
recorded = 2026-11-07T10:00:00+00:00
event = "repaired"
boundary = 1
note = "we talked it through"

[[boundary]]
id = "a2h05"
at = 2026-11-08T12:00:00+00:00
recorded = 2026-11-08T12:00:00+00:00
event = "renegotiated"
boundary = 1
text = "I step outside for ten minutes when voices are raised"

[[boundary]]
id = "a2h06"
at = 2026-11-04T08:00:00+00:00
recorded = 2026-11-04T08:00:00+00:00
event = "violated"
boundary = 2
intensity = 9

[[boundary]]
id = "a2h07"
at = 2026-11-04T08:00:00+00:00
recorded = 2026-11-04T08:00:00+00:00
event = "added"
boundary = 2
text = "No work calls after 21:00"
type = "time"
with = "work"

[[boundary]]
id = "a2h08"
at = 2026-11-09T18:00:00+00:00
recorded = 2026-11-09T18:00:00+00:00
event = "retired"
boundary = 2
note = "new job"

[[boundary]]
id = "a2h09"
at = 2026-11-10T18:00:00+00:00
recorded = 2026-11-10T18:00:00+00:00
event = "held"
boundary = 1
)";

std::vector<Record> parse(std::string_view text) {
    return tend::parse_month_text(std::string(text), "boundary/2026-11.toml", tend::boundary_format);
}

Record event(std::string_view id, std::string_view at, std::string_view name, std::int64_t number) {
    return Record{
        {"id", id}, {"at", toml_time(at)}, {"recorded", toml_time(at)}, {"event", name}, {"boundary", number}};
}

Record added(std::string_view id, std::string_view at, std::int64_t number, std::string_view text) {
    Record record = event(id, at, "added", number);
    record.insert_or_assign("text", text);
    return record;
}

std::vector<std::string> ids_of(const BoundaryState& state) {
    std::vector<std::string> ids;
    for (const auto& record : state.events) ids.push_back(tend::record_id(record));
    return ids;
}

void check_hand_written_states(const std::vector<BoundaryState>& states) {
    REQUIRE(states.size() == 2);
    const BoundaryState& first = states[0];
    CHECK(first.number == 1);
    CHECK(first.text == "I step outside for ten minutes when voices are raised");
    CHECK(first.type == "emotional");
    CHECK(first.with == "partner");
    CHECK(first.hard);
    CHECK(first.if_crossed == "I take a 20-minute break");
    CHECK(tend::format_rfc3339(first.added) == "2026-11-01T20:00:00+00:00");
    CHECK_FALSE(first.retired);
    CHECK(first.last_event == BoundaryEvent::held);
    CHECK(tend::format_rfc3339(first.last_at) == "2026-11-10T18:00:00+00:00");
    CHECK(first.count(BoundaryEvent::added) == 1);
    CHECK(first.count(BoundaryEvent::held) == 2);
    CHECK(first.count(BoundaryEvent::tested) == 1);
    CHECK(first.count(BoundaryEvent::crossed) == 1);
    CHECK(first.count(BoundaryEvent::violated) == 0);
    CHECK(first.count(BoundaryEvent::repaired) == 1);
    CHECK(first.count(BoundaryEvent::renegotiated) == 1);
    CHECK(ids_of(first) == std::vector<std::string>{"a2h00", "a2h01", "a2h02", "a2h03", "a2h04", "a2h05", "a2h09"});

    const BoundaryState& second = states[1];
    CHECK(second.number == 2);
    CHECK(second.text == "No work calls after 21:00");
    CHECK(second.type == "time");
    CHECK(second.with == "work");
    CHECK_FALSE(second.hard);  // no `hard` key: a soft boundary
    CHECK_FALSE(second.if_crossed);
    CHECK(second.retired);
    CHECK(second.last_event == BoundaryEvent::retired);
    CHECK(second.count(BoundaryEvent::violated) == 1);
    // Logged in the same second as it was added, and written first: `added` still leads.
    CHECK(ids_of(second) == std::vector<std::string>{"a2h07", "a2h06", "a2h08"});
}

}  // namespace

TEST_CASE("derive_boundaries folds a hand-written event file into each boundary's state") {
    check_hand_written_states(tend::derive_boundaries(parse(hand_written)));
}

TEST_CASE("a hand-written month file in a data dir reads back through the store to the same states") {
    tend::test::TempDir dir;
    tend::ensure_private_dir(dir / "boundary");
    tend::test::write_bytes(dir / "boundary" / "2026-11.toml", hand_written);
    const tend::RecordStore store(dir.path(), tend::boundary_format, 1000ms);
    check_hand_written_states(tend::derive_boundaries(store.read_latest(std::numeric_limits<std::size_t>::max())));
}

TEST_CASE("the state does not depend on the order records are given in") {
    auto records = parse(hand_written);
    std::reverse(records.begin(), records.end());
    const auto states = tend::derive_boundaries(records);
    REQUIRE(states.size() == 2);
    CHECK(states[0].text == "I step outside for ten minutes when voices are raised");
    CHECK(states[0].count(BoundaryEvent::held) == 2);
    CHECK(states[1].retired);
    CHECK(tend::record_id(states[1].events.front()) == "a2h07");
}

TEST_CASE("no records, no boundaries") {
    CHECK(tend::derive_boundaries({}).empty());
}

TEST_CASE("events after a boundary is retired stay in its timeline, and it stays retired") {
    const auto states = tend::derive_boundaries({added("a2a00", "2026-11-01T10:00:00+00:00", 1, "a boundary"),
                                                 event("a2a01", "2026-11-02T10:00:00+00:00", "retired", 1),
                                                 event("a2a02", "2026-11-03T10:00:00+00:00", "held", 1)});
    REQUIRE(states.size() == 1);
    CHECK(states[0].retired);
    CHECK(states[0].count(BoundaryEvent::held) == 1);
    CHECK(states[0].last_event == BoundaryEvent::held);
    CHECK(states[0].events.size() == 3);
}

TEST_CASE("a renegotiation without text keeps the wording") {
    const auto states = tend::derive_boundaries({added("a2a00", "2026-11-01T10:00:00+00:00", 1, "the first words"),
                                                 event("a2a01", "2026-11-02T10:00:00+00:00", "renegotiated", 1)});
    REQUIRE(states.size() == 1);
    CHECK(states[0].text == "the first words");
    CHECK(states[0].count(BoundaryEvent::renegotiated) == 1);
}

TEST_CASE("a later renegotiation wins over an earlier one, whatever the file order") {
    Record late = event("a2a02", "2026-11-05T10:00:00+00:00", "renegotiated", 1);
    late.insert_or_assign("text", "the latest words");
    Record early = event("a2a01", "2026-11-03T10:00:00+00:00", "renegotiated", 1);
    early.insert_or_assign("text", "earlier words");
    const auto states =
        tend::derive_boundaries({late, added("a2a00", "2026-11-01T10:00:00+00:00", 1, "the first words"), early});
    REQUIRE(states.size() == 1);
    CHECK(states[0].text == "the latest words");
}

TEST_CASE("boundaries come out ordered by number, with gaps kept") {
    const auto states = tend::derive_boundaries({added("a2a00", "2026-11-01T10:00:00+00:00", 7, "seven"),
                                                 added("a2a01", "2026-11-02T10:00:00+00:00", 3, "three")});
    REQUIRE(states.size() == 2);
    CHECK(states[0].number == 3);
    CHECK(states[1].number == 7);
    CHECK(tend::find_boundary(states, 7)->text == "seven");
    CHECK(tend::find_boundary(states, 4) == nullptr);
}

TEST_CASE("an unknown event is a data error naming the month file and the record") {
    const auto error =
        error_from([] { tend::derive_boundaries({event("a2a00", "2026-11-01T10:00:00+00:00", "forgotten", 1)}); });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::data);
    CHECK(contains(error->what(), "boundary/2026-11.toml"));
    CHECK(contains(error->what(), "'a2a00'"));
    CHECK(contains(error->what(), "unknown event 'forgotten'"));
}

TEST_CASE("an event on a boundary never added is a data error") {
    const auto error =
        error_from([] { tend::derive_boundaries({event("a2a00", "2026-11-01T10:00:00+00:00", "held", 4)}); });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::data);
    CHECK(contains(error->what(), "boundary 4, which is not added before it"));
}

TEST_CASE("an event dated before its boundary was added is a data error") {
    const auto error = error_from([] {
        tend::derive_boundaries({added("a2a00", "2026-11-02T10:00:00+00:00", 1, "words"),
                                 event("a2a01", "2026-11-01T10:00:00+00:00", "held", 1)});
    });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::data);
    CHECK(contains(error->what(), "'a2a01'"));
}

TEST_CASE("a number set on two devices is kept by the first, the other shown under the next free one") {
    Record first = added("a2a00", "2026-11-01T10:00:00+00:00", 1, "one");
    Record second = added("a2b01", "2026-11-02T10:00:00+00:00", 1, "another one");
    Record held_second = event("a2b02", "2026-11-03T10:00:00+00:00", "held", 1);
    held_second.insert_or_assign("of", std::string("a2b01"));
    const Record held_first = event("a2a03", "2026-11-03T11:00:00+00:00", "held", 1);  // before `of`: the first
    for (const auto& order : {std::vector<Record>{first, second, held_second, held_first},
                              std::vector<Record>{second, held_second, first, held_first}}) {
        const auto states = tend::derive_boundaries(order);
        REQUIRE(states.size() == 2);
        CHECK(states[0].number == 1);
        CHECK(states[0].text == "one");
        CHECK_FALSE(states[0].set_as);
        CHECK(states[0].count(tend::BoundaryEvent::held) == 1);
        CHECK(states[1].number == 2);
        CHECK(states[1].set_as == std::optional<std::int64_t>(1));
        CHECK(states[1].text == "another one");
        CHECK(states[1].count(tend::BoundaryEvent::held) == 1);
        CHECK(tend::next_boundary_number(order) == 3);
    }
}

TEST_CASE("an added event without wording is a data error") {
    const auto error =
        error_from([] { tend::derive_boundaries({event("a2a00", "2026-11-01T10:00:00+00:00", "added", 1)}); });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::data);
    CHECK(contains(error->what(), "needs the boundary's wording"));
}

TEST_CASE("the format refuses an intensity outside 0 to 10 and a number below 1") {
    Record record = event("a2a00", "2026-11-01T10:00:00+00:00", "held", 1);
    CHECK(tend::validate_record(record, tend::boundary_format).empty());
    record.insert_or_assign("intensity", 11);
    CHECK_FALSE(tend::validate_record(record, tend::boundary_format).empty());
    record.insert_or_assign("intensity", 10);
    record.insert_or_assign("boundary", 0);
    CHECK_FALSE(tend::validate_record(record, tend::boundary_format).empty());
}

TEST_CASE("the format requires an event and a number") {
    Record record = event("a2a00", "2026-11-01T10:00:00+00:00", "held", 1);
    record.erase("event");
    CHECK_FALSE(tend::validate_record(record, tend::boundary_format).empty());
    record = event("a2a00", "2026-11-01T10:00:00+00:00", "held", 1);
    record.erase("boundary");
    CHECK_FALSE(tend::validate_record(record, tend::boundary_format).empty());
}

TEST_CASE("a serialised added event lists its keys in format order") {
    Record record = added("a2a00", "2026-11-01T10:00:00+00:00", 1, "words");
    record.insert_or_assign("hard", true);
    record.insert_or_assign("with", "partner");
    record.insert_or_assign("type", "emotional");
    CHECK(tend::serialize_record(record, tend::boundary_format) ==
          "[[boundary]]\n"
          "id = \"a2a00\"\n"
          "at = 2026-11-01T10:00:00+00:00\n"
          "recorded = 2026-11-01T10:00:00+00:00\n"
          "event = \"added\"\n"
          "boundary = 1\n"
          "text = \"words\"\n"
          "type = \"emotional\"\n"
          "with = \"partner\"\n"
          "hard = true\n");
}

TEST_CASE("event names and types round-trip") {
    for (std::size_t i = 0; i < tend::boundary_event_names.size(); ++i) {
        const auto event_kind = static_cast<BoundaryEvent>(i);
        CHECK(tend::parse_boundary_event(tend::event_name(event_kind)) == event_kind);
    }
    CHECK_FALSE(tend::parse_boundary_event("Held"));
    CHECK_FALSE(tend::parse_boundary_event(""));
    CHECK(tend::is_boundary_type("intellectual"));
    CHECK(tend::is_boundary_type("time"));
    CHECK_FALSE(tend::is_boundary_type("spiritual"));
    CHECK_FALSE(tend::is_boundary_type("Time"));
}

TEST_CASE("the next number is one more than any number in any record, so none is reused") {
    CHECK(tend::next_boundary_number({}) == 1);
    CHECK(tend::next_boundary_number({added("a2a00", "2026-11-01T10:00:00+00:00", 1, "one"),
                                      added("a2a01", "2026-11-01T10:00:00+00:00", 2, "two"),
                                      event("a2a02", "2026-11-01T11:00:00+00:00", "retired", 2)}) == 3);
    // An event left behind by a hand-removed boundary still holds its number.
    CHECK(tend::next_boundary_number({added("a2a00", "2026-11-01T10:00:00+00:00", 1, "one"),
                                      event("a2a02", "2026-11-01T11:00:00+00:00", "held", 5)}) == 6);
}

TEST_CASE("appending with the next-number completer numbers boundaries 1, 2, 3 across months") {
    tend::test::TempDir dir;
    tend::RecordStore store(dir.path(), tend::boundary_format, 1000ms);
    const auto complete = [](Record& record, const std::vector<Record>& all) {
        record.insert_or_assign("boundary", tend::next_boundary_number(all));
    };
    const auto new_boundary = [](std::string_view at) {
        Record record{{"at", toml_time(at)}, {"recorded", toml_time(at)}, {"event", "added"}, {"text", "words"}};
        return record;
    };
    CHECK(tend::field<std::int64_t>(store.append(new_boundary("2026-10-30T10:00:00+00:00"), complete), "boundary") ==
          1);
    CHECK(tend::field<std::int64_t>(store.append(new_boundary("2026-11-02T10:00:00+00:00"), complete), "boundary") ==
          2);
    // Back-dated into the older month, it still sees the newer month's number.
    CHECK(tend::field<std::int64_t>(store.append(new_boundary("2026-10-31T10:00:00+00:00"), complete), "boundary") ==
          3);
    const auto states = tend::derive_boundaries(store.read_latest(100));
    REQUIRE(states.size() == 3);
    CHECK(states[2].number == 3);
}

TEST_CASE("a boundary entry reads back as it was written, and an unknown event is a data error") {
    tend::BoundaryEntry entry;
    entry.event = BoundaryEvent::crossed;
    entry.boundary = 3;
    entry.intensity = 7;
    entry.note = "at dinner";
    entry.of = "b2cde";
    Record record = event("c3def", "2026-11-21T19:10:00Z", "held", 1);
    record.erase("event");
    tend::write_boundary_entry(entry, record);
    CHECK(tend::validate_record(record, tend::boundary_format).empty());
    const tend::BoundaryEntry back = tend::read_boundary_entry(record);
    CHECK(back.event == BoundaryEvent::crossed);
    CHECK(back.boundary == 3);
    CHECK(back.intensity == std::optional(7));
    CHECK(back.note == entry.note);
    CHECK(back.of == entry.of);
    CHECK_FALSE(back.text.has_value());
    CHECK_FALSE(back.hard.has_value());
    CHECK_FALSE(record.contains("text"));

    const auto error =
        error_from([] { (void)tend::read_boundary_entry(event("d4efg", "2026-11-21T19:10:00Z", "forgotten", 1)); });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::data);
    CHECK(contains(error->what(), "boundary/2026-11.toml: record 'd4efg': unknown event 'forgotten'"));
}
