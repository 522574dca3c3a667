// The check-in record's fields and how hard a moment it describes.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "checkin_record.hpp"
#include "fixtures.hpp"

using tend::Record;

namespace {
std::optional<int> checkin_distress(const Record& record) {
    return tend::checkin_distress(tend::read_checkin_entry(record));
}
}  // namespace

TEST_CASE("a check-in without mood anxiety or safety has no distress") {
    CHECK_FALSE(checkin_distress(Record{}).has_value());
    CHECK_FALSE(checkin_distress(Record{{"energy", 0}, {"closeness", 0}, {"note", "hard day"}}).has_value());
}

TEST_CASE("anxiety counts as it is") {
    CHECK(checkin_distress(Record{{"anxiety", 7}}) == std::optional(7));
    CHECK(checkin_distress(Record{{"anxiety", 0}}) == std::optional(0));
}

TEST_CASE("mood and safety count from the top") {
    CHECK(checkin_distress(Record{{"mood", 2}}) == std::optional(8));
    CHECK(checkin_distress(Record{{"mood", 10}}) == std::optional(0));
    CHECK(checkin_distress(Record{{"safety", 0}}) == std::optional(10));
    CHECK(checkin_distress(Record{{"safety", 9}}) == std::optional(1));
}

TEST_CASE("distress is the hardest of anxiety, low mood and low safety") {
    CHECK(checkin_distress(Record{{"anxiety", 3}, {"mood", 6}, {"safety", 5}}) == std::optional(5));
    CHECK(checkin_distress(Record{{"anxiety", 9}, {"mood", 6}, {"safety", 5}}) == std::optional(9));
    CHECK(checkin_distress(Record{{"anxiety", 1}, {"mood", 1}, {"safety", 8}}) == std::optional(9));
}

TEST_CASE("energy and closeness say nothing about distress") {
    CHECK(checkin_distress(Record{{"mood", 8}, {"energy", 0}, {"closeness", 0}}) == std::optional(2));
}

TEST_CASE("the five dimensions come in order, with anxiety the one where higher is harder") {
    REQUIRE(tend::checkin_dimensions.size() == 5);
    const char* names[] = {"mood", "energy", "anxiety", "closeness", "safety"};
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK(tend::checkin_dimensions[i].name == names[i]);
        CHECK(tend::checkin_dimensions[i].higher_is_harder == (tend::checkin_dimensions[i].name == "anxiety"));
        CHECK_FALSE(tend::checkin_dimensions[i].question.empty());
    }
}

TEST_CASE("every dimension is a 0 to 10 integer field of the check-in format") {
    CHECK(tend::checkin_format.kind == "checkin");
    for (const auto& dimension : tend::checkin_dimensions) {
        CAPTURE(dimension.name);
        Record record{{"id", "pa234"},
                      {"at", tend::test::toml_time("2026-11-21T19:10:00Z")},
                      {"recorded", tend::test::toml_time("2026-11-21T19:10:00Z")}};
        record.insert_or_assign(dimension.name, 10);
        CHECK(tend::validate_record(record, tend::checkin_format).empty());
        record.insert_or_assign(dimension.name, 11);
        CHECK(tend::validate_record(record, tend::checkin_format).size() == 1);
        record.insert_or_assign(dimension.name, -1);
        CHECK(tend::validate_record(record, tend::checkin_format).size() == 1);
    }
}

TEST_CASE("a check-in entry reads back as it was written, and writing removes what it no longer holds") {
    tend::CheckinEntry entry;
    entry.ratings[0] = 6;
    entry.ratings[4] = 0;
    entry.feelings = {"calm", "tired"};
    entry.tags = {"home"};
    entry.note = "a walk";
    Record record = tend::new_record(tend::test::offset_time("2026-11-21T19:10:00Z"),
                                     tend::test::offset_time("2026-11-21T19:10:00Z"));
    record.insert_or_assign("id", "pa234");
    tend::write_checkin_entry(entry, record);
    CHECK(tend::validate_record(record, tend::checkin_format).empty());
    const tend::CheckinEntry back = tend::read_checkin_entry(record);
    CHECK(back.ratings == entry.ratings);
    CHECK(back.rating("mood") == std::optional(6));
    CHECK(back.rating("safety") == std::optional(0));
    CHECK_FALSE(back.rating("energy").has_value());
    CHECK(back.feelings == entry.feelings);
    CHECK(back.tags == entry.tags);
    CHECK(back.note == entry.note);
    CHECK_FALSE(back.source.has_value());

    tend::CheckinEntry less = back;
    less.ratings[0].reset();
    less.tags.clear();
    less.note.reset();
    tend::write_checkin_entry(less, record);
    CHECK_FALSE(record.contains("mood"));
    CHECK_FALSE(record.contains("tags"));
    CHECK_FALSE(record.contains("note"));
    CHECK(record.contains("feelings"));
    CHECK(record.contains("id"));
    CHECK_FALSE(tend::read_checkin_entry(record).empty());
    CHECK(tend::CheckinEntry{}.empty());
}
