// Colour decisions and the neutralising of control characters in user text.
#include "terminal.hpp"

#include <fmt/format.h>

#include <optional>

#include "error.hpp"

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
    for (std::size_t pos = 0; pos < text.size();) {
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
        const Utf8Char d = decode_utf8_at(text, pos);
        if (d.length == 0) return false;
        pos += d.length;
    }
    return true;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++width;
    return width;
}

std::string truncate_display(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    std::string out;
    std::size_t columns = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if ((c & 0xC0) != 0x80 && ++columns == width) break;
        out += static_cast<char>(c);
    }
    return out + "…";
}

}  // namespace tend
