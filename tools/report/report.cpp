// report's command line: CLI11 stops at the Options struct; report_actions.cpp does the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.hpp"

#include <fmt/format.h>

#include "check.hpp"
#include "cli.hpp"

namespace report {
namespace {

void setup(CLI::App& app, Options& options) {
    auto& period = options.period;
    app.add_option("--week", period.week, "The week: this (the default), last, or an ISO week like 2026-W47")
        ->option_text("WEEK");
    app.add_option("--month", period.month, "The month: this, last, or YYYY-MM like 2026-11")->option_text("MONTH");
    app.add_option("--from", period.from, "From this day: 2026-11-01, mon, -30d, yesterday, ...")->option_text("WHEN");
    app.add_option("--to", period.to, "Up to this day, included (default: today)")->option_text("WHEN");
    app.add_option("--week-start", period.week_start,
                   "Weeks start on this day (default: [report] week_start, else monday)")
        ->option_text("DAY");
    app.add_option("--format", options.format, "text, markdown, json, html or csv (default: from -o, else text)")
        ->option_text("FORMAT");  // checked by chosen_format(), which names the formats it knows
    app.add_flag("--json", options.json, "The same as --format json");
    tend::cli::add_utc(app, options.common);  // checked by after_parse: JSON may come from --format or -o
    app.add_option("-o,--output", options.output,
                   "Write to FILE (atomically) instead of standard output; .txt .md .json .html .csv pick the format")
        ->option_text("FILE");
    app.add_flag("--no-notes", options.no_notes,
                 "Leave out all free text: notes, answers, prompt texts, boundary wordings");
    app.add_flag("--quiet-if-empty", options.quiet_if_empty,
                 "Print (or write) nothing and exit 0 when the period has no records, e.g. under cron");
    app.add_flag("--check", options.check,
                 "Show where your data and config are, check every file (changing nothing) and list each "
                 "problem as file:line:col; exit 65 if there is one");
    app.add_flag("--couple", options.couple,
                 "What you and your partner shared in the couple's folder ([couple] dir), side by side: shared "
                 "prompts and answers, shared check-in numbers; nothing else");
    app.add_flag("--export", options.export_all,
                 "Write every record of every kind, with every field, as JSON Lines (to -o FILE or standard "
                 "output); 'checkin import tend FILE' brings it back");
}

// --check answers before the Session: a config that does not parse is one of its findings.
// Otherwise a bad format or extension is a usage error before anything is read.
std::optional<int> after_parse(Options& options, const CLI::App* app, const tend::cli::Command<Options>*,
                               tend::Io& io) {
    // report has no plain command, so `app` is CLI11's; without it nothing was given.
    const auto was_given = [app](const char* name) { return app && app->get_option(name)->count() > 0; };
    if (options.export_all) {
        for (const char* name : {"--week", "--month", "--from", "--to", "--week-start", "--format", "--json",
                                 "--no-notes", "--quiet-if-empty", "--check", "--couple"})
            if (was_given(name))
                tend::usage_error(fmt::format("{}: does not go with --export, which writes everything", name));
        if (options.common.utc)
            tend::usage_error(
                "--utc: does not go with --export, which keeps each time's own offset so that an "
                "import brings back the same days");
        return std::nullopt;
    }
    if (options.couple) {
        for (const char* name : {"--no-notes", "--check", "--export"})
            if (was_given(name))
                tend::usage_error(fmt::format("{}: does not go with --couple, which shows only what was shared", name));
    }
    if (!options.check) {
        if (chosen_format(options) != Format::json && options.common.utc)
            tend::usage_error("--utc: only the JSON report has times; give --json (or --format json)");
        return std::nullopt;
    }
    if (options.common.utc && !options.json) tend::usage_error("--utc: goes with --json");
    std::vector<std::string> given;
    for (const char* name : {"--week", "--month", "--from", "--to", "--week-start", "--format", "--output",
                             "--no-notes", "--quiet-if-empty"})
        if (was_given(name)) given.emplace_back(name == std::string_view("--output") ? "-o" : name);
    refuse_with_check(given);
    return run_check(options, io);
}

// A report of the period, or with --export every record.
int report_or_export(const Options& options, const tend::Session& session) {
    if (options.export_all) return run_export(options, session);
    return options.couple ? run_couple(options, session) : run(options, session);
}

constexpr tend::cli::Tool<Options> tool{
    .name = "report",
    .description =
        "report: the week at a glance, across check-ins, breathing, boundaries and prompts.\n"
        "With no options, the current week in the terminal.\n\n"
        "Examples:\n"
        "  report                                    this week\n"
        "  report --week last --format markdown      last week, for a mail\n"
        "  report --month 2026-10 -o october.html    a page to print or share\n"
        "  report --from 2026-09-01 --to 2026-11-30 -o autumn.csv\n"
        "  report --week last --no-notes -o week.md  without notes, answers or wordings\n"
        "  report --check                            check every file, change nothing\n"
        "  report --couple --month last              what you both shared last month\n",
    .setup = setup,
    .run = report_or_export,
    .after_parse = after_parse,
};

}  // namespace

int main(int argc, const char* const* argv, tend::Io& io) {
    return tend::cli::dispatch(tool, argc, argv, io);
}

}  // namespace report
