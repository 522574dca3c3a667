// Colour decisions and the neutralising of control characters in user text.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "error.hpp"
#include "unicode_width.hpp"

namespace tend {

ColorWhen parse_color_when(std::string_view value) {
    if (value == "auto") return ColorWhen::auto_;
    if (value == "always") return ColorWhen::always;
    if (value == "never") return ColorWhen::never;
    usage_error(fmt::format("--color: '{}' is not one of auto, always, never", neutralize(value)));
}

bool use_color(ColorWhen when, bool stream_is_tty, const Io& io) {
    if (when == ColorWhen::always) return true;
    if (when == ColorWhen::never) return false;
    // no-color.org: NO_COLOR set to a non-empty value turns colour off.
    if (io.getenv_nonempty("NO_COLOR")) return false;
    if (io.getenv("TERM").value_or("") == "dumb") return false;
    return stream_is_tty;
}

std::string Style::wrap(std::string_view code, std::string_view text) const {
    if (!enabled_) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

// Rejects overlong forms, surrogates and values past U+10FFFF.
Utf8Char decode_utf8_at(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1Fu, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0Fu, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07u, minimum = 0x10000;
    } else {
        return {0, 0};
    }
    if (pos + length > text.size()) return {0, 0};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return {0, 0};
        value = (value << 6) | (byte(i) & 0x3Fu);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {0, 0};
    return {value, length};
}

bool is_bidi_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

std::string neutralize(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    const auto printable_ascii = [&](std::size_t at) {
        const auto byte = static_cast<unsigned char>(text[at]);
        return byte >= 0x20 && byte < 0x7F;
    };
    for (std::size_t pos = 0; pos < text.size();) {
        if (printable_ascii(pos)) {  // kept as it is, a run at a time: most of any note
            const std::size_t from = pos;
            while (pos < text.size() && printable_ascii(pos)) ++pos;
            out.append(text.substr(from, pos - from));
            continue;
        }
        const Utf8Char d = decode_utf8_at(text, pos);
        if (d.length == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[pos]));
            ++pos;
            continue;
        }
        const char32_t c = d.code_point;
        if ((c == '\n' || c == '\t') && keep_newlines) {
            out += static_cast<char>(c);
        } else if (c == '\n' || c == '\t') {
            out += ' ';
        } else if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        } else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
            out.append(text.substr(pos, d.length));
        }
        pos += d.length;
    }
    return out;
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {  // ASCII, most of any text here, at a byte a step
            ++pos;
            continue;
        }
        const Utf8Char d = decode_utf8_at(text, pos);
        if (d.length == 0) return false;
        pos += d.length;
    }
    return true;
}

int code_point_width(char32_t c) {
    const WidthRange* end = width_ranges + width_range_count;
    // The first range ending at or after c; c is in it when it starts at or before c.
    const WidthRange* range =
        std::lower_bound(width_ranges, end, c, [](const WidthRange& r, char32_t value) { return r.last < value; });
    return range != end && range->first <= c ? range->width : 1;
}

namespace {

constexpr char32_t zero_width_joiner = 0x200D;

// One step through text as a terminal draws it: the bytes of the next code point (or of a whole
// CSI escape sequence such as tend's own colours, which take no columns) and their width.
// A code point after a zero width joiner is drawn into the emoji before it: no columns.
struct Step {
    std::size_t length;
    std::size_t width;
};
Step next_step(std::string_view text, std::size_t pos, bool after_joiner) {
    if (text[pos] == '\x1b' && pos + 1 < text.size() && text[pos + 1] == '[') {
        std::size_t end = pos + 2;
        while (end < text.size() && !(text[end] >= 0x40 && text[end] <= 0x7e)) ++end;
        return {std::min(end + 1, text.size()) - pos, 0};
    }
    const Utf8Char d = decode_utf8_at(text, pos);
    if (d.length == 0) return {1, 1};  // an invalid byte, shown as one replacement character
    if (after_joiner) return {d.length, 0};
    return {d.length, static_cast<std::size_t>(code_point_width(d.code_point))};
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    bool after_joiner = false;
    for (std::size_t pos = 0; pos < text.size();) {
        if (const auto c = static_cast<unsigned char>(text[pos]); c >= 0x20 && c < 0x7F && !after_joiner) {
            ++width;  // printable ASCII is one column: no table look-up for most of a note
            ++pos;
            continue;
        }
        const Step step = next_step(text, pos, after_joiner);
        after_joiner = decode_utf8_at(text, pos).code_point == zero_width_joiner && step.length == 3;
        width += step.width;
        pos += step.length;
    }
    return width;
}

std::size_t fitting_prefix(std::string_view text, std::size_t width) {
    // A wide character that would cross the edge stays out; the marks and joined emoji that
    // follow a kept character stay with it.
    std::size_t columns = 0, pos = 0;
    bool after_joiner = false;
    while (pos < text.size()) {
        const Step step = next_step(text, pos, after_joiner);
        if (columns + step.width > width) break;
        after_joiner = decode_utf8_at(text, pos).code_point == zero_width_joiner && step.length == 3;
        columns += step.width;
        pos += step.length;
    }
    return pos;
}

std::string truncate_display(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    return std::string(text.substr(0, fitting_prefix(text, width - 1))) + "…";  // "…" takes one column
}

std::optional<std::size_t> terminal_columns(const Io& io) {
    if (!io.out_tty) return std::nullopt;
    if (auto columns = io.getenv_nonempty("COLUMNS")) {
        std::size_t value = 0;
        const auto [end, ec] = std::from_chars(columns->data(), columns->data() + columns->size(), value);
        if (ec == std::errc() && end == columns->data() + columns->size() && value > 0) return value;
    }
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace tend
