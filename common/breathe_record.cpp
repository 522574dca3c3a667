// Field list of [[breathe]] records, and their typed form.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "breathe_record.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "rounding.hpp"

namespace tend {

namespace {
constexpr std::array breathe_fields{
    // A breathing session has a pattern and its spec; a guided exercise has its name instead
    // (added later, so older files, all breathing, read as they always did).
    FieldSpec{"pattern", FieldType::string, false},
    FieldSpec{"spec", FieldType::string, false},
    FieldSpec{"exercise", FieldType::string, false},
    FieldSpec{"planned_cycles", FieldType::integer, true, 1, 1'000'000},
    FieldSpec{"cycles", FieldType::integer, true, 0, 1'000'000},
    FieldSpec{"seconds", FieldType::number, true, 0, 1e9},
    FieldSpec{"interrupted", FieldType::boolean, true},
    FieldSpec{"before", FieldType::integer, false, 0, 10},
    FieldSpec{"after", FieldType::integer, false, 0, 10},
    FieldSpec{"worst_lateness_ms", FieldType::number, true, 0, 1e12},
};

// A session breathed a pattern (its name and spec) or ran an exercise: one or the other.
std::vector<Problem> breathe_rules(const Record& record) {
    std::vector<Problem> problems;
    if (record.contains("exercise")) {
        if (record.contains("pattern") || record.contains("spec"))
            problems.push_back(
                problem_at(record, "a [[breathe]] record has an exercise or a pattern and spec, not both"));
        return problems;
    }
    for (std::string_view key : {"pattern", "spec"})
        if (!record.contains(key))
            problems.push_back(
                problem_at(record, fmt::format("[[breathe]] record has no '{}' (nor an 'exercise')", key)));
    return problems;
}

// Keeps a stored number short and exact to read back: seconds to the millisecond,
// lateness to the hundredth of a millisecond.
double rounded(double value, double steps_per_unit) {
    // std::round's answer, sign of zero included, without libm (rounding.hpp says why).
    const double scaled = value * steps_per_unit;
    return std::copysign(static_cast<double>(round_to_whole(scaled)), scaled) / steps_per_unit;
}
}  // namespace

const RecordFormat breathe_format{"breathe", breathe_fields, breathe_rules, "breathing session"};

void write_breathe_entry(const BreatheEntry& entry, Record& record) {
    if (entry.exercise) {
        record.insert_or_assign("exercise", *entry.exercise);
    } else {
        record.insert_or_assign("pattern", entry.pattern);
        record.insert_or_assign("spec", entry.spec);
    }
    record.insert_or_assign("planned_cycles", static_cast<int64_t>(entry.planned_cycles));
    record.insert_or_assign("cycles", static_cast<int64_t>(entry.cycles));
    record.insert_or_assign("seconds", rounded(entry.seconds, 1000));
    record.insert_or_assign("interrupted", entry.interrupted);
    if (entry.before) record.insert_or_assign("before", static_cast<int64_t>(*entry.before));
    if (entry.after) record.insert_or_assign("after", static_cast<int64_t>(*entry.after));
    record.insert_or_assign("worst_lateness_ms", rounded(entry.worst_lateness_ms, 100));
}

BreatheEntry read_breathe_entry(const Record& record) {
    BreatheEntry entry;
    entry.pattern = field<std::string>(record, "pattern").value_or("");
    entry.spec = field<std::string>(record, "spec").value_or("");
    entry.exercise = field<std::string>(record, "exercise");
    entry.planned_cycles = static_cast<int>(field<int64_t>(record, "planned_cycles").value_or(0));
    entry.cycles = static_cast<int>(field<int64_t>(record, "cycles").value_or(0));
    entry.seconds = field<double>(record, "seconds").value_or(0);
    entry.interrupted = field<bool>(record, "interrupted").value_or(false);
    if (auto before = field<int64_t>(record, "before")) entry.before = static_cast<int>(*before);
    if (auto after = field<int64_t>(record, "after")) entry.after = static_cast<int>(*after);
    entry.worst_lateness_ms = field<double>(record, "worst_lateness_ms").value_or(0);
    return entry;
}

}  // namespace tend
