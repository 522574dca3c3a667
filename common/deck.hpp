// Prompt decks: the schema, and parsers for TOML decks and fortune-style `%` text decks that
// report every problem with its file and line.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finding.hpp"

namespace tend {

// Who a prompt is for: one person, two people together, or either.
enum class With { solo, together, either };

std::string_view with_name(With with);
std::optional<With> parse_with(std::string_view text);

struct DeckPrompt {
    std::string id;    // "<deck>-<something>", stable forever: history refers to it
    std::string text;  // trimmed, never empty
    int depth = 2;     // 1 light, 2 medium, 3 deep
    With with = With::either;
    std::vector<std::string> notes;  // content notes: "family", "body", ...
    std::size_t line = 0;            // where the prompt starts in its file
};

struct Deck {
    std::string name;  // what --deck takes, and the prefix of every id
    std::string title;
    std::string description;
    std::string how_to_use;
    std::filesystem::path file;
    std::vector<DeckPrompt> prompts;
};

// A parsed deck and everything wrong with it. A deck with problems is not used.
struct DeckLoad {
    Deck deck;
    std::vector<Finding> problems;  // in file order
    bool ok() const { return problems.empty(); }
};

// How strictly to read a deck. Shipped decks must also have every [deck] key, a name
// equal to the file's, content notes from known_notes, and ids "<name>-NNN".
enum class DeckRules { user, shipped };

// Limits that keep a deck readable on a terminal and its history small.
constexpr std::size_t max_prompt_bytes = 4000;
constexpr std::size_t max_name_bytes = 40;
constexpr std::size_t max_id_bytes = 64;

// Content notes the shipped decks use; user decks may add their own.
extern const std::vector<std::string_view> known_notes;

// The shipped decks' rule for notes: a prompt whose words (lower case) hold one of `words`
// must carry `note`, so that `prompt check` catches a prompt about arguments with no
// "conflict" note. Words are stems ("apolog", "forgiv"), matched anywhere.
struct NoteRule {
    std::string_view note;
    std::vector<std::string_view> words;
};
extern const std::vector<NoteRule> note_rules;

// A deck in TOML: a [deck] table (name, title, description, how_to_use) and [[prompt]]
// tables (id, text, depth 1-3 default 2, with solo|together|either default either, notes).
// In user decks [deck] and its keys are optional; the name defaults to the file's.
DeckLoad parse_toml_deck(std::string_view text, const std::filesystem::path& file, DeckRules rules = DeckRules::user);

// A deck in fortune's format: prompts separated by lines holding only '%'. The name is the
// file's; each prompt's id is "<name>-" and 8 hex digits of a stable hash of its text with
// whitespace runs folded, so ids survive reordering, inserting and re-wrapping lines, and
// change only when the words do. Depth 2, either, no notes.
DeckLoad parse_text_deck(std::string_view text, const std::filesystem::path& file);

// Reads and parses a deck file by its extension (.toml or .txt). A file that cannot be
// read or has another extension comes back with a problem.
DeckLoad load_deck_file(const std::filesystem::path& file, DeckRules rules = DeckRules::user);

// The deck files in a directory (*.toml and *.txt, not hidden), sorted by name; empty when
// the directory does not exist.
std::vector<std::filesystem::path> deck_files(const std::filesystem::path& dir);

// Problems between decks: a deck name, prompt id or (with `same_text`) prompt text used twice.
// Each problem names the later deck's file and line.
std::vector<Finding> cross_deck_problems(const std::vector<const Deck*>& decks, bool same_text);

// A deck name made from a file name: lower case, runs of other characters as one '-'.
std::string deck_name_from_file(const std::filesystem::path& file);

// Names and ids: lower-case ASCII letters, digits and inner hyphens.
bool is_valid_name(std::string_view name);

// Text with leading and trailing whitespace removed and inner runs folded to one space:
// what decides whether two prompts say the same thing.
std::string folded_text(std::string_view text);

// FNV-1a, 64 bits: a hash that is the same on every machine and compiler (std::hash is not).
constexpr std::uint64_t fnv1a_offset = 14695981039346656037ull;
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t state = fnv1a_offset);

// SplitMix64's finaliser: spreads a 64-bit value's bits. Stable everywhere, like fnv1a.
std::uint64_t splitmix64(std::uint64_t value);

}  // namespace tend
