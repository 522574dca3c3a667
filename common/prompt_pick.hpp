// Choosing a prompt: the prompt of the day (the same everywhere), a couple's shared one, and a
// random one that keeps away from what was seen lately.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "prompt_library.hpp"
#include "time.hpp"

namespace tend {

// The prompt of the day for a local calendar day. The pool is sorted by id, and a stable
// hash (FNV-1a, then SplitMix64; never std::hash) of the seed, the sorted ids and the
// number of the day's cycle drives a shuffle of it; the day's place in its cycle picks from
// the shuffle. So the answer depends only on the date, the seed and the ids in the pool,
// never on the machine, and no prompt comes back until the whole pool has had its day.
// nullptr for an empty pool.
const Card* prompt_of_the_day(std::vector<const Card*> pool, LocalDay day, std::string_view seed);

// A short code for a day's shared pick, for two partners to compare at a glance: four
// characters of Crockford's base32 (digits and lower-case letters without i, l, o and u) from
// a stable hash of the seed, the pool's sorted ids, the day and the pick. Two partners see the
// same code when they share the seed, the pool and so the prompt; a different code says their
// decks or seeds differ, without saying how.
std::string check_code(std::vector<const Card*> pool, LocalDay day, std::string_view seed, const Card& pick);

// A couple's shared prompt of a day and its check code.
struct SharedPick {
    const Card* card = nullptr;  // nullptr only for an empty pool
    std::string code;
};

// The pool of a couple's shared prompt: the library's cards that pass shared_day_filter(), so
// only the shipped decks and the couple's own (added before the person's decks), never a
// partner's personal decks or filters. `prompt today` and `report --couple` both pick from it.
std::vector<const Card*> shared_pool(const Library& library);

// The shared prompt of `day` for a couple with `seed`, from shared_pool(): the same on both
// partners' machines and in every tool, whatever each partner chose for themselves.
SharedPick shared_prompt_of_the_day(const std::vector<const Card*>& pool, LocalDay day, std::string_view seed);

struct RandomPick {
    const Card* card = nullptr;
    bool new_round = false;  // every card of the pool had been seen; starting over
};

// A random card from the pool, avoiding the ids in `recent` (cards shown or skipped within
// the cooldown, oldest first). Rounds: reading `recent` in order, once every card of the
// pool has been seen the round is complete and the next one starts empty; the pick comes
// from the cards not seen in the current round, and at the start of a round not the card
// seen last. `random` is the entropy (any 64 bits).
RandomPick pick_random(const std::vector<const Card*>& pool, const std::vector<std::string_view>& recent,
                       std::uint64_t random);

}  // namespace tend
