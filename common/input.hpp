// Text and times a person gives on the command line, checked the same way by every tool.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include "session.hpp"

namespace tend {

// The most text tend takes in one field.
inline constexpr std::size_t max_text_bytes = 1 << 20;

// Text as given: `value`, or standard input read to its end when `value` is "-" (one
// final line break dropped). Usage error naming `flag` for invalid UTF-8 or more than 1 MiB.
std::string typed_text(const Session& session, const std::string& value, std::string_view flag);

// The same checks for text from elsewhere (a terminal question, an editor).
std::string checked_text(std::string text, std::string_view flag);

// Text without leading and trailing white space.
std::string trimmed(std::string_view text);

// A time a person typed for --at: any form parse_human_time takes, but not more than a
// minute in the future (usage error naming `flag`, ending with `why_past`).
Instant past_time(const Session& session, const std::string& when, std::string_view flag, std::string_view why_past);

}  // namespace tend
