// Field list of [[checkin]] records.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkin_record.hpp"

#include <algorithm>

namespace tend {

namespace {
constexpr std::array checkin_fields{
    rating_field(0),
    rating_field(1),
    rating_field(2),
    rating_field(3),
    rating_field(4),
    FieldSpec{"feelings", FieldType::strings},
    FieldSpec{"tags", FieldType::strings},
    FieldSpec{"note", FieldType::string},
    FieldSpec{"source", FieldType::string},  // where an imported check-in came from: "daylio:<hash>"
};
}  // namespace

const RecordFormat checkin_format{"checkin", checkin_fields, nullptr, "check-in"};

std::optional<int> checkin_distress(const Record& checkin) {
    std::optional<int> distress;
    for (const Dimension& dimension : checkin_dimensions)
        if (auto value = field<int64_t>(checkin, dimension.name); value && dimension.tells_distress) {
            const int level = static_cast<int>(dimension.higher_is_harder ? *value : 10 - *value);
            distress = std::max(distress.value_or(0), level);
        }
    return distress;
}

}  // namespace tend
