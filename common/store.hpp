// The record store: monthly <kind>/YYYY-MM.toml files, read and changed in transactions under one lock.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "files.hpp"
#include "record.hpp"
#include "record_kinds.hpp"
#include "versions.hpp"

namespace tend {

struct StoredRecord {
    Record record;
    std::filesystem::path file;
};

// The name a store writes under when none is given: only tests and tools' own unit tests
// use it; every tool passes the Session's device.
inline constexpr std::string_view unnamed_device = "this-device";

// Where each device's tree is: <data>/devices/<device>/<kind>/YYYY-MM.toml (see tend(5)).
std::filesystem::path devices_dir(const std::filesystem::path& data_dir);
// This machine's own state in the data directory (undo pointers, what it has seen of the
// other devices' files), which no sync engine carries: tend writes .gitignore and .stignore.
std::filesystem::path local_state_dir(const std::filesystem::path& data_dir);

struct DeviceFiles;
class ListingCache;

// One command's reads and writes as a whole, under the exclusive data lock from the first read
// to the last rename, so no other writer can slip in between and no change is ever lost.
// Changes are staged in memory and checked (serialised, parsed back, compared) as they are
// made; commit() writes them all, or nothing: one append is one write(), one rewritten file is
// a temp file renamed over it, and changes to several files go through a journal that the next
// tend program finishes if this one is killed. Without commit() nothing is written. Reads see
// the transaction's own changes.
//
//     tend::Transaction t = session.transaction();
//     for (auto& record : imported) t.append(tend::checkin_format, std::move(record));
//     t.commit();
//
// A data directory syncs between devices: this device writes only its own tree, and reads
// merge every device's versions of a record by the revision rule (versions.hpp). Records kept
// while the lock was busy (see Session::save) are landed first, and a data directory from
// before devices becomes this device's tree.
class Transaction {
public:
    // Takes the lock, waiting up to `lock_wait` (Exit::locked after that). `warn` hears about
    // files whose modes were tightened, `note` about records landed from the pending room.
    Transaction(std::filesystem::path data_dir, std::string device, std::chrono::milliseconds lock_wait, Warn warn = {},
                Warn note = {});
    // nullopt instead of Exit::locked.
    static std::optional<Transaction> try_begin(std::filesystem::path data_dir, std::string device,
                                                std::chrono::milliseconds lock_wait, Warn warn = {}, Warn note = {});
    // Reads only, under the shared lock: nothing is moved, landed or written.
    static Transaction read(std::filesystem::path data_dir, std::string device, std::chrono::milliseconds lock_wait,
                            Warn warn = {});
    // Reads only, without a lock of its own and without tightening any file's mode, for a
    // caller that holds the shared lock and must change nothing (report --check).
    static Transaction inspect(std::filesystem::path data_dir, std::string device);
    ~Transaction();
    Transaction(Transaction&&) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;

    // Every record of a kind, oldest first (equal times in file order).
    std::vector<Record> all(const RecordFormat& format);
    // Records whose `at` lies in [from, to], oldest first; reads only the months that can hold them.
    std::vector<Record> range(const RecordFormat& format, Instant from, Instant to);
    // The newest `wanted` records, newest first, reading months from the newest back.
    std::vector<Record> latest(const RecordFormat& format, std::size_t wanted);
    // The record with this id: the month its id names first, then every month.
    std::optional<StoredRecord> find(const RecordFormat& format, const std::string& id);
    // The months any device has a file of this kind for, oldest first.
    std::vector<date::year_month> months_with_files(const RecordFormat& format);
    // The records of one month, as every device's files make them, oldest first.
    std::vector<Record> in_month(const RecordFormat& format, date::year_month month);

    // What every file a read of this kind would open is now (each device's month files and
    // conflict copies: path, size, inode, mtime and ctime in ns), as a count and a 128-bit
    // digest in one line, to tell whether something made from them is still true. `settled`
    // becomes false when a file changed in the last 2 s, where a later change in the same clock
    // tick could leave its stamp alike.
    std::string file_stamps(const RecordFormat& format, bool& settled);

    // What the devices' files hold that is not settled yet, for `report --check`: an old
    // version that another device's deletion or newer revision superseded, waiting for its
    // device's next write to purge it, and an id two devices both made.
    struct Unsettled {
        enum class What { deleted, changed, same_id };
        What what;
        std::string id;
        date::year_month month;
        std::string holder;  // the device whose file holds the old version (or the second id)
        std::string winner;  // the device whose version is the record now (or the first id)
    };
    std::vector<Unsettled> unsettled(const RecordFormat& format);

    // A record with its `at` read once, for sorting.
    struct Timed {
        Instant at;
        Record record;
    };

    // Adds a record to this device's file for the month of its `at`, with a fresh id (two
    // characters for the month, one for the device, three random, unique in that month on
    // every device), and returns it as it will be stored. The month file as it will be must
    // parse and read back as exactly its records plus this one: a file in another layout that
    // would break (such as inline tables) is refused, Exit::data with file:line:col, and
    // nothing is written.
    Record append(const RecordFormat& format, Record record);

    // Like append() for many records of a kind at once (an import), in the order given, each
    // month file read back once. A record that has an id keeps it (a restored export; it must
    // not be taken in its file, an internal error otherwise); one without gets a fresh one.
    std::vector<Record> append_all(const RecordFormat& format, std::vector<Record> records);

    // Replaces (or with nullopt, deletes) the record with this id, whichever device wrote it:
    // the new version (or a deletion marker) goes in this device's file, one revision above
    // every version there is, in place of this device's own version when it has one; every
    // other byte stays. When the new `at` falls in another month the record moves there with
    // a new id (and the old one is deleted), as one change. Returns the record as stored, or
    // nullopt when deleted. A usage error for an unknown id.
    std::optional<Record> replace(const RecordFormat& format, const std::string& id, std::optional<Record> replacement);

    // The id of the last record written of a kind (what "undo" takes back), and setting it;
    // kept in .local/<kind>.last, written at commit.
    std::optional<std::string> last(const RecordFormat& format);
    void set_last(const RecordFormat& format, std::optional<std::string> id);

    // Writes the changes. Before it does, this device's versions that another device's newer
    // revision or deletion superseded are purged from its files, in the same commit.
    void commit();

    // The kinds this directory holds when they are not record_formats() (a couple's folder):
    // the kinds commit() purges.
    void holds(std::span<const RecordFormat* const> kinds) { kinds_ = kinds; }
    // Makes commit() purge even when nothing else changed: for a directory this device seldom
    // writes (a couple's folder), so that what another of its devices withdrew leaves this
    // device's files without waiting for its next share.
    void purge_superseded_at_commit() { purge_wanted_ = true; }

    // Remembers what the kind directories hold in `file` (outside the data directory: the
    // user's cache), so that a read of a few months need not list every month of every device.
    void use_listing_cache(std::filesystem::path file) { listing_cache_file_ = std::move(file); }

private:
    struct MonthState;
    Transaction(std::filesystem::path data_dir, std::string device, std::optional<DataLock> lock, Warn warn, Warn note,
                bool writable);
    MonthState& month(const RecordFormat& format, date::year_month month);
    std::filesystem::path own_month_path(const RecordFormat& format, date::year_month month) const;
    std::filesystem::path own_root() const;
    std::filesystem::path last_file(const RecordFormat& format) const;
    const std::vector<DeviceFiles>& listing(const RecordFormat& format);
    const std::vector<Record>& other_records(const RecordFormat& format, const std::filesystem::path& file);
    // Every version of the month's records on every device; `sources`: how many files held any;
    // `files_read`: the other devices' (or, read-only, all) files they came from.
    std::vector<Version> versions(const RecordFormat& format, date::year_month month, std::size_t* sources = nullptr,
                                  std::vector<std::filesystem::path>* files_read = nullptr);
    std::vector<Timed> shown(const RecordFormat& format, date::year_month month);
    std::set<std::string> ids_in(const RecordFormat& format, date::year_month month);
    void put_own(const RecordFormat& format, date::year_month month, const Record& version);
    void move_old_layout();
    void land_pending();
    void purge_superseded(std::map<std::string, std::string>& seen);
    void require_writable() const;
    void warn_once(const std::filesystem::path& file, const std::string& message);
    std::optional<std::string> read_data_file(const std::filesystem::path& file) const;

    std::filesystem::path data_dir_;
    std::string device_;
    std::optional<DataLock> lock_;
    Warn warn_;
    Warn note_;
    bool writable_ = false;
    bool inspecting_ = false;
    std::map<std::filesystem::path, std::unique_ptr<MonthState>> months_;        // this device's, by path
    std::map<std::string, std::unique_ptr<std::vector<DeviceFiles>>> listings_;  // kind -> own first
    std::filesystem::path listing_cache_file_;
    std::unique_ptr<ListingCache> listing_cache_;
    std::map<std::filesystem::path, std::unique_ptr<std::vector<Record>>> others_;  // other devices' files
    std::set<std::filesystem::path> warned_;
    std::map<std::string, std::optional<std::string>> last_;  // kind -> id, only those set
    std::vector<std::filesystem::path> landed_;               // pending files to remove after commit
    std::span<const RecordFormat* const> kinds_;              // empty: record_formats()
    bool purge_wanted_ = false;
    bool committed_ = false;
};

// Reads of one kind under a shared lock, and single writes as one-step transactions.
class RecordStore {
public:
    // `lock_wait` bounds how long a writer or reader waits for another process's lock.
    RecordStore(std::filesystem::path data_dir, const RecordFormat& format, std::chrono::milliseconds lock_wait,
                Warn warn = {}, Warn note = {}, std::string device = std::string(unnamed_device));

    // Transaction::append in a transaction of its own.
    Record append(Record record);

    // Like append(), but first lets `complete` fill in fields that depend on every record of
    // this kind (such as the next boundary number), under the same exclusive lock.
    using Completer = std::function<void(Record& record, const std::vector<Record>& all)>;
    Record append(Record record, const Completer& complete);

    // Records whose `at` lies in [from, to], oldest first; reads only the months that can
    // hold them. A missing data directory or month file simply has no records.
    std::vector<Record> read_range(Instant from, Instant to) const;

    // Every record, oldest first.
    std::vector<Record> read_all() const;

    // The newest `wanted` records, newest first, reading months from the newest back.
    std::vector<Record> read_latest(std::size_t wanted) const;

    // The record with this id: the month its id names first, then every month.
    std::optional<StoredRecord> find(const std::string& id) const;

    // Transaction::replace in a transaction of its own.
    std::optional<Record> replace(const std::string& id, std::optional<Record> replacement);

    // Whether any device has a month file of this kind (a first run has none).
    bool has_records() const;

    // See Transaction::use_listing_cache.
    void use_listing_cache(std::filesystem::path file) { listing_cache_ = std::move(file); }

    // A read-only transaction (see Transaction::read) after settling what a killed program
    // left; nullopt when there is no data directory yet.
    std::optional<Transaction> read_transaction() const;

private:
    bool has_data() const;
    // Before a read: finishes a killed transaction, lands pending records and moves a data
    // directory from before devices, when there is any of that and the exclusive lock is free
    // at once (a few lstats otherwise).
    void settle() const;
    Transaction reader() const;
    Transaction transaction() const;

    std::filesystem::path data_dir_;
    const RecordFormat& format_;
    std::chrono::milliseconds lock_wait_;
    Warn warn_;
    Warn note_;
    std::string device_;
    std::filesystem::path listing_cache_;
};

// The one reader of a month file's text, for the store and report --check alike: the records
// under [[kind]] in file order, and the problems (syntax, other keys, records against their
// format, ids used twice), each at its place. Mode::first stops at the first problem, as the
// store does; Mode::all goes on and keeps every table, sound or not, as report --check does.
struct MonthText {
    enum class Mode { first, all };
    std::vector<Record> records;
    std::vector<Problem> problems;
    std::size_t tables = 0;                                // [[kind]] tables read, sound or not
    std::vector<std::pair<std::string, std::size_t>> ids;  // Mode::all: each distinct id, the line of its first use
};
MonthText read_month_text(const std::string& text, const std::filesystem::path& file, const RecordFormat& format,
                          MonthText::Mode mode);

// Parses a month file's text: the records under [[kind]], each validated. Throws Exit::data
// with "file:line:col: what" for the first problem read_month_text() finds.
std::vector<Record> parse_month_text(const std::string& text, const std::filesystem::path& file,
                                     const RecordFormat& format);

// Whether a file name has the shape of a month file, YYYY-MM.toml (12 characters, '-' at 4, not
// hidden): the files the store lists. month_of_file_name() says whether one names a real month.
bool is_month_file_name(std::string_view name);

// The month an id was made in (its first two characters), when they are a valid code.
std::optional<date::year_month> month_of_id(std::string_view id);

}  // namespace tend
