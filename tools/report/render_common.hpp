// What the renderers share: dates and numbers written one way, the words for periods, sparklines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report_data.hpp"

namespace report::shared {

// "Mon 16 Nov" and "Mon 16 Nov 2026"; "16 Nov 21:10" style times: "Tue 17 Nov 21:10".
std::string short_day(tend::LocalDay day);
std::string short_day_with_year(tend::LocalDay day);
std::string day_and_time(const tend::OffsetTime& at);
std::string weekday_initial(tend::LocalDay day);  // "M", "T", ...
std::string weekday_short(tend::LocalDay day);    // "Mon", "Tue", ...

// "Mon 16 Nov – Sun 22 Nov 2026", with both years when they differ.
std::string day_span(tend::LocalDay first, tend::LocalDay last);
// "week 2026-W47", "November 2026", "1 Nov to 20 Nov 2026".
std::string period_name(const Period& period);
// "this week" / "this month" / "this period", and "the week before" / "the month before" /
// "the days before".
std::string this_period(const Period& period);
std::string period_before(const Period& period);

// "6.2", "+0.8", "-0.8", "0.0" (never "-0.0").
std::string one_decimal(double value);
std::string signed_one_decimal(double value);
// Minutes for people: "23 min", "1.5 min" under ten, "40 s" under one.
std::string minutes_text(double minutes);
// "1 session", "2 sessions".
std::string count_of(int count, std::string_view singular, std::string_view plural);
// "tired 4, calm 3, ..." for the first `limit` counts.
std::string count_list(const std::vector<Count>& counts, std::size_t limit);
// The counts of a boundary's events in words: "held 2, crossed 1".
std::string event_counts(const std::vector<Count>& counts);

// Per-day values grouped into at most `width` buckets (the mean of each bucket's values),
// so a long period still fits; `days_per_bucket` says how many days each holds.
struct Series {
    std::vector<std::optional<double>> values;
    int days_per_bucket = 1;
    std::size_t known = 0;  // buckets that hold a day up to today; the rest are still to come
};
Series bucketed(const std::vector<std::optional<double>>& per_day, std::size_t width, int days_so_far);
// One dimension of the check-ins over the period, bucketed to at most `width` points.
Series dimension_series(const ReportData& data, std::size_t dimension, std::size_t width);

// ▁▂▃▄▅▆▇█ on the fixed 0-10 scale, · for a day with no value, a space for one to come.
std::string sparkline(const Series& series);

// Left- and right-aligned to a width in terminal columns.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// Text wrapped to `width` columns at spaces; every line after the first starts with `indent`.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// Kind words for empty sections.
std::string no_checkins(const Period& period);
std::string no_breathing(const Period& period);
std::string no_boundaries(const Period& period);
std::string no_prompts(const Period& period);
std::string practice_line(const ReportData& data);
// ● for a day with practice, · for one without, a space for a day still to come.
std::string practice_mark(const DayRow& day);
// Said at the top when notes are left out.
inline constexpr std::string_view notes_left_out = "Notes, answers and boundary wordings are left out of this report.";

}  // namespace report::shared
