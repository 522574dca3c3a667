// The registry of record kinds: every kind tend keeps, listed here once.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "record.hpp"

namespace tend {

// checkin, breathe, boundary and prompt, each defined by its RecordFormat in
// common/<kind>_record.cpp: in this order report --check, the export and every walk over
// all kinds (pending records, the old layout's move, purges) take them.
std::span<const RecordFormat* const> record_formats();

// The kind with this name (its [[table]] and directory name), nullptr when there is none.
const RecordFormat* find_record_format(std::string_view kind);

// How a person calls one record of a kind in a message: the format's noun ("check-in"), else
// "<kind> record".
std::string record_noun(std::string_view kind);

}  // namespace tend
