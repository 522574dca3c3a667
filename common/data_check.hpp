// Checking a whole data directory and the config without changing a byte: what `report --check` lists.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

#include "finding.hpp"
#include "io.hpp"
#include "paths.hpp"
#include "record.hpp"

namespace tend {

struct CheckedFile {
    std::filesystem::path path;
    std::string kind;         // "config", "deck", or a record kind such as "checkin"
    std::size_t records = 0;  // records in a month file, prompts in a deck
};

struct DataCheck {
    bool data_dir_exists = false;
    bool config_exists = false;
    std::optional<std::filesystem::path> data_dir_target;  // where the data dir links to, if it is a link
    std::vector<CheckedFile> files;                        // in the order they were checked
    std::size_t records = 0;
    std::vector<std::string> devices;  // the device trees in devices/, by name
    std::vector<Finding> findings;     // problems and warnings, file by file

    std::size_t count(Severity severity) const;
    std::size_t files_with(Severity severity) const;
};

// Reads the config, every month file of every kind, and the decks in <data>/decks, under a
// shared data lock (waiting up to `lock_wait`; Exit::locked after that). Writes nothing and
// creates nothing, not even a missing data directory. `device` is this device's name (its
// tree is "its own" in what is listed), empty when it has none yet.
DataCheck check_data(const Paths& paths, std::chrono::milliseconds lock_wait, const std::string& device);

// Every problem in one month file's text, as the store's own reader (read_month_text) finds
// them, all of them where the store stops at the first: syntax, records against their format,
// duplicate ids; and, when `month` is given, records whose `at` belongs to another month
// (reports would miss them) or ids made for another month.
struct MonthCheck {
    std::vector<Finding> findings;
    std::size_t records = 0;                               // [[kind]] tables, sound or not
    std::vector<std::pair<std::string, std::size_t>> ids;  // each distinct id and its line
};
MonthCheck check_month_text(const std::string& text, const std::filesystem::path& file, const RecordFormat& format,
                            std::optional<date::year_month> month);

// The month a file name such as "2026-11.toml" stands for, when it is one.
std::optional<date::year_month> month_of_file_name(std::string_view name);

}  // namespace tend
