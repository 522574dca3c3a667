// checkin import: reads an export, decides what is new against the data under one lock, writes it at once.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>

#include "checkin_record.hpp"
#include "error.hpp"
#include "export.hpp"
#include "files.hpp"
#include "json.hpp"
#include "json_parse.hpp"
#include "store.hpp"
#include "terminal.hpp"

namespace checkin {
using tend::Record;

namespace {

date::year_month month_of(tend::LocalDay day) {
    const date::year_month_day ymd{day};
    return {ymd.year(), ymd.month()};
}

date::year_month month_of(const Record& record) {
    return month_of(tend::record_at(record).day());
}

enum class Verdict { add, skip, refuse };

struct Decision {
    Verdict verdict;
    std::string why;  // for skip and refuse
};

// Decides, entry by entry in file order, what is new. The data is read through the batch,
// so under its lock: nothing can change between deciding and writing.
class Planner {
public:
    explicit Planner(tend::Transaction* transaction) : transaction_(transaction) {}

    Decision decide(const ImportEntry& entry) {
        if (tend::record_id(entry.record).empty()) return decide_by_source(entry.record);
        return decide_by_id(*entry.format, entry.record);
    }

private:
    // The records in one month file, read once.
    const std::vector<Record>& existing(const tend::RecordFormat& format, date::year_month month) {
        auto [it, fresh] = months_.try_emplace({&format, month});
        if (!fresh || !transaction_) return it->second;
        const date::sys_days first{month / 1};
        const date::sys_days next{(month + date::months{1}) / 1};
        // A day either side holds every record of the month's file, whatever its offset.
        for (auto& record :
             transaction_->range(format, tend::Instant{first - date::days{1}}, tend::Instant{next + date::days{1}}))
            if (month_of(record) == month) it->second.push_back(std::move(record));
        return it->second;
    }

    // An entry from another app: known when a check-in with its key is already in the month
    // files that could hold it (a day either side, in case an earlier import used another zone).
    Decision decide_by_source(const Record& record) {
        const std::string key = tend::read_checkin_entry(record).source.value_or("");
        if (!new_sources_.insert(key).second) return {Verdict::skip, "the same entry is earlier in this file"};
        const tend::LocalDay day = tend::record_at(record).day();
        for (const auto month : {month_of(day - date::days{1}), month_of(day + date::days{1})}) {
            if (!scanned_.insert(month).second) continue;
            for (const auto& known : existing(tend::checkin_format, month))
                if (auto source = tend::read_checkin_entry(known).source) old_sources_.insert(std::move(*source));
        }
        if (old_sources_.contains(key)) return {Verdict::skip, "imported before"};
        return {Verdict::add, {}};
    }

    // A record from tend's own export keeps its id, in the month file its time names.
    Decision decide_by_id(const tend::RecordFormat& format, const Record& record) {
        const date::year_month month = month_of(record);
        const std::string id = tend::record_id(record);
        const auto where = fmt::format("{}/{}.toml", format.kind, tend::month_key(month));
        const auto [queued, fresh] = new_ids_.try_emplace(std::make_tuple(&format, month, id), record);
        if (!fresh)
            return queued->second == record
                       ? Decision{Verdict::skip, "the same record is earlier in this file"}
                       : Decision{Verdict::refuse, fmt::format("id '{}' is used twice in this file for {} records "
                                                               "that differ",
                                                               tend::neutralize(id), where)};
        for (const auto& known : existing(format, month)) {
            if (tend::record_id(known) != id) continue;
            new_ids_.erase(queued);
            if (known == record) return {Verdict::skip, "already here"};
            return {Verdict::refuse,
                    fmt::format("{} already holds a different record with id '{}'", where, tend::neutralize(id))};
        }
        return {Verdict::add, {}};
    }

    tend::Transaction* transaction_;
    std::map<std::pair<const tend::RecordFormat*, date::year_month>, std::vector<Record>> months_;
    std::set<date::year_month> scanned_;
    std::set<std::string> old_sources_, new_sources_;
    std::map<std::tuple<const tend::RecordFormat*, date::year_month, std::string>, Record> new_ids_;
};

std::string read_input(const ImportOptions& options, const tend::Session& session) {
    if (options.file == "-") {
        std::ostringstream text;
        text << session.io.in.rdbuf();
        return text.str();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(options.file, ec))
        tend::usage_error(fmt::format("{}: is a directory; give the export file", tend::neutralize(options.file)));
    auto text = tend::read_file_if_exists(options.file);
    if (!text) tend::usage_error(fmt::format("{}: no such file", tend::neutralize(options.file)));
    return std::move(*text);
}

ImportBatch read_any(const ImportOptions& options, std::string_view text, std::string_view source,
                     const ImportContext& context) {
    if (options.format == "daylio") return read_daylio(text, source, context);
    if (options.format == "jrnl") return read_jrnl(text, source, context);
    return read_tend_export(text, source);
}

void check_flags(const ImportOptions& options) {
    if (!options.mood_map.empty() && options.format != "daylio")
        tend::usage_error("--mood-map: goes with 'checkin import daylio'");
    if (options.mood_from_tag && options.format != "jrnl")
        tend::usage_error("--mood-from-tag: goes with 'checkin import jrnl'");
    if (options.tz && options.format == "tend")
        tend::usage_error("--tz: a tend export carries its own UTC offsets; leave --tz out");
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

// One entry as the dry run lists it: its time and what it holds.
std::string describe(const ImportEntry& entry) {
    const Record& record = entry.record;
    std::string text = tend::format_local_minutes(tend::record_at(record).local());
    if (entry.format != &tend::checkin_format || !tend::record_id(record).empty())
        text = fmt::format("{} {} {}", entry.format->kind, tend::neutralize(tend::record_id(record)), text);
    if (entry.format != &tend::checkin_format) return text;
    const tend::CheckinEntry checkin = tend::read_checkin_entry(record);
    if (auto mood = checkin.rating("mood")) text += fmt::format("  mood {}", *mood);
    for (const auto& tag : checkin.tags) text += "  #" + tend::neutralize(tag);
    if (const auto& note = checkin.note) text += "  " + tend::truncate_display(tend::neutralize(*note), 50);
    return text;
}

std::string where(std::string_view source, const Refusal& refusal) {
    return refusal.column ? fmt::format("{}:{}:{}", source, refusal.line, refusal.column)
                          : fmt::format("{}:{}", source, refusal.line);
}

}  // namespace

std::string source_key(std::string_view app, const std::vector<std::string_view>& parts) {
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits
    const auto mix = [&](std::string_view bytes) {
        for (const char c : bytes) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ull;
        }
    };
    for (const auto part : parts) {
        // Each part's length goes first, so that no two lists of parts hash the same bytes.
        const std::string length = fmt::format("{}:", part.size());
        mix(length);
        mix(part);
    }
    return fmt::format("{}:{:016x}", app, hash);
}

std::optional<std::string> imported_tag(std::string_view raw) {
    std::string tag;
    bool space = false;
    for (const char c : raw) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !tag.empty();
            continue;
        }
        if (space) tag += ' ';
        space = false;
        tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (tag.empty() || tag.size() > 64 || tag.find(',') != std::string::npos || !tend::is_valid_utf8(tag) ||
        tend::neutralize(tag) != tag)
        return std::nullopt;
    return tag;
}

ImportBatch read_tend_export(std::string_view text, std::string_view source) {
    ImportBatch batch;
    std::size_t line = 1;
    for (std::size_t start = 0; start < text.size(); ++line) {
        const auto end = std::min(text.find('\n', start), text.size());
        const std::string_view content = text.substr(start, end - start);
        start = end + 1;
        if (content.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        try {
            auto imported = tend::parse_export_line(content, source, line);
            batch.entries.push_back({line, imported.format, std::move(imported.record)});
        } catch (const tend::JsonError& e) {
            batch.refused.push_back({e.line(), e.column(), e.problem()});
        }
    }
    return batch;
}

int import_history(const ImportOptions& options, const tend::Session& session) {
    check_flags(options);
    const tend::Zone zone = options.tz ? tend::Zone::named(*options.tz) : session.zone;
    const ImportContext context{zone, session.now, daylio_moods(options.mood_map), options.mood_from_tag};
    const std::string source = options.file == "-" ? "standard input" : tend::neutralize(options.file);
    const std::string text = read_input(options, session);
    ImportBatch batch = read_any(options, text, source, context);
    // Daylio lists the newest first: month files read best oldest first. A tend export keeps
    // its own order, which is the files' order.
    if (options.format != "tend")
        std::stable_sort(batch.entries.begin(), batch.entries.end(), [](const ImportEntry& a, const ImportEntry& b) {
            return tend::record_at(a.record).instant < tend::record_at(b.record).instant;
        });

    // A dry run reads under the lock too, but creates nothing: no data directory, no lock.
    std::error_code ec;
    const bool data_exists = std::filesystem::exists(session.paths.data_dir, ec);
    if (!options.dry_run) session.prepare_data_dir();
    std::optional<tend::Transaction> transaction;
    if (!options.dry_run || data_exists) transaction.emplace(session.transaction());

    Planner planner(transaction ? &*transaction : nullptr);
    std::map<const tend::RecordFormat*, std::vector<Record>> new_records;  // in file order
    std::vector<std::pair<std::size_t, std::string>> listing;              // (line, text) for the dry run
    std::size_t added = 0, skipped = 0;
    for (auto& entry : batch.entries) {
        const Decision decision = planner.decide(entry);
        if (decision.verdict == Verdict::refuse) {
            batch.refused.push_back({entry.line, 0, decision.why});
            continue;
        }
        if (options.dry_run)
            listing.emplace_back(
                entry.line,
                fmt::format("{:<6} line {}  {}{}", decision.verdict == Verdict::add ? "add" : "skip", entry.line,
                            describe(entry), decision.why.empty() ? "" : "  (" + decision.why + ")"));
        if (decision.verdict == Verdict::skip) {
            ++skipped;
            continue;
        }
        ++added;
        new_records[entry.format].push_back(std::move(entry.record));
    }
    std::stable_sort(batch.refused.begin(), batch.refused.end(),
                     [](const Refusal& a, const Refusal& b) { return a.line < b.line; });
    const std::size_t refused = batch.refused.size();
    const bool blocked = refused > 0 && !options.skip_bad;

    for (const auto& refusal : batch.refused) {
        if (options.dry_run)
            listing.emplace_back(refusal.line, fmt::format("refuse line {}  {}", refusal.line, refusal.what));
        else if (!options.json)
            session.io.err << "checkin: " << (blocked ? "error" : "warning") << ": " << where(source, refusal) << ": "
                           << refusal.what << '\n';
    }
    std::stable_sort(listing.begin(), listing.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [line, entry_text] : listing) session.io.out << entry_text << '\n';

    const bool writes = !options.dry_run && !blocked && added > 0;
    if (writes) {
        // One transaction: every month file of every kind, or none (see tend(5)).
        for (auto& [format, records] : new_records) transaction->append_all(*format, std::move(records));
        transaction->commit();
    }
    transaction.reset();  // the lock goes before anything more is printed

    const std::string kinds = options.format == "tend" ? "record" : "check-in";
    if (options.json) {
        tend::Json problems = tend::Json::array();
        for (const auto& refusal : batch.refused) {
            tend::Json problem = tend::Json::object();
            problem.set("line", static_cast<std::int64_t>(refusal.line));
            if (refusal.column) problem.set("column", static_cast<std::int64_t>(refusal.column));
            problems.push(problem.set("problem", refusal.what));
        }
        session.print_json(tend::Json::object()
                               .set("dry_run", options.dry_run)
                               .set("written", writes)
                               .set("added", static_cast<std::int64_t>(added))
                               .set("skipped", static_cast<std::int64_t>(skipped))
                               .set("refused", static_cast<std::int64_t>(refused))
                               .set("problems", std::move(problems)));
    }
    const std::string counts =
        fmt::format("{} to add, {} already here, {} refused", plural(added, kinds, kinds + "s"), skipped, refused);
    if (blocked) {
        const std::string advice =
            batch.hint.empty()
                ? fmt::format("Fix {} in the file, or give --skip-bad to import the rest", refused == 1 ? "it" : "them")
                : batch.hint + ", or --skip-bad to import the rest";
        tend::fail(tend::Exit::data, fmt::format("{}: {} of {} cannot be imported{}; nothing was {}. {}", source,
                                                 refused, plural(refused + added + skipped, "entry", "entries"),
                                                 options.json ? "" : " (listed above)",
                                                 options.dry_run ? "changed (dry run)" : "imported", advice));
    }
    if (options.dry_run) {
        if (!options.json) session.io.out << "Dry run, nothing written: " << counts << ".\n";
        return 0;
    }
    if (options.quiet || options.json) return 0;
    const std::string left_out = refused ? fmt::format(", {} left out", refused) : "";
    if (added == 0)
        session.note(fmt::format("Nothing new in {}: {} already here{}.", source, plural(skipped, kinds, kinds + "s"),
                                 left_out));
    else
        session.note(fmt::format("Imported {} from {}; {} already here{}.", plural(added, kinds, kinds + "s"), source,
                                 skipped, left_out));
    return 0;
}

}  // namespace checkin
