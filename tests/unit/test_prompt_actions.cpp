// prompt's commands in-process: captured streams, a temp data dir, TEND_NOW for the date.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <set>

#include "fixtures.hpp"
#include "json_parse.hpp"
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
                              {"TEND_DEVICE", "this-device"},
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

std::string json_text(const tend::JsonNode& json, std::string_view key) {
    const tend::JsonNode* node = json.get(key);
    return node && node->type == tend::JsonNode::Type::string ? node->text : "null";
}

bool json_true(const tend::JsonNode& json, std::string_view key) {
    const tend::JsonNode* node = json.get(key);
    return node && node->type == tend::JsonNode::Type::boolean && node->boolean;
}

TEST_CASE("partners with their own filters and decks share the prompt of the day and its check code all year") {
    ScopedTz tz("Europe/Berlin");
    Machine a, b;
    // Each one's choices for themselves: content notes left out, depth, who a prompt is for and
    // decks of their own, full of prompts for two that would join the pool if a pool took them.
    a.config("[prompt]\nseed = \"our-words\"\nexclude = [\"conflict\", \"family\"]\ndepth = 1\n");
    a.deck("ours.txt", "What did we laugh about this week?\n%\nWhere would you like to walk together?\n");
    b.config("[prompt]\nseed = \"our-words\"\ndepth = 3\nwith = \"either\"\n");
    b.deck("kitchen.toml",
           "[deck]\nname = \"kitchen\"\n\n[[prompt]]\nid = \"kitchen-1\"\ntext = \"What should we cook next?\"\n"
           "with = \"together\"\ndepth = 1\n\n[[prompt]]\nid = \"kitchen-2\"\ntext = \"Whose recipe do you miss?\"\n"
           "with = \"together\"\ndepth = 2\n");
    const std::vector<std::vector<std::string>> a_options{{}, {"--exclude", "body"}, {"--depth", "1", "--solo"}};
    const std::vector<std::vector<std::string>> b_options{{"--together"}, {"--deck", "kitchen,play"}, {"--depth", "3"}};
    std::set<std::string> shared_ids;
    int a_held = 0, b_held = 0, both_shown = 0;
    const date::sys_days start = date::year{2026} / 12 / 1;
    for (int n = 0; n < 365; ++n) {
        const std::string now = date::format("%FT19:30:00+00:00", start + date::days{n});
        a.now = b.now = now;
        auto args_a = a_options[static_cast<std::size_t>(n) % a_options.size()];
        auto args_b = b_options[static_cast<std::size_t>(n) % b_options.size()];
        args_a.insert(args_a.begin(), {"today", "--json"});
        args_b.insert(args_b.begin(), {"today", "--json"});
        const Run ra = a.run(args_a), rb = b.run(args_b);
        REQUIRE_MESSAGE(ra.status == 0, ra.err);
        REQUIRE_MESSAGE(rb.status == 0, rb.err);
        const auto ja = tend::parse_json(ra.out, "a"), jb = tend::parse_json(rb.out, "b");
        INFO(now);
        CHECK(json_text(ja, "shared_id") == json_text(jb, "shared_id"));
        CHECK(json_text(ja, "check_code") == json_text(jb, "check_code"));
        CHECK(json_text(ja, "check_code").size() == 4);
        shared_ids.insert(json_text(ja, "shared_id"));
        for (const auto& [json, held] : {std::pair{&ja, &a_held}, std::pair{&jb, &b_held}}) {
            const bool shared = json_true(*json, "shared");
            CHECK(shared != json_true(*json, "held_back"));
            CHECK((json_text(*json, "prompt_id") == json_text(*json, "shared_id")) == shared);
            *held += shared ? 0 : 1;
        }
        both_shown += json_true(ja, "shared") && json_true(jb, "shared");
        CHECK(json_text(ja, "shared_id").rfind("kitchen-", 0) == std::string::npos);
    }
    CHECK(shared_ids.size() > 150);
    // The year really did hold things back for each, and still brought them together.
    CHECK(a_held > 100);
    CHECK(b_held > 50);
    CHECK(both_shown > 50);
}

TEST_CASE("a shared prompt a partner chose to skip is held back kindly, without its words") {
    ScopedTz tz("UTC");
    Machine a, b;
    a.config("[prompt]\nseed = \"our-words\"\n");
    b.config("[prompt]\nseed = \"our-words\"\n");
    // The first day of December 2026 whose shared prompt carries a content note.
    std::string note, text, code, id;
    for (int day = 1; day <= 31 && note.empty(); ++day) {
        a.now = fmt::format("2026-12-{:02}T08:00:00+00:00", day);
        const auto json = tend::parse_json(a.run({"today", "--json"}).out, "a");
        if (!json.get("notes")->items.empty()) {
            note = json.get("notes")->items.front().text;
            text = json_text(json, "text");
            code = json_text(json, "check_code");
            id = json_text(json, "shared_id");
        }
    }
    REQUIRE(!note.empty());
    b.now = a.now;
    b.config(fmt::format("[prompt]\nseed = \"our-words\"\nexclude = [\"{}\"]\n", note));
    const Run held = b.run({"today"});
    REQUIRE(held.status == 0);
    CHECK(contains(held.out, "Today's shared prompt is one you chose to skip (it has a content note you leave out)"));
    CHECK(contains(held.out, "shared \u00b7 check " + code));
    CHECK(contains(held.out, "Just for you today:"));
    CHECK(!contains(held.out, text));
    CHECK(!contains(held.out, id));
    const Run shown = a.run({"today"});
    CHECK(contains(shown.out, text));
    CHECK(contains(shown.out, id + " \u00b7 "));
    CHECK(contains(shown.out, "\u00b7 shared \u00b7 check " + code + "\n"));
    // Only what was shown is recorded as shown: the shared prompt stays out of b's history.
    for (const auto& record : b.records()) CHECK(id_of(record) != id);
    // With nothing of their own left to offer, the notice alone, and nothing recorded.
    Machine c;
    c.now = a.now;
    c.config(fmt::format("[prompt]\nseed = \"our-words\"\nexclude = [\"{}\"]\n", note));
    c.deck("mine.txt", "A question of mine?\n");
    const Run alone = c.run({"today", "--deck", "mine", "--depth", "1", "--json"});
    REQUIRE(alone.status == 0);
    const auto json = tend::parse_json(alone.out, "c");
    CHECK(json.get("prompt_id")->type == tend::JsonNode::Type::null);
    CHECK(json_true(json, "held_back"));
    CHECK(json_text(json, "check_code") == code);
    const Run plain = c.run({"today", "--deck", "mine", "--depth", "1"});
    CHECK(plain.status == 0);
    CHECK(contains(plain.out, "(it is from a deck you did not choose)"));
    CHECK(!contains(plain.out, "Just for you"));
    CHECK(c.records().empty());
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
