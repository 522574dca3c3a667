#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz and runs each for SECONDS
# (default 60) on a copy of its corpus; fails if any target finds a crash or broken invariant.
# Usage: tests/fuzz/run.sh [SECONDS]
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build-fuzz
targets=(fuzz_human_time fuzz_pattern fuzz_deck fuzz_record_reader fuzz_import fuzz_month_parse)

mkdir -p "$build"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DTEND_FUZZ=ON -DBUILD_TESTING=OFF > "$build/configure.log" ||
  { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j2 --target "${targets[@]}"

runs=$build/runs
rm -rf "$runs"

# One target on a copy of its corpus, so that what the run discovers does not flood the
# committed corpus. The targets run side by side: CI's time is bounded by SECONDS, not 5 x SECONDS.
run_target() {
  local target=$1 dir=$runs/$1 dict=()
  mkdir -p "$dir/artifacts"
  cp -r "$root/tests/fuzz/corpus/$target" "$dir/corpus"
  case $target in
    fuzz_human_time) ;;
    fuzz_import) dict=(-dict="$root/tests/fuzz/import.dict") ;;
    *) dict=(-dict="$root/tests/fuzz/toml.dict") ;;
  esac
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    "$build/fuzz/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 \
    -artifact_prefix="$dir/artifacts/" "${dict[@]}" "$dir/corpus" > "$dir/log" 2>&1
}

started=$(date +%s)
declare -A pids
for target in "${targets[@]}"; do
  run_target "$target" &
  pids[$target]=$!
done
failed=()
for target in "${targets[@]}"; do
  dir=$runs/$target
  status=0
  wait "${pids[$target]}" || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
  if (( status == 0 )); then
    echo "fuzz: $target: ${executions:-?} executions in ${seconds} s, no crash"
  else
    echo "fuzz: $target: FAILED (exit $status) after ${executions:-?} executions" >&2
    grep -E -A12 'fuzz invariant broken|ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|runtime error' "$dir/log" | head -40 >&2 || true
    echo "fuzz: $target: log $dir/log; input in $dir/artifacts/" >&2
    failed+=("$target")
  fi
done
echo "fuzz: all targets ran side by side in $(( $(date +%s) - started )) s"
if (( ${#failed[@]} )); then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
