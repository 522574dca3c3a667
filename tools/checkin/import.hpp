// checkin import: history from Daylio, jrnl and tend's own export, read by pure functions, written at once.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "record.hpp"
#include "session.hpp"
#include "time.hpp"

namespace checkin {

struct ImportOptions {
    std::string format;                 // daylio, jrnl or tend
    std::string file;                   // '-' reads standard input
    std::vector<std::string> mood_map;  // LABEL=N, for Daylio's own mood names
    std::optional<std::string> tz;      // the zone the export's times are in
    bool mood_from_tag = false;         // jrnl: @mood7 / @mood-7 gives the mood
    bool dry_run = false;
    bool skip_bad = false;  // import what can be read even when some rows cannot
    bool json = false;
    bool quiet = false;
};

// How Daylio's mood words become tend's 0-10: the five defaults (rad 9, good 7, meh 5, bad 3,
// awful 1), then the person's own LABEL=N. Labels are matched trimmed and in lower case.
using MoodMap = std::map<std::string, int>;
MoodMap daylio_moods(const std::vector<std::string>& overrides);

// What the readers need besides the text.
struct ImportContext {
    tend::Zone zone;
    tend::Instant now;  // `recorded` of every imported check-in; nothing may lie after it
    MoodMap moods;
    bool mood_from_tag = false;
};

// One entry read from an export: a record ready for the store, and where it came from.
struct ImportEntry {
    std::size_t line;
    const tend::RecordFormat* format;
    tend::Record record;  // a check-in carries `source`; a tend record its own id
};

// An entry that cannot be imported, where it starts and why.
struct Refusal {
    std::size_t line;
    std::size_t column;  // 0 when the whole entry is meant
    std::string what;
};

struct ImportBatch {
    std::vector<ImportEntry> entries;
    std::vector<Refusal> refused;
    std::string hint;  // what would let the refused entries in, when one thing would
};

// The readers. A file that is not of the format at all (wrong header, a quote never closed,
// JSON that does not parse) throws Exit::data as "source:line:col: what"; an entry that
// cannot be read is refused and the rest are still read.
ImportBatch read_daylio(std::string_view text, std::string_view source, const ImportContext& context);
ImportBatch read_jrnl(std::string_view text, std::string_view source, const ImportContext& context);
ImportBatch read_tend_export(std::string_view text, std::string_view source);

// CSV (RFC 4180) rows with the line each starts on. Quoted fields may hold commas, doubled
// quotes and line breaks; a UTF-8 byte order mark and CRLF line ends are fine; blank lines are
// skipped. A row with a stray quote gets `problem` and reading goes on at the next line; a
// quote never closed throws Exit::data at the line and column where it opened.
struct CsvRow {
    std::size_t line;
    std::vector<std::string> fields;
    std::string problem;
};
std::vector<CsvRow> read_csv(std::string_view text, std::string_view source);

// The key a check-in imported from elsewhere carries in `source`: "<app>:" and 16 hex digits
// of a 64-bit FNV-1a hash of the entry's own fields, so that the same entry in a later export
// has the same key. `parts` are joined with a separator that cannot occur in them.
std::string source_key(std::string_view app, const std::vector<std::string_view>& parts);

// An activity or jrnl tag as a tend tag: lower case (ASCII), white space runs made one space,
// trimmed; nullopt when that is empty or cannot be a tag (over 64 bytes, a comma, a control).
std::optional<std::string> imported_tag(std::string_view raw);

// Simple HTML as plain text: <br> and block ends become line breaks, list items "- ", other
// tags go, the common entities are decoded; anything that only looks like a tag stays.
std::string html_to_text(std::string_view html);

// checkin import FORMAT FILE.
int import_history(const ImportOptions& options, const tend::Session& session);

}  // namespace checkin
