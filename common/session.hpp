// What a tool knows once its options are parsed: paths, config, now, zone, styles, messages.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "config.hpp"
#include "io.hpp"
#include "paths.hpp"
#include "store.hpp"
#include "terminal.hpp"
#include "time.hpp"

namespace tend {

// Options every tool takes.
struct CommonOptions {
    std::optional<std::filesystem::path> data_dir;
    std::string color = "auto";
};

class Session {
public:
    // Resolves paths, reads the config (printing its warnings) and fixes "now".
    Session(std::string_view tool, Io& io, const CommonOptions& options);

    Io& io;
    std::string tool;
    Paths paths;
    Config config;
    Zone zone;
    Instant now;
    Style out_style;
    Style err_style;

    OffsetTime now_here() const { return in_zone(now, zone); }

    // A store for one kind of record in the data directory. On a terminal, the first
    // time the data directory is created, says where it is.
    RecordStore store(const RecordFormat& format) const;
    void prepare_data_dir() const;

    // "<tool>: warning: ..." and plain notes, on stderr.
    void warn(std::string_view message) const;
    void note(std::string_view message) const;

    // Reads a line from stdin when it is a terminal, asking `question` on stderr first.
    std::optional<std::string> ask(std::string_view question) const;

private:
    std::chrono::milliseconds lock_wait_;
};

}  // namespace tend
