// round_to_whole against std::llround, halves and the edges of double precision included.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "rounding.hpp"

TEST_CASE("round_to_whole agrees with std::llround") {
    const double cases[] = {0.0,
                            -0.0,
                            0.5,
                            -0.5,
                            1.5,
                            2.5,
                            -2.5,
                            0.49999999999999994,
                            -0.49999999999999994,
                            599999.5,
                            1234.4999,
                            std::nextafter(0.5, 0.0),
                            std::nextafter(2.5, 3.0),
                            4503599627370495.5,  // 2^52 - 0.5, the last double with a half
                            4503599627370497.0,
                            9007199254740993.0,
                            -9.2e18};
    for (const double x : cases) {
        CAPTURE(x);
        CHECK(tend::round_to_whole(x) == std::llround(x));
    }
    for (int i = -20000; i <= 20000; ++i) {
        const double x = i / 16.0 + 0.001 * (i % 7);
        CAPTURE(x);
        CHECK(tend::round_to_whole(x) == std::llround(x));
    }
    static_assert(tend::round_to_whole(2.5) == 3 && tend::round_to_whole(-2.5) == -3);
}
