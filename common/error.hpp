// The one error type every tool throws, and the exit-code table every tool shares.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace tend {

// Exit statuses, the same in every tool and every man page (see tend(7)).
enum class Exit : int {
    ok = 0,
    failure = 1,  // anything else that went wrong, e.g. standard output could not be written
    usage = 2,    // bad usage or an invalid value
    data = 65,    // a data, deck or config file cannot be parsed
    io = 74,      // the data could not be read or written (full disk, read-only, permissions)
    locked = 75,  // the data lock could not be taken in time
};

// Where in a file a problem is: the file, and the 1-based line and column when known (0 when
// not). Kept as data so that `report --check` never has to read it back out of a message.
struct Place {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;

    // "file:line:col", "file:line" or "file", as every message of tend's names a place.
    std::string text() const {
        std::string out = file;
        if (line) out += ":" + std::to_string(line);
        if (line && column) out += ":" + std::to_string(column);
        return out;
    }
};

// Thrown where a problem is known, caught once by the runner. The message reads
// "<where>: <what>", lower case, no full stop; the runner prefixes "<tool>: error: ".
class Error : public std::runtime_error {
public:
    Error(Exit code, const std::string& message) : std::runtime_error(message), code_(code), problem_(message) {}
    // A problem at a place in a file: the message is "<place>: <what>".
    Error(Exit code, Place place, const std::string& what)
        : std::runtime_error(place.text() + ": " + what), code_(code), place_(std::move(place)), problem_(what) {}
    Exit code() const noexcept { return code_; }
    // The place, when the error was raised with one (an empty file otherwise).
    const Place& place() const noexcept { return place_; }
    // The message without its place (the whole message when there is no place).
    const std::string& problem() const noexcept { return problem_; }

private:
    Exit code_;
    Place place_;
    std::string problem_;
};

// A clean early exit with a status and nothing to report, e.g. `checkin due` answering "no".
struct ExitRequest {
    Exit code;
};

[[noreturn]] inline void fail(Exit code, const std::string& message) {
    throw Error(code, message);
}
[[noreturn]] inline void fail_at(Exit code, Place place, const std::string& what) {
    throw Error(code, std::move(place), what);
}
[[noreturn]] inline void usage_error(const std::string& message) {
    throw Error(Exit::usage, message);
}

// Turns the current errno into an Error: "<where>: <strerror>", with exit 74 for data I/O.
[[noreturn]] void fail_errno(const std::string& where, int errnum, Exit code = Exit::io);

}  // namespace tend
