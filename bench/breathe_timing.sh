#!/usr/bin/env bash
# breathe's timing against the real limit: with both cores kept busy, a bare absolute-deadline
# sleep loop (bench/deadline_loop.cpp) and `breathe` run side by side for the same phases, and
# the worst lateness of each (breathe's from its own record, worst_lateness_ms) is compared.
# breathe runs twice: plain (output piped) and on a terminal (script(1) gives it a pty, so it
# draws its progress bar and polls the keyboard between deadlines).
# Usage: bench/breathe_timing.sh [BUILD_DIR] [SECONDS] [ROUNDS]   (defaults: build, 20, 3)
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
build=${1:-build}
seconds=${2:-20}
rounds=${3:-3}
cmake --build "$build" --target breathe tend_deadline_loop >/dev/null
bin=$(cd "$build/bin" && pwd)
loop=$(cd "$build/bench" && pwd)/tend_deadline_loop

work=$(mktemp -d)
busy=()
cleanup() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export TEND_DATA_DIR="$work/data" TEND_CONFIG="$work/config.toml" TZ=${TZ:-Europe/London}
unset XDG_DATA_HOME XDG_CONFIG_HOME TEND_NOW NO_COLOR

# Phases of 0.5 s (a 0.5-0.5 pattern): many deadlines in a short run.
cycles=$((seconds))
phases=$((cycles * 2))
for _ in 1 2; do (while :; do :; done) & busy+=($!); done

# script(1)'s own input: a FIFO this shell holds open and never writes. From /dev/null, script
# passed the end of its input on as an end-of-file key, and breathe stopped at once (0.00 ms).
mkfifo "$work/keys"
exec {keys}<>"$work/keys"

printf '%-8s %12s %12s %12s %8s %8s\n' round bare_ms plain_ms tty_ms plain/b tty/b
for round in $(seq "$rounds"); do
  "$loop" 500 "$phases" >"$work/bare.json" &
  loop_pid=$!
  "$bin/breathe" --pattern 0.5-0.5 --cycles "$cycles" --no-settle --json 2>/dev/null >"$work/plain.json" &
  plain_pid=$!
  rm -rf "$work/tty"
  TERM=xterm script -qec "$bin/breathe --data-dir $work/tty --pattern 0.5-0.5 --cycles $cycles --no-settle" \
    /dev/null >/dev/null <&"$keys" &
  tty_pid=$!
  wait "$loop_pid" "$plain_pid" "$tty_pid"
  python3 - "$work" "$round" <<'PY'
import glob, json, os, sys, tomllib
work, round_ = sys.argv[1], sys.argv[2]
bare = json.load(open(os.path.join(work, "bare.json")))["worst_lateness_ms"]
plain = json.load(open(os.path.join(work, "plain.json")))["worst_lateness_ms"]
[path] = glob.glob(os.path.join(work, "tty", "devices", "*", "breathe", "*.toml"))  # this device's tree
[record] = tomllib.load(open(path, "rb"))["breathe"]
if record["interrupted"] or record["cycles"] != record["planned_cycles"]:
    sys.exit(f"bench: breathe on the pty stopped after {record['cycles']} of {record['planned_cycles']} cycles")
tty_ms = record["worst_lateness_ms"]
print(f"{round_:8} {bare:12.2f} {plain:12.2f} {tty_ms:12.2f} {plain / bare:8.2f} {tty_ms / bare:8.2f}")
PY
done
