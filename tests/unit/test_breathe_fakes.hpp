// Fake devices for breathe's tests: a clock that jumps instantly, scripted keys, a recording display.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pacer.hpp"

namespace breathe::test {

using namespace std::chrono_literals;

// Starts at an arbitrary steady time and advances only when slept on, instantly. `late`
// can add lateness to any wake, to stand in for a busy machine.
class FakeClock : public Clock {
public:
    SteadyTime now() const override { return now_; }
    void sleep_until(SteadyTime deadline) override {
        sleeps.push_back(deadline);
        if (deadline > now_) now_ = deadline + (late ? late(deadline) : Duration::zero());
    }
    // Seconds since the clock's start, for readable checks.
    double at(SteadyTime t) const { return std::chrono::duration<double>(t - start).count(); }
    double elapsed() const { return at(now_); }

    const SteadyTime start = SteadyTime{} + 1000h;
    std::function<Duration(SteadyTime deadline)> late;
    std::vector<SteadyTime> sleeps;

private:
    SteadyTime now_ = start;
};

// Keys pressed at given times after the clock's start.
class ScriptedKeys : public KeySource {
public:
    explicit ScriptedKeys(std::vector<std::pair<Duration, char>> script = {}) : script_(script.begin(), script.end()) {}
    std::optional<char> wait(Clock& clock, SteadyTime deadline) override {
        auto& fake = static_cast<FakeClock&>(clock);
        if (!script_.empty() && fake.start + script_.front().first <= deadline) {
            clock.sleep_until(fake.start + script_.front().first);
            const char key = script_.front().second;
            script_.pop_front();
            return key;
        }
        clock.sleep_until(deadline);
        return std::nullopt;
    }

private:
    std::deque<std::pair<Duration, char>> script_;
};

// Remembers every call, with the clock's time.
class RecordingDisplay : public Display {
public:
    struct Call {
        std::string what;  // settle, phase, progress, paused, finished
        double at;         // seconds since the clock's start
        std::size_t phase = 0;
        int value = 0;  // settle: seconds left; phase: cycle
        double fraction = 0;
    };

    RecordingDisplay(const FakeClock& clock, Duration refresh = Duration::zero()) : clock_(clock), refresh_(refresh) {}
    Duration refresh() const override { return refresh_; }
    void settle(int seconds_left) override { calls.push_back({"settle", now(), 0, seconds_left}); }
    void phase_started(std::size_t phase, int cycle) override { calls.push_back({"phase", now(), phase, cycle}); }
    void progress(std::size_t phase, Duration, double fraction) override {
        calls.push_back({"progress", now(), phase, 0, fraction});
    }
    void paused() override { calls.push_back({"paused", now()}); }
    void finished() override { calls.push_back({"finished", now()}); }
    bool ok() const override { return !broken_after || phase_count() < *broken_after; }

    std::vector<Call> of(const std::string& what) const {
        std::vector<Call> found;
        for (const auto& call : calls)
            if (call.what == what) found.push_back(call);
        return found;
    }
    std::size_t phase_count() const { return of("phase").size(); }

    std::vector<Call> calls;
    std::optional<std::size_t> broken_after;  // output fails after this many phase starts

private:
    double now() const { return clock_.elapsed(); }
    const FakeClock& clock_;
    Duration refresh_;
};

}  // namespace breathe::test
