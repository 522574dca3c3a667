// What `boundary-log list` shows of each boundary besides its words, kept in the user's cache.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boundary_record.hpp"
#include "store.hpp"

namespace tend {

// Each boundary's number, counts, last event and the ids of the records holding its words,
// folded from every [[boundary]] record, with the stamps of the files it was folded from. It
// holds no word anyone typed (only numbers, ids, event names and times), so no deleted
// boundary's wording outlives it, and it is only ever a shortcut: it is used while every
// stamp is unchanged and made anew from the records otherwise.
struct BoundarySummary {
    struct Entry {
        std::int64_t number = 0;
        std::optional<std::int64_t> set_as;
        std::string added_id;    // its `added` record: type, with, hard, if_crossed, when it was set
        std::string wording_id;  // the record with its wording now: the latest renegotiated, else added
        bool retired = false;
        BoundaryEvent last_event = BoundaryEvent::added;
        OffsetTime last_at;
        std::array<int, 8> counts{};
    };
    std::vector<Entry> entries;  // by number
    std::string stamps;          // Transaction::file_stamps() of the files folded
};

// The summary of these states (as derive_boundaries() gives them); nullopt when one cannot be
// written down (an id hand-written with spaces or control characters in it).
std::optional<BoundarySummary> summarize_boundaries(const std::vector<BoundaryState>& states, std::string stamps);

// The summary's file text, and back; nullopt for text this version did not write.
std::string serialize_summary(const BoundarySummary& summary);
std::optional<BoundarySummary> parse_summary(std::string_view text);

// The boundaries as `list` shows them (retired ones only with `all`), without their timelines
// (`events` is empty). With a summary in `summary_file` whose stamps match the files, only the
// months holding the shown boundaries' `added` and wording records are read; otherwise every
// record is, and the summary is saved anew (best effort; not while a file has just changed).
// An empty `summary_file` always reads every record. `set`, when given, hears how many
// boundaries there are, retired ones too.
std::vector<BoundaryState> listed_boundaries(Transaction& t, const std::filesystem::path& summary_file, bool all,
                                             std::size_t* set = nullptr);

}  // namespace tend
