// prompt's command line: CLI11 stops at the Options struct; the actions do the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompt.hpp"

#include <array>

#include "cli.hpp"

namespace prompt {
namespace {

using tend::cli::add_list;
using PromptCommand = tend::cli::Command<Options>;

void add_filter_options(CLI::App& app, Options& options) {
    auto& filter = options.filter;
    add_list(app, "--deck", filter.decks, "Only from these decks (repeat, or comma-separate; see 'prompt decks')")
        ->option_text("NAME,...");
    app.add_option("--depth", filter.depth, "At most this deep: 1 light, 2 medium, 3 deep")
        ->transform(tend::cli::whole_number(1, 3))
        ->option_text("N");
    app.add_flag("--together", filter.together, "Only prompts for two people (or either)");
    app.add_flag("--solo", filter.solo, "Only prompts for one person (or either)");
    add_list(app, "--exclude", filter.exclude,
             "Leave out prompts with this content note, e.g. family, body (repeat, or comma-separate)")
        ->option_text("NOTE,...");
}

void add_target(CLI::App& app, Options& options) {
    app.add_option("ID", options.id, "The prompt's id, e.g. reveal-014 (default: the last one shown)");
}

void setup(CLI::App& app, Options& options) {
    add_filter_options(app, options);
    tend::cli::add_json(app, options.json, options.common, "Print the prompt as JSON");
}

void setup_today(CLI::App& today, Options& options) {
    add_filter_options(today, options);
    tend::cli::add_json(today, options.json, options.common, "Print the prompt as JSON, with its date");
}

void setup_answer(CLI::App& answer, Options& options) {
    add_target(answer, options);
    answer.add_option("--text", options.text, "The answer; '-' reads it from standard input")->option_text("TEXT|-");
    answer.add_flag("--share", options.share,
                    "Share this answer with your partner, in the couple's folder ([couple] dir); 'prompt unshare' "
                    "takes it back");
    tend::cli::add_json(answer, options.json, options.common, "Print the saved answer as JSON");
}

void setup_history(CLI::App& history, Options& options) {
    history.add_option("--since", options.history.since, "From this day or time (e.g. mon, 2026-11-01, -7d)")
        ->option_text("WHEN");
    history.add_option("--last", options.history.last, "Only the last N")
        ->transform(tend::cli::whole_number(1, 1000000))
        ->option_text("N");
    add_list(history, "--event", options.history.events, "Only these: shown, answered, skipped, fav, unfav",
             {"shown", "answered", "skipped", "fav", "unfav"})
        ->option_text("EVENT,...");
    history.add_flag("--favs", options.history.favs, "Your favourite prompts, as they stand now");
    tend::cli::add_json(history, options.json, options.common,
                        "Print JSON: an array of records (of prompts with --favs)");
}

void setup_revisit(CLI::App& revisit, Options& options) {
    add_filter_options(revisit, options);
    tend::cli::add_json(revisit, options.json, options.common, "Print the prompt and the old answer as JSON");
}

void setup_decks(CLI::App& decks, Options& options) {
    decks.add_option("NAME", options.names, "Decks to show in full");
    tend::cli::add_json(decks, options.json, options.common, "Print JSON");
}

void setup_check(CLI::App& check, Options& options) {
    check.add_option("FILE", options.names, "Deck files (.toml or .txt) to check instead");
}

void add_answer_id(CLI::App& command, Options& options) {
    command
        .add_option("ANSWER", options.answer_id,
                    "The answer's id, from 'prompt history --json' (default: the last one)")
        ->type_name("");
}

void setup_edit(CLI::App& edit, Options& options) {
    add_answer_id(edit, options);
    edit.add_option("--text", options.text, "The new answer; '-' reads it from standard input")
        ->option_text("TEXT|-")
        ->required();
    tend::cli::add_json(edit, options.json, options.common, "Print the changed answer as JSON");
}

std::optional<int> after_parse(Options& options, const CLI::App*, const PromptCommand*, tend::Io&) {
    if (options.filter.together && options.filter.solo)
        tend::usage_error("--together and --solo: choose one, or neither for both");
    return std::nullopt;
}

void setup_pass(CLI::App&, Options&) {}

void setup_shared(CLI::App& shared, Options& options) {
    shared.add_option("ID", options.id, "Only answers to this prompt, e.g. reveal-014");
    tend::cli::add_json(shared, options.json, options.common, "Print JSON: an array of shared answers");
}

constexpr std::array<PromptCommand, 15> commands{{
    {"today", "The prompt of the day: the same on every machine with the same date, decks and [prompt] seed",
     setup_today, prompt::today, true},
    {"answer", "Save an answer: from --text, standard input or $EDITOR", setup_answer, prompt::answer},
    {"skip", "Not this one: no penalty, it just stays away for the cooldown", add_target, prompt::skip},
    {"fav", "Keep a prompt among your favourites", add_target, prompt::fav},
    {"unfav", "Take a prompt out of your favourites", add_target, prompt::unfav},
    {"history", "What you have been shown, answered, skipped and kept", setup_history, prompt::history},
    {"revisit", "A prompt you answered 30 days ago or more, beside your old answer", setup_revisit, prompt::revisit},
    {"decks", "List the decks, or show the named ones with their prompts", setup_decks, prompt::decks},
    {"check", "Check decks: yours and the shipped ones, or the named files", setup_check, prompt::check},
    {"edit", "Change the words of an answer you saved", setup_edit, prompt::edit},
    {"delete", "Delete an answer you saved, for good", add_answer_id, prompt::remove},
    {"share", "Share an answer you saved with your partner, in the couple's folder", add_answer_id, prompt::share},
    {"unshare", "Take back an answer (or a pass) you shared: its words are removed from the couple's folder",
     add_answer_id, prompt::unshare},
    {"pass", "Pass on today's shared prompt, and let your partner see that you did (never why)", setup_pass,
     prompt::pass},
    {"shared", "Answers shared in the couple's folder: yours, and your partner's once you have answered or skipped",
     setup_shared, prompt::shared},
}};

constexpr tend::cli::Tool<Options> tool{
    .name = "prompt",
    .description =
        "prompt: a conversation or reflection prompt, for two people or one.\n\n"
        "Examples:\n"
        "  prompt                          a prompt you have not seen lately\n"
        "  prompt today                    the prompt of the day, the same for you both\n"
        "  prompt --together --depth 1     something light to talk about together\n"
        "  prompt answer                   write an answer to the last prompt ($EDITOR)\n"
        "  prompt skip                     not this one; no penalty\n",
    .setup = setup,
    .run = prompt::random,
    .commands = commands,
    .after_parse = after_parse,
};

}  // namespace

int main(int argc, const char* const* argv, tend::Io& io) {
    return tend::cli::dispatch(tool, argc, argv, io);
}

}  // namespace prompt
