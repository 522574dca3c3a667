// Period arithmetic: weeks with any start day and ISO labels, calendar months, day ranges.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "period.hpp"

#include <date/iso_week.h>
#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "error.hpp"
#include "terminal.hpp"

namespace report {
namespace {

using date::days;

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Digits only, exactly `count` of them.
std::optional<int> number(std::string_view text) {
    int value = 0;
    if (text.empty()) return std::nullopt;
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string iso_label(tend::LocalDay day) {
    const tend::IsoWeek week = tend::iso_week_of(day);
    return fmt::format("{:04}-W{:02}", week.year, week.week);
}

// The week start to use: --week-start when given, the config's otherwise.
date::weekday week_start_of(const PeriodRequest& request, date::weekday configured) {
    return request.week_start ? parse_week_start(*request.week_start) : configured;
}

date::year_month month_of(tend::LocalDay day) {
    const date::year_month_day ymd{day};
    return {ymd.year(), ymd.month()};
}

Period week_from_request(std::string_view value, tend::LocalDay today, date::weekday week_start) {
    const std::string word = lower(value);
    const tend::LocalDay this_start = today - (date::weekday{today} - week_start);
    if (word == "this") return week_starting(this_start);
    if (word == "last") return week_starting(this_start - days{7});
    return named_week(word, week_start);
}

Period month_from_request(std::string_view value, tend::LocalDay today) {
    const std::string word = lower(value);
    const date::year_month this_month = month_of(today);
    if (word == "this") return month_period(this_month);
    if (word == "last") return month_period(this_month - date::months{1});
    const auto year = word.size() == 7 && word[4] == '-' ? number(std::string_view(word).substr(0, 4)) : std::nullopt;
    const auto month = year ? number(std::string_view(word).substr(5, 2)) : std::nullopt;
    if (!month || *month < 1 || *month > 12)
        tend::usage_error(fmt::format("--month: '{}' is not a month; use this, last or YYYY-MM (e.g. 2026-11)",
                                      tend::neutralize(value)));
    return month_period(date::year{*year} / date::month{static_cast<unsigned>(*month)});
}

Period range_from_request(const PeriodRequest& request, tend::Instant now, const tend::Zone& zone) {
    if (!request.from) tend::usage_error("--to: give --from as well, e.g. --from 2026-11-01 --to 2026-11-20");
    const tend::LocalDay today = zone.day_of(now);
    const tend::LocalDay first =
        zone.day_of(tend::parse_human_time(*request.from, "--from", now, zone, tend::DayMeaning::start));
    const tend::LocalDay last =
        request.to ? zone.day_of(tend::parse_human_time(*request.to, "--to", now, zone, tend::DayMeaning::end)) : today;
    if (last < first)
        tend::usage_error(
            fmt::format("--to: {} comes before --from {}", tend::format_day(last), tend::format_day(first)));
    return Period{PeriodKind::range, first, last,
                  fmt::format("{} to {}", tend::format_day(first), tend::format_day(last))};
}

}  // namespace

date::weekday parse_week_start(std::string_view text) {
    if (auto day = tend::parse_weekday(text)) return *day;
    tend::usage_error(fmt::format("--week-start: '{}' is not a day; use monday, sunday or another day's name",
                                  tend::neutralize(text)));
}

Period week_starting(tend::LocalDay start) {
    return Period{PeriodKind::week, start, start + days{6}, iso_label(start + days{3})};
}

Period named_week(std::string_view label, date::weekday week_start) {
    const std::string word = lower(label);
    const auto bad = [&] {
        tend::usage_error(fmt::format("--week: '{}' is not a week; use this, last or YYYY-Www (e.g. 2026-W47)",
                                      tend::neutralize(label)));
    };
    if (word.size() != 8 || word[4] != '-' || word[5] != 'w') bad();
    const auto year = number(std::string_view(word).substr(0, 4));
    const auto week = number(std::string_view(word).substr(6, 2));
    if (!year || !week || *week < 1 || *week > 53) bad();
    const iso_week::year_weeknum_weekday iso{iso_week::year{*year}, iso_week::weeknum{static_cast<unsigned>(*week)},
                                             iso_week::mon};
    if (!iso.ok())
        tend::usage_error(fmt::format("--week: {:04}-W{:02}: {:04} has 52 weeks, not 53", *year, *week, *year));
    const tend::LocalDay monday{iso};
    // The week_start day within three days of that Monday: the week whose fourth day is in it.
    const tend::LocalDay start = monday + days{3} - (date::weekday{monday + days{3}} - week_start);
    return Period{PeriodKind::week, start, start + days{6}, iso_label(monday)};
}

Period month_period(date::year_month month) {
    const tend::LocalDay first{month / date::day{1}};
    const tend::LocalDay last{month / date::last};
    return Period{PeriodKind::month, first, last,
                  fmt::format("{:04}-{:02}", static_cast<int>(month.year()), static_cast<unsigned>(month.month()))};
}

Period resolve_period(const PeriodRequest& request, tend::Instant now, const tend::Zone& zone,
                      date::weekday configured_week_start) {
    const bool range = request.from || request.to;
    const int asked = (request.week ? 1 : 0) + (request.month ? 1 : 0) + (range ? 1 : 0);
    if (asked > 1) tend::usage_error("give one period: --week, --month, or --from with --to");
    const date::weekday week_start = week_start_of(request, configured_week_start);
    const tend::LocalDay today = zone.day_of(now);
    if (request.month) return month_from_request(*request.month, today);
    if (range) return range_from_request(request, now, zone);
    return week_from_request(request.week.value_or("this"), today, week_start);
}

Period previous_period(const Period& period) {
    switch (period.kind) {
        case PeriodKind::week:
            return week_starting(period.first - days{7});
        case PeriodKind::month:
            return month_period(month_of(period.first) - date::months{1});
        case PeriodKind::range: {
            const tend::LocalDay last = period.first - days{1};
            const tend::LocalDay first = period.first - days{period.days()};
            return Period{PeriodKind::range, first, last,
                          fmt::format("{} to {}", tend::format_day(first), tend::format_day(last))};
        }
    }
    return period;
}

tend::Instant period_begin(const Period& period, const tend::Zone& zone) {
    return zone.start_of_day(period.first);
}

tend::Instant period_end(const Period& period, const tend::Zone& zone) {
    return zone.start_of_day(period.last + days{1}) - std::chrono::seconds{1};
}

}  // namespace report
