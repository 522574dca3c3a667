// The grounding line shown when distress reaches the person's threshold.
#pragma once

#include <iosfwd>

#include "config.hpp"

namespace tend {

// Writes a short, kind grounding message: try `breathe`, then the person's own words,
// contacts and crisis line from [safety]. Never blocks, never contacts anyone.
void print_grounding_line(std::ostream& err, const SafetyConfig& safety);

}  // namespace tend
