// The streams, environment and clock a tool runs against: real ones from the runner, fakes in tests.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>

namespace tend {

using Env = std::map<std::string, std::string>;
using SystemClock = std::function<std::chrono::system_clock::time_point()>;

struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    Env env;  // the environment a test gives; see process_environment
    SystemClock clock;
    bool in_tty = false;
    bool out_tty = false;
    bool err_tty = false;
    // Look variables up in the process's own environment instead of `env` (the runner's real
    // Io): a lookup is cheaper than copying every variable into a map at each start.
    bool process_environment = false;

    // The value of an environment variable, or nullopt when unset.
    std::optional<std::string> getenv(const std::string& name) const;
    // The value when set and non-empty.
    std::optional<std::string> getenv_nonempty(const std::string& name) const;
};

}  // namespace tend
