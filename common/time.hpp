// Time for tend: "now" (with TEND_NOW), the local zone, RFC 3339, the times a person types,
// local calendar days, months and ISO weeks.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <date/date.h>

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "io.hpp"

namespace tend {

using Instant = std::chrono::sys_seconds;
using LocalTime = date::local_seconds;
using LocalDay = date::local_days;

// The rules of one time zone: its UTC offset at any instant.
class ZoneRules {
public:
    virtual ~ZoneRules() = default;
    virtual std::chrono::seconds offset_at(Instant instant) const = 0;
};

// A time zone. Zone::local() asks the C library (localtime_r), which reads the same system
// tz database, honours TZ (names and POSIX rules) and costs microseconds; Zone::named()
// reads the one zone's file from /usr/share/zoneinfo (TZif), for arithmetic in a named zone.
// Zone::named lives in the separate tend_tzdb library, linked only by the tools that need it.
class Zone {
public:
    static Zone local();
    static Zone named(std::string_view name);  // usage error for an unknown zone; in tend_tzdb

    std::chrono::seconds offset_at(Instant instant) const;
    LocalTime to_local(Instant instant) const { return LocalTime{instant.time_since_epoch() + offset_at(instant)}; }
    LocalDay day_of(Instant instant) const { return date::floor<date::days>(to_local(instant)); }

    // The instant a wall-clock time names. In a DST gap the time is moved forward by the
    // gap (02:30 becomes 03:30); in an overlap the earlier of the two instants is chosen.
    Instant to_instant(LocalTime local) const;
    // The first instant of a local day (not always 00:00 where DST starts at midnight).
    Instant start_of_day(LocalDay day) const { return to_instant(LocalTime{day}); }
    // The length of a local day: 23, 24 or 25 hours around DST changes.
    std::chrono::seconds day_length(LocalDay day) const {
        return start_of_day(day + date::days{1}) - start_of_day(day);
    }

    explicit Zone(const ZoneRules* rules) : rules_(rules) {}

private:
    const ZoneRules* rules_;  // nullptr: the C library's local zone; otherwise lives forever
};

// "Now": TEND_NOW (RFC 3339) when set, for tests and reproducible runs; the clock otherwise.
// A malformed TEND_NOW is a usage error naming the variable.
Instant current_instant(const Io& io);

// An instant with the UTC offset it was written with.
struct OffsetTime {
    Instant instant;
    std::chrono::minutes offset{0};
    LocalTime local() const { return LocalTime{instant.time_since_epoch() + offset}; }
    LocalDay day() const { return date::floor<date::days>(local()); }
};

OffsetTime in_zone(Instant instant, const Zone& zone);

// How a time is written for a program to read: with the UTC offset it had where it was
// recorded, or (--utc) in UTC with a Z, which jq's fromdateiso8601 reads.
enum class TimeStyle { offset, utc };

// RFC 3339 to the second, the offset written as ±hh:mm (2026-11-21T19:10:00+01:00), or with
// TimeStyle::utc the same instant in UTC (2026-11-21T18:10:00Z), unless that falls outside the
// years 0000 to 9999 that RFC 3339 can write.
std::string format_rfc3339(const OffsetTime& time, TimeStyle style = TimeStyle::offset);
// Parses RFC 3339 (Z or ±hh:mm; 'T' or a space; fractional seconds dropped).
// Throws a usage error "<what>: ..." when malformed.
OffsetTime parse_rfc3339(std::string_view text, std::string_view what);

// How a day typed without a time of day is read.
enum class DayMeaning {
    moment,  // --at: now for "today", noon for any other day
    start,   // --since, --from: the first instant of the day
    end,     // --until, --to: the last second of the day
};

// The day names people type, "sunday" to "saturday", indexed by date::weekday's c_encoding().
inline constexpr std::array<std::string_view, 7> weekday_names{"sunday",   "monday", "tuesday", "wednesday",
                                                               "thursday", "friday", "saturday"};

// A day's name or its first three letters, in any case ("Sunday", "sun"): for flags and config alike.
std::optional<date::weekday> parse_weekday(std::string_view text);

// Times a person types: now, today, yesterday, "yesterday 21:00", 21:00 (the most recent
// past 21:00), -2h, -30m, -1d, -1h30m, 2026-11-20, 2026-11-20T21:00 (or with a space),
// mon..sun and monday..sunday (the most recent, today included), and full RFC 3339.
// `flag` names the option in error messages.
Instant parse_human_time(std::string_view text, std::string_view flag, Instant now, const Zone& zone,
                         DayMeaning meaning);

// "2026-11" for the month a day falls in, or for a month.
std::string month_key(LocalDay day);
std::string month_key(date::year_month month);
// Every month from the one holding `first` to the one holding `last`, oldest first.
std::vector<date::year_month> months_spanning(LocalDay first, LocalDay last);

struct IsoWeek {
    int year;
    unsigned week;
    bool operator==(const IsoWeek&) const = default;
};
IsoWeek iso_week_of(LocalDay day);
// The Monday that starts an ISO week; usage error for a week the year does not have.
LocalDay iso_week_start(IsoWeek week);

// "2026-11-21 19:10" (wall clock, for people) and "2026-11-21".
std::string format_local_minutes(LocalTime local);
std::string format_day(LocalDay day);

}  // namespace tend
