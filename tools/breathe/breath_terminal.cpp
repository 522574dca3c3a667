// POSIX behind the session: clock_nanosleep, sigaction, termios and ppoll.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "breath_terminal.hpp"

#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <ostream>

namespace breathe {
namespace {

// A signal handler can only set a flag; these two are the only state it touches.
volatile std::sig_atomic_t stop_signal = 0;
volatile std::sig_atomic_t suspend_requested = 0;

extern "C" void record_stop(int signal_number) {
    stop_signal = signal_number;
}
extern "C" void record_suspend(int) {
    suspend_requested = 1;
}

constexpr std::array<int, 3> stop_signals{SIGINT, SIGTERM, SIGHUP};
constexpr std::size_t pipe_slot = 3;
constexpr std::size_t suspend_slot = 4;

constexpr const char* hide_cursor = "\x1b[?25l";
constexpr const char* show_cursor = "\x1b[?25h";

timespec to_timespec(Duration duration) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(duration);
    const auto nanoseconds = std::chrono::duration_cast<std::chrono::nanoseconds>(duration - seconds);
    timespec ts{};
    ts.tv_sec = static_cast<time_t>(seconds.count());
    ts.tv_nsec = static_cast<long>(nanoseconds.count());
    return ts;
}

void set_action(int signal_number, void (*handler)(int), struct sigaction* saved) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: sleeps and reads return, and the loop looks at the flag
    sigaction(signal_number, &action, saved);
}

// Stops the process as SIGTSTP's default action would, then puts the handler back once
// the shell continues it.
void stop_self() {
    struct sigaction ours {};
    set_action(SIGTSTP, SIG_DFL, &ours);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &ours, nullptr);
}

}  // namespace

SteadyTime SteadyClock::now() const {
    return std::chrono::steady_clock::now();
}

void SteadyClock::sleep_until(SteadyTime deadline) {
    // libstdc++'s steady_clock is CLOCK_MONOTONIC, so its epoch is the one clock_nanosleep uses.
    const timespec when = to_timespec(deadline.time_since_epoch());
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, nullptr);
}

SignalScope::SignalScope() {
    stop_signal = 0;
    suspend_requested = 0;
    for (std::size_t i = 0; i < stop_signals.size(); ++i) set_action(stop_signals[i], record_stop, &saved_[i]);
    set_action(SIGPIPE, SIG_IGN, &saved_[pipe_slot]);
    set_action(SIGTSTP, record_suspend, &saved_[suspend_slot]);
}

SignalScope::~SignalScope() {
    sigaction(SIGTSTP, &saved_[suspend_slot], nullptr);
    sigaction(SIGPIPE, &saved_[pipe_slot], nullptr);
    for (std::size_t i = 0; i < stop_signals.size(); ++i) sigaction(stop_signals[i], &saved_[i], nullptr);
}

int SignalScope::pending() {
    return stop_signal;
}

bool SignalScope::take_suspend() {
    if (!suspend_requested) return false;
    suspend_requested = 0;
    return true;
}

TerminalGuard::TerminalGuard(int in_fd, std::ostream& out, bool keys) : fd_(in_fd), out_(out), keys_(keys) {
    if (keys_ && tcgetattr(fd_, &saved_) != 0) keys_ = false;
    enter();
}

TerminalGuard::~TerminalGuard() {
    restore();
}

void TerminalGuard::enter() {
    if (keys_) {
        struct termios raw = saved_;
        raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);  // ISIG stays: Ctrl-C is still SIGINT
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(fd_, TCSANOW, &raw);
    }
    out_ << hide_cursor << std::flush;
    active_ = true;
}

void TerminalGuard::restore() noexcept {
    if (!active_) return;
    active_ = false;
    out_.clear();  // a failed write earlier must not stop the cursor coming back
    out_ << show_cursor << std::flush;
    if (keys_) {
        tcflush(fd_, TCIFLUSH);
        tcsetattr(fd_, TCSANOW, &saved_);
    }
}

void TerminalGuard::suspend() {
    restore();
    stop_self();
    enter();
}

char TerminalKeys::stop_process() {
    if (guard_) {
        guard_->suspend();
    } else {
        stop_self();
    }
    return fd_ >= 0 ? suspend_key : pause_key;
}

std::optional<char> TerminalKeys::wait(Clock& clock, SteadyTime deadline) {
    // Ctrl-Z first pauses the session (so the stopped time counts as paused), and the next
    // wait stops the process; once continued, the paused line is drawn again.
    if (stop_next_) {
        stop_next_ = false;
        return stop_process();
    }
    if (SignalScope::take_suspend()) {
        stop_next_ = true;
        return suspend_key;
    }
    const bool watch = fd_ >= 0 && !closed_;
    if (!watch) {
        // No keys to watch: the bare absolute-deadline sleep, as bench/deadline_loop.cpp does.
        // ppoll's timeout is relative, so any delay between reading the clock and the call
        // (a busy machine preempting here) was added to the phase's lateness.
        clock.sleep_until(deadline);
        return std::nullopt;
    }
    const SteadyTime now = clock.now();
    if (now >= deadline) return std::nullopt;
    const timespec timeout = to_timespec(deadline - now);
    pollfd input{fd_, POLLIN, 0};
    const int ready = ppoll(&input, 1, &timeout, nullptr);
    if (ready < 0) {
        if (errno == EINTR && SignalScope::take_suspend()) {
            stop_next_ = true;
            return suspend_key;
        }
        return std::nullopt;
    }
    if (ready == 0) {
        clock.sleep_until(deadline);  // ppoll never wakes early; this only makes sure
        return std::nullopt;
    }
    if (input.revents & POLLIN) {
        char key = 0;
        const ssize_t got = read(fd_, &key, 1);
        if (got == 1) return key;
        if (got == 0) closed_ = true;
        return std::nullopt;
    }
    if (input.revents & (POLLHUP | POLLERR | POLLNVAL)) closed_ = true;
    return std::nullopt;
}

std::size_t terminal_columns(int fd) {
    winsize size{};
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace breathe
