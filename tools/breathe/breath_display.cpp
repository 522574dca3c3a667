// Drawing a session: plain phase lines, and the animated line with its filling and draining bar.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "breath_display.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace breathe {
using tend::BreathPhase;
using tend::PhaseKind;

namespace {

constexpr const char* clear_line = "\r\x1b[2K";
constexpr std::size_t widest_bar = 30;
// "  inhale   4s  " and the bar's two ends.
constexpr std::size_t text_columns = 18;

long long seconds_left(Duration left) {
    return std::max<long long>(1, std::chrono::ceil<std::chrono::seconds>(left).count());
}

}  // namespace

double breath_level(const std::vector<BreathPhase>& phases, std::size_t index, double fraction) {
    std::chrono::milliseconds inhale{0}, top_up{0};
    for (const auto& phase : phases) {
        if (phase.kind == PhaseKind::inhale) inhale = phase.length;
        if (phase.kind == PhaseKind::top_up) top_up = phase.length;
    }
    // With a top-up, the first inhale fills the bar in proportion and the top-up the rest.
    const double share = static_cast<double>(inhale.count()) / static_cast<double>((inhale + top_up).count());
    fraction = std::clamp(fraction, 0.0, 1.0);
    switch (phases.at(index).kind) {
        case PhaseKind::inhale:
            return fraction * share;
        case PhaseKind::top_up:
            return share + fraction * (1.0 - share);
        case PhaseKind::hold_in:
            return 1.0;
        case PhaseKind::exhale:
            return 1.0 - fraction;
        case PhaseKind::hold_out:
            return 0.0;
    }
    return 0.0;
}

std::string plain_phase_line(const BreathPhase& phase) {
    return fmt::format("{} {}s", tend::phase_word(phase.kind), tend::format_seconds(phase.length));
}

std::string render_phase_line(const BreathPhase& phase, Duration left, double level, std::size_t bar_width,
                              bool unicode, const tend::Style& style) {
    const auto full =
        static_cast<std::size_t>(std::lround(std::clamp(level, 0.0, 1.0) * static_cast<double>(bar_width)));
    std::string bar;
    for (std::size_t i = 0; i < bar_width; ++i) bar += i < full ? (unicode ? "█" : "#") : (unicode ? "░" : ".");
    const std::string word = fmt::format("{:<7}", tend::phase_word(phase.kind));
    std::string line = fmt::format("  {} {:>2}s  ", style.bold(word), seconds_left(left));
    if (bar_width > 0) line += unicode ? "▕" + style.cyan(bar) + "▏" : "[" + style.cyan(bar) + "]";
    return line;
}

PlainDisplay::PlainDisplay(std::ostream& out, const std::vector<BreathPhase>& phases) : out_(out) {
    for (const auto& phase : phases) lines_.push_back(plain_phase_line(phase));
}

PlainDisplay::PlainDisplay(std::ostream& out, std::vector<std::string> lines) : out_(out), lines_(std::move(lines)) {}

void PlainDisplay::settle(int seconds_left) {
    if (settling_shown_) return;
    settling_shown_ = true;
    out_ << "settle " << seconds_left << "s\n" << std::flush;
}

void PlainDisplay::phase_started(std::size_t phase, int) {
    out_ << lines_.at(phase) << '\n' << std::flush;
}

void PlainDisplay::paused() {
    out_ << "paused\n" << std::flush;
}

bool PlainDisplay::ok() const {
    return static_cast<bool>(out_);
}

TerminalDisplay::TerminalDisplay(std::ostream& out, std::vector<BreathPhase> phases, TerminalLook look)
    : out_(out), phases_(std::move(phases)), look_(std::move(look)) {}

Duration TerminalDisplay::refresh() const {
    return std::chrono::milliseconds{100};
}

std::size_t TerminalDisplay::bar_width() const {
    const std::size_t columns = look_.columns ? look_.columns() : 80;
    if (columns <= text_columns + 2) return 0;
    return std::min(widest_bar, columns - text_columns - 2);
}

void TerminalDisplay::draw(const std::string& text) {
    out_ << clear_line << text;
    if (pending_bells_ > 0) {
        out_ << '\a';
        --pending_bells_;
    }
    out_ << std::flush;
}

bool TerminalDisplay::fits(std::size_t text_width) const {
    return !look_.columns || text_width < look_.columns();
}

void TerminalDisplay::settle(int seconds_left) {
    constexpr std::string_view words = "Get comfortable, breathing starts in";
    if (fits(words.size() + 5))
        draw(fmt::format("  {} {}", look_.style.dim(words), seconds_left));
    else
        draw(fmt::format("  {}", seconds_left));
}

void TerminalDisplay::phase_started(std::size_t phase, int) {
    const BreathPhase& current = phases_.at(phase);
    if (look_.bell) {
        if (current.kind == PhaseKind::inhale || current.kind == PhaseKind::top_up) out_ << '\a';
        if (current.kind == PhaseKind::exhale) out_ << '\a', pending_bells_ = 1;
    }
    draw(render_phase_line(current, current.length, breath_level(phases_, phase, 0.0), bar_width(), look_.unicode,
                           look_.style));
}

void TerminalDisplay::progress(std::size_t phase, Duration left, double fraction) {
    draw(render_phase_line(phases_.at(phase), left, breath_level(phases_, phase, fraction), bar_width(), look_.unicode,
                           look_.style));
}

void TerminalDisplay::paused() {
    constexpr std::string_view hint = "space to go on (from the in-breath), q to stop";
    if (fits(hint.size() + 10))
        draw(fmt::format("  {}  {}", look_.style.bold("paused"), look_.style.dim(hint)));
    else
        draw(fmt::format("  {}", look_.style.bold("paused")));
}

void TerminalDisplay::finished() {
    out_ << clear_line << std::flush;
}

bool TerminalDisplay::ok() const {
    return static_cast<bool>(out_);
}

}  // namespace breathe
