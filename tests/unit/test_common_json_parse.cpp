// The strict JSON reader: values and their places, escapes, and everything RFC 8259 forbids.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "json_parse.hpp"

using tend::JsonNode;
using tend::test::contains;

namespace {

std::string problem_of(std::string_view text) {
    try {
        tend::parse_json(text, "in.json");
    } catch (const tend::JsonError& e) {
        CHECK(e.code() == tend::Exit::data);
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("JSON: objects keep key order, values their line and column, numbers their text") {
    const JsonNode root = tend::parse_json("{\"b\": [1, -0.5e+3, true, null],\n  \"a\": \"x\"}", "in.json");
    REQUIRE(root.type == JsonNode::Type::object);
    REQUIRE(root.members.size() == 2);
    CHECK(root.members[0].key == "b");
    const JsonNode& array = *root.get("b");
    REQUIRE(array.items.size() == 4);
    CHECK(array.items[0].is_integer());
    CHECK(array.items[1].text == "-0.5e+3");
    CHECK_FALSE(array.items[1].is_integer());
    CHECK(array.items[2].boolean);
    CHECK(array.items[3].type == JsonNode::Type::null);
    const JsonNode& a = *root.get("a");
    CHECK(a.line == 2);
    CHECK(a.column == 8);
    CHECK(root.get("c") == nullptr);
    CHECK(tend::json_integer(array.items[0], 0, 10) == 1);
    CHECK_FALSE(tend::json_integer(array.items[0], 2, 10));
    CHECK_FALSE(tend::json_integer(array.items[1], -1000, 1000));
}

TEST_CASE("JSON: escapes decode to UTF-8, surrogate pairs included") {
    const JsonNode s = tend::parse_json(R"("a\"\\\/\b\f\n\r\t\u00e9\u20ac\ud83d\ude00")", "in.json");
    CHECK(s.text == "a\"\\/\b\f\n\r\t\u00e9\u20ac\U0001F600");
    CHECK(tend::parse_json("\"caf\xC3\xA9\"", "in.json").text == "caf\xC3\xA9");
}

TEST_CASE("JSON: strict about what RFC 8259 forbids, with file:line:col") {
    CHECK(contains(problem_of("{\"a\": 1,}"), "in.json:1:9: expected a key"));
    CHECK(contains(problem_of("[1,]"), "in.json:1:4: not a JSON value"));
    CHECK(contains(problem_of("01"), "leading zero"));
    CHECK(contains(problem_of("NaN"), "not a JSON value"));
    CHECK(contains(problem_of("1."), "digits after"));
    CHECK(contains(problem_of("\"a\nb\""), "raw control character"));
    CHECK(contains(problem_of("\"\\ud83d\""), "without its low half"));
    CHECK(contains(problem_of("\"\\ude00\""), "lone low surrogate"));
    CHECK(contains(problem_of("\"\\x\""), "unknown escape"));
    CHECK(contains(problem_of("\"\xFF\""), "not UTF-8"));
    CHECK(contains(problem_of("{\"a\": 1, \"a\": 2}"), "in.json:1:10: key 'a' appears twice"));
    CHECK(contains(problem_of("// c\n1"), "not a JSON value"));
    CHECK(contains(problem_of("1 2"), "more after the JSON value"));
    CHECK(contains(problem_of("\n\n  \"open"), "in.json:3:3: a string that is never closed"));
    CHECK(contains(problem_of(""), "the JSON ends"));
    CHECK(contains(problem_of(std::string(65, '[') + std::string(65, ']')), "deeper than 64"));
    CHECK(problem_of(std::string(64, '[') + std::string(64, ']')).empty());
}

TEST_CASE("JSON: a first line number places one line of JSON Lines in its file") {
    try {
        tend::parse_json("{\"a\" 1}", "x.jsonl", 42);
        FAIL("no error");
    } catch (const tend::JsonError& e) {
        CHECK(e.line() == 42);
        CHECK(e.column() == 6);
        CHECK(std::string(e.what()) == "x.jsonl:42:6: expected ':' after the key");
    }
}
