// The export's JSON Lines: each kind's records written and read back equal, and what a line may not hold.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "breathe_record.hpp"
#include "checkin_record.hpp"
#include "export.hpp"
#include "fixtures.hpp"
#include "json_parse.hpp"
#include "store.hpp"

using tend::Record;
using tend::test::contains;

namespace {

// The records of a month file's text, as the store reads them.
std::vector<Record> parsed(const std::string& text, const tend::RecordFormat& format) {
    return tend::parse_month_text(text, "m.toml", format);
}

Record round_trip(const Record& record, const tend::RecordFormat& format) {
    const std::string line = tend::export_line(record, format);
    CHECK(line.find('\n') == std::string::npos);
    const auto back = tend::parse_export_line(line, "e.jsonl", 1);
    CHECK(back.format == &format);
    return back.record;
}

std::string problem_of(std::string_view line) {
    try {
        tend::parse_export_line(line, "e.jsonl", 7);
    } catch (const tend::JsonError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("export: a line is the kind, then the record's own keys in file order, values typed as in TOML") {
    const Record record = parsed(
        "[[checkin]]\nid = \"r5abc\"\nat = 2026-11-21T19:10:00.25+01:00\nrecorded = 2026-11-21T18:10:00Z\n"
        "mood = 6\nfeelings = []\ntags = [\"a b\", \"\\u001b\"]\nnote = \"x\\n\\\"y\\\"\"\nsource = \"daylio:1\"\n",
        tend::checkin_format)[0];
    const std::string line = tend::export_line(record, tend::checkin_format);
    CHECK(
        line ==
        R"({"kind":"checkin","id":"r5abc","at":"2026-11-21T19:10:00.25+01:00","recorded":"2026-11-21T18:10:00+00:00",)"
        R"("mood":6,"feelings":[],"tags":["a b","\u001b"],"note":"x\n\"y\"","source":"daylio:1"})");
    CHECK(round_trip(record, tend::checkin_format) == record);
}

TEST_CASE("export: floats stay floats and whole numbers whole, so the month file writes back the same") {
    const auto records = parsed(
        "[[breathe]]\nid = \"r5abc\"\nat = 2026-11-21T19:10:00+00:00\nrecorded = 2026-11-21T19:10:00+00:00\n"
        "pattern = \"calm\"\nspec = \"4-0-6-0\"\nplanned_cycles = 6\ncycles = 6\nseconds = 60.0\ninterrupted = false\n"
        "worst_lateness_ms = 0.25\n\n"
        "[[breathe]]\nid = \"r5abd\"\nat = 2026-11-21T19:10:00+00:00\nrecorded = 2026-11-21T19:10:00+00:00\n"
        "pattern = \"calm\"\nspec = \"4-0-6-0\"\nplanned_cycles = 6\ncycles = 6\nseconds = 60\ninterrupted = true\n"
        "worst_lateness_ms = 1e-05\n",
        tend::breathe_format);
    for (const auto& record : records) {
        const Record back = round_trip(record, tend::breathe_format);
        CHECK(back == record);
        CHECK(tend::serialize_record(back, tend::breathe_format) ==
              tend::serialize_record(record, tend::breathe_format));
    }
    CHECK(contains(tend::export_line(records[0], tend::breathe_format), "\"seconds\":60.0,"));
    CHECK(contains(tend::export_line(records[1], tend::breathe_format), "\"seconds\":60,"));
}

TEST_CASE("export: every kind is listed once and found by name") {
    for (const auto* format : tend::record_formats()) {
        CHECK(tend::find_record_format(format->kind) == format);
        for (const auto& spec : format->fields) {
            CHECK(spec.name != "kind");
            CHECK(spec.name != "device");
        }
    }
    CHECK(tend::find_record_format("diary") == nullptr);
}

TEST_CASE("export: a line that is not a sound record is refused at its line and column") {
    const std::string base = R"("id":"r5abc","at":"2026-11-21T19:10:00+00:00","recorded":"2026-11-21T19:10:00+00:00")";
    CHECK(problem_of("{" + base + ",\"kind\":\"checkin\"}").empty());
    CHECK(contains(problem_of("[1]"), "e.jsonl:7:1: each line of a tend export is one JSON object"));
    CHECK(contains(problem_of("{" + base + "}"), "no \"kind\""));
    CHECK(contains(problem_of("{\"kind\":\"diary\"," + base + "}"), "e.jsonl:7:9: 'diary' is not a kind"));
    CHECK(contains(problem_of("{\"kind\":\"checkin\"," + base + ",\"colour\":1}"), "unknown key 'colour'"));
    CHECK(contains(problem_of("{\"kind\":\"checkin\"," + base + ",\"mood\":11}"), "'mood' is 11, outside 0 to 10"));
    CHECK(contains(problem_of("{\"kind\":\"checkin\"," + base + ",\"mood\":6.0}"), "'mood' must be a whole number"));
    CHECK(contains(problem_of("{\"kind\":\"checkin\",\"id\":\"r5abc\",\"at\":\"2026-11-21 19:10\",\"recorded\":"
                              "\"2026-11-21T19:10:00+00:00\"}"),
                   "'at' must be an RFC 3339 date-time"));
    CHECK(contains(problem_of("{\"kind\":\"checkin\",\"id\":\"r5abc\",\"at\":\"2026-11-21T19:10:00\",\"recorded\":"
                              "\"2026-11-21T19:10:00+00:00\"}"),
                   "'at' must be an RFC 3339 date-time"));
    CHECK(contains(problem_of("{\"kind\":\"checkin\",\"id\":\"r5abc\",\"at\":\"2026-11-21T19:10:00Z\"}"),
                   "record has no 'recorded'"));
    CHECK(
        contains(problem_of("{\"kind\":\"checkin\"," + base + ",\"tags\":[1]}"), "'tags' must be an array of strings"));
    CHECK(contains(problem_of("{\"kind\":\"checkin\"," + base + ",\"note\":\"x\"\n"), "e.jsonl:8:1"));
}
