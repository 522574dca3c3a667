// Field list of [[checkin]] records.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkin_record.hpp"

#include <algorithm>

namespace tend {

namespace {
constexpr std::array checkin_fields{
    FieldSpec{"mood", FieldType::integer, false, 0, 10},
    FieldSpec{"energy", FieldType::integer, false, 0, 10},
    FieldSpec{"anxiety", FieldType::integer, false, 0, 10},
    FieldSpec{"closeness", FieldType::integer, false, 0, 10},
    FieldSpec{"safety", FieldType::integer, false, 0, 10},
    FieldSpec{"feelings", FieldType::strings},
    FieldSpec{"tags", FieldType::strings},
    FieldSpec{"note", FieldType::string},
    FieldSpec{"source", FieldType::string},  // where an imported check-in came from: "daylio:<hash>"
};
}  // namespace

const RecordFormat checkin_format{"checkin", checkin_fields};

const std::array<Dimension, 5> checkin_dimensions{{
    {"mood", "Mood, 0 (very low) to 10 (very good)", false},
    {"energy", "Energy, 0 (empty) to 10 (full)", false},
    {"anxiety", "Anxiety, 0 (calm) to 10 (overwhelmed)", true},
    {"closeness", "Closeness to the people who matter, 0 (far) to 10 (close)", false},
    {"safety", "How safe you feel, 0 (not at all) to 10 (completely)", false},
}};

std::optional<int> checkin_distress(const Record& checkin) {
    std::optional<int> distress;
    const auto consider = [&](std::string_view key, bool inverted) {
        if (auto value = field<int64_t>(checkin, key)) {
            const int level = static_cast<int>(inverted ? 10 - *value : *value);
            distress = std::max(distress.value_or(0), level);
        }
    };
    consider("anxiety", false);
    consider("mood", true);
    consider("safety", true);
    return distress;
}

}  // namespace tend
