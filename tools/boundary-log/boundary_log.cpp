// boundary-log's command line: CLI11 stops at the Options struct; the actions do the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundary_log.hpp"

#include <array>

#include "cli.hpp"

namespace boundary_log {
namespace {

using tend::BoundaryEvent;
using BoundaryCommand = tend::cli::Command<Options>;

void add_when_options(CLI::App& command, Options& options, const char* at_help, const char* json_help) {
    command.add_option("--note", options.note, "A note; '-' reads it from standard input")->option_text("TEXT|-");
    command.add_option("--at", options.at, at_help)->option_text("WHEN");
    tend::cli::add_json(command, options.json, options.common, json_help);
}

void add_id(CLI::App& command, Options& options) {
    command.add_option("ID", options.id, "The boundary's number, from 'boundary-log list'")->required()->type_name("");
}

void setup_add(CLI::App& add, Options& options) {
    add.add_option("TEXT", options.add.words, "The boundary, in your own words")
        ->required()
        ->expected(1, -1)
        ->type_name("");
    add.add_option("--type", options.add.type,
                   "Its kind: physical, emotional, time, material, digital, sexual or intellectual")
        ->option_text("TYPE");
    add.add_option("--with", options.add.with, "Who it is with: partner, mother, work, ...")->option_text("WHO");
    add.add_flag("--hard", options.add.hard, "A hard boundary: not open to negotiation");
    add.add_flag("--soft", options.add.soft, "A soft boundary: room to flex (the default)");
    add.add_option("--if-crossed", options.add.if_crossed, "What you will do if it is crossed")->option_text("TEXT");
    add_when_options(add, options, "When you set it, if not now: yesterday 21:00, -2h, 2026-11-20, mon, ...",
                     "Print the saved record as JSON instead of the number");
    add.add_flag("-q,--quiet", options.quiet, "Print only the number, no confirmation");
    add.add_flag("--share", options.share,
                 "Share it with your partner, in the couple's folder ([couple] dir): its wording, type, hard or "
                 "soft, and the kind and time of each event you log on it; 'boundary-log unshare' takes it back");
}

// Each event's command: the same options, and renegotiated also takes the new wording.
template <BoundaryEvent event>
void setup_event(CLI::App& command, Options& options) {
    options.event = event;
    add_id(command, options);
    command.add_option("--intensity", options.values.intensity, "How strong it was, 0 (barely) to 10 (overwhelming)")
        ->transform(tend::cli::whole_number(0, 10))
        ->option_text("N");
    if (event == BoundaryEvent::renegotiated)
        command.add_option("--text", options.values.text, "The new wording (required); - reads it from standard input")
            ->option_text("TEXT");
    add_when_options(command, options, "When it happened: now, yesterday 21:00, -2h, 2026-11-20T21:00, mon, ...",
                     "Print the saved event as JSON");
    command.add_flag("-q,--quiet", options.quiet, "Say nothing when it is saved");
}

void setup_list(CLI::App& list, Options& options) {
    list.add_flag("--all", options.list.all, "Include retired boundaries");
    list.add_option("--type", options.list.type, "Only boundaries of this type")->option_text("TYPE");
    list.add_option("--with", options.list.with, "Only boundaries with this person or place")->option_text("WHO");
    tend::cli::add_json(list, options.json, options.common, "Print JSON: an array of boundaries");
}

void setup_show(CLI::App& show, Options& options) {
    add_id(show, options);
    tend::cli::add_json(show, options.json, options.common, "Print JSON: the boundary with its events");
}

// The events a person logs come in the order --help lists them; their names are event_name()'s.
void setup_share(CLI::App& command, Options& options) {
    add_id(command, options);
    command.add_flag("-q,--quiet", options.quiet, "Say nothing when it is done");
}

constexpr std::array<BoundaryCommand, 13> commands{{
    {"add", "Set a new boundary; prints its number", setup_add, boundary_log::add},
    {"held", "It held: you kept it, or it was respected", setup_event<BoundaryEvent::held>, log_event},
    {"tested", "It was tested: pushed on, but not crossed", setup_event<BoundaryEvent::tested>, log_event},
    {"crossed", "It was crossed: stepped over, often without meaning harm", setup_event<BoundaryEvent::crossed>,
     log_event},
    {"violated", "It was violated: overridden in a way that hurt", setup_event<BoundaryEvent::violated>, log_event},
    {"repaired", "A crossing or violation was talked through and repaired", setup_event<BoundaryEvent::repaired>,
     log_event},
    {"renegotiated", "It was agreed anew: give the new wording with --text", setup_event<BoundaryEvent::renegotiated>,
     log_event},
    {"retired", "It is no longer needed: off the active list, its history kept", setup_event<BoundaryEvent::retired>,
     log_event},
    {"list", "List the active boundaries (the default command)", setup_list, boundary_log::list},
    {"show", "Show one boundary and its whole timeline", setup_show, boundary_log::show},
    {"undo", "Take back the boundary or event logged last, if it was a mistake",
     [](CLI::App& undo, Options& options) { undo.add_flag("-q,--quiet", options.quiet, "Print less"); },
     boundary_log::undo},
    {"share", "Share a boundary with your partner: its wording, type and the kind and time of its events", setup_share,
     boundary_log::share},
    {"unshare", "Take a shared boundary back: its copies leave the couple's folder", setup_share,
     boundary_log::unshare},
}};

constexpr tend::cli::Tool<Options> tool{
    .name = "boundary-log",
    .description =
        "boundary-log: boundaries as living things: set them, then log how they are held, tested,\n"
        "crossed, repaired and renegotiated. With no command, lists the active boundaries.\n\n"
        "Examples:\n"
        "  boundary-log add \"I leave the room when voices are raised\" --type emotional \\\n"
        "      --with partner --hard --if-crossed \"I take a 20-minute break\"\n"
        "  boundary-log held 1 --note \"said it calmly\"\n"
        "  boundary-log crossed 1 --intensity 6 --at \"yesterday 21:00\"\n"
        "  boundary-log list                         active boundaries and their counts\n"
        "  boundary-log show 1                       the whole timeline\n",
    .setup = [](CLI::App&, Options&) {},
    .run = boundary_log::list,
    .commands = commands,
};

}  // namespace

int main(int argc, const char* const* argv, tend::Io& io) {
    return tend::cli::dispatch(tool, argc, argv, io);
}

}  // namespace boundary_log
