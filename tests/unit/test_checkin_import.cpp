// checkin import's readers as pure functions: CSV, Daylio rows, jrnl entries, tags, HTML, source keys.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "checkin_record.hpp"
#include "fixtures.hpp"
#include "import.hpp"

using checkin::ImportContext;
using tend::Exit;
using tend::Record;
using tend::test::contains;
using tend::test::error_from;
using tend::test::instant;

namespace {

ImportContext london(std::vector<std::string> moods = {}, bool mood_from_tag = false) {
    return {tend::Zone::named("Europe/London"), instant("2026-11-21T19:10:00Z"), checkin::daylio_moods(moods),
            mood_from_tag};
}

const std::string daylio_header = "full_date,date,weekday,time,mood,activities,note_title,note\n";

std::string at_of(const Record& record) {
    return tend::format_rfc3339(tend::record_at(record));
}

}  // namespace

TEST_CASE("CSV: quoted fields keep commas, doubled quotes and line breaks; CRLF and a BOM are fine") {
    const auto rows = checkin::read_csv(
        "\xEF\xBB\xBF"
        "a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\n\r\nlast,\n",
        "f");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == std::vector<std::string>{"a", "b"});
    CHECK(rows[1].line == 2);
    CHECK(rows[1].fields == std::vector<std::string>{"x, y", "say \"hi\"\nthere"});
    CHECK(rows[2].line == 5);
    CHECK(rows[2].fields == std::vector<std::string>{"last", ""});
}

TEST_CASE("CSV: a stray quote spoils only its row; a quote never closed is the file's error") {
    const auto rows = checkin::read_csv("a,b\nx\"y,z\n\"ok\"junk,1\nfine,2\n", "f");
    REQUIRE(rows.size() == 4);
    CHECK_FALSE(rows[1].problem.empty());
    CHECK_FALSE(rows[2].problem.empty());
    CHECK(rows[3].problem.empty());
    const auto error = error_from([] { checkin::read_csv("a,b\n1,2\n3,\"open\n4,5\n", "f.csv"); });
    REQUIRE(error);
    CHECK(error->code() == Exit::data);
    CHECK(contains(error->what(), "f.csv:3:3: a quoted field is never closed"));
}

TEST_CASE("Daylio: the current format, 12-hour times, activities with spaces and slashes, a trailing space") {
    const std::string csv = daylio_header +
                            "2021-09-28,28 September,Tuesday,10:00 pm,good ,\"clean | music | movies / tv | "
                            "stressed / frustrated  | Bad   Sleep \",\"\",\"\"\n"
                            "2021-07-04,4 July,Sunday,12:05 am,awful,\"\",\"A <b>hard</b> day\",\"Line one<br>line "
                            "two, with &quot;quotes&quot; &amp; more\"\n";
    const auto batch = checkin::read_daylio(csv, "d.csv", london());
    REQUIRE(batch.refused.empty());
    REQUIRE(batch.entries.size() == 2);
    const Record& first = batch.entries[0].record;
    CHECK(at_of(first) == "2021-09-28T22:00:00+01:00");
    CHECK(tend::field<int64_t>(first, "mood") == 7);
    CHECK(tend::string_list(first, "tags") ==
          std::vector<std::string>{"clean", "music", "movies / tv", "stressed / frustrated", "bad sleep"});
    CHECK_FALSE(first.contains("note"));
    CHECK(tend::field<std::string>(first, "source").value().starts_with("daylio:"));
    const Record& second = batch.entries[1].record;
    CHECK(batch.entries[1].line == 3);
    CHECK(at_of(second) == "2021-07-04T00:05:00+01:00");
    CHECK(tend::field<int64_t>(second, "mood") == 1);
    CHECK(tend::field<std::string>(second, "note") == "A hard day\n\nLine one\nline two, with \"quotes\" & more");
    Record stored = first;  // as the store will keep it, with an id
    stored.insert_or_assign("id", "r5abc");
    CHECK(tend::validate_record(stored, tend::checkin_format).empty());
}

TEST_CASE("Daylio: the older format with a year column and 24-hour times") {
    const std::string csv =
        "year,date,weekday,time,mood,activities,note\n"
        "2019,3 March,Sunday,18:52,meh,\"work\",\"a note\"\n"
        "2019,March 4,Monday,07:31,rad,\"\",\"\"\n";
    const auto batch = checkin::read_daylio(csv, "d.csv", london());
    REQUIRE(batch.entries.size() == 2);
    CHECK(at_of(batch.entries[0].record) == "2019-03-03T18:52:00+00:00");
    CHECK(tend::field<std::string>(batch.entries[0].record, "note") == "a note");
    CHECK(at_of(batch.entries[1].record) == "2019-03-04T07:31:00+00:00");
    CHECK(tend::field<int64_t>(batch.entries[1].record, "mood") == 9);
}

TEST_CASE("Daylio: bad rows are refused with their line, the rest still read") {
    const std::string csv = daylio_header +
                            "2021-02-30,30 February,Tuesday,10:00 pm,good,\"\",\"\",\"\"\n"
                            "2021-03-01,1 March,Monday,13:00 pm,good,\"\",\"\",\"\"\n"
                            "2021-03-02,2 March,Tuesday,9:00 am,average,\"\",\"\",\"\"\n"
                            "2021-03-03,3 March,Wednesday,9:00 am,good,\"\"\n"
                            "2031-03-03,3 March,Monday,9:00 am,good,\"\",\"\",\"\"\n"
                            "2021-03-04,4 March,Thursday,9:00 am,good,\"\",\"\",\"\"\n";
    const auto batch = checkin::read_daylio(csv, "d.csv", london());
    REQUIRE(batch.entries.size() == 1);
    CHECK(batch.entries[0].line == 7);
    REQUIRE(batch.refused.size() == 5);
    CHECK(batch.refused[0].line == 2);
    CHECK(contains(batch.refused[0].what, "'2021-02-30' is not a date"));
    CHECK(contains(batch.refused[1].what, "'13:00 pm' is not a time"));
    CHECK(contains(batch.refused[2].what, "--mood-map 'average=N'"));
    CHECK(contains(batch.refused[3].what, "6 fields where the header has 8"));
    CHECK(contains(batch.refused[4].what, "in the future"));
}

TEST_CASE("Daylio: --mood-map names the person's own moods and can change the defaults") {
    const std::string csv = daylio_header + "2021-03-02,2 March,Tuesday,9:00 am,Average ,\"\",\"\",\"\"\n" +
                            "2021-03-03,3 March,Wednesday,9:00 am,rad,\"\",\"\",\"\"\n";
    const auto batch = checkin::read_daylio(csv, "d.csv", london({"average = 5", "rad=10"}));
    REQUIRE(batch.entries.size() == 2);
    CHECK(tend::field<int64_t>(batch.entries[0].record, "mood") == 5);
    CHECK(tend::field<int64_t>(batch.entries[1].record, "mood") == 10);
    for (const char* bad : {"average", "=5", "x=11", "x=-1", "x=five"}) {
        const auto error = error_from([&] { checkin::daylio_moods({bad}); });
        REQUIRE(error);
        CHECK(error->code() == Exit::usage);
    }
}

TEST_CASE("Daylio: a file that is not a Daylio export is refused as a whole") {
    for (const char* text : {"date,mood\n2021-01-01,good\n", "", "full_date,date,weekday,time,mood\n"}) {
        const auto error = error_from([&] { checkin::read_daylio(text, "x.csv", london()); });
        REQUIRE(error);
        CHECK(error->code() == Exit::data);
        CHECK(contains(error->what(), "x.csv:1: this is not a Daylio CSV export"));
    }
}

TEST_CASE("Daylio: an activity that cannot be a tag is kept in the note") {
    const std::string long_one(70, 'x');
    const std::string csv =
        daylio_header + "2021-03-02,2 March,Tuesday,9:00 am,good,\"walk | " + long_one + "\",\"\",\"felt ok\"\n";
    const auto batch = checkin::read_daylio(csv, "d.csv", london());
    REQUIRE(batch.entries.size() == 1);
    CHECK(tend::string_list(batch.entries[0].record, "tags") == std::vector<std::string>{"walk"});
    CHECK(tend::field<std::string>(batch.entries[0].record, "note") == "felt ok\n\nDaylio activities: " + long_one);
}

TEST_CASE("Daylio: the source key follows the entry, not its line or the import time") {
    const std::string row = "2021-03-02,2 March,Tuesday,9:00 am,good,\"walk\",\"\",\"x\"\n";
    const std::string other = "2021-03-03,3 March,Wednesday,9:00 am,good,\"walk\",\"\",\"x\"\n";
    const auto once = checkin::read_daylio(daylio_header + row, "a.csv", london());
    const auto later = checkin::read_daylio(daylio_header + other + row, "b.csv", london());
    const auto key = [](const checkin::ImportBatch& b, std::size_t i) {
        return tend::field<std::string>(b.entries[i].record, "source").value();
    };
    CHECK(key(once, 0) == key(later, 1));
    CHECK(key(once, 0) != key(later, 0));
    CHECK(checkin::source_key("a", {"bc", "d"}) != checkin::source_key("a", {"b", "cd"}));
}

TEST_CASE("jrnl: title and body as the note, @tags as tags, starred as a tag, no mood unless asked") {
    const std::string json = R"({"tags": {"@work": 1}, "entries": [
  {"title": "Long day.", "body": "Talked it through \u00e9 \ud83d\ude00.", "date": "2024-06-01", "time": "21:30",
   "tags": ["@work", "@Mood-7"], "starred": true, "uuid": "x"},
  {"title": "", "body": "", "date": "2024-06-02", "time": "08:00", "tags": [], "starred": false},
  {"title": "t", "body": "", "date": "2024-13-02", "time": "08:00", "tags": [], "starred": false}
]})";
    const auto batch = checkin::read_jrnl(json, "j.json", london());
    REQUIRE(batch.entries.size() == 1);
    const Record& entry = batch.entries[0].record;
    CHECK(at_of(entry) == "2024-06-01T21:30:00+01:00");
    CHECK(tend::field<std::string>(entry, "note") == "Long day.\nTalked it through \u00e9 \U0001F600.");
    CHECK(tend::string_list(entry, "tags") == std::vector<std::string>{"work", "mood-7", "starred"});
    CHECK_FALSE(entry.contains("mood"));
    REQUIRE(batch.refused.size() == 2);
    CHECK(batch.refused[0].line == 4);
    CHECK(contains(batch.refused[0].what, "empty entry"));
    CHECK(contains(batch.refused[1].what, "'2024-13-02' is not a date"));

    const auto with_mood = checkin::read_jrnl(json, "j.json", london({}, true));
    CHECK(tend::field<int64_t>(with_mood.entries[0].record, "mood") == 7);
    CHECK(tend::string_list(with_mood.entries[0].record, "tags") == std::vector<std::string>{"work", "starred"});
}

TEST_CASE("jrnl: JSON that does not parse, or has no entries, is refused as a whole") {
    for (const char* text : {"{\"entries\": [}", "[]", "{\"entries\": {}}", "{\"entries\": [], \"entries\": []}"}) {
        const auto error = error_from([&] { checkin::read_jrnl(text, "j.json", london()); });
        REQUIRE(error);
        CHECK(error->code() == Exit::data);
        CHECK(contains(error->what(), "j.json:1:"));
    }
}

TEST_CASE("imported tags: lower case, one space between words, nothing that could not be typed back") {
    CHECK(checkin::imported_tag("  Movies /\tTV ") == "movies / tv");
    CHECK_FALSE(checkin::imported_tag("   "));
    CHECK_FALSE(checkin::imported_tag("a,b"));
    CHECK_FALSE(checkin::imported_tag("bell\x07"));
    CHECK_FALSE(checkin::imported_tag(std::string(65, 'a')));
    CHECK(checkin::imported_tag(std::string(64, 'a')));
}

TEST_CASE("HTML as plain text: breaks, paragraphs, lists, entities; look-alikes stay") {
    CHECK(checkin::html_to_text("a<br>b<br/>c<BR />d") == "a\nb\nc\nd");
    CHECK(checkin::html_to_text("<p>one</p><p>two</p>") == "one\ntwo\n");
    CHECK(checkin::html_to_text("<ul><li>x</li><li>y</li></ul>") == "\n- x\n- y");
    CHECK(checkin::html_to_text("I <3 you, 2 < 3 &amp; &bogus; &lt;b&gt;") == "I <3 you, 2 < 3 & &bogus; <b>");
    CHECK(checkin::html_to_text("a<br><br><br><br>b") == "a\n\nb");
}
