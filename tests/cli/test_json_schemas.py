# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every --json output of every tool against the schema its man page documents (json_schema.py reads them)."""

import datetime
import glob
import json
import os
import shutil
import subprocess
import unittest

import json_schema
import test_report
from tendtest import BUILD_DIR

PAGES = sorted(glob.glob(os.path.join(BUILD_DIR, "docs", "man", "*.[157]")))
NOW = test_report.NOW

# (tool, arguments, the schema the output follows), after a week written through all four tools.
OUTPUTS = [
    ("checkin", ("6", "--feel", "calm", "--json"), "checkin"),
    ("checkin", ("list", "--json"), "[checkin]"),
    ("checkin", ("due", "--json"), "checkin.due"),
    ("checkin", ("feelings", "--json"), "checkin.feelings"),
    ("checkin", ("plan", "--json"), "checkin.plan"),
    ("breathe", ("--pattern", "0.01-0.01", "--cycles", "1", "--no-settle", "--json"), "breathe"),
    ("breathe", ("--pattern", "0.01-0.01", "--cycles", "1", "--no-settle", "--no-log", "--json"), "breathe"),
    ("breathe", ("--exercise", "grounding", "--minutes", "0.01", "--no-settle", "--json"), "breathe"),
    ("breathe", ("log", "--json"), "[breathe]"),
    ("breathe", ("--list", "--json"), "breathe.patterns"),
    ("prompt", ("--json",), "prompt.card"),
    ("prompt", ("today", "--json"), "prompt.today"),
    ("prompt", ("answer", "--text", "Slowly.", "--json"), "prompt"),
    ("prompt", ("history", "--json"), "[prompt]"),
    ("prompt", ("history", "--favs", "--json"), "prompt.favs"),
    ("prompt", ("decks", "--json"), "prompt.decks"),
    ("prompt", ("decks", "solo", "--json"), "[prompt.deck]"),
    ("boundary-log", ("add", "Knock first", "--json"), "boundary"),
    ("boundary-log", ("held", "1", "--intensity", "3", "--json"), "boundary"),
    ("boundary-log", ("list", "--all", "--json"), "boundary.list"),
    ("boundary-log", ("show", "1", "--json"), "boundary.show"),
    ("report", ("--json",), "report"),
    ("report", ("--json", "--no-notes"), "report"),
    ("report", ("--json", "--week", "2026-W10"), "report"),
    ("report", ("--check", "--json"), "report.check"),
]


# Outputs that change nothing, so that two runs, with and without --utc, can be compared.
READ_ONLY = {"list", "due", "feelings", "plan", "log", "--list", "history", "decks", "show", "--check"}

# Every string that looks like a date-time, as jq's fromdateiso8601 reads it.
JQ_TIMES = '[.. | strings | select(test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")) | fromdateiso8601]'


def times_in(value):
    if isinstance(value, dict):
        return [t for v in value.values() for t in times_in(v)]
    if isinstance(value, list):
        return [t for v in value for t in times_in(v)]
    return [value] if isinstance(value, str) and json_schema.TIME_RE.match(value) else []


def instants(value):
    """The value with each time as seconds since 1970, so outputs differing only in how times are written compare equal."""
    if isinstance(value, dict):
        return {k: instants(v) for k, v in value.items()}
    if isinstance(value, list):
        return [instants(v) for v in value]
    if isinstance(value, str) and json_schema.TIME_RE.match(value):
        return int(datetime.datetime.fromisoformat(value).timestamp())
    return value


class Schemas(test_report.WeekCase):
    @classmethod
    def setUpClass(cls):
        cls.schemas = json_schema.load_pages(PAGES)

    def validate(self, value, schema, what):
        problems = json_schema.errors(value, json_schema.parse(schema), self.schemas)
        self.assertEqual(problems, [], f"{what} against {schema}")

    def test_every_json_output_follows_its_documented_schema(self):
        self.then(test_report.at(20, "09:00"), "prompt", "fav", "solo-001")
        for tool, args, schema in OUTPUTS:
            with self.subTest(tool=tool, args=args):
                r = self.run_tool(*args, tool=tool)
                self.assertIn(r.returncode, (0, 1) if args[0] == "due" else (0,), r.stderr)
                self.validate(json.loads(r.stdout), schema, f"{tool} {' '.join(args)}")

    def test_a_couples_prompt_of_the_day_follows_its_schema_shown_or_held_back(self):
        self.write_config('[prompt]\nseed = "our words"\n')
        seen = set()
        for args in ((), ("--deck", "gentle"), ("--deck", "solo")):
            with self.subTest(args=args):
                r = self.run_tool("today", "--json", *args, tool="prompt")
                self.assertEqual(r.returncode, 0, r.stderr)
                got = json.loads(r.stdout)
                self.validate(got, "prompt.today", f"prompt today --json {' '.join(args)}")
                seen.add((got["held_back"], got["prompt_id"] is None))
        self.assertTrue({(False, False), (True, True)} <= seen, seen)

    @unittest.skipUnless(shutil.which("jq"), "jq is not installed (apt-get install jq)")
    def test_with_utc_every_json_output_writes_the_same_instants_in_utc_and_jq_reads_them(self):
        self.tz = "America/St_Johns"  # -03:30 in November: what is written now has an offset to take off
        self.then(test_report.at(20, "09:00"), "prompt", "fav", "solo-001")
        for tool, args, schema in OUTPUTS:
            with self.subTest(tool=tool, args=args):
                plain = self.run_tool(*args, tool=tool) if args[0] in READ_ONLY or tool == "report" else None
                r = self.run_tool(*args, "--utc", tool=tool)
                self.assertIn(r.returncode, (0, 1) if args[0] == "due" else (0,), r.stderr)
                value = json.loads(r.stdout)
                self.validate(value, schema, f"{tool} {' '.join(args)} --utc")
                times = times_in(value)
                self.assertEqual([t for t in times if not t.endswith("Z")], [])
                jq = subprocess.run(["jq", "-c", JQ_TIMES], input=r.stdout, capture_output=True, text=True, timeout=30)
                self.assertEqual(jq.returncode, 0, jq.stderr)
                self.assertEqual(json.loads(jq.stdout), [instants(t) for t in times])
                if plain:
                    self.assertEqual(instants(value), instants(json.loads(plain.stdout)))
        # The offsets were really there to take off: a check-in saved here, read back without --utc.
        self.assertTrue(self.run_tool("list", "--json", tool="checkin").stdout.count("-03:30"), "no -03:30 time")

    def test_utc_without_json_or_with_a_format_without_times_is_a_usage_error(self):
        before = self.month_records(kind="checkin")
        for tool, args in [("checkin", ("7", "--utc")), ("checkin", ("list", "--utc")), ("checkin", ("undo", "--utc")),
                           ("breathe", ("log", "--utc")), ("prompt", ("history", "--utc")),
                           ("boundary-log", ("list", "--utc")), ("report", ("--utc",)),
                           ("report", ("--format", "csv", "--utc")), ("report", ("--export", "--utc")),
                           ("report", ("--check", "--utc"))]:
            with self.subTest(tool=tool, args=args):
                r = self.run_tool(*args, tool=tool)
                self.assertEqual((r.returncode, r.stdout), (2, ""), r.stderr)
                self.assertIn("--utc", r.stderr)
        self.assertEqual(self.month_records(kind="checkin"), before)
        r = self.run_tool("--format", "json", "--utc", "-o", "week.json", tool="report")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(self.tmp, "week.json"), encoding="utf-8") as f:
            self.assertTrue(all(t.endswith("Z") for t in times_in(json.load(f))))

    def test_the_schemas_name_only_what_they_define(self):
        for name, node in self.schemas.items():
            with self.subTest(name=name):
                self.assertEqual(sorted(json_schema.names_in(node) - set(self.schemas)), [])

    def test_a_wrong_key_or_type_is_caught(self):
        # The validator itself: a record with a renamed key, or a string for a number, does not pass.
        record = json.loads(self.run_tool("list", "--json", tool="checkin").stdout)[0]
        renamed = dict(record)
        renamed["mood_level"] = renamed.pop("mood")
        self.assertNotEqual(json_schema.errors(renamed, json_schema.parse("checkin"), self.schemas), [])
        self.assertNotEqual(json_schema.errors({**record, "mood": "6"}, json_schema.parse("checkin"), self.schemas), [])
