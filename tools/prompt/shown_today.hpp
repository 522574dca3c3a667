// Remembering that the prompt of the day was recorded as shown, so that the day's later runs
// of `prompt today` (a shell rc starts one in every new shell) read no month file.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string_view>

#include "time.hpp"

namespace prompt {

// Whether the memo says the prompt `id` was recorded as shown on `day`, and no device's
// prompt file of that month has changed since (same inode, size, mtime and ctime), nor has the
// list of devices. Any doubt (no memo, another day or prompt, a file changed, added or gone,
// an unreadable memo) is false: the caller then reads the records as it always did.
bool remembered_shown(const std::filesystem::path& data_dir, tend::LocalDay day, std::string_view id);

// Writes the memo after the shown record was found or appended. Best effort: the memo is a
// shortcut, never the record of anything, so a failure to write it changes nothing else.
void remember_shown(const std::filesystem::path& data_dir, tend::LocalDay day, std::string_view id) noexcept;

}  // namespace prompt
