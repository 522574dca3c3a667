// Private files and directories, the data lock, appends and atomic rewrites.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tend {

// Creates `dir` and any missing parents as 0700, whatever the umask. Existing
// directories are left as they are.
void ensure_private_dir(const std::filesystem::path& dir);

// A data directory that is a symbolic link is followed only to a directory owned by this
// user: anything else throws Exit::io, before anything is read or written there.
void check_data_dir_owner(const std::filesystem::path& dir);

// Removes the temp files an AtomicFile leaves when its process is killed (".NAME.tmp.XXXXXX"
// and its ".old" backups) from `dir`. Only for a caller holding the exclusive DataLock,
// which every AtomicFile in the data directory is written under.
void remove_stale_temp_files(const std::filesystem::path& dir);

// Whether a file name is one an AtomicFile writes (".NAME.tmp.XXXXXX", or its ".old" backup).
bool is_temp_file_name(std::string_view name);

// Writes all of `bytes` to `fd`, again after EINTR: 0, or the errno of the write that failed.
int write_all(int fd, std::string_view bytes);

enum class Symlinks { follow, refuse };

// The whole file, or nullopt when it does not exist. Other failures throw Exit::io.
// Data files are read with Symlinks::refuse: one replaced by a link to elsewhere is an error.
std::optional<std::string> read_file_if_exists(const std::filesystem::path& file, Symlinks symlinks = Symlinks::follow);

// An flock on the data directory itself: exclusive for writers, shared for readers.
// Waits up to `timeout` (TEND_LOCK_TIMEOUT seconds, default 10) and then throws Exit::locked.
class DataLock {
public:
    enum class Mode { shared, exclusive };
    DataLock(const std::filesystem::path& data_dir, Mode mode, std::chrono::milliseconds timeout);
    ~DataLock();
    DataLock(const DataLock&) = delete;
    DataLock& operator=(const DataLock&) = delete;

private:
    int fd_ = -1;
};

// The lock timeout from TEND_LOCK_TIMEOUT (seconds, decimals allowed), default 10 s.
std::chrono::milliseconds lock_timeout(const std::optional<std::string>& setting);

// A month file opened for appending: the caller reads `contents`, checks them, then
// appends one block with a single write(). A short or failed write is truncated back to
// the old size, so the file is byte-identical to before; success is fsynced (and the
// directory too when the file is new; a new file whose directory cannot be synced is removed).
class AppendFile {
public:
    explicit AppendFile(const std::filesystem::path& file);
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

// A replacement for a file, written to a temp file beside it. commit() makes it the file
// (fsync, rename, fsync of the directory); when any step fails, the old file is back in place
// as it was. The destructor only discards an uncommitted one.
class AtomicFile {
public:
    explicit AtomicFile(const std::filesystem::path& target);
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
