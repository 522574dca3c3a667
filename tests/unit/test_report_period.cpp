// report's periods at the edges: ISO week-years, 53-week years, other week starts, DST weeks, year ends.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "period.hpp"
#include "test_report_fixtures.hpp"

namespace {

using report::Period;
using report::PeriodKind;
using report::PeriodRequest;
using report::test::day;
using tend::test::instant;
using tend::test::ScopedTz;

Period resolve(PeriodRequest request, std::string_view now, date::weekday start = date::Monday) {
    return report::resolve_period(request, instant(now), tend::Zone::local(), start);
}

void check_period(const Period& period, tend::LocalDay first, tend::LocalDay last, std::string_view label) {
    CHECK(tend::format_day(period.first) == tend::format_day(first));
    CHECK(tend::format_day(period.last) == tend::format_day(last));
    CHECK(period.label == label);
}

std::optional<tend::Error> usage_error_of(PeriodRequest request) {
    auto error = tend::test::error_from([&] { resolve(request, "2026-11-21T19:10:00+00:00"); });
    if (error) CHECK(error->code() == tend::Exit::usage);
    return error;
}

}  // namespace

TEST_CASE("report: the default period is the current ISO week, Monday to Sunday") {
    ScopedTz tz("Europe/London");
    const Period week = resolve({}, "2026-11-21T19:10:00+00:00");
    CHECK(week.kind == PeriodKind::week);
    check_period(week, day(2026, 11, 16), day(2026, 11, 22), "2026-W47");
    CHECK(week.days() == 7);
    check_period(resolve({.week = "last"}, "2026-11-21T19:10:00+00:00"), day(2026, 11, 9), day(2026, 11, 15),
                 "2026-W46");
    check_period(resolve({.week = "THIS"}, "2026-11-16T00:00:00+00:00"), day(2026, 11, 16), day(2026, 11, 22),
                 "2026-W47");
}

TEST_CASE("report: 2026 has a week 53, and 1 January 2027 lies in it") {
    ScopedTz tz("Europe/London");
    check_period(resolve({.week = "2026-W53"}, "2026-11-21T19:10:00+00:00"), day(2026, 12, 28), day(2027, 1, 3),
                 "2026-W53");
    check_period(resolve({}, "2027-01-01T12:00:00+00:00"), day(2026, 12, 28), day(2027, 1, 3), "2026-W53");
    check_period(resolve({.week = "last"}, "2027-01-04T12:00:00+00:00"), day(2026, 12, 28), day(2027, 1, 3),
                 "2026-W53");
    check_period(resolve({.week = "2027-w01"}, "2026-11-21T19:10:00+00:00"), day(2027, 1, 4), day(2027, 1, 10),
                 "2027-W01");
}

TEST_CASE("report: 30 December 2024 starts week 1 of 2025") {
    ScopedTz tz("Europe/London");
    check_period(resolve({}, "2024-12-30T09:00:00+00:00"), day(2024, 12, 30), day(2025, 1, 5), "2025-W01");
    check_period(resolve({.week = "2025-W01"}, "2026-11-21T19:10:00+00:00"), day(2024, 12, 30), day(2025, 1, 5),
                 "2025-W01");
    check_period(report::previous_period(resolve({.week = "2025-W01"}, "2026-11-21T19:10:00+00:00")), day(2024, 12, 23),
                 day(2024, 12, 29), "2024-W52");
}

TEST_CASE("report: a week a year does not have is a usage error") {
    ScopedTz tz("Europe/London");
    auto error = usage_error_of({.week = "2025-W53"});
    REQUIRE(error);
    CHECK(tend::test::contains(error->what(), "--week"));
    CHECK(tend::test::contains(error->what(), "2025"));
    CHECK(resolve({.week = "2020-W53"}, "2026-11-21T19:10:00+00:00").first == day(2020, 12, 28));
    for (const char* bad : {"2026-W00", "2026-W54", "2026-47", "W47", "2026-W4", "next", "2026-W477", ""})
        CHECK_MESSAGE(usage_error_of({.week = bad}), bad);
}

TEST_CASE("report: weeks starting on Sunday keep the ISO number of the Monday they hold") {
    ScopedTz tz("Europe/London");
    const Period sunday = resolve({}, "2026-11-21T19:10:00+00:00", date::Sunday);
    check_period(sunday, day(2026, 11, 15), day(2026, 11, 21), "2026-W47");
    CHECK(date::weekday{sunday.first} == date::Sunday);
    // A Sunday belongs to the week it starts.
    check_period(resolve({}, "2026-11-22T10:00:00+00:00", date::Sunday), day(2026, 11, 22), day(2026, 11, 28),
                 "2026-W48");
    check_period(resolve({.week = "last"}, "2026-11-21T19:10:00+00:00", date::Sunday), day(2026, 11, 8),
                 day(2026, 11, 14), "2026-W46");
    // Naming the week gives the same days back.
    check_period(resolve({.week = "2026-W47"}, "2026-01-01T00:00:00+00:00", date::Sunday), day(2026, 11, 15),
                 day(2026, 11, 21), "2026-W47");
    // --week-start wins over the config.
    check_period(resolve({.week_start = "sun"}, "2026-11-21T19:10:00+00:00", date::Monday), day(2026, 11, 15),
                 day(2026, 11, 21), "2026-W47");
    check_period(resolve({.week_start = "Monday"}, "2026-11-21T19:10:00+00:00", date::Sunday), day(2026, 11, 16),
                 day(2026, 11, 22), "2026-W47");
    CHECK(usage_error_of({.week_start = "funday"}));
}

TEST_CASE("report: every week start names a week by its fourth day, and names round-trip") {
    ScopedTz tz("UTC");
    for (unsigned start = 0; start < 7; ++start) {
        const date::weekday week_start{start};
        for (tend::LocalDay today = day(2026, 12, 20); today <= day(2027, 1, 12); today += date::days{1}) {
            const Period week =
                report::resolve_period({}, tend::Instant{today.time_since_epoch()}, tend::Zone::local(), week_start);
            CHECK(week.contains(today));
            CHECK(date::weekday{week.first} == week_start);
            CHECK(report::named_week(week.label, week_start) == week);
        }
    }
}

TEST_CASE("report: DST weeks in London have a 23-hour and a 25-hour day, and times land on the right day") {
    ScopedTz tz("Europe/London");
    const tend::Zone zone = tend::Zone::local();
    const Period spring = resolve({.week = "2026-W13"}, "2026-11-21T19:10:00+00:00");
    check_period(spring, day(2026, 3, 23), day(2026, 3, 29), "2026-W13");
    CHECK(zone.day_length(day(2026, 3, 29)) == std::chrono::hours{23});
    CHECK(tend::test::utc(report::period_begin(spring, zone)) == "2026-03-23T00:00:00+00:00");
    CHECK(tend::test::utc(report::period_end(spring, zone)) == "2026-03-29T22:59:59+00:00");

    const Period autumn = resolve({.week = "2026-W43"}, "2026-11-21T19:10:00+00:00");
    check_period(autumn, day(2026, 10, 19), day(2026, 10, 25), "2026-W43");
    CHECK(zone.day_length(day(2026, 10, 25)) == std::chrono::hours{25});
    CHECK(tend::test::utc(report::period_begin(autumn, zone)) == "2026-10-18T23:00:00+00:00");
    CHECK(tend::test::utc(report::period_end(autumn, zone)) == "2026-10-25T23:59:59+00:00");

    using report::test::checkin;
    const auto vocabulary = tend::FeelingVocabulary::shipped({});
    const auto count_by_day = [&](const Period& period, std::vector<tend::Record> records) {
        report::ReportRecords input;
        input.checkins = std::move(records);
        const auto data = report::aggregate(period, input, zone, period.last, vocabulary, true);
        std::vector<int> counts;
        for (const auto& row : data.days) counts.push_back(row.checkins);
        return counts;
    };
    // 00:30 and 23:30 on the Sunday, local time, and 00:30 on the Monday after.
    CHECK(count_by_day(
              spring, {checkin("a1", "2026-03-29T00:30:00+00:00", {5}), checkin("a2", "2026-03-29T23:30:00+01:00", {5}),
                       checkin("a3", "2026-03-30T00:30:00+01:00", {5}),
                       checkin("a4", "2026-03-22T23:30:00+00:00", {5})}) == std::vector<int>{0, 0, 0, 0, 0, 0, 2});
    CHECK(count_by_day(
              autumn, {checkin("b1", "2026-10-25T00:30:00+01:00", {5}), checkin("b2", "2026-10-25T01:30:00+01:00", {5}),
                       checkin("b3", "2026-10-25T01:30:00+00:00", {5}), checkin("b4", "2026-10-25T23:30:00+00:00", {5}),
                       checkin("b5", "2026-10-26T00:30:00+00:00", {5}),
                       checkin("b6", "2026-10-19T00:30:00+01:00", {5})}) == std::vector<int>{1, 0, 0, 0, 0, 0, 4});
}

TEST_CASE("report: months, this and last, across the year end") {
    ScopedTz tz("Europe/London");
    check_period(resolve({.month = "this"}, "2026-11-21T19:10:00+00:00"), day(2026, 11, 1), day(2026, 11, 30),
                 "2026-11");
    check_period(resolve({.month = "last"}, "2027-01-10T12:00:00+00:00"), day(2026, 12, 1), day(2026, 12, 31),
                 "2026-12");
    check_period(resolve({.month = "2024-02"}, "2026-11-21T19:10:00+00:00"), day(2024, 2, 1), day(2024, 2, 29),
                 "2024-02");
    const Period january = resolve({.month = "2027-01"}, "2026-11-21T19:10:00+00:00");
    CHECK(january.kind == PeriodKind::month);
    check_period(report::previous_period(january), day(2026, 12, 1), day(2026, 12, 31), "2026-12");
    check_period(report::previous_period(resolve({.month = "2026-03"}, "2026-11-21T19:10:00+00:00")), day(2026, 2, 1),
                 day(2026, 2, 28), "2026-02");
    for (const char* bad : {"2026-13", "2026-00", "26-11", "2026/11", "november", "2026-1"})
        CHECK_MESSAGE(usage_error_of({.month = bad}), bad);
}

TEST_CASE("report: --from and --to are whole local days, and the period before is as long") {
    ScopedTz tz("Europe/London");
    const Period range = resolve({.from = "2026-12-20", .to = "2027-01-05"}, "2027-01-10T12:00:00+00:00");
    CHECK(range.kind == PeriodKind::range);
    check_period(range, day(2026, 12, 20), day(2027, 1, 5), "2026-12-20 to 2027-01-05");
    CHECK(range.days() == 17);
    check_period(report::previous_period(range), day(2026, 12, 3), day(2026, 12, 19), "2026-12-03 to 2026-12-19");
    // --to defaults to today; a time of day still means the whole day.
    check_period(resolve({.from = "mon"}, "2026-11-21T19:10:00+00:00"), day(2026, 11, 16), day(2026, 11, 21),
                 "2026-11-16 to 2026-11-21");
    check_period(resolve({.from = "2026-11-20T21:00", .to = "yesterday"}, "2026-11-22T10:00:00+00:00"),
                 day(2026, 11, 20), day(2026, 11, 21), "2026-11-20 to 2026-11-21");
    check_period(resolve({.from = "today", .to = "today"}, "2026-11-21T19:10:00+00:00"), day(2026, 11, 21),
                 day(2026, 11, 21), "2026-11-21 to 2026-11-21");
}

TEST_CASE("report: one period at a time, and a range that makes sense") {
    ScopedTz tz("Europe/London");
    CHECK(usage_error_of({.week = "last", .month = "last"}));
    CHECK(usage_error_of({.week = "last", .from = "mon"}));
    CHECK(usage_error_of({.month = "this", .to = "today"}));
    auto no_from = usage_error_of({.to = "2026-11-20"});
    REQUIRE(no_from);
    CHECK(tend::test::contains(no_from->what(), "--from"));
    auto backwards = usage_error_of({.from = "2026-11-20", .to = "2026-11-01"});
    REQUIRE(backwards);
    CHECK(tend::test::contains(backwards->what(), "--to"));
    CHECK(usage_error_of({.from = "someday"}));
}
