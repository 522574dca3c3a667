#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Times checkin import with hyperfine: 10 years of daily Daylio rows (3,650) into an empty data
# dir and again into the same (everything already there), then tend's own round trip on 20 years
# of history (report --export, checkin import tend into an empty dir). Prints the medians.
# Usage: bench/import.sh [BUILD_DIR]   (default: build)
set -euo pipefail
. "$(dirname "$0")/setup.sh" "$@"

# A Daylio export as the app writes it: newest first, 12-hour times, text fields quoted.
python3 - "$work/daylio.csv" <<'PY'
import datetime, sys
moods = ["rad", "good", "meh", "bad", "awful"]
acts = ["work", "movies / tv", "bad sleep", "family", "nature / walk", "eat out", "friends"]
first = datetime.date(2016, 11, 22)
rows = []
for i in range(3650):
    day = first + datetime.timedelta(days=i)
    hour, minute = 18 + i % 5, (i * 7) % 60
    clock = f"{(hour + 11) % 12 + 1}:{minute:02} {'am' if hour < 12 else 'pm'}"
    chosen = " | ".join(acts[(i + k) % len(acts)] for k in range(i % 4))
    note = f"A note for day {i}, with <br>a second line" if i % 3 == 0 else ""
    rows.append(f'{day.isoformat()},{day.day} {day:%B},{day:%A},{clock},{moods[i % 5]},"{chosen}","","{note}"')
with open(sys.argv[1], "w") as f:
    f.write("full_date,date,weekday,time,mood,activities,note_title,note\n" + "\n".join(reversed(rows)) + "\n")
PY
python3 "$here/make_history.py" "$work/20y" --years 20 --end 2026-11-21 >/dev/null
"$bin/report" --data-dir "$work/20y" --export -o "$work/20y.jsonl"
"$bin/checkin" --data-dir "$work/again" import daylio "$work/daylio.csv" --quiet

hyperfine -N --warmup 2 --runs 20 --export-json "$work/import.json" \
  --prepare "rm -rf $work/fresh" -n "daylio, 3650 rows, empty data dir" \
  "$bin/checkin --data-dir $work/fresh import daylio $work/daylio.csv --quiet" \
  -n "daylio, 3650 rows, all already there" "$bin/checkin --data-dir $work/again import daylio $work/daylio.csv --quiet"
hyperfine -N --warmup 1 --runs 10 --export-json "$work/tend.json" \
  -n "report --export, 20 years" "$bin/report --data-dir $work/20y --export -o $work/out.jsonl" \
  --prepare "rm -rf $work/restored" -n "import tend, 20 years, empty data dir" \
  "$bin/checkin --data-dir $work/restored import tend $work/20y.jsonl --quiet"

python3 - "$work/import.json" "$work/tend.json" "$work/20y.jsonl" <<'PY'
import json, sys
records = sum(1 for _ in open(sys.argv[3]))
print(f"\nmedians ({records} records in 20 years):")
for path in sys.argv[1:3]:
    for r in json.load(open(path))["results"]:
        print(f"  {r['median'] * 1000:8.1f} ms  {r['command']}")
PY
