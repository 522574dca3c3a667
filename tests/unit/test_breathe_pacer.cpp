// breathe's pacer on a fake clock: whole sessions in microseconds, pauses, stops, lateness and drift.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <csignal>

#include "breathing_pattern.hpp"
#include "pacer.hpp"
#include "test_breathe_fakes.hpp"

namespace breathe::test {
namespace {

Plan plan_of(std::string_view spec, int cycles, int settle = 0) {
    return Plan{tend::parse_breathing_spec(spec, "test", tend::Exit::usage).phases, cycles, settle};
}

std::vector<double> phase_times(const RecordingDisplay& display) {
    std::vector<double> times;
    for (const auto& call : display.of("phase")) times.push_back(call.at);
    return times;
}

Outcome run(const Plan& plan, FakeClock& clock, RecordingDisplay& display, ScriptedKeys keys = ScriptedKeys{},
            PendingSignal signal = {}) {
    return run_session(plan, clock, keys, signal, display);
}

double seconds(Duration d) {
    return std::chrono::duration<double>(d).count();
}

}  // namespace

TEST_CASE("phases start on an exact schedule and the session ends after its last phase") {
    FakeClock clock;
    RecordingDisplay display(clock);
    const Outcome outcome = run(plan_of("1-0-1-0", 3), clock, display);
    CHECK(phase_times(display) == std::vector<double>{0, 1, 2, 3, 4, 5});
    CHECK(clock.elapsed() == doctest::Approx(6.0));
    CHECK(outcome.ending == Ending::completed);
    CHECK_FALSE(outcome.interrupted());
    CHECK(outcome.planned_cycles == 3);
    CHECK(outcome.done_cycles == 3);
    CHECK(seconds(outcome.breathing) == doctest::Approx(6.0));
    CHECK(outcome.worst_lateness == Duration::zero());
    CHECK(display.calls.back().what == "finished");
}

TEST_CASE("phase kinds follow the pattern, with zero-length phases left out") {
    FakeClock clock;
    RecordingDisplay display(clock);
    const Plan plan = plan_of("4-7-8", 1);
    run(plan, clock, display);
    REQUIRE(display.phase_count() == 3);
    CHECK(plan.phases[display.of("phase")[1].phase].kind == tend::PhaseKind::hold_in);
    CHECK(phase_times(display) == std::vector<double>{0, 4, 11});
    CHECK(clock.elapsed() == doctest::Approx(19.0));
}

TEST_CASE("the settle countdown comes first, one call per second, and breathing starts after it") {
    FakeClock clock;
    RecordingDisplay display(clock);
    const Outcome outcome = run(plan_of("4-0-6-0", 1, 3), clock, display);
    const auto settles = display.of("settle");
    REQUIRE(settles.size() == 3);
    CHECK(settles[0].value == 3);
    CHECK(settles[2].value == 1);
    CHECK(settles[2].at == doctest::Approx(2.0));
    CHECK(phase_times(display) == std::vector<double>{3, 7});
    CHECK(seconds(outcome.breathing) == doctest::Approx(10.0));  // the countdown is not breathing time
}

TEST_CASE("a timed session is whole breaths: minutes round up to the next whole breath") {
    CHECK(cycles_for_minutes(3, std::chrono::milliseconds{10'000}) == 18);
    CHECK(cycles_for_minutes(3, std::chrono::milliseconds{19'000}) == 10);  // 4-7-8: 9.5 breaths -> 10
    CHECK(cycles_for_minutes(1, std::chrono::milliseconds{16'000}) == 4);   // box: 3.75 -> 4
    CHECK(cycles_for_minutes(0.01, std::chrono::milliseconds{10'000}) == 1);
    CHECK(cycles_for_minutes(10, std::chrono::milliseconds{11'000}) == 55);  // coherent: 54.5 -> 55
}

TEST_CASE("a ten-minute session runs in full on the fake clock, ends on a whole breath and never drifts") {
    FakeClock clock;
    RecordingDisplay display(clock);
    const auto calm = tend::parse_breathing_spec("4-0-6-0", "test", tend::Exit::usage);
    const Outcome outcome = run(Plan{calm.phases, cycles_for_minutes(10, calm.cycle()), 0}, clock, display);
    CHECK(outcome.done_cycles == 60);
    CHECK(display.phase_count() == 120);
    CHECK(display.of("phase").back().at == doctest::Approx(594.0));  // the last exhale
    CHECK(clock.elapsed() == doctest::Approx(600.0));
    CHECK(outcome.worst_lateness == Duration::zero());
}

TEST_CASE("deadlines are absolute: late wakes are measured but never add up") {
    FakeClock clock;
    clock.late = [](SteadyTime) { return Duration{std::chrono::milliseconds{3}}; };  // every wake 3 ms late
    RecordingDisplay display(clock);
    const auto coherent = tend::parse_breathing_spec("5.5-5.5", "test", tend::Exit::usage);
    const Outcome outcome = run(Plan{coherent.phases, 55, 0}, clock, display);
    CHECK(outcome.done_cycles == 55);
    // A sum of sleeps would end 110 * 3 ms = 330 ms late; absolute deadlines end 3 ms late.
    CHECK(clock.elapsed() == doctest::Approx(605.003).epsilon(1e-9));
    CHECK(outcome.worst_lateness == std::chrono::milliseconds{3});
    for (std::size_t i = 0; i < clock.sleeps.size(); ++i)
        CHECK(clock.at(clock.sleeps[i]) == doctest::Approx(5.5 * static_cast<double>(i + 1)));
}

TEST_CASE("worst lateness is the latest single wake, and the next phase keeps its own deadline") {
    FakeClock clock;
    clock.late = [&](SteadyTime deadline) {
        return clock.at(deadline) == doctest::Approx(3.0) ? Duration{std::chrono::microseconds{7'250}} : Duration{};
    };
    RecordingDisplay display(clock);
    const Outcome outcome = run(plan_of("1-0-1-0", 3), clock, display);
    CHECK(outcome.worst_lateness == std::chrono::microseconds{7'250});
    const auto times = phase_times(display);
    CHECK(times[3] == doctest::Approx(3.00725));               // the late phase starts late...
    CHECK(clock.at(clock.sleeps[3]) == doctest::Approx(4.0));  // ...but still ends on time
    CHECK(times[4] == doctest::Approx(4.0));
    CHECK(clock.elapsed() == doctest::Approx(6.0));
}

TEST_CASE("space pauses, and the paused breath starts again at the inhale when resumed") {
    FakeClock clock;
    RecordingDisplay display(clock);
    // 1-0-1-0, 3 breaths: pause in breath 2's exhale (at 3.5 s), resume at 20 s.
    ScriptedKeys keys({{3500ms, ' '}, {20s, ' '}});
    const Plan plan = plan_of("1-0-1-0", 3);
    const Outcome outcome = run_session(plan, clock, keys, {}, display);
    REQUIRE(display.of("paused").size() == 1);
    CHECK(display.of("paused")[0].at == doctest::Approx(3.5));
    const auto phases = display.of("phase");
    REQUIRE(phases.size() == 8);  // 2 + 2 (cut short) + 2 (breath 2 again) + 2
    CHECK(phases[4].at == doctest::Approx(20.0));
    CHECK(plan.phases[phases[4].phase].kind == tend::PhaseKind::inhale);
    CHECK(phases[4].value == 1);  // the same breath, again
    CHECK(phases[6].at == doctest::Approx(22.0));
    CHECK(clock.elapsed() == doctest::Approx(24.0));
    CHECK(outcome.done_cycles == 3);
    CHECK_FALSE(outcome.interrupted());
    CHECK(seconds(outcome.paused) == doctest::Approx(16.5));
    CHECK(seconds(outcome.breathing) == doctest::Approx(24.0 - 16.5));
    CHECK(outcome.worst_lateness == Duration::zero());  // the pause is neither lateness nor drift
}

TEST_CASE("Ctrl-Z pauses like space, and a second one while paused keeps it paused") {
    FakeClock clock;
    RecordingDisplay display(clock);
    ScriptedKeys keys({{500ms, suspend_key}, {5s, suspend_key}, {9s, ' '}});
    const Outcome outcome = run_session(plan_of("1-0-1-0", 1), clock, keys, {}, display);
    CHECK(display.of("paused").size() == 2);
    CHECK(phase_times(display) == std::vector<double>{0, 9, 10});
    CHECK(clock.elapsed() == doctest::Approx(11.0));
    CHECK(outcome.done_cycles == 1);
}

TEST_CASE("q stops the session as interrupted with the whole breaths done") {
    FakeClock clock;
    RecordingDisplay display(clock);
    ScriptedKeys keys({{4500ms, 'q'}});
    const Outcome outcome = run_session(plan_of("1-0-1-0", 10), clock, keys, {}, display);
    CHECK(outcome.ending == Ending::quit);
    CHECK(outcome.interrupted());
    CHECK(outcome.done_cycles == 2);
    CHECK(outcome.planned_cycles == 10);
    CHECK(seconds(outcome.breathing) == doctest::Approx(4.5));
    CHECK(display.calls.back().what == "finished");
}

TEST_CASE("q while paused stops, and the paused time is not breathing time") {
    FakeClock clock;
    RecordingDisplay display(clock);
    ScriptedKeys keys({{2500ms, ' '}, {30s, 'q'}});
    const Outcome outcome = run_session(plan_of("1-0-1-0", 10), clock, keys, {}, display);
    CHECK(outcome.ending == Ending::quit);
    CHECK(outcome.done_cycles == 1);
    CHECK(seconds(outcome.breathing) == doctest::Approx(2.5));
    CHECK(seconds(outcome.paused) == doctest::Approx(27.5));
}

TEST_CASE("q during the settle countdown stops before any breath") {
    FakeClock clock;
    RecordingDisplay display(clock);
    ScriptedKeys keys({{1500ms, 'q'}});
    const Outcome outcome = run_session(plan_of("4-0-6-0", 3, 3), clock, keys, {}, display);
    CHECK(outcome.ending == Ending::quit);
    CHECK(outcome.done_cycles == 0);
    CHECK(display.phase_count() == 0);
    CHECK(outcome.breathing == Duration::zero());
}

TEST_CASE("a signal stops the session at once, as interrupted, naming the signal") {
    FakeClock clock;
    RecordingDisplay display(clock, std::chrono::milliseconds{100});
    ScriptedKeys keys;
    const PendingSignal pending = [&] { return clock.elapsed() >= 12.05 ? SIGINT : 0; };
    const Outcome outcome = run_session(plan_of("4-0-6-0", 18), clock, keys, pending, display);
    CHECK(outcome.ending == Ending::signal);
    CHECK(outcome.signal == SIGINT);
    CHECK(outcome.done_cycles == 1);
    CHECK(clock.elapsed() == doctest::Approx(12.1));  // noticed at the next wake, not at the phase's end
}

TEST_CASE("broken output stops the session") {
    FakeClock clock;
    RecordingDisplay display(clock);
    display.broken_after = 3;
    const Outcome outcome = run(plan_of("1-0-1-0", 5), clock, display);
    CHECK(outcome.ending == Ending::output_failed);
    CHECK(outcome.done_cycles == 1);
}

TEST_CASE("a refreshing display is redrawn between deadlines, and sleeps never pass a deadline") {
    FakeClock clock;
    RecordingDisplay display(clock, std::chrono::milliseconds{100});
    const Outcome outcome = run(plan_of("1-0-1.05-0", 1), clock, display);
    const auto progress = display.of("progress");
    // 0.1 .. 0.9 in the inhale, 1.1 .. 1.9 in the exhale: 2.0 is within half a refresh of its end.
    CHECK(progress.size() == 9 + 9);
    CHECK(progress.front().fraction == doctest::Approx(0.1));
    CHECK(progress.back().at == doctest::Approx(1.9));
    for (const auto sleep : clock.sleeps) CHECK(clock.at(sleep) <= 2.05 + 1e-9);
    CHECK(clock.at(clock.sleeps.back()) == doctest::Approx(2.05));
    CHECK(outcome.worst_lateness == Duration::zero());
}

}  // namespace breathe::test
