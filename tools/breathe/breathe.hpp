// breathe: a paced breathing exercise; options, commands and their actions.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "pacer.hpp"
#include "runner.hpp"
#include "session.hpp"

namespace breathe {

struct LogOptions {
    std::optional<std::string> since, until;
    std::optional<std::size_t> last;
};

struct Options {
    tend::CommonOptions common;
    std::optional<std::string> pattern;   // a name or a spec; default from the config, else calm
    std::optional<std::string> exercise;  // a guided exercise instead of a pattern
    std::optional<double> minutes;
    std::optional<int> cycles;
    bool no_settle = false;
    bool bell = false;
    bool rate = false;
    std::optional<int> before, after;
    bool no_log = false;
    bool json = false;
    bool list_patterns = false;  // --list
    LogOptions log;
};

// What a session runs against. The real ones come from run_session_command(); tests pass fakes.
struct Devices {
    Clock& clock;
    KeySource& keys;
    PendingSignal pending_signal;
    Display* display = nullptr;  // nullptr: chosen from the session (terminal or plain)
};

// The entry point main() hands to the runner: parses argv, then runs the command.
int main(int argc, const char* const* argv, tend::Io& io);

// The commands, as plain functions of options and a session. Each returns the exit status.
// session() sets up the real clock, signals and terminal, then calls run_with().
int session(const Options& options, const tend::Session& session);
int run_with(const Options& options, const tend::Session& session, Devices& devices);
int list(const Options& options, const tend::Session& session);
int log(const Options& options, const tend::Session& session);

}  // namespace breathe
