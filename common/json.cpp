// JSON output shared by every tool's --json.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "json.hpp"

#include <fmt/format.h>

#include <cmath>

#include "terminal.hpp"

namespace tend {

Json& Json::set(std::string key, Json value) {
    std::get<std::shared_ptr<Object>>(value_)->emplace_back(std::move(key), std::move(value));
    return *this;
}

Json& Json::push(Json value) {
    std::get<std::shared_ptr<Array>>(value_)->push_back(std::move(value));
    return *this;
}

std::string Json::dump(JsonStyle style) const {
    std::string out;
    write(out, style, 0);
    return out;
}

void Json::write(std::string& out, const JsonStyle& style, int depth) const {
    const auto newline = [&](int level) {
        if (!style.pretty) return;
        out += '\n';
        out.append(static_cast<std::size_t>(level) * 2, ' ');
    };
    if (std::holds_alternative<std::nullptr_t>(value_)) {
        out += "null";
    } else if (const bool* b = std::get_if<bool>(&value_)) {
        out += *b ? "true" : "false";
    } else if (const auto* i = std::get_if<std::int64_t>(&value_)) {
        out += fmt::format("{}", *i);
    } else if (const double* d = std::get_if<double>(&value_)) {
        out += std::isfinite(*d) ? fmt::format("{}", *d) : "null";
    } else if (const auto* s = std::get_if<std::string>(&value_)) {
        out += json_quote(*s);
    } else if (const auto* t = std::get_if<OffsetTime>(&value_)) {
        out += json_quote(format_rfc3339(*t, style.times));
    } else if (const auto* a = std::get_if<std::shared_ptr<Array>>(&value_)) {
        if ((*a)->empty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (std::size_t k = 0; k < (*a)->size(); ++k) {
            if (k) out += ',';
            newline(depth + 1);
            (**a)[k].write(out, style, depth + 1);
        }
        newline(depth);
        out += ']';
    } else if (const auto* o = std::get_if<std::shared_ptr<Object>>(&value_)) {
        if ((*o)->empty()) {
            out += "{}";
            return;
        }
        out += '{';
        for (std::size_t k = 0; k < (*o)->size(); ++k) {
            if (k) out += ',';
            newline(depth + 1);
            out += json_quote((**o)[k].first);
            out += style.pretty ? ": " : ":";
            (**o)[k].second.write(out, style, depth + 1);
        }
        newline(depth);
        out += '}';
    }
}

std::string json_quote(std::string_view text) {
    std::string out = "\"";
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const auto c = static_cast<unsigned char>(text[pos]);
        switch (c) {
            case '"':
                out += "\\\"";
                continue;
            case '\\':
                out += "\\\\";
                continue;
            case '\n':
                out += "\\n";
                continue;
            case '\t':
                out += "\\t";
                continue;
            case '\r':
                out += "\\r";
                continue;
            default:
                break;
        }
        if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            // Copy a whole valid sequence, or substitute U+FFFD for a stray byte.
            std::size_t length = 1;
            while (pos + length < text.size() && length < 4 &&
                   (static_cast<unsigned char>(text[pos + length]) & 0xC0) == 0x80)
                ++length;
            const std::string_view sequence = text.substr(pos, length);
            if (is_valid_utf8(sequence)) {
                out.append(sequence);
                pos += length - 1;
            } else {
                out += "\\ufffd";
            }
        }
    }
    return out + "\"";
}

namespace {

Json node_to_json(const toml::node& node) {
    if (auto s = node.as_string()) return Json(s->get());
    if (auto i = node.as_integer()) return Json(i->get());
    if (auto f = node.as_floating_point()) return Json(f->get());
    if (auto b = node.as_boolean()) return Json(b->get());
    if (auto d = node.as_date_time())
        return Json(from_toml(d->get()));  // whole seconds: the fraction a hand edit may hold is dropped
    if (auto a = node.as_array()) {
        Json array = Json::array();
        for (const auto& item : *a) array.push(node_to_json(item));
        return array;
    }
    return Json();
}

}  // namespace

Json record_to_json(const Record& record, const RecordFormat& format) {
    Json object = Json::object();
    // Every key of the kind, null when the record has no value for it: one shape per kind.
    const auto emit = [&](std::string_view key) {
        const toml::node* node = record.get(key);
        object.set(std::string(key), node ? node_to_json(*node) : Json(nullptr));
    };
    for (const auto& spec : stamped_fields()) emit(spec.name);
    for (const auto& spec : format.fields) emit(spec.name);
    return object;
}

}  // namespace tend
