#!/usr/bin/env bash
# Times `prompt today` next to /bin/true and, when installed, fortune(6), with hyperfine, and
# prints the median of each. prompt runs against a year of prompt history and a shared seed,
# in the steady state of a shell rc: today's prompt already recorded, so each run reads only
# this month's history file. A second table adds a deck of the person's own (parsed at run time).
# Usage: bench/prompt.sh [BUILD_DIR]   (default: build)
set -euo pipefail
build=${1:-build}
bin=$(cd "$build/bin" && pwd)
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
fortune=$(command -v fortune || true)
[ -z "$fortune" ] && [ -x /usr/games/fortune ] && fortune=/usr/games/fortune

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TEND_DATA_DIR="$work/data" TEND_CONFIG="$work/config.toml" TZ=${TZ:-Europe/London}
unset XDG_DATA_HOME XDG_CONFIG_HOME TEND_NOW
printf '[prompt]\nseed = "our-words"\n' >"$TEND_CONFIG"

# A year of history: a prompt shown most evenings, some answered, ending yesterday.
python3 - "$TEND_DATA_DIR" <<'PY'
import datetime, os, random, sys
root = os.path.join(sys.argv[1], "prompt"); os.makedirs(root, mode=0o700, exist_ok=True)
alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; rng = random.Random(1)
today = datetime.date.today(); day = today - datetime.timedelta(days=365); files = {}
while day < today:
    idx = (day.year - 2000) * 12 + day.month - 1
    for event in ("shown", "answered") if rng.random() < 0.3 else ("shown",):
        rid = alphabet[idx // 32 % 32] + alphabet[idx % 32] + "".join(rng.choice(alphabet) for _ in range(3))
        at = f"{day.isoformat()}T21:00:00+00:00"
        text = 'prompt_text = "What helped today?"\ntext = "A walk, and tea."\n' if event == "answered" else ""
        files.setdefault(day.strftime("%Y-%m"), []).append(
            f'[[prompt]]\nid = "{rid}"\nat = {at}\nrecorded = {at}\nevent = "{event}"\n'
            f'prompt_id = "gentle-{rng.randint(1, 20):03}"\ndeck = "gentle"\n{text}')
    day += datetime.timedelta(days=1)
for month, blocks in files.items():
    with open(os.path.join(root, month + ".toml"), "w") as f: f.write("\n".join(blocks))
PY

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
