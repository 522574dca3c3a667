// The list of record kinds, and what is looked up in it.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_kinds.hpp"

#include "boundary_record.hpp"
#include "breathe_record.hpp"
#include "checkin_record.hpp"
#include "prompt_record.hpp"

namespace tend {

std::span<const RecordFormat* const> record_formats() {
    static constexpr const RecordFormat* formats[] = {&checkin_format, &breathe_format, &boundary_format,
                                                      &prompt_format};
    return formats;
}

const RecordFormat* find_record_format(std::string_view kind) {
    for (const RecordFormat* format : record_formats())
        if (format->kind == kind) return format;
    return nullptr;
}

std::string record_noun(std::string_view kind) {
    const RecordFormat* format = find_record_format(kind);
    if (format && !format->noun.empty()) return std::string(format->noun);
    return std::string(kind) + " record";
}

}  // namespace tend
