// The grounding line shown when distress reaches the person's threshold.
#pragma once

#include <iosfwd>

#include "config.hpp"

namespace tend {

// Whether the grounding message suggests `breathe`: not right after a breathing session.
enum class OfferBreathing { yes, no };

// Writes a short, kind grounding message: the person's own words, `breathe` (unless they have
// just breathed), contacts and crisis line from [safety]. Never blocks, never contacts anyone.
void print_grounding_line(std::ostream& err, const SafetyConfig& safety, OfferBreathing offer = OfferBreathing::yes);

}  // namespace tend
