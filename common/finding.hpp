// A problem or warning found in one of the person's files, with its place as data.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "error.hpp"

namespace tend {

// A problem makes tend refuse a file or miss records (exit 65); a warning is worth fixing
// but loses nothing (permissions, a stray temp file, an unknown config key).
enum class Severity { problem, warning };

struct Finding {
    std::filesystem::path file;
    std::size_t line = 0;    // 0 when not known
    std::size_t column = 0;  // 0 when not known
    std::string message;     // lower case, no file or position in it
    Severity severity = Severity::problem;

    // "file:line:col: message", the way a tool warns about it.
    std::string located() const {
        const std::string place = Place{file.string(), line, column}.text();
        return place.empty() ? message : place + ": " + message;
    }
};

// What a caught Error says, as a finding: at the error's own place when it has one, else in
// `file` (and a message that begins with that file's name loses it, so it is not said twice).
inline Finding finding_of(const Error& error, const std::filesystem::path& file,
                          Severity severity = Severity::problem) {
    const Place& place = error.place();
    if (!place.file.empty()) return Finding{place.file, place.line, place.column, error.problem(), severity};
    std::string message = error.what();
    if (const std::string prefix = file.string() + ": "; !file.empty() && message.starts_with(prefix))
        message.erase(0, prefix.size());
    return Finding{file, 0, 0, std::move(message), severity};
}

}  // namespace tend
