// What a report says, as plain values: the aggregation fills it, each renderer only reads it.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "period.hpp"
#include "time.hpp"

namespace report {

// The five check-in dimensions, in checkin_dimensions order.
inline constexpr std::size_t dimension_count = 5;

struct DimensionStats {
    std::string name;               // mood, energy, anxiety, closeness, safety
    bool higher_is_harder = false;  // anxiety
    int count = 0;                  // check-ins in the period with this value
    std::optional<double> mean;
    std::optional<int> min, max;
    int previous_count = 0;
    std::optional<double> previous_mean;
    std::optional<double> change;  // mean - previous_mean, when both exist
};

// A word (feeling, group, tag, pattern) and how often it came up.
struct Count {
    std::string name;
    int count = 0;
    bool operator==(const Count&) const = default;
};

// A piece of free text with the time it is about (check-in notes, boundary notes).
struct Note {
    tend::OffsetTime at;  // in the report's time zone
    std::string context;  // e.g. "boundary 2, crossed"; empty for check-ins
    std::string text;
};

struct CheckinSection {
    int count = 0;
    int previous_count = 0;
    std::array<DimensionStats, dimension_count> dimensions;
    std::vector<Count> feelings;        // most frequent first, then by name
    std::vector<Count> feeling_groups;  // in the vocabulary's order; "other" last
    std::vector<Count> tags;            // most frequent first, then by name
    std::vector<Note> notes;            // oldest first; empty without notes
};

struct PatternStats {
    std::string name;
    int sessions = 0;
    double minutes = 0;
};

struct BreathingSection {
    int sessions = 0;
    int previous_sessions = 0;
    int ended_early = 0;  // interrupted sessions
    double minutes = 0;
    std::vector<PatternStats> patterns;  // most sessions first, then by name
    int rated_before = 0, rated_after = 0, rated_both = 0;
    std::optional<double> mean_before;  // over sessions rated before
    std::optional<double> mean_after;   // over sessions rated after
    std::optional<double> mean_change;  // after - before, over sessions rated both
};

// A guided exercise (breathe --exercise) and the distress ratings around it.
struct ExerciseStats {
    std::string name;
    int sessions = 0;
    int ended_early = 0;
    double minutes = 0;
    int rated_both = 0;                 // sessions rated before and after
    std::optional<double> mean_before;  // over the sessions rated both
    std::optional<double> mean_after;
    std::optional<double> mean_change;  // after - before
};

// Guided exercises, kept apart from breathing so that each reads as what it is.
struct ExerciseSection {
    int sessions = 0;
    int previous_sessions = 0;
    int ended_early = 0;
    double minutes = 0;
    std::vector<ExerciseStats> exercises;  // most sessions first, then by name
};

struct BoundarySummary {
    std::int64_t number = 0;
    std::optional<std::string> text;  // its wording, when known within what was read and notes are on
    std::vector<Count> events;        // this boundary's events in the period, by kind, in event order
    int total = 0;
    int tested = 0;
    int crossed = 0;   // stepped over, often without meaning harm
    int violated = 0;  // overridden in a way that hurt: kept apart from crossed everywhere
};

struct BoundarySection {
    int events = 0;
    std::vector<Count> by_kind;  // every kind in event order (added, held, ...), zeros included
    int held = 0;
    int crossed = 0;
    int violated = 0;
    std::vector<BoundarySummary> boundaries;  // those with events in the period, by number
    std::optional<BoundarySummary> most_tested;
    std::vector<Note> notes;
};

struct PromptAnswer {
    tend::OffsetTime at;
    std::string prompt_id;
    std::string deck;
    std::optional<std::string> prompt_text;  // without notes: left out
    std::optional<std::string> answer;       // without notes: left out
};

struct PromptSection {
    int shown = 0, answered = 0, skipped = 0, favourited = 0;
    std::vector<PromptAnswer> answers;  // oldest first
};

// One local day of the period.
struct DayRow {
    tend::LocalDay day;
    int checkins = 0;
    std::array<std::optional<double>, dimension_count> means;  // the day's mean of each dimension
    int breathe_sessions = 0;
    double breathe_minutes = 0;
    int exercise_sessions = 0;
    double exercise_minutes = 0;
    int boundary_events = 0;
    int held = 0;
    int crossed = 0;
    int violated = 0;
    int prompts_answered = 0;
    int prompts_skipped = 0;
    bool practice = false;  // a check-in, a breath, an exercise, a boundary event or a prompt answered, skipped or kept
    bool future = false;    // after today: the period is still going on
};

struct ReportData {
    Period period;
    Period previous;
    bool notes = true;  // false with --no-notes: no free text anywhere below
    int records = 0;    // records of any kind in the period
    CheckinSection checkins;
    BreathingSection breathing;  // breathing patterns only
    ExerciseSection exercises;
    BoundarySection boundaries;
    PromptSection prompts;
    std::vector<DayRow> days;  // one per day of the period, in order
    int practice_days = 0;
    int days_so_far = 0;  // days of the period up to today; all of them for a period in the past

    // Nothing of the person's own: prompts shown unasked (from a shell rc) are not practice.
    bool empty() const { return records == prompts.shown; }
};

}  // namespace report
