// tend's full export: every record as one line of JSON (JSON Lines), and reading such a line back.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "record.hpp"
#include "record_kinds.hpp"
#include "session.hpp"

namespace tend {

// One record as a JSON object on one line (no line break): "kind" first, then the record's own
// TOML keys in file order, each value of the same type: strings, integers, floats (always with
// a '.' or an exponent, so they come back as floats), true/false, arrays of strings, and
// date-times as RFC 3339 strings. "kind" and "device" are never record fields.
std::string export_line(const Record& record, const RecordFormat& format);

// The whole export of a data directory: every kind in record_formats() order, each kind's
// month files oldest first and their records in file order, read under one shared lock so
// that no writer can change anything half way. Empty when there is no data yet.
std::string export_everything(const Session& session);

struct ImportedRecord {
    const RecordFormat* format;
    Record record;  // compares equal to the record that was exported
};

// Reads one line of an export back into a record, checked like a month file's. Throws
// JsonError (Exit::data, "source:line:col: what") when the line is not JSON or not a sound record.
ImportedRecord parse_export_line(std::string_view line, std::string_view source, std::size_t line_number);

}  // namespace tend
