#!/usr/bin/env bash
# Start-up against its floor: one hyperfine call times a trivial C++ program built and linked the
# way tend is (the tend_floor target, bench/floor.cpp), every tool's --version, `prompt today`
# (also with a 60-prompt deck of the person's own), `checkin list --since mon` and
# `report --week last` against a year of history, and fortune(6) and `timew --version` where they
# are installed. Prints each median as a ratio to the floor, to fortune and to timew, all from
# that one run. A second call times one check-in written to an empty store next to
# `timew track` on an empty database (every fsync kept, both fresh before each run).
# Usage: bench/startup.sh [BUILD_DIR] [RUNS]   (defaults: build, 300)
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
build=${1:-build}
runs=${2:-300}
here=$(cd "$(dirname "$0")" && pwd)
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
cmake --build "$build" --target tend_floor checkin prompt breathe boundary-log report >/dev/null
bin=$(cd "$build/bin" && pwd)
floor=$(cd "$build/bench" && pwd)/tend_floor

fortune=$(command -v fortune || true)
[ -z "$fortune" ] && [ -x /usr/games/fortune ] && fortune=/usr/games/fortune
timew=$(command -v timew || true)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TEND_DATA_DIR="$work/data" TEND_CONFIG="$work/config.toml" TZ=${TZ:-Europe/London}
unset XDG_DATA_HOME XDG_CONFIG_HOME TEND_NOW NO_COLOR
printf '[prompt]\nseed = "our-words"\n' >"$TEND_CONFIG"

# A year of history up to yesterday, in the steady state of a shell rc: today's prompt is
# already recorded, so each run only reads.
python3 "$here/make_history.py" "$TEND_DATA_DIR" --months 12 --end "$(date -d yesterday +%F)" >/dev/null
cp -a "$TEND_DATA_DIR" "$work/deck"
mkdir -p "$work/deck/decks"
python3 -c 'print("\n%\n".join(f"Own prompt number {i}: what would you like to ask?" for i in range(60)))' \
  >"$work/deck/decks/ours.txt"
"$bin/prompt" today >/dev/null
"$bin/prompt" --data-dir "$work/deck" today >/dev/null

commands=(-n floor "$floor")
for tool in checkin breathe prompt boundary-log report; do commands+=(-n "$tool --version" "$bin/$tool --version"); done
commands+=(-n "prompt today" "$bin/prompt today"
  -n "prompt today, 60-prompt deck" "$bin/prompt --data-dir $work/deck today"
  -n "checkin list --since mon" "$bin/checkin list --since mon"
  -n "report --week last" "$bin/report --week last")
[ -n "$fortune" ] && commands+=(-n fortune "$fortune")
[ -n "$timew" ] && commands+=(-n "timew --version" "$timew --version")
hyperfine -N --style basic --warmup 30 --runs "$runs" --export-json "$work/startup.json" "${commands[@]}" >&2

writes=(-n "checkin 5 (empty store)" "$bin/checkin 5 --quiet --data-dir $work/write/tend")
if [ -n "$timew" ]; then
  writes+=(-n "timew track (empty db)" "env TIMEWARRIORDB=$work/write/timew $timew track 2026-11-20T09:00 - 2026-11-20T10:00 work")
fi
hyperfine -N --style basic --warmup 10 --runs $((runs / 3)) --export-json "$work/write.json" \
  --prepare "sh -c 'rm -rf $work/write && mkdir -p $work/write/timew/data && touch $work/write/timew/timewarrior.cfg'" \
  "${writes[@]}" >&2

python3 - "$work/startup.json" "$work/write.json" <<'PY'
import json, sys
def medians(path):
    return {r["command"]: r["median"] * 1000 for r in json.load(open(path))["results"]}
start, write = medians(sys.argv[1]), medians(sys.argv[2])
refs = [name for name in ("floor", "fortune", "timew --version") if name in start]
print(f"{'':32} {'median':>9}" + "".join(f" {'/ ' + r:>17}" for r in refs))
for name, ms in start.items():
    print(f"{name:32} {ms:7.2f}ms" + "".join(f" {ms / start[r]:17.2f}" for r in refs))
print()
for name, ms in write.items():
    print(f"{name:32} {ms:7.2f}ms")
if len(write) == 2:
    a, b = write.values()
    print(f"{'checkin write / timew track':32} {a / b:9.2f}")

# Issue 16's goals, each a ratio from the runs above.
goals = [(f"{tool} --version", "timew --version", 1.0) for tool in ("checkin", "breathe", "prompt", "boundary-log", "report")]
goals += [("prompt today", "floor", 1.15), ("prompt today", "fortune", 0.55),
          ("prompt today, 60-prompt deck", "fortune", 0.55)]
print()
for name, ref, limit in goals:
    if name in start and ref in start:
        ratio = start[name] / start[ref]
        print(f"goal {name} <= {limit} x {ref}: {ratio:.2f} {'holds' if ratio <= limit else 'DOES NOT HOLD'}")
if len(write) == 2:
    print(f"goal checkin write <= 1.3 x timew track: {a / b:.2f} {'holds' if a / b <= 1.3 else 'DOES NOT HOLD'}")
PY
