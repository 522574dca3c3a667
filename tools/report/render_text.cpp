// The text report: for a terminal or a mail, 80 columns, colour only when the style allows it.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <algorithm>

#include "render.hpp"
#include "render_common.hpp"

namespace report {
namespace {

using namespace shared;

constexpr std::size_t page_width = 80;
constexpr std::size_t spark_width = 36;  // what is left of 80 columns after the numbers

class TextPage {
public:
    explicit TextPage(const tend::Style& style) : style_(style) {}

    void line(std::string_view text = {}) {
        while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
        out_ += text;
        out_ += '\n';
    }
    void heading(std::string_view text) {
        if (!out_.empty()) line();
        line(style_.bold(text));
    }
    void dim(std::string_view text) { line(style_.dim(text)); }
    // Text wrapped to the page: the first line after `first`, the rest after `rest` (same width).
    void paragraph(std::string_view first, std::string_view text, std::string_view rest) {
        const std::size_t width = page_width - tend::display_width(first);
        bool leading = true;
        for (const auto& piece : wrap(text, width)) {
            line(std::string(leading ? first : rest) + piece);
            leading = false;
        }
    }
    // A person's own words, kept to their own lines and made harmless for a terminal.
    void words(std::string_view first, std::string_view text, std::string_view rest) {
        bool leading = true;
        for (std::string piece : own_lines(text)) {
            std::replace(piece.begin(), piece.end(), '\t', ' ');
            paragraph(leading ? first : rest, piece, rest);
            leading = false;
        }
    }
    std::string take() { return std::move(out_); }

private:
    const tend::Style& style_;
    std::string out_;
};

// The header of the per-day column: the weekdays' initials for a week, else how much a mark is.
std::string spark_header(const ReportData& data, const Series& series) {
    if (data.period.kind == PeriodKind::week) {
        std::string initials;
        for (const auto& day : data.days) initials += weekday_initial(day.day);
        return initials;
    }
    return per_bucket(series);
}

void notes_list(TextPage& page, const std::vector<Note>& notes) {
    if (notes.empty()) return;
    page.line("  Notes");
    for (const auto& note : notes) {
        std::string text = note.context.empty() ? note.text : tend::neutralize(note.context) + ": " + note.text;
        page.words("    " + pad_right(day_and_time(note.at), 18), text, std::string(22, ' '));
    }
}

void checkins(TextPage& page, const ReportData& data) {
    const CheckinSection& section = data.checkins;
    page.heading("Check-ins");
    if (!section.count) {
        page.line("  " + no_checkins(data.period));
        if (section.previous_count)
            page.dim(fmt::format("  ({}: {})", period_before(data.period),
                                 count_of(section.previous_count, "check-in", "check-ins")));
        return;
    }
    page.line(fmt::format("  {} ({}: {})", count_of(section.count, "check-in", "check-ins"), period_before(data.period),
                          section.previous_count));
    page.line();
    const Series probe = dimension_series(data, 0, spark_width);
    page.dim(fmt::format("  {}{}{}{}{}  {}", pad_right("", 12), pad_left("mean", 6), pad_left("low", 6),
                         pad_left("high", 6), pad_left("change", 8), spark_header(data, probe)));
    for (std::size_t i = 0; i < section.dimensions.size(); ++i) {
        const DimensionStats& stats = section.dimensions[i];
        const DimensionCells cells = dimension_cells(stats);
        page.line(fmt::format("  {}{}{}{}{}  {}", pad_right(stats.name, 12), pad_left(cells.mean, 6),
                              pad_left(cells.low, 6), pad_left(cells.high, 6), pad_left(cells.change, 8),
                              sparkline(dimension_series(data, i, spark_width))));
    }
    page.dim("  Ratings are 0 to 10; higher is easier, except for anxiety.");
    page.line();
    const auto safe_counts = [](const std::vector<Count>& counts, std::size_t limit) {
        return tend::neutralize(count_list(counts, limit));
    };
    page.paragraph("  Feelings: ", section.feelings.empty() ? "none named" : safe_counts(section.feelings, 8), "    ");
    if (!section.feeling_groups.empty())
        page.paragraph("  Feeling groups: ", safe_counts(section.feeling_groups, section.feeling_groups.size()),
                       "    ");
    if (data.notes)  // tags are the person's own words: left out with the notes
        page.paragraph("  Tags: ", section.tags.empty() ? "none" : safe_counts(section.tags, 8), "    ");
    notes_list(page, section.notes);
}

void breathing(TextPage& page, const ReportData& data) {
    const BreathingSection& section = data.breathing;
    page.heading("Breathing");
    if (!section.sessions) {
        page.line("  " + no_breathing(data.period));
        return;
    }
    page.line(fmt::format("  {}, {} ({}: {})", count_of(section.sessions, "session", "sessions"),
                          minutes_text(section.minutes), period_before(data.period),
                          count_of(section.previous_sessions, "session", "sessions")));
    for (const auto& pattern : section.patterns)
        page.line(fmt::format("    {}{}{}", pad_right(tend::neutralize(pattern.name), 16),
                              pad_left(count_of(pattern.sessions, "session", "sessions"), 12),
                              pad_left(minutes_text(pattern.minutes), 10)));
    if (const std::string distress = distress_summary(section); !distress.empty())
        page.paragraph("  Distress (0 to 10): ", distress + ".", "    ");
    if (section.ended_early)
        page.line(fmt::format("  {} ended early.", count_of(section.ended_early, "session", "sessions")));
}

void exercises(TextPage& page, const ReportData& data) {
    const ExerciseSection& section = data.exercises;
    if (!any_exercises(section)) return;
    page.heading("Exercises");
    if (!section.sessions) {
        page.line("  " + no_exercises(data.period));
        return;
    }
    page.line(fmt::format("  {}, {} ({}: {})", count_of(section.sessions, "session", "sessions"),
                          minutes_text(section.minutes), period_before(data.period),
                          count_of(section.previous_sessions, "session", "sessions")));
    for (const auto& exercise : section.exercises) {
        page.line(fmt::format("    {}{}{}", pad_right(tend::neutralize(exercise.name), 16),
                              pad_left(count_of(exercise.sessions, "session", "sessions"), 12),
                              pad_left(minutes_text(exercise.minutes), 10)));
        if (const std::string effect = exercise_effect(exercise); !effect.empty())
            page.line("      distress " + effect);
    }
    if (section.ended_early)
        page.line(fmt::format("  {} ended early.", count_of(section.ended_early, "session", "sessions")));
}

void boundaries(TextPage& page, const ReportData& data) {
    const BoundarySection& section = data.boundaries;
    page.heading("Boundaries");
    if (!section.events) {
        page.line("  " + no_boundaries(data.period));
        return;
    }
    page.paragraph(
        "  ", fmt::format("{}: {}", count_of(section.events, "event", "events"), event_counts(logged_kinds(section))),
        "    ");
    page.line("  " + held_crossed_violated(section));
    if (section.most_tested)
        page.line(fmt::format("  Most tested: boundary {}, tested {}.", section.most_tested->number,
                              count_of(section.most_tested->tested, "time", "times")));
    for (const auto& boundary : section.boundaries) {
        page.line(fmt::format("  Boundary {}: {}", boundary.number, event_counts(boundary.events)));
        if (boundary.text) page.words("    “", *boundary.text + "”", "     ");
    }
    notes_list(page, section.notes);
}

void prompts(TextPage& page, const ReportData& data) {
    const PromptSection& section = data.prompts;
    page.heading("Prompts");
    if (!any_prompts(section)) {
        page.line("  " + no_prompts(data.period));
        return;
    }
    page.line("  " + prompt_counts(section));
    for (const auto& answer : section.answers) {
        page.line(fmt::format("  {}  {} ({})", day_and_time(answer.at), tend::neutralize(answer.prompt_id),
                              tend::neutralize(answer.deck)));
        if (answer.prompt_text) page.words("    ", *answer.prompt_text, "    ");
        if (answer.answer) page.words("    > ", *answer.answer, "    > ");
    }
}

void practice(TextPage& page, const ReportData& data) {
    page.heading("Practice");
    page.line("  " + practice_line(data));
    if (data.days.size() > spark_width) return;
    std::string initials, marks;
    for (const auto& day : data.days) {
        initials += data.period.kind == PeriodKind::week ? weekday_initial(day.day) : "";
        marks += practice_mark(day);
    }
    if (!initials.empty()) page.dim("  " + initials);
    page.line("  " + marks);
}

}  // namespace

std::string render_text(const ReportData& data, const tend::Style& style) {
    TextPage page(style);
    page.line(style.bold("tend report: " + period_name(data.period)));
    if (data.period.kind != PeriodKind::range) page.line(day_span(data.period.first, data.period.last));
    page.dim(fmt::format("Compared with {}: {}", period_before(data.period),
                         day_span(data.previous.first, data.previous.last)));
    if (!data.notes) page.line(notes_left_out);
    checkins(page, data);
    breathing(page, data);
    exercises(page, data);
    boundaries(page, data);
    prompts(page, data);
    practice(page, data);
    return page.take();
}

}  // namespace report
