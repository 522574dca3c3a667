// boundary-log's command line: CLI11 stops at the Options struct; the actions do the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundary_log.hpp"

#include <array>
#include <utility>

#include "cli.hpp"

namespace boundary_log {
namespace {

using tend::BoundaryEvent;

struct EventCommand {
    BoundaryEvent event;
    const char* description;
};

// The events a person logs, in the order --help lists them.
constexpr std::array<EventCommand, 7> event_commands{{
    {BoundaryEvent::held, "It held: you kept it, or it was respected"},
    {BoundaryEvent::tested, "It was tested: pushed on, but not crossed"},
    {BoundaryEvent::crossed, "It was crossed: stepped over, often without meaning harm"},
    {BoundaryEvent::violated, "It was violated: overridden in a way that hurt"},
    {BoundaryEvent::repaired, "A crossing or violation was talked through and repaired"},
    {BoundaryEvent::renegotiated, "It was agreed anew: give the new wording with --text"},
    {BoundaryEvent::retired, "It is no longer needed: off the active list, its history kept"},
}};

void add_when_options(CLI::App& command, Options& options, const char* at_help, const char* json_help) {
    command.add_option("--note", options.note, "A note; '-' reads it from standard input")->option_text("TEXT|-");
    command.add_option("--at", options.at, at_help)->option_text("WHEN");
    command.add_flag("--json", options.json, json_help);
}

CLI::App* add_add_command(CLI::App& app, Options& options) {
    auto* add = app.add_subcommand("add", "Set a new boundary; prints its number");
    add->add_option("TEXT", options.add.words, "The boundary, in your own words")
        ->required()
        ->expected(1, -1)
        ->type_name("");
    add->add_option("--type", options.add.type,
                    "Its kind: physical, emotional, time, material, digital, sexual or intellectual")
        ->option_text("TYPE");
    add->add_option("--with", options.add.with, "Who it is with: partner, mother, work, ...")->option_text("WHO");
    add->add_flag("--hard", options.add.hard, "A hard boundary: not open to negotiation");
    add->add_flag("--soft", options.add.soft, "A soft boundary: room to flex (the default)");
    add->add_option("--if-crossed", options.add.if_crossed, "What you will do if it is crossed")->option_text("TEXT");
    add_when_options(*add, options, "When you set it, if not now: yesterday 21:00, -2h, 2026-11-20, mon, ...",
                     "Print the saved record as JSON instead of the number");
    add->add_flag("-q,--quiet", options.quiet, "Print only the number, no confirmation");
    return add;
}

CLI::App* add_event_command(CLI::App& app, Options& options, const EventCommand& command) {
    auto* sub = app.add_subcommand(std::string(tend::event_name(command.event)), command.description);
    sub->add_option("ID", options.id, "The boundary's number, from 'boundary-log list'")->required()->type_name("");
    sub->add_option("--intensity", options.values.intensity, "How strong it was, 0 (barely) to 10 (overwhelming)")
        ->transform(tend::cli::whole_number(0, 10))
        ->option_text("N");
    if (command.event == BoundaryEvent::renegotiated)
        sub->add_option("--text", options.values.text, "The new wording (required); - reads it from standard input")
            ->option_text("TEXT");
    add_when_options(*sub, options, "When it happened: now, yesterday 21:00, -2h, 2026-11-20T21:00, mon, ...",
                     "Print the saved event as JSON");
    sub->add_flag("-q,--quiet", options.quiet, "Say nothing when it is saved");
    return sub;
}

}  // namespace

int main(int argc, const char* const* argv, tend::Io& io) {
    Options options;
    CLI::App app{
        "boundary-log: boundaries as living things: set them, then log how they are held, tested,\n"
        "crossed, repaired and renegotiated. With no command, lists the active boundaries.\n\n"
        "Examples:\n"
        "  boundary-log add \"I leave the room when voices are raised\" --type emotional \\\n"
        "      --with partner --hard --if-crossed \"I take a 20-minute break\"\n"
        "  boundary-log held 1 --note \"said it calmly\"\n"
        "  boundary-log crossed 1 --intensity 6 --at \"yesterday 21:00\"\n"
        "  boundary-log list                         active boundaries and their counts\n"
        "  boundary-log show 1                       the whole timeline\n",
        "boundary-log"};
    tend::cli::add_common_options(app, options.common, "boundary-log");
    app.fallthrough();
    app.require_subcommand(0, 1);

    std::vector<std::pair<CLI::App*, Command>> commands;
    commands.emplace_back(add_add_command(app, options), Command::add);
    std::vector<std::pair<CLI::App*, BoundaryEvent>> events;
    for (const auto& command : event_commands) {
        auto* sub = add_event_command(app, options, command);
        commands.emplace_back(sub, Command::event);
        events.emplace_back(sub, command.event);
    }

    auto* list = app.add_subcommand("list", "List the active boundaries (the default command)");
    list->add_flag("--all", options.list.all, "Include retired boundaries");
    list->add_option("--type", options.list.type, "Only boundaries of this type")->option_text("TYPE");
    list->add_option("--with", options.list.with, "Only boundaries with this person or place")->option_text("WHO");
    list->add_flag("--json", options.json, "Print JSON: an array of boundaries");
    commands.emplace_back(list, Command::list);

    auto* show = app.add_subcommand("show", "Show one boundary and its whole timeline");
    show->add_option("ID", options.id, "The boundary's number, from 'boundary-log list'")->required()->type_name("");
    show->add_flag("--json", options.json, "Print JSON: the boundary with its events");
    commands.emplace_back(show, Command::show);

    auto* undo = app.add_subcommand("undo", "Take back the boundary or event logged last, if it was a mistake");
    undo->add_flag("-q,--quiet", options.quiet, "Print less");
    commands.emplace_back(undo, Command::undo);

    tend::cli::parse(app, argc, argv, io);
    for (const auto& [sub, command] : commands)
        if (sub->parsed()) options.command = command;
    for (const auto& [sub, event] : events)
        if (sub->parsed()) options.event = event;

    tend::Session session("boundary-log", io, options.common);
    using Action = int (*)(const Options&, const tend::Session&);
    const std::array<std::pair<Command, Action>, 5> actions{{{Command::list, boundary_log::list},
                                                             {Command::add, boundary_log::add},
                                                             {Command::event, boundary_log::log_event},
                                                             {Command::show, boundary_log::show},
                                                             {Command::undo, boundary_log::undo}}};
    for (const auto& [command, action] : actions)
        if (command == options.command) return action(options, session);
    return 0;
}

}  // namespace boundary_log
