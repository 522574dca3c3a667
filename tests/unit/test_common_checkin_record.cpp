// The check-in record's fields and how hard a moment it describes.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "checkin_record.hpp"
#include "fixtures.hpp"

using tend::checkin_distress;
using tend::Record;

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
