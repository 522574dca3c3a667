// A record kind made only for this test, to show what a new kind needs: a field list, a typed struct with its
// conversions, and nothing else from the store, the reader, the validator, JSON and the export.
// A real kind also needs a line in record_kinds.cpp, its two files in common/CMakeLists.txt and the tool that
// writes it: five files in all. A report section for it still adds nine in tools/report (report_data.hpp, the
// records in aggregate.hpp, its counting in aggregate.cpp, its reading in report_actions.cpp, and render_text,
// render_markdown, render_html, render_json and render_csv.cpp), fourteen in all, sixteen when its words are
// shared by the formats in render_common.{hpp,cpp} as every section's are: report has no section interface yet.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <array>

#include "export.hpp"
#include "files.hpp"
#include "fixtures.hpp"
#include "json.hpp"
#include "store.hpp"

using namespace std::chrono_literals;
using tend::Record;
using tend::test::read_bytes;
using tend::test::TempDir;

namespace {

// What a real kind defines in common/<kind>_record.hpp and .cpp.
constexpr std::array gratitude_fields{
    tend::FieldSpec{"text", tend::FieldType::string, true},
    tend::FieldSpec{"warmth", tend::FieldType::integer, false, 0, 10},
};
const tend::RecordFormat gratitude_format{"gratitude", gratitude_fields};

struct Gratitude {
    std::string text;
    std::optional<std::int64_t> warmth;
};

Record to_record(const Gratitude& entry, const tend::OffsetTime& at) {
    Record record = tend::new_record(at, at);
    record.insert_or_assign("text", entry.text);
    if (entry.warmth) record.insert_or_assign("warmth", *entry.warmth);
    return record;
}

Gratitude from_record(const Record& record) {
    return {tend::field<std::string>(record, "text").value_or(""), tend::field<std::int64_t>(record, "warmth")};
}

}  // namespace

TEST_CASE("a kind of record defined by its field list alone is stored, read, checked and exported like any other") {
    TempDir tmp;
    const auto data = tmp / "data";
    const tend::OffsetTime at = tend::test::offset_time("2026-11-21T20:10:00+01:00");

    tend::ensure_private_dir(data);
    std::string id;
    {
        tend::Transaction t(data, std::string(tend::unnamed_device), 50ms);
        id = tend::record_id(t.append(gratitude_format, to_record({"the walk home", 7}, at)));
        t.commit();
    }
    const auto file = data / "devices" / "this-device" / "gratitude" / "2026-11.toml";
    CHECK(read_bytes(file) ==
          "# tend gratitude records for 2026-11: one [[gratitude]] table each, described in "
          "tend(5).\n\n[[gratitude]]\nid = \"" +
              id +
              "\"\nat = 2026-11-21T20:10:00+01:00\nrecorded = 2026-11-21T20:10:00+01:00\n"
              "text = \"the walk home\"\nwarmth = 7\n");

    auto reader = tend::Transaction::read(data, std::string(tend::unnamed_device), 50ms);
    const auto records = reader.all(gratitude_format);
    REQUIRE(records.size() == 1);
    const Gratitude back = from_record(records[0]);
    CHECK(back.text == "the walk home");
    CHECK(back.warmth == 7);
    CHECK(tend::record_at(records[0]).instant == at.instant);

    CHECK(tend::record_to_json(records[0], gratitude_format).dump({.pretty = false}) ==
          "{\"id\":\"" + id +
              "\",\"at\":\"2026-11-21T20:10:00+01:00\",\"recorded\":\"2026-11-21T20:10:00+01:00\","
              "\"text\":\"the walk home\",\"warmth\":7}");
    CHECK(tend::export_line(records[0], gratitude_format).starts_with("{\"kind\":\"gratitude\",\"id\":\"" + id));

    // The one reader finds what is wrong, each problem at its place, for the store and report --check alike.
    const std::string bad =
        "[[gratitude]]\nid = \"a2bcd\"\nat = 2026-11-21T19:10:00Z\nrecorded = "
        "2026-11-21T19:10:00Z\nwarmth = 11\n";
    const auto read = tend::read_month_text(bad, "2026-11.toml", gratitude_format, tend::MonthText::Mode::all);
    REQUIRE(read.problems.size() == 2);
    CHECK(read.problems[0].line == 5);
    CHECK(read.problems[0].column == 10);
    CHECK(read.problems[0].what == "'warmth' is 11, outside 0 to 10");
    CHECK(read.problems[1].text() == "1:1: [[gratitude]] record has no 'text'");
}
