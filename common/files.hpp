// Private files and directories, the data lock, appends and atomic rewrites.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tend {

// Where tend says that it tightened the mode of a file of the user's own (one warning each).
using Warn = std::function<void(const std::string&)>;

// Creates `dir` and any missing parents as 0700, whatever the umask; each new directory's
// parent is fsynced, so the new entry lasts. Existing directories are left as they are.
void ensure_private_dir(const std::filesystem::path& dir);

// A data directory that is a symbolic link is followed only to a directory owned by this
// user: anything else throws Exit::failure, before anything is read or written there.
void check_data_dir_owner(const std::filesystem::path& dir);

// What a file tend opens in the data directory must be.
enum class FileType { regular, directory };

// Checks what `fd` (opened from `path`) is, as ssh checks a key: owned by this user (else
// Exit::failure, "belongs to another user"), of the right type (a FIFO, socket, device or
// directory in place of a file is Exit::io, never a hang), and private: a file or directory of
// the user's own that others may read or write is tightened to 0600 / 0700, with one warning.
void check_private_fd(int fd, const std::filesystem::path& path, FileType type, const Warn& warn);

// Opens a data file or directory with O_NOFOLLOW|O_NONBLOCK|O_CLOEXEC (plus `flags`) and
// checks it with check_private_fd(); -1 when it does not exist (ENOENT). A symbolic link is
// refused with a plain message; other failures throw Exit::io. `follow` allows a link, for
// the data directory itself.
int open_private(const std::filesystem::path& path, int flags, FileType type, const Warn& warn, bool follow = false);

// The data directory's private working room, ".staging": temp files of rewrites and their
// backups, editor buffers while the editor is open, records waiting for the lock, and the
// journal of a transaction over several files. Nothing outside tend reads it.
std::filesystem::path staging_dir(const std::filesystem::path& data_dir);

// Makes the staging directory (0700) for a temp file that will replace `for_file`; a failure
// throws Exit::io naming that file, "nothing was changed". Returns the directory.
std::filesystem::path ensure_staging_dir(const std::filesystem::path& data_dir, const std::filesystem::path& for_file);

// Under the exclusive DataLock: finishes a transaction whose journal is there (renaming its
// files into place), then removes every leftover in the staging directory (a killed rewrite's
// temp file or backup, the buffer of an editor that is no longer open), and the directory
// itself when it is empty. Records waiting for the lock ("pending-*.toml") are left for the
// store. One directory read; none at all when there is no staging directory.
void tidy_staging(const std::filesystem::path& data_dir);

// Writes the records of a transaction into place as one: every file is written and fsynced
// to a temp file, then a journal naming them is made durable, then each is renamed over its
// target. A kill before the journal leaves every file as it was; after it, tidy_staging()
// (run by the next tend program that takes the lock) finishes the renames. Each pair is
// {target, new contents}. `used_up` names files that go with the change, removed with it:
// in the staging room, kept records it lands (so they land exactly once); elsewhere in the
// data directory, files whose contents it folds into the targets.
void commit_together(const std::filesystem::path& data_dir,
                     const std::vector<std::pair<std::filesystem::path, std::string>>& files,
                     const std::vector<std::filesystem::path>& used_up = {});

// Makes the staging directory if need be and returns an fd holding a shared flock on it: while
// it is open, tidy_staging() leaves editor buffers ("edit-*") and records being kept ("part-*")
// alone, since their owner is alive. Close it when done. `durable`: see commit_together().
int enter_staging(const std::filesystem::path& data_dir, bool durable);

// Writes `bytes` to a new file "pending-XXXXXX.toml" in the staging directory without the
// data lock (inside enter_staging()): a record kept privately until a tend program gets the
// lock. Returns its path.
std::filesystem::path write_pending(const std::filesystem::path& data_dir, std::string_view bytes);

// The pending files waiting in the staging directory, oldest name first.
std::vector<std::filesystem::path> pending_files(const std::filesystem::path& data_dir);

// fsyncs a directory, so that the entries made or renamed in it last; Exit::io when it cannot.
void sync_directory(const std::filesystem::path& dir);

// Whether a file name is one an AtomicFile writes (".NAME.tmp.XXXXXX", or its ".old" backup).
bool is_temp_file_name(std::string_view name);

// Writes all of `bytes` to `fd`, again after EINTR: 0, or the errno of the write that failed.
int write_all(int fd, std::string_view bytes);

enum class Symlinks { follow, refuse };

// The whole file, or nullopt when it does not exist. Other failures throw Exit::io.
// Data files are read with Symlinks::refuse: one replaced by a link to elsewhere is an error.
// It is opened O_NONBLOCK and must be a regular file: a FIFO or device never hangs a tool.
std::optional<std::string> read_file_if_exists(const std::filesystem::path& file, Symlinks symlinks = Symlinks::follow);

// A data file, checked as open_private() does (owner, type, private mode), read whole.
std::optional<std::string> read_private_file(const std::filesystem::path& file, const Warn& warn);

// An flock on the data directory itself: exclusive for writers, shared for readers.
// Waits up to `timeout` (TEND_LOCK_TIMEOUT seconds, default 10) and then throws Exit::locked.
// The data directory is checked as open_private() does. Taking the exclusive lock tidies the
// staging directory first; a shared lock does so too when there is something to tidy and
// the exclusive lock is free at once, so a reader always sees a finished transaction.
class DataLock {
public:
    enum class Mode { shared, exclusive };
    DataLock(const std::filesystem::path& data_dir, Mode mode, std::chrono::milliseconds timeout,
             const Warn& warn = {});
    ~DataLock();
    DataLock(const DataLock&) = delete;
    DataLock& operator=(const DataLock&) = delete;

    // Like the constructor with Mode::exclusive, but nullopt instead of Exit::locked.
    static std::optional<DataLock> try_exclusive(const std::filesystem::path& data_dir,
                                                 std::chrono::milliseconds timeout, const Warn& warn = {});

private:
    DataLock() = default;
    bool acquire(const std::filesystem::path& data_dir, Mode mode, std::chrono::milliseconds timeout, const Warn& warn);
    int fd_ = -1;

public:
    DataLock(DataLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
};

// A TEND_LOCK_TIMEOUT setting (seconds, decimals allowed) as a wait, 10 s when unset or
// empty; a usage error otherwise. Session::lock_wait() is the one reader of the variable.
std::chrono::milliseconds lock_timeout(const std::optional<std::string>& setting);

// A month file opened for appending: the caller reads `contents`, checks them, then
// appends one block with a single write(). A short or failed write is truncated back to
// the old size, so the file is byte-identical to before; success is fsynced (and the
// directory too when the file is new; a new file whose directory cannot be synced is removed).
class AppendFile {
public:
    explicit AppendFile(const std::filesystem::path& file, const Warn& warn = {});
    ~AppendFile();
    AppendFile(const AppendFile&) = delete;
    AppendFile& operator=(const AppendFile&) = delete;

    const std::string& contents() const { return contents_; }
    void append(std::string_view block);

private:
    std::filesystem::path path_;
    int fd_ = -1;
    bool created_ = false;
    std::string contents_;
};

// A replacement for a file, written to a temp file beside it (or in `temp_dir`, on the same
// file system: the data directory's staging room, so no temp file or backup of private text
// is ever left among the records). commit() makes it the file (fsync, rename, fsync of the
// directory); when any step fails, the old file is back in place as it was. The destructor
// only discards an uncommitted one.
class AtomicFile {
public:
    explicit AtomicFile(const std::filesystem::path& target, const std::filesystem::path& temp_dir = {});
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes);
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    std::filesystem::path backup_;
    int fd_ = -1;
    bool committed_ = false;
};

}  // namespace tend
