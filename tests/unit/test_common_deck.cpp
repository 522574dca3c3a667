// Prompt decks: TOML and '%' text parsing, file:line problems, cross-deck checks and the stable hashes.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <cstdio>

#include "deck.hpp"
#include "fixtures.hpp"

using tend::DeckLoad;
using tend::DeckRules;
using tend::With;
using tend::test::contains;
using tend::test::TempDir;
using tend::test::write_bytes;
namespace fs = std::filesystem;

namespace {

// The problems joined on newlines, so a failed check shows them all.
std::string all_problems(const DeckLoad& load) {
    std::string text;
    for (const auto& problem : load.problems) text += problem.located() + "\n";
    return text;
}

bool has_problem(const DeckLoad& load, std::string_view starts, std::string_view part) {
    for (const auto& problem : load.problems)
        if (problem.located().starts_with(starts) && contains(problem.located(), part)) return true;
    return false;
}

constexpr std::string_view good_deck = R"([deck]
name = "mine"
title = "My deck"
description = "Things I want to ask."
how_to_use = "One a night."

[[prompt]]
id = "mine-1"
text = "  What made you smile today?  "
depth = 1
with = "together"
notes = ["family", "family", "body"]

[[prompt]]
id = "mine-2"
text = """
A longer one,
over two lines."""
)";

}  // namespace

TEST_CASE("a TOML deck reads its metadata, prompts, defaults and trimmed text") {
    const DeckLoad load = tend::parse_toml_deck(good_deck, "decks/mine.toml");
    REQUIRE_MESSAGE(load.ok(), all_problems(load));
    CHECK(load.deck.name == "mine");
    CHECK(load.deck.title == "My deck");
    CHECK(load.deck.description == "Things I want to ask.");
    CHECK(load.deck.how_to_use == "One a night.");
    REQUIRE(load.deck.prompts.size() == 2);
    const auto& first = load.deck.prompts[0];
    CHECK(first.id == "mine-1");
    CHECK(first.text == "What made you smile today?");
    CHECK(first.depth == 1);
    CHECK(first.with == With::together);
    CHECK(first.notes == std::vector<std::string>{"family", "body"});
    CHECK(first.line == 7);
    const auto& second = load.deck.prompts[1];
    CHECK(second.text == "A longer one,\nover two lines.");
    CHECK(second.depth == 2);
    CHECK(second.with == With::either);
    CHECK(second.notes.empty());
}

TEST_CASE("a user TOML deck without [deck] takes its name from the file") {
    const DeckLoad load =
        tend::parse_toml_deck("[[prompt]]\nid = \"our-words-1\"\ntext = \"Hello?\"\n", "x/Our Words.toml");
    REQUIRE_MESSAGE(load.ok(), all_problems(load));
    CHECK(load.deck.name == "our-words");
    CHECK(load.deck.title == "our-words");
}

TEST_CASE("deck problems carry file:line: duplicate ids, empty text, bad depth, bad with, unknown keys") {
    const std::string text = R"([deck]
name = "mine"

[[prompt]]
id = "mine-1"
text = "One?"

[[prompt]]
id = "mine-1"
text = "Two?"

[[prompt]]
id = "mine-3"
text = "   "

[[prompt]]
id = "mine-4"
text = "Four?"
depth = 4

[[prompt]]
id = "mine-5"
text = "Five?"
depth = "deep"
with = "everyone"
colour = "blue"

[[prompt]]
id = "other-6"
text = "Six?"

[[prompt]]
id = "mine-7"
)";
    const DeckLoad load = tend::parse_toml_deck(text, "d/mine.toml");
    CHECK_FALSE(load.ok());
    INFO(all_problems(load));
    CHECK(has_problem(load, "d/mine.toml:8:", "duplicate id 'mine-1' (first used at line 4)"));
    CHECK(has_problem(load, "d/mine.toml:12:", "empty text"));
    CHECK(has_problem(load, "d/mine.toml:19:", "'depth' must be 1"));
    CHECK(has_problem(load, "d/mine.toml:24:", "'depth' must be 1"));
    CHECK(has_problem(load, "d/mine.toml:25:", "'with' is 'everyone'"));
    CHECK(has_problem(load, "d/mine.toml:26:", "unknown key 'colour'"));
    CHECK(has_problem(load, "d/mine.toml:28:", "must start with the deck's name, 'mine-'"));
    CHECK(has_problem(load, "d/mine.toml:32:", "has no 'text'"));
    // Listed in line order, whatever order they were found in.
    std::vector<int> lines;
    for (const auto& problem : load.problems) lines.push_back(static_cast<int>(problem.line));
    CHECK(std::is_sorted(lines.begin(), lines.end()));
}

TEST_CASE("a TOML syntax error is one problem with its line") {
    const DeckLoad load = tend::parse_toml_deck("[deck]\nname = \"x\"\n\n[[prompt]\nid = 1\n", "x.toml");
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].located().starts_with("x.toml:4:"));
    CHECK((load.problems[0].line == 4 && load.problems[0].column > 0));
}

TEST_CASE("a deck with no prompts, or with the same text twice, has problems") {
    CHECK(has_problem(tend::parse_toml_deck("[deck]\nname = \"x\"\n", "x.toml"), "x.toml:1:", "no [[prompt]]"));
    const DeckLoad twice = tend::parse_toml_deck(
        "[[prompt]]\nid = \"x-1\"\ntext = \"Same  words?\"\n[[prompt]]\nid = \"x-2\"\ntext = "
        "\"Same\\nwords?\"\n",
        "x.toml");
    CHECK(has_problem(twice, "x.toml:4:", "same text as the prompt at line 1"));
}

TEST_CASE("text that could drive a terminal is a problem, not something to print") {
    const DeckLoad load =
        tend::parse_toml_deck("[[prompt]]\nid = \"x-1\"\ntext = \"Hi \\u001b[31m there\"\n", "x.toml");
    CHECK(has_problem(load, "x.toml:1:", "control character"));
}

TEST_CASE("shipped rules ask for every [deck] key, the file's name, known notes and numbered ids") {
    const std::string text = R"([deck]
name = "other"
title = "T"

[[prompt]]
id = "other-1"
text = "Hello?"
notes = ["spiders"]
)";
    const DeckLoad user = tend::parse_toml_deck(text, "decks/other.toml", DeckRules::user);
    CHECK_MESSAGE(user.ok(), all_problems(user));
    const DeckLoad shipped = tend::parse_toml_deck(text, "decks/mine.toml", DeckRules::shipped);
    INFO(all_problems(shipped));
    CHECK(has_problem(shipped, "decks/mine.toml:1:", "needs a non-empty 'description'"));
    CHECK(has_problem(shipped, "decks/mine.toml:1:", "needs a non-empty 'how_to_use'"));
    CHECK(has_problem(shipped, "decks/mine.toml:1:", "must match the file name"));
    CHECK(has_problem(shipped, "decks/mine.toml:8:", "'spiders' is not one of the known notes"));
    CHECK(has_problem(shipped, "decks/mine.toml:5:", "three digits"));
}

TEST_CASE("shipped rules insist on the content note a prompt's words call for") {
    const std::string text = R"([deck]
name = "mine"
title = "T"
description = "D"
how_to_use = "H"

[[prompt]]
id = "mine-001"
text = "What happens after an Argument?"

[[prompt]]
id = "mine-002"
text = "What did your body tell you, and what did you learn growing up?"
notes = ["body"]

[[prompt]]
id = "mine-003"
text = "When does a feeling gets too big for you?"
notes = ["self-harm", "substance-use"]
)";
    const DeckLoad shipped = tend::parse_toml_deck(text, "decks/mine.toml", DeckRules::shipped);
    INFO(all_problems(shipped));
    CHECK(shipped.problems.size() == 2);
    CHECK(has_problem(shipped, "decks/mine.toml:7:", "speaks of 'argument' and needs the content note 'conflict'"));
    CHECK(has_problem(shipped, "decks/mine.toml:11:", "speaks of 'growing up' and needs the content note 'childhood'"));
    const DeckLoad user = tend::parse_toml_deck(text, "decks/mine.toml", DeckRules::user);
    CHECK_MESSAGE(user.ok(), all_problems(user));
}

TEST_CASE("a '%' text deck splits on lines holding only '%' and names itself after the file") {
    const std::string text = "First prompt?\n%\nSecond prompt,\n  on two lines?\n%  \r\nThird?\r\n%\n";
    const DeckLoad load = tend::parse_text_deck(text, "decks/Late Night.txt");
    REQUIRE_MESSAGE(load.ok(), all_problems(load));
    CHECK(load.deck.name == "late-night");
    REQUIRE(load.deck.prompts.size() == 3);
    CHECK(load.deck.prompts[0].text == "First prompt?");
    CHECK(load.deck.prompts[1].text == "Second prompt,\n  on two lines?");
    CHECK(load.deck.prompts[1].line == 3);
    CHECK(load.deck.prompts[2].text == "Third?");
    CHECK(load.deck.prompts[2].line == 6);
    for (const auto& prompt : load.deck.prompts) {
        CHECK(prompt.depth == 2);
        CHECK(prompt.with == With::either);
        CHECK(prompt.id.starts_with("late-night-"));
        CHECK(prompt.id.size() == std::string("late-night-").size() + 8);
    }
}

TEST_CASE("text deck ids come from the words: stable across reordering and re-wrapping") {
    const DeckLoad a = tend::parse_text_deck("One thing?\n%\nAnother   thing,\nwrapped?\n", "d/x.txt");
    const DeckLoad b = tend::parse_text_deck("Another thing, wrapped?\n%\nNew one?\n%\nOne thing?\n", "d/x.txt");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.deck.prompts[0].id == b.deck.prompts[2].id);
    CHECK(a.deck.prompts[1].id == b.deck.prompts[0].id);
    CHECK(a.deck.prompts[0].id != a.deck.prompts[1].id);
    // Pinned: the same words give the same id on every machine and in every version.
    CHECK(a.deck.prompts[0].id == "x-" + [] {
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08x",
                      static_cast<unsigned>(tend::splitmix64(tend::fnv1a("One thing?")) >> 32));
        return std::string(hex);
    }());
}

TEST_CASE("a text deck reports empty prompts between '%' lines and duplicate texts") {
    const DeckLoad load = tend::parse_text_deck("%\nOne?\n%\n%\nTwo?\n%\nOne?\n%\n", "x.txt");
    INFO(all_problems(load));
    CHECK(has_problem(load, "x.txt:3:", "empty prompt"));
    CHECK(has_problem(load, "x.txt:7:", "duplicate id"));
    CHECK(has_problem(tend::parse_text_deck("", "empty.txt"), "empty.txt:1:", "no prompts"));
    CHECK(has_problem(tend::parse_text_deck("\n%\n\n", "blank.txt"), "blank.txt:1:", "no prompts"));
}

TEST_CASE("load_deck_file goes by extension and turns unreadable files into problems") {
    TempDir tmp;
    write_bytes(tmp / "a.txt", "Hello?\n");
    write_bytes(tmp / "b.toml", "[[prompt]]\nid = \"b-1\"\ntext = \"Hi?\"\n");
    write_bytes(tmp / "c.md", "Hello?\n");
    CHECK(tend::load_deck_file(tmp / "a.txt").ok());
    CHECK(tend::load_deck_file(tmp / "b.toml").ok());
    CHECK(contains(tend::load_deck_file(tmp / "c.md").problems.at(0).located(), "end in .toml or .txt"));
    CHECK(contains(tend::load_deck_file(tmp / "missing.toml").problems.at(0).located(), "no such file"));
}

TEST_CASE("deck_files lists .toml and .txt files in name order, leaving out hidden and other files") {
    TempDir tmp;
    for (const char* name : {"b.txt", "a.toml", ".hidden.toml", "notes.md", "c.toml~"}) write_bytes(tmp / name, "x");
    fs::create_directory(tmp / "d.toml");
    const auto files = tend::deck_files(tmp.path());
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename() == "a.toml");
    CHECK(files[1].filename() == "b.txt");
    CHECK(tend::deck_files(tmp / "missing").empty());
}

TEST_CASE("cross-deck problems: a name or id used twice, and with same_text the same words") {
    tend::Deck a{"a", "", "", "", "a.toml", {{"a-1", "Hello there?", 2, With::either, {}, 3}}};
    tend::Deck b{
        "b",
        "",
        "",
        "",
        "b.toml",
        {{"a-1", "Something else?", 2, With::either, {}, 5}, {"b-2", "Hello   there?", 2, With::either, {}, 9}}};
    tend::Deck a_again{"a", "", "", "", "c.toml", {}};
    const auto loose = tend::cross_deck_problems({&a, &b, &a_again}, false);
    REQUIRE(loose.size() == 2);
    CHECK(loose[0].located() == "b.toml:5: id 'a-1' is already used at a.toml:3");
    CHECK(loose[1].located() == "c.toml: deck name 'a' is already taken by a.toml");
    const auto strict = tend::cross_deck_problems({&a, &b}, true);
    REQUIRE(strict.size() == 2);
    CHECK(contains(strict[1].located(), "b.toml:9: prompt 'b-2' has the same text as 'a-1' at a.toml:3"));
}

TEST_CASE("names, file names and folded text") {
    CHECK(tend::is_valid_name("reveal"));
    CHECK(tend::is_valid_name("late-night-2"));
    CHECK_FALSE(tend::is_valid_name(""));
    CHECK_FALSE(tend::is_valid_name("-x"));
    CHECK_FALSE(tend::is_valid_name("x-"));
    CHECK_FALSE(tend::is_valid_name("Upper"));
    CHECK_FALSE(tend::is_valid_name("with space"));
    CHECK(tend::deck_name_from_file("My Prompts!!.txt") == "my-prompts");
    CHECK(tend::deck_name_from_file("__.toml") == "deck");
    CHECK(tend::folded_text("  a \n\t b  ") == "a b");
    CHECK(tend::parse_with("together") == With::together);
    CHECK_FALSE(tend::parse_with("both"));
    CHECK(tend::with_name(With::solo) == "solo");
}

TEST_CASE("fnv1a and splitmix64 match their published values") {
    CHECK(tend::fnv1a("") == 0xcbf29ce484222325ull);
    CHECK(tend::fnv1a("a") == 0xaf63dc4c8601ec8cull);
    CHECK(tend::fnv1a("foobar") == 0x85944171f73967e8ull);
    // The first output of SplitMix64 seeded with 0.
    CHECK(tend::splitmix64(0) == 0xe220a8397b1dcdafull);
}
