// --json output: exact escaping, keys in the order they were set, pretty and compact forms.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "checkin_record.hpp"
#include "fixtures.hpp"
#include "json.hpp"
#include "terminal.hpp"

using tend::Json;
using tend::json_quote;

TEST_CASE("json_quote escapes quotes backslashes and whitespace controls") {
    CHECK(json_quote("plain") == "\"plain\"");
    CHECK(json_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(json_quote("C:\\dir") == "\"C:\\\\dir\"");
    CHECK(json_quote("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
    CHECK(json_quote("") == "\"\"");
}

TEST_CASE("json_quote writes other controls and DEL as unicode escapes") {
    CHECK(json_quote("\x1b[31m") == "\"\\u001b[31m\"");
    CHECK(json_quote(std::string_view("a\0b", 3)) == "\"a\\u0000b\"");
    CHECK(json_quote("\x07\x1f\x7f") == "\"\\u0007\\u001f\\u007f\"");
}

TEST_CASE("json_quote keeps valid UTF-8 as it is") {
    const std::string text = "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 \xe2\x80\xae";
    CHECK(json_quote(text) == "\"" + text + "\"");
}

TEST_CASE("json_quote turns invalid UTF-8 into U+FFFD") {
    CHECK(json_quote("a\xff"
                     "b") == "\"a\\ufffdb\"");
    CHECK(json_quote("\xc3") == "\"\\ufffd\"");
    CHECK(json_quote("x\xed\xa0\x80y") == "\"x\\ufffd\\ufffd\\ufffdy\"");
    CHECK(json_quote("\xc3(") == "\"\\ufffd(\"");
    CHECK(tend::is_valid_utf8(json_quote("\xc0\xaf\x80\xfe\xf4\x90\x80\x80")));
}

TEST_CASE("scalars dump as JSON") {
    CHECK(Json().dump() == "null");
    CHECK(Json(nullptr).dump() == "null");
    CHECK(Json(true).dump() == "true");
    CHECK(Json(false).dump() == "false");
    CHECK(Json(42).dump() == "42");
    CHECK(Json(std::int64_t{-9007199254740993}).dump() == "-9007199254740993");
    CHECK(Json(1.5).dump() == "1.5");
    CHECK(Json(0.1).dump() == "0.1");
    CHECK(Json("text").dump() == "\"text\"");
    CHECK(Json(std::string("a\"b")).dump() == "\"a\\\"b\"");
}

TEST_CASE("non-finite numbers dump as null") {
    CHECK(Json(std::numeric_limits<double>::quiet_NaN()).dump() == "null");
    CHECK(Json(std::numeric_limits<double>::infinity()).dump() == "null");
    CHECK(Json(-std::numeric_limits<double>::infinity()).dump() == "null");
}

TEST_CASE("object keys keep the order they were set in") {
    Json object = Json::object();
    object.set("zebra", 1).set("apple", 2).set("mango", 3);
    CHECK(object.dump({.pretty = false}) == "{\"zebra\":1,\"apple\":2,\"mango\":3}");
}

TEST_CASE("empty containers dump the same pretty and compact") {
    CHECK(Json::object().dump() == "{}");
    CHECK(Json::object().dump({.pretty = false}) == "{}");
    CHECK(Json::array().dump() == "[]");
    CHECK(Json::array().dump({.pretty = false}) == "[]");
}

TEST_CASE("nested values dump compact on one line") {
    Json inner = Json::object();
    inner.set("k", "v");
    Json list = Json::array();
    list.push(1).push("two").push(inner).push(Json::array());
    Json root = Json::object();
    root.set("list", list).set("none", nullptr).set("empty", Json::object());
    CHECK(root.dump({.pretty = false}) == "{\"list\":[1,\"two\",{\"k\":\"v\"},[]],\"none\":null,\"empty\":{}}");
}

TEST_CASE("nested values dump pretty with two-space indents and no final newline") {
    Json inner = Json::object();
    inner.set("k", "v");
    Json list = Json::array();
    list.push(1).push(inner);
    Json root = Json::object();
    root.set("list", list).set("flag", true).set("empty", Json::array());
    CHECK(root.dump() ==
          "{\n"
          "  \"list\": [\n"
          "    1,\n"
          "    {\n"
          "      \"k\": \"v\"\n"
          "    }\n"
          "  ],\n"
          "  \"flag\": true,\n"
          "  \"empty\": []\n"
          "}");
}

TEST_CASE("keys are escaped like strings") {
    Json object = Json::object();
    object.set("a\"\n\xff", 1);
    CHECK(object.dump({.pretty = false}) == "{\"a\\\"\\n\\ufffd\":1}");
}

TEST_CASE("record_to_json writes id at recorded then the format's order") {
    const tend::Record record{{"note", "evening"},
                              {"mood", 6},
                              {"feelings", tend::to_toml_array({"tired", "hopeful"})},
                              {"recorded", tend::test::toml_time("2026-11-21T19:11:00+01:00")},
                              {"anxiety", 3},
                              {"at", tend::test::toml_time("2026-11-21T19:10:00-03:30")},
                              {"id", "pa234"}};
    CHECK(tend::record_to_json(record, tend::checkin_format).dump({.pretty = false}) ==
          "{\"id\":\"pa234\",\"at\":\"2026-11-21T19:10:00-03:30\",\"recorded\":\"2026-11-21T19:11:00+01:00\","
          "\"mood\":6,\"energy\":null,\"anxiety\":3,\"closeness\":null,\"safety\":null,"
          "\"feelings\":[\"tired\",\"hopeful\"],\"tags\":null,\"note\":\"evening\",\"source\":null}");
}

TEST_CASE("record_to_json writes null for fields that are not set: one shape per kind") {
    const tend::Record record{{"id", "pa234"},
                              {"at", tend::test::toml_time("2026-11-21T19:10:00Z")},
                              {"recorded", tend::test::toml_time("2026-11-21T19:10:00Z")}};
    CHECK(tend::record_to_json(record, tend::checkin_format).dump({.pretty = false}) ==
          "{\"id\":\"pa234\",\"at\":\"2026-11-21T19:10:00+00:00\",\"recorded\":\"2026-11-21T19:10:00+00:00\","
          "\"mood\":null,\"energy\":null,\"anxiety\":null,\"closeness\":null,\"safety\":null,\"feelings\":null,"
          "\"tags\":null,\"note\":null,\"source\":null}");
}

TEST_CASE("record_to_json escapes control characters in notes") {
    const tend::Record record{{"id", "pa234"},
                              {"at", tend::test::toml_time("2026-11-21T19:10:00Z")},
                              {"recorded", tend::test::toml_time("2026-11-21T19:10:00Z")},
                              {"note", "line\n\x1b[2J"}};
    CHECK(tend::test::contains(tend::record_to_json(record, tend::checkin_format).dump({.pretty = false}),
                               "\"note\":\"line\\n\\u001b[2J\""));
}

TEST_CASE("a time dumps with its offset, or in UTC with a Z under TimeStyle::utc") {
    const tend::Json time(tend::parse_rfc3339("2026-11-21T19:10:00-03:30", "x"));
    CHECK(time.dump() == "\"2026-11-21T19:10:00-03:30\"");
    CHECK(time.dump({.times = tend::TimeStyle::utc}) == "\"2026-11-21T22:40:00Z\"");
}

TEST_CASE("a record's times follow the style all through, a hand-edited fraction of a second dropped") {
    const tend::Record record{{"id", "pa234"},
                              {"at", tend::test::toml_time("2026-11-21T23:30:00.250-01:00")},
                              {"recorded", tend::test::toml_time("2026-11-22T00:31:00+01:00")}};
    const tend::Json list = tend::Json::array().push(tend::record_to_json(record, tend::checkin_format));
    const std::string utc = list.dump({.times = tend::TimeStyle::utc, .pretty = false});
    CHECK(tend::test::contains(utc, "\"at\":\"2026-11-22T00:30:00Z\",\"recorded\":\"2026-11-21T23:31:00Z\""));
    CHECK(tend::test::contains(list.dump({.pretty = false}),
                               "\"at\":\"2026-11-21T23:30:00-01:00\",\"recorded\":\"2026-11-22T00:31:00+01:00\""));
}
