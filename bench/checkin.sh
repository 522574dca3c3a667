#!/usr/bin/env bash
# Times checkin next to /bin/true with hyperfine: startup (--version), one write, and a list.
# Usage: bench/checkin.sh [BUILD_DIR]   (default: build)
set -euo pipefail
build=${1:-build}
bin=$(cd "$build/bin" && pwd)
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TEND_DATA_DIR="$work/data" TEND_CONFIG="$work/config.toml" TZ=${TZ:-Europe/London}
unset XDG_DATA_HOME XDG_CONFIG_HOME

# A year of history (two check-ins a day) so list and write run against a realistic data dir.
python3 - "$TEND_DATA_DIR" <<'PY'
import os, sys, random, datetime
root = os.path.join(sys.argv[1], "checkin"); os.makedirs(root, mode=0o700, exist_ok=True)
alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; rng = random.Random(1)
day = datetime.date(2025, 11, 1); files = {}
while day < datetime.date(2026, 11, 1):
    for hour in (9, 21):
        at = f"{day.isoformat()}T{hour:02}:00:00+00:00"
        idx = (day.year - 2000) * 12 + day.month - 1
        rid = alphabet[idx // 32 % 32] + alphabet[idx % 32] + "".join(rng.choice(alphabet) for _ in range(3))
        files.setdefault(day.strftime("%Y-%m"), []).append(
            f'[[checkin]]\nid = "{rid}"\nat = {at}\nrecorded = {at}\nmood = {rng.randint(0, 10)}\n'
            f'feelings = ["tired"]\ntags = ["work"]\nnote = "a day like any other"\n')
    day += datetime.timedelta(days=1)
for month, blocks in files.items():
    with open(os.path.join(root, month + ".toml"), "w") as f: f.write("\n".join(blocks))
PY

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
