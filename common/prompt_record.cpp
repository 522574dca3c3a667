// Field list of [[prompt]] records and their event names.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompt_record.hpp"

#include <array>

namespace tend {

namespace {
constexpr std::array prompt_fields{
    FieldSpec{"event", FieldType::string, true}, FieldSpec{"prompt_id", FieldType::string, true},
    FieldSpec{"deck", FieldType::string, true},  FieldSpec{"prompt_text", FieldType::string},
    FieldSpec{"text", FieldType::string},
};

constexpr std::array<std::pair<PromptEvent, std::string_view>, 5> event_names{{
    {PromptEvent::shown, "shown"},
    {PromptEvent::answered, "answered"},
    {PromptEvent::skipped, "skipped"},
    {PromptEvent::fav, "fav"},
    {PromptEvent::unfav, "unfav"},
}};
}  // namespace

const RecordFormat prompt_format{"prompt", prompt_fields};

std::string_view prompt_event_name(PromptEvent event) {
    for (const auto& [value, name] : event_names)
        if (value == event) return name;
    return "shown";
}

std::optional<PromptEvent> parse_prompt_event(std::string_view name) {
    for (const auto& [value, known] : event_names)
        if (known == name) return value;
    return std::nullopt;
}

std::optional<PromptEvent> prompt_event(const Record& record) {
    const auto name = field<std::string>(record, "event");
    if (!name) return std::nullopt;
    return parse_prompt_event(*name);
}

void write_prompt_entry(const PromptEntry& entry, Record& record) {
    record.insert_or_assign("event", std::string(prompt_event_name(entry.event)));
    record.insert_or_assign("prompt_id", entry.prompt_id);
    record.insert_or_assign("deck", entry.deck);
    if (entry.prompt_text) record.insert_or_assign("prompt_text", *entry.prompt_text);
    if (entry.text) record.insert_or_assign("text", *entry.text);
}

std::optional<PromptEntry> read_prompt_entry(const Record& record) {
    const auto event = prompt_event(record);
    if (!event) return std::nullopt;
    return PromptEntry{*event, field<std::string>(record, "prompt_id").value_or(""),
                       field<std::string>(record, "deck").value_or(""), field<std::string>(record, "prompt_text"),
                       field<std::string>(record, "text")};
}

}  // namespace tend
