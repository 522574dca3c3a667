// Where `report -o` writes: standard output, a stream such as a FIFO or a device, or a file replaced whole.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <ostream>
#include <string_view>

namespace report {

// What an -o path names, after following every symbolic link in it.
struct OutputTarget {
    enum class Kind {
        standard_output,  // "-", /dev/stdout, /dev/fd/1: the bytes go to the tool's standard output
        descriptor,       // /dev/fd/N or /proc/self/fd/N: an already open descriptor, written as it is
        stream,           // a FIFO, a character or block device, or a socket: opened and written directly
        file,             // a regular file, existing or new: replaced atomically, never a link in the way
    };
    Kind kind;
    std::filesystem::path path;  // the path to open or replace: the final target of any links
    int fd = -1;                 // for Kind::descriptor
};

// Follows the links in `path` (up to 40, like the kernel) and says what it leads to. A link is
// never replaced: a file reached through one is replaced where it really is. A directory, or a
// link loop, throws Exit::usage naming -o.
OutputTarget resolve_output(const std::filesystem::path& path);

// Whether the target is a stream rather than a file, so its name's extension says nothing
// about the format.
bool is_stream(const OutputTarget& target);

// Writes all of `bytes` to the target: to `out` for standard output, with one write loop for
// a descriptor or a stream, through an AtomicFile for a file. Failures throw Exit::io with the
// reason (e.g. "No space left on device", "Broken pipe").
void write_output(const OutputTarget& target, std::string_view bytes, std::ostream& out);

}  // namespace report
