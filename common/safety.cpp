// Grounding text: written by tend, filled in with the person's own contacts.
#include "safety.hpp"

#include <ostream>

#include "terminal.hpp"

namespace tend {

void print_grounding_line(std::ostream& err, const SafetyConfig& safety, OfferBreathing offer) {
    err << "\nThat sounds like a lot to carry right now. You don't have to sort it out alone.\n";
    if (!safety.message.empty()) err << "  " << neutralize(safety.message) << '\n';
    if (offer == OfferBreathing::yes)
        err << "  A few slow breaths can help: try `breathe`.\n";
    else
        err << "  It's all right to rest a while before doing anything else.\n";
    for (const auto& contact : safety.contacts) err << "  Someone you can reach: " << neutralize(contact) << '\n';
    if (!safety.crisis_line.empty()) err << "  Your crisis line: " << neutralize(safety.crisis_line) << '\n';
    if (safety.contacts.empty() && safety.crisis_line.empty())
        err << "  You can keep the people and crisis line you'd want here under [safety] in your config (man 5 "
               "tend).\n";
}

}  // namespace tend
