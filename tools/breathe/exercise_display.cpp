// Drawing an exercise: the step's words, wrapped once, and a line below them counting down.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exercise_display.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace breathe {
namespace {

constexpr const char* clear_line = "\r\x1b[2K";
constexpr std::size_t widest_text = 72, widest_bar = 20;

}  // namespace

std::vector<std::string> plain_step_lines(const tend::Exercise& exercise) {
    std::vector<std::string> lines;
    for (const auto& step : exercise.steps) {
        std::string line;
        for (char c : tend::neutralize(step.text, true)) {
            const bool space = c == ' ' || c == '\n' || c == '\t';
            if (space && (line.empty() || line.back() == ' ')) continue;
            line += space ? ' ' : c;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<std::string> wrap_words(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t space = text.find(' ', from);
        const std::string word = text.substr(from, space == std::string::npos ? std::string::npos : space - from);
        from = space == std::string::npos ? text.size() : space + 1;
        if (word.empty()) continue;
        if (!line.empty() && tend::display_width(line) + 1 + tend::display_width(word) > width) {
            lines.push_back(std::move(line));
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

ExerciseDisplay::ExerciseDisplay(std::ostream& out, std::vector<std::string> steps, TerminalLook look)
    : out_(out), steps_(std::move(steps)), look_(std::move(look)) {}

Duration ExerciseDisplay::refresh() const {
    return std::chrono::milliseconds{250};
}

std::size_t ExerciseDisplay::columns() const {
    return look_.columns ? look_.columns() : 80;
}

void ExerciseDisplay::draw(const std::string& text) {
    out_ << clear_line << text << std::flush;
}

void ExerciseDisplay::settle(int seconds_left) {
    constexpr std::string_view words = "Get comfortable, the first step comes in";
    if (words.size() + 5 < columns())
        draw(fmt::format("  {} {}", look_.style.dim(words), seconds_left));
    else
        draw(fmt::format("  {}", seconds_left));
}

void ExerciseDisplay::phase_started(std::size_t step, int) {
    // The words stay on screen above the countdown; a blank line sets each step apart.
    out_ << clear_line << '\n';
    const std::size_t width = std::max<std::size_t>(20, std::min(widest_text, columns() > 3 ? columns() - 3 : 0));
    for (const auto& line : wrap_words(steps_.at(step), width)) out_ << "  " << look_.style.bold(line) << '\n';
    if (look_.bell) out_ << '\a';
    progress(step, Duration::zero(), 0.0);
}

void ExerciseDisplay::progress(std::size_t step, Duration left, double fraction) {
    const std::string counter = fmt::format("step {} of {}", step + 1, steps_.size());
    std::string line = "  " + look_.style.dim(counter);
    const std::size_t bar_width =
        std::min(widest_bar, columns() > counter.size() + 16 ? columns() - counter.size() - 16 : 0);
    if (bar_width > 0) {
        const auto full =
            static_cast<std::size_t>(std::lround(std::clamp(fraction, 0.0, 1.0) * static_cast<double>(bar_width)));
        std::string bar;
        for (std::size_t i = 0; i < bar_width; ++i)
            bar += i < full ? (look_.unicode ? "█" : "#") : (look_.unicode ? "░" : ".");
        line += "  " + look_.style.cyan(bar);
    }
    if (left > Duration::zero())
        line += fmt::format("  {:>3}s", std::max<long long>(1, std::chrono::ceil<std::chrono::seconds>(left).count()));
    draw(line);
}

void ExerciseDisplay::paused() {
    constexpr std::string_view hint = "space goes on (this step starts again), n moves on, q stops";
    if (hint.size() + 12 < columns())
        draw(fmt::format("  {}  {}", look_.style.bold("paused"), look_.style.dim(hint)));
    else
        draw(fmt::format("  {}", look_.style.bold("paused")));
}

void ExerciseDisplay::finished() {
    out_ << clear_line << std::flush;
}

bool ExerciseDisplay::ok() const {
    return static_cast<bool>(out_);
}

}  // namespace breathe
