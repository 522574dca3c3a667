#!/usr/bin/env bash
# Times report with hyperfine on 20 years of history against 1 month of it: `report --week last`
# should cost the same on both (it reads only the months it needs), and `report --from` the first
# day of the 20 years shows what a report over everything costs; `report --week last` over the
# same 20 years written on three devices (a data directory synced between three machines, each
# record on one of them) should cost the same as one device's one month too. Prints the medians and the ratios.
# Usage: bench/report.sh [BUILD_DIR]   (default: build)
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
. "$(dirname "$0")/setup.sh" "$@"

first=$(python3 "$here/make_history.py" "$work/20y" --years 20 --end 2026-11-21)
python3 "$here/make_history.py" "$work/1m" --months 1 --end 2026-11-21 >/dev/null
python3 "$here/make_history.py" "$work/3dev" --years 20 --end 2026-11-21 --device machine --devices 3 >/dev/null
# The remembered listing keeps only directories unchanged for over 2 s (a sync engine may still
# be writing them), so a real data directory's steady state needs histories at least that old.
sleep 3

hyperfine -N --warmup 10 --runs 100 --export-json "$work/week.json" \
  -n "week last, 20 years" "$bin/report --data-dir $work/20y --week last" \
  -n "week last, 1 month" "$bin/report --data-dir $work/1m --week last" \
  -n "week last, 3 devices x 20 years" "$bin/report --data-dir $work/3dev --week last"
hyperfine -N --warmup 2 --runs 10 --export-json "$work/all.json" \
  -n "from $first, 20 years" "$bin/report --data-dir $work/20y --from $first"

python3 - "$work/week.json" "$work/all.json" <<'PY'
import json, sys
results = [r for path in sys.argv[1:] for r in json.load(open(path))["results"]]
median = {r["command"]: r["median"] * 1000 for r in results}
for name, ms in median.items():
    print(f"{name:32} median {ms:8.2f} ms")
ratio = median["week last, 20 years"] / median["week last, 1 month"]
print(f"{'week last: 20 years / 1 month':32} ratio  {ratio:8.2f}")
ratio = median["week last, 3 devices x 20 years"] / median["week last, 1 month"]
print(f"{'week last: 3 devices / 1 month':32} ratio  {ratio:8.2f}")
PY
