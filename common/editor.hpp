// Long free text from $VISUAL or $EDITOR, kept out of shell history and out of /tmp.
#pragma once

#include <string>
#include <string_view>

#include "session.hpp"

namespace tend {

// Opens $VISUAL, else $EDITOR, else vi, on a private temp file in the data directory
// (0600, removed afterwards) holding `initial`, and returns what was saved, with lines
// starting with '#' dropped and trailing blank lines trimmed. Needs a terminal on stdin:
// without one it is a usage error naming `flag` and the alternatives.
std::string edit_text(const Session& session, std::string_view flag, std::string_view initial);

}  // namespace tend
