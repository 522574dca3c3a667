// Reading one exercise from its TOML table: for the shipped catalog and the config, kept out of
// exercise.hpp so that the many files including the config do not parse toml++'s headers.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <toml++/toml.h>

#include "exercise.hpp"

namespace tend {

// Reads an exercise's table: `description`, `seconds` (a step's default, 20 unless given)
// and `steps`, each a string or { text = "...", seconds = N }, 1 to 600 s. Throws
// Exit::data as "<source>:line:col: <where>: what is wrong". Unknown keys are an error too:
// a misspelt `seconds` would otherwise silently give a different exercise.
Exercise parse_exercise(const toml::table& table, std::string name, std::string_view source, std::string_view where);

}  // namespace tend
