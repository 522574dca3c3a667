// The strict JSON reader: a recursive descent over bytes, keeping line and column for messages.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "json_parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "error.hpp"
#include "terminal.hpp"

namespace tend {

namespace {

constexpr int max_depth = 64;

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

class Parser {
public:
    Parser(std::string_view text, std::string_view source, std::size_t first_line)
        : text_(text), source_(source), line_(first_line) {}

    JsonNode document() {
        skip_space();
        JsonNode value = parse_value(0);
        skip_space();
        if (pos_ != text_.size()) fail_here("more after the JSON value; a file holds one value");
        return value;
    }

private:
    [[noreturn]] void fail_at(std::size_t line, std::size_t column, std::string_view what) const {
        throw JsonError(source_, line, column, std::string(what));
    }
    [[noreturn]] void fail_here(std::string_view what) const { fail_at(line_, column(), what); }

    std::size_t column() const { return pos_ - line_start_ + 1; }
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    void skip_space() {
        while (!at_end()) {
            const char c = text_[pos_];
            if (c == '\n') {
                ++pos_;
                ++line_;
                line_start_ = pos_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
            } else {
                return;
            }
        }
    }

    void expect_word(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) fail_here("not a JSON value");
        pos_ += word.size();
    }

    JsonNode parse_value(int depth) {
        if (depth >= max_depth) fail_here("nested deeper than 64 levels");
        JsonNode node;
        node.line = line_;
        node.column = column();
        switch (peek()) {
            case '{':
                parse_object(node, depth);
                break;
            case '[':
                parse_array(node, depth);
                break;
            case '"':
                node.type = JsonNode::Type::string;
                node.text = parse_string();
                break;
            case 't':
                expect_word("true");
                node.type = JsonNode::Type::boolean;
                node.boolean = true;
                break;
            case 'f':
                expect_word("false");
                node.type = JsonNode::Type::boolean;
                break;
            case 'n':
                expect_word("null");
                break;
            default:
                if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
                    node.type = JsonNode::Type::number;
                    node.text = parse_number();
                    break;
                }
                fail_here(at_end() ? "the JSON ends where a value should be" : "not a JSON value");
        }
        return node;
    }

    void parse_object(JsonNode& node, int depth) {
        node.type = JsonNode::Type::object;
        ++pos_;
        skip_space();
        if (peek() == '}') {
            ++pos_;
            return;
        }
        for (;;) {
            skip_space();
            if (peek() != '"') fail_here("expected a key in double quotes");
            const std::size_t key_line = line_;
            const std::size_t key_column = column();
            std::string key = parse_string();
            const bool duplicate = std::any_of(node.members.begin(), node.members.end(),
                                               [&](const JsonMember& member) { return member.key == key; });
            if (duplicate) fail_at(key_line, key_column, fmt::format("key '{}' appears twice", neutralize(key)));
            skip_space();
            if (peek() != ':') fail_here("expected ':' after the key");
            ++pos_;
            skip_space();
            JsonNode value = parse_value(depth + 1);
            node.members.push_back({std::move(key), std::move(value)});
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == '}') {
                ++pos_;
                return;
            }
            fail_here("expected ',' or '}' in an object");
        }
    }

    void parse_array(JsonNode& node, int depth) {
        node.type = JsonNode::Type::array;
        ++pos_;
        skip_space();
        if (peek() == ']') {
            ++pos_;
            return;
        }
        for (;;) {
            skip_space();
            node.items.push_back(parse_value(depth + 1));
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == ']') {
                ++pos_;
                return;
            }
            fail_here("expected ',' or ']' in an array");
        }
    }

    std::string parse_number() {
        const std::size_t start = pos_;
        const auto digits = [&] {
            const std::size_t from = pos_;
            while (!at_end() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
            return pos_ - from;
        };
        if (peek() == '-') ++pos_;
        if (peek() == '0') {
            ++pos_;
            if (peek() >= '0' && peek() <= '9') fail_here("a number with a leading zero");
        } else if (digits() == 0) {
            fail_here("a '-' without digits");
        }
        if (peek() == '.') {
            ++pos_;
            if (digits() == 0) fail_here("a number needs digits after its '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (digits() == 0) fail_here("a number needs digits in its exponent");
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    unsigned hex4() {
        if (pos_ + 4 > text_.size()) fail_here("a \\u escape needs four hex digits");
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, value, 16);
        if (ec != std::errc{} || end != text_.data() + pos_ + 4) fail_here("a \\u escape needs four hex digits");
        pos_ += 4;
        return value;
    }

    char32_t escaped_code_point() {
        const unsigned first = hex4();
        if (first >= 0xDC00 && first <= 0xDFFF) fail_here("a \\u escape of a lone low surrogate");
        if (first < 0xD800 || first > 0xDBFF) return first;
        if (text_.substr(pos_, 2) != "\\u") fail_here("a high surrogate without its low half");
        pos_ += 2;
        const unsigned second = hex4();
        if (second < 0xDC00 || second > 0xDFFF) fail_here("a high surrogate without its low half");
        return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
    }

    std::string parse_string() {
        const std::size_t open_line = line_;
        const std::size_t open_column = column();
        ++pos_;  // the opening quote
        std::string out;
        for (;;) {
            if (at_end()) fail_at(open_line, open_column, "a string that is never closed");
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (c < 0x20) fail_here("a raw control character in a string; JSON needs it escaped");
            if (c == '\\') {
                ++pos_;
                const char e = peek();
                ++pos_;
                switch (e) {
                    case '"':
                    case '\\':
                    case '/':
                        out += e;
                        break;
                    case 'b':
                        out += '\b';
                        break;
                    case 'f':
                        out += '\f';
                        break;
                    case 'n':
                        out += '\n';
                        break;
                    case 'r':
                        out += '\r';
                        break;
                    case 't':
                        out += '\t';
                        break;
                    case 'u':
                        append_utf8(out, escaped_code_point());
                        break;
                    default:
                        --pos_;
                        fail_here("an unknown escape in a string");
                }
                continue;
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
                ++pos_;
                continue;
            }
            const Utf8Char u = decode_utf8_at(text_, pos_);
            if (u.length == 0) fail_here("bytes that are not UTF-8 in a string");
            out.append(text_.substr(pos_, u.length));
            pos_ += u.length;
        }
    }

    std::string_view text_;
    std::string_view source_;
    std::size_t pos_ = 0;
    std::size_t line_;
    std::size_t line_start_ = 0;
};

}  // namespace

JsonError::JsonError(std::string_view source, std::size_t line, std::size_t column, std::string what)
    : Error(Exit::data, fmt::format("{}:{}:{}: {}", source, line, column, what)),
      line_(line),
      column_(column),
      problem_(std::move(what)) {}

const JsonNode* JsonNode::get(std::string_view key) const {
    for (const auto& [name, value] : members)
        if (name == key) return &value;
    return nullptr;
}

bool JsonNode::is_integer() const {
    return type == Type::number && text.find_first_of(".eE") == std::string::npos;
}

std::optional<long long> json_integer(const JsonNode& node, long long min, long long max) {
    if (!node.is_integer()) return std::nullopt;
    long long value = 0;
    const auto [end, ec] = std::from_chars(node.text.data(), node.text.data() + node.text.size(), value);
    if (ec != std::errc{} || end != node.text.data() + node.text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

JsonNode parse_json(std::string_view text, std::string_view source, std::size_t first_line) {
    return Parser(text, source, first_line).document();
}

}  // namespace tend
