// Environment access for Io.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io.hpp"

extern char** environ;

namespace tend {

std::optional<std::string> Io::getenv(const std::string& name) const {
    const auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Io::getenv_nonempty(const std::string& name) const {
    auto value = getenv(name);
    if (!value || value->empty()) return std::nullopt;
    return value;
}

Env process_env() {
    Env env;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view item(*entry);
        const auto equals = item.find('=');
        if (equals != std::string_view::npos)
            env.try_emplace(std::string(item.substr(0, equals)), item.substr(equals + 1));
    }
    return env;
}

}  // namespace tend
