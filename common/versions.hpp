// The revision rule: which of the versions of a record that several devices hold is the record.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "record.hpp"

namespace tend {

// One stored version of a record: the record as a device's month file holds it, and whose
// file that is.
struct Version {
    const Record* record;
    std::string_view device;
};

// A record's revision: 0 for the first version, one more for each edit or deletion.
std::int64_t revision_of(const Record& record);

// Whether a version is a deletion marker (deleted = true): the record is gone, only its id,
// times and revision remain, so that older copies elsewhere lose to it.
bool is_deletion(const Record& record);

// The revision rule, documented in tend(5): the higher revision wins; at equal revision a
// deletion wins over an edit; then the version of the device whose name sorts last. It
// decides between any two versions of one id, the same way on every device.
bool wins_over(const Version& a, const Version& b);

// The versions of one month (of every device), sorted out.
struct MergedMonth {
    // The records to show: each id's winner unless it is a deletion, oldest `at` first.
    // When two devices made different first versions under one id (a collision), both.
    std::vector<const Version*> shown;
    // Versions that lost to a newer one from another device: what their device purges.
    std::vector<const Version*> superseded;
    // For each collision, the version that keeps the id (the device sorting first) and one
    // that is given a new id by its own device.
    std::vector<std::pair<const Version*, const Version*>> collisions;
    // The highest revision of each id: an edit or deletion writes one more.
    std::map<std::string, std::int64_t> top_revision;
};

// Sorts out `versions` (which, and whose records, must outlive the result). Identical first versions held by two
// devices (a data directory copied before it was split into devices) count once.
MergedMonth merge_versions(const std::vector<Version>& versions);

// A deletion marker for `record`: its id, at and recorded, `revision`, deleted = true.
Record deletion_marker(const Record& record, std::int64_t revision);

}  // namespace tend
