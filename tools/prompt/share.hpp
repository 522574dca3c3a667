// prompt and the couple's folder: sharing an answer, withdrawing it, and a partner's answers revealed fairly.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "couple.hpp"
#include "record.hpp"
#include "session.hpp"
#include "time.hpp"

namespace prompt {

// Says, after a person answered or skipped a prompt, that their partner shared an answer to it
// too and how to see it. Never blocks: a couple's folder in trouble is one warning.
void note_partner_answers(const tend::Session& session, std::string_view prompt_id);

// Who chose to tell the other that they are passing on the shared prompt `prompt_id` on `day`
// (`prompt pass`), by the day of each pass in its own zone: this person's [couple] name, and
// their partners'. Never blocks: without a folder nobody passed, and trouble is one warning.
struct DayPasses {
    bool yours = false;
    std::vector<std::string> partners;  // their [couple] names as they wrote them, sorted
};
DayPasses passes_on(const tend::Session& session, std::string_view prompt_id, tend::LocalDay day);

}  // namespace prompt
