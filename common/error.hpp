// The one error type every tool throws, and the exit-code table every tool shares.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

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

// Thrown where a problem is known, caught once by the runner. The message reads
// "<where>: <what>", lower case, no full stop; the runner prefixes "<tool>: error: ".
class Error : public std::runtime_error {
public:
    Error(Exit code, const std::string& message) : std::runtime_error(message), code_(code) {}
    Exit code() const noexcept { return code_; }

private:
    Exit code_;
};

// A clean early exit with a status and nothing to report, e.g. `checkin due` answering "no".
struct ExitRequest {
    Exit code;
};

[[noreturn]] inline void fail(Exit code, const std::string& message) {
    throw Error(code, message);
}
[[noreturn]] inline void usage_error(const std::string& message) {
    throw Error(Exit::usage, message);
}

// Turns the current errno into an Error: "<where>: <strerror>", with exit 74 for data I/O.
[[noreturn]] void fail_errno(const std::string& where, int errnum, Exit code = Exit::io);

}  // namespace tend
