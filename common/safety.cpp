// Grounding text: written by tend, filled in with the person's own contacts.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "safety.hpp"

#include <algorithm>
#include <ostream>

#include "terminal.hpp"

namespace tend {

const std::array<SafetyPlanPart, 7> safety_plan_parts{{
    {"warning_signs", "Signs that a hard time may be coming", &SafetyPlan::warning_signs},
    {"coping", "Things I can do on my own to get through it", &SafetyPlan::coping},
    {"distractions", "People and places that take my mind off things", &SafetyPlan::distractions},
    {"people", "People I can ask for help", &SafetyPlan::people},
    {"professionals", "Professionals and services I can reach", &SafetyPlan::professionals},
    {"environment", "Making where I am safer", &SafetyPlan::environment},
    {"reasons", "What matters to me, my reasons to keep going", &SafetyPlan::reasons},
}};

const SafetyPlanPart* find_safety_plan_part(std::string_view key) {
    const auto it = std::find_if(safety_plan_parts.begin(), safety_plan_parts.end(),
                                 [&](const SafetyPlanPart& part) { return part.key == key; });
    return it == safety_plan_parts.end() ? nullptr : &*it;
}

bool has_safety_plan(const SafetyPlan& plan) {
    return std::any_of(safety_plan_parts.begin(), safety_plan_parts.end(),
                       [&](const SafetyPlanPart& part) { return !(plan.*(part.items)).empty(); });
}

namespace {

// A record within this long of now is about the present; older ones are looked back on.
constexpr auto present = std::chrono::hours{6};

std::string_view opening(const Grounding& g) {
    if (g.moment == Moment::violated)
        return g.past ? "Someone crossed a line that mattered to you. That was their doing, not yours. If it is "
                        "still with you, you don't have to carry it alone."
                      : "Someone crossed a line that matters to you. That was their doing, not yours, and you "
                        "don't have to carry it alone.";
    return g.past ? "That sounds like it was a lot to go through. If it is still with you, you don't have to "
                    "carry it alone."
                  : "That sounds like a lot to carry right now. You don't have to sort it out alone.";
}

// Who to reach: the person's own people first; with none written down, a next step for
// anyone, anywhere, since tend never knows which country someone is in.
void people(std::ostream& err, const SafetyConfig& safety) {
    for (const auto& contact : safety.contacts) err << "  Someone you can reach: " << neutralize(contact) << '\n';
    if (!safety.crisis_line.empty()) err << "  Your crisis line: " << neutralize(safety.crisis_line) << '\n';
    if (!safety.contacts.empty() || !safety.crisis_line.empty()) return;
    err << "  If you are in danger now, call your local emergency number.\n"
           "  Reaching someone you trust and feel safe with can help too: a call, a message, a knock on a door.\n"
           "  To see your own people and crisis line here, add them under [safety] in your config (man 5 tend).\n";
}

}  // namespace

void print_grounding_line(std::ostream& err, const SafetyConfig& safety, const Grounding& grounding) {
    err << '\n' << opening(grounding) << '\n';
    if (grounding.unsafe)
        err << "  If you are not safe where you are, getting to a safe place or a safe person comes first; "
               "everything else can wait.\n";
    if (!safety.message.empty()) err << "  " << neutralize(safety.message) << '\n';
    if (grounding.moment == Moment::after_breathing)
        err << "  It's all right to rest a while before doing anything else.\n";
    else
        err << "  A few slow breaths can help: try `breathe`.\n";
    people(err, safety);
    if (has_safety_plan(safety.plan)) err << "  Your safety plan is there for you: `checkin plan` shows it.\n";
}

bool is_about_now(Instant at, Instant now) {
    return at >= now - present;
}

bool feels_unsafe(int safety_rating, int threshold) {
    return threshold > 0 && 10 - safety_rating >= threshold;
}

}  // namespace tend
