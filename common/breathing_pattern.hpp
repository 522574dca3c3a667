// Breathing patterns: the "in-hold-out-hold" spec, the built-ins and the person's own, for breathe and report.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "error.hpp"

namespace tend {

enum class PhaseKind { inhale, top_up, hold_in, exhale, hold_out };

// The word a person sees: inhale, top up, hold, exhale, hold.
std::string_view phase_word(PhaseKind kind);

struct BreathPhase {
    PhaseKind kind;
    std::chrono::milliseconds length;
};

// A breathing pattern. The spec is IN[+TOPUP]-HOLD-OUT-HOLD in seconds, 2 to 4 numbers:
// "5.5-5.5" is in-out, "4-7-8" is in-hold-out, "4-4-4-4" all four; "2+1-0-6-0" breathes in
// for 2 s, tops up with a second, shorter inhale of 1 s, then breathes out for 6 s (the
// physiological sigh). Each phase is 0 to 30 s with up to 3 decimals; in and out are above 0.
struct BreathingPattern {
    std::string name;         // "calm", a name from the config, or the spec itself when typed as numbers
    std::string spec;         // canonical form: numbers written shortest, "4-0-6-0", "5.5-5.5"
    std::string description;  // one line; empty for a typed spec
    bool built_in = false;
    int default_cycles = 0;           // breaths when no length is asked for (patterns.toml `cycles`); 0: by minutes
    std::vector<BreathPhase> phases;  // one breath in order, phases of length zero left out

    std::chrono::milliseconds cycle() const;  // one whole breath
    double breaths_per_minute() const;
    // A hold of 4 s or more, which can leave someone lightheaded: `breathe --list` says so.
    bool has_long_hold() const;
};

// Parses a spec. Throws Error(code) reading "<where>: '<spec>': <what is wrong>".
BreathingPattern parse_breathing_spec(std::string_view spec, std::string_view where, Exit code);

// "4", "5.5", "0.25": seconds written shortest.
std::string format_seconds(std::chrono::milliseconds length);

// The built-in patterns (data/patterns.toml, compiled in) and the person's own.
class PatternCatalog {
public:
    // The built-ins plus [breathe.patterns] from the config. A config pattern that does not
    // parse is left out, and a [breathe] pattern that names nothing leaves calm the default:
    // each is a problem naming the config file and the pattern, for the tool to warn about,
    // because a config mistake must never stop someone breathing. A config pattern with a
    // built-in's name replaces it.
    static PatternCatalog load(const BreatheConfig& config, const std::filesystem::path& config_file);
    // Parses catalog text in the patterns.toml format (for the built-ins and for tests).
    static PatternCatalog parse(std::string_view text, std::string_view source);

    const std::vector<BreathingPattern>& patterns() const { return patterns_; }
    const BreathingPattern* find(std::string_view name) const;

    // A name or a spec. Throws Error(code) "<where>: ..." naming what is wrong: an unknown
    // name points to `breathe --list`, a bad spec says which number and why.
    BreathingPattern resolve(std::string_view text, std::string_view where, Exit code = Exit::usage) const;

    // The pattern a session uses when none is given: [breathe] pattern, else calm.
    const BreathingPattern& default_pattern() const { return default_; }

    // What load() left out, as "file: [breathe.patterns] name: what is wrong".
    const std::vector<std::string>& problems() const { return problems_; }

private:
    std::vector<std::string> problems_;
    std::vector<BreathingPattern> patterns_;
    BreathingPattern default_;
};

}  // namespace tend
