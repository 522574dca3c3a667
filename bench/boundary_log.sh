#!/usr/bin/env bash
# Times `boundary-log list` with hyperfine on 20 years of history against 1 month of it, in one
# run: what is active now is worked out from every boundary record, so this shows what a long
# history costs the everyday command. Prints the medians and the ratio (the goal is 1.1 or less).
# Usage: bench/boundary_log.sh [BUILD_DIR]   (default: build)
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
. "$(dirname "$0")/setup.sh" "$@"

python3 "$here/make_history.py" "$work/20y" --years 20 --end 2026-11-21 >/dev/null
python3 "$here/make_history.py" "$work/1m" --months 1 --end 2026-11-21 >/dev/null
# list remembers what it folded (in the user's cache) only from files unchanged for over 2 s.
sleep 3

hyperfine -N --warmup 10 --runs 100 --export-json "$work/list.json" \
  -n "list, 20 years" "$bin/boundary-log --data-dir $work/20y list" \
  -n "list, 1 month" "$bin/boundary-log --data-dir $work/1m list"

python3 - "$work/list.json" <<'PY'
import json, sys
median = {r["command"]: r["median"] * 1000 for r in json.load(open(sys.argv[1]))["results"]}
for name, ms in median.items():
    print(f"{name:32} median {ms:8.2f} ms")
print(f"{'list: 20 years / 1 month':32} ratio  {median['list, 20 years'] / median['list, 1 month']:8.2f}")
PY
