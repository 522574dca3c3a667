// Shared helpers for the fuzz targets: what counts as a failed invariant.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace tend_fuzz {

// A broken invariant is a bug: say which and abort, so libFuzzer saves the input as a crash.
[[noreturn]] inline void broken(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "fuzz invariant broken: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline void check(bool holds, std::string_view what, std::string_view detail = {}) {
    if (!holds) broken(what, detail);
}

}  // namespace tend_fuzz
