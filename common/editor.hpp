// Long free text from $VISUAL or $EDITOR, kept out of shell history and out of /tmp.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include "session.hpp"

namespace tend {

// The editor to run: $VISUAL, else $EDITOR, else sensible-editor when it is on $PATH (Debian's
// way to honour the system's choice), else vi.
std::string editor_command(const Io& io);

// Opens editor_command() on a private temp file in the data directory
// (0600, removed afterwards) holding `initial`, and returns what was saved, with lines
// starting with '#' dropped and trailing blank lines trimmed. Needs a terminal on stdin:
// without one it is a usage error naming `flag` and the alternatives.
std::string edit_text(const Session& session, std::string_view flag, std::string_view initial);

}  // namespace tend
