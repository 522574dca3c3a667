// prompt: conversation and reflection prompts; options, commands and their actions.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner.hpp"
#include "session.hpp"

namespace prompt {

// --deck, --depth, --together/--solo, --exclude: for a random prompt, today's and revisit.
struct FilterOptions {
    std::vector<std::string> decks;
    std::optional<int> depth;
    bool together = false;
    bool solo = false;
    std::vector<std::string> exclude;
};

struct HistoryOptions {
    std::optional<std::size_t> last;
    std::optional<std::string> since;
    std::vector<std::string> events;
    bool favs = false;
};

struct Options {
    tend::CommonOptions common;
    FilterOptions filter;
    HistoryOptions history;
    std::string id;                   // answer, skip, fav, unfav: empty means the last one shown
    std::string answer_id;            // edit, delete: an answer's record id; empty means the last one
    std::optional<std::string> text;  // answer --text; "-" reads standard input
    std::vector<std::string> names;   // decks NAME..., check FILE...
    bool json = false;
    bool share = false;  // answer --share: a copy to the couple's folder
};

// The entry point main() hands to the runner: parses argv, then runs the command.
int main(int argc, const char* const* argv, tend::Io& io);

// The commands, as plain functions of options and a session. Each returns the exit status.
int random(const Options& options, const tend::Session& session);
int today(const Options& options, const tend::Session& session);
int answer(const Options& options, const tend::Session& session);
int skip(const Options& options, const tend::Session& session);
int fav(const Options& options, const tend::Session& session);
int unfav(const Options& options, const tend::Session& session);
int history(const Options& options, const tend::Session& session);
int revisit(const Options& options, const tend::Session& session);
int decks(const Options& options, const tend::Session& session);
int check(const Options& options, const tend::Session& session);
int edit(const Options& options, const tend::Session& session);
int remove(const Options& options, const tend::Session& session);
int share(const Options& options, const tend::Session& session);
int unshare(const Options& options, const tend::Session& session);
int shared(const Options& options, const tend::Session& session);
int pass(const Options& options, const tend::Session& session);

}  // namespace prompt
