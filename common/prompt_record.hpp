// The prompt history record: its fields in prompt/YYYY-MM.toml, defined once for prompt and report.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "record.hpp"

namespace tend {

// [[prompt]] records: event, prompt_id, deck, and for answers the prompt's text (prompt_text,
// so a report can show it without the decks) and the answer (text).
extern const RecordFormat prompt_format;

// What happened to a prompt. `shown` counts for the cooldown, as does `skipped`; `fav` and
// `unfav` mark and unmark favourites (the latest of the two wins).
enum class PromptEvent { shown, answered, skipped, fav, unfav };

std::string_view prompt_event_name(PromptEvent event);
std::optional<PromptEvent> parse_prompt_event(std::string_view name);

// The event of a record that passed validation; nullopt for a value this version does not
// know (a reader skips such records rather than failing).
std::optional<PromptEvent> prompt_event(const Record& record);

// One prompt event's fields (besides id, at and recorded).
struct PromptEntry {
    PromptEvent event = PromptEvent::shown;
    std::string prompt_id;
    std::string deck;
    std::optional<std::string> prompt_text;  // an answer's prompt, in its own words
    std::optional<std::string> text;         // the answer
};

// Writes the entry's fields into a record (which also needs id, at and recorded: new_record()).
void write_prompt_entry(const PromptEntry& entry, Record& record);

// The fields of a record that passed validation against prompt_format, nullopt when its event
// is one this version does not know.
std::optional<PromptEntry> read_prompt_entry(const Record& record);

}  // namespace tend
