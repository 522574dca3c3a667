// The check-in record: its fields in checkin/YYYY-MM.toml, defined once for checkin and report.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "record.hpp"

namespace tend {

extern const RecordFormat checkin_format;

struct Dimension {
    std::string_view name;      // the field and the flag: mood, energy, ...
    std::string_view question;  // asked on a terminal
    bool higher_is_harder;      // anxiety: 10 is the hardest; mood, safety: 0 is
};

// mood, energy, anxiety, closeness, safety, in that order.
extern const std::array<Dimension, 5> checkin_dimensions;

// How hard the moment a check-in describes is, 0-10: the highest of anxiety, 10 - mood
// and 10 - safety (energy and closeness say nothing about distress). nullopt when none set.
std::optional<int> checkin_distress(const Record& checkin);

}  // namespace tend
