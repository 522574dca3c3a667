#!/usr/bin/env bash
# Times checkin next to /bin/true with hyperfine: startup (--version), one write, and a list.
# Usage: bench/checkin.sh [BUILD_DIR]   (default: build)
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
build=${1:-build}
bin=$(cd "$build/bin" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TEND_DATA_DIR="$work/data" TEND_CONFIG="$work/config.toml" TZ=${TZ:-Europe/London}
unset XDG_DATA_HOME XDG_CONFIG_HOME

# A year of history up to yesterday (one or two check-ins most days, and the other kinds), so
# list and write run against a realistic data dir.
python3 "$here/make_history.py" "$TEND_DATA_DIR" --months 12 --end "$(date -d yesterday +%F)" >/dev/null

hyperfine -N --warmup 20 --runs 300 --export-json "$work/startup.json" \
  '/bin/true' "$bin/checkin --version"
hyperfine -N --warmup 10 --runs 200 --export-json "$work/use.json" \
  "$bin/checkin 6 --feel tired --tag work --note 'long day' --quiet" \
  "$bin/checkin list --since mon"

python3 - "$work/startup.json" "$work/use.json" <<'PY'
import json, sys
print("\nmedians:")
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        print(f"  {r['median'] * 1000:6.2f} ms  {r['command']}")
PY
