// The boundary record: events in boundary/YYYY-MM.toml, and each boundary's state folded from them.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "record.hpp"

namespace tend {

// [[boundary]] records: one per event in a boundary's life. `added` carries the wording
// (text), type, with, hard, if_crossed and note; every other event carries intensity and
// note, and `renegotiated` the new wording in text.
extern const RecordFormat boundary_format;

enum class BoundaryEvent { added, held, tested, crossed, violated, repaired, renegotiated, retired };

// The names written in `event`, indexed by BoundaryEvent.
extern const std::array<std::string_view, 8> boundary_event_names;

// The types a boundary can have: physical, emotional, time, material, digital, sexual, intellectual.
extern const std::array<std::string_view, 7> boundary_types;

std::string_view event_name(BoundaryEvent event);
std::optional<BoundaryEvent> parse_boundary_event(std::string_view name);
bool is_boundary_type(std::string_view type);

// One event's fields (besides id, at and recorded), as boundary_format has them.
struct BoundaryEntry {
    BoundaryEvent event = BoundaryEvent::added;
    std::int64_t boundary = 0;  // the number it was logged under
    // added: the wording; renegotiated: the new wording; no other event has one.
    std::optional<std::string> text;
    std::optional<std::string> type;  // added only, as are with, hard and if_crossed
    std::optional<std::string> with;
    std::optional<bool> hard;
    std::optional<std::string> if_crossed;
    std::optional<int> intensity;  // 0-10, any event but added
    std::optional<std::string> note;
    std::optional<std::string> of;  // any event but added: the id of its boundary's `added` record
};

// Writes the entry's fields into a record (which also needs id, at and recorded: new_record()).
void write_boundary_entry(const BoundaryEntry& entry, Record& record);

// The fields of a record that passed validation against boundary_format. Throws Exit::data,
// naming the month file and record id, for an event this version does not know.
BoundaryEntry read_boundary_entry(const Record& record);

// What a boundary is now, derived from its events; nothing of it is stored as such.
struct BoundaryState {
    std::int64_t number = 0;  // the number it is shown and typed under
    // The number it was set as, when another device set a boundary of that number first.
    std::optional<std::int64_t> set_as;
    std::string text;  // the wording now: the latest renegotiated text, else the added one
    std::optional<std::string> type;
    std::optional<std::string> with;
    bool hard = false;
    std::optional<std::string> if_crossed;
    OffsetTime added;  // when it was set
    bool retired = false;
    BoundaryEvent last_event = BoundaryEvent::added;
    OffsetTime last_at;
    std::array<int, 8> counts{};  // events of each kind, indexed by BoundaryEvent
    std::vector<Record> events;   // the whole timeline, oldest first, `added` first

    int count(BoundaryEvent event) const { return counts[static_cast<std::size_t>(event)]; }
};

// Folds [[boundary]] records (in any order) into each boundary's state, ordered by number.
// Events apply in `at` order (an `added` first among equal times, then the order given, so
// pass records in the order they were written). Events after `retired`
// stay in the timeline and the counts, and the boundary stays retired. A number set on two
// devices is kept by the first and the other shown under the next free number (set_as);
// events find their boundary by `of`, the id of its `added` record. Throws Exit::data,
// naming the month file and record id, for an unknown event, an `added` without text, or an
// event on a number not added before it.
std::vector<BoundaryState> derive_boundaries(std::vector<Record> records);

// The boundary with this number, or nullptr.
const BoundaryState* find_boundary(const std::vector<BoundaryState>& states, std::int64_t number);

// The number a new boundary gets: one more than any number in any record, so numbers of
// retired (or hand-removed) boundaries are never reused.
std::int64_t next_boundary_number(const std::vector<Record>& records);

}  // namespace tend
