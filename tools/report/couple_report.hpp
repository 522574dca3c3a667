// report --couple: what two partners chose to share, side by side, for a period, in every format.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "period.hpp"
#include "render.hpp"
#include "session.hpp"
#include "time.hpp"

namespace report {

// One shared answer. A partner's words are there only once this person answered or skipped
// the prompt themselves (`text` is nullopt until then), so neither answer shapes the other.
struct CoupleAnswer {
    std::string by;
    bool yours = false;
    tend::OffsetTime at;
    std::optional<std::string> text;
};

// Someone chose to tell the other that they are passing on a day's shared prompt (`prompt pass`).
struct CouplePass {
    std::string by;
    bool yours = false;
    tend::OffsetTime at;
};

// A day of the period (up to today) and the couple's shared prompt of the day, the one both
// partners' `prompt today` gives, with its check code and the shared answers to it.
struct CoupleDay {
    tend::LocalDay day;
    std::string prompt_id;
    std::string deck;
    int depth = 0;
    std::vector<std::string> notes;  // its content notes
    // nullopt when held back: this person's own [prompt] choices leave it out, so its words
    // are not shown here either (as in `prompt today`).
    std::optional<std::string> prompt_text;
    std::string check_code;
    std::vector<CoupleAnswer> answers;  // oldest first
    std::vector<CouplePass> passes;     // oldest first
};

// A prompt someone shared an answer to in the period that was no day's shared prompt in it,
// with every shared answer to it.
struct CouplePrompt {
    std::string prompt_id;
    std::string deck;
    std::string prompt_text;
    std::vector<CoupleAnswer> answers;  // oldest first
};

// A check-in's numbers, shared.
struct CoupleNumbers {
    std::string by;
    bool yours = false;
    tend::OffsetTime at;
    std::array<std::optional<int>, 5> values;  // mood, energy, anxiety, closeness, safety
};

// One event of a shared boundary.
struct CoupleBoundaryEvent {
    std::string event;  // added, held, tested, ...
    tend::OffsetTime at;
};

// A boundary someone shared, with its events in the period: its wording, type and hard or soft
// as they stood at the last of them.
struct CoupleBoundary {
    std::string by;
    bool yours = false;
    std::string text;
    std::optional<std::string> type;
    bool hard = false;
    std::vector<CoupleBoundaryEvent> events;  // oldest first
};

struct CoupleReport {
    Period period;
    std::string you;      // this person's name in the couple's folder
    bool seeded = false;  // [prompt] seed is set, so there is a shared prompt of the day
    std::vector<CoupleDay> days;
    std::vector<CouplePrompt> prompts;
    std::vector<CoupleNumbers> numbers;
    std::vector<CoupleBoundary> boundaries;
    // Nothing was shared in the period (the days' prompts are not shares).
    bool empty() const;
};

inline constexpr std::string_view couple_json_schema = "tend.couple-report/2";

// Reads the couple's folder (every device) for the period, its decks for each day's shared
// prompt, this person's [prompt] seed and filters, and their own prompt history for what they
// answered or skipped (from a year before the period to now): nothing else of their private
// data, and nothing at all of a partner's.
CoupleReport read_couple_report(const tend::Session& session, const Period& period);

std::string render_couple(Format format, const CoupleReport& report, const tend::Style& style, tend::TimeStyle times);

}  // namespace report
