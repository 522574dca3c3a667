// checkin: a quick check-in from the shell; options, commands and their actions.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "import.hpp"
#include "runner.hpp"
#include "session.hpp"

namespace checkin {

// Values a person can give for a check-in, on the command line or when editing.
struct EntryValues {
    std::array<std::optional<int>, 5> ratings;  // in tend::checkin_dimensions order, mood first
    std::vector<std::string> feelings;
    std::vector<std::string> tags;
    std::optional<std::string> note;  // "-" reads it from standard input
    std::optional<std::string> at;
    bool edit_note = false;  // write the note in $EDITOR
    std::optional<int>& mood() { return ratings[0]; }
    // Whether anything about the check-in itself was given (a time alone is not a check-in).
    bool any() const {
        return std::any_of(ratings.begin(), ratings.end(), [](const auto& r) { return r.has_value(); }) ||
               !feelings.empty() || !tags.empty() || note || edit_note;
    }
};

struct ListOptions {
    std::optional<std::string> since, until;
    std::optional<std::size_t> last;
    std::vector<std::string> tags;
};

struct Options {
    tend::CommonOptions common;
    EntryValues values;
    std::optional<int> positional_mood;  // MOOD, joined to values.mood() once parsed
    ListOptions list;
    ImportOptions import;
    std::vector<std::string> clear;  // fields edit empties
    std::string id;
    bool json = false;
    bool quiet = false;
    bool share = false;  // --share: the numbers (only) to the couple's folder
};

// The entry point main() hands to the runner: parses argv, then runs the command.
int main(int argc, const char* const* argv, tend::Io& io);

// The commands, as plain functions of options and a session. Each returns the exit status.
int add(const Options& options, const tend::Session& session);
int list(const Options& options, const tend::Session& session);
int edit(const Options& options, const tend::Session& session);
int remove(const Options& options, const tend::Session& session);
int undo(const Options& options, const tend::Session& session);
// A saved check-in's numbers into the couple's folder, or back out of it; the check-in stays.
int share(const Options& options, const tend::Session& session);
int unshare(const Options& options, const tend::Session& session);
int due(const Options& options, const tend::Session& session);
int feelings(const Options& options, const tend::Session& session);
int import_entries(const Options& options, const tend::Session& session);
// Shows [safety.plan] from the config; a part that cannot be read is a warning, never a failure.
int plan(const Options& options, const tend::Session& session);

}  // namespace checkin
