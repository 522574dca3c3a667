// The real devices behind a session: the steady clock, signals, and the terminal's mode and keys.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>

#include <signal.h>
#include <termios.h>

#include "pacer.hpp"

namespace breathe {

// std::chrono::steady_clock (CLOCK_MONOTONIC), sleeping with clock_nanosleep to an absolute
// deadline, so a wake is never early and lateness does not add up.
class SteadyClock : public Clock {
public:
    SteadyTime now() const override;
    void sleep_until(SteadyTime deadline) override;  // returns early when a signal arrives
};

// While alive: SIGINT, SIGTERM and SIGHUP are caught by handlers that only record which one
// came (so a session can end properly and be logged), SIGPIPE is ignored (a closed pipe
// becomes a write error), and SIGTSTP (Ctrl-Z) is caught so the session pauses and the
// terminal is restored before the process stops. The previous actions come back at the end.
class SignalScope {
public:
    SignalScope();
    ~SignalScope();
    SignalScope(const SignalScope&) = delete;
    SignalScope& operator=(const SignalScope&) = delete;

    // The signal that asked to stop, or 0.
    static int pending();
    // True once after Ctrl-Z was pressed.
    static bool take_suspend();

private:
    static constexpr int handled_count = 5;
    struct sigaction saved_[handled_count] {};
};

// Hides the cursor and, with `keys`, puts the terminal into non-canonical no-echo mode so
// single keys arrive at once. The destructor restores both on every way out: the end, q,
// a signal, an exception. Keys typed during the session are discarded, not left for the shell.
class TerminalGuard {
public:
    TerminalGuard(int in_fd, std::ostream& out, bool keys);
    ~TerminalGuard();
    TerminalGuard(const TerminalGuard&) = delete;
    TerminalGuard& operator=(const TerminalGuard&) = delete;

    void restore() noexcept;
    // Ctrl-Z: restores the terminal, stops the process as the shell expects, and takes the
    // terminal back when continued.
    void suspend();

private:
    void enter();

    int fd_;
    std::ostream& out_;
    bool keys_;
    bool active_ = false;
    struct termios saved_ {};
};

// Single keys from the terminal, waited for with ppoll() up to the deadline, so signals and
// keys are noticed at once. With fd -1 (standard input is not a terminal, or plain output)
// it only waits. Ctrl-Z (SIGTSTP, caught by a SignalScope) first arrives as suspend_key so
// the session pauses, then the next wait stops the process (restoring the terminal through
// `guard` when there is one). Once continued it hands back suspend_key, or, when there are
// no keys to press space with, pause_key so the session goes on by itself.
class TerminalKeys : public KeySource {
public:
    TerminalKeys(int fd, TerminalGuard* guard) : fd_(fd), guard_(guard) {}
    std::optional<char> wait(Clock& clock, SteadyTime deadline) override;

private:
    char stop_process();

    int fd_;
    TerminalGuard* guard_;
    bool closed_ = false;
    bool stop_next_ = false;  // Ctrl-Z was pressed: stop the process at the next wait
};

// The width of the terminal on `fd`, or 80.
std::size_t terminal_columns(int fd);

}  // namespace breathe
