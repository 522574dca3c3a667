// The ways of choosing a prompt: of the day, shared by a couple, at random.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompt_pick.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace tend {

namespace {

constexpr std::uint64_t golden_gamma = 0x9E3779B97F4A7C15ull;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Every input is separated by a byte that cannot occur in it, so no two inputs collide.
std::uint64_t hash_ids(std::string_view version, std::string_view seed, std::vector<const Card*>& pool) {
    // The shipped decks come in id order, so a pool of them is sorted already: checking costs
    // one pass, sorting 250 cards again cost `prompt today` about 130,000 instructions.
    const auto by_id = [](const Card* a, const Card* b) { return a->id < b->id; };
    if (!std::is_sorted(pool.begin(), pool.end(), by_id)) std::sort(pool.begin(), pool.end(), by_id);
    std::uint64_t hash = fnv1a(version);
    hash = fnv1a(std::string_view("\0", 1), hash);
    hash = fnv1a(seed, hash);
    for (const Card* card : pool) {
        hash = fnv1a(std::string_view("\0", 1), hash);
        hash = fnv1a(card->id, hash);
    }
    return fnv1a(std::string_view("\0", 1), hash);
}

}  // namespace

const Card* prompt_of_the_day(std::vector<const Card*> pool, LocalDay day, std::string_view seed) {
    if (pool.empty()) return nullptr;
    std::uint64_t hash = hash_ids("tend prompt of the day, version 1", seed, pool);
    const auto size = static_cast<std::int64_t>(pool.size());
    const std::int64_t number = day.time_since_epoch().count();
    const std::int64_t cycle = floor_div(number, size);
    const std::int64_t place = number - cycle * size;
    hash = fnv1a(std::to_string(cycle), hash);

    // Fisher-Yates with SplitMix64's sequence from that hash.
    std::vector<std::size_t> order(pool.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t state = hash;
    for (std::size_t i = order.size() - 1; i > 0; --i) {
        const std::uint64_t r = splitmix64(state);
        state += golden_gamma;
        std::swap(order[i], order[static_cast<std::size_t>(r % (i + 1))]);
    }
    return pool[order[static_cast<std::size_t>(place)]];
}

std::string check_code(std::vector<const Card*> pool, LocalDay day, std::string_view seed, const Card& pick) {
    constexpr std::string_view alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    std::uint64_t hash = hash_ids("tend check code, version 1", seed, pool);
    hash = fnv1a(std::to_string(day.time_since_epoch().count()), hash);
    hash = fnv1a(std::string_view("\0", 1), hash);
    std::uint64_t bits = splitmix64(fnv1a(pick.id, hash));
    std::string code;
    for (int i = 0; i < 4; ++i, bits >>= 5) code += alphabet[bits & 31];
    return code;
}

std::vector<const Card*> shared_pool(const Library& library) {
    return filter_cards(library, shared_day_filter());
}

SharedPick shared_prompt_of_the_day(const std::vector<const Card*>& pool, LocalDay day, std::string_view seed) {
    SharedPick pick;
    pick.card = prompt_of_the_day(pool, day, seed);
    if (pick.card) pick.code = check_code(pool, day, seed, *pick.card);
    return pick;
}

RandomPick pick_random(const std::vector<const Card*>& pool, const std::vector<std::string_view>& recent,
                       std::uint64_t random) {
    RandomPick pick;
    if (pool.empty()) return pick;
    std::unordered_set<std::string_view> in_pool;
    for (const Card* card : pool) in_pool.insert(card->id);

    std::unordered_set<std::string_view> seen;
    bool completed = false;
    std::string_view last;
    for (const auto id : recent) {
        if (!in_pool.contains(id)) continue;
        last = id;
        seen.insert(id);
        if (seen.size() == in_pool.size()) {
            seen.clear();
            completed = true;
        }
    }
    std::vector<const Card*> candidates;
    for (const Card* card : pool)
        if (!seen.contains(card->id)) candidates.push_back(card);
    pick.new_round = completed && seen.empty();
    if (seen.empty() && candidates.size() > 1)
        std::erase_if(candidates, [&](const Card* card) { return card->id == last; });
    pick.card = candidates[static_cast<std::size_t>(splitmix64(random) % candidates.size())];
    return pick;
}

}  // namespace tend
