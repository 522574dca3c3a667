// report -o: follows links to what they name, writes streams in place and replaces only regular files.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>
#include <string>

#include "error.hpp"
#include "files.hpp"
#include "terminal.hpp"

namespace report {

namespace fs = std::filesystem;

namespace {

// Linux resolves at most 40 links in a path; a chain longer than that is a loop.
constexpr int max_links = 40;

// The descriptor a path names by itself (/dev/stdout, /dev/fd/3, /proc/self/fd/3), read from
// its spelling: opening these would reopen the file behind the descriptor at offset 0 or, for
// a file, replace it under the shell's `>>`.
std::optional<int> named_descriptor(const std::string& path) {
    if (path == "/dev/stdout") return 1;
    if (path == "/dev/stderr") return 2;
    for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"}) {
        if (!path.starts_with(prefix)) continue;
        const std::string_view digits = std::string_view(path).substr(prefix.size());
        int fd = -1;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), fd);
        if (ec == std::errc() && end == digits.data() + digits.size() && !digits.empty()) return fd;
    }
    return std::nullopt;
}

std::string shown(const fs::path& path) {
    return tend::neutralize(path.string());
}

// A Unix socket takes bytes through connect(), not open(): a stream socket, or a datagram one.
int connect_socket(const fs::path& path) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string name = path.string();
    if (name.size() >= sizeof(address.sun_path)) return -ENAMETOOLONG;
    std::memcpy(address.sun_path, name.c_str(), name.size() + 1);
    int last_error = 0;
    for (const int type : {SOCK_STREAM, SOCK_SEQPACKET, SOCK_DGRAM}) {
        const int fd = ::socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
        if (fd < 0) return -errno;
        if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0) return fd;
        last_error = errno;
        ::close(fd);
        if (last_error != EPROTOTYPE) break;
    }
    return -last_error;
}

void write_stream(const fs::path& path, std::string_view bytes) {
    // No O_CREAT and no O_TRUNC: the stream is there and is written as it is. O_NOCTTY keeps a
    // terminal device from becoming the controlling terminal.
    int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 && errno == ENXIO) {
        fd = connect_socket(path);
        if (fd < 0) tend::fail_errno(shown(path), -fd);
    }
    if (fd < 0) tend::fail_errno(shown(path), errno);
    const int written = tend::write_all(fd, bytes);
    const int closed = ::close(fd) == 0 ? 0 : errno;
    if (written != 0) tend::fail_errno(shown(path), written);
    if (closed != 0 && closed != EINTR) tend::fail_errno(shown(path), closed);
}

}  // namespace

OutputTarget resolve_output(const fs::path& given) {
    if (given == "-") return {OutputTarget::Kind::standard_output, given};
    fs::path path = fs::absolute(given);
    for (int links = 0; links <= max_links; ++links) {
        if (const auto fd = named_descriptor(path.lexically_normal().string())) {
            if (*fd == 1) return {OutputTarget::Kind::standard_output, path};
            return {OutputTarget::Kind::descriptor, path, *fd};
        }
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0) {
            if (errno == ENOENT) return {OutputTarget::Kind::file, path};
            tend::fail_errno(shown(path), errno);
        }
        if (S_ISREG(st.st_mode)) return {OutputTarget::Kind::file, path};
        if (S_ISDIR(st.st_mode))
            tend::usage_error(fmt::format("-o: '{}' is a directory; name a file in it", shown(given)));
        if (!S_ISLNK(st.st_mode)) return {OutputTarget::Kind::stream, path};
        std::error_code ec;
        const fs::path target = fs::read_symlink(path, ec);
        if (ec) tend::fail_errno(shown(path), ec.value());
        path = target.is_absolute() ? target : path.parent_path() / target;
    }
    tend::usage_error(fmt::format("-o: '{}': too many levels of symbolic links", shown(given)));
}

bool is_stream(const OutputTarget& target) {
    return target.kind != OutputTarget::Kind::file;
}

void write_output(const OutputTarget& target, std::string_view bytes, std::ostream& out) {
    switch (target.kind) {
        case OutputTarget::Kind::standard_output:
            out << bytes;
            return;
        case OutputTarget::Kind::descriptor:
            if (const int errnum = tend::write_all(target.fd, bytes); errnum != 0)
                tend::fail_errno(shown(target.path), errnum);
            return;
        case OutputTarget::Kind::stream:
            write_stream(target.path, bytes);
            return;
        case OutputTarget::Kind::file: {
            tend::AtomicFile file(target.path);
            file.write(bytes);
            file.commit();
            return;
        }
    }
}

}  // namespace report
