// Path resolution for data and config, following XDG and tend's own variables.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "paths.hpp"

#include <pwd.h>
#include <unistd.h>

#include "error.hpp"

namespace tend {
namespace fs = std::filesystem;

namespace {

// XDG says a relative or empty value is invalid and must be ignored.
std::optional<fs::path> xdg_dir(const Io& io, const char* name) {
    auto value = io.getenv_nonempty(name);
    if (!value || fs::path(*value).is_relative()) return std::nullopt;
    return fs::path(*value);
}

fs::path home_dir(const Io& io) {
    if (auto home = io.getenv_nonempty("HOME")) return *home;
    // Cron and some service managers run without HOME; fall back to the password database.
    if (const passwd* entry = getpwuid(getuid()); entry && entry->pw_dir && *entry->pw_dir) return entry->pw_dir;
    usage_error("HOME: not set; set TEND_DATA_DIR and TEND_CONFIG, or pass --data-dir");
}

}  // namespace

ExplainedPaths explain_paths(const Io& io, const std::optional<fs::path>& data_dir_flag) {
    ExplainedPaths explained{{}, "default", "default"};
    Paths& paths = explained.paths;
    if (data_dir_flag && !data_dir_flag->empty()) {
        paths.data_dir = *data_dir_flag;
        explained.data_from = "--data-dir";
    } else if (auto dir = io.getenv_nonempty("TEND_DATA_DIR")) {
        paths.data_dir = *dir;
        explained.data_from = "TEND_DATA_DIR";
    } else if (auto xdg = xdg_dir(io, "XDG_DATA_HOME")) {
        paths.data_dir = *xdg / "tend";
        explained.data_from = "XDG_DATA_HOME";
    } else {
        paths.data_dir = home_dir(io) / ".local" / "share" / "tend";
    }

    if (auto file = io.getenv_nonempty("TEND_CONFIG")) {
        paths.config_file = *file;
        explained.config_from = "TEND_CONFIG";
    } else if (auto xdg = xdg_dir(io, "XDG_CONFIG_HOME")) {
        paths.config_file = *xdg / "tend" / "config.toml";
        explained.config_from = "XDG_CONFIG_HOME";
    } else {
        paths.config_file = home_dir(io) / ".config" / "tend" / "config.toml";
    }
    return explained;
}

Paths resolve_paths(const Io& io, const std::optional<fs::path>& data_dir_flag) {
    return explain_paths(io, data_dir_flag).paths;
}

}  // namespace tend
