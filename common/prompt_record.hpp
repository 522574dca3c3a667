// The prompt history record: its fields in prompt/YYYY-MM.toml, defined once for prompt and report.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
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

}  // namespace tend
