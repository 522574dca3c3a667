// Field list of [[boundary]] records, and the fold that turns a boundary's events into its state.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundary_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "error.hpp"
#include "terminal.hpp"

namespace tend {

namespace {
constexpr std::array boundary_fields{
    FieldSpec{"event", FieldType::string, true}, FieldSpec{"boundary", FieldType::integer, true, 1, 1e9},
    FieldSpec{"text", FieldType::string},        FieldSpec{"type", FieldType::string},
    FieldSpec{"with", FieldType::string},        FieldSpec{"hard", FieldType::boolean},
    FieldSpec{"if_crossed", FieldType::string},  FieldSpec{"intensity", FieldType::integer, false, 0, 10},
    FieldSpec{"note", FieldType::string},        FieldSpec{"of", FieldType::string},
};

// Records lose their source positions when copied out of a parsed file, so a problem is
// located by the month file the record lives in and its id, which are enough to find it.
[[noreturn]] void record_error(const Record& record, const std::string& problem) {
    fail(Exit::data, fmt::format("boundary/{}.toml: record '{}': {}; tend leaves this file untouched until it is "
                                 "fixed by hand (see tend(5))",
                                 month_key(record_at(record).day()), neutralize(record_id(record)), problem));
}

BoundaryEvent event_of(const Record& record) {
    const std::string name = field<std::string>(record, "event").value_or("");
    const auto event = parse_boundary_event(name);
    if (!event) record_error(record, fmt::format("unknown event '{}'", neutralize(name)));
    return *event;
}

std::int64_t number_of(const Record& record) {
    return field<std::int64_t>(record, "boundary").value_or(0);
}

BoundaryState new_state(const Record& record) {
    BoundaryEntry added = read_boundary_entry(record);
    BoundaryState state;
    state.number = added.boundary;
    state.text = std::move(added.text).value_or("");
    if (state.text.empty()) record_error(record, "an 'added' event needs the boundary's wording in 'text'");
    state.type = std::move(added.type);
    state.with = std::move(added.with);
    state.hard = added.hard.value_or(false);
    state.if_crossed = std::move(added.if_crossed);
    state.added = record_at(record);
    return state;
}

}  // namespace

const RecordFormat boundary_format{"boundary", boundary_fields};

const std::array<std::string_view, 8> boundary_event_names{"added",    "held",     "tested",       "crossed",
                                                           "violated", "repaired", "renegotiated", "retired"};

const std::array<std::string_view, 7> boundary_types{"physical", "emotional", "time",        "material",
                                                     "digital",  "sexual",    "intellectual"};

std::string_view event_name(BoundaryEvent event) {
    return boundary_event_names[static_cast<std::size_t>(event)];
}

std::optional<BoundaryEvent> parse_boundary_event(std::string_view name) {
    const auto it = std::find(boundary_event_names.begin(), boundary_event_names.end(), name);
    if (it == boundary_event_names.end()) return std::nullopt;
    return static_cast<BoundaryEvent>(it - boundary_event_names.begin());
}

bool is_boundary_type(std::string_view type) {
    return std::find(boundary_types.begin(), boundary_types.end(), type) != boundary_types.end();
}

void write_boundary_entry(const BoundaryEntry& entry, Record& record) {
    record.insert_or_assign("event", std::string(event_name(entry.event)));
    record.insert_or_assign("boundary", entry.boundary);
    const auto optional = [&](std::string_view key, const auto& value) {
        if (value) record.insert_or_assign(key, *value);
    };
    optional("text", entry.text);
    optional("type", entry.type);
    optional("with", entry.with);
    optional("hard", entry.hard);
    optional("if_crossed", entry.if_crossed);
    if (entry.intensity) record.insert_or_assign("intensity", static_cast<std::int64_t>(*entry.intensity));
    optional("note", entry.note);
    optional("of", entry.of);
}

BoundaryEntry read_boundary_entry(const Record& record) {
    BoundaryEntry entry;
    entry.event = event_of(record);
    entry.boundary = number_of(record);
    entry.text = field<std::string>(record, "text");
    entry.type = field<std::string>(record, "type");
    entry.with = field<std::string>(record, "with");
    entry.hard = field<bool>(record, "hard");
    entry.if_crossed = field<std::string>(record, "if_crossed");
    if (auto intensity = field<std::int64_t>(record, "intensity")) entry.intensity = static_cast<int>(*intensity);
    entry.note = field<std::string>(record, "note");
    entry.of = field<std::string>(record, "of");
    return entry;
}

namespace {

// The number each boundary is shown under, by the id of its `added` record. Two devices that
// had not synced can both set a boundary 5: the one set first (by at, recorded, then id, so
// every device decides alike) keeps 5, each other one is shown under the next free number.
std::map<std::string, std::int64_t> shown_numbers(const std::vector<Record>& records) {
    std::vector<const Record*> added;
    std::int64_t highest = 0;
    for (const auto& record : records) {
        highest = std::max(highest, number_of(record));
        if (field<std::string>(record, "event") == "added") added.push_back(&record);
    }
    std::stable_sort(added.begin(), added.end(), [](const Record* a, const Record* b) {
        const auto key = [](const Record* r) {
            const auto recorded = (*r)["recorded"].as_date_time();
            return std::tuple{record_at(*r).instant, recorded ? from_toml(recorded->get()).instant : Instant{},
                              record_id(*r)};
        };
        return key(a) < key(b);
    });
    std::map<std::string, std::int64_t> numbers;
    std::set<std::int64_t> taken;
    for (const Record* record : added) {
        const std::int64_t number = number_of(*record);
        numbers[record_id(*record)] = taken.insert(number).second ? number : ++highest;
    }
    return numbers;
}

}  // namespace

std::vector<BoundaryState> derive_boundaries(std::vector<Record> records) {
    // Equal times happen (a boundary and its first event logged in the same second, or a
    // fixed TEND_NOW): the boundary's `added` must still come first.
    // Each record's key is read once, not at every comparison.
    struct Key {
        Instant at;
        bool added;
        std::size_t index;
    };
    std::vector<Key> order;
    order.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto* event = records[i]["event"].as_string();
        order.push_back({record_at(records[i]).instant, event && event->get() == "added", i});
    }
    std::stable_sort(order.begin(), order.end(), [](const Key& a, const Key& b) {
        if (a.at != b.at) return a.at < b.at;
        return a.added && !b.added;
    });
    {
        std::vector<Record> sorted;
        sorted.reserve(records.size());
        for (const Key& key : order) sorted.push_back(std::move(records[key.index]));
        records = std::move(sorted);
    }
    const auto numbers = shown_numbers(records);
    std::map<std::int64_t, BoundaryState> states;
    for (auto& record : records) {
        const BoundaryEvent event = event_of(record);
        // An event names its boundary's `added` record in `of` (so a renumbered one keeps its
        // events); one written before that names the number only.
        std::int64_t number = number_of(record);
        const auto of = field<std::string>(record, event == BoundaryEvent::added ? "id" : "of");
        if (const auto it = of ? numbers.find(*of) : numbers.end(); it != numbers.end()) number = it->second;
        if (event == BoundaryEvent::added) {
            BoundaryState state = new_state(record);
            if (state.number != number) state.set_as = state.number;
            state.number = number;
            states.emplace(number, std::move(state));
        }
        const auto it = states.find(number);
        if (it == states.end())
            record_error(record,
                         fmt::format("'{}' for boundary {}, which is not added before it", event_name(event), number));
        BoundaryState& state = it->second;
        ++state.counts[static_cast<std::size_t>(event)];
        state.last_event = event;
        state.last_at = record_at(record);
        if (event == BoundaryEvent::renegotiated)
            if (auto text = field<std::string>(record, "text"); text && !text->empty()) state.text = *text;
        if (event == BoundaryEvent::retired) state.retired = true;
        state.events.push_back(std::move(record));
    }
    std::vector<BoundaryState> result;
    result.reserve(states.size());
    for (auto& [number, state] : states) result.push_back(std::move(state));
    return result;
}

const BoundaryState* find_boundary(const std::vector<BoundaryState>& states, std::int64_t number) {
    const auto it =
        std::find_if(states.begin(), states.end(), [&](const BoundaryState& state) { return state.number == number; });
    return it == states.end() ? nullptr : &*it;
}

std::int64_t next_boundary_number(const std::vector<Record>& records) {
    std::int64_t highest = 0;
    for (const auto& record : records) highest = std::max(highest, number_of(record));
    for (const auto& [id, number] : shown_numbers(records)) highest = std::max(highest, number);
    return highest + 1;
}

}  // namespace tend
