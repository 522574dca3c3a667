// The shipped decks as compiled in, and the library that adds the person's own decks to them.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <set>

#include "fixtures.hpp"
#include "prompt_library.hpp"

using tend::Library;
using tend::With;
using tend::test::contains;
namespace fs = std::filesystem;

TEST_CASE("the shipped decks hold at least 250 prompts in at least 10 decks, every deck described") {
    const Library library;
    CHECK(library.decks().size() >= 10);
    CHECK(library.cards().size() >= 250);
    for (const auto& deck : library.decks()) {
        INFO(deck.name);
        CHECK(deck.shipped());
        CHECK_FALSE(deck.title.empty());
        CHECK_FALSE(deck.description.empty());
        CHECK_FALSE(deck.how_to_use.empty());
        CHECK(deck.count >= 15);
    }
}

TEST_CASE("shipped ids are unique, deck-prefixed and numbered; every depth and audience is served") {
    const Library library;
    std::set<std::string_view> ids;
    std::set<int> depths;
    std::size_t solo = 0, together = 0;
    for (const auto& card : library.cards()) {
        INFO(card.id);
        CHECK(ids.insert(card.id).second);
        CHECK(card.id.starts_with(std::string(card.deck) + "-"));
        CHECK(card.id.size() == card.deck.size() + 4);
        CHECK(library.find(card.id) == &card);
        CHECK((card.depth >= 1 && card.depth <= 3));
        depths.insert(card.depth);
        solo += card.with != With::together;
        together += card.with != With::solo;
        for (const auto note : card.note_list())
            CHECK(std::find(tend::known_notes.begin(), tend::known_notes.end(), note) != tend::known_notes.end());
    }
    CHECK(depths == std::set<int>{1, 2, 3});
    CHECK(solo >= 100);
    CHECK(together >= 100);
}

TEST_CASE("the compiled-in decks are exactly the files in data/decks") {
    const Library library;
    std::size_t files = 0;
    for (const auto& file : tend::deck_files(fs::path(TEND_SOURCE_DIR) / "data" / "decks")) {
        ++files;
        const auto load = tend::load_deck_file(file, tend::DeckRules::shipped);
        REQUIRE_MESSAGE(load.ok(), load.problems.front().located());
        const auto* info = library.deck(load.deck.name);
        REQUIRE(info);
        REQUIRE(info->count == load.deck.prompts.size());
        for (std::size_t i = 0; i < info->count; ++i) {
            const auto& card = library.cards()[info->first + i];
            CHECK(card.id == load.deck.prompts[i].id);
            CHECK(card.text == load.deck.prompts[i].text);
            CHECK(card.depth == load.deck.prompts[i].depth);
        }
    }
    CHECK(files == library.decks().size());
}

TEST_CASE("a user deck joins the library; one whose name or ids are taken is left out with the reason") {
    Library library;
    const std::size_t shipped = library.cards().size();
    tend::Deck mine{"mine", "Mine", "", "", "decks/mine.toml", {{"mine-1", "Hello?", 2, With::either, {"pets"}, 4}}};
    CHECK(library.add_deck(tend::DeckLoad{mine, {}}));
    CHECK(library.cards().size() == shipped + 1);
    REQUIRE(library.find("mine-1"));
    CHECK(library.find("mine-1")->has_note("pets"));
    CHECK(library.find("mine-1")->deck == "mine");
    CHECK(std::find(library.notes().begin(), library.notes().end(), "pets") != library.notes().end());

    tend::Deck clash{"play", "", "", "", "decks/play.txt", {{"play-x", "Hi?", 2, With::either, {}, 1}}};
    CHECK_FALSE(library.add_deck(tend::DeckLoad{clash, {}}));
    REQUIRE(library.skipped().size() == 1);
    CHECK(
        contains(library.skipped()[0].problems.at(0).located(), "deck name 'play' is already taken by a shipped deck"));

    tend::Deck ids{"mine-x", "", "", "", "decks/x.toml", {{"mine-1", "Again?", 2, With::either, {}, 7}}};
    CHECK_FALSE(library.add_deck(tend::DeckLoad{ids, {}}));
    CHECK(contains(library.skipped()[1].problems.at(0).located(),
                   "decks/x.toml:7: id 'mine-1' is already used by deck 'mine'"));

    tend::Deck broken{"b", "", "", "", "decks/b.toml", {}};
    CHECK_FALSE(library.add_deck(tend::DeckLoad{broken, {tend::Finding{"decks/b.toml", 3, 0, "something"}}}));
    CHECK(library.skipped().size() == 3);
    CHECK(library.cards().size() == shipped + 1);
}

TEST_CASE("a moved library keeps its cards pointing at live text") {
    Library library;
    tend::Deck mine{"mine", "Mine", "", "", "m.toml", {{"mine-1", "Still here?", 2, With::either, {"a", "b"}, 1}}};
    library.add_deck(tend::DeckLoad{mine, {}});
    const Library moved = std::move(library);
    REQUIRE(moved.find("mine-1"));
    CHECK(moved.find("mine-1")->text == "Still here?");
    CHECK(moved.find("mine-1")->notes == "a,b");
    CHECK(moved.find("mine-1")->note_list() == std::vector<std::string_view>{"a", "b"});
}
