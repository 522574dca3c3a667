// The record store: monthly <kind>/YYYY-MM.toml files, appended under a lock, rewritten atomically.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "record.hpp"

namespace tend {

struct StoredRecord {
    Record record;
    std::filesystem::path file;
};

class RecordStore {
public:
    // `lock_wait` bounds how long a writer or reader waits for another process's lock.
    RecordStore(std::filesystem::path data_dir, const RecordFormat& format, std::chrono::milliseconds lock_wait);

    // Appends one record to the month file of its `at`, with a fresh id (5 characters:
    // two for the month, three random, unique in that file). The file is parsed and checked
    // first and never touched when it does not parse (Exit::data, file:line:col); the block
    // is serialised, parsed back and compared before it is written. Returns the record as stored.
    Record append(Record record);

    // Like append(), but first lets `complete` fill in fields that depend on every record of
    // this kind (such as the next boundary number), while the same exclusive lock is held,
    // so two writers can never both take the same value. `all` is every record, oldest first.
    using Completer = std::function<void(Record& record, const std::vector<Record>& all)>;
    Record append(Record record, const Completer& complete);

    // Records whose `at` lies in [from, to], oldest first; reads only the months that can
    // hold them. A missing data directory or month file simply has no records.
    std::vector<Record> read_range(Instant from, Instant to) const;

    // Records of the month files from `newest_month` backwards until `wanted` are found or
    // the oldest file is reached; newest first.
    std::vector<Record> read_latest(std::size_t wanted) const;

    // The record with this id: the month its id names first, then every month file.
    std::optional<StoredRecord> find(const std::string& id) const;

    // Replaces (or with nullopt, removes) the record with this id, rewriting its month file
    // through a temp file; every other byte of the file stays as it was. When the new
    // record's `at` falls in another month it moves there and gets a new id. Returns the
    // record as stored, or nullopt when removed. Throws a usage error for an unknown id.
    std::optional<Record> replace(const std::string& id, std::optional<Record> replacement);

    const std::filesystem::path& directory() const { return kind_dir_; }
    std::filesystem::path month_file(date::year_month month) const;

private:
    Record append_locked(Record record);
    std::vector<Record> read_month(const std::filesystem::path& file) const;
    std::optional<StoredRecord> find_unlocked(const std::string& id) const;
    std::vector<std::filesystem::path> month_files_newest_first() const;

    std::filesystem::path data_dir_;
    std::filesystem::path kind_dir_;
    const RecordFormat& format_;
    std::chrono::milliseconds lock_wait_;
};

// Parses a month file's text: the records under [[kind]], each validated. Throws Exit::data
// with "file:line:col: what" for a syntax error, a bad record or a duplicate id.
std::vector<Record> parse_month_text(const std::string& text, const std::filesystem::path& file,
                                     const RecordFormat& format);

// Whether a file name has the shape of a month file, YYYY-MM.toml (12 characters, '-' at 4, not
// hidden): the files the store lists. month_of_file_name() says whether one names a real month.
bool is_month_file_name(std::string_view name);

// The month an id was made in (its first two characters), when they are a valid code.
std::optional<date::year_month> month_of_id(std::string_view id);

}  // namespace tend
