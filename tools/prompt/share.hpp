// prompt and the couple's folder: sharing an answer, withdrawing it, and a partner's answers revealed fairly.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "couple.hpp"
#include "record.hpp"
#include "session.hpp"

namespace prompt {

// Says, after a person answered or skipped a prompt, that their partner shared an answer to it
// too and how to see it. Never blocks: a couple's folder in trouble is one warning.
void note_partner_answers(const tend::Session& session, std::string_view prompt_id);

}  // namespace prompt
