// The Markdown report: for mail and notes apps; readable as plain text, tidy when rendered.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include "render.hpp"
#include "render_common.hpp"

namespace report {
namespace {

using namespace shared;

std::string md_counts(const std::vector<Count>& counts, std::size_t limit) {
    const std::size_t shown = shown_counts(counts, limit);
    std::string out;
    for (std::size_t i = 0; i < shown; ++i)
        out += fmt::format("{}{} {}", i ? ", " : "", md(counts[i].name), counts[i].count);
    return out + more_counts(counts, shown);
}

void notes(std::string& out, const std::vector<Note>& list) {
    if (list.empty()) return;
    out += "\n**Notes**\n\n";
    for (const auto& note : list) {
        out += fmt::format("- {}: ", day_and_time(note.at));
        if (!note.context.empty()) out += fmt::format("*{}:* ", md(note.context));
        out += md(note.text) + "\n";
    }
}

void checkins(std::string& out, const ReportData& data) {
    const CheckinSection& section = data.checkins;
    out += "\n## Check-ins\n\n";
    if (!section.count) {
        out += no_checkins(data.period) + "\n";
        return;
    }
    out += fmt::format("{} ({}: {}).\n\n", count_of(section.count, "check-in", "check-ins"), period_before(data.period),
                       section.previous_count);
    const Series probe = dimension_series(data, 0, 62);
    out += fmt::format("| 0 to 10 | mean | low | high | change | {} |\n", per_bucket(probe));
    out += "|:--|--:|--:|--:|--:|:--|\n";
    for (std::size_t i = 0; i < section.dimensions.size(); ++i) {
        const DimensionCells cells = dimension_cells(section.dimensions[i]);
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", section.dimensions[i].name, cells.mean, cells.low,
                           cells.high, cells.change, sparkline(dimension_series(data, i, 62)));
    }
    out += "\n";
    out +=
        fmt::format("- **Feelings:** {}\n", section.feelings.empty() ? "none named" : md_counts(section.feelings, 8));
    if (!section.feeling_groups.empty())
        out +=
            fmt::format("- **Feeling groups:** {}\n", md_counts(section.feeling_groups, section.feeling_groups.size()));
    if (data.notes)  // tags are the person's own words: left out with the notes
        out += fmt::format("- **Tags:** {}\n", section.tags.empty() ? "none" : md_counts(section.tags, 8));
    notes(out, section.notes);
}

void breathing(std::string& out, const ReportData& data) {
    const BreathingSection& section = data.breathing;
    out += "\n## Breathing\n\n";
    if (!section.sessions) {
        out += no_breathing(data.period) + "\n";
        return;
    }
    out += fmt::format("{}, {} ({}: {}).\n\n", count_of(section.sessions, "session", "sessions"),
                       minutes_text(section.minutes), period_before(data.period),
                       count_of(section.previous_sessions, "session", "sessions"));
    out += "| pattern | sessions | time |\n|:--|--:|--:|\n";
    for (const auto& pattern : section.patterns)
        out += fmt::format("| {} | {} | {} |\n", md(pattern.name), pattern.sessions, minutes_text(pattern.minutes));
    if (const std::string distress = distress_summary(section, "**", "**"); !distress.empty())
        out += "\nDistress (0 to 10): " + distress + ".\n";
    if (section.ended_early)
        out += fmt::format("\n{} ended early.\n", count_of(section.ended_early, "session", "sessions"));
}

void exercises(std::string& out, const ReportData& data) {
    const ExerciseSection& section = data.exercises;
    if (!any_exercises(section)) return;
    out += "\n## Exercises\n\n";
    if (!section.sessions) {
        out += no_exercises(data.period) + "\n";
        return;
    }
    out += fmt::format("{}, {} ({}: {}).\n\n", count_of(section.sessions, "session", "sessions"),
                       minutes_text(section.minutes), period_before(data.period),
                       count_of(section.previous_sessions, "session", "sessions"));
    out += "| exercise | sessions | time | distress before → after |\n|:--|--:|--:|:--|\n";
    for (const auto& exercise : section.exercises) {
        const std::string effect = exercise_effect(exercise, "**", "**");
        out += fmt::format("| {} | {} | {} | {} |\n", md(exercise.name), exercise.sessions,
                           minutes_text(exercise.minutes), effect.empty() ? "–" : effect);
    }
    if (section.ended_early)
        out += fmt::format("\n{} ended early.\n", count_of(section.ended_early, "session", "sessions"));
}

void boundaries(std::string& out, const ReportData& data) {
    const BoundarySection& section = data.boundaries;
    out += "\n## Boundaries\n\n";
    if (!section.events) {
        out += no_boundaries(data.period) + "\n";
        return;
    }
    out += fmt::format("{}: {}. {}\n", count_of(section.events, "event", "events"), event_counts(logged_kinds(section)),
                       held_crossed_violated(section));
    if (section.most_tested)
        out += fmt::format("\nMost tested: **boundary {}**, tested {}.\n", section.most_tested->number,
                           count_of(section.most_tested->tested, "time", "times"));
    out += "\n";
    for (const auto& boundary : section.boundaries) {
        out += fmt::format("- **Boundary {}**: {}", boundary.number, event_counts(boundary.events));
        if (boundary.text) out += fmt::format(" — “{}”", md(*boundary.text));
        out += "\n";
    }
    notes(out, section.notes);
}

void prompts(std::string& out, const ReportData& data) {
    const PromptSection& section = data.prompts;
    out += "\n## Prompts\n\n";
    if (!any_prompts(section)) {
        out += no_prompts(data.period) + "\n";
        return;
    }
    out += prompt_counts(section) + ".\n";
    // With the words left out, an answer is one line of a list, not a heading over nothing.
    bool listing = false;
    for (const auto& answer : section.answers) {
        const std::string title =
            fmt::format("{} · {} ({})", day_and_time(answer.at), md(answer.prompt_id), md(answer.deck));
        if (!answer.prompt_text && !answer.answer) {
            out += (listing ? "" : "\n") + fmt::format("- Answered {}\n", title);
            listing = true;
            continue;
        }
        listing = false;
        out += fmt::format("\n### {}\n\n", title);
        if (answer.prompt_text) out += "*" + md(*answer.prompt_text) + "*\n";
        if (answer.answer) out += (answer.prompt_text ? "\n" : "") + md_block(*answer.answer, "> ");
    }
}

void practice(std::string& out, const ReportData& data) {
    out += "\n## Practice\n\n" + practice_line(data) + "\n";
    if (data.days.size() > 31) return;
    std::string header = "\n|", rule = "|", marks = "|";
    for (const auto& day : data.days) {
        header += fmt::format(" {} |", data.period.kind == PeriodKind::week ? weekday_short(day.day)
                                                                            : fmt::format("{}", day_of_month(day.day)));
        rule += ":-:|";
        marks += " " + practice_mark(day) + " |";
    }
    out += header + "\n" + rule + "\n" + marks + "\n";
}

}  // namespace

std::string render_markdown(const ReportData& data) {
    std::string out = fmt::format("# tend report: {}\n\n", period_name(data.period));
    if (data.period.kind != PeriodKind::range) out += day_span(data.period.first, data.period.last) + ". ";
    out += fmt::format("Compared with {}: {}.\n", period_before(data.period),
                       day_span(data.previous.first, data.previous.last));
    if (!data.notes) out += fmt::format("\n*{}*\n", notes_left_out);
    checkins(out, data);
    breathing(out, data);
    exercises(out, data);
    boundaries(out, data);
    prompts(out, data);
    practice(out, data);
    return out;
}

}  // namespace report
