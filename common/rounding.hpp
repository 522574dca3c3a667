// Rounding to a whole number without libm, for code linked into every tool.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace tend {

// The nearest whole number, halves away from zero: std::llround's answer for every |x| < 2^63.
// std::llround lives in libm, and one call to it made every `prompt today` map libm.so and bind
// its symbols at start-up (bench/startup.sh) for a few milliseconds of an exercise step.
constexpr long long round_to_whole(double x) noexcept {
    auto whole = static_cast<long long>(x);              // toward zero
    const double rest = x - static_cast<double>(whole);  // exact: x and whole are less than 1 apart
    if (rest >= 0.5) {
        ++whole;
    } else if (rest <= -0.5) {
        --whole;
    }
    return whole;
}

}  // namespace tend
