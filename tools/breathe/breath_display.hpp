// What breathe shows: one plain line per phase when piped, one animated line on a terminal.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "pacer.hpp"
#include "terminal.hpp"

namespace breathe {

// How full the bar is, 0 to 1, `fraction` of the way through phase `index`: it fills on the
// inhale (and the top-up after it), stays full while holding in, drains on the exhale and
// stays empty while holding out.
double breath_level(const std::vector<tend::BreathPhase>& phases, std::size_t index, double fraction);

// "inhale 4s", "top up 1s", "hold 7s", "exhale 5.5s": a phase as one plain line, no newline.
std::string plain_phase_line(const tend::BreathPhase& phase);

// The animated line's text, without the carriage return and clear: phase word, whole
// seconds left (rounded up) and a bar `bar_width` cells wide, Unicode blocks or ASCII.
std::string render_phase_line(const tend::BreathPhase& phase, Duration left, double level, std::size_t bar_width,
                              bool unicode, const tend::Style& style);

// One line per phase (or per exercise step), flushed as it starts; nothing else, no control
// characters at all.
class PlainDisplay : public Display {
public:
    PlainDisplay(std::ostream& out, const std::vector<tend::BreathPhase>& phases);
    // Exactly these lines, one per phase or step.
    PlainDisplay(std::ostream& out, std::vector<std::string> lines);
    Duration refresh() const override { return Duration::zero(); }
    void settle(int seconds_left) override;
    void phase_started(std::size_t phase, int cycle) override;
    void progress(std::size_t, Duration, double) override {}
    void paused() override;
    void finished() override {}
    bool ok() const override;

private:
    std::ostream& out_;
    std::vector<std::string> lines_;
    bool settling_shown_ = false;
};

struct TerminalLook {
    bool bell = false;    // BEL once when breathing in, twice when breathing out
    bool unicode = true;  // block characters for the bar, else ASCII
    tend::Style style{false};
    std::function<std::size_t()> columns;  // the terminal's width now
};

// One line redrawn in place ("\r", clear line) several times a second. The cursor itself is
// hidden and shown again by the terminal guard, not here.
class TerminalDisplay : public Display {
public:
    TerminalDisplay(std::ostream& out, std::vector<tend::BreathPhase> phases, TerminalLook look);
    Duration refresh() const override;
    void settle(int seconds_left) override;
    void phase_started(std::size_t phase, int cycle) override;
    void progress(std::size_t phase, Duration left, double fraction) override;
    void paused() override;
    void finished() override;
    bool ok() const override;

private:
    void draw(const std::string& text);
    std::size_t bar_width() const;
    bool fits(std::size_t text_width) const;

    std::ostream& out_;
    std::vector<tend::BreathPhase> phases_;
    TerminalLook look_;
    int pending_bells_ = 0;  // the exhale's second bell rings on the next redraw, so both are heard
};

}  // namespace breathe
