// The one place errors are caught and exit codes chosen.
#include "runner.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>

#include "error.hpp"
#include "terminal.hpp"

namespace tend {

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
    Io io{std::cin,
          std::cout,
          std::cerr,
          process_env(),
          [] { return std::chrono::system_clock::now(); },
          isatty(STDIN_FILENO) == 1,
          isatty(STDOUT_FILENO) == 1,
          isatty(STDERR_FILENO) == 1};
    int status = run_tool(tool, argc, argv, io, entry);
    // Output that never arrived is a failure, even after the work itself succeeded.
    std::cout.flush();
    errno = 0;
    if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
        const int saved = errno;
        std::cerr << tool << ": error: standard output: " << (saved ? std::strerror(saved) : "write failed") << '\n';
        if (status == 0) status = static_cast<int>(Exit::failure);
    }
    return status;
}

}  // namespace tend
