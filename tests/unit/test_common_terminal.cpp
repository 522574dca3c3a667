// Colour rules and the neutralising of what a person typed before it reaches a terminal.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "terminal.hpp"
#include "unicode_width.hpp"

using tend::ColorWhen;
using tend::neutralize;
using tend::test::TestIo;

namespace {

bool color_for(ColorWhen when, bool tty, tend::Env env) {
    TestIo t(std::move(env));
    return tend::use_color(when, tty, t.io);
}

}  // namespace

TEST_CASE("neutralize turns ESC and so CSI and OSC sequences into visible text") {
    CHECK(neutralize("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
    CHECK(neutralize("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
    CHECK(neutralize("\x1b]8;;http://x\x1b\\link") == "\\x1b]8;;http://x\\x1b\\link");
}

TEST_CASE("neutralize shows BEL other C0 controls and DEL as hex escapes") {
    CHECK(neutralize("ding\x07") == "ding\\x07");
    CHECK(neutralize(std::string_view("a\0b", 3)) == "a\\x00b");
    CHECK(neutralize("back\bspace") == "back\\x08space");
    CHECK(neutralize("cr\rhere") == "cr\\x0dhere");
    CHECK(neutralize("\x1f\x7f") == "\\x1f\\x7f");
}

TEST_CASE("neutralize shows C1 controls as unicode escapes") {
    CHECK(neutralize("a\xc2\x80z") == "a\\u0080z");
    CHECK(neutralize("a\xc2\x85z") == "a\\u0085z");
    CHECK(neutralize("a\xc2\x9b"
                     "31mz") == "a\\u009b31mz");
    CHECK(neutralize("a\xc2\x9fz") == "a\\u009fz");
    CHECK(neutralize("a\xc2\xa0z") == "a\xc2\xa0z");  // U+00A0 is printable
}

TEST_CASE("neutralize shows bidi controls as unicode escapes") {
    CHECK(neutralize("abc\xe2\x80\xae"
                     "def") == "abc\\u202edef");
    CHECK(neutralize("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad") == "\\u202a\\u202b\\u202c\\u202d");
    CHECK(neutralize("\xe2\x81\xa6x\xe2\x81\xa7y\xe2\x81\xa8z\xe2\x81\xa9") == "\\u2066x\\u2067y\\u2068z\\u2069");
    CHECK(neutralize("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c") == "\\u200e\\u200f\\u061c");
}

TEST_CASE("neutralize shows invalid UTF-8 bytes as hex escapes") {
    CHECK(neutralize("a\xff"
                     "b") == "a\\xffb");
    CHECK(neutralize("\xc3") == "\\xc3");
    CHECK(neutralize("\xc0\xaf") == "\\xc0\\xaf");
    CHECK(neutralize("\xed\xa0\x80") == "\\xed\\xa0\\x80");
    CHECK(neutralize("\x80z") == "\\x80z");
}

TEST_CASE("neutralize keeps normal UTF-8") {
    const std::string text =
        "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 \xe2\x80\x94 \xc3\x85ngstr\xc3\xb6m";
    CHECK(neutralize(text) == text);
    CHECK(neutralize("plain ASCII, with punctuation: ~!@#$%^&*()") == "plain ASCII, with punctuation: ~!@#$%^&*()");
}

TEST_CASE("neutralize turns newlines and tabs into spaces unless asked to keep them") {
    CHECK(neutralize("one\ntwo\tthree") == "one two three");
    CHECK(neutralize("one\ntwo\tthree", true) == "one\ntwo\tthree");
    CHECK(neutralize("one\r\ntwo", true) == "one\\x0d\ntwo");
    CHECK(neutralize("bell\x07\n", true) == "bell\\x07\n");
}

TEST_CASE("neutralized text contains no control bytes at all") {
    std::string every_byte;
    for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
    const std::string out = neutralize(every_byte);
    for (unsigned char c : out) {
        CAPTURE(static_cast<int>(c));
        CHECK((c >= 0x20 && c < 0x7f));
    }
}

TEST_CASE("use_color: always forces colour even with NO_COLOR and no terminal") {
    CHECK(color_for(ColorWhen::always, false, {{"NO_COLOR", "1"}, {"TERM", "dumb"}}));
}

TEST_CASE("use_color: never turns colour off on a terminal") {
    CHECK_FALSE(color_for(ColorWhen::never, true, {{"TERM", "xterm-256color"}}));
}

TEST_CASE("use_color: auto is colour on a terminal only") {
    CHECK(color_for(ColorWhen::auto_, true, {{"TERM", "xterm-256color"}}));
    CHECK_FALSE(color_for(ColorWhen::auto_, false, {{"TERM", "xterm-256color"}}));
}

TEST_CASE("use_color: a non-empty NO_COLOR turns colour off") {
    CHECK_FALSE(color_for(ColorWhen::auto_, true, {{"NO_COLOR", "1"}, {"TERM", "xterm"}}));
    CHECK_FALSE(color_for(ColorWhen::auto_, true, {{"NO_COLOR", "0"}, {"TERM", "xterm"}}));
}

TEST_CASE("use_color: an empty NO_COLOR is as if unset") {
    CHECK(color_for(ColorWhen::auto_, true, {{"NO_COLOR", ""}, {"TERM", "xterm"}}));
    CHECK_FALSE(color_for(ColorWhen::auto_, false, {{"NO_COLOR", ""}, {"TERM", "xterm"}}));
}

TEST_CASE("use_color: TERM=dumb turns colour off") {
    CHECK_FALSE(color_for(ColorWhen::auto_, true, {{"TERM", "dumb"}}));
    CHECK(color_for(ColorWhen::auto_, true, {}));
}

TEST_CASE("parse_color_when reads auto always never and rejects the rest") {
    CHECK(tend::parse_color_when("auto") == ColorWhen::auto_);
    CHECK(tend::parse_color_when("always") == ColorWhen::always);
    CHECK(tend::parse_color_when("never") == ColorWhen::never);
    const auto error = tend::test::error_from([] { (void)tend::parse_color_when("sometimes"); });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::usage);
    CHECK(tend::test::contains(error->what(), "--color"));
}

TEST_CASE("Style wraps only when enabled") {
    CHECK(tend::Style(true).bold("x") == "\x1b[1mx\x1b[0m");
    CHECK(tend::Style(true).green("ok") == "\x1b[32mok\x1b[0m");
    CHECK(tend::Style(false).bold("x") == "x");
    CHECK(tend::Style(false).dim("quiet") == "quiet");
}

TEST_CASE("truncate_display leaves short text alone") {
    CHECK(tend::truncate_display("hello", 5) == "hello");
    CHECK(tend::truncate_display("hello", 10) == "hello");
    CHECK(tend::truncate_display("", 0) == "");
}

TEST_CASE("truncate_display cuts to the width including the ellipsis") {
    CHECK(tend::truncate_display("hello world", 6) == "hello\xe2\x80\xa6");
    CHECK(tend::display_width(tend::truncate_display("hello world", 6)) == 6);
    CHECK(tend::truncate_display("hello", 1) == "\xe2\x80\xa6");
    CHECK(tend::truncate_display("hello", 0) == "");
}

TEST_CASE("truncate_display never splits a UTF-8 sequence") {
    const std::string text =
        "\xc3\xa9\xc3\xa9\xe6\x97\xa5\xe6\x9c\xac\xf0\x9f\x98\x80";  // é é 日 本 😀: 1 + 1 + 2 + 2 + 2 columns
    CHECK(tend::display_width(text) == 8);
    CHECK(tend::truncate_display(text, 5) == "\xc3\xa9\xc3\xa9\xe6\x97\xa5\xe2\x80\xa6");
    CHECK(tend::truncate_display(text, 4) == "\xc3\xa9\xc3\xa9\xe2\x80\xa6");  // 日 would cross the edge
    for (std::size_t width = 0; width <= 9; ++width) {
        CAPTURE(width);
        const std::string cut = tend::truncate_display(text, width);
        CHECK(tend::is_valid_utf8(cut));
        CHECK(tend::display_width(cut) <= width);
    }
}

TEST_CASE("display_width counts columns as a terminal draws them") {
    CHECK(tend::display_width("plain") == 5);
    CHECK(tend::display_width("\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf") == 6);          // 今日は: wide
    CHECK(tend::display_width("\xef\xbc\xa1") == 2);                                  // Ａ, fullwidth
    CHECK(tend::display_width("\xed\x95\x9c\xea\xb8\x80") == 4);                      // 한글
    CHECK(tend::display_width("e\xcc\x81") == 1);                                     // e + combining acute
    CHECK(tend::display_width("\xf0\x9f\x98\x80") == 2);                              // 😀
    CHECK(tend::display_width("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd") == 2);              // 👍🏽: skin tone joins it
    CHECK(tend::display_width("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7") == 2);  // 👩‍👧: joined by ZWJ
    CHECK(tend::display_width("\xf0\x9f\x87\xab\xf0\x9f\x87\xb7") == 2);              // 🇫🇷: two indicators
    CHECK(tend::display_width("\xe2\x80\x8b") == 0);                                  // zero width space
    CHECK(tend::display_width("\x1b[36mid\x1b[0m") == 2);                             // tend's own colours
}

TEST_CASE("code_point_width at the edges of the table") {
    CHECK(tend::code_point_width(U'a') == 1);
    CHECK(tend::code_point_width(0x10FF) == 1);
    CHECK(tend::code_point_width(0x1100) == 2);  // the first Hangul initial consonant
    CHECK(tend::code_point_width(0x0300) == 0);  // the first combining mark
    CHECK(tend::code_point_width(0x036F) == 0);
    CHECK(tend::code_point_width(0x0370) == 1);
    CHECK(tend::code_point_width(0x4E00) == 2);
    CHECK(tend::code_point_width(0x3FFFD) == 2);
    CHECK(tend::code_point_width(0x10FFFF) == 1);
    CHECK(tend::code_point_width(0x00AD) == 1);  // the soft hyphen
}

TEST_CASE("fitting_prefix keeps marks with their letter") {
    CHECK(tend::fitting_prefix("e\xcc\x81x", 1) == 3);
    CHECK(tend::fitting_prefix("\xe6\x97\xa5", 1) == 0);
    CHECK(tend::fitting_prefix("ab", 5) == 2);
}

TEST_CASE("terminal_columns: COLUMNS, else the terminal, never for piped output") {
    CHECK_FALSE(tend::terminal_columns(TestIo(tend::Env{{"COLUMNS", "60"}}).io));
    TestIo tty(tend::Env{{"COLUMNS", "60"}});
    tty.io.out_tty = true;
    CHECK(tend::terminal_columns(tty.io) == 60u);
    TestIo junk(tend::Env{{"COLUMNS", "60x"}});
    junk.io.out_tty = true;
    CHECK(tend::terminal_columns(junk.io) > 0u);
}

TEST_CASE("is_valid_utf8 accepts well-formed text") {
    CHECK(tend::is_valid_utf8(""));
    CHECK(tend::is_valid_utf8("ascii"));
    CHECK(tend::is_valid_utf8("\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80"));
    CHECK(tend::is_valid_utf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF
    CHECK(tend::is_valid_utf8("\xed\x9f\xbf"));      // U+D7FF, just below the surrogates
}

TEST_CASE("is_valid_utf8 rejects overlong forms and surrogates") {
    CHECK_FALSE(tend::is_valid_utf8("\xc0\xaf"));
    CHECK_FALSE(tend::is_valid_utf8("\xc1\xbf"));
    CHECK_FALSE(tend::is_valid_utf8("\xe0\x80\xaf"));
    CHECK_FALSE(tend::is_valid_utf8("\xf0\x80\x80\xaf"));
    CHECK_FALSE(tend::is_valid_utf8("\xed\xa0\x80"));
    CHECK_FALSE(tend::is_valid_utf8("\xed\xbf\xbf"));
}

TEST_CASE("is_valid_utf8 rejects truncated stray and out-of-range bytes") {
    CHECK_FALSE(tend::is_valid_utf8("\xc3"));
    CHECK_FALSE(tend::is_valid_utf8("\xe6\x97"));
    CHECK_FALSE(tend::is_valid_utf8("\x80"));
    CHECK_FALSE(tend::is_valid_utf8("a\xbf"));
    CHECK_FALSE(tend::is_valid_utf8("\xf4\x90\x80\x80"));
    CHECK_FALSE(tend::is_valid_utf8("\xf8\x88\x80\x80\x80"));
    CHECK_FALSE(tend::is_valid_utf8("\xff"));
    CHECK_FALSE(tend::is_valid_utf8("\xc3(x"));
}
