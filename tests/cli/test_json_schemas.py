# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every --json output of every tool against the schema its man page documents (json_schema.py reads them)."""

import glob
import json
import os

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
