// The check-in record: its fields in checkin/YYYY-MM.toml, defined once for checkin and report.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "record.hpp"

namespace tend {

extern const RecordFormat checkin_format;

struct Dimension {
    std::string_view name;      // the field and the flag: mood, energy, ...
    std::string_view question;  // asked on a terminal
    std::string_view help;      // the flag's line in --help
    bool higher_is_harder;      // anxiety: 10 is the hardest; mood, safety: 0 is
    bool tells_distress;        // counts in checkin_distress(): mood, anxiety and safety
};

// mood, energy, anxiety, closeness, safety, in that order: the five ratings, spelled here once
// (the [[checkin]] fields, the flags, the questions and every report's columns come from this).
inline constexpr std::array<Dimension, 5> checkin_dimensions{{
    {"mood", "Mood, 0 (very low) to 10 (very good)", "Mood, 0 (very low) to 10 (very good)", false, true},
    {"energy", "Energy, 0 (empty) to 10 (full)", "Energy, 0 (empty) to 10 (full)", false, false},
    {"anxiety", "Anxiety, 0 (calm) to 10 (overwhelmed)", "Anxiety, 0 (calm) to 10 (overwhelmed)", true, true},
    {"closeness", "Closeness to the people who matter, 0 (far) to 10 (close)", "Closeness, 0 (far) to 10 (close)",
     false, false},
    {"safety", "How safe you feel, 0 (not at all) to 10 (completely)",
     "Feeling safe, 0 (not at all) to 10 (completely)", false, true},
}};

// Their names alone, and each as a field (an integer from 0 to 10, not required), for the
// records that carry them: [[checkin]] and the numbers a couple shares.
inline constexpr std::array<std::string_view, 5> rating_names = [] {
    std::array<std::string_view, 5> names;
    for (std::size_t i = 0; i < names.size(); ++i) names[i] = checkin_dimensions[i].name;
    return names;
}();
constexpr FieldSpec rating_field(std::size_t dimension) {
    return {checkin_dimensions[dimension].name, FieldType::integer, false, 0, 10};
}

// One check-in's fields (besides id, at and recorded). Blank lists and notes are nothing:
// an entry never holds an empty list or note, and one is never written.
struct CheckinEntry {
    std::array<std::optional<int>, 5> ratings;  // in checkin_dimensions order, mood first
    std::vector<std::string> feelings;
    std::vector<std::string> tags;
    std::optional<std::string> note;
    std::optional<std::string> source;  // where an imported check-in came from: "daylio:<hash>"

    // The rating of the dimension with this name (mood, energy, ...); nullopt when not given.
    std::optional<int> rating(std::string_view name) const;
    // Whether it says anything at all (a check-in of times alone is nothing).
    bool empty() const;
};

// Writes the entry's fields into a record (which also needs id, at and recorded: new_record()),
// removing each field the entry does not hold, so an edit is read, change, write.
void write_checkin_entry(const CheckinEntry& entry, Record& record);

// Reads the fields of a record that passed validation against checkin_format.
CheckinEntry read_checkin_entry(const Record& record);
// Its ratings alone, for a reader that needs no more (the previous period's means).
std::array<std::optional<int>, 5> read_checkin_ratings(const Record& record);

// How hard the moment a check-in describes is, 0-10: the highest of anxiety, 10 - mood
// and 10 - safety (energy and closeness say nothing about distress). nullopt when none set.
std::optional<int> checkin_distress(const CheckinEntry& checkin);

}  // namespace tend
