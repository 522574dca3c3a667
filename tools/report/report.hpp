// report: a report across check-ins, breathing, boundaries and prompts for a week, a month or any days.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "period.hpp"
#include "render.hpp"
#include "runner.hpp"
#include "session.hpp"

namespace report {

struct Options {
    tend::CommonOptions common;
    PeriodRequest period;
    std::optional<std::string> format;            // text | markdown | json | html | csv
    bool json = false;                            // the same as --format json
    std::optional<std::filesystem::path> output;  // -o FILE: see output.hpp; format from its extension
    bool no_notes = false;                        // leave out every piece of free text
    bool quiet_if_empty = false;                  // print nothing when the period has no records
    bool check = false;                           // --check: check every file instead of reporting
    bool export_all =
        false;  // --couple: the couple's folder for the period, side by side, to standard output or -o FILE.
    int run_couple(const Options& options, const tend::Session& session);

    // --export: every record as JSON Lines instead
    bool couple = false;  // --couple: what both partners shared, side by side
};

// The entry point main() hands to the runner: parses argv, then writes the report.
int main(int argc, const char* const* argv, tend::Io& io);

// The format to write: --format (or --json), else the extension of -o FILE, else text.
// Usage error for an -o extension report does not know when no --format says otherwise
// (unless -o names a stream such as `-` or a FIFO, where a name says nothing: text),
// and for --json with another --format.
Format chosen_format(const Options& options);

// Reads the records of the period and the one before it, and writes the report to standard
// output or -o FILE. Returns the exit status.
int run(const Options& options, const tend::Session& session);

// --couple: the couple's folder for the period, side by side, to standard output or -o FILE.
int run_couple(const Options& options, const tend::Session& session);

// --export: every record of every kind as JSON Lines (see tend(5)), to standard output or -o FILE.
int run_export(const Options& options, const tend::Session& session);

}  // namespace report
