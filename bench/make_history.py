#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic history of all four record kinds, as month files the tools themselves would write.

Check-ins (most days, one or two), breathing sessions, boundaries with their events, and prompts
shown, answered, skipped and kept, day by day up to an end date. The bytes follow tend(5) exactly
as checkin, breathe, boundary-log and prompt write them: the file's header comment, one
[[kind]] table per record in the tools' key order, in DATA_DIR/devices/DEVICE/KIND/ (or, with
--old-layout, DATA_DIR/KIND/ as tend wrote before devices), ids of two month characters, the device's
tag and three random ones (unique in their file; no tag in the old layout), `at` and `recorded` in
RFC 3339 with the local UTC offset.
Deterministic: the same arguments give the same bytes. Directories 0700, files 0600.

Usage: bench/make_history.py DATA_DIR [--years N | --months N] [--end YYYY-MM-DD] [--tz ZONE] [--seed N]
                             [--device NAME | --old-layout]
"""

import argparse
import datetime
import os
import random
import sys
from zoneinfo import ZoneInfo

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base 32, lower case
FEELINGS = ["calm", "tired", "hopeful", "tense", "content", "lonely", "grateful", "irritable", "safe", "sad"]
TAGS = ["work", "home", "family", "sleep", "therapy", "weekend"]
NOTES = ["a quiet day", "long day at work", "we talked after dinner", "slept badly", "a walk in the rain helped"]
PATTERNS = [("calm", "4-0-6-0", 10.0), ("box", "4-4-4-4", 16.0), ("4-7-8", "4-7-8-0", 19.0),
            ("coherent", "5.5-0-5.5-0", 11.0)]
TYPES = ["emotional", "time", "physical", "digital", "material"]
WORDINGS = ["I leave the room when voices are raised", "No work calls after nine", "Knock before coming in",
            "I take an hour to myself on Sundays", "We do not read each other's messages",
            "I say no to extra shifts without explaining"]
EVENTS = ["held"] * 6 + ["tested"] * 3 + ["crossed", "violated", "repaired", "renegotiated"]
PROMPTS = [("feedback-014", "feedback",
            "What helps you come back to a hard conversation after you needed a break from it?"),
           ("appreciation-003", "appreciation", "What did your partner do this week that you were glad of?"),
           ("solo-021", "solo", "Where in your body do you notice calm, when it comes?"),
           ("repair-008", "repair", "What would a good repair look like after our last argument?")]
ANSWERS = ["Time to breathe first, then a walk together.", "The tea in the morning.", "My shoulders drop.",
           "Saying sorry out loud, and meaning it."]


def month_code(year, month):
    index = (year - 2000) * 12 + month - 1
    wrapped = index % 1024
    return ALPHABET[wrapped // 32] + ALPHABET[wrapped % 32]


def device_tag(name):
    """The id character of a device, as common/device.cpp makes it (FNV-1a of the name)."""
    value = 2166136261
    for byte in name.encode():
        value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return ALPHABET[value % len(ALPHABET)]


def rfc3339(moment):
    return moment.isoformat(timespec="seconds")  # 2026-11-21T19:10:00+00:00


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, datetime.datetime):
        return rfc3339(value)
    return toml_string(value)


class History:
    def __init__(self, roots, rng):
        self.roots = roots  # [(directory, id tag)]: each record goes to one of them, dealt at random
        self.rng = rng
        self.files = {}  # (kind, "YYYY-MM") -> [blocks]
        self.ids = {}  # (kind, "YYYY-MM") -> ids taken

    def add(self, kind, at, fields, recorded_after=0):
        root, tag = self.roots[0] if len(self.roots) == 1 else self.rng.choice(self.roots)
        month = f"{at.year:04}-{at.month:02}"
        taken = self.ids.setdefault((kind, month), set())
        key = (root, kind, month)
        while True:
            rid = month_code(at.year, at.month) + tag + "".join(self.rng.choice(ALPHABET) for _ in range(3))
            if rid not in taken:
                break
        taken.add(rid)
        recorded = at + datetime.timedelta(seconds=recorded_after)
        lines = [f"[[{kind}]]", f'id = "{rid}"', f"at = {rfc3339(at)}", f"recorded = {rfc3339(recorded)}"]
        lines += [f"{name} = {toml_value(value)}" for name, value in fields if value is not None]
        self.files.setdefault(key, []).append("\n".join(lines) + "\n")

    def write(self, data_dir):
        trees = [root for root, _ in self.roots if root != data_dir]
        for path in [data_dir] + ([os.path.join(data_dir, "devices")] if trees else []) + trees:
            os.makedirs(path, mode=0o700, exist_ok=True)
            os.chmod(path, 0o700)
        for (root, kind, month), blocks in sorted(self.files.items()):
            directory = os.path.join(root, kind)
            os.makedirs(directory, mode=0o700, exist_ok=True)
            os.chmod(directory, 0o700)
            header = f"# tend {kind} records for {month}: one [[{kind}]] table each, described in tend(5).\n\n"
            path = os.path.join(directory, f"{month}.toml")
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(header + "\n".join(blocks))
            os.chmod(path, 0o600)


def local(day, hour, minute, zone):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def one_day(history, day, zone, rng, boundaries):
    events = []  # (at, kind, fields, recorded_after), written in time order
    for hour in (8, 21) if rng.random() < 0.6 else (21,) if rng.random() < 0.8 else ():
        at = local(day, hour, rng.randrange(60), zone)
        mood = rng.randint(2, 9)
        fields = [("mood", mood), ("energy", rng.randint(1, 9)), ("anxiety", rng.randint(0, 8))]
        if rng.random() < 0.4:
            fields += [("closeness", rng.randint(2, 10)), ("safety", rng.randint(3, 10))]
        if rng.random() < 0.7:
            fields.append(("feelings", rng.sample(FEELINGS, rng.randint(1, 3))))
        if rng.random() < 0.5:
            fields.append(("tags", rng.sample(TAGS, rng.randint(1, 2))))
        if rng.random() < 0.3:
            fields.append(("note", rng.choice(NOTES)))
        events.append((at, "checkin", fields, 0))
    if rng.random() < 0.35:
        name, spec, cycle = rng.choice(PATTERNS)
        cycles = rng.choice([3, 6, 10, 20])
        interrupted = rng.random() < 0.1
        done = rng.randint(1, cycles - 1) if interrupted else cycles
        seconds = round(done * cycle + rng.random() * 0.05, 3)
        rated = rng.random() < 0.6
        before = rng.randint(3, 9) if rated else None
        after = max(0, before - rng.randint(0, 4)) if rated else None
        fields = [("pattern", name), ("spec", spec), ("planned_cycles", cycles), ("cycles", done),
                  ("seconds", seconds), ("interrupted", interrupted), ("before", before), ("after", after),
                  ("worst_lateness_ms", round(rng.random() * 3, 2))]
        events.append((local(day, 22, rng.randrange(60), zone), "breathe", fields, int(seconds) + 1))
    # Boundaries: now and then a new one; most days an event on an active one.
    if not boundaries["active"] or rng.random() < 0.004:
        boundaries["next"] += 1
        number = boundaries["next"]
        boundaries["active"].append(number)
        fields = [("event", "added"), ("boundary", number), ("text", rng.choice(WORDINGS)),
                  ("type", rng.choice(TYPES)), ("with", "partner"), ("hard", rng.random() < 0.3)]
        events.append((local(day, 7, 30, zone), "boundary", fields, 0))
    elif rng.random() < 0.3:
        number = rng.choice(boundaries["active"])
        event = rng.choice(EVENTS)
        if len(boundaries["active"]) > 3 and rng.random() < 0.05:
            event = "retired"
            boundaries["active"].remove(number)
        fields = [("event", event), ("boundary", number)]
        if event == "renegotiated":
            fields.append(("text", rng.choice(WORDINGS)))
        elif rng.random() < 0.5:
            fields.append(("intensity", rng.randint(1, 8)))
        if rng.random() < 0.3:
            fields.append(("note", rng.choice(NOTES)))
        events.append((local(day, 19, rng.randrange(60), zone), "boundary", fields, 0))
    # Prompts: the prompt of the day shown most evenings, then answered, skipped or kept.
    if rng.random() < 0.8:
        at = local(day, 20, rng.randrange(30), zone)
        which = rng.randrange(len(PROMPTS))
        prompt_id, deck, text = PROMPTS[which]
        events.append((at, "prompt", [("event", "shown"), ("prompt_id", prompt_id), ("deck", deck)], 0))
        roll = rng.random()
        later = at + datetime.timedelta(minutes=10)
        if roll < 0.35:
            events.append((later, "prompt", [("event", "answered"), ("prompt_id", prompt_id), ("deck", deck),
                                             ("prompt_text", text), ("text", ANSWERS[which])], 0))
        elif roll < 0.45:
            events.append((later, "prompt", [("event", "skipped"), ("prompt_id", prompt_id), ("deck", deck)], 0))
        elif roll < 0.5:
            events.append((later, "prompt", [("event", "fav"), ("prompt_id", prompt_id), ("deck", deck)], 0))
    for at, kind, fields, recorded_after in sorted(events, key=lambda e: e[0]):
        history.add(kind, at, fields, recorded_after)


def months_before(day, months):
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", help="the data directory to write (TEND_DATA_DIR); month files are replaced")
    span = parser.add_mutually_exclusive_group()
    span.add_argument("--years", type=int, help="years of history (default 20)")
    span.add_argument("--months", type=int, help="months of history instead")
    parser.add_argument("--end", default="2026-11-21", help="the last day with records, YYYY-MM-DD (default 2026-11-21)")
    parser.add_argument("--tz", default=os.environ.get("TZ") or "Europe/London", help="the writer's time zone")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument("--device", default="this-device", help="the device whose files these are (default this-device)")
    layout.add_argument("--old-layout", action="store_true", help="write DATA_DIR/KIND/ as tend did before devices")
    parser.add_argument("--devices", type=int, help="deal the records at random among N devices, DEVICE-1 to DEVICE-N "
                        "(one person's history written on N machines)")
    args = parser.parse_args(argv)
    end = datetime.date.fromisoformat(args.end)
    months = args.months if args.months is not None else 12 * (args.years if args.years is not None else 20)
    if months < 1:
        parser.error("give at least one month")
    first = months_before(end, months) + datetime.timedelta(days=1)
    zone = ZoneInfo(args.tz)
    rng = random.Random(args.seed)
    if args.old_layout:
        roots = [(args.data_dir, "")]
    else:
        names = [f"{args.device}-{n}" for n in range(1, args.devices + 1)] if args.devices else [args.device]
        roots = [(os.path.join(args.data_dir, "devices", name), device_tag(name)) for name in names]
    history = History(roots, rng)
    boundaries = {"next": 0, "active": []}
    day = first
    while day <= end:
        one_day(history, day, zone, rng, boundaries)
        day += datetime.timedelta(days=1)
    history.write(args.data_dir)
    records = sum(len(blocks) for blocks in history.files.values())
    print(f"{args.data_dir}: {records} records from {first} to {end} in {len(history.files)} month files",
          file=sys.stderr)
    print(first.isoformat())


if __name__ == "__main__":
    main(sys.argv[1:])
