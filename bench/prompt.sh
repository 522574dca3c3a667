#!/usr/bin/env bash
# Times `prompt today` next to /bin/true and, when installed, fortune(6), with hyperfine, and
# prints the median of each. prompt runs against a year of history (bench/make_history.py) and
# a shared seed, in the steady state of a shell rc: today's prompt already recorded, so each run
# reads only this month's prompt file (two around a month's turn). A second table adds a deck of
# the person's own (parsed at run time).
# Usage: bench/prompt.sh [BUILD_DIR]   (default: build)
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
build=${1:-build}
bin=$(cd "$build/bin" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
fortune=$(command -v fortune || true)
[ -z "$fortune" ] && [ -x /usr/games/fortune ] && fortune=/usr/games/fortune

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TEND_DATA_DIR="$work/data" TEND_CONFIG="$work/config.toml" TZ=${TZ:-Europe/London}
unset XDG_DATA_HOME XDG_CONFIG_HOME TEND_NOW
printf '[prompt]\nseed = "our-words"\n' >"$TEND_CONFIG"

# A year of history: a prompt shown most evenings, some answered, ending yesterday.
python3 "$here/make_history.py" "$TEND_DATA_DIR" --months 12 --end "$(date -d yesterday +%F)" >/dev/null

"$bin/prompt" today >/dev/null  # the first run of the day records it; every later run only reads

commands=('/bin/true' "$bin/prompt today")
[ -n "$fortune" ] && commands+=("$fortune")
hyperfine -N --warmup 30 --runs 500 --export-json "$work/today.json" "${commands[@]}"

mkdir -p "$TEND_DATA_DIR/decks"
python3 -c 'print("\n%\n".join(f"Own prompt number {i}: what would you like to ask?" for i in range(60)))' \
  >"$TEND_DATA_DIR/decks/ours.txt"
"$bin/prompt" today >/dev/null
hyperfine -N --warmup 30 --runs 300 --export-json "$work/own.json" "$bin/prompt today"

python3 - "$work/today.json" "$work/own.json" <<'PY'
import json, sys
print("\nmedians:")
for path, suffix in ((sys.argv[1], ""), (sys.argv[2], "  (plus a 60-prompt deck of your own)")):
    for r in json.load(open(path))["results"]:
        print(f"  {r['median'] * 1000:6.2f} ms  {r['command']}{suffix}")
PY
