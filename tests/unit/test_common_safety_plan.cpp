// [safety.plan]: read gently part by part, and pointed to from the grounding line.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "config.hpp"
#include "fixtures.hpp"
#include "safety.hpp"

namespace {

using tend::test::contains;

const std::filesystem::path config_path = "/home/sam/.config/tend/config.toml";

tend::SafetyPlan plan_of(const std::string& text) {
    return tend::parse_config(text, config_path).safety.plan;
}

}  // namespace

TEST_CASE("every part of a safety plan is read, in the person's words") {
    const auto plan = plan_of(
        "[safety.plan]\n"
        "warning_signs = [\"I stop answering messages\"]\n"
        "coping = [\"a hot shower\", \"breathe --exercise grounding\"]\n"
        "distractions = [\"the library\"]\n"
        "people = [\"Sam: 07700 900123\"]\n"
        "professionals = [\"Dr Lee, weekdays\"]\n"
        "environment = [\"give the pills to Sam\"]\n"
        "reasons = [\"my niece\"]\n");
    CHECK(plan.present);
    CHECK(plan.problems.empty());
    CHECK(plan.warning_signs == std::vector<std::string>{"I stop answering messages"});
    CHECK(plan.coping.size() == 2);
    CHECK(plan.distractions == std::vector<std::string>{"the library"});
    CHECK(plan.people == std::vector<std::string>{"Sam: 07700 900123"});
    CHECK(plan.professionals == std::vector<std::string>{"Dr Lee, weekdays"});
    CHECK(plan.environment == std::vector<std::string>{"give the pills to Sam"});
    CHECK(plan.reasons == std::vector<std::string>{"my niece"});
    CHECK(tend::has_safety_plan(plan));
    CHECK(tend::safety_plan_parts.size() == 7);
}

TEST_CASE("a plan with parts missing is fine, and no plan at all is not a plan") {
    const auto plan = plan_of("[safety.plan]\nreasons = [\"the garden\"]\n");
    CHECK(plan.problems.empty());
    CHECK(plan.coping.empty());
    CHECK(tend::has_safety_plan(plan));
    const auto none = plan_of("[safety]\nthreshold = 8\n");
    CHECK_FALSE(none.present);
    CHECK_FALSE(tend::has_safety_plan(none));
    CHECK_FALSE(tend::has_safety_plan(plan_of("[safety.plan]\ncoping = []\n")));
}

TEST_CASE("a malformed part is left out with its file:line:col, and the rest is kept") {
    const auto plan = plan_of(
        "[safety.plan]\n"
        "coping = 7\n"
        "people = [\"Sam\", 3, \"Alex\"]\n"
        "hobbies = [\"knitting\"]\n"
        "reasons = \"my niece\"\n");
    REQUIRE(plan.problems.size() == 3);
    CHECK(contains(plan.problems[0].located(),
                   config_path.string() + ":2:10: [safety.plan] coping must be a list of strings"));
    CHECK(contains(plan.problems[1].located(), ":3:18: [safety.plan] people: an item that is not a string"));
    CHECK(contains(plan.problems[2].located(), ":4:11: unknown part 'hobbies' in [safety.plan], left out"));
    CHECK(plan.coping.empty());
    CHECK(plan.people == std::vector<std::string>{"Sam", "Alex"});
    CHECK(plan.reasons == std::vector<std::string>{"my niece"});  // one string is a list of one
}

TEST_CASE("[safety.plan] written as a value is a problem, never a failure") {
    const auto config = tend::parse_config("[safety]\nplan = \"call Sam\"\nthreshold = 8\n", config_path);
    CHECK(config.safety.threshold == 8);
    REQUIRE(config.safety.plan.problems.size() == 1);
    CHECK(contains(config.safety.plan.problems[0].located(), "[safety.plan] must be a table"));
}

TEST_CASE("the grounding line points to the plan in one line, only when there is one") {
    tend::SafetyConfig safety;
    std::ostringstream without;
    tend::print_grounding_line(without, safety);
    CHECK_FALSE(contains(without.str(), "checkin plan"));
    safety.plan.reasons = {"my niece"};
    std::ostringstream with;
    tend::print_grounding_line(with, safety);
    CHECK(contains(with.str(), "  Your safety plan is there for you: `checkin plan` shows it.\n"));
    const std::string a = without.str(), b = with.str();
    CHECK(std::count(b.begin(), b.end(), '\n') == std::count(a.begin(), a.end(), '\n') + 1);
}
