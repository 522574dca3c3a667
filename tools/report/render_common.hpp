// What the renderers share: dates and numbers written one way, the words for periods, sparklines.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
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
unsigned day_of_month(tend::LocalDay day);        // 1 to 31

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
// Rounded to hundredths, never -0: the numbers JSON and CSV write.
double hundredths(double value);
// "1 session", "2 sessions".
std::string count_of(int count, std::string_view singular, std::string_view plural);
// How many of `counts` a short list shows: the first `limit`, and every one tied with the last
// of them, so that no word is left out for where it falls in the alphabet.
std::size_t shown_counts(const std::vector<Count>& counts, std::size_t limit);
// " +3 more" for what a short list leaves out (JSON and CSV always have them all), or "".
std::string more_counts(const std::vector<Count>& counts, std::size_t shown);
// "tired 4, calm 3 +2 more": shown_counts() of them, then more_counts().
std::string count_list(const std::vector<Count>& counts, std::size_t limit);
// "Held 2 times; crossed 1 time; violated 1 time.": crossed and violated always apart.
std::string held_crossed_violated(const BoundarySection& section);
// The counts of a boundary's events in words: "held 2, crossed 1".
std::string event_counts(const std::vector<Count>& counts);

// The cells of a dimension's row: mean, low, high and change, "–" where there is no value.
struct DimensionCells {
    std::string mean, low, high, change;
};
DimensionCells dimension_cells(const DimensionStats& stats);

// The kinds of boundary event logged at least once in the period, in event order.
std::vector<Count> logged_kinds(const BoundarySection& section);
// "1.0 before, 3.0 after; a mean change of +2.0 over the 2 sessions rated before and after",
// the change between `strong_open` and `strong_close`; empty when no session was rated.
std::string distress_summary(const BreathingSection& section, std::string_view strong_open = {},
                             std::string_view strong_close = {});
// Whether any prompt event fell in the period, and "2 answered, 1 skipped, 4 shown[, 1 kept as favourite]".
bool any_prompts(const PromptSection& section);
std::string prompt_counts(const PromptSection& section);

// Per-day values grouped into at most `width` buckets (the mean of each bucket's values),
// so a long period still fits; `days_per_bucket` says how many days each holds.
struct Series {
    std::vector<std::optional<double>> values;
    int days_per_bucket = 1;
    std::size_t known = 0;  // buckets that hold a day up to today; the rest are still to come
};
Series bucketed(const std::vector<std::optional<double>>& per_day, std::size_t width, int days_so_far);
// "per day" or "per 3 days": what one point of a series stands for.
std::string per_bucket(const Series& series);
// One dimension of the check-ins over the period, bucketed to at most `width` points.
Series dimension_series(const ReportData& data, std::size_t dimension, std::size_t width);

// ▁▂▃▄▅▆▇█ on the fixed 0-10 scale, · for a day with no value, a space for one to come.
std::string sparkline(const Series& series);

// Left- and right-aligned to a width in terminal columns.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// A person's own words made harmless for a terminal (tabs kept), one string per line of text.
std::vector<std::string> own_lines(std::string_view text);

// Text wrapped to `width` columns at spaces; every line after the first starts with `indent`.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// A person's words for HTML: harmless control characters, escaped markup; line breaks kept
// (for pre-wrap) when asked.
std::string h(std::string_view text, bool keep_newlines = false);
// A person's words as inline Markdown: harmless for a terminal, on one line, with the
// characters Markdown (and the HTML it allows) would act on escaped.
std::string md(std::string_view text);
// Several paragraphs of a person's words as a block quote (or plain lines), one per line of text.
std::string md_block(std::string_view text, std::string_view prefix);

// Kind words for empty sections.
std::string no_checkins(const Period& period);
std::string no_breathing(const Period& period);
std::string no_exercises(const Period& period);
// Whether the report has an exercises section: only for someone who does them, so a report
// of breathing alone reads as it always did.
inline bool any_exercises(const ExerciseSection& section) {
    return section.sessions || section.previous_sessions;
}
// "6.5 → 4.0 (-2.5 over 2 sessions)": distress around an exercise, over the sessions rated
// before and after; empty when none were.
std::string exercise_effect(const ExerciseStats& stats, std::string_view strong_open = {},
                            std::string_view strong_close = {});
std::string no_boundaries(const Period& period);
std::string no_prompts(const Period& period);
std::string practice_line(const ReportData& data);
// ● for a day with practice, · for one without, a space for a day still to come.
std::string practice_mark(const DayRow& day);
// Said at the top when notes are left out.
inline constexpr std::string_view notes_left_out = "Notes, answers and boundary wordings are left out of this report.";

}  // namespace report::shared
