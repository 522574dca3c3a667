// The JSON report: schema tend.report/2. Keys are always present (null when there is no
// value), except the free-text keys, which --no-notes leaves out altogether.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "json.hpp"
#include "render.hpp"
#include "render_common.hpp"

namespace report {
namespace {

using tend::Json;

// Two decimals are plenty for means of 0-10 ratings, and keep the output stable.
Json rounded(std::optional<double> value) {
    if (!value) return nullptr;
    return shared::hundredths(*value);
}
Json optional_int(std::optional<int> value) {
    return value ? Json(*value) : Json(nullptr);
}

std::string kind_name(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::week:
            return "week";
        case PeriodKind::month:
            return "month";
        case PeriodKind::range:
            return "range";
    }
    return "range";
}

Json period_json(const Period& period) {
    return Json::object()
        .set("kind", kind_name(period.kind))
        .set("label", period.label)
        .set("first", tend::format_day(period.first))
        .set("last", tend::format_day(period.last))
        .set("days", period.days());
}

Json counts_json(const std::vector<Count>& counts, const char* key) {
    Json array = Json::array();
    for (const auto& count : counts) array.push(Json::object().set(key, count.name).set("count", count.count));
    return array;
}

Json notes_json(const std::vector<Note>& notes) {
    Json array = Json::array();
    for (const auto& note : notes) array.push(Json::object().set("at", note.at).set("text", note.text));
    return array;
}

Json checkins_json(const ReportData& data) {
    const CheckinSection& section = data.checkins;
    Json dimensions = Json::object();
    for (const auto& stats : section.dimensions)
        dimensions.set(stats.name, Json::object()
                                       .set("count", stats.count)
                                       .set("mean", rounded(stats.mean))
                                       .set("min", optional_int(stats.min))
                                       .set("max", optional_int(stats.max))
                                       .set("previous_count", stats.previous_count)
                                       .set("previous_mean", rounded(stats.previous_mean))
                                       .set("change", rounded(stats.change)));
    Json json = Json::object()
                    .set("count", section.count)
                    .set("previous_count", section.previous_count)
                    .set("dimensions", std::move(dimensions))
                    .set("feelings", counts_json(section.feelings, "word"))
                    .set("feeling_groups", counts_json(section.feeling_groups, "group"));
    if (data.notes) json.set("tags", counts_json(section.tags, "tag")).set("notes", notes_json(section.notes));
    return json;
}

Json breathing_json(const BreathingSection& section) {
    Json patterns = Json::array();
    for (const auto& pattern : section.patterns)
        patterns.push(Json::object()
                          .set("pattern", pattern.name)
                          .set("sessions", pattern.sessions)
                          .set("seconds", rounded(pattern.minutes * 60)));
    return Json::object()
        .set("sessions", section.sessions)
        .set("previous_sessions", section.previous_sessions)
        .set("seconds", rounded(section.minutes * 60))
        .set("ended_early", section.ended_early)
        .set("patterns", std::move(patterns))
        .set("distress", Json::object()
                             .set("mean_before", rounded(section.mean_before))
                             .set("mean_after", rounded(section.mean_after))
                             .set("mean_change", rounded(section.mean_change))
                             .set("rated_before", section.rated_before)
                             .set("rated_after", section.rated_after)
                             .set("rated_both", section.rated_both));
}

Json exercises_json(const ExerciseSection& section) {
    Json exercises = Json::array();
    for (const auto& exercise : section.exercises)
        exercises.push(Json::object()
                           .set("exercise", exercise.name)
                           .set("sessions", exercise.sessions)
                           .set("seconds", rounded(exercise.minutes * 60))
                           .set("ended_early", exercise.ended_early)
                           .set("distress", Json::object()
                                                .set("mean_before", rounded(exercise.mean_before))
                                                .set("mean_after", rounded(exercise.mean_after))
                                                .set("mean_change", rounded(exercise.mean_change))
                                                .set("rated_both", exercise.rated_both)));
    return Json::object()
        .set("sessions", section.sessions)
        .set("previous_sessions", section.previous_sessions)
        .set("seconds", rounded(section.minutes * 60))
        .set("ended_early", section.ended_early)
        .set("exercises", std::move(exercises));
}

Json boundary_json(const BoundarySummary& boundary, bool notes) {
    Json events = Json::object();
    for (const auto& count : boundary.events) events.set(count.name, count.count);
    Json json = Json::object().set("boundary", boundary.number);
    if (notes) json.set("text", boundary.text ? Json(*boundary.text) : Json(nullptr));
    return json.set("events", std::move(events))
        .set("total", boundary.total)
        .set("tested", boundary.tested)
        .set("crossed", boundary.crossed)
        .set("violated", boundary.violated);
}

Json boundaries_json(const ReportData& data) {
    const BoundarySection& section = data.boundaries;
    Json by_kind = Json::object();
    for (const auto& count : section.by_kind) by_kind.set(count.name, count.count);
    Json list = Json::array();
    for (const auto& boundary : section.boundaries) list.push(boundary_json(boundary, data.notes));
    Json json =
        Json::object()
            .set("events", section.events)
            .set("by_event", std::move(by_kind))
            .set("held", section.held)
            .set("crossed", section.crossed)
            .set("violated", section.violated)
            .set("most_tested", section.most_tested ? boundary_json(*section.most_tested, data.notes) : Json(nullptr))
            .set("boundaries", std::move(list));
    if (data.notes) {
        Json notes = Json::array();
        for (const auto& note : section.notes)
            notes.push(Json::object().set("at", note.at).set("about", note.context).set("text", note.text));
        json.set("notes", std::move(notes));
    }
    return json;
}

Json prompts_json(const ReportData& data) {
    const PromptSection& section = data.prompts;
    Json answers = Json::array();
    for (const auto& answer : section.answers) {
        Json item = Json::object().set("at", answer.at).set("prompt_id", answer.prompt_id).set("deck", answer.deck);
        if (data.notes) {
            item.set("prompt_text", answer.prompt_text ? Json(*answer.prompt_text) : Json(nullptr));
            item.set("answer", answer.answer ? Json(*answer.answer) : Json(nullptr));
        }
        answers.push(std::move(item));
    }
    return Json::object()
        .set("shown", section.shown)
        .set("answered", section.answered)
        .set("skipped", section.skipped)
        .set("favourited", section.favourited)
        .set("answers", std::move(answers));
}

Json days_json(const ReportData& data) {
    Json days = Json::array();
    for (const auto& day : data.days) {
        Json means = Json::object();
        for (std::size_t i = 0; i < dimension_count; ++i)
            means.set(data.checkins.dimensions[i].name, rounded(day.means[i]));
        days.push(Json::object()
                      .set("date", tend::format_day(day.day))
                      .set("checkins", day.checkins)
                      .set("means", std::move(means))
                      .set("breathe_sessions", day.breathe_sessions)
                      .set("breathe_seconds", rounded(day.breathe_minutes * 60))
                      .set("exercise_sessions", day.exercise_sessions)
                      .set("exercise_seconds", rounded(day.exercise_minutes * 60))
                      .set("boundary_events", day.boundary_events)
                      .set("held", day.held)
                      .set("crossed", day.crossed)
                      .set("violated", day.violated)
                      .set("prompts_answered", day.prompts_answered)
                      .set("prompts_skipped", day.prompts_skipped)
                      .set("practice", day.practice)
                      .set("future", day.future));
    }
    return days;
}

}  // namespace

std::string render_json(const ReportData& data, tend::TimeStyle times) {
    return Json::object()
               .set("schema", std::string(json_schema))
               .set("period", period_json(data.period))
               .set("previous_period", period_json(data.previous))
               .set("notes_included", data.notes)
               .set("records", data.records)
               .set("checkins", checkins_json(data))
               .set("breathing", breathing_json(data.breathing))
               .set("exercises", exercises_json(data.exercises))
               .set("boundaries", boundaries_json(data))
               .set("prompts", prompts_json(data))
               .set("practice", Json::object()
                                    .set("days", data.practice_days)
                                    .set("of", static_cast<int>(data.days.size()))
                                    .set("days_so_far", data.days_so_far))
               .set("days", days_json(data))
               .dump({.times = times}) +
           "\n";
}

}  // namespace report
