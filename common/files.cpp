// POSIX file handling for the data directory: the only place that calls open, flock and fsync.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "error.hpp"

namespace tend {
namespace fs = std::filesystem;

void fail_errno(const std::string& where, int errnum, Exit code) {
    throw Error(code, fmt::format("{}: {}", where, std::strerror(errnum)));
}

namespace {

// 0, or the errno of opening or syncing the directory.
int sync_dir(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errno;
    const int saved = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return saved;
}

std::string read_all(int fd, const fs::path& path) {
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail_errno(path.string(), errno);
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    return bytes;
}

// A write that failed before anything changed: say so, so nobody wonders what was lost.
[[noreturn]] void fail_unchanged(const fs::path& file, int errnum) {
    fail(Exit::io, fmt::format("{}: {}; nothing was changed", file.string(), std::strerror(errnum)));
}

// O_NOFOLLOW's ELOOP ("too many levels of symbolic links") would puzzle anyone who made one link.
[[noreturn]] void fail_symlinked(const fs::path& file) {
    fail(Exit::io, fmt::format("{}: is a symbolic link; tend reads and writes its data files only where they "
                               "are, so put the file itself here instead of the link",
                               file.string()));
}

}  // namespace

void check_data_dir_owner(const fs::path& dir) {
    std::string name = dir.string();
    while (name.size() > 1 && name.ends_with('/')) name.pop_back();  // "link/" would name the target
    struct stat link {};
    if (name.empty() || ::lstat(name.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return;
    struct stat target {};
    if (::stat(name.c_str(), &target) != 0) return;  // a dangling link fails later, with its errno
    if (target.st_uid == ::geteuid()) return;
    fail(Exit::io, fmt::format("{}: is a symbolic link to a directory that belongs to another user; tend keeps "
                               "your data only in a directory of your own, so point the link at one of yours "
                               "or set TEND_DATA_DIR",
                               name));
}

bool is_temp_file_name(std::string_view name) {
    return name.starts_with('.') && name.find(".tmp.") != std::string_view::npos;
}

int write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

void remove_stale_temp_files(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        // Under the exclusive lock no AtomicFile is being written, so any temp file is a dead one's.
        if (is_temp_file_name(entry.path().filename().string())) ::unlink(entry.path().c_str());
    }
}

void ensure_private_dir(const fs::path& dir) {
    if (dir.empty()) return;
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) fail(Exit::io, fmt::format("{}: not a directory", dir.string()));
        return;
    }
    if (dir.has_parent_path() && dir.parent_path() != dir) ensure_private_dir(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) fail_errno(dir.string(), errno);
    // mkdir's mode is filtered by the umask; chmod states it exactly.
    if (::chmod(dir.c_str(), 0700) != 0) fail_errno(dir.string(), errno);
}

std::optional<std::string> read_file_if_exists(const fs::path& file, Symlinks symlinks) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | (symlinks == Symlinks::refuse ? O_NOFOLLOW : 0));
    if (fd < 0 && errno == ENOENT) return std::nullopt;
    if (fd < 0 && errno == ELOOP && symlinks == Symlinks::refuse) fail_symlinked(file);
    if (fd < 0) fail_errno(file.string(), errno);
    std::string bytes;
    try {
        bytes = read_all(fd, file);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    return bytes;
}

std::chrono::milliseconds lock_timeout(const std::optional<std::string>& setting) {
    if (!setting || setting->empty()) return std::chrono::seconds{10};
    char* end = nullptr;
    const double seconds = std::strtod(setting->c_str(), &end);
    if (end == setting->c_str() || *end != '\0' || !(seconds >= 0) || seconds > 3600)
        usage_error(fmt::format("TEND_LOCK_TIMEOUT: '{}' is not a number of seconds from 0 to 3600", *setting));
    return std::chrono::milliseconds{static_cast<long long>(seconds * 1000)};
}

DataLock::DataLock(const fs::path& data_dir, Mode mode, std::chrono::milliseconds timeout) {
    check_data_dir_owner(data_dir);
    fd_ = ::open(data_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) fail_errno(data_dir.string(), errno);
    const int operation = (mode == Mode::exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::milliseconds{1};
    // Polling with a bounded wait keeps cron jobs from hanging behind a stuck writer.
    while (::flock(fd_, operation) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int saved = errno;
            ::close(fd_);
            fail_errno(data_dir.string(), saved);
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::close(fd_);
            fail(Exit::locked,
                 fmt::format("{}: another tend program is still writing here (waited {:.1f} s); try again in a moment",
                             data_dir.string(), static_cast<double>(timeout.count()) / 1000.0));
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds{50});
    }
}

DataLock::~DataLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

AppendFile::AppendFile(const fs::path& file) : path_(file) {
    // O_NOFOLLOW: a month file replaced by a symlink is refused rather than followed.
    fd_ = ::open(file.c_str(), O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    if (fd_ < 0 && errno == ENOENT) {
        fd_ = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        created_ = fd_ >= 0;
    }
    if (fd_ < 0 && errno == ELOOP) fail_symlinked(file);
    if (fd_ < 0) fail_errno(file.string(), errno);
    if (created_ && ::fchmod(fd_, 0600) != 0) {
        const int saved = errno;
        ::close(fd_);
        ::unlink(file.c_str());
        fail_errno(file.string(), saved);
    }
    try {
        contents_ = read_all(fd_, file);
    } catch (...) {
        ::close(fd_);
        throw;
    }
}

AppendFile::~AppendFile() {
    if (fd_ < 0) return;
    ::close(fd_);
    // A file this process created but never wrote to is not left behind empty.
    if (created_ && contents_.empty()) ::unlink(path_.c_str());
}

void AppendFile::append(std::string_view block) {
    const auto old_size = static_cast<off_t>(contents_.size());
    ssize_t written;
    do {
        written = ::write(fd_, block.data(), block.size());
    } while (written < 0 && errno == EINTR);
    if (written != static_cast<ssize_t>(block.size())) {
        // A short write (full disk, file size limit) leaves a partial record: cut it off.
        // Writing the rest once more reports why the first write stopped short.
        int saved = written < 0 ? errno : 0;
        if (written >= 0) {
            const std::string_view rest = block.substr(static_cast<std::size_t>(written));
            saved = ::write(fd_, rest.data(), rest.size()) < 0 ? errno : ENOSPC;
        }
        if (::ftruncate(fd_, old_size) != 0) {
            fail(Exit::io, fmt::format("{}: write failed ({}) and the partial record could not be removed ({}); "
                                       "the last lines of the file may need removing by hand",
                                       path_.string(), std::strerror(saved), std::strerror(errno)));
        }
        fail_unchanged(path_, saved);
    }
    if (::fsync(fd_) != 0) {
        const int saved = errno;
        // Best effort: the fsync's error is the one to report, whether this works or not.
        [[maybe_unused]] const int truncated = ::ftruncate(fd_, old_size);
        fail_unchanged(path_, saved);
    }
    if (created_) {
        // A new file is only there for good once its directory entry is; if that cannot be
        // made sure, it goes again (the destructor removes a created file left empty).
        if (const int saved = sync_dir(path_.parent_path()); saved != 0) {
            [[maybe_unused]] const int truncated = ::ftruncate(fd_, 0);
            fail_unchanged(path_, saved);
        }
    }
    contents_.append(block);
}

AtomicFile::AtomicFile(const fs::path& target) : target_(target) {
    std::string pattern = (target.parent_path() / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
    fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);  // mkostemp creates the file 0600
    if (fd_ < 0) fail_unchanged(target, errno);
    temp_ = pattern;
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(temp_.c_str());
    if (!backup_.empty()) ::unlink(backup_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    if (const int errnum = write_all(fd_, bytes); errnum != 0) fail_unchanged(target_, errnum);
}

void AtomicFile::commit() {
    if (::fsync(fd_) != 0) fail_unchanged(target_, errno);
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) fail_unchanged(target_, errno);
    // A second name for the old file, so that a failed sync of the directory can put it back.
    backup_ = temp_.string() + ".old";
    bool had_old = true;
    if (::link(target_.c_str(), backup_.c_str()) != 0) {
        had_old = errno != ENOENT;
        backup_.clear();
    }
    if (::rename(temp_.c_str(), target_.c_str()) != 0) fail_unchanged(target_, errno);
    committed_ = true;
    if (const int saved = sync_dir(target_.parent_path()); saved != 0) {
        const bool restored = !backup_.empty() ? ::rename(backup_.c_str(), target_.c_str()) == 0
                                               : !had_old && ::unlink(target_.c_str()) == 0;
        if (restored) {
            backup_.clear();
            fail_unchanged(target_, saved);
        }
        fail(Exit::io, fmt::format("{}: {}; the change was made but may not last if the machine stops now",
                                   target_.string(), std::strerror(saved)));
    }
    if (!backup_.empty()) ::unlink(backup_.c_str());
    backup_.clear();
}

}  // namespace tend
