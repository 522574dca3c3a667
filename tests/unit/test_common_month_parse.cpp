// The month-file fast path (parse_written_toml) against toml++ on what tend writes and on what it does not.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>

#include <fmt/format.h>

#include "../toml_same.hpp"
#include "checkin_record.hpp"
#include "fixtures.hpp"
#include "month_parse.hpp"
#include "record.hpp"
#include "store.hpp"

using tend::parse_written_toml;
using tend::test::toml_difference;

namespace {

constexpr std::string_view path = "/d/checkin/2026-11.toml";

// Text a person may write: quotes, backslashes, line breaks, tabs, controls, C1 and bidi
// controls (escaped on writing), accents, CJK, emoji, a lone combining mark.
const std::string_view texts[] = {"",
                                  "plain words",
                                  "she said \"enough\"",
                                  "C:\\path\\to",
                                  "line one\nline two\n",
                                  "tab\there",
                                  "bell\a and escape\x1b and delete\x7f",
                                  "C1 \xC2\x85 next line",
                                  "bidi \xE2\x80\xAE reversed \xD8\x9C",
                                  "caf\xC3\xA9 na\xC3\xAFve",
                                  "\xE5\xAE\x89\xE5\xBF\x83",
                                  "\xF0\x9F\x92\x9B heart",
                                  "\xCC\x81 mark first",
                                  "#not a comment",
                                  "[[checkin]]",
                                  "key = \"value\""};

class Generator {
public:
    explicit Generator(unsigned seed) : random_(seed) {}

    int pick(int below) { return std::uniform_int_distribution<int>(0, below - 1)(random_); }

    std::string text() {
        std::string out;
        for (int n = pick(3) + 1; n > 0; --n) out += texts[static_cast<std::size_t>(pick(std::size(texts)))];
        return out;
    }

    std::int64_t integer() {
        switch (pick(4)) {
            case 0:
                return pick(11);
            case 1:
                return -pick(1000);
            case 2:
                return std::uniform_int_distribution<std::int64_t>(-999'999'999'999'999'999,
                                                                   999'999'999'999'999'999)(random_);
            default:
                return std::uniform_int_distribution<std::int64_t>(0, 100'000)(random_);
        }
    }

    double number() {
        switch (pick(6)) {
            case 0:
                return pick(100) / 4.0;
            case 1:
                return -0.0;
            case 2:
                return std::ldexp(std::uniform_real_distribution<double>(-1, 1)(random_), pick(2000) - 1000);
            case 3:
                return static_cast<double>(integer());
            case 4:
                return 1e-7 * pick(50);
            default:
                return std::uniform_real_distribution<double>(0, 600)(random_);
        }
    }

    toml::date_time time() {
        toml::date date{static_cast<std::uint16_t>(1970 + pick(100)), static_cast<std::uint8_t>(1 + pick(12)),
                        static_cast<std::uint8_t>(1 + pick(28))};
        if (pick(10) == 0) date = {2024, 2, 29};
        toml::time clock{static_cast<std::uint8_t>(pick(24)), static_cast<std::uint8_t>(pick(60)),
                         static_cast<std::uint8_t>(pick(60))};
        if (pick(5) == 0) clock.nanosecond = static_cast<std::uint32_t>(pick(1000)) * 1'000'000u;
        if (pick(10) == 0) clock.nanosecond = static_cast<std::uint32_t>(pick(1'000'000'000));
        toml::time_offset offset;
        offset.minutes = static_cast<std::int16_t>((pick(27 * 4) - 12 * 4) * 15);
        return {date, clock, offset};
    }

    void put(toml::table& record, std::string_view key, tend::FieldType type) {
        switch (type) {
            case tend::FieldType::string:
                record.insert_or_assign(key, text());
                break;
            case tend::FieldType::integer:
                record.insert_or_assign(key, integer());
                break;
            case tend::FieldType::number:
                record.insert_or_assign(key, number());
                break;
            case tend::FieldType::boolean:
                record.insert_or_assign(key, pick(2) == 0);
                break;
            case tend::FieldType::datetime:
                record.insert_or_assign(key, time());
                break;
            case tend::FieldType::strings: {
                toml::array list;
                for (int n = pick(4); n > 0; --n) list.push_back(text());
                record.insert_or_assign(key, std::move(list));
                break;
            }
        }
    }

private:
    std::mt19937 random_;
};

// Parses with both and says where they differ ("" when nowhere); the fast path must take the text.
std::string compare(const std::string& text) {
    const auto fast = parse_written_toml(text, path);
    if (!fast) return "the fast path declined text tend writes";
    return toml_difference(*fast, toml::parse(text, path));
}

}  // namespace

TEST_CASE("the fast path reads 4,000 generated records of every kind exactly as toml++ does") {
    Generator generate(20261201);
    int records = 0;
    for (const tend::RecordFormat* format : tend::record_formats()) {
        for (int file = 0; file < 25; ++file) {
            std::string text =
                fmt::format("# tend {} records for 2026-11: one [[{}]] table each.\n", format->kind, format->kind);
            for (int n = generate.pick(80); n > 0; --n, ++records) {
                toml::table record;
                record.insert_or_assign("id", fmt::format("a{}", records));
                record.insert_or_assign("at", generate.time());
                record.insert_or_assign("recorded", generate.time());
                for (const tend::FieldSpec& spec : format->fields)
                    if (spec.required || generate.pick(3) != 0) generate.put(record, spec.name, spec.type);
                text += '\n' + tend::serialize_record(record, *format);
            }
            CAPTURE(text);
            CHECK(compare(text) == "");
        }
    }
    CHECK(records > 3000);
}

TEST_CASE("the fast path is generic over kinds, fields and types: a field added tomorrow needs nothing") {
    Generator generate(7);
    const tend::FieldType types[] = {tend::FieldType::string,  tend::FieldType::integer,  tend::FieldType::number,
                                     tend::FieldType::boolean, tend::FieldType::datetime, tend::FieldType::strings};
    std::string text = "# a kind of record tend does not have yet\n";
    for (int n = 0; n < 200; ++n) {
        toml::table record;
        record.insert_or_assign("revision", generate.integer());
        record.insert_or_assign("deleted", generate.pick(2) == 0);
        for (int k = generate.pick(6); k > 0; --k)
            generate.put(record, fmt::format("field_{}", generate.pick(30)), types[generate.pick(6)]);
        text += fmt::format("\n[[{}]]\n", n % 3 ? "note" : "other-kind_2");
        for (const auto& [key, node] : record) text += fmt::format("{} = {}\n", key.str(), tend::toml_value_text(node));
    }
    CAPTURE(text);
    CHECK(compare(text) == "");
    CHECK(compare("") == "");
    CHECK(compare("# only a comment\n\n") == "");
    CHECK(compare("[[a]]\nx = 9223372036854775807\ny = -9223372036854775808\nz = -0\n") == "");
    CHECK(compare("[[a]]\n[[a]]\n[[b]]\n\n[[a]]\nx = []\ny = [1, -2.5, true, \"\", 2026-11-21T19:10:00Z]\n") == "");
    CHECK(compare("[[a]]\nt = 2026-11-21T19:10:00.5-09:30\nf = 1e+300\ng = 5e-324\nu = \"\\u00e9\\u00E9\"\n") == "");
    CHECK_FALSE(parse_written_toml("[[a]]\nu = \"\\U0001F49B\"\n", path));  // \U is left to toml++
}

TEST_CASE("the fast path leaves every other text to toml++") {
    const char* const others[] = {
        "[[checkin]]\nmood = 3",                     // no final line break
        "[[checkin]]\r\nmood = 3\r\n",               // CRLF
        "\xEF\xBB\xBF[[checkin]]\nmood = 3\n",       // byte order mark
        "[[checkin]]\nmood=3\n",                     // other spacing
        "[[checkin]]\n  mood = 3\n",                 // indented
        "[[checkin]]\nmood = 3 # a comment\n",       // trailing comment
        "# caf\xC3\xA9\n[[checkin]]\n",              // a comment beyond ASCII
        "mood = 3\n[[checkin]]\n",                   // a key before any header
        "[checkin]\nmood = 3\n",                     // a plain table
        "[[checkin.sub]]\nmood = 3\n",               // a dotted header
        "[[checkin]]\nnote = 'literal'\n",           // a literal string
        "[[checkin]]\nnote = \"\"\"multi\"\"\"\n",   // a multi-line string
        "[[checkin]]\nx = {a = 1}\n",                // an inline table
        "[[checkin]]\nx = [[1], [2]]\n",             // nested arrays
        "[[checkin]]\nx = [1,2]\n",                  // array spacing
        "[[checkin]]\nat = 2026-11-21T19:10:00\n",   // a local date-time
        "[[checkin]]\nat = 2026-11-21 19:10:00Z\n",  // a space for the T
        "[[checkin]]\nd = 2026-11-21\n",             // a local date
        "[[checkin]]\nx = 0x1F\n",                   // hexadecimal
        "[[checkin]]\nx = 1_000\n",                  // underscores
        "[[checkin]]\nx = +3\n",                     // a plus sign
        "[[checkin]]\nx = 9223372036854775808\n",    // past the edge of int64
        "[[checkin]]\nx = nan\n",                    // nan and inf
        "[[checkin]]\nmood = 3\nmood = 4\n",         // a duplicate key (toml++'s error)
        "[[checkin]]\nmood = = 3\n",                 // a syntax error (toml++'s error)
        "[[checkin]]\nnote = \"bad \\q escape\"\n",  // an unknown escape
        "[[checkin]]\nnote = \"\\uD800\"\n",         // a surrogate
        "[[checkin]]\nnote = \"\xC3\x28\"\n",        // broken UTF-8
        "[[checkin]]\nnote = \"\xE0\x80\xAF\"\n",    // overlong UTF-8
        "[[checkin]]\nat = 2026-02-29T00:00:00Z\n",  // no such day
        "[[checkin]]\nat = 2026-11-21T24:00:00Z\n",  // no such hour
        "[[checkin]]\nx = 01\n",                     // a leading zero
        "[[checkin]]\nx = 1.\n",                     // a bare point
        "[[checkin]]\nx = 1e999\n",                  // out of range
        "[[checkin]]\nx = truex\n",                  // a word that starts like true
        "[[checkin]]\nx = \"unterminated\n",         // an open string
    };
    for (const std::string text : others) {
        CAPTURE(text);
        CHECK_FALSE(parse_written_toml(text, path));
    }
}

TEST_CASE("a record that fails its checks names the same line and column on either path") {
    // The last line, a comment beyond ASCII, sends the second text to toml++ without moving anything before it.
    const std::string written =
        "# tend checkin records for 2026-11\n\n[[checkin]]\nid = \"a1\"\nat = 2026-11-21T19:10:00+00:00\n"
        "recorded = 2026-11-21T19:10:00+00:00\nmood = 99\n";
    const std::string edited = written + "# caf\xC3\xA9\n";
    REQUIRE(parse_written_toml(written, path));
    REQUIRE_FALSE(parse_written_toml(edited, path));
    const auto fast =
        tend::test::error_from([&] { (void)tend::parse_month_text(written, path, tend::checkin_format); });
    const auto slow = tend::test::error_from([&] { (void)tend::parse_month_text(edited, path, tend::checkin_format); });
    REQUIRE(fast);
    REQUIRE(slow);
    CHECK(std::string(fast->what()) == slow->what());
    CHECK(tend::test::contains(fast->what(), ":7:"));
}
