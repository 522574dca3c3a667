// The breathing-session record: its fields in breathe/YYYY-MM.toml, defined once for breathe and report.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "record.hpp"

namespace tend {

extern const RecordFormat breathe_format;

// One session's fields (besides id, at and recorded). `at` is when the session started.
struct BreatheEntry {
    std::string pattern;                  // the pattern's name, or its spec when typed as numbers
    std::string spec;                     // canonical spec, e.g. "4-0-6-0"
    std::optional<std::string> exercise;  // a guided exercise instead (then pattern and spec are empty)
    int planned_cycles = 0;        // breaths planned (from --cycles, or --minutes rounded up); an exercise's steps
    int cycles = 0;                // whole breaths done; an exercise's steps done
    double seconds = 0;            // time spent breathing, pauses and the settle countdown left out
    bool interrupted = false;      // stopped before the planned breaths were done (q, Ctrl-C, a signal)
    std::optional<int> before;     // distress 0-10 before
    std::optional<int> after;      // and after
    double worst_lateness_ms = 0;  // the latest any phase change came after its deadline

    // The name a person knows it by: the exercise's, else the pattern's.
    const std::string& name() const { return exercise ? *exercise : pattern; }
};

// Writes the entry's fields into a record (which also needs id, at and recorded).
void write_breathe_entry(const BreatheEntry& entry, Record& record);

// Reads the fields of a record that passed validation against breathe_format.
BreatheEntry read_breathe_entry(const Record& record);

}  // namespace tend
