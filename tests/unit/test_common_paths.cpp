// Where data and config live: flags, tend's variables, XDG and HOME, in that order.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "paths.hpp"

using tend::resolve_paths;
using tend::test::TestIo;
namespace fs = std::filesystem;

namespace {

tend::Paths paths_for(tend::Env env, std::optional<fs::path> flag = std::nullopt) {
    TestIo t(std::move(env));
    return resolve_paths(t.io, flag);
}

}  // namespace

TEST_CASE("--data-dir beats TEND_DATA_DIR") {
    const auto paths = paths_for({{"TEND_DATA_DIR", "/env/data"}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/sam"}},
                                 fs::path("/flag/data"));
    CHECK(paths.data_dir == fs::path("/flag/data"));
}

TEST_CASE("TEND_DATA_DIR beats XDG_DATA_HOME") {
    const auto paths = paths_for({{"TEND_DATA_DIR", "/env/data"}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/sam"}});
    CHECK(paths.data_dir == fs::path("/env/data"));
}

TEST_CASE("XDG_DATA_HOME beats HOME and gets a tend folder") {
    const auto paths = paths_for({{"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/sam"}});
    CHECK(paths.data_dir == fs::path("/xdg/tend"));
}

TEST_CASE("the data dir defaults to ~/.local/share/tend") {
    const auto paths = paths_for({{"HOME", "/home/sam"}});
    CHECK(paths.data_dir == fs::path("/home/sam/.local/share/tend"));
}

TEST_CASE("an empty XDG_DATA_HOME is ignored") {
    const auto paths = paths_for({{"XDG_DATA_HOME", ""}, {"HOME", "/home/sam"}});
    CHECK(paths.data_dir == fs::path("/home/sam/.local/share/tend"));
}

TEST_CASE("a relative XDG_DATA_HOME is ignored") {
    const auto paths = paths_for({{"XDG_DATA_HOME", "relative/data"}, {"HOME", "/home/sam"}});
    CHECK(paths.data_dir == fs::path("/home/sam/.local/share/tend"));
}

TEST_CASE("an empty TEND_DATA_DIR falls through to XDG_DATA_HOME") {
    const auto paths = paths_for({{"TEND_DATA_DIR", ""}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/sam"}});
    CHECK(paths.data_dir == fs::path("/xdg/tend"));
}

TEST_CASE("an empty --data-dir falls through to TEND_DATA_DIR") {
    const auto paths = paths_for({{"TEND_DATA_DIR", "/env/data"}, {"HOME", "/home/sam"}}, fs::path());
    CHECK(paths.data_dir == fs::path("/env/data"));
}

TEST_CASE("TEND_CONFIG beats XDG_CONFIG_HOME") {
    const auto paths =
        paths_for({{"TEND_CONFIG", "/etc/mine.toml"}, {"XDG_CONFIG_HOME", "/xdgc"}, {"HOME", "/home/sam"}});
    CHECK(paths.config_file == fs::path("/etc/mine.toml"));
}

TEST_CASE("XDG_CONFIG_HOME holds tend/config.toml") {
    const auto paths = paths_for({{"XDG_CONFIG_HOME", "/xdgc"}, {"HOME", "/home/sam"}});
    CHECK(paths.config_file == fs::path("/xdgc/tend/config.toml"));
}

TEST_CASE("the config defaults to ~/.config/tend/config.toml") {
    const auto paths = paths_for({{"HOME", "/home/sam"}});
    CHECK(paths.config_file == fs::path("/home/sam/.config/tend/config.toml"));
}

TEST_CASE("empty and relative XDG_CONFIG_HOME values are ignored") {
    CHECK(paths_for({{"XDG_CONFIG_HOME", ""}, {"HOME", "/home/sam"}}).config_file ==
          fs::path("/home/sam/.config/tend/config.toml"));
    CHECK(paths_for({{"XDG_CONFIG_HOME", "conf"}, {"HOME", "/home/sam"}}).config_file ==
          fs::path("/home/sam/.config/tend/config.toml"));
}

TEST_CASE("an empty TEND_CONFIG falls through to XDG_CONFIG_HOME") {
    const auto paths = paths_for({{"TEND_CONFIG", ""}, {"XDG_CONFIG_HOME", "/xdgc"}, {"HOME", "/home/sam"}});
    CHECK(paths.config_file == fs::path("/xdgc/tend/config.toml"));
}

TEST_CASE("--data-dir does not move the config file") {
    const auto paths = paths_for({{"HOME", "/home/sam"}}, fs::path("/flag/data"));
    CHECK(paths.config_file == fs::path("/home/sam/.config/tend/config.toml"));
}

TEST_CASE("data and config chosen independently of each other") {
    const auto paths = paths_for({{"TEND_DATA_DIR", "/env/data"}, {"XDG_CONFIG_HOME", "/xdgc"}, {"HOME", "/home/sam"}});
    CHECK(paths.data_dir == fs::path("/env/data"));
    CHECK(paths.config_file == fs::path("/xdgc/tend/config.toml"));
}

TEST_CASE("without HOME the password database gives the home directory") {
    const auto paths = paths_for({});
    CHECK(paths.data_dir.is_absolute());
    CHECK(paths.data_dir.filename() == "tend");
    CHECK(paths.data_dir.parent_path().filename() == "share");
    CHECK(paths.config_file.filename() == "config.toml");
    CHECK(paths.config_file.parent_path().parent_path().filename() == ".config");
}

TEST_CASE("nothing needs HOME when tend's own variables are set") {
    const auto paths = paths_for({{"TEND_DATA_DIR", "/d"}, {"TEND_CONFIG", "/c.toml"}, {"HOME", ""}});
    CHECK(paths.data_dir == fs::path("/d"));
    CHECK(paths.config_file == fs::path("/c.toml"));
}
