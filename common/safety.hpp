// The grounding message shown when distress reaches the person's threshold or a boundary is
// violated, and the person's own safety plan.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <iosfwd>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "time.hpp"

namespace tend {

// What happened, so that the words fit it.
enum class Moment {
    distress,         // a rating at or past the threshold
    violated,         // someone else crossed a boundary: their act, never the person's
    after_breathing,  // still hard after a breathing session: rest is offered, not more breathing
};

struct Grounding {
    Moment moment = Moment::distress;
    bool past = false;    // about a time gone by (a back-dated record): no "right now"
    bool unsafe = false;  // a very low safety rating: a safe place or person comes first
};

// Writes a short, kind grounding message: the person's own words, `breathe` (unless they have
// just breathed), their contacts and crisis line from [safety], or, with none written down, a
// next step that assumes no country, and one line pointing to their safety plan when they
// have one. Never blocks, never contacts anyone.
void print_grounding_line(std::ostream& err, const SafetyConfig& safety, const Grounding& grounding = {});

// Whether a record's time is about the present (the last few hours), rather than back-dated.
bool is_about_now(Instant at, Instant now);

// Whether a 0-10 safety rating is low enough, for this threshold, to put getting safe first.
bool feels_unsafe(int safety_rating, int threshold);

// One part of a safety plan: its key in [safety.plan] and the heading a person reads.
struct SafetyPlanPart {
    std::string_view key;
    std::string_view heading;
    std::vector<std::string> SafetyPlan::*items;
};

// The seven parts in the order the plan is worked through, from noticing to reasons.
extern const std::array<SafetyPlanPart, 7> safety_plan_parts;

// The part with this key, or nullptr.
const SafetyPlanPart* find_safety_plan_part(std::string_view key);

// Whether the plan has anything in it to show.
bool has_safety_plan(const SafetyPlan& plan);

}  // namespace tend
