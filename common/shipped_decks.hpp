// The shipped prompt decks, compiled in: generated at build time from data/decks/*.toml by deck_gen.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string_view>

#include "deck.hpp"

namespace tend {

struct ShippedPrompt {
    std::string_view id;
    std::string_view text;
    int depth;
    With with;
    std::string_view notes;  // content notes, comma-separated
};

struct ShippedDeck {
    std::string_view name;
    std::string_view title;
    std::string_view description;
    std::string_view how_to_use;
    std::span<const ShippedPrompt> prompts;
};

// Every shipped deck, in file-name order; constant data, nothing runs at start-up.
extern const std::span<const ShippedDeck> shipped_decks;

}  // namespace tend
