// breathe's commands in-process: sessions on a fake clock, logging, ratings, --json, --list and log.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>

#include "breathe.hpp"
#include "breathe_record.hpp"
#include "fixtures.hpp"
#include "store.hpp"
#include "test_breathe_fakes.hpp"

namespace breathe::test {
namespace {

using tend::test::contains;

struct Fixture {
    tend::test::TempDir dir;
    tend::test::TestIo io;
    FakeClock clock;

    explicit Fixture(std::string config = {}, std::string input = {})
        : io(tend::Env{{"TEND_DATA_DIR", (dir / "data").string()},
                       {"TEND_CONFIG", (dir / "config.toml").string()},
                       {"TEND_NOW", "2026-11-21T19:10:00+00:00"},
                       {"HOME", dir.path().string()},
                       {"TEND_DEVICE", "this-device"},
                       {"TZ", "UTC"}},
             std::move(input)) {
        if (!config.empty()) tend::test::write_bytes(dir / "config.toml", config);
    }

    int run(const Options& options, std::vector<std::pair<Duration, char>> keys = {}, PendingSignal signal = {}) {
        tend::Session session("breathe", io.io, options.common);
        for (auto& key : keys) key.first += clock.now() - clock.start;  // key times count from this run's start
        ScriptedKeys key_source(std::move(keys));
        Devices devices{clock, key_source, std::move(signal)};
        return run_with(options, session, devices);
    }

    // Runs breathe's real command line in-process (for commands that run no session).
    int main(std::vector<const char*> args) {
        args.insert(args.begin(), "breathe");
        return tend::run_tool("breathe", static_cast<int>(args.size()), args.data(), io.io, breathe::main);
    }

    std::vector<tend::Record> records() const {
        tend::RecordStore store(dir / "data", tend::breathe_format, std::chrono::milliseconds{1000});
        return store.read_latest(100);
    }
};

Options quick(std::string pattern = "1-0-1-0", int cycles = 3) {
    Options options;
    options.pattern = std::move(pattern);
    options.cycles = cycles;
    options.no_settle = true;
    return options;
}

}  // namespace

TEST_CASE("a whole session prints its phases and is logged with what it did") {
    Fixture f;
    CHECK(f.run(quick()) == 0);
    CHECK(f.io.out.str() == "inhale 1s\nexhale 1s\ninhale 1s\nexhale 1s\ninhale 1s\nexhale 1s\n");
    const auto records = f.records();
    REQUIRE(records.size() == 1);
    const auto entry = tend::read_breathe_entry(records[0]);
    CHECK(entry.pattern == "1-0-1-0");
    CHECK(entry.spec == "1-0-1-0");
    CHECK(entry.planned_cycles == 3);
    CHECK(entry.cycles == 3);
    CHECK(entry.seconds == doctest::Approx(6.0));
    CHECK_FALSE(entry.interrupted);
    CHECK(entry.worst_lateness_ms == 0);
    CHECK(tend::format_rfc3339(tend::record_at(records[0])) == "2026-11-21T19:10:00+00:00");
    CHECK(contains(f.io.err.str(), "3 breaths of 1-0-1-0, 0:06. Saved as "));
}

TEST_CASE("a named pattern is logged by name and spec; the default is calm for 3 minutes") {
    Fixture f;
    Options options;
    options.no_settle = true;
    CHECK(f.run(options) == 0);
    const auto entry = tend::read_breathe_entry(f.records().at(0));
    CHECK(entry.pattern == "calm");
    CHECK(entry.spec == "4-0-6-0");
    CHECK(entry.planned_cycles == 18);
    CHECK(f.clock.elapsed() == doctest::Approx(180.0));
}

TEST_CASE("config sets the default pattern and minutes, and adds named patterns") {
    Fixture f("[breathe]\npattern = \"evening\"\nminutes = 1\n[breathe.patterns]\nevening = \"4-2-6-0\"\n");
    Options options;
    options.no_settle = true;
    CHECK(f.run(options) == 0);
    const auto entry = tend::read_breathe_entry(f.records().at(0));
    CHECK(entry.pattern == "evening");
    CHECK(entry.spec == "4-2-6-0");
    CHECK(entry.planned_cycles == 5);  // 60 s of 12 s breaths
}

TEST_CASE("--minutes ends on a whole breath") {
    Fixture f;
    Options options = quick("4-7-8", 1);
    options.cycles.reset();
    options.minutes = 1;
    CHECK(f.run(options) == 0);
    CHECK(tend::read_breathe_entry(f.records().at(0)).planned_cycles == 4);  // 60 s / 19 s -> 4 breaths
    CHECK(f.clock.elapsed() == doctest::Approx(76.0));
}

TEST_CASE("q logs an interrupted session with the breaths done, and exits 0") {
    Fixture f;
    CHECK(f.run(quick("1-0-1-0", 10), {{std::chrono::milliseconds{4500}, 'q'}}) == 0);
    const auto entry = tend::read_breathe_entry(f.records().at(0));
    CHECK(entry.interrupted);
    CHECK(entry.cycles == 2);
    CHECK(entry.planned_cycles == 10);
    CHECK(entry.seconds == doctest::Approx(4.5));
    CHECK(contains(f.io.err.str(), "Stopped after 2 of 10 breaths"));
}

TEST_CASE("a signal logs an interrupted session too") {
    Fixture f;
    const int status = f.run(quick("1-0-1-0", 10), {}, [&] { return f.clock.elapsed() >= 3 ? SIGTERM : 0; });
    CHECK(status == 0);
    const auto entry = tend::read_breathe_entry(f.records().at(0));
    CHECK(entry.interrupted);
    CHECK(entry.cycles == 1);
}

TEST_CASE("--no-log keeps nothing") {
    Fixture f;
    Options options = quick();
    options.no_log = true;
    CHECK(f.run(options) == 0);
    CHECK_FALSE(std::filesystem::exists(f.dir / "data"));
    CHECK(contains(f.io.err.str(), "Not saved (--no-log)."));
}

TEST_CASE("--json prints the saved record on stdout, and the phase lines go to stderr") {
    Fixture f;
    Options options = quick("0.2-0.2", 2);
    options.json = true;
    options.before = 6;
    options.after = 3;
    CHECK(f.run(options) == 0);
    const std::string out = f.io.out.str();
    CHECK(out.starts_with("{\n  \"id\": \""));
    CHECK(contains(out, "\"pattern\": \"0.2-0.2\""));
    CHECK(contains(out, "\"cycles\": 2"));
    CHECK(contains(out, "\"interrupted\": false"));
    CHECK(contains(out, "\"before\": 6"));
    CHECK(contains(out, "\"after\": 3"));
    CHECK(contains(out, "\"worst_lateness_ms\": 0"));
    CHECK_FALSE(contains(out, "inhale"));
    CHECK(contains(f.io.err.str(), "inhale 0.2s\nexhale 0.2s\n"));
}

TEST_CASE("--rate without a terminal is a usage error naming --before and --after") {
    Fixture f;
    Options options = quick();
    options.rate = true;
    const auto error = tend::test::error_from([&] { f.run(options); });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::usage);
    CHECK(contains(error->what(), "--before N and --after N"));
    CHECK_FALSE(std::filesystem::exists(f.dir / "data"));
}

TEST_CASE("--rate on a terminal asks before and after; Enter skips") {
    Fixture f({}, "8\n\n");
    f.io.io.in_tty = true;
    Options options = quick();
    options.rate = true;
    CHECK(f.run(options) == 0);
    const auto entry = tend::read_breathe_entry(f.records().at(0));
    CHECK(entry.before == 8);
    CHECK_FALSE(entry.after);
    CHECK(contains(f.io.err.str(), "How distressed do you feel right now"));
}

TEST_CASE("a wrong rating is asked again") {
    Fixture f({}, "eleven\n12\n5\n2\n");
    f.io.io.in_tty = true;
    Options options = quick();
    options.rate = true;
    CHECK(f.run(options) == 0);
    const auto entry = tend::read_breathe_entry(f.records().at(0));
    CHECK(entry.before == 5);
    CHECK(entry.after == 2);
    CHECK(contains(f.io.err.str(), "A whole number from 0 to 10"));
}

TEST_CASE("a rating at the threshold brings the grounding line, once; threshold 0 turns it off") {
    Fixture f("[safety]\nthreshold = 7\ncrisis_line = \"the line I chose\"\n");
    Options options = quick();
    options.before = 7;
    options.after = 8;
    CHECK(f.run(options) == 0);
    CHECK(contains(f.io.err.str(), "Your crisis line: the line I chose"));
    CHECK(f.io.err.str().find("crisis line") == f.io.err.str().rfind("crisis line"));
    CHECK(contains(f.io.err.str(), "rest a while"));
    CHECK_FALSE(contains(f.io.err.str(), "try `breathe`"));  // they have just breathed

    Fixture off("[safety]\nthreshold = 0\n");
    options.before = 10;
    CHECK(off.run(options) == 0);
    CHECK_FALSE(contains(off.io.err.str(), "sort it out alone"));

    Fixture below;
    options.before = 8;
    options.after = 3;
    CHECK(below.run(options) == 0);
    CHECK_FALSE(contains(below.io.err.str(), "sort it out alone"));
}

TEST_CASE("a bad pattern in the config is a warning naming the file and the pattern, and breathing goes on") {
    Fixture f("[breathe.patterns]\nevening = \"4-0-0\"\n");
    CHECK(f.run(quick()) == 0);
    CHECK(contains(f.io.err.str(), "config.toml: [breathe.patterns] evening: '4-0-0': the exhale must be longer"));
}

TEST_CASE("a month file that does not parse stops the session before it starts") {
    Fixture f;
    std::filesystem::create_directories(f.dir / "data" / "breathe");
    tend::test::write_bytes(f.dir / "data" / "breathe" / "2026-11.toml", "[[breathe]\n");
    const auto error = tend::test::error_from([&] { f.run(quick()); });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::data);
    CHECK(f.io.out.str().empty());
    CHECK(f.clock.elapsed() == 0);
}

TEST_CASE("--list shows every pattern with breaths per minute and its description") {
    Fixture f("[breathe.patterns]\nevening = \"4-2-6-0\"\n");
    CHECK(f.main({"--list"}) == 0);
    const std::string out = f.io.out.str();
    CHECK(contains(out, "calm      4-0-6-0       6.0/min  In for 4, out for 6."));
    CHECK(contains(out, "(default)"));
    CHECK(contains(out, "box       4-4-4-4       3.8/min"));
    CHECK(contains(out, "sigh      2+1-0-6-0     6.7/min"));
    CHECK(contains(out, "evening   4-2-6-0       5.0/min  Your own"));
}

TEST_CASE("--list --json is an array of patterns") {
    Fixture f;
    CHECK(f.main({"--list", "--json"}) == 0);
    CHECK(contains(f.io.out.str(), "\"name\": \"coherent\""));
    CHECK(contains(f.io.out.str(), "\"breaths_per_minute\": 5.45"));
}

TEST_CASE("log lists the sessions, filtered by --since and --last, or as JSON") {
    Fixture f;
    Options options = quick();
    options.before = 7;
    options.after = 4;
    f.run(options);
    f.run(quick("1-0-1-0", 10), {{std::chrono::milliseconds{2500}, 'q'}});
    f.io.out.str("");
    CHECK(f.main({"log"}) == 0);
    const std::string out = f.io.out.str();
    CHECK(contains(out, "2026-11-21 19:10  1-0-1-0  3 breaths  0:06  distress 7 → 4\n"));
    CHECK(contains(out, "1 of 10 breaths, stopped  0:03\n"));
    f.io.out.str("");
    CHECK(f.main({"log", "--last", "1", "--json"}) == 0);
    CHECK(contains(f.io.out.str(), "\"interrupted\": true"));
    CHECK_FALSE(contains(f.io.out.str(), "\"interrupted\": false"));
    f.io.out.str("");
    CHECK(f.main({"log", "--since", "2026-11-22"}) == 0);
    CHECK(f.io.out.str().empty());
}

TEST_CASE("command-line mistakes are usage errors") {
    Fixture f;
    CHECK(f.main({"--minutes", "2", "--cycles", "3"}) == 2);
    CHECK(f.main({"log", "--pattern", "box"}) == 2);
    CHECK(f.main({"--list", "--cycles", "3"}) == 2);
    CHECK(f.main({"--before", "11"}) == 2);
    CHECK(f.main({"--pattern", "0-0-0-0"}) == 2);
    CHECK(contains(f.io.err.str(), "breathe: error: --pattern: '0-0-0-0': the inhale must be longer than 0 seconds"));
}

TEST_CASE("an exercise prints one line per step, and is logged by name with its steps and ratings") {
    Fixture f("[breathe.exercises.evening]\nseconds = 2\nsteps = [\"Phone away.\", \"Shoulders down.\"]\n");
    Options options;
    options.exercise = "evening";
    options.no_settle = true;
    options.before = 7;
    options.after = 3;
    CHECK(f.run(options) == 0);
    CHECK(f.io.out.str() == "Phone away.\nShoulders down.\n");
    CHECK(f.clock.elapsed() == doctest::Approx(4.0));
    const auto records = f.records();
    REQUIRE(records.size() == 1);
    CHECK_FALSE(records[0].contains("pattern"));
    const auto entry = tend::read_breathe_entry(records[0]);
    CHECK(entry.exercise == "evening");
    CHECK(entry.planned_cycles == 2);
    CHECK(entry.cycles == 2);
    CHECK(entry.before == 7);
    CHECK(entry.after == 3);
    CHECK(entry.seconds == doctest::Approx(4.0));
    CHECK(contains(f.io.err.str(), "evening, all 2 steps, 0:04. Saved as "));
    f.io.out.str("");
    CHECK(f.main({"log"}) == 0);
    CHECK(contains(f.io.out.str(), "evening exercise  2 steps  0:04  distress 7 → 3"));
}

TEST_CASE("a built-in exercise runs on the clock; --minutes shortens it and q stops it between steps") {
    Fixture f;
    Options options;
    options.exercise = "grounding";
    options.no_settle = true;
    options.minutes = 1;
    CHECK(f.run(options) == 0);
    CHECK(f.clock.elapsed() == doctest::Approx(60.0).epsilon(0.001));
    const std::string out = f.io.out.str();
    CHECK(std::count(out.begin(), out.end(), '\n') == 7);
    CHECK(contains(f.io.out.str(), "five things you can see"));

    Fixture stopped;
    options.minutes.reset();
    CHECK(stopped.run(options, {{std::chrono::seconds{20}, 'q'}}) == 0);
    const auto entry = tend::read_breathe_entry(stopped.records().at(0));
    CHECK(entry.interrupted);
    CHECK(entry.cycles == 1);
    CHECK(entry.planned_cycles == 7);
    CHECK(contains(stopped.io.err.str(), "Stopped after 1 of 7 steps"));
}

TEST_CASE("--json after an exercise prints its record, the steps on stderr") {
    Fixture f;
    Options options;
    options.exercise = "muscles";
    options.no_settle = true;
    options.minutes = 0.1;
    options.json = true;
    CHECK(f.run(options) == 0);
    CHECK(contains(f.io.out.str(), "\"exercise\": \"muscles\""));
    CHECK(contains(f.io.out.str(), "\"pattern\": null"));
    CHECK(contains(f.io.err.str(), "Hands: curl your fingers"));
}

TEST_CASE("--list shows the exercises after the patterns, the person's own among them") {
    Fixture f("[breathe.exercises.evening]\nsteps = [\"Phone away.\"]\n");
    CHECK(f.main({"--list"}) == 0);
    const std::string out = f.io.out.str();
    CHECK(contains(out, "\nExercises, for --exercise NAME:\n"));
    CHECK(contains(out, "grounding  7 steps    3:37  Five things you see"));
    CHECK(contains(out, "body-scan  9 steps"));
    CHECK(contains(out, "evening    1 step     0:20  Your own, from [breathe.exercises]"));
    f.io.out.str("");
    CHECK(f.main({"--list", "--json"}) == 0);
    CHECK(contains(f.io.out.str(), "\"kind\": \"exercise\",\n    \"name\": \"muscles\",\n    \"steps\": 16"));
}

TEST_CASE("an exercise goes without --pattern and --cycles, and an unknown one says where to look") {
    Fixture f;
    CHECK(f.main({"--exercise", "grounding", "--pattern", "box"}) == 2);
    CHECK(f.main({"--exercise", "grounding", "--cycles", "3"}) == 2);
    CHECK(f.main({"--list", "--exercise", "grounding"}) == 2);
    CHECK(f.main({"--exercise", "walk"}) == 2);
    CHECK(contains(f.io.err.str(), "--exercise: 'walk' is not an exercise"));
    CHECK(f.records().empty());
}

TEST_CASE("a broken exercise in the config is left out with a warning; breathing goes on") {
    Fixture f("[breathe.exercises.evening]\nsteps = [{ text = \"a\", seconds = 0 }]\n");
    CHECK(f.run(quick()) == 0);
    CHECK(contains(f.io.err.str(), "seconds must be a number from 1 to 600; this exercise is left out"));
    CHECK(f.records().size() == 1);
}

}  // namespace breathe::test
