// Fuzzes the deck parsers: TOML decks (user and shipped rules) and fortune-style '%' text decks.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "deck.hpp"
#include "error.hpp"
#include "fuzz_common.hpp"
#include "record.hpp"
#include "terminal.hpp"

using tend_fuzz::check;

namespace {

const std::filesystem::path files[] = {"decks/mine.toml", "decks/gentle.toml", "decks/My Own Deck!.txt", "decks/x.txt"};

// What every deck that loads without problems must be.
void check_deck(const tend::Deck& deck) {
    check(tend::is_valid_name(deck.name) && deck.name.size() <= tend::max_name_bytes, "deck name is valid", deck.name);
    check(!deck.prompts.empty(), "a sound deck has prompts", deck.name);
    for (const auto& prompt : deck.prompts) {
        check(tend::is_valid_name(prompt.id) && prompt.id.size() <= tend::max_id_bytes, "prompt id is valid",
              prompt.id);
        check(prompt.id.starts_with(deck.name + "-"), "prompt id starts with the deck name", prompt.id);
        check(!prompt.text.empty() && prompt.text.size() <= tend::max_prompt_bytes, "prompt text is 1 to 4000 bytes",
              prompt.id);
        check(tend::is_valid_utf8(prompt.text) && tend::neutralize(prompt.text, true) == prompt.text,
              "prompt text is safe to print", prompt.id);
        check(prompt.depth >= 1 && prompt.depth <= 3, "depth is 1 to 3", prompt.id);
    }
}

bool same_prompts(const tend::Deck& a, const tend::Deck& b) {
    if (a.name != b.name || a.prompts.size() != b.prompts.size()) return false;
    for (std::size_t i = 0; i < a.prompts.size(); ++i) {
        const auto& x = a.prompts[i];
        const auto& y = b.prompts[i];
        if (x.id != y.id || x.text != y.text || x.depth != y.depth || x.with != y.with || x.notes != y.notes)
            return false;
    }
    return true;
}

// A sound TOML deck written back out (every string through toml_quote) reads back the same.
void check_toml_round_trip(const tend::Deck& deck, tend::DeckRules rules) {
    std::string out = "[deck]\nname = " + tend::toml_quote(deck.name) + "\ntitle = " + tend::toml_quote(deck.title);
    if (!deck.description.empty()) out += "\ndescription = " + tend::toml_quote(deck.description);
    if (!deck.how_to_use.empty()) out += "\nhow_to_use = " + tend::toml_quote(deck.how_to_use);
    out += "\n";
    for (const auto& prompt : deck.prompts) {
        out += "\n[[prompt]]\nid = " + tend::toml_quote(prompt.id) + "\ntext = " + tend::toml_quote(prompt.text) +
               "\ndepth = " + std::to_string(prompt.depth) + "\nwith = \"" + std::string(tend::with_name(prompt.with)) +
               "\"\nnotes = [";
        for (std::size_t i = 0; i < prompt.notes.size(); ++i)
            out += (i ? ", " : "") + tend::toml_quote(prompt.notes[i]);
        out += "]\n";
    }
    const tend::DeckLoad again = tend::parse_toml_deck(out, deck.file, rules);
    check(again.ok(), "a sound deck written back is sound", again.ok() ? out : again.problems.front().located());
    check(same_prompts(deck, again.deck) && again.deck.title == deck.title &&
              again.deck.description == deck.description && again.deck.how_to_use == deck.how_to_use,
          "a sound deck written back reads the same", out);
}

// A sound text deck joined again with '%' lines has the same prompts and ids.
void check_text_round_trip(const tend::Deck& deck) {
    std::string out;
    for (const auto& prompt : deck.prompts) out += prompt.text + "\n%\n";
    const tend::DeckLoad again = tend::parse_text_deck(out, deck.file);
    check(again.ok(), "a sound text deck joined again is sound", again.ok() ? out : again.problems.front().located());
    check(same_prompts(deck, again.deck), "a sound text deck joined again reads the same", out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::uint8_t choice = data[0];
    // Problems are collected, never thrown: any exception at all is a bug here.
    if (choice % 2 == 0) {
        const auto rules = (choice >> 1) % 2 ? tend::DeckRules::shipped : tend::DeckRules::user;
        const auto& file = files[(choice >> 2) % 2];
        const tend::DeckLoad load = tend::parse_toml_deck(text, file, rules);
        if (!load.ok()) return 0;
        check_deck(load.deck);
        check_toml_round_trip(load.deck, rules);
    } else {
        const auto& file = files[2 + (choice >> 1) % 2];
        const tend::DeckLoad load = tend::parse_text_deck(text, file);
        if (!load.ok()) return 0;
        check_deck(load.deck);
        check(load.deck.name == tend::deck_name_from_file(file), "a text deck is named after its file");
        for (const auto& prompt : load.deck.prompts)
            check(prompt.depth == 2 && prompt.with == tend::With::either && prompt.notes.empty(),
                  "text deck prompts take the defaults", prompt.id);
        check_text_round_trip(load.deck);
    }
    return 0;
}
