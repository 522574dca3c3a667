// Choosing prompts: the prompt of the day (stable everywhere), random picks with cooldown rounds, filters.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "fixtures.hpp"
#include "prompt_library.hpp"
#include "prompt_pick.hpp"

using tend::Card;
using tend::With;
using tend::test::local_day;

namespace {

// Cards with ids "c-0".."c-<n-1>"; the strings live as long as the pool.
struct Pool {
    std::vector<std::string> ids;
    std::vector<Card> cards;
    explicit Pool(std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) ids.push_back("c-" + std::to_string(i));
        for (const auto& id : ids) cards.push_back(Card{id, "text", "c", 2, With::either, ""});
    }
    std::vector<const Card*> pointers() const {
        std::vector<const Card*> out;
        for (const auto& card : cards) out.push_back(&card);
        return out;
    }
};

std::string day_pick(const std::vector<const Card*>& pool, tend::LocalDay day, std::string_view seed) {
    return std::string(tend::prompt_of_the_day(pool, day, seed)->id);
}

}  // namespace

TEST_CASE("the prompt of the day depends on the date, the seed and the ids, not on the pool's order") {
    Pool pool(40);
    auto forward = pool.pointers();
    auto backward = forward;
    std::reverse(backward.begin(), backward.end());
    const auto day = local_day(2026, 11, 21);
    CHECK(day_pick(forward, day, "our-words") == day_pick(backward, day, "our-words"));
    CHECK(day_pick(forward, day, "our-words") == day_pick(forward, day, "our-words"));
    CHECK(tend::prompt_of_the_day({}, day, "x") == nullptr);

    // Other seeds give other sequences: over a fortnight they cannot all agree.
    int same = 0;
    for (int d = 0; d < 14; ++d)
        same += day_pick(forward, day + date::days{d}, "our-words") == day_pick(forward, day + date::days{d}, "other");
    CHECK(same < 14);
}

TEST_CASE("the prompt of the day is pinned: the same inputs give the same prompt in every version") {
    // Partners on different versions of tend must still agree, so this may never change. The
    // values were computed by an independent re-implementation of the algorithm in pick.hpp.
    Pool pool(40);
    const auto cards = pool.pointers();
    const std::vector<std::string> expected{"c-39", "c-12", "c-14", "c-28", "c-34"};
    std::vector<std::string> got;
    for (int d = 0; d < 5; ++d) got.push_back(day_pick(cards, local_day(2026, 11, 21) + date::days{d}, "our-words"));
    CHECK(got == expected);
}

TEST_CASE("the prompt of the day moves each day and gives every prompt its day before any repeats") {
    Pool pool(7);
    const auto cards = pool.pointers();
    // Day numbers count from 1970-01-01; a cycle of 7 starts on a multiple of 7.
    const tend::LocalDay start{date::days{7 * 2960}};
    std::set<std::string> seen;
    for (int d = 0; d < 7; ++d) seen.insert(day_pick(cards, start + date::days{d}, "s"));
    CHECK(seen.size() == 7);
    // Within a cycle no day repeats the one before; only a cycle's first day may.
    for (int d = 0; d < 60; ++d) {
        if ((d + 1) % 7 == 0) continue;
        CHECK(day_pick(cards, start + date::days{d}, "s") != day_pick(cards, start + date::days{d + 1}, "s"));
    }
}

TEST_CASE("adding or removing a prompt changes the pool, and so may change the day's prompt") {
    Pool small(10), large(11);
    int differ = 0;
    for (int d = 0; d < 20; ++d)
        differ += day_pick(small.pointers(), local_day(2026, 1, 1) + date::days{d}, "") !=
                  day_pick(large.pointers(), local_day(2026, 1, 1) + date::days{d}, "");
    CHECK(differ > 0);
}

TEST_CASE("a random pick avoids what was seen in the current round") {
    Pool pool(5);
    const auto cards = pool.pointers();
    const std::vector<std::string_view> recent{"c-0", "c-1", "c-3", "elsewhere-1"};
    for (std::uint64_t r = 0; r < 50; ++r) {
        const auto pick = tend::pick_random(cards, recent, r);
        CHECK_FALSE(pick.new_round);
        CHECK((pick.card->id == "c-2" || pick.card->id == "c-4"));
    }
}

TEST_CASE("once every prompt has been seen a new round starts, without the one seen last") {
    Pool pool(3);
    const auto cards = pool.pointers();
    const std::vector<std::string_view> all_seen{"c-0", "c-2", "c-1"};
    std::set<std::string_view> picked;
    for (std::uint64_t r = 0; r < 50; ++r) {
        const auto pick = tend::pick_random(cards, all_seen, r);
        CHECK(pick.new_round);
        CHECK(pick.card->id != "c-1");
        picked.insert(pick.card->id);
    }
    CHECK(picked.size() == 2);
    // One into the next round: that one is avoided, and it is no longer a fresh round.
    const std::vector<std::string_view> next{"c-0", "c-2", "c-1", "c-0"};
    for (std::uint64_t r = 0; r < 20; ++r) {
        const auto pick = tend::pick_random(cards, next, r);
        CHECK_FALSE(pick.new_round);
        CHECK(pick.card->id != "c-0");
    }
}

TEST_CASE("a pool of one always gives that one") {
    Pool pool(1);
    const auto pick = tend::pick_random(pool.pointers(), {"c-0", "c-0"}, 7);
    CHECK(pick.card->id == "c-0");
    CHECK(pick.new_round);
}

TEST_CASE("filters: decks, depth, solo or together (with either), content notes") {
    tend::Library library;
    tend::Deck deck{"mine",
                    "Mine",
                    "",
                    "",
                    "mine.toml",
                    {{"mine-1", "Light, for two?", 1, With::together, {}, 1},
                     {"mine-2", "Deep, alone?", 3, With::solo, {"family"}, 2},
                     {"mine-3", "Either way?", 2, With::either, {"body", "family"}, 3}}};
    REQUIRE(library.add_deck(tend::DeckLoad{deck, {}}));
    const auto ids = [&](const tend::Filter& filter) {
        std::vector<std::string> out;
        for (const Card* card : tend::filter_cards(library, filter)) out.emplace_back(card->id);
        return out;
    };
    CHECK(ids({{"mine"}, {}, {}, {}}) == std::vector<std::string>{"mine-1", "mine-2", "mine-3"});
    CHECK(ids({{"mine"}, 2, {}, {}}) == std::vector<std::string>{"mine-1", "mine-3"});
    CHECK(ids({{"mine"}, {}, With::together, {}}) == std::vector<std::string>{"mine-1", "mine-3"});
    CHECK(ids({{"mine"}, {}, With::solo, {}}) == std::vector<std::string>{"mine-2", "mine-3"});
    CHECK(ids({{"mine"}, {}, {}, {"body"}}) == std::vector<std::string>{"mine-1", "mine-2"});
    CHECK(ids({{"mine"}, {}, {}, {"family"}}) == std::vector<std::string>{"mine-1"});
    CHECK(tend::filter_cards(library, {}).size() == library.cards().size());
    const auto error = tend::test::error_from([&] { tend::filter_cards(library, {{"nope"}, {}, {}, {}}); });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::usage);
    CHECK(tend::test::contains(error->what(), "--deck: there is no deck called 'nope'"));
}
