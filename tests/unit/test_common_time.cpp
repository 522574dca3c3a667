// RFC 3339, the times a person types, zones across DST, months and ISO weeks.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "time.hpp"

using namespace std::chrono;
using namespace std::chrono_literals;
using tend::DayMeaning;
using tend::Exit;
using tend::Instant;
using tend::IsoWeek;
using tend::LocalTime;
using tend::Zone;
using tend::test::error_from;
using tend::test::instant;
using tend::test::local_day;
using tend::test::ScopedTz;
using tend::test::utc;
using tend::test::wall;

namespace {

LocalTime local(int y, unsigned m, unsigned d, int h, int min = 0) {
    return LocalTime{local_day(y, m, d)} + hours{h} + minutes{min};
}

// What a person typed, read in New York on Saturday 2026-11-21 at 19:10 (EST, -05:00).
std::string typed(std::string_view text, DayMeaning meaning = DayMeaning::moment,
                  std::string_view now = "2026-11-21T19:10:00-05:00") {
    const Zone zone = Zone::named("America/New_York");
    return wall(zone, tend::parse_human_time(text, "--at", instant(now), zone, meaning));
}

}  // namespace

TEST_CASE("parse_rfc3339 reads Z as UTC") {
    const auto t = tend::parse_rfc3339("2026-11-21T19:10:00Z", "x");
    CHECK(utc(t.instant) == "2026-11-21T19:10:00+00:00");
    CHECK(t.offset == 0min);
}

TEST_CASE("parse_rfc3339 reads positive and negative offsets") {
    const auto east = tend::parse_rfc3339("2026-11-21T19:10:00+01:00", "x");
    CHECK(utc(east.instant) == "2026-11-21T18:10:00+00:00");
    CHECK(east.offset == 60min);
    const auto west = tend::parse_rfc3339("2026-11-21T19:10:00-03:30", "x");
    CHECK(utc(west.instant) == "2026-11-21T22:40:00+00:00");
    CHECK(west.offset == -210min);
    const auto nepal = tend::parse_rfc3339("2026-11-21T19:10:00+05:45", "x");
    CHECK(utc(nepal.instant) == "2026-11-21T13:25:00+00:00");
    CHECK(nepal.offset == 345min);
}

TEST_CASE("parse_rfc3339 drops fractional seconds") {
    const auto t = tend::parse_rfc3339("2026-11-21T19:10:05.987654+02:00", "x");
    CHECK(utc(t.instant) == "2026-11-21T17:10:05+00:00");
    CHECK(t.offset == 120min);
}

TEST_CASE("parse_rfc3339 accepts a space or lower case t and z") {
    CHECK(utc(tend::parse_rfc3339("2026-11-21 19:10:00Z", "x").instant) == "2026-11-21T19:10:00+00:00");
    CHECK(utc(tend::parse_rfc3339("2026-11-21t19:10:00z", "x").instant) == "2026-11-21T19:10:00+00:00");
}

TEST_CASE("parse_rfc3339 crosses the day line with the offset") {
    const auto t = tend::parse_rfc3339("2026-01-01T00:30:00+01:00", "x");
    CHECK(utc(t.instant) == "2025-12-31T23:30:00+00:00");
    CHECK(tend::format_day(t.day()) == "2026-01-01");
}

TEST_CASE("malformed RFC 3339 is a usage error naming what was read") {
    for (const std::string bad :
         {"", "2026-11-21", "2026-11-21T19:10:00", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
          "2026-11-21T24:00:00Z", "2026-11-21T19:60:00Z", "2026-11-21T19:10:00+1:00", "2026-11-21T19:10:00+24:00",
          "2026-11-21T19:10:00Zjunk", "26-11-21T19:10:00Z", "yesterday", "2026-11-21X19:10:00Z"}) {
        CAPTURE(bad);
        const auto error = error_from([&] { (void)tend::parse_rfc3339(bad, "TEND_NOW"); });
        REQUIRE(error);
        CHECK(error->code() == Exit::usage);
        CHECK(std::string(error->what()).starts_with("TEND_NOW: "));
    }
}

TEST_CASE("a malformed time in an error message is neutralised") {
    const auto error = error_from([] { (void)tend::parse_rfc3339("\x1b[2J", "--at"); });
    REQUIRE(error);
    CHECK_FALSE(tend::test::contains(error->what(), "\x1b"));
    CHECK(tend::test::contains(error->what(), "\\x1b[2J"));
}

TEST_CASE("format_rfc3339 always writes the offset as plus or minus hh:mm") {
    const Instant t = instant("2026-11-21T19:10:00Z");
    CHECK(tend::format_rfc3339({t, 0min}) == "2026-11-21T19:10:00+00:00");
    CHECK(tend::format_rfc3339({t, 60min}) == "2026-11-21T20:10:00+01:00");
    CHECK(tend::format_rfc3339({t, -210min}) == "2026-11-21T15:40:00-03:30");
    CHECK(tend::format_rfc3339({t, 345min}) == "2026-11-22T00:55:00+05:45");
    CHECK(tend::format_rfc3339({t, -45min}) == "2026-11-21T18:25:00-00:45");
}

TEST_CASE("format_rfc3339 in UTC writes the same instant with a Z, across the day line too") {
    const Instant t = instant("2026-11-21T19:10:00Z");
    for (const auto offset : {0min, 60min, -210min, 345min})
        CHECK(tend::format_rfc3339({t, offset}, tend::TimeStyle::utc) == "2026-11-21T19:10:00Z");
    CHECK(tend::format_rfc3339(tend::parse_rfc3339("2026-12-31T23:30:00-01:00", "x"), tend::TimeStyle::utc) ==
          "2027-01-01T00:30:00Z");
    CHECK(tend::format_rfc3339(tend::parse_rfc3339("2026-11-21T19:10:00.9+01:00", "x"), tend::TimeStyle::utc) ==
          "2026-11-21T18:10:00Z");
}

TEST_CASE("format_rfc3339 in UTC keeps the offset where UTC is outside the years RFC 3339 writes") {
    for (const std::string text : {"9999-12-31T23:30:00-01:00", "0000-01-01T00:30:00+01:00"}) {
        CAPTURE(text);
        CHECK(tend::format_rfc3339(tend::parse_rfc3339(text, "x"), tend::TimeStyle::utc) == text);
    }
    CHECK(tend::format_rfc3339(tend::parse_rfc3339("9999-12-31T22:30:00-01:00", "x"), tend::TimeStyle::utc) ==
          "9999-12-31T23:30:00Z");
}

TEST_CASE("format_rfc3339 and parse_rfc3339 round-trip") {
    for (const std::string text : {"2026-11-21T19:10:00+00:00", "2026-03-29T02:30:59-03:30",
                                   "2000-01-01T00:00:00+14:00", "2099-12-31T23:59:59-12:00"}) {
        CAPTURE(text);
        CHECK(tend::format_rfc3339(tend::parse_rfc3339(text, "x")) == text);
    }
}

TEST_CASE("format_day and format_local_minutes write wall-clock text") {
    CHECK(tend::format_day(local_day(2026, 1, 5)) == "2026-01-05");
    CHECK(tend::format_local_minutes(local(2026, 11, 21, 9, 5) + 42s) == "2026-11-21 09:05");
}

TEST_CASE("current_instant reads TEND_NOW when set") {
    tend::test::TestIo t(tend::Env{{"TEND_NOW", "2026-01-02T03:04:05+01:00"}});
    CHECK(utc(tend::current_instant(t.io)) == "2026-01-02T02:04:05+00:00");
}

TEST_CASE("current_instant uses the clock without TEND_NOW or with it empty") {
    tend::test::TestIo unset;
    CHECK(utc(tend::current_instant(unset.io)) == "2026-11-21T19:10:00+00:00");
    tend::test::TestIo empty(tend::Env{{"TEND_NOW", ""}});
    CHECK(utc(tend::current_instant(empty.io)) == "2026-11-21T19:10:00+00:00");
}

TEST_CASE("a malformed TEND_NOW is a usage error naming the variable") {
    tend::test::TestIo t(tend::Env{{"TEND_NOW", "tomorrow"}});
    const auto error = error_from([&] { (void)tend::current_instant(t.io); });
    REQUIRE(error);
    CHECK(error->code() == Exit::usage);
    CHECK(tend::test::contains(error->what(), "TEND_NOW"));
}

TEST_CASE("now is now") {
    CHECK(typed("now") == "2026-11-21T19:10:00-05:00");
}

TEST_CASE("today is now for a moment and the day's bounds for start and end") {
    CHECK(typed("today") == "2026-11-21T19:10:00-05:00");
    CHECK(typed("today", DayMeaning::start) == "2026-11-21T00:00:00-05:00");
    CHECK(typed("today", DayMeaning::end) == "2026-11-21T23:59:59-05:00");
}

TEST_CASE("yesterday is its noon for a moment and its bounds for start and end") {
    CHECK(typed("yesterday") == "2026-11-20T12:00:00-05:00");
    CHECK(typed("yesterday", DayMeaning::start) == "2026-11-20T00:00:00-05:00");
    CHECK(typed("yesterday", DayMeaning::end) == "2026-11-20T23:59:59-05:00");
}

TEST_CASE("yesterday with a time of day") {
    CHECK(typed("yesterday 21:00") == "2026-11-20T21:00:00-05:00");
    CHECK(typed("yesterday 9:30") == "2026-11-20T09:30:00-05:00");
    CHECK(typed("Yesterday 07:15", DayMeaning::end) == "2026-11-20T07:15:00-05:00");
}

TEST_CASE("a bare time of day is the most recent one") {
    CHECK(typed("18:00") == "2026-11-21T18:00:00-05:00");
    CHECK(typed("21:00") == "2026-11-20T21:00:00-05:00");
    CHECK(typed("19:10") == "2026-11-21T19:10:00-05:00");
    CHECK(typed("9:30") == "2026-11-21T09:30:00-05:00");
}

TEST_CASE("a late time typed just after midnight means last night") {
    const char* just_after_midnight = "2026-11-22T00:10:00-05:00";
    CHECK(typed("23:00", DayMeaning::moment, just_after_midnight) == "2026-11-21T23:00:00-05:00");
    CHECK(typed("00:05", DayMeaning::moment, just_after_midnight) == "2026-11-22T00:05:00-05:00");
}

TEST_CASE("relative times count back from now") {
    CHECK(typed("-2h") == "2026-11-21T17:10:00-05:00");
    CHECK(typed("-30m") == "2026-11-21T18:40:00-05:00");
    CHECK(typed("-1h30m") == "2026-11-21T17:40:00-05:00");
    CHECK(typed("-1d") == "2026-11-20T19:10:00-05:00");
}

// Found by tests/fuzz/fuzz_human_time: from_chars took a sign, so "--1d" was a day ahead of
// now, a huge amount overflowed, and many parts added up past what RFC 3339 can write.
TEST_CASE("a relative time with a signed amount or a span past 100000 days is not understood") {
    const auto refused = [](std::string_view text) {
        const auto error = error_from([&] { typed(text); });
        return error && error->code() == Exit::usage;
    };
    CHECK(refused("--1d"));
    CHECK(refused("-1h-30m"));
    CHECK(refused("--9223372036854775808d"));
    CHECK(refused("-100000d100000d"));
    CHECK(refused("-1d+2h"));
    CHECK_FALSE(refused("-100000d"));
}

TEST_CASE("a date is noon for a moment and its bounds for start and end") {
    CHECK(typed("2026-11-20") == "2026-11-20T12:00:00-05:00");
    CHECK(typed("2026-11-20", DayMeaning::start) == "2026-11-20T00:00:00-05:00");
    CHECK(typed("2026-11-20", DayMeaning::end) == "2026-11-20T23:59:59-05:00");
}

TEST_CASE("a date with a time of day is that wall-clock time") {
    CHECK(typed("2026-11-20T21:00") == "2026-11-20T21:00:00-05:00");
    CHECK(typed("2026-11-20 21:00") == "2026-11-20T21:00:00-05:00");
    CHECK(typed("2026-07-04T09:30", DayMeaning::start) == "2026-07-04T09:30:00-04:00");
}

TEST_CASE("a full RFC 3339 time is taken as written") {
    CHECK(typed("2026-11-20T21:00:00Z") == "2026-11-20T16:00:00-05:00");
    CHECK(typed("2026-11-20T21:00:00+01:00", DayMeaning::end) == "2026-11-20T15:00:00-05:00");
}

TEST_CASE("a weekday is the most recent one") {
    // 2026-11-21 is a Saturday.
    CHECK(typed("mon", DayMeaning::start) == "2026-11-16T00:00:00-05:00");
    CHECK(typed("tue", DayMeaning::start) == "2026-11-17T00:00:00-05:00");
    CHECK(typed("wed", DayMeaning::start) == "2026-11-18T00:00:00-05:00");
    CHECK(typed("thu", DayMeaning::start) == "2026-11-19T00:00:00-05:00");
    CHECK(typed("fri", DayMeaning::start) == "2026-11-20T00:00:00-05:00");
    CHECK(typed("sun", DayMeaning::start) == "2026-11-15T00:00:00-05:00");
    CHECK(typed("monday", DayMeaning::end) == "2026-11-16T23:59:59-05:00");
    CHECK(typed("Thursday") == "2026-11-19T12:00:00-05:00");
}

TEST_CASE("today's own weekday is today") {
    CHECK(typed("sat") == "2026-11-21T19:10:00-05:00");
    CHECK(typed("saturday", DayMeaning::start) == "2026-11-21T00:00:00-05:00");
    CHECK(typed("sat", DayMeaning::end) == "2026-11-21T23:59:59-05:00");
}

TEST_CASE("a day's end on a DST day is 23 hours after its start") {
    CHECK(typed("2026-03-08", DayMeaning::start) == "2026-03-08T00:00:00-05:00");
    CHECK(typed("2026-03-08", DayMeaning::end) == "2026-03-08T23:59:59-04:00");
}

TEST_CASE("garbage is a usage error naming the flag") {
    for (const std::string bad : {"", "tomorrow", "25:00", "12:60", "-2x", "-h", "-2", "2026-02-30", "2026-11-20T25:00",
                                  "mond", "yesterday 25:00", "yesterday at 9", "soon", "21:00 today"}) {
        CAPTURE(bad);
        const auto error = error_from([&] { (void)typed(bad); });
        REQUIRE(error);
        CHECK(error->code() == Exit::usage);
        CHECK(std::string(error->what()).starts_with("--at: "));
    }
}

TEST_CASE("Zone::named rejects an unknown zone") {
    const auto error = error_from([] { (void)Zone::named("Mars/Olympus_Mons"); });
    REQUIRE(error);
    CHECK(error->code() == Exit::usage);
    CHECK(tend::test::contains(error->what(), "Mars/Olympus_Mons"));
}

TEST_CASE("day_length is 23 and 25 hours on London's DST days") {
    const Zone london = Zone::named("Europe/London");
    CHECK(london.day_length(local_day(2026, 3, 29)) == 23h);
    CHECK(london.day_length(local_day(2026, 10, 25)) == 25h);
    CHECK(london.day_length(local_day(2026, 3, 28)) == 24h);
    CHECK(london.day_length(local_day(2026, 7, 1)) == 24h);
}

TEST_CASE("day_length is 23 and 25 hours on New York's DST days") {
    const Zone new_york = Zone::named("America/New_York");
    CHECK(new_york.day_length(local_day(2026, 3, 8)) == 23h);
    CHECK(new_york.day_length(local_day(2026, 11, 1)) == 25h);
    CHECK(new_york.day_length(local_day(2026, 11, 2)) == 24h);
}

TEST_CASE("Lord Howe's half-hour DST makes days of 24.5 and 23.5 hours") {
    const Zone lord_howe = Zone::named("Australia/Lord_Howe");
    CHECK(lord_howe.day_length(local_day(2026, 4, 5)) == 24h + 30min);
    CHECK(lord_howe.day_length(local_day(2026, 10, 4)) == 23h + 30min);
    CHECK(lord_howe.offset_at(instant("2026-07-01T00:00:00Z")) == 10h + 30min);
    CHECK(lord_howe.offset_at(instant("2026-12-01T00:00:00Z")) == 11h);
}

TEST_CASE("a wall-clock time in a DST gap moves forward by the gap") {
    const Zone london = Zone::named("Europe/London");
    CHECK(wall(london, london.to_instant(local(2026, 3, 29, 1, 30))) == "2026-03-29T02:30:00+01:00");
    const Zone new_york = Zone::named("America/New_York");
    CHECK(wall(new_york, new_york.to_instant(local(2026, 3, 8, 2, 30))) == "2026-03-08T03:30:00-04:00");
    const Zone lord_howe = Zone::named("Australia/Lord_Howe");
    CHECK(wall(lord_howe, lord_howe.to_instant(local(2026, 10, 4, 2, 10))) == "2026-10-04T02:40:00+11:00");
}

TEST_CASE("a wall-clock time in a DST overlap is the earlier instant") {
    const Zone london = Zone::named("Europe/London");
    CHECK(utc(london.to_instant(local(2026, 10, 25, 1, 30))) == "2026-10-25T00:30:00+00:00");
    const Zone new_york = Zone::named("America/New_York");
    CHECK(utc(new_york.to_instant(local(2026, 11, 1, 1, 30))) == "2026-11-01T05:30:00+00:00");
    const Zone lord_howe = Zone::named("Australia/Lord_Howe");
    CHECK(utc(lord_howe.to_instant(local(2026, 4, 5, 1, 45))) == "2026-04-04T14:45:00+00:00");
}

TEST_CASE("to_instant outside any change uses the zone's offset") {
    const Zone new_york = Zone::named("America/New_York");
    CHECK(utc(new_york.to_instant(local(2026, 7, 4, 12))) == "2026-07-04T16:00:00+00:00");
    CHECK(utc(new_york.to_instant(local(2026, 12, 25, 12))) == "2026-12-25T17:00:00+00:00");
}

TEST_CASE("a day that starts at 01:00 because DST begins at midnight") {
    const Zone santiago = Zone::named("America/Santiago");
    CHECK(wall(santiago, santiago.start_of_day(local_day(2026, 9, 6))) == "2026-09-06T01:00:00-03:00");
    CHECK(santiago.day_length(local_day(2026, 9, 6)) == 23h);
    const Zone beirut = Zone::named("Asia/Beirut");
    CHECK(wall(beirut, beirut.start_of_day(local_day(2026, 3, 29))) == "2026-03-29T01:00:00+03:00");
}

TEST_CASE("day_of groups an instant by its local calendar day") {
    const Zone new_york = Zone::named("America/New_York");
    CHECK(tend::format_day(new_york.day_of(instant("2026-11-22T03:00:00Z"))) == "2026-11-21");
    CHECK(tend::format_day(new_york.day_of(instant("2026-11-22T05:00:00Z"))) == "2026-11-22");
}

TEST_CASE("in_zone carries the zone's offset in minutes") {
    const auto t = tend::in_zone(instant("2026-11-21T13:25:00Z"), Zone::named("Asia/Kathmandu"));
    CHECK(t.offset == 345min);
    CHECK(tend::format_rfc3339(t) == "2026-11-21T19:10:00+05:45");
}

TEST_CASE("Zone::local follows TZ") {
    {
        ScopedTz tz("America/New_York");
        CHECK(Zone::local().offset_at(instant("2026-07-01T12:00:00Z")) == -4h);
        CHECK(Zone::local().offset_at(instant("2026-12-01T12:00:00Z")) == -5h);
        CHECK(Zone::local().day_length(local_day(2026, 3, 8)) == 23h);
    }
    {
        ScopedTz tz("Europe/London");
        CHECK(Zone::local().day_length(local_day(2026, 10, 25)) == 25h);
        CHECK(utc(Zone::local().to_instant(local(2026, 10, 25, 1, 30))) == "2026-10-25T00:30:00+00:00");
        CHECK(wall(Zone::local(), Zone::local().to_instant(local(2026, 3, 29, 1, 30))) == "2026-03-29T02:30:00+01:00");
    }
}

TEST_CASE("Zone::local honours a POSIX TZ rule") {
    ScopedTz tz("XYZ-05:45");
    CHECK(Zone::local().offset_at(instant("2026-07-01T12:00:00Z")) == 5h + 45min);
    CHECK(Zone::local().day_length(local_day(2026, 7, 1)) == 24h);
}

TEST_CASE("Zone::local and Zone::named agree for Europe/Berlin at every hour of 2026") {
    ScopedTz tz("Europe/Berlin");
    const Zone local_zone = Zone::local();
    const Zone named_zone = Zone::named("Europe/Berlin");
    const Instant first = instant("2026-01-01T00:00:00Z");
    const Instant last = instant("2027-01-01T00:00:00Z");
    int hours_checked = 0;
    std::vector<std::string> disagreements;
    for (Instant t = first; t < last; t += 1h) {
        ++hours_checked;
        if (local_zone.offset_at(t) != named_zone.offset_at(t)) disagreements.push_back(utc(t));
    }
    CHECK(hours_checked == 8760);
    CHECK(disagreements.empty());
    CHECK(local_zone.offset_at(instant("2026-07-01T00:00:00Z")) == 2h);
    CHECK(local_zone.offset_at(instant("2026-01-01T00:00:00Z")) == 1h);
}

// Zone::named reads the TZif files itself; the C library reads them too, by other code. The two
// must agree from 1900 to 2100: the files' transitions, and their footer rules after the last one
// (southern DST spanning the new year, Lord Howe's half hour, Morocco's negative DST, Casey,
// zones with no DST, a zone whose rule has no transitions at all).
TEST_CASE("Zone::named agrees with the C library for many zones from 1900 to 2100") {
    const char* const names[] = {"Europe/London",     "America/New_York", "Australia/Lord_Howe", "America/Santiago",
                                 "Africa/Casablanca", "Asia/Kathmandu",   "Pacific/Chatham",     "America/Godthab",
                                 "Antarctica/Troll",  "Asia/Tehran",      "Etc/GMT+5",           "UTC",
                                 "Australia/Sydney",  "America/St_Johns", "Pacific/Apia",        "Europe/Dublin"};
    for (const std::string name : names) {
        CAPTURE(name);
        ScopedTz tz(name.c_str());
        const Zone local_zone = Zone::local();
        const Zone named_zone = Zone::named(name);
        std::vector<std::string> disagreements;
        // Every 97 hours: every hour of the day and every day of the week come round.
        for (Instant t = instant("1900-01-01T00:00:00Z"); t < instant("2100-01-01T00:00:00Z"); t += 97h)
            if (local_zone.offset_at(t) != named_zone.offset_at(t)) disagreements.push_back(utc(t));
        CHECK(disagreements.empty());
        if (!disagreements.empty()) MESSAGE(disagreements.front());
    }
}

TEST_CASE("Zone::named reads only zones inside the tz database") {
    for (const std::string name :
         {"../../../etc/passwd", "/etc/localtime", "zone.tab", "Europe", "", "Europe//London"}) {
        CAPTURE(name);
        const auto error = error_from([name] { (void)Zone::named(name); });
        REQUIRE(error);
        CHECK(error->code() == Exit::usage);
    }
}

TEST_CASE("2026 has an ISO week 53 and 2025 does not") {
    CHECK(tend::format_day(tend::iso_week_start({2026, 53})) == "2026-12-28");
    const auto error = error_from([] { (void)tend::iso_week_start({2025, 53}); });
    REQUIRE(error);
    CHECK(error->code() == Exit::usage);
    CHECK(tend::test::contains(error->what(), "2025-W53"));
}

TEST_CASE("week 0 and week 54 do not exist") {
    CHECK(error_from([] { (void)tend::iso_week_start({2026, 0}); }));
    CHECK(error_from([] { (void)tend::iso_week_start({2026, 54}); }));
}

TEST_CASE("iso_week_of puts year-end days in the right ISO year") {
    CHECK(tend::iso_week_of(local_day(2027, 1, 1)) == IsoWeek{2026, 53});
    CHECK(tend::iso_week_of(local_day(2027, 1, 3)) == IsoWeek{2026, 53});
    CHECK(tend::iso_week_of(local_day(2027, 1, 4)) == IsoWeek{2027, 1});
    CHECK(tend::iso_week_of(local_day(2024, 12, 30)) == IsoWeek{2025, 1});
    CHECK(tend::iso_week_of(local_day(2024, 12, 29)) == IsoWeek{2024, 52});
    CHECK(tend::iso_week_of(local_day(2026, 11, 21)) == IsoWeek{2026, 47});
}

TEST_CASE("iso_week_start is the Monday of the week") {
    CHECK(tend::format_day(tend::iso_week_start({2026, 1})) == "2025-12-29");
    CHECK(tend::format_day(tend::iso_week_start({2025, 1})) == "2024-12-30");
    CHECK(tend::format_day(tend::iso_week_start({2026, 47})) == "2026-11-16");
    for (unsigned week = 1; week <= 53; ++week) {
        CAPTURE(week);
        CHECK(tend::iso_week_of(tend::iso_week_start({2026, week})) == IsoWeek{2026, week});
    }
}

TEST_CASE("months_spanning crosses a year end") {
    using date::year_month;
    const auto months = tend::months_spanning(local_day(2025, 11, 15), local_day(2026, 2, 3));
    const std::vector<year_month> expected{date::year{2025} / 11, date::year{2025} / 12, date::year{2026} / 1,
                                           date::year{2026} / 2};
    CHECK(months == expected);
}

TEST_CASE("months_spanning within one month is that month") {
    const auto months = tend::months_spanning(local_day(2026, 2, 1), local_day(2026, 2, 28));
    REQUIRE(months.size() == 1);
    CHECK(months.front() == date::year{2026} / 2);
}

TEST_CASE("months_spanning a reversed range is empty") {
    CHECK(tend::months_spanning(local_day(2026, 3, 1), local_day(2026, 1, 1)).empty());
}

TEST_CASE("month_key names the month of a day") {
    CHECK(tend::month_key(local_day(2026, 1, 5)) == "2026-01");
    CHECK(tend::month_key(local_day(2026, 12, 31)) == "2026-12");
}
