// The pacer: runs a breathing session on an injected clock, key source and display.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

#include "breathing_pattern.hpp"

namespace breathe {

using SteadyTime = std::chrono::steady_clock::time_point;
using Duration = std::chrono::steady_clock::duration;

// Monotonic time and sleeping to an absolute deadline on it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual SteadyTime now() const = 0;
    // Sleeps until `deadline` has passed; may return earlier when a signal arrives.
    virtual void sleep_until(SteadyTime deadline) = 0;
};

// Keys pressed during a session.
class KeySource {
public:
    virtual ~KeySource() = default;
    // Waits until a key is pressed or `deadline` passes on `clock`, whichever is first, and
    // returns the key. May return nothing before the deadline (a signal): callers look again.
    virtual std::optional<char> wait(Clock& clock, SteadyTime deadline) = 0;
};

// No keys at all (not on a terminal): just sleeps.
class NoKeys : public KeySource {
public:
    std::optional<char> wait(Clock& clock, SteadyTime deadline) override {
        clock.sleep_until(deadline);
        return std::nullopt;
    }
};

// The keys the pacer understands. Ctrl-Z arrives as `suspend_key` from the terminal key source.
inline constexpr char pause_key = ' ';
// n or Enter: on to the next step of an exercise (breathing ignores it).
inline bool is_next_key(char key) {
    return key == 'n' || key == 'N' || key == '\r' || key == '\n';
}
inline constexpr char suspend_key = '\x1a';
// q, and Ctrl-C or Ctrl-D when they arrive as plain bytes rather than as a signal.
inline bool is_quit_key(char key) {
    return key == 'q' || key == 'Q' || key == '\x03' || key == '\x04';
}

// What a person sees. Calls come in this order: settle() per second of the countdown,
// then per phase phase_started() and progress() every refresh(); paused() and, at the very
// end, finished() once whatever the reason.
class Display {
public:
    virtual ~Display() = default;
    // How often progress() wants calling; zero for only at phase starts.
    virtual Duration refresh() const = 0;
    virtual void settle(int seconds_left) = 0;
    virtual void phase_started(std::size_t phase, int cycle) = 0;
    // `left` of the phase to go, `fraction` of it done (0 to 1).
    virtual void progress(std::size_t phase, Duration left, double fraction) = 0;
    virtual void paused() = 0;
    virtual void finished() = 0;
    // False once output can no longer be written (a closed pipe): the session stops.
    virtual bool ok() const = 0;
};

struct Plan {
    std::vector<tend::BreathPhase> phases;  // one breath
    int cycles = 1;                         // whole breaths
    int settle_seconds = 3;                 // countdown first; 0 for none
};

// A guided exercise: each step once, in order.
struct StepPlan {
    std::vector<std::chrono::milliseconds> steps;
    int settle_seconds = 3;
};

// Breaths for a timed session: enough whole breaths to fill `minutes`, never fewer than one.
int cycles_for_minutes(double minutes, std::chrono::milliseconds cycle);

enum class Ending { completed, quit, signal, output_failed };

struct Outcome {
    int planned_cycles = 0;     // for an exercise: its steps
    int done_cycles = 0;        // for an exercise: steps done or moved on from
    Duration breathing{};       // from the first inhale to the end, pauses left out
    Duration paused{};          // time spent paused
    Duration worst_lateness{};  // the latest a phase change came after its deadline
    Ending ending = Ending::completed;
    int signal = 0;  // the signal that stopped it, for Ending::signal
    bool interrupted() const { return ending != Ending::completed; }
};

// The signal that asks the session to stop (SIGINT, SIGTERM, ...), or 0.
using PendingSignal = std::function<int()>;

// Runs a session. Phase k of breath c ends at the absolute deadline
//   origin + c * breath + (phases 0..k),
// where origin is the end of the settle countdown (or the start); deadlines are computed,
// never accumulated from sleeps, so a late wake never delays the next phase. Space pauses and
// resumes, and a paused breath starts again at its inhale with origin moved to the moment
// of resuming, so paused time counts neither as lateness nor as drift. q stops; so does a
// pending signal, checked at least at every wake.
Outcome run_session(const Plan& plan, Clock& clock, KeySource& keys, const PendingSignal& pending_signal,
                    Display& display);

// Runs an exercise the same way, its steps as the phases of a single breath, except that a
// pause starts only the current step again, and n or Enter moves on to the next step at once.
// The outcome counts steps (done or moved on from) where a session counts breaths.
Outcome run_exercise(const StepPlan& plan, Clock& clock, KeySource& keys, const PendingSignal& pending_signal,
                     Display& display);

}  // namespace breathe
