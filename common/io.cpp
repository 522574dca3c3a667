// Environment access for Io.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io.hpp"

#include <cstdlib>

namespace tend {

std::optional<std::string> Io::getenv(const std::string& name) const {
    if (process_environment) {
        const char* value = std::getenv(name.c_str());
        return value ? std::optional<std::string>(value) : std::nullopt;
    }
    const auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Io::getenv_nonempty(const std::string& name) const {
    auto value = getenv(name);
    if (!value || value->empty()) return std::nullopt;
    return value;
}

}  // namespace tend
