// checkin's command line: CLI11 stops at the Options struct; the actions do the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkin.hpp"

#include <array>

#include <fmt/format.h>

#include "checkin_record.hpp"
#include "cli.hpp"

namespace checkin {
namespace {

using tend::cli::add_list;

void add_value_options(CLI::App& app, EntryValues& values) {
    const auto scale = tend::cli::whole_number(0, 10);
    for (std::size_t i = 0; i < values.ratings.size(); ++i) {
        const tend::Dimension& dimension = tend::checkin_dimensions[i];
        app.add_option("--" + std::string(dimension.name), values.ratings[i], std::string(dimension.help))
            ->transform(scale)
            ->option_text("N");
    }
    add_list(app, "--feel", values.feelings, "Feeling words, comma-separated (see 'checkin feelings')")
        ->option_text("WORD,...");
    add_list(app, "--tag", values.tags, "Tags, comma-separated or repeated")->option_text("TAG,...");
    app.add_option("--note", values.note, "A note; '-' reads it from standard input")->option_text("TEXT|-");
    app.add_flag("--edit-note", values.edit_note, "Write the note in $VISUAL or $EDITOR (kept out of shell history)");
    app.add_option("--at", values.at, "When it is about: now, yesterday 21:00, -2h, 2026-11-20T21:00, mon, ...")
        ->option_text("WHEN");
}

void add_quiet(CLI::App& command, Options& options) {
    command.add_flag("-q,--quiet", options.quiet, "Say nothing when it is done");
}

void add_id(CLI::App& command, Options& options) {
    command.add_option("ID", options.id, "The check-in's id, from 'checkin list'")->required();
    add_quiet(command, options);
}

void setup(CLI::App& app, Options& options) {
    app.add_option("MOOD", options.positional_mood, "Mood, 0 to 10: the quickest check-in")
        ->transform(tend::cli::whole_number(0, 10));
    add_value_options(app, options.values);
    app.add_flag("--share", options.share,
                 "Share this check-in's numbers (never its feelings, tags or note) with your partner, in the "
                 "couple's folder ([couple] dir)");
    tend::cli::add_json(app, options.json, options.common, "Print the saved check-in as JSON");
    app.add_flag("-q,--quiet", options.quiet, "Say nothing when it is saved");
}

void setup_list(CLI::App& list, Options& options) {
    list.add_option("--since", options.list.since, "From this time or day (e.g. mon, 2026-11-01, -7d)")
        ->option_text("WHEN");
    list.add_option("--until", options.list.until, "Up to this time or day, included")->option_text("WHEN");
    list.add_option("--last", options.list.last, "Only the last N")
        ->transform(tend::cli::whole_number(1, 1000000))
        ->option_text("N");
    add_list(list, "--tag", options.list.tags, "Only check-ins with one of these tags")->option_text("TAG,...");
    tend::cli::add_json(list, options.json, options.common, "Print JSON: an array of check-ins");
}

void setup_edit(CLI::App& edit, Options& options) {
    add_id(edit, options);
    add_value_options(edit, options.values);
    add_list(edit, "--clear", options.clear,
             fmt::format("Empty a field: {}, feelings, tags, note", fmt::join(tend::rating_names, ", ")))
        ->option_text("FIELD,...");
    tend::cli::add_json(edit, options.json, options.common, "Print the changed check-in as JSON");
}

void setup_import(CLI::App& import_cmd, Options& options) {
    auto& imports = options.import;
    import_cmd.add_option("FORMAT", imports.format, "daylio, jrnl or tend")
        ->required()
        ->check(CLI::IsMember({"daylio", "jrnl", "tend"}));
    import_cmd.add_option("FILE", imports.file, "The export file; '-' reads standard input")->required();
    import_cmd.add_flag("--dry-run", imports.dry_run, "Show what would be added, skipped and refused; write nothing");
    add_list(import_cmd, "--mood-map", imports.mood_map, "Daylio: your own mood names as numbers, e.g. sad=2,average=5")
        ->option_text("LABEL=N,...");
    import_cmd.add_option("--tz", imports.tz, "The time zone the export's times are in (default: this machine's)")
        ->option_text("ZONE");
    import_cmd.add_flag("--mood-from-tag", imports.mood_from_tag, "jrnl: a tag @mood7 or @mood-7 gives the mood");
    import_cmd.add_flag("--skip-bad", imports.skip_bad, "Import what can be read even when some entries cannot");
    tend::cli::add_json(import_cmd, imports.json, options.common, "Print the counts and problems as JSON");
    import_cmd.add_flag("-q,--quiet", imports.quiet, "Say nothing when it is done");
}

// The mood given as MOOD joins --mood; a time alone is no check-in to save.
std::optional<int> after_parse(Options& options, const CLI::App*, const tend::cli::Command<Options>*, tend::Io&) {
    if (options.positional_mood) {
        if (options.values.mood()) tend::usage_error("give the mood once: either MOOD or --mood");
        options.values.mood() = options.positional_mood;
    }
    return std::nullopt;
}

constexpr std::array<tend::cli::Command<Options>, 10> commands{{
    {"list", "List check-ins, oldest first", setup_list, checkin::list},
    {"import", "Bring in your history: a Daylio CSV, a jrnl JSON or a tend export", setup_import,
     checkin::import_entries},
    {"edit", "Change a check-in: give only what changes", setup_edit, checkin::edit},
    {"delete", "Delete a check-in for good", add_id, checkin::remove},
    {"undo", "Delete the check-in you just saved", add_quiet, checkin::undo},
    {"share", "Share a saved check-in's numbers (never its feelings, tags or note) with your partner", add_id,
     checkin::share},
    {"unshare", "Take a check-in's shared numbers back out of the couple's folder; the check-in stays", add_id,
     checkin::unshare},
    {"due", "Exit 0 when a check-in is due today, 1 when not (for cron)",
     [](CLI::App& due, Options& options) {
         tend::cli::add_json(due, options.json, options.common, "Print {\"due\": true|false, \"reason\": ...}");
     },
     checkin::due},
    {"feelings", "Show the feeling words, grouped",
     [](CLI::App& feelings, Options& options) {
         tend::cli::add_json(feelings, options.json, options.common, "Print the vocabulary as JSON");
     },
     checkin::feelings},
    {"plan", "Show your safety plan, from [safety.plan] in your config",
     [](CLI::App& plan, Options& options) {
         tend::cli::add_json(plan, options.json, options.common,
                             "Print the plan as JSON: each part a list, and any problems");
     },
     checkin::plan},
}};

constexpr tend::cli::Tool<Options> tool{
    .name = "checkin",
    .description =
        "checkin: a quick check-in from the shell: how you are, in numbers and words.\n\n"
        "Examples:\n"
        "  checkin 6                                 mood 6 of 10\n"
        "  checkin 4 --anxiety 7 --feel tired,tense --tag work --note \"long day\"\n"
        "  checkin list --since mon                  this week's check-ins\n"
        "  checkin due && echo 'A check-in is due.'   in a crontab: cron mails it\n",
    .setup = setup,
    .run = checkin::add,
    .commands = commands,
    .positional = "MOOD",
    .after_parse = after_parse,
};

}  // namespace

int main(int argc, const char* const* argv, tend::Io& io) {
    return tend::cli::dispatch(tool, argc, argv, io);
}

}  // namespace checkin
