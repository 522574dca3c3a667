// Grounding text: written by tend, filled in with the person's own contacts.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "safety.hpp"

#include <ostream>

#include "terminal.hpp"

namespace tend {

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
}

bool is_about_now(Instant at, Instant now) {
    return at >= now - present;
}

bool feels_unsafe(int safety_rating, int threshold) {
    return threshold > 0 && 10 - safety_rating >= threshold;
}

}  // namespace tend
