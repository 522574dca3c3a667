// The one place errors are caught and exit codes chosen.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>

#include "error.hpp"
#include "files.hpp"
#include "terminal.hpp"

namespace tend {

namespace {

// Standard output through a buffer that keeps the errno of the first write that failed, so
// the runner can say why ("No space left on device", "Broken pipe") however long before the
// end it happened; stdio's error flag alone forgets. Line-buffered on a terminal, like stdio.
class StdoutBuffer : public std::streambuf {
public:
    explicit StdoutBuffer(bool line_buffered) : line_buffered_(line_buffered) { reset(); }
    int error() const { return error_; }

protected:
    int_type overflow(int_type ch) override {
        if (flush_pending() != 0) return traits_type::eof();
        if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
        if (line_buffered_ && traits_type::to_char_type(ch) == '\n' && flush_pending() != 0) return traits_type::eof();
        return ch;
    }
    std::streamsize xsputn(const char* text, std::streamsize count) override {
        const std::streamsize put = std::streambuf::xsputn(text, count);
        if (line_buffered_ && std::memchr(text, '\n', static_cast<std::size_t>(put)) && flush_pending() != 0) return 0;
        return put;
    }
    int sync() override { return flush_pending() == 0 ? 0 : -1; }

private:
    void reset() { setp(buffer_, buffer_ + sizeof buffer_); }
    // Writes what is buffered; after a failure, drops everything, as there is nowhere to put it.
    int flush_pending() {
        const std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        reset();
        if (error_ == 0 && !pending.empty()) error_ = write_all(STDOUT_FILENO, pending);
        return error_;
    }

    char buffer_[8192];
    bool line_buffered_;
    int error_ = 0;
};

}  // namespace

int run_tool(std::string_view tool, int argc, const char* const* argv, Io& io, ToolMain entry) {
    try {
        return entry(argc, argv, io);
    } catch (const ExitRequest& request) {
        return static_cast<int>(request.code);
    } catch (const Error& e) {
        // The last line of defence for a message that quotes input or a path: no escape
        // sequence reaches the terminal, whoever built the message.
        io.err << tool << ": error: " << neutralize(e.what(), true) << '\n';
        if (e.code() == Exit::usage) io.err << "Try '" << tool << " --help' for more information.\n";
        return static_cast<int>(e.code());
    } catch (const std::bad_alloc&) {
        io.err << tool << ": error: out of memory\n";
    } catch (const std::exception& e) {
        io.err << tool << ": error: internal: " << neutralize(e.what(), true) << '\n';
    }
    return static_cast<int>(Exit::failure);
}

int run_main(std::string_view tool, int argc, char** argv, ToolMain entry) {
    StdoutBuffer out_buffer(isatty(STDOUT_FILENO) == 1);
    std::streambuf* const stdio_buffer = std::cout.rdbuf(&out_buffer);
    Io io{std::cin,
          std::cout,
          std::cerr,
          {},
          [] { return std::chrono::system_clock::now(); },
          isatty(STDIN_FILENO) == 1,
          isatty(STDOUT_FILENO) == 1,
          isatty(STDERR_FILENO) == 1,
          true};
    int status = run_tool(tool, argc, argv, io, entry);
    // Output that never arrived is a failure, even after the work itself succeeded.
    std::cout.flush();
    std::cout.rdbuf(stdio_buffer);
    if (!std::cout || out_buffer.error() != 0) {
        const int saved = out_buffer.error();
        std::cerr << tool << ": error: standard output: " << (saved ? std::strerror(saved) : "write failed") << '\n';
        if (status == 0) status = static_cast<int>(Exit::failure);
    }
    return status;
}

}  // namespace tend
