// Checked text and back-dating times for every tool's flags.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "input.hpp"

#include <fmt/format.h>

#include <istream>
#include <iterator>

#include "error.hpp"
#include "terminal.hpp"

namespace tend {

std::string checked_text(std::string text, std::string_view flag) {
    if (!is_valid_utf8(text)) usage_error(fmt::format("{}: not valid UTF-8 text; tend stores text as UTF-8", flag));
    if (text.size() > max_text_bytes) usage_error(fmt::format("{}: longer than 1 MiB", flag));
    return text;
}

std::string typed_text(const Session& session, const std::string& value, std::string_view flag) {
    if (value != "-") return checked_text(value, flag);
    if (session.io.in_tty) session.note("Type it, then Ctrl-D on a line of its own:");
    std::string text;
    // Read two bytes past the limit, so that an endless stream cannot exhaust memory and a
    // final line break dropped below cannot hide text that went on past the limit.
    std::istreambuf_iterator<char> in(session.io.in), end;
    for (; in != end && text.size() <= max_text_bytes + 1; ++in) text += *in;
    if (text.ends_with('\n')) text.pop_back();
    return checked_text(std::move(text), flag);
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

Instant past_time(const Session& session, const std::string& when, std::string_view flag, std::string_view why_past) {
    const Instant at = parse_human_time(when, flag, session.now, session.zone, DayMeaning::moment);
    // Nothing tend records happened before 1970, and years before 1 are not dates other TOML
    // readers (Python's among them) can read back.
    if (at < Instant{})
        usage_error(fmt::format("{}: {} is further back than tend goes; give a time from 1970 on", flag,
                                format_local_minutes(session.zone.to_local(at))));
    if (at > session.now + std::chrono::minutes{1})
        usage_error(fmt::format("{}: {} is in the future; {}", flag, format_local_minutes(session.zone.to_local(at)),
                                why_past));
    return at;
}

}  // namespace tend
