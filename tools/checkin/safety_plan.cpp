// checkin plan: the person's own safety plan from [safety.plan], shown plainly.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <ostream>

#include "checkin.hpp"
#include "json.hpp"
#include "safety.hpp"
#include "terminal.hpp"

namespace checkin {

int plan(const Options& options, const tend::Session& session) {
    const tend::SafetyPlan& plan = session.config.safety.plan;
    // A part that could not be read is named, and everything else is still shown.
    for (const auto& problem : plan.problems) session.warn(problem.located());
    if (options.json) {
        tend::Json json = tend::Json::object();
        for (const auto& part : tend::safety_plan_parts) {
            tend::Json items = tend::Json::array();
            for (const auto& item : plan.*(part.items)) items.push(item);
            json.set(std::string(part.key), std::move(items));
        }
        tend::Json problems = tend::Json::array();
        for (const auto& problem : plan.problems) problems.push(problem.located());
        json.set("problems", std::move(problems));
        session.print_json(json);
        return 0;
    }
    if (!tend::has_safety_plan(plan)) {
        session.note(!plan.problems.empty() ? "Nothing in your [safety.plan] could be read; the lines above say where."
                     : plan.present ? "Your [safety.plan] has nothing in it yet; 'man 5 tend' shows what can go "
                                      "there."
                                    : "There's no safety plan in your config yet. It's a short list, in your own "
                                      "words, of what helps when things get very hard; 'man 7 tend' says more, and "
                                      "'man 5 tend' shows how to write one under [safety.plan].");
        return 0;
    }
    const tend::Style& style = session.out_style;
    session.io.out << style.bold("Your safety plan") << '\n';
    for (const auto& part : tend::safety_plan_parts) {
        const auto& items = plan.*(part.items);
        if (items.empty()) continue;
        session.io.out << '\n' << style.bold(std::string(part.heading)) << '\n';
        for (const auto& item : items) session.io.out << "  - " << tend::neutralize(item) << '\n';
    }
    return 0;
}

}  // namespace checkin
