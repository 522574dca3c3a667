// The shared runner: what every tool's main does alike, from catching errors to checking stdout.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

#include "io.hpp"

namespace tend {

// A tool's entry point: parses its own arguments and does its work against `io`.
using ToolMain = int (*)(int argc, const char* const* argv, Io& io);

// Runs `entry` and turns what it throws into messages and exit codes:
// Error -> "<tool>: error: <message>" (usage errors add a pointer to --help) and its code;
// ExitRequest -> its code; anything else -> exit 1. Usable in-process by tests.
int run_tool(std::string_view tool, int argc, const char* const* argv, Io& io, ToolMain entry);

// What main() calls: real streams, environment and clock; exit 1 when standard output
// could not be written (a full disk, /dev/full, a closed pipe's error).
int run_main(std::string_view tool, int argc, char** argv, ToolMain entry);

}  // namespace tend
