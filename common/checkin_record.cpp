// Field list of [[checkin]] records, and their typed form.
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

std::optional<int> CheckinEntry::rating(std::string_view name) const {
    for (std::size_t i = 0; i < checkin_dimensions.size(); ++i)
        if (checkin_dimensions[i].name == name) return ratings[i];
    return std::nullopt;
}

bool CheckinEntry::empty() const {
    return std::none_of(ratings.begin(), ratings.end(), [](const auto& r) { return r.has_value(); }) &&
           feelings.empty() && tags.empty() && !note && !source;
}

void write_checkin_entry(const CheckinEntry& entry, Record& record) {
    const auto set_or_erase = [&](std::string_view key, bool present, auto&& value) {
        if (present)
            record.insert_or_assign(key, std::forward<decltype(value)>(value));
        else
            record.erase(key);
    };
    for (std::size_t i = 0; i < entry.ratings.size(); ++i)
        set_or_erase(checkin_dimensions[i].name, entry.ratings[i].has_value(),
                     static_cast<int64_t>(entry.ratings[i].value_or(0)));
    set_or_erase("feelings", !entry.feelings.empty(), to_toml_array(entry.feelings));
    set_or_erase("tags", !entry.tags.empty(), to_toml_array(entry.tags));
    set_or_erase("note", entry.note.has_value(), entry.note.value_or(""));
    set_or_erase("source", entry.source.has_value(), entry.source.value_or(""));
}

std::array<std::optional<int>, 5> read_checkin_ratings(const Record& record) {
    std::array<std::optional<int>, 5> ratings;
    for (std::size_t i = 0; i < ratings.size(); ++i)
        if (auto value = field<int64_t>(record, checkin_dimensions[i].name)) ratings[i] = static_cast<int>(*value);
    return ratings;
}

CheckinEntry read_checkin_entry(const Record& record) {
    CheckinEntry entry;
    entry.ratings = read_checkin_ratings(record);
    entry.feelings = string_list(record, "feelings");
    entry.tags = string_list(record, "tags");
    entry.note = field<std::string>(record, "note");
    entry.source = field<std::string>(record, "source");
    return entry;
}

std::optional<int> checkin_distress(const CheckinEntry& checkin) {
    std::optional<int> distress;
    for (std::size_t i = 0; i < checkin_dimensions.size(); ++i)
        if (const auto value = checkin.ratings[i]; value && checkin_dimensions[i].tells_distress) {
            const int level = checkin_dimensions[i].higher_is_harder ? *value : 10 - *value;
            distress = std::max(distress.value_or(0), level);
        }
    return distress;
}

}  // namespace tend
