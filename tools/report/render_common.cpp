// Shared pieces of the renderers. Month and day names are fixed English words, never the
// locale's, so that the same data always gives the same bytes.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "render_common.hpp"

#include <fmt/format.h>

#include <array>
#include <algorithm>
#include <cmath>

#include "terminal.hpp"

namespace report::shared {
namespace {

constexpr std::array<std::string_view, 12> month_short{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 12> month_long{"January",   "February", "March",    "April",
                                                      "May",       "June",     "July",     "August",
                                                      "September", "October",  "November", "December"};
constexpr std::array<std::string_view, 7> weekday_names{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

date::year_month_day ymd(tend::LocalDay day) {
    return date::year_month_day{day};
}

std::string_view noun(const Period& period) {
    switch (period.kind) {
        case PeriodKind::week:
            return "week";
        case PeriodKind::month:
            return "month";
        case PeriodKind::range:
            return "period";
    }
    return "period";
}

// Rounds to tenths first, so that -0.04 reads 0.0 and not -0.0.
double tenths(double value) {
    const double rounded = std::round(value * 10) / 10;
    return rounded == 0 ? 0.0 : rounded;
}

}  // namespace

std::string weekday_short(tend::LocalDay day) {
    return std::string(weekday_names[date::weekday{day}.c_encoding()]);
}
std::string weekday_initial(tend::LocalDay day) {
    return weekday_short(day).substr(0, 1);
}

unsigned day_of_month(tend::LocalDay day) {
    return static_cast<unsigned>(ymd(day).day());
}

std::string short_day(tend::LocalDay day) {
    const auto parts = ymd(day);
    return fmt::format("{} {} {}", weekday_short(day), static_cast<unsigned>(parts.day()),
                       month_short[static_cast<unsigned>(parts.month()) - 1]);
}

std::string short_day_with_year(tend::LocalDay day) {
    return fmt::format("{} {}", short_day(day), static_cast<int>(ymd(day).year()));
}

std::string day_and_time(const tend::OffsetTime& at) {
    const tend::LocalTime local = at.local();
    const tend::LocalDay day = date::floor<date::days>(local);
    const date::hh_mm_ss<std::chrono::seconds> clock{local - day};
    return fmt::format("{} {:02}:{:02}", short_day(day), clock.hours().count(), clock.minutes().count());
}

std::string day_span(tend::LocalDay first, tend::LocalDay last) {
    if (first == last) return short_day_with_year(first);
    if (ymd(first).year() == ymd(last).year())
        return fmt::format("{} – {}", short_day(first), short_day_with_year(last));
    return fmt::format("{} – {}", short_day_with_year(first), short_day_with_year(last));
}

std::string period_name(const Period& period) {
    switch (period.kind) {
        case PeriodKind::week:
            return "week " + period.label;
        case PeriodKind::month:
            return fmt::format("{} {}", month_long[static_cast<unsigned>(ymd(period.first).month()) - 1],
                               static_cast<int>(ymd(period.first).year()));
        case PeriodKind::range:
            return day_span(period.first, period.last);
    }
    return period.label;
}

std::string this_period(const Period& period) {
    return fmt::format("this {}", noun(period));
}

std::string period_before(const Period& period) {
    return period.kind == PeriodKind::range ? "the days before" : fmt::format("the {} before", noun(period));
}

std::string one_decimal(double value) {
    return fmt::format("{:.1f}", tenths(value));
}

std::string signed_one_decimal(double value) {
    const double rounded = tenths(value);
    return rounded > 0 ? fmt::format("+{:.1f}", rounded) : fmt::format("{:.1f}", rounded);
}

double hundredths(double value) {
    const double rounded = std::round(value * 100) / 100;
    return rounded == 0 ? 0.0 : rounded;
}

std::string minutes_text(double minutes) {
    // Under a minute, seconds: a short session should not read as "0.0 min".
    if (minutes > 0 && minutes < 0.95) return fmt::format("{:.0f} s", std::max(1.0, std::round(minutes * 60)));
    if (minutes < 9.95) return fmt::format("{} min", one_decimal(minutes));
    return fmt::format("{:.0f} min", std::round(minutes));
}

std::string count_of(int count, std::string_view singular, std::string_view plural) {
    return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

std::size_t shown_counts(const std::vector<Count>& counts, std::size_t limit) {
    std::size_t shown = std::min(limit, counts.size());
    while (shown > 0 && shown < counts.size() && counts[shown].count == counts[shown - 1].count) ++shown;
    return shown;
}

std::string more_counts(const std::vector<Count>& counts, std::size_t shown) {
    return shown < counts.size() ? fmt::format(" +{} more", counts.size() - shown) : std::string();
}

std::string count_list(const std::vector<Count>& counts, std::size_t limit) {
    const std::size_t shown = shown_counts(counts, limit);
    std::string out;
    for (std::size_t i = 0; i < shown; ++i) {
        if (i) out += ", ";
        out += fmt::format("{} {}", counts[i].name, counts[i].count);
    }
    return out + more_counts(counts, shown);
}

std::string held_crossed_violated(const BoundarySection& section) {
    return fmt::format("Held {}; crossed {}; violated {}.", count_of(section.held, "time", "times"),
                       count_of(section.crossed, "time", "times"), count_of(section.violated, "time", "times"));
}

std::string event_counts(const std::vector<Count>& counts) {
    return count_list(counts, counts.size());
}

DimensionCells dimension_cells(const DimensionStats& stats) {
    const auto number = [](std::optional<int> value) { return value ? fmt::format("{}", *value) : std::string("–"); };
    return {stats.mean ? one_decimal(*stats.mean) : "–", number(stats.min), number(stats.max),
            stats.change ? signed_one_decimal(*stats.change) : "–"};
}

std::vector<Count> logged_kinds(const BoundarySection& section) {
    std::vector<Count> logged;
    for (const auto& kind : section.by_kind)
        if (kind.count) logged.push_back(kind);
    return logged;
}

std::string distress_summary(const BreathingSection& section, std::string_view strong_open,
                             std::string_view strong_close) {
    std::string out;
    if (section.mean_before) out += fmt::format("{} before", one_decimal(*section.mean_before));
    if (section.mean_after) out += fmt::format("{}{} after", out.empty() ? "" : ", ", one_decimal(*section.mean_after));
    if (!out.empty() && section.mean_change)
        out += fmt::format("; a mean change of {}{}{} over the {} rated before and after", strong_open,
                           signed_one_decimal(*section.mean_change), strong_close,
                           count_of(section.rated_both, "session", "sessions"));
    return out;
}

bool any_prompts(const PromptSection& section) {
    return section.shown || section.answered || section.skipped || section.favourited;
}

std::string prompt_counts(const PromptSection& section) {
    std::string out =
        fmt::format("{} answered, {} skipped, {} shown", section.answered, section.skipped, section.shown);
    if (section.favourited) out += fmt::format(", {} kept as favourite", section.favourited);
    return out;
}

Series bucketed(const std::vector<std::optional<double>>& per_day, std::size_t width, int days_so_far) {
    Series series;
    const std::size_t size = width == 0 || per_day.size() <= width ? 1 : (per_day.size() + width - 1) / width;
    series.days_per_bucket = static_cast<int>(size);
    series.known = (static_cast<std::size_t>(std::max(days_so_far, 0)) + size - 1) / size;
    for (std::size_t start = 0; start < per_day.size(); start += size) {
        double sum = 0;
        int count = 0;
        for (std::size_t i = start; i < std::min(per_day.size(), start + size); ++i)
            if (per_day[i]) {
                sum += *per_day[i];
                ++count;
            }
        series.values.push_back(count ? std::optional<double>(sum / count) : std::nullopt);
    }
    return series;
}

std::string per_bucket(const Series& series) {
    return series.days_per_bucket == 1 ? "per day" : fmt::format("per {} days", series.days_per_bucket);
}

Series dimension_series(const ReportData& data, std::size_t dimension, std::size_t width) {
    std::vector<std::optional<double>> values;
    values.reserve(data.days.size());
    for (const auto& day : data.days) values.push_back(day.means[dimension]);
    return bucketed(values, width, data.days_so_far);
}

std::string sparkline(const Series& series) {
    static constexpr std::array<std::string_view, 8> bars{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    std::string out;
    for (std::size_t i = 0; i < series.values.size(); ++i) {
        const auto& value = series.values[i];
        if (!value) {
            out += i < series.known ? "·" : " ";
            continue;
        }
        const long level = std::lround(std::clamp(*value, 0.0, 10.0) * 7.0 / 10.0);
        out += bars[static_cast<std::size_t>(level)];
    }
    return out;
}

std::string pad_right(std::string_view text, std::size_t width) {
    const std::size_t used = tend::display_width(text);
    return std::string(text) + std::string(used < width ? width - used : 0, ' ');
}

std::string pad_left(std::string_view text, std::size_t width) {
    const std::size_t used = tend::display_width(text);
    return std::string(used < width ? width - used : 0, ' ') + std::string(text);
}

std::vector<std::string> own_lines(std::string_view text) {
    const std::string safe = tend::neutralize(text, true);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= safe.size()) {
        std::size_t end = safe.find('\n', start);
        if (end == std::string::npos) end = safe.size();
        lines.push_back(safe.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_width = 0;
    const auto flush = [&] {
        lines.push_back(line);
        line.clear();
        line_width = 0;
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ') ++pos;
        if (pos >= text.size()) break;
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(pos, end - pos);
        pos = end;
        // A word longer than a line is cut between characters, by their width on a terminal; its
        // width is measured once, so a very long word costs its length, not its length squared.
        std::size_t word_width = tend::display_width(word);
        while (word_width > width) {
            if (line_width) flush();
            std::size_t cut = tend::fitting_prefix(word, width);
            if (cut == 0) cut = std::max<std::size_t>(1, tend::decode_utf8_at(word, 0).length);  // wider than a line
            line = std::string(word.substr(0, cut));
            word_width -= std::min(word_width, tend::display_width(line));
            flush();
            word.remove_prefix(cut);
        }
        if (word.empty()) continue;
        if (line_width && line_width + 1 + word_width > width) flush();
        if (line_width) {
            line += ' ';
            ++line_width;
        }
        line += word;
        line_width += word_width;
    }
    if (line_width || lines.empty()) flush();
    return lines;
}

std::string no_checkins(const Period& period) {
    return fmt::format("No check-ins {}.", this_period(period));
}
std::string no_breathing(const Period& period) {
    return fmt::format("No breathing sessions {}.", this_period(period));
}
std::string no_exercises(const Period& period) {
    return fmt::format("No guided exercises {}.", this_period(period));
}
std::string exercise_effect(const ExerciseStats& stats, std::string_view strong_open, std::string_view strong_close) {
    if (!stats.rated_both || !stats.mean_before || !stats.mean_after || !stats.mean_change) return {};
    return fmt::format("{} → {} ({}{}{} over {})", one_decimal(*stats.mean_before), one_decimal(*stats.mean_after),
                       strong_open, signed_one_decimal(*stats.mean_change), strong_close,
                       count_of(stats.rated_both, "session", "sessions"));
}
std::string no_boundaries(const Period& period) {
    return fmt::format("No boundary events logged {}.", this_period(period));
}
std::string no_prompts(const Period& period) {
    return fmt::format("No prompts {}.", this_period(period));
}

std::string practice_line(const ReportData& data) {
    if (data.practice_days == 0)
        return fmt::format("Days with any practice: none {}{}.", this_period(data.period),
                           data.days_so_far < static_cast<int>(data.days.size()) ? " so far" : "");
    if (data.days_so_far < static_cast<int>(data.days.size()))
        return fmt::format("Days with any practice: {} of the {} so far.", data.practice_days,
                           count_of(data.days_so_far, "day", "days"));
    return fmt::format("Days with any practice: {} of {}.", data.practice_days, data.days.size());
}

std::string practice_mark(const DayRow& day) {
    if (day.future) return " ";
    return day.practice ? "●" : "·";
}

namespace {

// The characters HTML would act on, as entities; `quotes` too inside attribute values.
// A character in `backslashed` gets a backslash before it, as Markdown wants.
std::string escaped(std::string_view text, bool keep_newlines, bool quotes, std::string_view backslashed) {
    std::string out;
    for (char c : tend::neutralize(text, keep_newlines)) {
        if (c == '&') {
            out += "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (quotes && c == '"') {
            out += "&quot;";
        } else if (quotes && c == '\'') {
            out += "&#39;";
        } else {
            if (backslashed.find(c) != std::string_view::npos) out += '\\';
            out += c;
        }
    }
    return out;
}

}  // namespace

// Text for HTML: harmless control characters, escaped markup; line breaks kept for pre-wrap.
std::string h(std::string_view text, bool keep_newlines) {
    return escaped(text, keep_newlines, true, {});
}

// A person's words as inline Markdown: harmless for a terminal, on one line, with the
// characters Markdown (and the HTML it allows) would act on escaped.
std::string md(std::string_view text) {
    return escaped(text, false, false, "\\`*_[]|#~!");
}

// Several paragraphs of a person's words as a block quote (or plain lines), one per line of text.
std::string md_block(std::string_view text, std::string_view prefix) {
    std::string out;
    const std::vector<std::string> lines = own_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += std::string(prefix) + md(lines[i]) + (i + 1 < lines.size() ? "  \n" : "\n");
    return out;
}

}  // namespace report::shared
