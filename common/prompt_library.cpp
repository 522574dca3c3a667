// Building the card list from compiled-in decks and the person's deck files, and filtering it.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompt_library.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "error.hpp"
#include "feelings.hpp"
#include "shipped_decks.hpp"
#include "terminal.hpp"

namespace tend {
namespace fs = std::filesystem;

std::vector<std::string_view> Card::note_list() const {
    std::vector<std::string_view> list;
    std::string_view rest = notes;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        list.push_back(rest.substr(0, comma));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return list;
}

bool Card::has_note(std::string_view note) const {
    const auto list = note_list();
    return std::find(list.begin(), list.end(), note) != list.end();
}

Library::Library() {
    std::size_t total = 0;
    for (const auto& deck : shipped_decks) total += deck.prompts.size();
    cards_.reserve(total);
    decks_.reserve(shipped_decks.size());
    for (const auto& deck : shipped_decks) {
        decks_.push_back(
            DeckInfo{deck.name, deck.title, deck.description, deck.how_to_use, {}, cards_.size(), deck.prompts.size()});
        for (const auto& p : deck.prompts) cards_.push_back(Card{p.id, p.text, deck.name, p.depth, p.with, p.notes});
    }
}

void Library::add_user_decks(const fs::path& dir) {
    for (const auto& file : deck_files(dir)) add_deck(load_deck_file(file));
}

void Library::add_couple_decks(const fs::path& dir) {
    for (const auto& file : deck_files(dir))
        if (add_deck(load_deck_file(file))) decks_.back().couple = true;
}

bool Library::add_deck(DeckLoad load) {
    Deck& deck = load.deck;
    if (const DeckInfo* taken = load.ok() ? this->deck(deck.name) : nullptr) {
        load.problems.push_back({deck.file, 0, 0,
                                 fmt::format("deck name '{}' is already taken by {}", neutralize(deck.name),
                                             taken->shipped() ? "a shipped deck" : taken->file.string())});
    }
    if (load.ok()) {
        // A sorted copy of the ids, searched: the shipped decks come in id order, so this is
        // one pass where a hash set of every id cost a personal deck 150,000 instructions.
        std::vector<std::string_view> ids;
        ids.reserve(cards_.size());
        for (const auto& card : cards_) ids.push_back(card.id);
        if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
        for (const auto& prompt : deck.prompts)
            if (std::binary_search(ids.begin(), ids.end(), std::string_view(prompt.id)))
                load.problems.push_back({deck.file, prompt.line, 0,
                                         fmt::format("id '{}' is already used by deck '{}'", neutralize(prompt.id),
                                                     find(prompt.id)->deck)});
    }
    if (!load.ok()) {
        skipped_.push_back(SkippedDeck{deck.file, std::move(load.problems)});
        return false;
    }
    own_decks_.push_back(std::make_unique<Deck>(std::move(deck)));
    const Deck& kept = *own_decks_.back();
    decks_.push_back(DeckInfo{kept.name, kept.title, kept.description, kept.how_to_use, kept.file, cards_.size(),
                              kept.prompts.size()});
    cards_.reserve(cards_.size() + kept.prompts.size());
    for (const auto& p : kept.prompts) {
        joined_notes_.push_back(p.notes.empty() ? std::string() : fmt::format("{}", fmt::join(p.notes, ",")));
        cards_.push_back(Card{p.id, p.text, kept.name, p.depth, p.with, joined_notes_.back()});
    }
    return true;
}

const Card* Library::find(std::string_view id) const {
    const auto it = std::find_if(cards_.begin(), cards_.end(), [&](const Card& card) { return card.id == id; });
    return it == cards_.end() ? nullptr : &*it;
}

const DeckInfo* Library::deck(std::string_view name) const {
    const auto it = std::find_if(decks_.begin(), decks_.end(), [&](const DeckInfo& info) { return info.name == name; });
    return it == decks_.end() ? nullptr : &*it;
}

std::vector<std::string_view> Library::notes() const {
    std::vector<std::string_view> all;
    for (const auto& card : cards_)
        for (const auto note : card.note_list())
            if (std::find(all.begin(), all.end(), note) == all.end()) all.push_back(note);
    std::sort(all.begin(), all.end());
    return all;
}

Filter config_filter(const PromptConfig& config) {
    Filter filter;
    filter.max_depth = config.depth;
    if (!config.with.empty() && config.with != "either") filter.with = parse_with(config.with);
    for (const auto& note : config.exclude) filter.exclude.push_back(normalize_word(note));
    return filter;
}

Filter shared_day_filter() {
    Filter filter;
    filter.max_depth = 2;
    filter.with = With::together;
    filter.shared_decks_only = true;
    return filter;
}

Filter own_day_filter(const PromptConfig& config) {
    Filter filter = config_filter(config);
    if (!filter.max_depth) filter.max_depth = 2;
    if (config.with.empty() && !config.seed.empty()) filter.with = With::together;
    return filter;
}

std::optional<Miss> filter_miss(const Filter& filter, const Card& card) {
    if (!filter.decks.empty() && std::find(filter.decks.begin(), filter.decks.end(), card.deck) == filter.decks.end())
        return Miss::deck;
    if (std::any_of(filter.exclude.begin(), filter.exclude.end(),
                    [&](const std::string& note) { return card.has_note(note); }))
        return Miss::note;
    if (filter.max_depth && card.depth > *filter.max_depth) return Miss::depth;
    if (filter.with && card.with != *filter.with && card.with != With::either) return Miss::with;
    return std::nullopt;
}

std::vector<const Card*> filter_cards(const Library& library, const Filter& filter) {
    for (const auto& name : filter.decks)
        if (!library.deck(name))
            usage_error(
                fmt::format("--deck: there is no deck called '{}'; 'prompt decks' lists them", neutralize(name)));
    std::vector<const Card*> pool;
    pool.reserve(library.cards().size());
    for (const auto& info : library.decks()) {
        if (filter.shared_decks_only && !info.shared()) continue;
        for (std::size_t i = info.first; i < info.first + info.count; ++i) {
            const Card& card = library.cards()[i];
            if (!filter_miss(filter, card)) pool.push_back(&card);
        }
    }
    return pool;
}

}  // namespace tend
