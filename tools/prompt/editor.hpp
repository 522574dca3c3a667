// Writing longer text in the person's own editor ($VISUAL, then $EDITOR, then vi).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "io.hpp"

namespace prompt {

// Opens a private temp file in `dir` (0600, in the 0700 data directory, so an answer never
// lands in a shared /tmp) holding `comment` as '#' lines under an empty first line, runs the
// editor on it, and returns what was written with the '#' lines left out and the ends trimmed.
// The file is removed whatever happens. An editor that fails ends with Exit::failure.
std::string edit_text(const tend::Io& io, const std::filesystem::path& dir, std::string_view comment);

// Lines starting with '#' left out, leading and trailing blank space trimmed.
std::string strip_comments(std::string_view text);

}  // namespace prompt
