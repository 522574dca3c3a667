// What a guided exercise shows: one plain line per step when piped; on a terminal, each step's
// words printed once (so they stay on screen) over one line redrawn in place with the time left.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "breath_display.hpp"
#include "exercise.hpp"

namespace breathe {

// The words of each step, neutralised and with runs of white space (newlines too) made one
// space, so that a step is always one line when piped.
std::vector<std::string> plain_step_lines(const tend::Exercise& exercise);

// `text` broken at spaces into lines of at most `width` columns (a longer word stays whole).
std::vector<std::string> wrap_words(const std::string& text, std::size_t width);

class ExerciseDisplay : public Display {
public:
    ExerciseDisplay(std::ostream& out, std::vector<std::string> steps, TerminalLook look);
    Duration refresh() const override;
    void settle(int seconds_left) override;
    void phase_started(std::size_t step, int cycle) override;
    void progress(std::size_t step, Duration left, double fraction) override;
    void paused() override;
    void finished() override;
    bool ok() const override;

private:
    void draw(const std::string& text);
    std::size_t columns() const;

    std::ostream& out_;
    std::vector<std::string> steps_;
    TerminalLook look_;
};

}  // namespace breathe
