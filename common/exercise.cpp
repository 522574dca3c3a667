// Reading exercises from TOML (shipped and the person's own) and stretching them to a length.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exercise_toml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "error.hpp"
#include "record.hpp"
#include "rounding.hpp"
#include "terminal.hpp"

namespace tend {
namespace embedded {
extern const std::string_view exercises_toml;
}

using std::chrono::milliseconds;

namespace {

constexpr double shortest_step = 1, longest_step = 600, default_step = 20;
constexpr std::size_t longest_text = 1000, most_steps = 200;

[[noreturn]] void bad(std::string_view source, const toml::node& node, std::string_view where, std::string_view what) {
    fail_at(Exit::data, {std::string(source), node.source().begin.line, node.source().begin.column},
            fmt::format("{}: {}", where, what));
}

milliseconds step_seconds(std::string_view source, const toml::node& node, std::string_view where) {
    const auto value = node.value<double>();
    if (!node.is_number() || !value || !(*value >= shortest_step && *value <= longest_step))
        bad(source, node, where, "seconds must be a number from 1 to 600");
    return milliseconds{round_to_whole(*value * 1000)};
}

std::string step_text(std::string_view source, const toml::node& node, std::string_view where) {
    if (!node.is_string()) bad(source, node, where, "a step's text must be a string in quotes");
    const std::string& text = node.as_string()->get();
    if (text.find_first_not_of(" \t\n") == std::string::npos) bad(source, node, where, "a step's text is empty");
    if (text.size() > longest_text) bad(source, node, where, "a step's text is longer than 1000 bytes");
    return text;
}

}  // namespace

milliseconds Exercise::length() const {
    return std::accumulate(steps.begin(), steps.end(), milliseconds{0},
                           [](milliseconds sum, const ExerciseStep& s) { return sum + s.length; });
}

Exercise parse_exercise(const toml::table& table, std::string name, std::string_view source, std::string_view where) {
    Exercise exercise;
    exercise.name = std::move(name);
    milliseconds fallback{static_cast<long long>(default_step * 1000)};
    if (const toml::node* seconds = table.get("seconds")) fallback = step_seconds(source, *seconds, where);
    for (const auto& [key, value] : table) {
        const std::string_view k = key.str();
        if (k == "description") {
            if (!value.is_string()) bad(source, value, where, "description must be a string in quotes");
            exercise.description = value.as_string()->get();
        } else if (k != "seconds" && k != "steps" && k != "name") {
            bad(source, value, where,
                fmt::format("unknown key '{}' (an exercise has description, seconds and steps)", neutralize(k)));
        }
    }
    const toml::node* steps = table.get("steps");
    const toml::array* list = steps ? steps->as_array() : nullptr;
    if (!list || list->empty())
        bad(source, steps ? *steps : static_cast<const toml::node&>(table), where,
            "needs steps = [\"...\", ...], each a string or { text = \"...\", seconds = N }");
    if (list->size() > most_steps) bad(source, *steps, where, "has more than 200 steps");
    for (const auto& node : *list) {
        ExerciseStep step{{}, fallback};
        if (const toml::table* own = node.as_table()) {
            const toml::node* text = own->get("text");
            if (!text) bad(source, node, where, "a step needs a text");
            step.text = step_text(source, *text, where);
            for (const auto& [key, value] : *own) {
                if (key.str() == "seconds")
                    step.length = step_seconds(source, value, where);
                else if (key.str() != "text")
                    bad(source, value, where,
                        fmt::format("unknown key '{}' in a step (a step has text and seconds)", neutralize(key.str())));
            }
        } else {
            step.text = step_text(source, node, where);
        }
        exercise.steps.push_back(std::move(step));
    }
    return exercise;
}

Exercise scaled_to(const Exercise& exercise, double minutes) {
    Exercise scaled = exercise;
    const double total = static_cast<double>(exercise.length().count());
    const double wanted = minutes * 60'000.0;
    for (auto& step : scaled.steps)
        step.length = milliseconds{
            std::max<long long>(1, round_to_whole(static_cast<double>(step.length.count()) * wanted / total))};
    return scaled;
}

ExerciseCatalog ExerciseCatalog::parse(std::string_view text, std::string_view source) {
    const toml::table root = parse_toml_document(text, source);
    ExerciseCatalog catalog;
    const toml::array* entries = root["exercise"].as_array();
    if (!entries) fail(Exit::data, fmt::format("{}: no [[exercise]] tables", source));
    for (const auto& node : *entries) {
        const toml::table* table = node.as_table();
        if (!table) continue;
        const std::string name = (*table)["name"].value_or(std::string{});
        if (name.empty())
            fail_at(Exit::data, {std::string(source), table->source().begin.line}, "an [[exercise]] needs a name");
        Exercise exercise = parse_exercise(*table, name, source, name);
        exercise.built_in = true;
        catalog.exercises_.push_back(std::move(exercise));
    }
    return catalog;
}

ExerciseCatalog ExerciseCatalog::load(const std::vector<Exercise>& own) {
    ExerciseCatalog catalog = parse(embedded::exercises_toml, "exercises.toml");
    for (const Exercise& exercise : own) {
        auto same = std::find_if(catalog.exercises_.begin(), catalog.exercises_.end(),
                                 [&](const Exercise& e) { return e.name == exercise.name; });
        if (same != catalog.exercises_.end())
            *same = exercise;
        else
            catalog.exercises_.push_back(exercise);
    }
    return catalog;
}

const Exercise* ExerciseCatalog::find(std::string_view name) const {
    const auto it =
        std::find_if(exercises_.begin(), exercises_.end(), [&](const Exercise& e) { return e.name == name; });
    return it == exercises_.end() ? nullptr : &*it;
}

const Exercise& ExerciseCatalog::resolve(std::string_view name, std::string_view where) const {
    if (const Exercise* found = find(name)) return *found;
    std::string names;
    for (const auto& exercise : exercises_) names += (names.empty() ? "" : ", ") + neutralize(exercise.name);
    usage_error(fmt::format("{}: '{}' is not an exercise; there are {} ('breathe --list' shows them all)", where,
                            neutralize(name), names));
}

}  // namespace tend
