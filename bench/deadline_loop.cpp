// The limit breathe is measured against: a bare loop sleeping to absolute steady-clock
// deadlines (clock_nanosleep, TIMER_ABSTIME), printing its worst lateness and its drift.
// Usage: tend_deadline_loop PHASE_MS PHASES
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    const std::chrono::milliseconds phase{std::atol(argv[1])};
    const long phases = std::atol(argv[2]);
    using clock = std::chrono::steady_clock;
    const auto origin = clock::now();
    clock::duration worst{};
    auto woke = origin;
    for (long k = 1; k <= phases; ++k) {
        const auto deadline = origin + phase * k;  // computed, never accumulated
        const auto since = deadline.time_since_epoch();
        const auto secs = std::chrono::duration_cast<std::chrono::seconds>(since);
        const timespec when{static_cast<time_t>(secs.count()),
                            static_cast<long>(std::chrono::nanoseconds(since - secs).count())};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, nullptr) != 0) {
        }
        woke = clock::now();
        worst = std::max(worst, woke - deadline);
    }
    const auto drift = (woke - origin) - phase * phases;
    std::printf("{\"worst_lateness_ms\": %.3f, \"drift_ms\": %.3f}\n",
                std::chrono::duration<double, std::milli>(worst).count(),
                std::chrono::duration<double, std::milli>(drift).count());
    return 0;
}
