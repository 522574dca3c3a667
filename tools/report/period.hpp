// report's periods: the local days a report covers, from --week, --month or --from/--to.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

#include "time.hpp"

namespace report {

enum class PeriodKind { week, month, range };

// A run of whole local days, first and last included.
struct Period {
    PeriodKind kind = PeriodKind::week;
    tend::LocalDay first;
    tend::LocalDay last;
    std::string label;  // "2026-W47", "2026-11" or "2026-11-01 to 2026-11-20"

    int days() const { return static_cast<int>((last - first).count()) + 1; }
    bool contains(tend::LocalDay day) const { return day >= first && day <= last; }
    bool operator==(const Period&) const = default;
};

// What the command line asked for; at most one of week, month and from/to.
struct PeriodRequest {
    std::optional<std::string> week{};        // this | last | YYYY-Www
    std::optional<std::string> month{};       // this | last | YYYY-MM
    std::optional<std::string> from{};        // any form parse_human_time reads; whole days
    std::optional<std::string> to{};          // the same; today when not given
    std::optional<std::string> week_start{};  // monday..sunday (or mon..sun); else the config's
};

// The period a request names, for `now` in `zone`; the current week when nothing is asked.
// Usage errors (exit 2) name the flag: a malformed week or month, a week its year does not
// have, --week with --month, --to without --from, --to before --from.
Period resolve_period(const PeriodRequest& request, tend::Instant now, const tend::Zone& zone,
                      date::weekday configured_week_start);

// monday..sunday or mon..sun, any case; usage error naming --week-start otherwise.
date::weekday parse_week_start(std::string_view text);

// The week starting on `start`. Weeks are labelled with the ISO week (YYYY-Www) that holds
// their fourth day, the rule ISO itself uses for Monday weeks: a Sunday-to-Saturday week
// takes the number of the ISO week holding its Monday to Saturday.
Period week_starting(tend::LocalDay start);

// The week with this label (YYYY-Www) for weeks that start on `week_start`: the seven days
// from the `week_start` day whose fourth day lies in that ISO week. Usage error when the
// ISO year has no such week (W53 exists only in long years).
Period named_week(std::string_view label, date::weekday week_start);

Period month_period(date::year_month month);

// The period a report compares with: the week before, the month before, or as many days
// just before a --from/--to range.
Period previous_period(const Period& period);

// The instants the period runs between: the first instant of its first day and the last
// second of its last day (days of 23 or 25 hours included as they are).
tend::Instant period_begin(const Period& period, const tend::Zone& zone);
tend::Instant period_end(const Period& period, const tend::Zone& zone);

}  // namespace report
