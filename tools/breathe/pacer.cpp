// The pacer's schedule: absolute deadlines from one origin, pauses that restart the breath.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacer.hpp"

#include <algorithm>
#include <cmath>

namespace breathe {
namespace {

enum class Event { reached, pause, suspend, next, quit, signal, broken };

// Waits for deadlines while watching keys, signals and the display.
class Waiter {
public:
    Waiter(Clock& clock, KeySource& keys, const PendingSignal& pending, Display& display)
        : clock_(clock), keys_(keys), pending_(pending), display_(display) {}

    // Waits until `deadline`, calling `tick(now)` every display refresh before it. Returns
    // early for a key that matters, a signal or broken output.
    template <typename Tick>
    Event until(SteadyTime deadline, Tick&& tick) {
        const Duration refresh = display_.refresh();
        SteadyTime next_tick = clock_.now() + refresh;
        for (;;) {
            if (pending_) signal_ = pending_();
            if (signal_ != 0) return Event::signal;
            if (!display_.ok()) return Event::broken;
            const SteadyTime now = clock_.now();
            if (now >= deadline) {
                woke_ = now;
                return Event::reached;
            }
            SteadyTime wake = deadline;
            if (refresh > Duration::zero()) {
                while (next_tick <= now) next_tick += refresh;
                // No redraw in the last half refresh before a deadline: a draw held up by a busy
                // machine would otherwise run into the deadline and make the phase change late.
                if (next_tick + refresh / 2 < deadline) wake = std::min(wake, next_tick);
            }
            if (const auto key = keys_.wait(clock_, wake)) {
                if (is_quit_key(*key)) return Event::quit;
                if (*key == pause_key) return Event::pause;
                if (*key == suspend_key) return Event::suspend;
                if (is_next_key(*key)) return Event::next;
            }
            const SteadyTime after = clock_.now();
            if (after < deadline) tick(after);
        }
    }

    SteadyTime woke() const { return woke_; }
    int signal() const { return signal_; }

private:
    Clock& clock_;
    KeySource& keys_;
    const PendingSignal& pending_;
    Display& display_;
    SteadyTime woke_{};
    int signal_ = 0;
};

Ending ending_of(Event event) {
    switch (event) {
        case Event::quit:
            return Ending::quit;
        case Event::signal:
            return Ending::signal;
        case Event::broken:
            return Ending::output_failed;
        default:
            return Ending::completed;
    }
}

}  // namespace

int cycles_for_minutes(double minutes, std::chrono::milliseconds cycle) {
    const auto planned = static_cast<long long>(std::llround(minutes * 60'000.0));
    const long long breath = std::max<long long>(1, cycle.count());
    return static_cast<int>(std::max<long long>(1, (planned + breath - 1) / breath));
}

namespace {

// What both kinds of session share: phases (or steps) of these lengths, `cycles` times over.
struct Schedule {
    std::vector<Duration> lengths;
    int cycles = 1;
    int settle_seconds = 0;
    bool steps = false;  // an exercise: a pause restarts the step, n moves on
};

Outcome run(const Schedule& plan, Clock& clock, KeySource& keys, const PendingSignal& pending_signal,
            Display& display) {
    Waiter waiter(clock, keys, pending_signal, display);
    Outcome outcome;
    const bool exercise = plan.steps;
    outcome.planned_cycles = exercise ? static_cast<int>(plan.lengths.size()) : plan.cycles;
    const auto no_tick = [](SteadyTime) {};

    const SteadyTime start = clock.now();
    for (int second = 0; second < plan.settle_seconds; ++second) {
        display.settle(plan.settle_seconds - second);
        Event event;
        do {
            event = waiter.until(start + std::chrono::seconds{second + 1}, no_tick);
        } while (event == Event::pause || event == Event::suspend || event == Event::next);
        if (event != Event::reached) {
            outcome.ending = ending_of(event);
            outcome.signal = waiter.signal();
            display.finished();
            return outcome;
        }
    }

    // ends[k]: from the start of a breath (or of the exercise) to the end of its phase (step) k.
    const int cycles = plan.cycles;
    std::vector<Duration> ends;
    Duration sum{};
    for (const auto& length : plan.lengths) ends.push_back(sum += length);
    const Duration breath = sum;

    SteadyTime origin = plan.settle_seconds > 0 ? start + std::chrono::seconds{plan.settle_seconds} : start;
    const SteadyTime first_origin = origin;
    int origin_cycle = 0;
    const auto finish = [&](Ending ending, SteadyTime end) {
        outcome.ending = ending;
        outcome.signal = waiter.signal();
        outcome.breathing = std::max(Duration::zero(), end - first_origin - outcome.paused);
        display.finished();
        return outcome;
    };
    const auto begin_of = [&](std::size_t k) { return k ? ends[k - 1] : Duration::zero(); };

    for (int cycle = 0; cycle < cycles;) {
        std::size_t k = 0;
        while (k < ends.size()) {
            const SteadyTime breath_start = origin + breath * (cycle - origin_cycle);
            const SteadyTime phase_start = breath_start + begin_of(k);
            const SteadyTime deadline = breath_start + ends[k];
            const double length = std::chrono::duration<double>(deadline - phase_start).count();
            display.phase_started(k, cycle);
            Event event;
            do {
                event = waiter.until(deadline, [&](SteadyTime now) {
                    const double done = std::chrono::duration<double>(now - phase_start).count() / length;
                    display.progress(k, deadline - now, std::clamp(done, 0.0, 1.0));
                });
            } while (event == Event::next && !exercise);
            if (event == Event::reached || event == Event::next) {
                if (event == Event::reached)
                    outcome.worst_lateness = std::max(outcome.worst_lateness, waiter.woke() - deadline);
                else  // moving on early: the next step starts now, at its full length
                    origin = clock.now() - ends[k], origin_cycle = cycle;
                if (exercise) outcome.done_cycles = static_cast<int>(k + 1);
                ++k;
                continue;
            }
            if (event != Event::pause && event != Event::suspend) return finish(ending_of(event), clock.now());

            const SteadyTime pause_start = clock.now();
            display.paused();
            Event resume;
            for (;;) {
                resume = waiter.until(clock.now() + std::chrono::hours{1}, no_tick);
                if (resume == Event::suspend) display.paused();
                if (resume != Event::reached && resume != Event::suspend && resume != Event::next) break;
            }
            if (resume != Event::pause) {
                outcome.paused += clock.now() - pause_start;
                return finish(ending_of(resume), clock.now());
            }
            const SteadyTime resumed = clock.now();
            outcome.paused += resumed - pause_start;
            // A breath starts again from its inhale; an exercise's step starts again by itself.
            if (!exercise) k = 0;
            origin = resumed - begin_of(k);
            origin_cycle = cycle;
        }
        ++cycle;
        if (!exercise) outcome.done_cycles = cycle;
    }
    return finish(Ending::completed, waiter.woke());
}

}  // namespace

Outcome run_session(const Plan& plan, Clock& clock, KeySource& keys, const PendingSignal& pending_signal,
                    Display& display) {
    Schedule schedule{{}, plan.cycles, plan.settle_seconds, false};
    for (const auto& phase : plan.phases) schedule.lengths.push_back(phase.length);
    return run(schedule, clock, keys, pending_signal, display);
}

Outcome run_exercise(const StepPlan& plan, Clock& clock, KeySource& keys, const PendingSignal& pending_signal,
                     Display& display) {
    Schedule schedule{{}, 1, plan.settle_seconds, true};
    for (const auto& step : plan.steps) schedule.lengths.push_back(step);
    return run(schedule, clock, keys, pending_signal, display);
}

}  // namespace breathe
