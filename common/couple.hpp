// A couple's folder: what each partner chose to share, one item at a time, in files only they write.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "record.hpp"
#include "session.hpp"
#include "store.hpp"

namespace tend {

// [[answer]] in <couple dir>/devices/<device>/answer/YYYY-MM.toml: a copy of one answer its
// author chose to share: by (who), source (the private answer's id), prompt_id, deck,
// prompt_text and text. `at` is the answer's own.
extern const RecordFormat shared_answer_format;

// [[numbers]] in .../numbers/YYYY-MM.toml: a check-in's numbers (never its feelings, tags or
// note) that its author chose to share: by, source (the check-in's id) and the five numbers.
extern const RecordFormat shared_numbers_format;

// [[boundary]] in .../boundary/YYYY-MM.toml: one event in the life of a boundary its author
// chose to share, at the event's `at`: by, source (the private event's id), of (the private id
// of the boundary's `added` record, the same on all its events), event, and the boundary as it
// stood then: text (its wording), type and hard. Never its notes, intensity, who it is with or
// what its author plans if it is crossed.
extern const RecordFormat shared_boundary_format;

// [[pass]] in .../pass/YYYY-MM.toml: that its author is passing on a day's shared prompt, which
// they chose to tell their partner (`prompt pass`): by, source (the private skip's id),
// prompt_id and deck; never why, and never the prompt's words. `at` is the skip's own.
extern const RecordFormat shared_pass_format;

// The couple's folder as this person sees it. Each device writes only devices/<device>/, in
// the same layout as a data directory, so the same store code serves it; every devices/*
// subtree is read. Nothing in it is ever read from, or written to, the private data directory.
struct CoupleFolder {
    std::filesystem::path dir;  // [couple] dir, with ~/ expanded
    std::string device;         // this device's subtree
    std::string name;           // [couple] name, else the device's name: beside what they share

    std::filesystem::path own() const { return dir / "devices" / device; }
    std::filesystem::path decks() const { return dir / "decks"; }
};

// The couple's folder from [couple] dir, or nullopt without one.
std::optional<CoupleFolder> couple_folder(const Session& session);

// The folder, or a usage error saying how to set one up (for --share and its commands); a folder
// that is not there (yet) is Exit::io, before anything is written.
CoupleFolder required_couple_folder(const Session& session, std::string_view option);

// The kinds a couple's folder holds.
std::span<const RecordFormat* const> couple_formats();

// A transaction on this device's own files in the couple folder. Creates them (0700) on the
// first share, with .gitignore and .stignore files that keep each device's lock, staging room
// and last-written pointers out of every sync. Its commit purges this device's copies that
// another device withdrew or changed.
Transaction couple_transaction(const Session& session, const CoupleFolder& folder);

// Purges from this device's files in the folder what another of this person's devices withdrew
// (or changed) since, as a write would; for the commands that read the folder. Never blocks: a
// busy folder waits for the next time, and trouble is one warning.
void settle_couple_folder(const Session& session, const CoupleFolder& folder);

// One shared record, from any device's tree.
struct SharedRecord {
    Record record;
    std::string by() const;  // who shared it
};

// Each shared kind's own fields (besides id, at, recorded, by and source), read in one place
// for every tool, from a record that passed validation against its format.
struct SharedAnswer {
    std::string prompt_id;
    std::string deck;
    std::string prompt_text;
    std::string text;
};
struct SharedNumbers {
    std::array<std::optional<int>, 5> values;  // in rating_names' order: mood, energy, ...
};
struct SharedBoundary {
    std::string of;  // the private id of the boundary's `added` record
    std::string event;
    std::string text;  // its wording as it stood then
    std::optional<std::string> type;
    bool hard = false;
};
struct SharedPass {
    std::string prompt_id;
    std::string deck;
};
SharedAnswer read_shared_answer(const Record& record);
SharedNumbers read_shared_numbers(const Record& record);
SharedBoundary read_shared_boundary(const Record& record);
SharedPass read_shared_pass(const Record& record);

// Every device's records of a kind whose `at` lies in [from, to], oldest first.
std::vector<SharedRecord> shared_records(const Session& session, const CoupleFolder& folder, const RecordFormat& format,
                                         Instant from, Instant to);
// Every device's records of a kind, oldest first.
std::vector<SharedRecord> all_shared_records(const Session& session, const CoupleFolder& folder,
                                             const RecordFormat& format);

// This person's devices: every device tree of their own data directory, and this device. A
// partner's devices are never among them, since the data directory is this person's alone.
std::set<std::string> own_devices(const Session& session);

// A shared copy as it stands, and the device whose files hold it.
struct SharedCopy {
    Record record;
    std::string device;
};

// This person's shared copies of the private record `source`, made on any of their devices,
// in a transaction on the couple's folder. Only the months the source's id names are read.
std::vector<SharedCopy> own_copies(const Session& session, Transaction& t, const RecordFormat& format,
                                   std::string_view source);

// Takes back this person's shared copies of `source`, from whichever of their devices shared
// them, by the device store's rule: a copy in this device's files is rewritten without it (its
// words gone at once), one in another device's files gets a deletion marker here, and that
// device purges the words at its next write or read of the folder. The copies taken back; the
// caller commits.
std::vector<SharedCopy> withdraw(const Session& session, Transaction& t, const RecordFormat& format,
                                 std::string_view source);

// Says that `what` ("your answer to gentle-003") was taken back, and when its words leave the
// folder: at once from this device's files, or at the next couple's command of the device that
// shared it, when that is another of this person's devices.
void note_taken_back(const Session& session, const CoupleFolder& folder, std::span<const SharedCopy> taken,
                     std::string_view what);

// The fields of a private record a shared copy carries: answers their prompt and words,
// check-ins only their numbers.
extern const std::span<const std::string_view> shared_answer_keys;
extern const std::span<const std::string_view> shared_numbers_keys;
extern const std::span<const std::string_view> shared_boundary_keys;
extern const std::span<const std::string_view> shared_pass_keys;

// Whether this person (from any of their devices) has shared a copy of the private record
// `source`; only the month its id names is read.
bool is_shared(const Session& session, const CoupleFolder& folder, const RecordFormat& format, std::string_view source);

// Shares one private record: a copy with its `at`, by, source (its id) and the values of
// `keys`, appended to this device's files, unless it is shared already (false then).
bool share_record(const Session& session, const CoupleFolder& folder, const RecordFormat& format, const Record& source,
                  std::span<const std::string_view> keys);
// The same for several records in one transaction; how many were not shared before.
std::size_t share_records(const Session& session, const CoupleFolder& folder, const RecordFormat& format,
                          std::span<const Record> sources, std::span<const std::string_view> keys);

// After the private record `source` was edited (`now`) or deleted (nullopt), on any of this
// person's devices: their copies of it take the new values of `keys`, or are withdrawn. How
// many there were; nothing is read or written without a couple's folder.
std::size_t follow_change(const Session& session, const RecordFormat& format, const std::string& source,
                          const std::optional<Record>& now, std::span<const std::string_view> keys);

}  // namespace tend
