// Guided exercises: the pacer's steps on a fake clock, the catalog and its TOML, and how steps are drawn.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <sstream>

#include "exercise.hpp"
#include "exercise_display.hpp"
#include "fixtures.hpp"
#include "pacer.hpp"
#include "test_breathe_fakes.hpp"

namespace breathe::test {
namespace {

using tend::test::contains;

StepPlan steps_of(std::vector<int> seconds, int settle = 0) {
    StepPlan plan;
    for (int s : seconds) plan.steps.push_back(std::chrono::seconds{s});
    plan.settle_seconds = settle;
    return plan;
}

std::vector<double> step_times(const RecordingDisplay& display) {
    std::vector<double> times;
    for (const auto& call : display.of("phase")) times.push_back(call.at);
    return times;
}

double seconds(Duration d) {
    return std::chrono::duration<double>(d).count();
}

tend::Exercise parsed(const std::string& text) {
    const auto catalog = tend::ExerciseCatalog::parse(text, "test.toml");
    REQUIRE(catalog.exercises().size() == 1);
    return catalog.exercises()[0];
}

}  // namespace

TEST_CASE("an exercise's steps each start on their own schedule, once, after the settle countdown") {
    FakeClock clock;
    RecordingDisplay display(clock);
    ScriptedKeys keys;
    const Outcome outcome = run_exercise(steps_of({10, 30, 5}, 3), clock, keys, {}, display);
    CHECK(display.of("settle").size() == 3);
    CHECK(step_times(display) == std::vector<double>{3, 13, 43});
    CHECK(clock.elapsed() == doctest::Approx(48.0));
    CHECK(outcome.ending == Ending::completed);
    CHECK(outcome.planned_cycles == 3);
    CHECK(outcome.done_cycles == 3);
    CHECK(seconds(outcome.breathing) == doctest::Approx(45.0));
    CHECK(outcome.worst_lateness == Duration::zero());
}

TEST_CASE("a pause in an exercise starts only the current step again, for as long as it lasted") {
    FakeClock clock;
    RecordingDisplay display(clock);
    // Pause 5 s into the second step (at 15 s) and linger until 100 s.
    ScriptedKeys keys({{15s, ' '}, {100s, ' '}});
    const Outcome outcome = run_exercise(steps_of({10, 30, 5}), clock, keys, {}, display);
    const auto steps = display.of("phase");
    REQUIRE(steps.size() == 4);
    CHECK(steps[1].phase == 1);
    CHECK(steps[2].phase == 1);  // the same step again, not the first
    CHECK(steps[2].at == doctest::Approx(100.0));
    CHECK(steps[3].at == doctest::Approx(130.0));
    CHECK(clock.elapsed() == doctest::Approx(135.0));
    CHECK(seconds(outcome.paused) == doctest::Approx(85.0));
    CHECK(outcome.done_cycles == 3);
    CHECK(outcome.worst_lateness == Duration::zero());
}

TEST_CASE("n moves on to the next step at once; breathing ignores it") {
    FakeClock clock;
    RecordingDisplay display(clock);
    ScriptedKeys keys({{2s, 'n'}, {4s, '\r'}});
    const Outcome outcome = run_exercise(steps_of({10, 30, 5}), clock, keys, {}, display);
    CHECK(step_times(display) == std::vector<double>{0, 2, 4});
    CHECK(clock.elapsed() == doctest::Approx(9.0));
    CHECK(outcome.done_cycles == 3);
    CHECK_FALSE(outcome.interrupted());

    FakeClock breath_clock;
    RecordingDisplay breath_display(breath_clock);
    ScriptedKeys breath_keys({{500ms, 'n'}});
    const Plan plan{tend::parse_breathing_spec("1-1", "test", tend::Exit::usage).phases, 1, 0};
    run_session(plan, breath_clock, breath_keys, {}, breath_display);
    CHECK(step_times(breath_display) == std::vector<double>{0, 1});
}

TEST_CASE("q stops an exercise with the steps done so far; a signal does too") {
    FakeClock clock;
    RecordingDisplay display(clock);
    ScriptedKeys keys({{12s, 'q'}});
    const Outcome outcome = run_exercise(steps_of({10, 30, 5}), clock, keys, {}, display);
    CHECK(outcome.ending == Ending::quit);
    CHECK(outcome.done_cycles == 1);
    CHECK(outcome.planned_cycles == 3);
    CHECK(seconds(outcome.breathing) == doctest::Approx(12.0));

    FakeClock signal_clock;
    RecordingDisplay signal_display(signal_clock);
    ScriptedKeys no_keys;
    const Outcome stopped = run_exercise(
        steps_of({10, 30}), signal_clock, no_keys, [&] { return signal_clock.elapsed() >= 11 ? SIGTERM : 0; },
        signal_display);
    CHECK(stopped.ending == Ending::signal);
    CHECK(stopped.signal == SIGTERM);
    CHECK(stopped.done_cycles == 1);
}

TEST_CASE("the built-in exercises are there, each with plain steps") {
    const auto catalog = tend::ExerciseCatalog::load({});
    for (const char* name : {"grounding", "muscles", "body-scan"}) {
        CAPTURE(name);
        const tend::Exercise* exercise = catalog.find(name);
        REQUIRE(exercise);
        CHECK(exercise->built_in);
        CHECK_FALSE(exercise->description.empty());
        CHECK(exercise->steps.size() >= 5);
        CHECK(exercise->length() > std::chrono::minutes{2});
        CHECK(exercise->length() < std::chrono::minutes{6});
    }
    const auto& grounding = *catalog.find("grounding");
    for (const char* sense : {"five things you can see", "four things you can touch", "three things you can hear",
                              "two things you can smell", "one thing you can taste"}) {
        CAPTURE(sense);
        CHECK(std::any_of(grounding.steps.begin(), grounding.steps.end(),
                          [&](const tend::ExerciseStep& step) { return contains(step.text, sense); }));
    }
    CHECK(contains(catalog.find("muscles")->steps[0].text, "hurts or is injured"));
    CHECK(contains(catalog.find("body-scan")->steps[0].text, "stop with q"));
}

TEST_CASE("a step is a string with the exercise's length, or a table with its own") {
    const auto exercise =
        parsed("[[exercise]]\nname = \"short\"\nseconds = 5\nsteps = [\"one\", { text = \"two\", seconds = 1.5 }]\n");
    CHECK(exercise.name == "short");
    REQUIRE(exercise.steps.size() == 2);
    CHECK(exercise.steps[0].text == "one");
    CHECK(exercise.steps[0].length == std::chrono::seconds{5});
    CHECK(exercise.steps[1].length == std::chrono::milliseconds{1500});
    CHECK(parsed("[[exercise]]\nname = \"plain\"\nsteps = [\"a\"]\n").steps[0].length == std::chrono::seconds{20});
}

TEST_CASE("a wrong exercise names file:line:col and what is wrong") {
    const auto error_of = [](const std::string& text) {
        const auto error = tend::test::error_from([&] { (void)tend::ExerciseCatalog::parse(text, "test.toml"); });
        REQUIRE(error);
        CHECK(error->code() == tend::Exit::data);
        return std::string(error->what());
    };
    CHECK(contains(error_of("[[exercise]]\nname = \"x\"\n"), "needs steps"));
    CHECK(contains(error_of("[[exercise]]\nname = \"x\"\nsteps = []\n"), "needs steps"));
    CHECK(contains(error_of("[[exercise]]\nname = \"x\"\nsteps = [{ text = \"a\", seconds = 0 }]\n"), "test.toml:3:"));
    CHECK(contains(error_of("[[exercise]]\nname = \"x\"\nsteps = [{ text = \"a\", seconds = 0 }]\n"),
                   "seconds must be a number from 1 to 600"));
    CHECK(contains(error_of("[[exercise]]\nname = \"x\"\nsteps = [\"  \"]\n"), "text is empty"));
    CHECK(contains(error_of("[[exercise]]\nname = \"x\"\nsteps = [{ txt = \"a\" }]\n"), "needs a text"));
    CHECK(contains(error_of("[[exercise]]\nname = \"x\"\nsecond = 3\nsteps = [\"a\"]\n"), "unknown key 'second'"));
    CHECK(contains(error_of("[[exercise]]\nname = \"x\"\nsteps = [7]\n"), "must be a string"));
}

TEST_CASE("--minutes stretches or shortens an exercise, each step keeping its share") {
    const auto exercise = parsed(
        "[[exercise]]\nname = \"x\"\nsteps = [{ text = \"a\", seconds = 10 }, "
        "{ text = \"b\", seconds = 30 }]\n");
    const auto longer = tend::scaled_to(exercise, 2);
    CHECK(longer.steps[0].length == std::chrono::seconds{30});
    CHECK(longer.steps[1].length == std::chrono::seconds{90});
    const auto tiny = tend::scaled_to(exercise, 0.0001);  // 6 ms: never a step of nothing
    CHECK(tiny.steps[0].length >= std::chrono::milliseconds{1});
}

TEST_CASE("the person's own exercise joins the built-ins, and one with a built-in's name replaces it") {
    tend::Exercise own{"grounding", "mine", false, {{"Feet on the floor.", std::chrono::seconds{5}}}};
    tend::Exercise evening{"evening", "", false, {{"Phone away.", std::chrono::seconds{5}}}};
    const auto catalog = tend::ExerciseCatalog::load({own, evening});
    CHECK(catalog.find("grounding")->description == "mine");
    CHECK(catalog.find("evening"));
    CHECK(catalog.find("muscles"));
    const auto error = tend::test::error_from([&] { (void)catalog.resolve("grundig", "--exercise"); });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::usage);
    CHECK(contains(error->what(), "--exercise: 'grundig' is not an exercise"));
    CHECK(contains(error->what(), "breathe --list"));
}

TEST_CASE("piped, each step is one plain line, neutralised, with its white space made single spaces") {
    tend::Exercise exercise{
        "x",
        "",
        false,
        {{"Two\nlines  here ", std::chrono::seconds{1}}, {"a \x1b[31mred\x1b[0m word", std::chrono::seconds{1}}}};
    const auto lines = plain_step_lines(exercise);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "Two lines here");
    CHECK(lines[1].find('\x1b') == std::string::npos);
}

TEST_CASE("words wrap at spaces, a long word kept whole") {
    CHECK(wrap_words("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
    CHECK(wrap_words("unbreakable word", 5) == std::vector<std::string>{"unbreakable", "word"});
    CHECK(wrap_words("naïve café", 5) == std::vector<std::string>{"naïve", "café"});
}

TEST_CASE("on a terminal a step's words are printed once, and the line below counts down") {
    std::ostringstream out;
    ExerciseDisplay display(out, {"Notice five things you can see.", "Then four you can touch."},
                            TerminalLook{true, false, tend::Style(false), [] { return 30; }});
    FakeClock clock;
    ScriptedKeys keys({{1500ms, ' '}, {3s, ' '}});
    run_exercise(steps_of({2, 2}), clock, keys, {}, display);
    const std::string text = out.str();
    CHECK(contains(text, "  Notice five things you can\n  see.\n"));
    CHECK(contains(text, "step 1 of 2"));
    CHECK(contains(text, "step 2 of 2"));
    CHECK(contains(text, "paused"));
    CHECK(contains(text, "\a"));  // --bell: once at each step
    CHECK(text.ends_with("\r\x1b[2K"));
}

}  // namespace breathe::test
