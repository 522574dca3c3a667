// The [[breathe]] record: its fields, their checks, and the typed entry report reads.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "breathe_record.hpp"
#include "fixtures.hpp"
#include "store.hpp"

namespace tend::test {
namespace {

Record session_record(const BreatheEntry& entry) {
    Record record{{"id", "a2bcd"},
                  {"at", toml_time("2026-11-21T19:10:00+00:00")},
                  {"recorded", toml_time("2026-11-21T19:13:03+00:00")}};
    write_breathe_entry(entry, record);
    return record;
}

BreatheEntry sample() {
    BreatheEntry entry;
    entry.pattern = "calm";
    entry.spec = "4-0-6-0";
    entry.planned_cycles = 18;
    entry.cycles = 18;
    entry.seconds = 180.0004;
    entry.before = 7;
    entry.after = 4;
    entry.worst_lateness_ms = 0.4567;
    return entry;
}

}  // namespace

TEST_CASE("a breathe record serialises in field order and reads back as the same entry") {
    const Record record = session_record(sample());
    CHECK(validate_record(record, breathe_format).empty());
    CHECK(serialize_record(record, breathe_format) ==
          "[[breathe]]\n"
          "id = \"a2bcd\"\n"
          "at = 2026-11-21T19:10:00+00:00\n"
          "recorded = 2026-11-21T19:13:03+00:00\n"
          "pattern = \"calm\"\n"
          "spec = \"4-0-6-0\"\n"
          "planned_cycles = 18\n"
          "cycles = 18\n"
          "seconds = 180.0\n"
          "interrupted = false\n"
          "before = 7\n"
          "after = 4\n"
          "worst_lateness_ms = 0.46\n");
    const BreatheEntry back = read_breathe_entry(record);
    CHECK(back.pattern == "calm");
    CHECK(back.spec == "4-0-6-0");
    CHECK(back.planned_cycles == 18);
    CHECK(back.cycles == 18);
    CHECK(back.seconds == doctest::Approx(180.0));
    CHECK_FALSE(back.interrupted);
    CHECK(back.before == 7);
    CHECK(back.after == 4);
    CHECK(back.worst_lateness_ms == doctest::Approx(0.46));
}

TEST_CASE("ratings are optional, and an interrupted session says so") {
    BreatheEntry entry = sample();
    entry.before.reset();
    entry.after.reset();
    entry.interrupted = true;
    entry.cycles = 4;
    const Record record = session_record(entry);
    CHECK(validate_record(record, breathe_format).empty());
    CHECK_FALSE(record.contains("before"));
    CHECK(read_breathe_entry(record).interrupted);
    CHECK(read_breathe_entry(record).cycles == 4);
}

TEST_CASE("a hand-edited breathe record is checked: ranges, types, required fields") {
    Record record = session_record(sample());
    record.insert_or_assign("before", 11);
    CHECK_FALSE(validate_record(record, breathe_format).empty());
    record = session_record(sample());
    record.insert_or_assign("interrupted", "no");
    CHECK_FALSE(validate_record(record, breathe_format).empty());
    record = session_record(sample());
    record.erase("spec");
    CHECK_FALSE(validate_record(record, breathe_format).empty());
    record = session_record(sample());
    record.insert_or_assign("seconds", 180);  // an integer is a number too
    CHECK(validate_record(record, breathe_format).empty());
}

TEST_CASE("an exercise record has its name instead of a pattern and spec, never both") {
    BreatheEntry entry = sample();
    entry.exercise = "grounding";
    Record record = session_record(entry);
    CHECK(validate_record(record, breathe_format).empty());
    CHECK_FALSE(record.contains("pattern"));
    CHECK_FALSE(record.contains("spec"));
    CHECK(serialize_record(record, breathe_format).find("exercise = \"grounding\"\nplanned_cycles = 18\n") !=
          std::string::npos);
    const BreatheEntry back = read_breathe_entry(record);
    CHECK(back.exercise == "grounding");
    CHECK(back.name() == "grounding");
    record.insert_or_assign("pattern", "calm");
    CHECK_FALSE(validate_record(record, breathe_format).empty());
    Record neither = session_record(sample());
    neither.erase("pattern");
    neither.erase("spec");
    CHECK(validate_record(neither, breathe_format).size() == 2);
}

TEST_CASE("a breathing record written before exercises existed still reads the same") {
    const toml::table file = parse_toml_document(
        "[[breathe]]\nid = \"a2bcd\"\nat = 2026-11-21T19:10:00+00:00\nrecorded = 2026-11-21T19:13:03+00:00\n"
        "pattern = \"calm\"\nspec = \"4-0-6-0\"\nplanned_cycles = 18\ncycles = 18\nseconds = 180.0\n"
        "interrupted = false\nworst_lateness_ms = 0.46\n",
        "old.toml");
    const Record old = *file["breathe"][0].as_table();
    CHECK(validate_record(old, breathe_format).empty());
    const BreatheEntry entry = read_breathe_entry(old);
    CHECK_FALSE(entry.exercise);
    CHECK(entry.name() == "calm");
    CHECK(entry.spec == "4-0-6-0");
}

TEST_CASE("breathe records go to breathe/YYYY-MM.toml through the store") {
    TempDir dir;
    RecordStore store(dir.path(), breathe_format, std::chrono::milliseconds{1000});
    Record record = session_record(sample());
    record.erase("id");
    const Record stored = store.append(record);
    CHECK(std::filesystem::exists(dir / "devices" / "this-device" / "breathe" / "2026-11.toml"));
    const auto back = store.read_latest(10);
    REQUIRE(back.size() == 1);
    CHECK(record_id(back[0]) == record_id(stored));
    CHECK(read_breathe_entry(back[0]).worst_lateness_ms == doctest::Approx(0.46));
}

}  // namespace tend::test
