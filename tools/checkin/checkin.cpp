// checkin's command line: CLI11 stops at the Options struct; the actions do the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkin.hpp"

#include <array>
#include <utility>

#include "cli.hpp"

namespace checkin {
namespace {

// Splits "a,b" arguments into words. CLI11 2.1's delimiter() lets an argument of only
// commas swallow the next option, so lists are split here instead.
std::vector<std::string> split_commas(const std::vector<std::string>& arguments) {
    std::vector<std::string> words;
    for (const auto& argument : arguments) {
        std::size_t start = 0;
        for (std::size_t comma; (comma = argument.find(',', start)) != std::string::npos; start = comma + 1)
            words.push_back(argument.substr(start, comma - start));
        words.push_back(argument.substr(start));
    }
    return words;
}

void add_value_options(CLI::App& app, EntryValues& values) {
    const auto scale = tend::cli::whole_number(0, 10);
    app.add_option("--mood", values.mood, "Mood, 0 (very low) to 10 (very good)")->transform(scale)->option_text("N");
    app.add_option("--energy", values.energy, "Energy, 0 (empty) to 10 (full)")->transform(scale)->option_text("N");
    app.add_option("--anxiety", values.anxiety, "Anxiety, 0 (calm) to 10 (overwhelmed)")
        ->transform(scale)
        ->option_text("N");
    app.add_option("--closeness", values.closeness, "Closeness, 0 (far) to 10 (close)")
        ->transform(scale)
        ->option_text("N");
    app.add_option("--safety", values.safety, "Feeling safe, 0 (not at all) to 10 (completely)")
        ->transform(scale)
        ->option_text("N");
    app.add_option("--feel", values.feelings, "Feeling words, comma-separated (see 'checkin feelings')")
        ->allow_extra_args(false)
        ->option_text("WORD,...");
    app.add_option("--tag", values.tags, "Tags, comma-separated or repeated")
        ->allow_extra_args(false)
        ->option_text("TAG,...");
    app.add_option("--note", values.note, "A note; '-' reads it from standard input")->option_text("TEXT|-");
    app.add_flag("--edit-note", values.edit_note, "Write the note in $VISUAL or $EDITOR (kept out of shell history)");
    app.add_option("--at", values.at, "When it is about: now, yesterday 21:00, -2h, 2026-11-20T21:00, mon, ...")
        ->option_text("WHEN");
}

}  // namespace

int main(int argc, const char* const* argv, tend::Io& io) {
    Options options;
    CLI::App app{
        "checkin: a quick check-in from the shell: how you are, in numbers and words.\n\n"
        "Examples:\n"
        "  checkin 6                                 mood 6 of 10\n"
        "  checkin 4 --anxiety 7 --feel tired,tense --tag work --note \"long day\"\n"
        "  checkin list --since mon                  this week's check-ins\n"
        "  checkin due && echo 'A check-in is due.'   in a crontab: cron mails it\n",
        "checkin"};
    tend::cli::add_common_options(app, options.common, "checkin");
    app.fallthrough();
    app.require_subcommand(0, 1);

    std::optional<int> positional_mood;
    app.add_option("MOOD", positional_mood, "Mood, 0 to 10: the quickest check-in")
        ->transform(tend::cli::whole_number(0, 10));
    add_value_options(app, options.values);
    app.add_flag("--json", options.json, "Print the saved check-in as JSON");
    app.add_flag("-q,--quiet", options.quiet, "Say nothing when it is saved");

    auto* list = app.add_subcommand("list", "List check-ins, oldest first");
    list->add_option("--since", options.list.since, "From this time or day (e.g. mon, 2026-11-01, -7d)")
        ->option_text("WHEN");
    list->add_option("--until", options.list.until, "Up to this time or day, included")->option_text("WHEN");
    list->add_option("--last", options.list.last, "Only the last N")
        ->transform(tend::cli::whole_number(1, 1000000))
        ->option_text("N");
    list->add_option("--tag", options.list.tags, "Only check-ins with one of these tags")
        ->allow_extra_args(false)
        ->option_text("TAG,...");
    list->add_flag("--json", options.json, "Print JSON: an array of check-ins");

    auto* edit = app.add_subcommand("edit", "Change a check-in: give only what changes");
    edit->add_option("ID", options.id, "The check-in's id, from 'checkin list'")->required();
    add_value_options(*edit, options.values);
    edit->add_option("--clear", options.clear,
                     "Empty a field: mood, energy, anxiety, closeness, safety, feelings, tags, note")
        ->allow_extra_args(false)
        ->option_text("FIELD,...");
    edit->add_flag("--json", options.json, "Print the changed check-in as JSON");

    auto* remove = app.add_subcommand("delete", "Delete a check-in for good");
    remove->add_option("ID", options.id, "The check-in's id, from 'checkin list'")->required();

    auto* undo = app.add_subcommand("undo", "Delete the check-in you just saved");
    auto* due = app.add_subcommand("due", "Exit 0 when a check-in is due today, 1 when not (for cron)");
    due->add_flag("--json", options.json, "Print {\"due\": true|false, \"reason\": ...}");
    auto* feelings = app.add_subcommand("feelings", "Show the feeling words, grouped");
    feelings->add_flag("--json", options.json, "Print the vocabulary as JSON");
    auto* plan = app.add_subcommand("plan", "Show your safety plan, from [safety.plan] in your config");
    plan->add_flag("--json", options.json, "Print the plan as JSON: each part a list, and any problems");

    auto* import_cmd =
        app.add_subcommand("import", "Bring in your history: a Daylio CSV, a jrnl JSON or a tend export");
    auto& imports = options.import;
    import_cmd->add_option("FORMAT", imports.format, "daylio, jrnl or tend")
        ->required()
        ->check(CLI::IsMember({"daylio", "jrnl", "tend"}));
    import_cmd->add_option("FILE", imports.file, "The export file; '-' reads standard input")->required();
    import_cmd->add_flag("--dry-run", imports.dry_run, "Show what would be added, skipped and refused; write nothing");
    import_cmd
        ->add_option("--mood-map", imports.mood_map, "Daylio: your own mood names as numbers, e.g. sad=2,average=5")
        ->allow_extra_args(false)
        ->option_text("LABEL=N,...");
    import_cmd->add_option("--tz", imports.tz, "The time zone the export's times are in (default: this machine's)")
        ->option_text("ZONE");
    import_cmd->add_flag("--mood-from-tag", imports.mood_from_tag, "jrnl: a tag @mood7 or @mood-7 gives the mood");
    import_cmd->add_flag("--skip-bad", imports.skip_bad, "Import what can be read even when some entries cannot");
    import_cmd->add_flag("--json", imports.json, "Print the counts and problems as JSON");
    import_cmd->add_flag("-q,--quiet", imports.quiet, "Say nothing when it is done");

    tend::cli::parse(app, argc, argv, io);
    for (auto* list_option :
         {&options.values.feelings, &options.values.tags, &options.list.tags, &options.clear, &imports.mood_map})
        *list_option = split_commas(*list_option);
    if (positional_mood) {
        if (options.values.mood) tend::usage_error("give the mood once: either MOOD or --mood");
        options.values.mood = positional_mood;
    }

    const std::array<std::pair<CLI::App*, Command>, 8> commands{{{list, Command::list},
                                                                 {import_cmd, Command::import},
                                                                 {edit, Command::edit},
                                                                 {remove, Command::remove},
                                                                 {undo, Command::undo},
                                                                 {due, Command::due},
                                                                 {feelings, Command::feelings},
                                                                 {plan, Command::plan}}};
    for (const auto& [sub, command] : commands)
        if (sub->parsed()) options.command = command;
    if (options.command != Command::add && options.command != Command::edit &&
        (options.values.any() || options.values.at))
        tend::usage_error("values like --mood or --note go with a new check-in or 'edit', not here");

    tend::Session session("checkin", io, options.common);
    using Action = int (*)(const Options&, const tend::Session&);
    const std::array<std::pair<Command, Action>, 9> actions{{{Command::add, checkin::add},
                                                             {Command::import, checkin::import_entries},
                                                             {Command::list, checkin::list},
                                                             {Command::edit, checkin::edit},
                                                             {Command::remove, checkin::remove},
                                                             {Command::undo, checkin::undo},
                                                             {Command::due, checkin::due},
                                                             {Command::feelings, checkin::feelings},
                                                             {Command::plan, checkin::plan}}};
    for (const auto& [command, action] : actions)
        if (command == options.command) return action(options, session);
    return 0;
}

}  // namespace checkin
