// The record store on a real temp data dir: appends, ids, reads by range, finds and surgical rewrites.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "checkin_record.hpp"
#include "files.hpp"
#include "fixtures.hpp"
#include "device.hpp"
#include "store.hpp"

using namespace std::chrono_literals;
using tend::Exit;
using tend::Record;
using tend::RecordStore;
using tend::test::checkin_at;
using tend::test::contains;
using tend::test::error_from;
using tend::test::instant;
using tend::test::mode_of;
using tend::test::read_bytes;
using tend::test::TempDir;
using tend::test::write_bytes;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view id_alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

struct StoreFixture {
    TempDir tmp;
    fs::path data = tmp / "data";
    RecordStore store{data, tend::checkin_format, 50ms};

    fs::path kind = data / "devices" / "this-device" / "checkin";

    fs::path month(std::string_view key) const { return kind / (std::string(key) + ".toml"); }
};

std::vector<int64_t> moods(const std::vector<Record>& records) {
    std::vector<int64_t> values;
    for (const auto& r : records) values.push_back(tend::field<int64_t>(r, "mood").value_or(-1));
    return values;
}

std::string hand_written(std::string_view id, std::string_view at, int mood) {
    return "[[checkin]]\nid = \"" + std::string(id) + "\"\nat = " + std::string(at) +
           "\nrecorded = " + std::string(at) + "\nmood = " + std::to_string(mood) + "\n";
}

// The same record after an edit: one revision up.
std::string revised(std::string_view id, std::string_view at, int mood) {
    return "[[checkin]]\nid = \"" + std::string(id) + "\"\nat = " + std::string(at) +
           "\nrecorded = " + std::string(at) + "\nrevision = 1\nmood = " + std::to_string(mood) + "\n";
}

// What a deletion leaves of it: a marker without a word of what it said.
std::string marker(std::string_view id, std::string_view at) {
    return "[[checkin]]\nid = \"" + std::string(id) + "\"\nat = " + std::string(at) +
           "\nrecorded = " + std::string(at) + "\nrevision = 1\ndeleted = true\n";
}

// The text with one occurrence of `from` replaced by `to` (which must be there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("append assigns a 6-character id from the alphabet naming the month of at, then the device") {
    StoreFixture f;
    const Record stored = f.store.append(checkin_at("2026-11-21T19:10:00+01:00", 6));
    const std::string id = tend::record_id(stored);
    REQUIRE(id.size() == 6);
    CHECK(id[2] == tend::device_tag(tend::unnamed_device));
    for (char c : id) CHECK(id_alphabet.find(c) != std::string_view::npos);
    CHECK(tend::month_of_id(id) == std::optional(date::year{2026} / 11));
}

TEST_CASE("the id's month is the month of at's own wall clock") {
    StoreFixture f;
    // 2026-11-30T23:30Z, but written in +01:00 it is December.
    const Record stored = f.store.append(checkin_at("2026-12-01T00:30:00+01:00", 6));
    CHECK(tend::month_of_id(tend::record_id(stored)) == std::optional(date::year{2026} / 12));
    CHECK(fs::exists(f.month("2026-12")));
    CHECK_FALSE(fs::exists(f.month("2026-11")));
}

TEST_CASE("append writes checkin/YYYY-MM.toml as 0600 in 0700 directories") {
    StoreFixture f;
    tend::test::ScopedUmask mask(022);
    f.store.append(checkin_at("2026-11-21T19:10:00+01:00", 6));
    REQUIRE(fs::exists(f.month("2026-11")));
    CHECK(mode_of(f.month("2026-11")) == 0600u);
    CHECK(mode_of(f.kind) == 0700u);
    CHECK(mode_of(f.data) == 0700u);
}

TEST_CASE("appended records read back with their ids and fields") {
    StoreFixture f;
    const Record first = f.store.append(checkin_at("2026-11-20T08:00:00+01:00", 3));
    const Record second = f.store.append(checkin_at("2026-11-21T19:10:00+01:00", 7));
    CHECK(tend::record_id(first) != tend::record_id(second));
    const std::string text = read_bytes(f.month("2026-11"));
    const auto records = tend::parse_month_text(text, f.month("2026-11"), tend::checkin_format);
    REQUIRE(records.size() == 2);
    CHECK(records[0] == first);
    CHECK(records[1] == second);
    CHECK(text.starts_with("# "));
}

TEST_CASE("each append adds exactly one serialised block and leaves the old bytes in place") {
    StoreFixture f;
    const Record first = f.store.append(checkin_at("2026-11-20T08:00:00+01:00", 3));
    const std::string before = read_bytes(f.month("2026-11"));
    const Record second = f.store.append(checkin_at("2026-11-21T19:10:00+01:00", 7));
    const std::string after = read_bytes(f.month("2026-11"));
    REQUIRE(after.starts_with(before));
    CHECK(after.substr(before.size()) == "\n" + tend::serialize_record(second, tend::checkin_format));
    CHECK(before.ends_with(tend::serialize_record(first, tend::checkin_format)));
}

TEST_CASE("append after a file with no final newline still writes a parsable file") {
    StoreFixture f;
    tend::ensure_private_dir(f.kind);
    write_bytes(f.month("2026-11"), "# mine\n" + hand_written("pa234", "2026-11-02T10:00:00Z", 4) + "# end");
    f.store.append(checkin_at("2026-11-21T19:10:00+01:00", 7));
    const auto records =
        tend::parse_month_text(read_bytes(f.month("2026-11")), f.month("2026-11"), tend::checkin_format);
    CHECK(moods(records) == std::vector<int64_t>{4, 7});
}

TEST_CASE("a month file that does not parse makes append fail with file:line:col and stay byte-identical") {
    StoreFixture f;
    tend::ensure_private_dir(f.kind);
    const std::string broken = "# mine\n[[checkin]]\nid = \"pa234\"\nat = \n";
    write_bytes(f.month("2026-11"), broken);
    const auto error = error_from([&] { f.store.append(checkin_at("2026-11-21T19:10:00+01:00", 6)); });
    REQUIRE(error);
    CHECK(error->code() == Exit::data);
    CHECK(contains(error->what(), f.month("2026-11").string() + ":4:"));
    CHECK(read_bytes(f.month("2026-11")) == broken);
}

TEST_CASE("a month file with a bad record makes append fail and stay byte-identical") {
    StoreFixture f;
    tend::ensure_private_dir(f.kind);
    const std::string bad = hand_written("pa234", "2026-11-02T10:00:00Z", 12);
    write_bytes(f.month("2026-11"), bad);
    const auto error = error_from([&] { f.store.append(checkin_at("2026-11-21T19:10:00+01:00", 6)); });
    REQUIRE(error);
    CHECK(error->code() == Exit::data);
    CHECK(contains(error->what(), f.month("2026-11").string() + ":5:8:"));
    CHECK(read_bytes(f.month("2026-11")) == bad);
}

TEST_CASE("duplicate ids in a hand-written file are a data error") {
    StoreFixture f;
    tend::ensure_private_dir(f.kind);
    const std::string text =
        hand_written("pa234", "2026-11-02T10:00:00Z", 4) + "\n" + hand_written("pa234", "2026-11-03T10:00:00Z", 5);
    write_bytes(f.month("2026-11"), text);
    const auto parse_error =
        error_from([&] { (void)tend::parse_month_text(text, f.month("2026-11"), tend::checkin_format); });
    REQUIRE(parse_error);
    CHECK(parse_error->code() == Exit::data);
    CHECK(contains(parse_error->what(), "id 'pa234' is used twice in this file; line 1 has it too"));
    CHECK(contains(parse_error->what(), f.month("2026-11").string() + ":7:1:"));
    const auto append_error = error_from([&] { f.store.append(checkin_at("2026-11-21T19:10:00+01:00", 6)); });
    REQUIRE(append_error);
    CHECK(append_error->code() == Exit::data);
    CHECK(read_bytes(f.month("2026-11")) == text);
}

TEST_CASE("append waits for the data lock and gives up with Exit::locked") {
    StoreFixture f;
    tend::ensure_private_dir(f.data);
    const int fd = ::open(f.data.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    const auto error = error_from([&] { f.store.append(checkin_at("2026-11-21T19:10:00+01:00", 6)); });
    ::close(fd);
    REQUIRE(error);
    CHECK(error->code() == Exit::locked);
    CHECK_FALSE(fs::exists(f.month("2026-11")));
}

TEST_CASE("a completer sees every record oldest first and fills in the new one") {
    StoreFixture f;
    f.store.append(checkin_at("2026-11-20T08:00:00+01:00", 3));
    f.store.append(checkin_at("2026-10-05T08:00:00+01:00", 1));
    f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 2));
    std::vector<int64_t> seen;
    const Record stored =
        f.store.append(checkin_at("2026-09-01T08:00:00+01:00", 0), [&](Record& record, const auto& all) {
            seen = moods(all);
            record.insert_or_assign("note", "after " + std::to_string(all.size()));
        });
    CHECK(seen == std::vector<int64_t>{1, 2, 3});
    CHECK(tend::field<std::string>(stored, "note") == std::optional<std::string>("after 3"));
    const auto found = f.store.find(tend::record_id(stored));
    REQUIRE(found);
    CHECK(tend::field<std::string>(found->record, "note") == std::optional<std::string>("after 3"));
}

TEST_CASE("read_range reads only the months it needs") {
    StoreFixture f;
    f.store.append(checkin_at("2026-01-15T12:00:00+00:00", 1));
    f.store.append(checkin_at("2026-03-10T12:00:00+00:00", 3));
    f.store.append(checkin_at("2026-05-15T12:00:00+00:00", 5));
    write_bytes(f.month("2025-06"), "this is [[not toml\n");
    const auto records = f.store.read_range(instant("2026-03-01T00:00:00Z"), instant("2026-03-31T23:59:59Z"));
    CHECK(moods(records) == std::vector<int64_t>{3});
}

TEST_CASE("read_range stops at a corrupt month it does need") {
    StoreFixture f;
    f.store.append(checkin_at("2026-03-10T12:00:00+00:00", 3));
    write_bytes(f.month("2026-04"), "this is [[not toml\n");
    const auto error =
        error_from([&] { (void)f.store.read_range(instant("2026-03-01T00:00:00Z"), instant("2026-04-30T00:00:00Z")); });
    REQUIRE(error);
    CHECK(error->code() == Exit::data);
    CHECK(contains(error->what(), f.month("2026-04").string() + ":1:"));
}

TEST_CASE("read_range filters by instant inclusively and sorts oldest first") {
    StoreFixture f;
    f.store.append(checkin_at("2026-03-20T12:00:00+00:00", 9));
    f.store.append(checkin_at("2026-03-10T12:00:00+00:00", 2));
    f.store.append(checkin_at("2026-03-15T12:00:00+00:00", 6));
    f.store.append(checkin_at("2026-03-15T11:59:59+00:00", 5));
    f.store.append(checkin_at("2026-03-20T12:00:01+00:00", 10));
    CHECK(moods(f.store.read_range(instant("2026-03-15T12:00:00Z"), instant("2026-03-20T12:00:00Z"))) ==
          std::vector<int64_t>{6, 9});
    CHECK(moods(f.store.read_range(instant("2026-03-01T00:00:00Z"), instant("2026-03-31T00:00:00Z"))) ==
          std::vector<int64_t>{2, 5, 6, 9, 10});
}

TEST_CASE("read_range finds a record filed in the next month by its offset") {
    StoreFixture f;
    // 2026-03-31T23:30Z, filed in April because it was written at +02:00.
    f.store.append(checkin_at("2026-04-01T01:30:00+02:00", 7));
    REQUIRE(fs::exists(f.month("2026-04")));
    CHECK(moods(f.store.read_range(instant("2026-03-31T00:00:00Z"), instant("2026-03-31T23:59:59Z"))) ==
          std::vector<int64_t>{7});
}

TEST_CASE("read_range across a year end") {
    StoreFixture f;
    f.store.append(checkin_at("2025-12-30T12:00:00+00:00", 1));
    f.store.append(checkin_at("2026-01-02T12:00:00+00:00", 2));
    CHECK(moods(f.store.read_range(instant("2025-12-01T00:00:00Z"), instant("2026-01-31T00:00:00Z"))) ==
          std::vector<int64_t>{1, 2});
}

TEST_CASE("read_range on a missing data directory is empty") {
    StoreFixture f;
    CHECK(f.store.read_range(instant("2026-01-01T00:00:00Z"), instant("2026-12-31T00:00:00Z")).empty());
    CHECK_FALSE(fs::exists(f.data));
}

TEST_CASE("read_latest gives the newest records first across months") {
    StoreFixture f;
    f.store.append(checkin_at("2026-01-15T12:00:00+00:00", 1));
    f.store.append(checkin_at("2026-03-10T12:00:00+00:00", 3));
    f.store.append(checkin_at("2026-03-20T12:00:00+00:00", 4));
    f.store.append(checkin_at("2026-02-15T12:00:00+00:00", 2));
    CHECK(moods(f.store.read_latest(1)) == std::vector<int64_t>{4});
    CHECK(moods(f.store.read_latest(3)) == std::vector<int64_t>{4, 3, 2});
    CHECK(moods(f.store.read_latest(10)) == std::vector<int64_t>{4, 3, 2, 1});
    CHECK(f.store.read_latest(0).empty());
}

TEST_CASE("read_latest does not read older months it does not need") {
    StoreFixture f;
    f.store.append(checkin_at("2026-03-10T12:00:00+00:00", 3));
    write_bytes(f.month("2026-01"), "this is [[not toml\n");
    CHECK(moods(f.store.read_latest(1)) == std::vector<int64_t>{3});
}

TEST_CASE("read_latest ignores files that are not month files") {
    StoreFixture f;
    f.store.append(checkin_at("2026-03-10T12:00:00+00:00", 3));
    write_bytes(f.kind / "notes.txt", "not records");
    write_bytes(f.kind / ".2026-03.toml.tmp.abcdef", "[[not toml");
    CHECK(moods(f.store.read_latest(5)) == std::vector<int64_t>{3});
}

TEST_CASE("find returns the record and its file") {
    StoreFixture f;
    f.store.append(checkin_at("2026-02-15T12:00:00+00:00", 2));
    const Record stored = f.store.append(checkin_at("2026-03-10T12:00:00+00:00", 3));
    const auto found = f.store.find(tend::record_id(stored));
    REQUIRE(found);
    CHECK(found->record == stored);
    CHECK(found->file == f.month("2026-03"));
    CHECK_FALSE(f.store.find("zzzzz").has_value());
}

TEST_CASE("find scans every month when the id's month hint is wrong") {
    StoreFixture f;
    tend::ensure_private_dir(f.kind);
    // "00xyz" names January 2000, but a person moved it into March 2026 by hand.
    write_bytes(f.month("2026-03"), hand_written("00xyz", "2026-03-10T12:00:00Z", 3));
    f.store.append(checkin_at("2026-04-10T12:00:00+00:00", 4));
    const auto found = f.store.find("00xyz");
    REQUIRE(found);
    CHECK(found->file == f.month("2026-03"));
    CHECK(tend::field<int64_t>(found->record, "mood") == std::optional<int64_t>(3));
}

TEST_CASE("find on a missing data directory finds nothing") {
    StoreFixture f;
    CHECK_FALSE(f.store.find("pa234").has_value());
}

TEST_CASE("replace edits one record and leaves every other byte identical") {
    StoreFixture f;
    const Record a = f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    const Record b = f.store.append(checkin_at("2026-11-02T08:00:00+01:00", 2));
    const Record c = f.store.append(checkin_at("2026-11-03T08:00:00+01:00", 3));
    // The person's own comments: at the top, inside a record and at the end of the file.
    std::string text = read_bytes(f.month("2026-11"));
    text = replaced(text, "\n\n", "\n# my own note at the top\n\n");
    text = replaced(text, "mood = 1\n", "mood = 1\n# written after a hard day\n");
    text = replaced(text, "mood = 3\n", "mood = 3  # a better one\n");
    write_bytes(f.month("2026-11"), text);

    Record edited = b;
    edited.insert_or_assign("mood", 8);
    edited.insert_or_assign("note", "edited");
    const auto stored = f.store.replace(tend::record_id(b), edited);
    REQUIRE(stored);
    CHECK(tend::record_id(*stored) == tend::record_id(b));

    const std::string expected = replaced(text, tend::serialize_record(b, tend::checkin_format),
                                          tend::serialize_record(*stored, tend::checkin_format));
    CHECK(read_bytes(f.month("2026-11")) == expected);
    const auto found = f.store.find(tend::record_id(b));
    REQUIRE(found);
    CHECK(tend::field<std::string>(found->record, "note") == std::optional<std::string>("edited"));
    CHECK(f.store.find(tend::record_id(a)));
    CHECK(f.store.find(tend::record_id(c)));
}

TEST_CASE("a comment above a record survives an edit of the record before it") {
    StoreFixture f;
    f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    const Record b = f.store.append(checkin_at("2026-11-02T08:00:00+01:00", 2));
    f.store.append(checkin_at("2026-11-03T08:00:00+01:00", 3));
    std::string text = read_bytes(f.month("2026-11"));
    text = replaced(text, "mood = 2\n\n", "mood = 2\n\n# the morning after the talk\n\n");
    write_bytes(f.month("2026-11"), text);

    Record edited = b;
    edited.insert_or_assign("mood", 4);
    f.store.replace(tend::record_id(b), edited);

    const std::string after = read_bytes(f.month("2026-11"));
    CHECK(after == replaced(text, "mood = 2\n", "revision = 1\nmood = 4\n"));
    CHECK(contains(after, "\n# the morning after the talk\n"));
}

TEST_CASE("removing a record keeps the comment above the next one") {
    StoreFixture f;
    f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    const Record b = f.store.append(checkin_at("2026-11-02T08:00:00+01:00", 2));
    f.store.append(checkin_at("2026-11-03T08:00:00+01:00", 3));
    std::string text = read_bytes(f.month("2026-11"));
    text = replaced(text, "mood = 2\n\n", "mood = 2\n\n# about the third\n");
    write_bytes(f.month("2026-11"), text);
    f.store.replace(tend::record_id(b), std::nullopt);
    const std::string after = read_bytes(f.month("2026-11"));
    CHECK(contains(after, "\n# about the third\n[[checkin]]\n"));
    CHECK(moods(f.store.read_latest(10)) == std::vector<int64_t>{3, 1});
}

TEST_CASE("replace of the first and of the last record keeps the rest") {
    StoreFixture f;
    const Record a = f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    f.store.append(checkin_at("2026-11-02T08:00:00+01:00", 2));
    const Record c = f.store.append(checkin_at("2026-11-03T08:00:00+01:00", 3));
    const std::string before = read_bytes(f.month("2026-11"));

    Record first = a;
    first.insert_or_assign("mood", 9);
    first = f.store.replace(tend::record_id(a), first).value();
    CHECK(first["revision"].value<int64_t>() == 1);
    Record last = c;
    last.insert_or_assign("mood", 10);
    last = f.store.replace(tend::record_id(c), last).value();

    std::string expected = replaced(before, tend::serialize_record(a, tend::checkin_format),
                                    tend::serialize_record(first, tend::checkin_format));
    expected = replaced(expected, tend::serialize_record(c, tend::checkin_format),
                        tend::serialize_record(last, tend::checkin_format));
    CHECK(read_bytes(f.month("2026-11")) == expected);
}

TEST_CASE("replace with nullopt puts a deletion marker in the record's place and changes nothing else") {
    StoreFixture f;
    f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    const Record b = f.store.append(checkin_at("2026-11-02T08:00:00+01:00", 2));
    f.store.append(checkin_at("2026-11-03T08:00:00+01:00", 3));
    const std::string before = read_bytes(f.month("2026-11"));

    CHECK_FALSE(f.store.replace(tend::record_id(b), std::nullopt).has_value());

    CHECK(read_bytes(f.month("2026-11")) ==
          replaced(before, tend::serialize_record(b, tend::checkin_format),
                   tend::serialize_record(tend::deletion_marker(b, 1), tend::checkin_format)));
    CHECK_FALSE(f.store.find(tend::record_id(b)).has_value());
    CHECK(moods(f.store.read_latest(10)) == std::vector<int64_t>{3, 1});
}

TEST_CASE("deleting the only record keeps the file's header and its marker, no word of what it said") {
    StoreFixture f;
    Record said = checkin_at("2026-11-01T08:00:00+01:00", 1);
    said.insert_or_assign("note", "a secret I regret writing");
    const Record only = f.store.append(said);
    f.store.replace(tend::record_id(only), std::nullopt);
    const std::string text = read_bytes(f.month("2026-11"));
    CHECK_FALSE(contains(text, "secret"));
    CHECK_FALSE(contains(text, "mood"));
    CHECK(text.starts_with("# "));
    CHECK(contains(text, "deleted = true\n"));
    const auto left = tend::parse_month_text(text, f.month("2026-11"), tend::checkin_format);
    REQUIRE(left.size() == 1);
    CHECK(tend::is_deletion(left.front()));
    CHECK(f.store.read_latest(10).empty());
}

TEST_CASE("replace that moves at to another month gives a new id and leaves the old file") {
    StoreFixture f;
    f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    const Record b = f.store.append(checkin_at("2026-11-02T08:00:00+01:00", 2));
    Record moved = b;
    moved.insert_or_assign("at", tend::test::toml_time("2026-10-30T21:00:00+01:00"));
    const auto stored = f.store.replace(tend::record_id(b), moved);
    REQUIRE(stored);
    const std::string new_id = tend::record_id(*stored);
    CHECK(new_id != tend::record_id(b));
    CHECK(tend::month_of_id(new_id) == std::optional(date::year{2026} / 10));
    CHECK(contains(read_bytes(f.month("2026-11")), "id = \"" + tend::record_id(b) +
                                                       "\"\nat = 2026-11-02T08:00:00+01:00\n"
                                                       "recorded = "));
    CHECK(contains(read_bytes(f.month("2026-11")), "deleted = true"));
    CHECK(contains(read_bytes(f.month("2026-10")), new_id));
    CHECK_FALSE(f.store.find(tend::record_id(b)).has_value());
    const auto found = f.store.find(new_id);
    REQUIRE(found);
    CHECK(found->file == f.month("2026-10"));
    CHECK(tend::field<int64_t>(found->record, "mood") == std::optional<int64_t>(2));
    CHECK(mode_of(f.month("2026-10")) == 0600u);
}

TEST_CASE("replace of an unknown id is a usage error") {
    StoreFixture f;
    const auto missing_dir = error_from([&] { f.store.replace("pa234", std::nullopt); });
    REQUIRE(missing_dir);
    CHECK(missing_dir->code() == Exit::usage);
    f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    const std::string before = read_bytes(f.month("2026-11"));
    const auto unknown = error_from([&] { f.store.replace("pa234", checkin_at("2026-11-02T08:00:00+01:00", 2)); });
    REQUIRE(unknown);
    CHECK(unknown->code() == Exit::usage);
    CHECK(contains(unknown->what(), "'pa234'"));
    CHECK(read_bytes(f.month("2026-11")) == before);
}

TEST_CASE("replace leaves no temp file behind") {
    StoreFixture f;
    const Record a = f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    Record edited = a;
    edited.insert_or_assign("mood", 5);
    f.store.replace(tend::record_id(a), edited);
    CHECK(tend::test::names_in(f.kind) == std::vector<std::string>{"2026-11.toml"});
    CHECK(mode_of(f.month("2026-11")) == 0600u);
}

TEST_CASE("a month file replaced by a symlink is refused") {
    StoreFixture f;
    f.store.append(checkin_at("2026-03-10T12:00:00+00:00", 3));
    write_bytes(f.tmp / "elsewhere.toml", read_bytes(f.month("2026-03")));
    fs::remove(f.month("2026-03"));
    fs::create_symlink(f.tmp / "elsewhere.toml", f.month("2026-03"));
    const auto read_error =
        error_from([&] { (void)f.store.read_range(instant("2026-03-01T00:00:00Z"), instant("2026-03-31T00:00:00Z")); });
    REQUIRE(read_error);
    CHECK(read_error->code() == Exit::io);
    const auto append_error = error_from([&] { f.store.append(checkin_at("2026-03-11T12:00:00+00:00", 4)); });
    REQUIRE(append_error);
    CHECK(append_error->code() == Exit::io);
}

TEST_CASE("an append that hits a full disk leaves the month file byte-identical") {
    StoreFixture f;
    f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    const std::string before = read_bytes(f.month("2026-11"));
    std::optional<tend::Error> error;
    {
        tend::test::ScopedFileSizeLimit limit(before.size() + 20);
        error = error_from([&] { f.store.append(checkin_at("2026-11-02T08:00:00+01:00", 2)); });
    }
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
    CHECK(read_bytes(f.month("2026-11")) == before);
    CHECK(moods(f.store.read_latest(10)) == std::vector<int64_t>{1});
}

TEST_CASE("a rewrite that hits a full disk leaves the month file byte-identical") {
    StoreFixture f;
    const Record a = f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    f.store.append(checkin_at("2026-11-02T08:00:00+01:00", 2));
    const std::string before = read_bytes(f.month("2026-11"));
    Record edited = a;
    edited.insert_or_assign("note", std::string(400, 'n'));
    std::optional<tend::Error> error;
    {
        tend::test::ScopedFileSizeLimit limit(before.size());
        error = error_from([&] { f.store.replace(tend::record_id(a), edited); });
    }
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
    CHECK(read_bytes(f.month("2026-11")) == before);
    CHECK(tend::test::names_in(f.kind) == std::vector<std::string>{"2026-11.toml"});
}

TEST_CASE("replace works in a hand-written file with no blank lines between records") {
    StoreFixture f;
    tend::ensure_private_dir(f.kind);
    const auto block = [](std::string_view id, int mood) {
        return hand_written(id, "2026-11-02T10:00:00+00:00", mood);
    };
    write_bytes(f.month("2026-11"), block("pa111", 1) + block("pa222", 2) + block("pa333", 3));
    auto found = f.store.find("pa222");
    REQUIRE(found);
    found->record.insert_or_assign("mood", 7);
    f.store.replace("pa222", found->record);
    const std::string at = "2026-11-02T10:00:00+00:00";
    CHECK(read_bytes(f.month("2026-11")) == block("pa111", 1) + revised("pa222", at, 7) + block("pa333", 3));
    f.store.replace("pa111", std::nullopt);
    CHECK(read_bytes(f.month("2026-11")) == marker("pa111", at) + revised("pa222", at, 7) + block("pa333", 3));
}

TEST_CASE("replace keeps a comment at the end of the file") {
    StoreFixture f;
    tend::ensure_private_dir(f.kind);
    const auto block = [](std::string_view id, int mood) {
        return hand_written(id, "2026-11-02T10:00:00+00:00", mood);
    };
    write_bytes(f.month("2026-11"), block("pa111", 1) + "\n" + block("pa333", 3) + "\n# end of my file\n");
    auto found = f.store.find("pa333");
    REQUIRE(found);
    found->record.insert_or_assign("mood", 9);
    f.store.replace("pa333", found->record);
    CHECK(read_bytes(f.month("2026-11")) ==
          block("pa111", 1) + "\n" + revised("pa333", "2026-11-02T10:00:00+00:00", 9) + "\n# end of my file\n");
    f.store.replace("pa333", std::nullopt);
    CHECK(contains(read_bytes(f.month("2026-11")), "\n# end of my file\n"));
}

TEST_CASE("replace is not fooled by lines starting with # inside a multi-line string") {
    StoreFixture f;
    tend::ensure_private_dir(f.kind);
    const std::string with_note =
        "[[checkin]]\nid = \"pa111\"\nat = 2026-11-02T10:00:00+00:00\nrecorded = 2026-11-02T10:00:00+00:00\n"
        "note = \"\"\"\nfirst\n# hashtag\n\n\"\"\"\n";
    const std::string other = hand_written("pa222", "2026-11-02T10:00:00+00:00", 2);
    write_bytes(f.month("2026-11"), with_note + "\n" + other);
    auto found = f.store.find("pa222");
    REQUIRE(found);
    found->record.insert_or_assign("mood", 7);
    f.store.replace("pa222", found->record);
    const std::string at = "2026-11-02T10:00:00+00:00";
    CHECK(read_bytes(f.month("2026-11")) == with_note + "\n" + revised("pa222", at, 7));
    f.store.replace("pa111", std::nullopt);
    CHECK(read_bytes(f.month("2026-11")) == marker("pa111", at) + "\n" + revised("pa222", at, 7));
}

TEST_CASE("a move into a month file that does not parse changes nothing") {
    StoreFixture f;
    const Record a = f.store.append(checkin_at("2026-11-01T08:00:00+01:00", 1));
    const std::string before = read_bytes(f.month("2026-11"));
    write_bytes(f.month("2026-10"), "[[broken");
    Record moved = a;
    moved.insert_or_assign("at", tend::test::toml_time("2026-10-15T10:00:00+01:00"));
    const auto error = error_from([&] { f.store.replace(tend::record_id(a), moved); });
    REQUIRE(error);
    CHECK(error->code() == Exit::data);
    CHECK(contains(error->what(), f.month("2026-10").string() + ":1:"));
    CHECK(read_bytes(f.month("2026-11")) == before);
    CHECK(read_bytes(f.month("2026-10")) == "[[broken");
}

TEST_CASE("a file of inline tables it cannot edit in place is refused and left alone") {
    StoreFixture f;
    tend::ensure_private_dir(f.kind);
    const std::string text =
        "checkin = [ { id = \"pa111\", at = 2026-11-02T10:00:00Z, recorded = 2026-11-02T10:00:00Z, mood = 1 }, "
        "{ id = \"pa222\", at = 2026-11-02T10:00:00Z, recorded = 2026-11-02T10:00:00Z, mood = 2 } ]\n";
    write_bytes(f.month("2026-11"), text);
    auto found = f.store.find("pa222");
    REQUIRE(found);
    found->record.insert_or_assign("mood", 7);
    const auto error = error_from([&] { f.store.replace("pa222", found->record); });
    REQUIRE(error);
    CHECK(read_bytes(f.month("2026-11")) == text);
    CHECK(tend::test::names_in(f.kind) == std::vector<std::string>{"2026-11.toml"});
}

TEST_CASE("parse_month_text rejects other top-level keys") {
    const fs::path file = "/d/checkin/2026-11.toml";
    const std::string text = "title = \"mine\"\n" + hand_written("pa234", "2026-11-02T10:00:00Z", 4);
    const auto error = error_from([&] { (void)tend::parse_month_text(text, file, tend::checkin_format); });
    REQUIRE(error);
    CHECK(error->code() == Exit::data);
    CHECK(contains(error->what(), "/d/checkin/2026-11.toml:1:"));
    CHECK(contains(error->what(), "'title'"));
}

TEST_CASE("parse_month_text rejects a plain table where [[checkin]] tables belong") {
    const auto error = error_from(
        [] { (void)tend::parse_month_text("[checkin]\nmood = 3\n", "/d/checkin/2026-11.toml", tend::checkin_format); });
    REQUIRE(error);
    CHECK(error->code() == Exit::data);
    CHECK(contains(error->what(), "[[checkin]]"));
}

TEST_CASE("parse_month_text reports a syntax error with file:line:col") {
    const auto error = error_from(
        [] { (void)tend::parse_month_text("# ok\n\nmood = = 3\n", "/d/checkin/2026-11.toml", tend::checkin_format); });
    REQUIRE(error);
    CHECK(error->code() == Exit::data);
    CHECK(contains(error->what(), "/d/checkin/2026-11.toml:3:"));
}

TEST_CASE("parse_month_text of an empty or comment-only file has no records") {
    CHECK(tend::parse_month_text("", "/f.toml", tend::checkin_format).empty());
    CHECK(tend::parse_month_text("# nothing yet\n", "/f.toml", tend::checkin_format).empty());
}

TEST_CASE("month_of_id decodes the first two characters") {
    CHECK(tend::month_of_id("00abc") == std::optional(date::year{2000} / 1));
    CHECK(tend::month_of_id("0b") == std::optional(date::year{2000} / 12));
    CHECK(tend::month_of_id("10") == std::optional(date::year{2002} / 9));
    CHECK_FALSE(tend::month_of_id("").has_value());
    CHECK_FALSE(tend::month_of_id("0").has_value());
    CHECK_FALSE(tend::month_of_id("i0abc").has_value());
    CHECK_FALSE(tend::month_of_id("0Uabc").has_value());
}

TEST_CASE("ids name the month of at from 2000 to 2084") {
    StoreFixture f;
    for (const std::string at :
         {"2000-01-15T12:00:00Z", "2026-11-15T12:00:00Z", "2050-06-15T12:00:00Z", "2084-12-15T12:00:00Z"}) {
        CAPTURE(at);
        const Record stored = f.store.append(checkin_at(at, 5));
        const auto expected = date::year_month_day{tend::record_at(stored).day()};
        CHECK(tend::month_of_id(tend::record_id(stored)) == std::optional(expected.year() / expected.month()));
    }
}
