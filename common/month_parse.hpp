// The fast path for month files: the layout tend itself writes, read straight into toml++'s tables.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <string_view>

namespace tend {

// The document toml::parse(text, source_path) would return, values and source regions alike, when
// `text` is in the layout serialize_record() and the month-file header write: comment lines, blank
// lines, [[name]] headers and `key = value` lines (strings, integers, floats, booleans, offset
// date-times, one-line arrays of those), each on a line of its own. Nothing (std::nullopt) for any
// other text, valid TOML or not, so that toml++ reads it and reports its errors as ever. Generic over
// header names, keys and value types: a field a record kind gains needs nothing here.
std::optional<toml::table> parse_written_toml(std::string_view text, std::string_view source_path);

}  // namespace tend
