// POSIX file handling for the data directory: the only place that calls open, flock and fsync.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>
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

}  // namespace

void sync_directory(const fs::path& dir) {
    if (const int saved = sync_dir(dir); saved != 0) fail_errno(dir.string(), saved);
}

namespace {

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

std::string_view type_name(mode_t mode) {
    if (S_ISREG(mode)) return "a regular file";
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "a device";
}

[[noreturn]] void fail_type(const fs::path& path, mode_t mode, FileType wanted) {
    fail(Exit::io,
         fmt::format("{}: is {}, not {}; tend reads and writes only its own plain files here, so "
                     "move it away and run the command again",
                     path.string(), type_name(mode), wanted == FileType::directory ? "a directory" : "a file"));
}

[[noreturn]] void fail_foreign(const fs::path& path) {
    fail(Exit::failure, fmt::format("{}: belongs to another user on this machine, so tend has not read or written "
                                    "it; tend keeps your data only in files and directories of your own. Set "
                                    "TEND_DATA_DIR to a directory of yours, or move this one away",
                                    path.string()));
}

// Why open() failed on something that is there but is not what tend expects: says what it is.
[[noreturn]] void fail_open(const fs::path& path, int errnum, FileType wanted) {
    struct stat st {};
    if ((errnum == ENXIO || errnum == EISDIR || errnum == ENOTDIR || errnum == ENODEV || errnum == EOPNOTSUPP) &&
        ::lstat(path.c_str(), &st) == 0)
        fail_type(path, st.st_mode, wanted);
    fail_errno(path.string(), errnum);
}

// Reads the whole of `fd` and closes it, on every path out; `check_regular` first makes sure it
// is a plain file (a FIFO opened O_NONBLOCK would read as empty, a directory fails oddly).
std::string read_and_close(int fd, const fs::path& path, bool check_regular) {
    std::string bytes;
    try {
        struct stat st {};
        if (check_regular && ::fstat(fd, &st) != 0) fail_errno(path.string(), errno);
        if (check_regular && !S_ISREG(st.st_mode)) fail_type(path, st.st_mode, FileType::regular);
        bytes = read_all(fd, path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    return bytes;
}

constexpr std::string_view journal_name = "journal";
constexpr std::string_view pending_prefix = "pending-";

// A new file in `dir` named prefix + six random characters + suffix, 0600.
int make_temp(const fs::path& dir, std::string_view prefix, std::string_view suffix, fs::path& path) {
    std::string pattern = (dir / (std::string(prefix) + "XXXXXX" + std::string(suffix))).string();
    const int fd = suffix.empty() ? ::mkostemp(pattern.data(), O_CLOEXEC)  // created 0600
                                  : ::mkostemps(pattern.data(), static_cast<int>(suffix.size()), O_CLOEXEC);
    if (fd >= 0) path = pattern;
    return fd;
}

bool unsafe_relative(const fs::path& rel) {
    if (rel.empty() || rel.is_absolute()) return true;
    return std::any_of(rel.begin(), rel.end(), [](const fs::path& part) { return part == ".." || part == "."; });
}

// Finishes a transaction whose journal survived: every temp file it names still in the staging
// directory is renamed over its target, and the targets' directories are synced.
void finish_journal(const fs::path& data_dir, const fs::path& staging) {
    const auto text = read_file_if_exists(staging / journal_name, Symlinks::refuse);
    if (!text) return;
    std::set<fs::path> dirs;
    std::string_view rest = *text;
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        if (line.substr(0, tab) == "rm") {
            // A file of the staging room that the transaction used up (a kept record it landed).
            const fs::path name = std::string(line.substr(tab + 1));
            if (!name.has_parent_path() && !unsafe_relative(name)) ::unlink((staging / name).c_str());
            continue;
        }
        if (line.substr(0, tab) == "del") {
            const fs::path rel = std::string(line.substr(tab + 1));
            if (unsafe_relative(rel)) continue;
            if (::unlink((data_dir / rel).c_str()) != 0 && errno != ENOENT)
                fail_errno((data_dir / rel).string(), errno);
            dirs.insert((data_dir / rel).parent_path());
            continue;
        }
        const fs::path temp = staging / std::string(line.substr(0, tab));
        const fs::path rel = std::string(line.substr(tab + 1));
        if (unsafe_relative(rel) || fs::path(std::string(line.substr(0, tab))).has_parent_path()) continue;
        const fs::path target = data_dir / rel;
        if (::rename(temp.c_str(), target.c_str()) != 0 && errno != ENOENT) fail_errno(target.string(), errno);
        dirs.insert(target.parent_path());
    }
    for (const auto& dir : dirs)
        if (const int saved = sync_dir(dir); saved != 0) fail_errno(dir.string(), saved);
    if (::unlink((staging / journal_name).c_str()) != 0 && errno != ENOENT) fail_errno(staging.string(), errno);
}

// 0, or the errno of making the staging directory (0700). `durable`: its entry in the data
// directory is synced too, as a journal or a kept record inside it must outlast a crash.
int make_staging(const fs::path& data_dir, bool durable) {
    const fs::path dir = data_dir / ".staging";
    if (::mkdir(dir.c_str(), 0700) == 0) {
        if (::chmod(dir.c_str(), 0700) != 0) return errno;
    } else if (errno != EEXIST) {
        return errno;
    }
    return durable ? sync_dir(data_dir) : 0;
}

}  // namespace

fs::path staging_dir(const fs::path& data_dir) {
    return data_dir / ".staging";
}

fs::path ensure_staging_dir(const fs::path& data_dir, const fs::path& for_file) {
    if (const int errnum = make_staging(data_dir, false); errnum != 0) fail_unchanged(for_file, errnum);
    return staging_dir(data_dir);
}

void check_private_fd(int fd, const fs::path& path, FileType type, const Warn& warn) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) fail_errno(path.string(), errno);
    if (st.st_uid != ::geteuid()) fail_foreign(path);
    if (type == FileType::directory ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) fail_type(path, st.st_mode, type);
    const auto mode = static_cast<unsigned>(st.st_mode & 07777);
    if ((mode & 077) == 0) return;
    // Someone's own file made readable by git clone, cp or an editor: made private again,
    // with one word about it (the next run finds it private and says nothing).
    const auto tightened = static_cast<mode_t>(type == FileType::directory ? 0700 : (mode & 0700) | 0600);
    if (::fchmod(fd, tightened) != 0) fail_errno(path.string(), errno);
    if (warn)
        warn(fmt::format("{}: others on this machine could {} it (mode {:04o}); tend made it private ({:04o})",
                         path.string(), (mode & 022) != 0 ? "read and change" : "read", mode,
                         static_cast<unsigned>(tightened)));
}

int open_private(const fs::path& path, int flags, FileType type, const Warn& warn, bool follow) {
    const int fd = ::open(path.c_str(), flags | O_NONBLOCK | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
    if (fd < 0 && errno == ENOENT) return -1;
    if (fd < 0 && errno == ELOOP && !follow) fail_symlinked(path);
    if (fd < 0) fail_open(path, errno, type);
    try {
        check_private_fd(fd, path, type, warn);
    } catch (...) {
        ::close(fd);
        throw;
    }
    return fd;
}

std::optional<std::string> read_private_file(const fs::path& file, const Warn& warn) {
    const int fd = open_private(file, O_RDONLY, FileType::regular, warn);
    if (fd < 0) return std::nullopt;
    return read_and_close(fd, file, false);
}

void tidy_staging(const fs::path& data_dir) {
    const fs::path staging = staging_dir(data_dir);
    const int dir_fd = open_private(staging, O_RDONLY | O_DIRECTORY, FileType::directory, {});
    if (dir_fd < 0) return;
    DIR* dir = ::fdopendir(dir_fd);
    if (!dir) {
        const int saved = errno;
        ::close(dir_fd);
        fail_errno(staging.string(), saved);
    }
    try {
        finish_journal(data_dir, staging);
    } catch (...) {
        ::closedir(dir);
        throw;
    }
    // Editors and writers of kept records hold a shared flock on the room while they work
    // there (without the data lock); when none does, their files are a dead process's.
    const bool nobody_inside = ::flock(dir_fd, LOCK_EX | LOCK_NB) == 0;
    bool empty = true;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name == "." || name == "..") continue;
        const bool pending = name.starts_with(pending_prefix) && name.ends_with(".toml");
        const bool in_use = !nobody_inside && (name.starts_with("edit-") || name.starts_with("part-"));
        // Under the exclusive data lock no rewrite is under way, so every other file is left over.
        if (pending || in_use || ::unlinkat(dir_fd, entry->d_name, 0) != 0) empty = false;
    }
    ::closedir(dir);
    if (empty) ::rmdir(staging.c_str());  // fails harmlessly if someone came in meanwhile
}

int enter_staging(const fs::path& data_dir, bool durable) {
    const fs::path staging = staging_dir(data_dir);
    for (int attempt = 0;; ++attempt) {
        if (const int errnum = make_staging(data_dir, durable); errnum != 0) fail_errno(staging.string(), errnum);
        const int fd = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        // Removed as empty by a tidy in the instant between: make it once more.
        if (fd < 0 && errno == ENOENT && attempt == 0) continue;
        if (fd < 0) fail_errno(staging.string(), errno);
        if (::flock(fd, LOCK_SH) != 0) {
            const int saved = errno;
            ::close(fd);
            fail_errno(staging.string(), saved);
        }
        // Between the mkdir and the flock a tidy may have removed the room: check it is the one there.
        struct stat held {
        }, there{};
        if (::fstat(fd, &held) == 0 && ::stat(staging.c_str(), &there) == 0 && held.st_ino == there.st_ino) return fd;
        ::close(fd);
        if (attempt > 2) fail_errno(staging.string(), ENOENT);
    }
}

void commit_together(const fs::path& data_dir, const std::vector<std::pair<fs::path, std::string>>& files,
                     const std::vector<fs::path>& used_up) {
    const fs::path staging = staging_dir(data_dir);
    if (files.empty()) return;
    if (const int errnum = make_staging(data_dir, true); errnum != 0) fail_unchanged(files.front().first, errnum);
    std::vector<fs::path> temps;
    const auto discard = [&] {
        for (const auto& temp : temps) ::unlink(temp.c_str());
    };
    std::string journal;
    try {
        for (const auto& [target, bytes] : files) {
            fs::path temp;
            const int fd = make_temp(staging, "tmp-", "", temp);
            if (fd < 0) fail_unchanged(target, errno);
            temps.push_back(temp);
            int errnum = write_all(fd, bytes);
            if (errnum == 0 && ::fsync(fd) != 0) errnum = errno;
            if (::close(fd) != 0 && errnum == 0) errnum = errno;
            if (errnum != 0) fail_unchanged(target, errnum);
            journal += temp.filename().string() + "\t" + fs::relative(target, data_dir).string() + "\n";
        }
        for (const auto& file : used_up) {
            if (file.parent_path() == staging)
                journal += "rm\t" + file.filename().string() + "\n";
            else  // a data file the change folds into another (such as a sync engine's conflict copy)
                journal += "del\t" + fs::relative(file, data_dir).string() + "\n";
        }
        fs::path temp;
        const int fd = make_temp(staging, "tmp-journal-", "", temp);
        if (fd < 0) fail_unchanged(files.front().first, errno);
        temps.push_back(temp);
        int errnum = write_all(fd, journal);
        if (errnum == 0 && ::fsync(fd) != 0) errnum = errno;
        if (::close(fd) != 0 && errnum == 0) errnum = errno;
        if (errnum == 0 && ::rename(temp.c_str(), (staging / journal_name).c_str()) != 0) errnum = errno;
        if (errnum != 0) fail_unchanged(files.front().first, errnum);
        temps.pop_back();
        if (const int saved = sync_dir(staging); saved != 0) {
            ::unlink((staging / journal_name).c_str());
            fail_unchanged(files.front().first, saved);
        }
    } catch (...) {
        discard();
        throw;
    }
    // From here the change is made: the journal finishes it even if this process stops now.
    finish_journal(data_dir, staging);
}

fs::path write_pending(const fs::path& data_dir, std::string_view bytes) {
    const fs::path staging = staging_dir(data_dir);
    const int room = enter_staging(data_dir, true);
    fs::path part;
    const int fd = make_temp(staging, "part-", ".toml", part);
    int errnum = fd < 0 ? errno : write_all(fd, bytes);
    if (errnum == 0 && ::fsync(fd) != 0) errnum = errno;
    if (fd >= 0 && ::close(fd) != 0 && errnum == 0) errnum = errno;
    const fs::path final_path = staging / (std::string(pending_prefix) + part.filename().string().substr(5));
    if (errnum == 0 && ::rename(part.c_str(), final_path.c_str()) != 0) errnum = errno;
    if (errnum == 0) errnum = sync_dir(staging);
    ::close(room);
    if (errnum != 0) {
        if (fd >= 0) ::unlink(part.c_str());
        fail_errno(staging.string(), errnum);
    }
    return final_path;
}

std::vector<fs::path> pending_files(const fs::path& data_dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(staging_dir(data_dir), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with(pending_prefix) && name.ends_with(".toml")) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

void check_data_dir_owner(const fs::path& dir) {
    std::string name = dir.string();
    while (name.size() > 1 && name.ends_with('/')) name.pop_back();  // "link/" would name the target
    struct stat link {};
    if (name.empty() || ::lstat(name.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return;
    struct stat target {};
    if (::stat(name.c_str(), &target) != 0) return;  // a dangling link fails later, with its errno
    if (target.st_uid == ::geteuid()) return;
    fail(Exit::failure, fmt::format("{}: is a symbolic link to a directory that belongs to another user; tend keeps "
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

void ensure_private_dir(const fs::path& dir) {
    if (dir.empty()) return;
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) fail(Exit::io, fmt::format("{}: not a directory", dir.string()));
        return;
    }
    if (dir.has_parent_path() && dir.parent_path() != dir) ensure_private_dir(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno == EEXIST) return;  // made by another process just now
        fail_errno(dir.string(), errno);
    }
    // mkdir's mode is filtered by the umask; chmod states it exactly.
    if (::chmod(dir.c_str(), 0700) != 0) fail_errno(dir.string(), errno);
    // The new entry lasts only once its parent is synced: the first record of a kind is not
    // acknowledged before its directory is there for good.
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    if (const int saved = sync_dir(parent); saved != 0) fail_errno(parent.string(), saved);
}

std::optional<std::string> read_file_if_exists(const fs::path& file, Symlinks symlinks) {
    // O_NONBLOCK: a FIFO put where a file belongs must not hang the tool in open().
    const int fd =
        ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | (symlinks == Symlinks::refuse ? O_NOFOLLOW : 0));
    if (fd < 0 && errno == ENOENT) return std::nullopt;
    if (fd < 0 && errno == ELOOP && symlinks == Symlinks::refuse) fail_symlinked(file);
    if (fd < 0) fail_open(file, errno, FileType::regular);
    return read_and_close(fd, file, true);
}

std::chrono::milliseconds lock_timeout(const std::optional<std::string>& setting) {
    if (!setting || setting->empty()) return std::chrono::seconds{10};
    char* end = nullptr;
    const double seconds = std::strtod(setting->c_str(), &end);
    if (end == setting->c_str() || *end != '\0' || !(seconds >= 0) || seconds > 3600)
        usage_error(fmt::format("TEND_LOCK_TIMEOUT: '{}' is not a number of seconds from 0 to 3600", *setting));
    return std::chrono::milliseconds{static_cast<long long>(seconds * 1000)};
}

namespace {

// Polls for the flock until `deadline`, so cron jobs never hang behind a stuck writer.
bool lock_until(int fd, int operation, std::chrono::steady_clock::time_point deadline, const fs::path& dir) {
    auto pause = std::chrono::milliseconds{1};
    while (::flock(fd, operation | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) fail_errno(dir.string(), errno);
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds{50});
    }
    return true;
}

}  // namespace

bool DataLock::acquire(const fs::path& data_dir, Mode mode, std::chrono::milliseconds timeout, const Warn& warn) {
    check_data_dir_owner(data_dir);
    fd_ = open_private(data_dir, O_RDONLY | O_DIRECTORY, FileType::directory, warn, true);
    if (fd_ < 0) fail_errno(data_dir.string(), ENOENT);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    try {
        if (!lock_until(fd_, mode == Mode::exclusive ? LOCK_EX : LOCK_SH, deadline, data_dir)) {
            ::close(fd_);
            fd_ = -1;
            return false;
        }
        // The one who holds the lock alone finishes what a killed one left (see tidy_staging).
        if (mode == Mode::exclusive) tidy_staging(data_dir);
    } catch (...) {
        ::close(fd_);
        fd_ = -1;
        throw;
    }
    return true;
}

DataLock::DataLock(const fs::path& data_dir, Mode mode, std::chrono::milliseconds timeout, const Warn& warn) {
    if (!acquire(data_dir, mode, timeout, warn))
        fail(Exit::locked,
             fmt::format("{}: another tend program is still writing here (waited {:.1f} s); try again in a moment",
                         data_dir.string(), static_cast<double>(timeout.count()) / 1000.0));
}

std::optional<DataLock> DataLock::try_exclusive(const fs::path& data_dir, std::chrono::milliseconds timeout,
                                                const Warn& warn) {
    DataLock lock;
    if (!lock.acquire(data_dir, Mode::exclusive, timeout, warn)) return std::nullopt;
    return lock;
}

DataLock::~DataLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

AppendFile::AppendFile(const fs::path& file, const Warn& warn) : path_(file) {
    // A month file replaced by a symlink, a FIFO or another user's file is refused.
    fd_ = open_private(file, O_RDWR | O_APPEND, FileType::regular, warn);
    if (fd_ < 0) {
        fd_ = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        created_ = fd_ >= 0;
    }
    if (fd_ < 0 && errno == ELOOP) fail_symlinked(file);
    if (fd_ < 0) fail_open(file, errno, FileType::regular);
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

AtomicFile::AtomicFile(const fs::path& target, const fs::path& temp_dir) : target_(target) {
    std::string pattern = temp_dir.empty()
                              ? (target.parent_path() / ("." + target.filename().string() + ".tmp.XXXXXX")).string()
                              : (temp_dir / ("tmp-" + target.filename().string() + ".XXXXXX")).string();
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
