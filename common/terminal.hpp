// Colour rules and safe printing of text a person typed.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "io.hpp"

namespace tend {

enum class ColorWhen { auto_, always, never };

// Parses --color's value: auto, always or never (usage error otherwise).
ColorWhen parse_color_when(std::string_view value);

// Colour for a stream: `always` forces it; `never`, a non-empty NO_COLOR, TERM=dumb or a
// stream that is not a terminal turn it off.
bool use_color(ColorWhen when, bool stream_is_tty, const Io& io);

// Wraps text in ANSI styles when enabled, returns it unchanged otherwise.
class Style {
public:
    explicit Style(bool enabled) : enabled_(enabled) {}
    bool enabled() const { return enabled_; }
    std::string dim(std::string_view text) const { return wrap("2", text); }
    std::string bold(std::string_view text) const { return wrap("1", text); }
    std::string green(std::string_view text) const { return wrap("32", text); }
    std::string yellow(std::string_view text) const { return wrap("33", text); }
    std::string cyan(std::string_view text) const { return wrap("36", text); }

private:
    std::string wrap(std::string_view code, std::string_view text) const;
    bool enabled_;
};

// Makes user-typed text safe for a terminal: C0 and C1 control characters, DEL, ESC
// (and so every escape sequence), bidirectional overrides and invalid UTF-8 are shown as
// visible escapes (\x1b, \u202e, ...). Newlines and tabs become spaces unless keep_newlines.
std::string neutralize(std::string_view text, bool keep_newlines = false);

// Code points that can reorder or hide text on a terminal: bidi embeddings, overrides,
// isolates and marks (U+202A-E, U+2066-9, U+200E/F, U+061C).
bool is_bidi_control(char32_t c);

// The code point at text[pos] and its length in bytes; length 0 when the bytes there are
// not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
struct Utf8Char {
    char32_t code_point;
    std::size_t length;
};
Utf8Char decode_utf8_at(std::string_view text, std::size_t pos);

// True when text is valid UTF-8 (stored text must be; TOML requires it).
bool is_valid_utf8(std::string_view text);

// Display width in terminal columns, as a terminal draws it: CJK and emoji take two, combining
// marks and the parts of an emoji joined by U+200D none, tend's own colour sequences none.
std::size_t display_width(std::string_view text);

// The length in bytes of the longest start of text that fits in `width` columns, cut between
// characters (a combining mark stays with its letter).
std::size_t fitting_prefix(std::string_view text, std::size_t width);

// Shortens text to at most `width` columns, ending in "…" when it was cut.
std::string truncate_display(std::string_view text, std::size_t width);

// The width to fit lines to when standard output is a terminal: $COLUMNS when it is a positive
// number, else the terminal's own width, else 80. nullopt when it is not a terminal: piped
// output is never cut.
std::optional<std::size_t> terminal_columns(const Io& io);

}  // namespace tend
