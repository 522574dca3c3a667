// breathe's command line: CLI11 stops at the Options struct; the actions do the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "breathe.hpp"

#include <array>

#include "cli.hpp"

namespace breathe {
namespace {

using BreatheCommand = tend::cli::Command<Options>;

void setup(CLI::App& app, Options& options) {
    auto* pattern = app.add_option("-p,--pattern", options.pattern,
                                   "A pattern name (see --list) or in-hold-out-hold seconds, like 4-7-8 or 5.5-5.5")
                        ->option_text("NAME|SPEC");
    auto* minutes = app.add_option("-m,--minutes", options.minutes,
                                   "Breathe for about M minutes, ending on a whole breath (default 3); "
                                   "with --exercise, stretch or shorten it to about M minutes")
                        ->check(tend::cli::decimal_number(0.01, 120.0, "0.01 to 120"))
                        ->option_text("M");
    auto* cycles = app.add_option("-c,--cycles", options.cycles, "Breathe N whole breaths instead")
                       ->transform(tend::cli::whole_number(1, 1000))
                       ->option_text("N")
                       ->excludes(minutes);
    app.add_option("-e,--exercise", options.exercise,
                   "A guided exercise instead of a pattern: grounding, muscles, body-scan or your own (see --list)")
        ->option_text("NAME")
        ->excludes(pattern)
        ->excludes(cycles);
    app.add_flag("--no-settle", options.no_settle, "Start at once, without the 3-second settle countdown");
    app.add_flag("--bell", options.bell,
                 "Ring the terminal bell: once to breathe in, twice to breathe out; once at each exercise step");
    app.add_flag("--rate", options.rate, "Ask how distressed you are, 0 to 10, before and after (on a terminal)");
    app.add_option("--before", options.before, "Distress before, 0 (calm) to 10 (overwhelmed)")
        ->transform(tend::cli::whole_number(0, 10))
        ->option_text("N");
    app.add_option("--after", options.after, "Distress after, 0 to 10")
        ->transform(tend::cli::whole_number(0, 10))
        ->option_text("N");
    app.add_flag("--no-log", options.no_log, "Do not save the session");
    tend::cli::add_json(app, options.json, options.common,
                        "Print the session's record as JSON at the end (plain phase lines then go to stderr)");
    app.add_flag("--list", options.list_patterns,
                 "Show the patterns with breaths per minute and the exercises, and exit");
}

void setup_log(CLI::App& log, Options& options) {
    log.add_option("--since", options.log.since, "From this time or day (e.g. mon, 2026-11-01, -7d)")
        ->option_text("WHEN");
    log.add_option("--until", options.log.until, "Up to this time or day, included")->option_text("WHEN");
    log.add_option("--last", options.log.last, "Only the last N")
        ->transform(tend::cli::whole_number(1, 1000000))
        ->option_text("N");
    tend::cli::add_json(log, options.json, options.common, "Print JSON: an array of sessions");
}

std::optional<int> after_parse(Options& options, const CLI::App*, const BreatheCommand*, tend::Io&) {
    const bool session_options = options.pattern || options.exercise || options.minutes || options.cycles ||
                                 options.no_settle || options.bell || options.rate || options.before || options.after ||
                                 options.no_log;
    if (options.list_patterns && session_options)
        tend::usage_error("--list shows the patterns and exercises; give session options without it");
    return std::nullopt;
}

// With no command: a session, or the list of patterns.
int session_or_list(const Options& options, const tend::Session& session_state) {
    return options.list_patterns ? list(options, session_state) : session(options, session_state);
}

constexpr std::array<BreatheCommand, 1> commands{{
    {"log", "List breathing sessions, oldest first", setup_log, breathe::log},
}};

constexpr tend::cli::Tool<Options> tool{
    .name = "breathe",
    .description =
        "breathe: a paced breathing exercise in the terminal, with distress rated before and after.\n\n"
        "Examples:\n"
        "  breathe                          3 minutes of calm (4 in, 6 out)\n"
        "  breathe --pattern box --minutes 5\n"
        "  breathe --pattern 4-7-8 --cycles 4 --bell\n"
        "  breathe --rate                   asks how distressed you are before and after\n"
        "  breathe --exercise grounding     five things you see, four you touch, ...\n"
        "  breathe --list                   the patterns and exercises\n"
        "  breathe log --since mon          this week's sessions\n\n"
        "On a terminal, space pauses (the breath starts again from the in-breath) and q or\n"
        "Ctrl-C stops; in an exercise, n or Enter moves on to the next step. Stop at once if\n"
        "you feel dizzy or light-headed, and breathe normally.\n",
    .setup = setup,
    .run = session_or_list,
    .commands = commands,
    .after_parse = after_parse,
};

}  // namespace

int main(int argc, const char* const* argv, tend::Io& io) {
    return tend::cli::dispatch(tool, argc, argv, io);
}

}  // namespace breathe
