// The shared runner: exit codes and messages for everything a tool's entry point can throw.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <new>
#include <stdexcept>

#include "fixtures.hpp"
#include "runner.hpp"

using tend::Exit;
using tend::test::TestIo;

namespace {

struct Run {
    int status;
    std::string out;
    std::string err;
};

Run run(tend::ToolMain entry, std::vector<const char*> args = {"checkin"}) {
    TestIo t;
    const int status = tend::run_tool("checkin", static_cast<int>(args.size()), args.data(), t.io, entry);
    return {status, t.out.str(), t.err.str()};
}

}  // namespace

TEST_CASE("run_tool returns what the entry point returns and prints nothing of its own") {
    const Run ok = run(+[](int, const char* const*, tend::Io& io) {
        io.out << "data\n";
        return 0;
    });
    CHECK(ok.status == 0);
    CHECK(ok.out == "data\n");
    CHECK(ok.err.empty());
    CHECK(run(+[](int, const char* const*, tend::Io&) { return 3; }).status == 3);
}

TEST_CASE("run_tool passes the arguments through") {
    const Run r = run(
        +[](int argc, const char* const* argv, tend::Io& io) {
            for (int i = 0; i < argc; ++i) io.out << argv[i] << '|';
            return argc;
        },
        {"checkin", "6", "--feel", "tired"});
    CHECK(r.status == 4);
    CHECK(r.out == "checkin|6|--feel|tired|");
}

TEST_CASE("a usage error exits 2 with the message and a pointer to --help") {
    const Run r = run(+[](int, const char* const*, tend::Io&) -> int {
        tend::usage_error("--mood: 'x' is not a number from 0 to 10");
    });
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "checkin: error: --mood: 'x' is not a number from 0 to 10\n"
          "Try 'checkin --help' for more information.\n");
}

TEST_CASE("other errors exit with their code and no pointer to --help") {
    struct Case {
        tend::ToolMain entry;
        int status;
        const char* message;
    };
    const Case cases[] = {
        {+[](int, const char* const*, tend::Io&) -> int { tend::fail(Exit::data, "f.toml:3:1: bad"); }, 65,
         "checkin: error: f.toml:3:1: bad\n"},
        {+[](int, const char* const*, tend::Io&) -> int { tend::fail(Exit::io, "disk: full"); }, 74,
         "checkin: error: disk: full\n"},
        {+[](int, const char* const*, tend::Io&) -> int { tend::fail(Exit::locked, "dir: busy"); }, 75,
         "checkin: error: dir: busy\n"},
        {+[](int, const char* const*, tend::Io&) -> int { tend::fail(Exit::failure, "it: broke"); }, 1,
         "checkin: error: it: broke\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.message);
        const Run r = run(c.entry);
        CHECK(r.status == c.status);
        CHECK(r.err == c.message);
        CHECK_FALSE(tend::test::contains(r.err, "--help"));
    }
}

TEST_CASE("an ExitRequest exits with its code silently") {
    const Run yes = run(+[](int, const char* const*, tend::Io&) -> int { throw tend::ExitRequest{Exit::ok}; });
    CHECK(yes.status == 0);
    CHECK(yes.err.empty());
    const Run no = run(+[](int, const char* const*, tend::Io&) -> int { throw tend::ExitRequest{Exit::failure}; });
    CHECK(no.status == 1);
    CHECK(no.err.empty());
    const Run bad = run(+[](int, const char* const*, tend::Io&) -> int { throw tend::ExitRequest{Exit::usage}; });
    CHECK(bad.status == 2);
    CHECK(bad.err.empty());
}

TEST_CASE("any other std::exception exits 1 as an internal error") {
    const Run r = run(+[](int, const char* const*, tend::Io&) -> int { throw std::logic_error("unexpected state"); });
    CHECK(r.status == 1);
    CHECK(r.err == "checkin: error: internal: unexpected state\n");
}

TEST_CASE("running out of memory exits 1 and says so") {
    const Run r = run(+[](int, const char* const*, tend::Io&) -> int { throw std::bad_alloc(); });
    CHECK(r.status == 1);
    CHECK(r.err == "checkin: error: out of memory\n");
}

TEST_CASE("output written before an error is kept") {
    const Run r = run(+[](int, const char* const*, tend::Io& io) -> int {
        io.out << "partial\n";
        tend::fail(Exit::io, "x: y");
    });
    CHECK(r.out == "partial\n");
    CHECK(r.status == 74);
}
