// boundary-log: boundaries as living things with a history; options, commands and their actions.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boundary_record.hpp"
#include "runner.hpp"
#include "session.hpp"

namespace boundary_log {

// What `add` takes: the wording and what goes with it.
struct AddValues {
    std::vector<std::string> words;  // the wording, possibly given unquoted as several words
    std::optional<std::string> type;
    std::optional<std::string> with;
    bool hard = false;
    bool soft = false;
    std::optional<std::string> if_crossed;
};

// What an event takes besides its boundary number.
struct EventValues {
    std::optional<int> intensity;
    std::optional<std::string> text;  // renegotiated: the new wording
};

struct ListOptions {
    bool all = false;
    std::optional<std::string> type;
    std::optional<std::string> with;
};

struct Options {
    tend::CommonOptions common;
    tend::BoundaryEvent event = tend::BoundaryEvent::held;  // for log_event
    AddValues add;
    EventValues values;
    ListOptions list;
    std::optional<std::string> note;  // "-" reads it from standard input
    std::optional<std::string> at;
    std::string id;  // the boundary's number as typed
    bool json = false;
    bool quiet = false;
    bool share = false;  // add --share: the boundary and its events, in the couple's folder
};

// The entry point main() hands to the runner: parses argv, then runs the command.
int main(int argc, const char* const* argv, tend::Io& io);

// The commands, as plain functions of options and a session. Each returns the exit status.
int add(const Options& options, const tend::Session& session);
int log_event(const Options& options, const tend::Session& session);
int list(const Options& options, const tend::Session& session);
int show(const Options& options, const tend::Session& session);
int undo(const Options& options, const tend::Session& session);
int share(const Options& options, const tend::Session& session);
int unshare(const Options& options, const tend::Session& session);

}  // namespace boundary_log
