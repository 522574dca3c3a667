// The couple's folder: its record kinds, where this device writes, and reading every device's files.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "couple.hpp"

#include "device.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "checkin_record.hpp"
#include "error.hpp"
#include "files.hpp"
#include "terminal.hpp"

namespace tend {
namespace fs = std::filesystem;

namespace {

constexpr std::array answer_fields{
    FieldSpec{"by", FieldType::string, true},        FieldSpec{"source", FieldType::string, true},
    FieldSpec{"prompt_id", FieldType::string, true}, FieldSpec{"deck", FieldType::string, true},
    FieldSpec{"prompt_text", FieldType::string},     FieldSpec{"text", FieldType::string, true},
};

constexpr std::array numbers_fields{
    FieldSpec{"by", FieldType::string, true},
    FieldSpec{"source", FieldType::string, true},
    rating_field(0),
    rating_field(1),
    rating_field(2),
    rating_field(3),
    rating_field(4),
};

constexpr std::array boundary_fields{
    FieldSpec{"by", FieldType::string, true},    FieldSpec{"source", FieldType::string, true},
    FieldSpec{"of", FieldType::string, true},    FieldSpec{"event", FieldType::string, true},
    FieldSpec{"text", FieldType::string, true},  FieldSpec{"type", FieldType::string},
    FieldSpec{"hard", FieldType::boolean, true},
};

constexpr std::array pass_fields{
    FieldSpec{"by", FieldType::string, true},
    FieldSpec{"source", FieldType::string, true},
    FieldSpec{"prompt_id", FieldType::string, true},
    FieldSpec{"deck", FieldType::string, true},
};

constexpr std::array<std::string_view, 2> pass_keys{"prompt_id", "deck"};

constexpr std::array<std::string_view, 5> boundary_keys{"of", "event", "text", "type", "hard"};

constexpr std::array<std::string_view, 4> answer_keys{"prompt_id", "deck", "prompt_text", "text"};
constexpr const auto& numbers_keys = rating_names;

void copy_keys(const Record& from, Record& to, std::span<const std::string_view> keys) {
    for (const auto key : keys) {
        if (const toml::node* value = from.get(key))
            to.insert_or_assign(key, *value);
        else
            to.erase(key);
    }
}

// Conflicts and unreadable files are said; a partner's file made private again after each pull
// (git writes it with the umask) is not worth a warning every time.
Warn couple_warner(const Session& session) {
    return [&session](const std::string& m) {
        if (m.find("tend made it private") == std::string::npos) session.warn(m);
    };
}

// One reader for every device's tree: the store merges them by the revision rule, so a share
// taken back on its own device is gone here at the next sync.
template <typename Read>
std::vector<SharedRecord> read_every_device(const Session& session, const CoupleFolder& folder,
                                            const RecordFormat& format, const Read& read) {
    std::vector<SharedRecord> all;
    const Warn warn = couple_warner(session);
    const RecordStore store(folder.dir, format, session.lock_wait(), warn, {}, folder.device);
    for (auto& record : read(store)) all.push_back(SharedRecord{std::move(record)});
    std::stable_sort(all.begin(), all.end(), [](const SharedRecord& a, const SharedRecord& b) {
        return record_at(a.record).instant < record_at(b.record).instant;
    });
    return all;
}

}  // namespace

const RecordFormat shared_answer_format{"answer", answer_fields};
const RecordFormat shared_numbers_format{"numbers", numbers_fields};
const RecordFormat shared_boundary_format{"boundary", boundary_fields};
const RecordFormat shared_pass_format{"pass", pass_fields};
const std::span<const std::string_view> shared_boundary_keys = boundary_keys;
const std::span<const std::string_view> shared_pass_keys = pass_keys;

namespace {
constexpr std::array<const RecordFormat*, 4> couple_kinds{&shared_answer_format, &shared_numbers_format,
                                                          &shared_boundary_format, &shared_pass_format};
}  // namespace

std::span<const RecordFormat* const> couple_formats() {
    return couple_kinds;
}
const std::span<const std::string_view> shared_answer_keys = answer_keys;
const std::span<const std::string_view> shared_numbers_keys = numbers_keys;

std::string SharedRecord::by() const {
    return field<std::string>(record, "by").value_or("");
}

namespace {
std::string text_of(const Record& record, std::string_view key) {
    return field<std::string>(record, key).value_or("");
}
}  // namespace

SharedAnswer read_shared_answer(const Record& record) {
    return {text_of(record, "prompt_id"), text_of(record, "deck"), text_of(record, "prompt_text"),
            text_of(record, "text")};
}

SharedNumbers read_shared_numbers(const Record& record) {
    SharedNumbers numbers;
    for (std::size_t i = 0; i < rating_names.size(); ++i)
        if (const auto value = field<std::int64_t>(record, rating_names[i]))
            numbers.values[i] = static_cast<int>(*value);
    return numbers;
}

SharedBoundary read_shared_boundary(const Record& record) {
    return {text_of(record, "of"), text_of(record, "event"), text_of(record, "text"),
            field<std::string>(record, "type"), field<bool>(record, "hard").value_or(false)};
}

SharedPass read_shared_pass(const Record& record) {
    return {text_of(record, "prompt_id"), text_of(record, "deck")};
}

std::optional<CoupleFolder> couple_folder(const Session& session) {
    const std::string& dir = session.config.couple.dir;
    if (dir.empty()) return std::nullopt;
    CoupleFolder folder;
    if (dir.starts_with("~/")) {
        const auto home = session.io.getenv_nonempty("HOME");
        if (!home) {
            session.warn("[couple] dir starts with ~/, and HOME is not set; the couple's folder is left out");
            return std::nullopt;
        }
        folder.dir = fs::path(*home) / dir.substr(2);
    } else {
        folder.dir = dir;
    }
    folder.device = session.device().name;
    folder.name = session.config.couple.name.empty() ? folder.device : session.config.couple.name;
    return folder;
}

namespace {

void check_folder_is_there(const CoupleFolder& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder.dir, ec))
        fail(Exit::io, fmt::format("{}: the couple's folder ([couple] dir) is not there; create it, or sync it "
                                   "from your partner first",
                                   neutralize(folder.dir.string())));
}

}  // namespace

CoupleFolder required_couple_folder(const Session& session, std::string_view option) {
    if (auto folder = couple_folder(session)) {
        check_folder_is_there(*folder);
        return *folder;
    }
    usage_error(
        fmt::format("{}: there is no couple's folder to share into; set [couple] dir in your config to the "
                    "folder you and your partner sync (see 'man 7 tend')",
                    option));
}

Transaction couple_transaction(const Session& session, const CoupleFolder& folder) {
    check_folder_is_there(folder);
    // The same store as the data directory's: this device writes only its own tree, and
    // .gitignore and .stignore keep each machine's own state out of the sync.
    Transaction t(folder.dir, folder.device, session.lock_wait(), couple_warner(session));
    t.holds(couple_formats());
    return t;
}

void settle_couple_folder(const Session& session, const CoupleFolder& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder.own(), ec)) return;
    try {
        auto t =
            Transaction::try_begin(folder.dir, folder.device, std::chrono::milliseconds{0}, couple_warner(session));
        if (!t) return;
        t->holds(couple_formats());
        t->purge_superseded_at_commit();
        t->commit();
    } catch (const Error& e) {
        session.warn(fmt::format("the couple's folder cannot be tidied just now ({})", e.what()));
    }
}

std::set<std::string> own_devices(const Session& session) {
    std::set<std::string> devices{session.device().name};
    std::error_code ec;
    for (fs::directory_iterator it(devices_dir(session.paths.data_dir), ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec)) devices.insert(it->path().filename().string());
    return devices;
}

std::vector<SharedRecord> shared_records(const Session& session, const CoupleFolder& folder, const RecordFormat& format,
                                         Instant from, Instant to) {
    return read_every_device(session, folder, format,
                             [&](const RecordStore& store) { return store.read_range(from, to); });
}

std::vector<SharedRecord> all_shared_records(const Session& session, const CoupleFolder& folder,
                                             const RecordFormat& format) {
    return read_every_device(session, folder, format, [](const RecordStore& store) { return store.read_all(); });
}

std::vector<SharedCopy> own_copies(const Session& session, Transaction& t, const RecordFormat& format,
                                   std::string_view source) {
    // A copy keeps its source's `at`, so it lives in the month the source's id names (give or
    // take the UTC offsets at the month's edges); only an id that names no month reads them all.
    std::vector<Record> found;
    if (const auto month = month_of_id(source)) {
        const auto start = [](date::year_month m) {
            return Instant{date::sys_days{m.year() / m.month() / 1}.time_since_epoch()};
        };
        found = t.range(format, start(*month) - std::chrono::hours{14},
                        start(*month + date::months{1}) + std::chrono::hours{14});
    } else {
        found = t.all(format);
    }
    // Only this person's: a partner's copy of a record of theirs that happens to have the same
    // id is in a tree of one of the partner's devices.
    const auto mine = own_devices(session);
    std::vector<SharedCopy> copies;
    for (auto& record : found) {
        if (field<std::string>(record, "source").value_or("") != source) continue;
        const auto stored = t.find(format, record_id(record));
        if (!stored) continue;
        std::string device = stored->file.parent_path().parent_path().filename().string();
        if (mine.contains(device)) copies.push_back({std::move(record), std::move(device)});
    }
    return copies;
}

std::vector<SharedCopy> withdraw(const Session& session, Transaction& t, const RecordFormat& format,
                                 std::string_view source) {
    auto copies = own_copies(session, t, format, source);
    for (const auto& copy : copies) t.replace(format, record_id(copy.record), std::nullopt);
    return copies;
}

void note_taken_back(const Session& session, const CoupleFolder& folder, std::span<const SharedCopy> taken,
                     std::string_view what) {
    std::set<std::string> elsewhere;
    for (const auto& copy : taken)
        if (copy.device != folder.device) elsewhere.insert(neutralize(copy.device));
    if (elsewhere.empty()) {
        session.note(
            fmt::format("Took back {}: its words are gone from the couple's folder, and from your partner's "
                        "copy at the next sync.",
                        what));
        return;
    }
    // Shared from another device: only that device may rewrite its files.
    session.note(
        fmt::format("Took back {}: your partner no longer sees it after the next sync. Its words leave {}'s files in "
                    "the couple's folder the next time tend runs a couple's command there ('prompt shared' will do).",
                    what, fmt::join(elsewhere, " and ")));
}

bool is_shared(const Session& session, const CoupleFolder& folder, const RecordFormat& format,
               std::string_view source) {
    std::error_code ec;
    if (!fs::is_directory(folder.dir / "devices", ec)) return false;
    Transaction t = Transaction::read(folder.dir, folder.device, session.lock_wait(), couple_warner(session));
    return !own_copies(session, t, format, source).empty();
}

std::size_t share_records(const Session& session, const CoupleFolder& folder, const RecordFormat& format,
                          std::span<const Record> sources, std::span<const std::string_view> keys) {
    Transaction t = couple_transaction(session, folder);
    std::size_t shared = 0;
    for (const Record& source : sources) {
        const std::string id = record_id(source);
        if (!own_copies(session, t, format, id).empty()) continue;
        Record copy;
        copy.insert_or_assign("at", *source.get("at"));
        copy.insert_or_assign("recorded", to_toml(session.now_here()));
        copy.insert_or_assign("by", folder.name);
        copy.insert_or_assign("source", id);
        copy_keys(source, copy, keys);
        t.append(format, std::move(copy));
        ++shared;
    }
    if (shared > 0) t.commit();
    return shared;
}

bool share_record(const Session& session, const CoupleFolder& folder, const RecordFormat& format, const Record& source,
                  std::span<const std::string_view> keys) {
    return share_records(session, folder, format, std::span(&source, 1), keys) > 0;
}

std::size_t follow_change(const Session& session, const RecordFormat& format, const std::string& source,
                          const std::optional<Record>& now, std::span<const std::string_view> keys) {
    const auto folder = couple_folder(session);
    std::error_code ec;
    if (!folder || !fs::is_directory(folder->dir / "devices", ec)) return 0;
    Transaction t = couple_transaction(session, *folder);
    const auto copies = own_copies(session, t, format, source);
    for (const auto& copy : copies) {
        std::optional<Record> changed;
        if (now) {
            changed = copy.record;
            copy_keys(*now, *changed, keys);
        }
        t.replace(format, record_id(copy.record), changed);
    }
    if (!copies.empty()) t.commit();
    return copies.size();
}

}  // namespace tend
