// Sorting out the versions of records that several devices hold, by the revision rule.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "versions.hpp"

#include <algorithm>

namespace tend {

std::int64_t revision_of(const Record& record) {
    return record["revision"].value_or(std::int64_t{0});
}

bool is_deletion(const Record& record) {
    return record["deleted"].value_or(false);
}

bool wins_over(const Version& a, const Version& b) {
    const auto ra = revision_of(*a.record), rb = revision_of(*b.record);
    if (ra != rb) return ra > rb;
    const bool da = is_deletion(*a.record), db = is_deletion(*b.record);
    if (da != db) return da;
    return a.device > b.device;
}

MergedMonth merge_versions(const std::vector<Version>& versions) {
    MergedMonth merged;
    std::map<std::string, std::vector<const Version*>> by_id;
    std::vector<std::string> order;
    for (const auto& version : versions) {
        const std::string id = record_id(*version.record);
        auto& group = by_id[id];
        if (group.empty()) order.push_back(id);
        group.push_back(&version);
    }
    for (const auto& id : order) {
        const auto& group = by_id[id];
        const Version* winner = group.front();
        std::int64_t top = 0;
        for (const Version* v : group) {
            if (wins_over(*v, *winner)) winner = v;
            top = std::max(top, revision_of(*v->record));
        }
        merged.top_revision[id] = top;
        if (top == 0 && !is_deletion(*winner->record)) {
            // First versions only: copies of one record count once; different ones collided.
            std::vector<const Version*> distinct;
            for (const Version* v : group) {
                const bool seen = std::any_of(distinct.begin(), distinct.end(),
                                              [&](const Version* d) { return *d->record == *v->record; });
                if (!seen) distinct.push_back(v);
            }
            std::sort(distinct.begin(), distinct.end(),
                      [](const Version* a, const Version* b) { return a->device < b->device; });
            for (const Version* v : distinct) merged.shown.push_back(v);
            for (std::size_t i = 1; i < distinct.size(); ++i)
                merged.collisions.emplace_back(distinct.front(), distinct[i]);
            continue;
        }
        if (!is_deletion(*winner->record)) merged.shown.push_back(winner);
        for (const Version* v : group)
            if (v != winner && *v->record != *winner->record) merged.superseded.push_back(v);
    }
    // Oldest first, each time read once (not at every comparison).
    std::vector<std::pair<Instant, const Version*>> timed;
    timed.reserve(merged.shown.size());
    for (const Version* v : merged.shown) timed.emplace_back(record_at(*v->record).instant, v);
    std::stable_sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < timed.size(); ++i) merged.shown[i] = timed[i].second;
    return merged;
}

Record deletion_marker(const Record& record, std::int64_t revision) {
    Record marker;
    for (const FieldSpec& spec : stamped_fields())
        if (const toml::node* node = record.get(spec.name)) marker.insert_or_assign(spec.name, *node);
    marker.insert_or_assign("revision", revision);
    marker.insert_or_assign("deleted", true);
    return marker;
}

}  // namespace tend
