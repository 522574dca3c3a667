// Guided exercises (grounding, muscle relaxation, a body scan): timed steps, built in and the person's own.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace tend {

struct ExerciseStep {
    std::string text;
    std::chrono::milliseconds length;
};

// An exercise: steps shown one at a time, each for its own length.
struct Exercise {
    std::string name;
    std::string description;  // one line; may be empty for the person's own
    bool built_in = false;
    std::vector<ExerciseStep> steps;

    std::chrono::milliseconds length() const;  // all its steps
};

// The same exercise stretched or shortened to last about `minutes`, each step keeping its
// share (and at least a millisecond).
Exercise scaled_to(const Exercise& exercise, double minutes);

// The built-in exercises (data/exercises.toml, compiled in) and the person's own.
class ExerciseCatalog {
public:
    // The built-ins plus `own` (from [breathe.exercises] in the config); one of the person's own
    // with a built-in's name replaces it.
    static ExerciseCatalog load(const std::vector<Exercise>& own);
    // Parses catalog text in the exercises.toml format (for the built-ins and for tests).
    static ExerciseCatalog parse(std::string_view text, std::string_view source);

    const std::vector<Exercise>& exercises() const { return exercises_; }
    const Exercise* find(std::string_view name) const;
    // Throws a usage error naming `where` and pointing to `breathe --list` for an unknown name.
    const Exercise& resolve(std::string_view name, std::string_view where) const;

private:
    std::vector<Exercise> exercises_;
};

}  // namespace tend
