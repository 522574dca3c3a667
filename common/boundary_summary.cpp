// The boundary summary: folded from the states, written as lines of numbers and ids, and
// used by `list` while the files it was folded from are unchanged.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundary_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <set>

#include "error.hpp"
#include "files.hpp"

namespace tend {

namespace {

constexpr std::string_view header = "tend boundary summary 1\n";
constexpr std::string_view files_line = "files\n";

// An id goes in the file as a word: printable ASCII, no space.
bool writable_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

// The next space-separated word of `line`, taken off it.
std::string_view next_word(std::string_view& line) {
    const auto end = std::min(line.find(' '), line.size());
    const std::string_view word = line.substr(0, end);
    line.remove_prefix(std::min(end + 1, line.size()));
    return word;
}

template <typename Int>
bool read_int(std::string_view word, Int& value) {
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
    return !word.empty() && ec == std::errc{} && end == word.data() + word.size();
}

std::optional<BoundarySummary::Entry> parse_entry(std::string_view line) {
    BoundarySummary::Entry entry;
    const std::string_view set_as = next_word(line);
    std::int64_t seconds = 0;
    std::int64_t offset = 0;
    std::size_t event = 0;
    if (!read_int(next_word(line), entry.number)) return std::nullopt;
    if (set_as != "-") {
        std::int64_t value = 0;
        if (!read_int(set_as, value)) return std::nullopt;
        entry.set_as = value;
    }
    entry.added_id = next_word(line);
    entry.wording_id = next_word(line);
    const std::string_view retired = next_word(line);
    if (!writable_id(entry.added_id) || !writable_id(entry.wording_id) || (retired != "0" && retired != "1") ||
        !read_int(next_word(line), event) || event >= boundary_event_names.size() ||
        !read_int(next_word(line), seconds) || !read_int(next_word(line), offset))
        return std::nullopt;
    entry.retired = retired == "1";
    entry.last_event = static_cast<BoundaryEvent>(event);
    entry.last_at = OffsetTime{Instant{std::chrono::seconds{seconds}}, std::chrono::minutes{offset}};
    for (auto& count : entry.counts)
        if (!read_int(next_word(line), count)) return std::nullopt;
    if (!line.empty()) return std::nullopt;
    return entry;
}

// The wording, type, with, hard, if_crossed and time set of each summarised boundary, read from
// the months that hold their records; nullopt when one is not where the summary says.
std::optional<std::vector<BoundaryState>> states_of(Transaction& t,
                                                    const std::vector<BoundarySummary::Entry>& entries) {
    std::map<std::string, Record> records;
    std::set<date::year_month> months;
    for (const auto& entry : entries)
        for (const auto* id : {&entry.added_id, &entry.wording_id}) {
            const auto month = month_of_id(*id);
            if (!month) return std::nullopt;
            months.insert(*month);
            records.emplace(*id, Record{});
        }
    for (const auto month : months)
        for (auto& record : t.in_month(boundary_format, month))
            if (auto it = records.find(record_id(record)); it != records.end()) it->second = std::move(record);
    std::vector<BoundaryState> states;
    for (const auto& entry : entries) {
        const Record& added = records[entry.added_id];
        const Record& wording = records[entry.wording_id];
        if (added.empty() || wording.empty()) return std::nullopt;
        BoundaryState state;
        state.number = entry.number;
        state.set_as = entry.set_as;
        state.text = read_boundary_entry(wording).text.value_or("");
        if (state.text.empty()) return std::nullopt;
        BoundaryEntry set = read_boundary_entry(added);
        state.type = std::move(set.type);
        state.with = std::move(set.with);
        state.hard = set.hard.value_or(false);
        state.if_crossed = std::move(set.if_crossed);
        state.added = record_at(added);
        state.retired = entry.retired;
        state.last_event = entry.last_event;
        state.last_at = entry.last_at;
        state.counts = entry.counts;
        states.push_back(std::move(state));
    }
    return states;
}

void save_summary(const std::filesystem::path& file, const BoundarySummary& summary) noexcept {
    // Best effort, as for the listing cache: the summary is never the record of anything.
    try {
        ensure_private_dir(file.parent_path());
        AtomicFile replacement(file);
        replacement.write(serialize_summary(summary));
        replacement.commit();
    } catch (...) {
    }
}

}  // namespace

std::optional<BoundarySummary> summarize_boundaries(const std::vector<BoundaryState>& states, std::string stamps) {
    BoundarySummary summary;
    summary.stamps = std::move(stamps);
    for (const auto& state : states) {
        BoundarySummary::Entry entry;
        entry.number = state.number;
        entry.set_as = state.set_as;
        // The same rule as derive_boundaries(): the latest renegotiated wording that says something.
        for (const auto& event : state.events) {
            const BoundaryEntry logged = read_boundary_entry(event);
            if (logged.event == BoundaryEvent::added) entry.added_id = record_id(event);
            if (logged.event == BoundaryEvent::added ||
                (logged.event == BoundaryEvent::renegotiated && !logged.text.value_or("").empty()))
                entry.wording_id = record_id(event);
        }
        if (!writable_id(entry.added_id) || !writable_id(entry.wording_id)) return std::nullopt;
        entry.retired = state.retired;
        entry.last_event = state.last_event;
        entry.last_at = state.last_at;
        entry.counts = state.counts;
        summary.entries.push_back(std::move(entry));
    }
    return summary;
}

std::string serialize_summary(const BoundarySummary& summary) {
    std::string out(header);
    for (const auto& e : summary.entries) {
        out += fmt::format("{} {} {} {} {} {} {} {}", e.set_as ? std::to_string(*e.set_as) : "-", e.number, e.added_id,
                           e.wording_id, e.retired ? 1 : 0, static_cast<int>(e.last_event),
                           date::floor<std::chrono::seconds>(e.last_at.instant).time_since_epoch().count(),
                           e.last_at.offset.count());
        for (const int count : e.counts) out += fmt::format(" {}", count);
        out += '\n';
    }
    out += files_line;
    out += summary.stamps;
    return out;
}

std::optional<BoundarySummary> parse_summary(std::string_view text) {
    if (!text.starts_with(header)) return std::nullopt;
    text.remove_prefix(header.size());
    BoundarySummary summary;
    while (!text.starts_with(files_line)) {
        const auto end = text.find('\n');
        if (end == std::string_view::npos) return std::nullopt;
        auto entry = parse_entry(text.substr(0, end));
        if (!entry) return std::nullopt;
        summary.entries.push_back(std::move(*entry));
        text.remove_prefix(end + 1);
    }
    text.remove_prefix(files_line.size());
    summary.stamps = text;
    return summary;
}

std::vector<BoundaryState> listed_boundaries(Transaction& t, const std::filesystem::path& summary_file, bool all,
                                             std::size_t* set) {
    const auto shown = [all, set](std::vector<BoundaryState> states) {
        if (set) *set = states.size();
        if (!all) std::erase_if(states, [](const BoundaryState& state) { return state.retired; });
        return states;
    };
    bool settled = false;
    // Stamped before anything is read: a change made while this reads leaves the summary
    // saved below stale, never wrong.
    std::string stamps = summary_file.empty() ? std::string() : t.file_stamps(boundary_format, settled);
    if (!summary_file.empty()) {
        std::optional<std::string> text;
        try {
            text = read_file_if_exists(summary_file, Symlinks::refuse);
        } catch (const Error&) {
        }
        if (auto summary = text ? parse_summary(*text) : std::nullopt; summary && summary->stamps == stamps) {
            if (set) *set = summary->entries.size();
            std::erase_if(summary->entries, [all](const auto& entry) { return entry.retired && !all; });
            if (auto states = states_of(t, summary->entries)) return std::move(*states);
        }
    }
    // latest() gives newest first, the last written first among equal times; reversed, events
    // of the same second stay in the order they were logged.
    auto records = t.latest(boundary_format, std::numeric_limits<std::size_t>::max());
    std::reverse(records.begin(), records.end());
    auto states = derive_boundaries(std::move(records));
    if (!summary_file.empty() && settled)
        if (auto summary = summarize_boundaries(states, std::move(stamps))) save_summary(summary_file, *summary);
    return shown(std::move(states));
}

}  // namespace tend
