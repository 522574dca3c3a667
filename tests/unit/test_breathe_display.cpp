// What breathe draws: plain phase lines, the animated line, the bar's level, the bells.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "breath_display.hpp"
#include "breathing_pattern.hpp"
#include "test_breathe_fakes.hpp"

namespace breathe::test {
namespace {

std::vector<tend::BreathPhase> phases(std::string_view spec) {
    return tend::parse_breathing_spec(spec, "test", tend::Exit::usage).phases;
}

std::size_t count(std::string_view text, std::string_view part) {
    std::size_t n = 0;
    for (auto pos = text.find(part); pos != std::string_view::npos; pos = text.find(part, pos + part.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("the bar fills on the inhale, stays full holding in, drains on the exhale, stays empty holding out") {
    const auto box = phases("4-4-4-4");
    CHECK(breath_level(box, 0, 0.0) == doctest::Approx(0.0));
    CHECK(breath_level(box, 0, 0.5) == doctest::Approx(0.5));
    CHECK(breath_level(box, 0, 1.0) == doctest::Approx(1.0));
    CHECK(breath_level(box, 1, 0.3) == doctest::Approx(1.0));
    CHECK(breath_level(box, 2, 0.25) == doctest::Approx(0.75));
    CHECK(breath_level(box, 3, 0.6) == doctest::Approx(0.0));
}

TEST_CASE("with a top-up the inhale fills its share of the bar and the top-up the rest") {
    const auto sigh = phases("3+1-0-6-0");
    CHECK(breath_level(sigh, 0, 1.0) == doctest::Approx(0.75));
    CHECK(breath_level(sigh, 1, 0.0) == doctest::Approx(0.75));
    CHECK(breath_level(sigh, 1, 1.0) == doctest::Approx(1.0));
    CHECK(breath_level(sigh, 2, 0.5) == doctest::Approx(0.5));
}

TEST_CASE("a plain phase line is the word and the seconds") {
    const auto sigh = phases("2+1-0-5.5-1");
    CHECK(plain_phase_line(sigh[0]) == "inhale 2s");
    CHECK(plain_phase_line(sigh[1]) == "top up 1s");
    CHECK(plain_phase_line(sigh[2]) == "exhale 5.5s");
    CHECK(plain_phase_line(sigh[3]) == "hold 1s");
}

TEST_CASE("the animated line shows the phase, whole seconds left rounded up, and the bar") {
    const auto calm = phases("4-0-6-0");
    const tend::Style plain(false);
    const std::string line = render_phase_line(calm[0], std::chrono::milliseconds{2'100}, 0.5, 10, false, plain);
    CHECK(line == "  inhale   3s  [#####.....]");
    CHECK(render_phase_line(calm[1], std::chrono::milliseconds{6'000}, 1.0, 4, true, plain) == "  exhale   6s  ▕████▏");
    CHECK(render_phase_line(calm[1], std::chrono::milliseconds{1}, 0.0, 0, true, plain) == "  exhale   1s  ");
    const std::string coloured = render_phase_line(calm[0], std::chrono::seconds{4}, 0.0, 4, true, tend::Style(true));
    CHECK(coloured.find("\x1b[1m") != std::string::npos);
}

TEST_CASE("the plain display prints one flushed line per phase and no control characters at all") {
    FakeClock clock;
    std::ostringstream out;
    PlainDisplay display(out, phases("0.2-0-0.2-0"));
    NoKeys keys;
    run_session(Plan{phases("0.2-0-0.2-0"), 3, 3}, clock, keys, {}, display);
    CHECK(out.str() == "settle 3s\ninhale 0.2s\nexhale 0.2s\ninhale 0.2s\nexhale 0.2s\ninhale 0.2s\nexhale 0.2s\n");
    const std::string text = out.str();
    CHECK(std::none_of(text.begin(), text.end(),
                       [](char c) { return c != '\n' && static_cast<unsigned char>(c) < 0x20; }));
}

TEST_CASE("the terminal display redraws one line in place and rings once to breathe in, twice to breathe out") {
    FakeClock clock;
    std::ostringstream out;
    TerminalDisplay display(out, phases("1-0-1-0"), TerminalLook{true, true, tend::Style(false), [] { return 80; }});
    NoKeys keys;
    run_session(Plan{phases("1-0-1-0"), 2, 0}, clock, keys, {}, display);
    const std::string text = out.str();
    CHECK(count(text, "\a") == 2 * (1 + 2));
    CHECK(text.find('\n') == std::string::npos);
    CHECK(count(text, "\r\x1b[2K") >= 2 * 2 * 9);  // about ten redraws a second
    CHECK(text.find("inhale") != std::string::npos);
    CHECK(text.find("exhale") != std::string::npos);
    CHECK(text.ends_with("\r\x1b[2K"));  // the line is cleared at the end
    // The exhale's two bells are apart (on different redraws), so both are heard.
    CHECK(text.find("\a\a") == std::string::npos);
}

TEST_CASE("no bell without --bell, and the bar shrinks or goes on a narrow terminal") {
    FakeClock clock;
    std::ostringstream out;
    std::size_t columns = 30;
    TerminalDisplay display(out, phases("1-1"),
                            TerminalLook{false, false, tend::Style(false), [&] { return columns; }});
    NoKeys keys;
    run_session(Plan{phases("1-1"), 1, 0}, clock, keys, {}, display);
    CHECK(out.str().find('\a') == std::string::npos);
    CHECK(out.str().find("[##########]") != std::string::npos);  // 30 columns: a 10-cell bar
    std::ostringstream narrow;
    columns = 12;
    TerminalDisplay small(narrow, phases("1-1"),
                          TerminalLook{false, false, tend::Style(false), [&] { return columns; }});
    small.phase_started(0, 0);
    small.paused();
    CHECK(narrow.str().find(']') == std::string::npos);
    CHECK(narrow.str().find("space to go on") == std::string::npos);
}

TEST_CASE("the paused line says how to go on and how to stop") {
    std::ostringstream out;
    TerminalDisplay display(out, phases("1-1"), TerminalLook{false, true, tend::Style(false), [] { return 100; }});
    display.paused();
    CHECK(out.str() == "\r\x1b[2K  paused  space to go on (from the in-breath), q to stop");
}

}  // namespace breathe::test
