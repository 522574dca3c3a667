// prompt's commands in-process: captured streams, a temp data dir, TEND_NOW for the date.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <set>

#include "fixtures.hpp"
#include "prompt.hpp"
#include "prompt_record.hpp"
#include "runner.hpp"
#include "store.hpp"

using namespace std::chrono_literals;
using tend::test::contains;
using tend::test::ScopedTz;
using tend::test::TempDir;
using tend::test::write_bytes;
namespace fs = std::filesystem;

namespace {

struct Run {
    int status;
    std::string out;
    std::string err;
};

// A person's machine: a home with a data dir and a config file of their own.
struct Machine {
    TempDir home;
    std::string now = "2026-11-21T19:10:00+00:00";

    fs::path data() const { return home / "data"; }
    void config(std::string_view text) const { write_bytes(home / "config.toml", text); }
    void deck(std::string_view name, std::string_view text) const {
        fs::create_directories(data() / "decks");
        write_bytes(data() / "decks" / name, text);
    }

    Run run(std::vector<std::string> args, std::string input = {}) const {
        tend::test::TestIo t({{"HOME", home.path().string()},
                              {"TEND_DATA_DIR", data().string()},
                              {"TEND_CONFIG", (home / "config.toml").string()},
                              {"TEND_NOW", now}},
                             std::move(input));
        std::vector<const char*> argv{"prompt"};
        for (const auto& arg : args) argv.push_back(arg.c_str());
        const int status = tend::run_tool("prompt", static_cast<int>(argv.size()), argv.data(), t.io, prompt::main);
        return {status, t.out.str(), t.err.str()};
    }

    std::vector<tend::Record> records() const {
        tend::RecordStore store(data(), tend::prompt_format, 100ms);
        auto all = store.read_latest(1000);
        std::reverse(all.begin(), all.end());
        return all;
    }
};

std::string event_of(const tend::Record& record) {
    return tend::field<std::string>(record, "event").value_or("");
}
std::string id_of(const tend::Record& record) {
    return tend::field<std::string>(record, "prompt_id").value_or("");
}

}  // namespace

TEST_CASE("two machines with the same seed and date get the same prompt of the day") {
    ScopedTz tz("Europe/London");
    Machine a, b;
    a.config("[prompt]\nseed = \"our-words\"\n");
    b.config("[prompt]\nseed = \"our-words\"\n");
    const Run first = a.run({"today"});
    REQUIRE(first.status == 0);
    CHECK(first.err.empty());
    CHECK(first.out == b.run({"today"}).out);
    // Not a terminal: the text, then its id, deck and depth, so the depth travels with it.
    CHECK(contains(first.out, " · depth "));
}

TEST_CASE("today is recorded as shown once, however often it is run that day") {
    ScopedTz tz("Europe/London");
    Machine m;
    for (int i = 0; i < 3; ++i) REQUIRE(m.run({"today"}).status == 0);
    m.now = "2026-11-21T23:59:00+00:00";
    REQUIRE(m.run({"today"}).status == 0);
    auto records = m.records();
    REQUIRE(records.size() == 1);
    CHECK(event_of(records[0]) == "shown");
    m.now = "2026-11-22T08:00:00+00:00";
    REQUIRE(m.run({"today"}).status == 0);
    CHECK(m.records().size() == 2);
}

TEST_CASE("the day is the local one: near midnight, the time zone decides") {
    Machine m;
    m.now = "2026-11-21T23:30:00+00:00";
    std::string london, tokyo;
    {
        ScopedTz tz("Europe/London");
        london = m.run({"today", "--json"}).out;
    }
    {
        ScopedTz tz("Asia/Tokyo");
        tokyo = m.run({"today", "--json"}).out;
    }
    CHECK(contains(london, "\"date\": \"2026-11-21\""));
    CHECK(contains(tokyo, "\"date\": \"2026-11-22\""));
}

TEST_CASE("answer saves the text against the last prompt shown, and revisit brings it back after 30 days") {
    ScopedTz tz("UTC");
    Machine m;
    const Run shown = m.run({"--deck", "solo", "--json"});
    REQUIRE(shown.status == 0);
    const Run saved = m.run({"answer", "--text", "A walk by the river.", "--json"});
    REQUIRE(saved.status == 0);
    CHECK(contains(saved.err, "Saved your answer to solo-"));
    auto records = m.records();
    REQUIRE(records.size() == 2);
    CHECK(event_of(records[1]) == "answered");
    CHECK(id_of(records[1]) == id_of(records[0]));
    CHECK(tend::field<std::string>(records[1], "text") == "A walk by the river.");
    CHECK(tend::field<std::string>(records[1], "prompt_text").has_value());

    m.now = "2026-12-10T19:10:00+00:00";
    const Run early = m.run({"revisit"});
    CHECK(early.status == 0);
    CHECK(early.out.empty());
    CHECK(contains(early.err, "Nothing to revisit yet"));

    m.now = "2026-12-22T19:10:00+00:00";
    const Run again = m.run({"revisit"});
    REQUIRE(again.status == 0);
    CHECK(contains(again.out, "You wrote on 2026-11-21:\n  A walk by the river.\n"));
    REQUIRE(m.run({"answer", "--text", "-"}, "Still the river, but further.\n").status == 0);
    records = m.records();
    REQUIRE(records.size() == 4);
    CHECK(event_of(records[2]) == "shown");
    CHECK(event_of(records[3]) == "answered");
    CHECK(id_of(records[3]) == id_of(records[0]));
    CHECK(tend::field<std::string>(records[3], "text") == "Still the river, but further.");
}

TEST_CASE("answer without text and without a terminal fails fast naming --text") {
    ScopedTz tz("UTC");
    Machine m;
    REQUIRE(m.run({}).status == 0);
    const Run r = m.run({"answer"});
    CHECK(r.status == 2);
    CHECK(contains(r.err, "--text"));
    CHECK(m.records().size() == 1);
}

TEST_CASE("answer, skip and fav before anything was shown ask for an ID") {
    ScopedTz tz("UTC");
    Machine m;
    for (const char* command : {"answer", "skip", "fav"}) {
        const Run plain = m.run({command});
        CHECK(plain.status == 2);
        CHECK(contains(plain.err, "no prompt has been shown yet"));
    }
    const Run unknown = m.run({"skip", "nope-001"});
    CHECK(unknown.status == 2);
    CHECK(contains(unknown.err, "there is no prompt 'nope-001'"));
}

TEST_CASE("fav and unfav keep a list that history --favs shows") {
    ScopedTz tz("UTC");
    Machine m;
    REQUIRE(m.run({"fav", "play-001"}).status == 0);
    CHECK(contains(m.run({"fav", "play-001"}).err, "already among your favourites"));
    REQUIRE(m.run({"fav", "reveal-002"}).status == 0);
    REQUIRE(m.run({"unfav", "play-001"}).status == 0);
    const Run favs = m.run({"history", "--favs"});
    CHECK(favs.out.starts_with("reveal-002  "));
    CHECK_FALSE(contains(favs.out, "play-001"));
    CHECK(m.records().size() == 3);
}

TEST_CASE("a random prompt avoids the cooldown until the pool is exhausted, then starts over") {
    ScopedTz tz("UTC");
    Machine m;
    m.deck("three.txt", "One?\n%\nTwo?\n%\nThree?\n");
    std::set<std::string> seen;
    for (int i = 0; i < 3; ++i) {
        const Run r = m.run({"--deck", "three"});
        REQUIRE(r.status == 0);
        CHECK(r.err.empty());
        seen.insert(r.out);
    }
    CHECK(seen.size() == 3);
    const Run fourth = m.run({"--deck", "three"});
    CHECK(contains(fourth.err, "starting over"));
}

TEST_CASE("a broken user deck is a warning; every other deck still works") {
    ScopedTz tz("UTC");
    Machine m;
    m.deck("broken.toml", "[[prompt]]\nid = \"broken-1\"\ndepth = 7\n");
    m.deck("fine.txt", "Only one?\n");
    const Run r = m.run({"--deck", "fine"});
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("Only one?\n"));
    CHECK(contains(r.err, "prompt: warning: "));
    CHECK(contains(r.err, "broken.toml:1: prompt 'broken-1' has no 'text'"));
    CHECK(contains(r.err, "left out until it is fixed"));
    const Run check = m.run({"check"});
    CHECK(check.status == 65);
    CHECK(contains(check.out, "fine  1 prompt"));
    CHECK(contains(check.err, "broken.toml:1: prompt 'broken-1' has no 'text'\n"));
    CHECK(contains(check.err, "broken.toml:3: 'depth' must be 1"));
    CHECK(contains(check.err, "prompt: error: 2 problems in 1 deck"));
}

TEST_CASE("filters that leave nothing are a usage error, and filters go only with commands that pick") {
    ScopedTz tz("UTC");
    Machine m;
    m.config("[prompt]\nexclude = [\"family\"]\n");
    CHECK(m.run({"--deck", "gentle", "--depth", "1"}).status == 0);
    const Run none = m.run({"--deck", "solo", "--together"});
    CHECK(none.status == 2);
    CHECK(contains(none.err, "no prompt matches these filters"));
    CHECK(m.run({"history", "--deck", "play"}).status == 2);
    const Run unknown_note = m.run({"--exclude", "spiders"});
    CHECK(unknown_note.status == 0);
    CHECK(contains(unknown_note.err, "no prompt has the content note 'spiders'"));
}
