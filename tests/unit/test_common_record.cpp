// Records: validation with line:col, serialisation that always parses back the same, TOML times.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <array>

#include "checkin_record.hpp"
#include "fixtures.hpp"
#include "record.hpp"

using namespace std::chrono_literals;
using tend::FieldSpec;
using tend::FieldType;
using tend::Record;
using tend::test::contains;
using tend::test::toml_time;

namespace {

// A kind with one field of every type, to reach every check.
constexpr std::array sample_fields{
    FieldSpec{"title", FieldType::string, true},
    FieldSpec{"count", FieldType::integer, false, 0, 10},
    FieldSpec{"ratio", FieldType::number, false, 0, 1},
    FieldSpec{"done", FieldType::boolean},
    FieldSpec{"when", FieldType::datetime},
    FieldSpec{"words", FieldType::strings},
    FieldSpec{"free", FieldType::integer},
};
const tend::RecordFormat sample_format{"sample", sample_fields};

Record base_record() {
    return Record{{"id", "0a1b2"},
                  {"at", toml_time("2026-11-21T19:10:00+01:00")},
                  {"recorded", toml_time("2026-11-21T19:11:00+01:00")},
                  {"title", "a title"}};
}

// The problems of the one [[sample]] table in `text`.
std::vector<std::string> problems_in(std::string_view text) {
    std::vector<std::string> out;
    const toml::table root = toml::parse(text);
    const toml::array* array = root["sample"].as_array();
    REQUIRE(array);
    REQUIRE(array->size() == 1);
    for (const auto& problem : tend::validate_record(*array->get(0)->as_table(), sample_format))
        out.push_back(problem.text());
    return out;
}

bool any_starts_with(const std::vector<std::string>& problems, std::string_view start, std::string_view part) {
    for (const auto& p : problems)
        if (p.starts_with(start) && contains(p, part)) return true;
    return false;
}

const char* valid_header =
    "[[sample]]\n"
    "id = \"0a1b2\"\n"
    "at = 2026-11-21T19:10:00+01:00\n"
    "recorded = 2026-11-21T19:11:00+01:00\n"
    "title = \"t\"\n";

// Parses a serialised block and returns its single record.
Record parse_back(const std::string& block, std::string_view kind) {
    const toml::table root = toml::parse(block);
    const toml::array* array = root[kind].as_array();
    REQUIRE(array);
    REQUIRE(array->size() == 1);
    return *array->get(0)->as_table();
}

}  // namespace

TEST_CASE("a sound record has no problems") {
    Record record = base_record();
    record.insert_or_assign("count", 10);
    record.insert_or_assign("ratio", 0.5);
    record.insert_or_assign("done", true);
    record.insert_or_assign("when", toml_time("2026-11-20T08:00:00-03:30"));
    record.insert_or_assign("words", tend::to_toml_array({"a", "b"}));
    record.insert_or_assign("free", -999);
    CHECK(tend::validate_record(record, sample_format).empty());
}

TEST_CASE("an integer is a number and an empty array is a list of strings") {
    Record record = base_record();
    record.insert_or_assign("ratio", 1);
    record.insert_or_assign("words", toml::array{});
    CHECK(tend::validate_record(record, sample_format).empty());
}

TEST_CASE("validate_record reports an unknown key with line:col") {
    const auto problems = problems_in(std::string(valid_header) + "colour = 3\n");
    CHECK(any_starts_with(problems, "6:10:", "unknown key 'colour'"));
}

TEST_CASE("validate_record reports a wrong type with line:col") {
    const auto problems = problems_in(std::string(valid_header) + "count = \"six\"\n");
    CHECK(any_starts_with(problems, "6:9:", "'count' must be an integer"));
}

TEST_CASE("validate_record reports each wrong type") {
    CHECK(
        any_starts_with(problems_in(std::string(valid_header) + "ratio = \"x\"\n"), "6:", "'ratio' must be a number"));
    CHECK(any_starts_with(problems_in(std::string(valid_header) + "done = 1\n"), "6:", "'done' must be true or false"));
    CHECK(any_starts_with(problems_in(std::string(valid_header) + "words = [\"a\", 1]\n"),
                          "6:", "'words' must be an array of strings"));
    CHECK(any_starts_with(problems_in(std::string(valid_header) + "title2 = 1\n"), "6:", "unknown key 'title2'"));
    CHECK(
        any_starts_with(problems_in(std::string(valid_header) + "count = 1.5\n"), "6:", "'count' must be an integer"));
}

TEST_CASE("a date-time without an offset is the wrong type") {
    const auto problems = problems_in(std::string(valid_header) + "when = 2026-11-21T19:10:00\n");
    CHECK(any_starts_with(problems, "6:8:", "'when' must be a date-time with offset"));
}

TEST_CASE("validate_record reports a value out of range with line:col") {
    const auto high = problems_in(std::string(valid_header) + "count = 11\n");
    CHECK(any_starts_with(high, "6:9:", "'count' is 11, outside 0 to 10"));
    const auto low = problems_in(std::string(valid_header) + "count = -1\n");
    CHECK(any_starts_with(low, "6:9:", "'count' is -1"));
    const auto ratio = problems_in(std::string(valid_header) + "ratio = 1.5\n");
    CHECK(any_starts_with(ratio, "6:9:", "'ratio' is 1.5"));
}

TEST_CASE("the ends of a range are inside it") {
    CHECK(problems_in(std::string(valid_header) + "count = 0\n").empty());
    CHECK(problems_in(std::string(valid_header) + "count = 10\n").empty());
    CHECK(problems_in(std::string(valid_header) + "ratio = 1.0\n").empty());
}

TEST_CASE("validate_record reports missing id at and recorded at the table's line:col") {
    const auto problems = problems_in("\n\n[[sample]]\ntitle = \"t\"\n");
    CHECK(any_starts_with(problems, "3:1:", "has no 'id'"));
    CHECK(any_starts_with(problems, "3:1:", "has no 'at'"));
    CHECK(any_starts_with(problems, "3:1:", "has no 'recorded'"));
    CHECK(problems.size() == 3);
}

TEST_CASE("validate_record reports a missing required field") {
    const auto problems =
        problems_in("[[sample]]\nid = \"0a1b2\"\nat = 2026-11-21T19:10:00Z\nrecorded = 2026-11-21T19:10:00Z\n");
    REQUIRE(problems.size() == 1);
    CHECK(any_starts_with(problems, "1:1:", "has no 'title'"));
}

TEST_CASE("validate_record reports an empty id") {
    Record record = base_record();
    record.insert_or_assign("id", "");
    const auto problems = tend::validate_record(record, sample_format);
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems.front().what, "'id' is empty"));
}

TEST_CASE("validate_record rejects invalid UTF-8 in a string") {
    Record record = base_record();
    record.insert_or_assign("title", std::string("bad \xff byte"));
    const auto problems = tend::validate_record(record, sample_format);
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems.front().what, "'title' is not valid UTF-8"));
}

TEST_CASE("serialize_record round-trips strings with quotes backslashes and control characters") {
    const std::vector<std::string> texts{
        "say \"hi\"",
        "C:\\path\\to\\file",
        "line one\nline two\r\nline three",
        "tab\there",
        "escape \x1b[31mred\x1b[0m",
        std::string("nul \0 inside", 12),
        "bell \x07 and del \x7f",
        "next line \xc2\x85 here",
        "rtl \xe2\x80\xae override and \xe2\x81\xa6isolate\xe2\x81\xa9",
        "emoji \xf0\x9f\x98\x80 and \xe6\x97\xa5\xe6\x9c\xac and \xc3\xa9",
        "'''\"\"\"",
        "",
    };
    for (const auto& text : texts) {
        CAPTURE(text);
        Record record = base_record();
        record.insert_or_assign("title", text);
        record.insert_or_assign("words", tend::to_toml_array({text, "plain"}));
        const std::string block = tend::serialize_record(record, sample_format);
        CHECK(parse_back(block, "sample") == record);
    }
}

TEST_CASE("serialize_record never writes a control or bidi character raw") {
    Record record = base_record();
    record.insert_or_assign("title",
                            std::string("\x1b\x07\x7f\r\0\xc2\x85\xc2\x9b\xe2\x80\xae\xe2\x80\x8f\xe2\x81\xa9", 18));
    const std::string block = tend::serialize_record(record, sample_format);
    const std::string body = block.substr(block.find("title"));
    for (const std::string raw :
         {"\x1b", "\x07", "\x7f", "\r", "\xc2\x85", "\xc2\x9b", "\xe2\x80\xae", "\xe2\x80\x8f", "\xe2\x81\xa9"})
        CHECK_FALSE(contains(body, raw));
    CHECK_FALSE(contains(body, std::string_view("\0", 1)));
    CHECK(contains(body, "\\u001B"));
    CHECK(contains(body, "\\u202E"));
    CHECK(contains(body, "\\u0085"));
    CHECK(parse_back(block, "sample") == record);
}

TEST_CASE("serialize_record writes id at recorded first then the format's order") {
    Record record{{"words", tend::to_toml_array({"x"})},
                  {"title", "t"},
                  {"recorded", toml_time("2026-11-21T19:11:00+01:00")},
                  {"count", 3},
                  {"at", toml_time("2026-11-21T19:10:00+01:00")},
                  {"id", "0a1b2"}};
    CHECK(tend::serialize_record(record, sample_format) ==
          "[[sample]]\n"
          "id = \"0a1b2\"\n"
          "at = 2026-11-21T19:10:00+01:00\n"
          "recorded = 2026-11-21T19:11:00+01:00\n"
          "title = \"t\"\n"
          "count = 3\n"
          "words = [\"x\"]\n");
}

TEST_CASE("serialize_record writes every type so that it parses back the same") {
    Record record = base_record();
    record.insert_or_assign("count", 7);
    record.insert_or_assign("ratio", 0.1);
    record.insert_or_assign("done", false);
    record.insert_or_assign("when", toml_time("2026-11-20T08:00:00-03:30"));
    record.insert_or_assign("free", int64_t{-9007199254740993});
    record.insert_or_assign("words", toml::array{});
    const std::string block = tend::serialize_record(record, sample_format);
    CHECK(contains(block, "ratio = 0.1\n"));
    CHECK(contains(block, "done = false\n"));
    CHECK(contains(block, "when = 2026-11-20T08:00:00-03:30\n"));
    CHECK(contains(block, "words = []\n"));
    CHECK(parse_back(block, "sample") == record);
}

// Found by tests/fuzz/fuzz_record_reader: a hand-written time with fractional seconds read
// fine but was written back without them, so editing its record failed as an internal error.
TEST_CASE("a hand-written time with fractional seconds is serialised so that it parses back the same") {
    const toml::table root = toml::parse(
        "[[sample]]\nid = \"0a1b2\"\nat = 2026-11-21T19:10:00.5+01:00\nrecorded = 2026-11-21T19:11:00.000123Z\n"
        "title = \"t\"\nwhen = 2026-11-20T08:00:00.25-03:30\n");
    const Record record = *root["sample"][0].as_table();
    const std::string block = tend::serialize_record(record, sample_format);
    CHECK(contains(block, "at = 2026-11-21T19:10:00.5+01:00\n"));
    CHECK(contains(block, "recorded = 2026-11-21T19:11:00.000123+00:00\n"));
    CHECK(contains(block, "when = 2026-11-20T08:00:00.25-03:30\n"));
    CHECK(parse_back(block, "sample") == record);
}

TEST_CASE("a whole-number float stays a float when serialised") {
    Record record = base_record();
    record.insert_or_assign("ratio", 1.0);
    const std::string block = tend::serialize_record(record, sample_format);
    CHECK(contains(block, "ratio = 1.0\n"));
    CHECK(parse_back(block, "sample") == record);
}

TEST_CASE("toml_quote escapes what TOML needs and nothing printable") {
    CHECK(tend::toml_quote("plain") == "\"plain\"");
    CHECK(tend::toml_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(tend::toml_quote("x\ny\tz") == "\"x\\ny\\tz\"");
    CHECK(tend::toml_quote("\x01") == "\"\\u0001\"");
    CHECK(tend::toml_quote("\xc3\xa9\xe6\x97\xa5") == "\"\xc3\xa9\xe6\x97\xa5\"");
}

TEST_CASE("to_toml and from_toml round-trip negative and non-hour offsets") {
    for (const std::string text :
         {"2026-11-21T19:10:00+05:45", "2026-11-21T19:10:00-03:30", "2026-11-21T19:10:00+00:00",
          "2026-01-01T00:00:00-12:00", "2026-12-31T23:59:59+14:00"}) {
        CAPTURE(text);
        const auto time = tend::test::offset_time(text);
        const auto back = tend::from_toml(tend::to_toml(time));
        CHECK(back.instant == time.instant);
        CHECK(back.offset == time.offset);
        CHECK(tend::format_rfc3339(back) == text);
    }
}

TEST_CASE("to_toml writes the wall-clock fields and the offset") {
    const toml::date_time value = tend::to_toml(tend::test::offset_time("2026-11-21T19:10:05-03:30"));
    CHECK(value.date.year == 2026);
    CHECK(value.date.month == 11);
    CHECK(value.date.day == 21);
    CHECK(value.time.hour == 19);
    CHECK(value.time.minute == 10);
    CHECK(value.time.second == 5);
    REQUIRE(value.offset);
    CHECK(value.offset->minutes == -210);
}

TEST_CASE("from_toml reads a parsed offset date-time") {
    const toml::table root = toml::parse("t = 2026-03-01T00:30:00+05:45\n");
    const auto time = tend::from_toml(root["t"].as_date_time()->get());
    CHECK(tend::test::utc(time.instant) == "2026-02-28T18:45:00+00:00");
    CHECK(time.offset == 345min);
}

TEST_CASE("record_id record_at and string_list read the common fields") {
    Record record = base_record();
    record.insert_or_assign("words", tend::to_toml_array({"one", "two"}));
    CHECK(tend::record_id(record) == "0a1b2");
    CHECK(tend::format_rfc3339(tend::record_at(record)) == "2026-11-21T19:10:00+01:00");
    CHECK(tend::string_list(record, "words") == std::vector<std::string>{"one", "two"});
    CHECK(tend::string_list(record, "missing").empty());
    CHECK(tend::field<int64_t>(record, "count") == std::nullopt);
    CHECK(tend::field<std::string>(record, "title") == std::optional<std::string>("a title"));
}

TEST_CASE("a check-in with a mood out of range is rejected by its format") {
    Record record = base_record();
    record.erase("title");
    record.insert_or_assign("mood", 11);
    const auto problems = tend::validate_record(record, tend::checkin_format);
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems.front().what, "'mood' is 11"));
}
