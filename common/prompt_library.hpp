// The prompts tend knows: the shipped decks, the couple's and the person's own, and the filters on them.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "deck.hpp"

namespace tend {

// One prompt, wherever it came from. The views point into the shipped data or into the
// Library that made the card.
struct Card {
    std::string_view id;
    std::string_view text;
    std::string_view deck;
    int depth = 2;
    With with = With::either;
    std::string_view notes;  // content notes, comma-separated

    bool has_note(std::string_view note) const;
    std::vector<std::string_view> note_list() const;
};

struct DeckInfo {
    std::string_view name;
    std::string_view title;
    std::string_view description;
    std::string_view how_to_use;
    std::filesystem::path file;  // empty for a shipped deck
    std::size_t first = 0;       // its cards are cards()[first, first + count)
    std::size_t count = 0;
    bool couple = false;  // from the couple's folder: shared by both, like the shipped decks
    bool shipped() const { return file.empty(); }
    bool shared() const { return shipped() || couple; }
};

struct SkippedDeck {
    std::filesystem::path file;
    std::vector<Finding> problems;
};

class Library {
public:
    // The shipped decks; reading them costs no parsing, they are constant data.
    Library();
    Library(Library&&) = default;
    Library& operator=(Library&&) = default;

    // Adds the person's decks from a directory (<data>/decks), in file-name order. A deck
    // with any problem, alone or against the decks already here (a name or id taken), is
    // left out and kept in skipped(). A missing directory adds nothing and costs one stat.
    void add_user_decks(const std::filesystem::path& dir);
    // Adds the decks a couple keeps in their shared folder (<couple dir>/decks), under the same
    // rules, marked as the couple's: before the person's own, so that a deck of theirs can never
    // push a shared one out of the shared pool.
    void add_couple_decks(const std::filesystem::path& dir);
    // Adds one parsed deck under the same rules; false when it was left out.
    bool add_deck(DeckLoad load);

    const std::vector<Card>& cards() const { return cards_; }
    const std::vector<DeckInfo>& decks() const { return decks_; }
    const std::vector<SkippedDeck>& skipped() const { return skipped_; }

    const Card* find(std::string_view id) const;
    const DeckInfo* deck(std::string_view name) const;
    // Every content note used by any card, sorted.
    std::vector<std::string_view> notes() const;

private:
    std::vector<std::unique_ptr<Deck>> own_decks_;
    std::deque<std::string> joined_notes_;
    std::vector<Card> cards_;
    std::vector<DeckInfo> decks_;
    std::vector<SkippedDeck> skipped_;
};

struct Filter {
    std::vector<std::string> decks;    // only these decks; empty: all
    std::optional<int> max_depth;      // 1-3
    std::optional<With> with;          // solo or together: those and the "either" ones
    std::vector<std::string> exclude;  // leave out cards with any of these content notes
    bool shared_decks_only = false;    // only the decks a couple shares: shipped, or in their folder
};

// Why a card does not pass a filter: the first of its tests it fails, in this order.
enum class Miss { deck, note, depth, with };

// The filter the config sets for every pick ([prompt] depth, with and exclude), before any option.
Filter config_filter(const PromptConfig& config);

// The couple's pool for the shared prompt of the day: only what both partners have alike, so
// neither one's choices for themselves move it. The shipped decks and those in the couple's
// folder, prompts meant for two
// (together or either), depth 1-2 (it is shown unasked, often from a shell rc file); nothing
// from the config or the options. The one definition of the shared pool: build on it, do not
// copy it.
Filter shared_day_filter();

// A person's own pool for the prompt of the day: [prompt] depth, with and exclude over gentle
// defaults (depth 1-2; with a seed, prompts meant for two). Without a seed it is the pool the
// day's prompt comes from; with one, it says whether the shared prompt is one they would
// rather skip, and gives the prompt just for them on a day it is.
Filter own_day_filter(const PromptConfig& config);

// The cards that pass the filter, in library order. A deck name that is not loaded is a
// usage error naming --deck.
std::vector<const Card*> filter_cards(const Library& library, const Filter& filter);

// Whether one card passes the filter; the first test it fails when it does not. Decks are
// matched by name (a filter's shared_decks_only is the library's to judge).
std::optional<Miss> filter_miss(const Filter& filter, const Card& card);

}  // namespace tend
