// Where tend keeps data and reads config: resolved once, from flags and the environment.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "io.hpp"

namespace tend {

struct Paths {
    std::filesystem::path data_dir;
    std::filesystem::path config_file;
};

// Data: --data-dir, else $TEND_DATA_DIR, else $XDG_DATA_HOME/tend, else ~/.local/share/tend.
// Config: $TEND_CONFIG, else $XDG_CONFIG_HOME/tend/config.toml, else ~/.config/tend/config.toml.
// Empty or relative XDG values are ignored, as the XDG spec says. Throws usage errors when
// no home can be found for a default.
Paths resolve_paths(const Io& io, const std::optional<std::filesystem::path>& data_dir_flag);

// The same paths, and where each came from: "--data-dir", "TEND_DATA_DIR", "XDG_DATA_HOME" or
// "default"; "TEND_CONFIG", "XDG_CONFIG_HOME" or "default" (what `report --check` shows).
struct ExplainedPaths {
    Paths paths;
    std::string data_from;
    std::string config_from;
};
ExplainedPaths explain_paths(const Io& io, const std::optional<std::filesystem::path>& data_dir_flag);

}  // namespace tend
