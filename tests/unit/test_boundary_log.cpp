// boundary-log in-process: the commands against captured streams, a fixed clock and a temp data dir.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "boundary_log.hpp"
#include "fixtures.hpp"
#include "runner.hpp"

using tend::test::contains;

namespace {

struct Run {
    int code;
    std::string out;
    std::string err;
};

class Fixture {
public:
    Fixture() : tz_("Europe/London") {}

    Run run(std::vector<std::string> args, std::string input = {}) const {
        args.insert(args.begin(), "boundary-log");
        std::vector<const char*> argv;
        for (const auto& arg : args) argv.push_back(arg.c_str());
        tend::test::TestIo test(env(), std::move(input));
        const int code =
            tend::run_tool("boundary-log", static_cast<int>(argv.size()), argv.data(), test.io, boundary_log::main);
        return {code, test.out.str(), test.err.str()};
    }

    Run ok(std::vector<std::string> args, std::string input = {}) const {
        Run result = run(std::move(args), std::move(input));
        INFO("stderr: " << result.err);
        REQUIRE(result.code == 0);
        return result;
    }

    void write_config(std::string_view text) const { tend::test::write_bytes(dir_ / "config.toml", text); }
    std::filesystem::path data_dir() const { return dir_ / "data"; }
    std::string month_file() const {
        return tend::test::read_bytes(data_dir() / "devices" / "this-device" / "boundary" / "2026-11.toml");
    }

private:
    tend::Env env() const {
        return {{"TEND_DATA_DIR", data_dir().string()},
                {"TEND_CONFIG", (dir_ / "config.toml").string()},
                {"TEND_NOW", "2026-11-21T19:10:00+00:00"},
                {"HOME", dir_.path().string()},
                {"TEND_DEVICE", "this-device"}};
    }

    tend::test::TempDir dir_;
    tend::test::ScopedTz tz_;
};

}  // namespace

TEST_CASE("add prints only the new number on stdout, and numbers go 1, 2, 3") {
    Fixture f;
    const Run first = f.ok({"add", "I leave the room when voices are raised", "--type", "emotional", "--hard"});
    CHECK(first.out == "1\n");
    CHECK(contains(first.err, "Boundary 1 is set."));
    CHECK(f.ok({"add", "No", "calls", "after", "ten", "-q"}).out == "2\n");
    const Run third = f.ok({"add", "Knock first", "--quiet"});
    CHECK(third.out == "3\n");
    CHECK(third.err.empty());
    CHECK(contains(f.month_file(), "text = \"No calls after ten\""));
}

TEST_CASE("an event on an unknown number is a usage error and creates nothing") {
    Fixture f;
    const Run result = f.run({"held", "4"});
    CHECK(result.code == 2);
    CHECK(result.out.empty());
    CHECK(contains(result.err, "boundary-log: error: no boundary 4"));
    CHECK_FALSE(std::filesystem::exists(f.data_dir()));
}

TEST_CASE("violated prints the grounding line with the person's own contacts, even with --quiet") {
    Fixture f;
    f.write_config("[safety]\ncontacts = [\"Sam 07700 900123\"]\ncrisis_line = \"my local line\"\n");
    f.ok({"add", "Knock first", "-q"});
    const Run result = f.ok({"violated", "1", "--quiet"});
    CHECK(result.out.empty());
    CHECK(contains(result.err, "try `breathe`"));
    CHECK(contains(result.err, "Sam 07700 900123"));
    CHECK(contains(result.err, "my local line"));
    CHECK_FALSE(contains(result.err, "Logged"));
}

TEST_CASE("an intensity at the distress threshold prints the grounding line, below it nothing") {
    Fixture f;
    f.write_config("[safety]\nthreshold = 7\n");
    f.ok({"add", "Knock first", "-q"});
    CHECK_FALSE(contains(f.ok({"tested", "1", "--intensity", "6"}).err, "breathe"));
    CHECK(contains(f.ok({"tested", "1", "--intensity", "7"}).err, "breathe"));
    CHECK_FALSE(contains(f.ok({"crossed", "1"}).err, "breathe"));
}

TEST_CASE("crossed reminds the person of what they said they would do") {
    Fixture f;
    f.ok({"add", "Knock first", "--if-crossed", "I ask for a minute alone", "-q"});
    CHECK(contains(f.ok({"crossed", "1"}).err, "What you said you'd do: I ask for a minute alone"));
}

TEST_CASE("a note given as '-' is read from standard input") {
    Fixture f;
    f.ok({"add", "Knock first", "-q"});
    f.ok({"held", "1", "--note", "-"}, "it went\nbetter than I feared\n");
    CHECK(contains(f.month_file(), "note = \"it went\\nbetter than I feared\"\n"));
}

TEST_CASE("list and show neutralise escape sequences in text the person typed") {
    Fixture f;
    f.ok({"add", "Knock \x1b[31mfirst\x1b[0m", "--with", "a\x1b]0;title\x07b", "-q"});
    f.ok({"held", "1", "--note", "fine\x1b[2J"});
    const Run list = f.ok({"list"});
    CHECK_FALSE(contains(list.out, "\x1b"));
    CHECK(contains(list.out, "Knock \\x1b[31mfirst"));
    const Run show = f.ok({"show", "1"});
    CHECK_FALSE(contains(show.out, "\x1b"));
    CHECK_FALSE(contains(show.out, "\x07"));
    CHECK(contains(show.out, "fine\\x1b[2J"));
}

TEST_CASE("renegotiated keeps the old wording in the timeline and shows the new one") {
    Fixture f;
    f.ok({"add", "No calls after ten", "-q"});
    f.ok({"renegotiated", "1", "--text", "No calls after nine"});
    const Run list = f.ok({"list"});
    CHECK(contains(list.out, "No calls after nine"));
    CHECK_FALSE(contains(list.out, "after ten"));
    const Run show = f.ok({"show", "1"});
    CHECK(contains(show.out, "added         No calls after ten"));
    CHECK(contains(show.out, "renegotiated  now: No calls after nine"));
}

TEST_CASE("a retired boundary leaves the list, takes no events, and is still shown") {
    Fixture f;
    f.ok({"add", "Knock first", "-q"});
    f.ok({"retired", "1", "-q"});
    const Run list = f.ok({"list"});
    CHECK(list.out.empty());
    CHECK(contains(list.err, "No active boundaries"));
    CHECK(contains(f.ok({"list", "--all"}).out, "(retired)"));
    const Run held = f.run({"held", "1"});
    CHECK(held.code == 2);
    CHECK(contains(held.err, "boundary 1 is retired"));
    CHECK(f.ok({"add", "Ask before borrowing", "-q"}).out == "2\n");
}
