// Shared unit-test helpers: a temp data dir, captured streams with a fixed clock, guards for TZ and umask.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

#include "error.hpp"
#include "io.hpp"
#include "record.hpp"
#include "time.hpp"

namespace tend::test {

// A fresh directory from mkdtemp, removed with everything in it when the test ends.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "tend-unit-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        // A test may leave a directory without write permission; give it back before removing.
        for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_directory(ec))
                std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                             std::filesystem::perm_options::add, ec);
        }
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// 2026-11-21T19:10:00Z, a Saturday: the "now" of every TestIo.
inline std::chrono::system_clock::time_point fixed_now() {
    using namespace std::chrono;
    return date::sys_days{date::year{2026} / 11 / 21} + hours{19} + minutes{10};
}

// An Io whose streams are strings and whose clock is fixed_now().
struct TestIo {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    Io io;

    explicit TestIo(Env env = {}, std::string input = {})
        : in(std::move(input)), io{in, out, err, std::move(env), [] { return fixed_now(); }, false, false, false} {}
};

// Sets TZ (and re-reads it with tzset) for one test, then restores the old value.
class ScopedTz {
public:
    explicit ScopedTz(const char* value) {
        if (const char* old = std::getenv("TZ")) saved_ = old;
        ::setenv("TZ", value, 1);
        ::tzset();
    }
    ~ScopedTz() {
        if (saved_)
            ::setenv("TZ", saved_->c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
    ScopedTz(const ScopedTz&) = delete;
    ScopedTz& operator=(const ScopedTz&) = delete;

private:
    std::optional<std::string> saved_;
};

// Sets the process umask for one test, then restores it.
class ScopedUmask {
public:
    explicit ScopedUmask(mode_t mask) : saved_(::umask(mask)) {}
    ~ScopedUmask() { ::umask(saved_); }
    ScopedUmask(const ScopedUmask&) = delete;
    ScopedUmask& operator=(const ScopedUmask&) = delete;

private:
    mode_t saved_;
};

// Caps the size any regular file may grow to (RLIMIT_FSIZE), with SIGXFSZ ignored so that a
// write past it fails short or with EFBIG, like a full disk. Keep assertions outside its scope:
// a report written to a file could hit the same limit.
class ScopedFileSizeLimit {
public:
    explicit ScopedFileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &saved_limit_);
        saved_handler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = saved_limit_;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~ScopedFileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_limit_);
        std::signal(SIGXFSZ, saved_handler_);
    }
    ScopedFileSizeLimit(const ScopedFileSizeLimit&) = delete;
    ScopedFileSizeLimit& operator=(const ScopedFileSizeLimit&) = delete;

private:
    rlimit saved_limit_{};
    void (*saved_handler_)(int) = nullptr;
};

inline std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) throw std::runtime_error("cannot read " + file.string());
    return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& file, std::string_view bytes) {
    std::ofstream stream(file, std::ios::binary | std::ios::trunc);
    if (!stream) throw std::runtime_error("cannot write " + file.string());
    stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Permission bits (and setuid/setgid/sticky) of a path, without following a final symlink.
inline unsigned mode_of(const std::filesystem::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) throw std::runtime_error("cannot stat " + path.string());
    return static_cast<unsigned>(st.st_mode & 07777);
}

// Every name in a directory, sorted.
inline std::vector<std::string> names_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

inline OffsetTime offset_time(std::string_view rfc3339) {
    return parse_rfc3339(rfc3339, "test");
}
inline Instant instant(std::string_view rfc3339) {
    return offset_time(rfc3339).instant;
}
inline toml::date_time toml_time(std::string_view rfc3339) {
    return to_toml(offset_time(rfc3339));
}

// An instant as UTC RFC 3339 text, so failed checks print something readable.
inline std::string utc(Instant value) {
    return format_rfc3339(OffsetTime{value, std::chrono::minutes{0}});
}
// An instant as wall-clock RFC 3339 in a zone.
inline std::string wall(const Zone& zone, Instant value) {
    return format_rfc3339(in_zone(value, zone));
}

inline LocalDay local_day(int y, unsigned m, unsigned d) {
    return LocalDay{date::year_month_day{date::year{y}, date::month{m}, date::day{d}}};
}

// A check-in with `at` (and `recorded` the same) and a mood.
inline Record checkin_at(std::string_view at, int mood) {
    return Record{{"at", toml_time(at)}, {"recorded", toml_time(at)}, {"mood", mood}};
}

// The tend::Error a call throws, or nullopt when it throws none.
template <typename Call>
std::optional<Error> error_from(Call&& call) {
    try {
        call();
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

}  // namespace tend::test
