// prompt's command line: CLI11 stops at the Options struct; the actions do the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompt.hpp"

#include <array>
#include <utility>

#include "cli.hpp"

namespace prompt {
namespace {

void add_filter_options(CLI::App& app, FilterOptions& filter) {
    app.add_option("--deck", filter.decks, "Only from these decks (repeat, or comma-separate; see 'prompt decks')")
        ->delimiter(',')
        ->option_text("NAME,...");
    app.add_option("--depth", filter.depth, "At most this deep: 1 light, 2 medium, 3 deep")
        ->transform(tend::cli::whole_number(1, 3))
        ->option_text("N");
    app.add_flag("--together", filter.together, "Only prompts for two people (or either)");
    app.add_flag("--solo", filter.solo, "Only prompts for one person (or either)");
    app.add_option("--exclude", filter.exclude,
                   "Leave out prompts with this content note, e.g. family, body (repeat, or comma-separate)")
        ->delimiter(',')
        ->option_text("NOTE,...");
}

void add_target(CLI::App& app, Options& options) {
    app.add_option("ID", options.id, "The prompt's id, e.g. reveal-014 (default: the last one shown)");
}

}  // namespace

int main(int argc, const char* const* argv, tend::Io& io) {
    Options options;
    CLI::App app{
        "prompt: a conversation or reflection prompt, for two people or one.\n\n"
        "Examples:\n"
        "  prompt                          a prompt you have not seen lately\n"
        "  prompt today                    the prompt of the day, the same for you both\n"
        "  prompt --together --depth 1     something light to talk about together\n"
        "  prompt answer                   write an answer to the last prompt ($EDITOR)\n"
        "  prompt skip                     not this one; no penalty\n",
        "prompt"};
    tend::cli::add_common_options(app, options.common, "prompt");
    app.fallthrough();
    app.require_subcommand(0, 1);
    add_filter_options(app, options.filter);
    app.add_flag("--json", options.json, "Print the prompt as JSON");

    auto* today = app.add_subcommand("today",
                                     "The prompt of the day: the same on every machine with the same "
                                     "date, decks and [prompt] seed");
    add_filter_options(*today, options.filter);
    today->add_flag("--json", options.json, "Print the prompt as JSON, with its date");

    auto* answer = app.add_subcommand("answer", "Save an answer: from --text, standard input or $EDITOR");
    add_target(*answer, options);
    answer->add_option("--text", options.text, "The answer; '-' reads it from standard input")->option_text("TEXT|-");
    answer->add_flag("--json", options.json, "Print the saved answer as JSON");

    auto* skip = app.add_subcommand("skip", "Not this one: no penalty, it just stays away for the cooldown");
    add_target(*skip, options);
    auto* fav = app.add_subcommand("fav", "Keep a prompt among your favourites");
    add_target(*fav, options);
    auto* unfav = app.add_subcommand("unfav", "Take a prompt out of your favourites");
    add_target(*unfav, options);

    auto* history = app.add_subcommand("history", "What you have been shown, answered, skipped and kept");
    history->add_option("--since", options.history.since, "From this day or time (e.g. mon, 2026-11-01, -7d)")
        ->option_text("WHEN");
    history->add_option("--last", options.history.last, "Only the last N")
        ->transform(tend::cli::whole_number(1, 1000000))
        ->option_text("N");
    history->add_option("--event", options.history.events, "Only these: shown, answered, skipped, fav, unfav")
        ->delimiter(',')
        ->check(CLI::IsMember({"shown", "answered", "skipped", "fav", "unfav"}))
        ->option_text("EVENT,...");
    history->add_flag("--favs", options.history.favs, "Your favourite prompts, as they stand now");
    history->add_flag("--json", options.json, "Print JSON: an array of records (of prompts with --favs)");

    auto* revisit = app.add_subcommand("revisit", "A prompt you answered 30 days ago or more, beside your old answer");
    add_filter_options(*revisit, options.filter);
    revisit->add_flag("--json", options.json, "Print the prompt and the old answer as JSON");

    auto* decks = app.add_subcommand("decks", "List the decks, or show the named ones with their prompts");
    decks->add_option("NAME", options.names, "Decks to show in full");
    decks->add_flag("--json", options.json, "Print JSON");

    auto* check = app.add_subcommand("check", "Check decks: yours and the shipped ones, or the named files");
    check->add_option("FILE", options.names, "Deck files (.toml or .txt) to check instead");

    auto* edit = app.add_subcommand("edit", "Change the words of an answer you saved");
    edit->add_option("ANSWER", options.answer_id,
                     "The answer's id, from 'prompt history --json' (default: the last one)")
        ->type_name("");
    edit->add_option("--text", options.text, "The new answer; '-' reads it from standard input")
        ->option_text("TEXT|-")
        ->required();
    edit->add_flag("--json", options.json, "Print the changed answer as JSON");
    auto* remove = app.add_subcommand("delete", "Delete an answer you saved, for good");
    remove
        ->add_option("ANSWER", options.answer_id,
                     "The answer's id, from 'prompt history --json' (default: the last one)")
        ->type_name("");

    tend::cli::parse(app, argc, argv, io);

    const std::array<std::pair<CLI::App*, Command>, 11> commands{{{edit, Command::edit},
                                                                  {remove, Command::remove},
                                                                  {today, Command::today},
                                                                  {answer, Command::answer},
                                                                  {skip, Command::skip},
                                                                  {fav, Command::fav},
                                                                  {unfav, Command::unfav},
                                                                  {history, Command::history},
                                                                  {revisit, Command::revisit},
                                                                  {decks, Command::decks},
                                                                  {check, Command::check}}};
    for (const auto& [sub, command] : commands)
        if (sub->parsed()) options.command = command;
    const auto& filter = options.filter;
    if (filter.together && filter.solo) tend::usage_error("--together and --solo: choose one, or neither for both");
    const bool filtered =
        !filter.decks.empty() || filter.depth || filter.together || filter.solo || !filter.exclude.empty();
    const bool picks =
        options.command == Command::random || options.command == Command::today || options.command == Command::revisit;
    if (filtered && !picks)
        tend::usage_error(
            "--deck, --depth, --together, --solo and --exclude choose a prompt; "
            "they go with 'prompt', 'prompt today' or 'prompt revisit'");
    if (options.json && options.command == Command::check)
        tend::usage_error("--json: 'prompt check' has no JSON output");

    tend::Session session("prompt", io, options.common);
    using Action = int (*)(const Options&, const tend::Session&);
    const std::array<std::pair<Command, Action>, 12> actions{{{Command::random, prompt::random},
                                                              {Command::edit, prompt::edit},
                                                              {Command::remove, prompt::remove},
                                                              {Command::today, prompt::today},
                                                              {Command::answer, prompt::answer},
                                                              {Command::skip, prompt::skip},
                                                              {Command::fav, prompt::fav},
                                                              {Command::unfav, prompt::unfav},
                                                              {Command::history, prompt::history},
                                                              {Command::revisit, prompt::revisit},
                                                              {Command::decks, prompt::decks},
                                                              {Command::check, prompt::check}}};
    for (const auto& [command, action] : actions)
        if (command == options.command) return action(options, session);
    return 0;
}

}  // namespace prompt
