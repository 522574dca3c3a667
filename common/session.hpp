// What a tool knows once its options are parsed: paths, config, now, zone, styles, messages.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "config.hpp"
#include "device.hpp"
#include "io.hpp"
#include "json.hpp"
#include "paths.hpp"
#include "store.hpp"
#include "terminal.hpp"
#include "time.hpp"

namespace tend {

// Options every tool takes.
struct CommonOptions {
    std::optional<std::filesystem::path> data_dir;
    std::string color = "auto";
    bool utc = false;  // --utc: times in JSON output in UTC, with a Z
};

inline TimeStyle time_style(const CommonOptions& options) {
    return options.utc ? TimeStyle::utc : TimeStyle::offset;
}

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
    TimeStyle json_times;  // how print_json writes times: --utc or not

    OffsetTime now_here() const { return in_zone(now, zone); }

    // A store for one kind of record in the data directory. On a terminal, the first
    // time the data directory is created, says where it is.
    RecordStore store(const RecordFormat& format) const;
    void prepare_data_dir() const;

    // A transaction on the data directory (see Transaction), waiting for the lock as long as
    // TEND_LOCK_TIMEOUT says (10 s by default). Creates the data directory if need be.
    Transaction transaction() const;

    // Saves one new record as the last written of its kind (what undo takes back) and returns
    // it as stored. A record that took minutes of the person's effort (Effort::minutes: a
    // finished breathing session, an answer written in the editor, a check-in answered question
    // by question) is never lost to a busy lock: tend says it is waiting and waits six times as
    // long; if it is still busy, the record is kept privately in the staging room, landed by
    // the next tend program that gets the lock, and nullopt is returned (after saying so).
    enum class Effort { moment, minutes };
    std::optional<Record> save(const RecordFormat& format, Record record, Effort effort) const;

    std::chrono::milliseconds lock_wait() const { return lock_wait_; }
    // How long any tend program waits for the data lock: TEND_LOCK_TIMEOUT (10 s by default),
    // read here only, for a Session and for what runs without one (report --check).
    static std::chrono::milliseconds lock_wait(const Io& io);

    // A --json answer on standard output, one value and a newline, its times as --utc says.
    void print_json(const Json& value) const;

    // This device (TEND_DEVICE, [device] name or the machine's state file), resolved when
    // first needed: only what writes or checks the data asks.
    const Device& device() const;

    // A file of this name in the user's cache for this data directory ($XDG_CACHE_HOME/tend,
    // else ~/.cache/tend), or an empty path when there is no cache directory. A cache is only
    // ever a shortcut: it may be removed at any time.
    std::filesystem::path cache_file(std::string_view name) const;

    // "<tool>: warning: ..." and plain notes, on stderr.
    void warn(std::string_view message) const;
    void note(std::string_view message) const;

    // Reads a line from stdin when it is a terminal, asking `question` on stderr first.
    std::optional<std::string> ask(std::string_view question) const;

private:
    Warn warner() const;
    Warn noter() const;
    std::chrono::milliseconds lock_wait_;
    mutable std::optional<Device> device_;
};

}  // namespace tend
