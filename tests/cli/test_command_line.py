# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One way to read the command line in every tool: lists, unknown commands, --json, empty values."""

import json
import os
import tomllib

from tendtest import DEVICE, TOOLS, TendTestCase


class CommandLine(TendTestCase):
    def required_tools(self):
        return TOOLS

    def test_a_list_of_only_commas_does_not_swallow_the_next_option(self):
        # CLI11's delimiter() took "," as an empty list and then "--json" as the next item.
        r = self.run_tool("--exclude", ",", "--json", tool="prompt")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("text", self.parse_json(r, "prompt --exclude , --json"))
        r = self.run_tool("--deck", ",", "--json", tool="prompt")
        self.assertUsageError(r, tool="prompt")
        self.assertNotIn("--json", r.stderr, "--json was taken as a deck's name")

    def test_lists_are_comma_separated_or_repeated_alike(self):
        rec = self.add("5", "--tag", "a,b", "--tag", "c", "--feel", "calm")
        self.assertEqual(rec["tags"], ["a", "b", "c"])
        r = self.run_tool("history", "--event", "shown,skipped", "--event", "fav", "--json", tool="prompt")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.run_tool("history", "--event", "shown,bogus", tool="prompt")
        self.assertUsageError(r, tool="prompt")
        self.assertIn("--event: 'bogus'", r.stderr)

    def test_an_unknown_command_gets_the_nearest_and_the_list(self):
        for tool, typo, meant in (("checkin", "lsit", "list"), ("prompt", "tody", "today"),
                                  ("breathe", "lgo", "log"), ("boundary-log", "hled", "held")):
            with self.subTest(tool=tool):
                r = self.run_tool(typo, tool=tool)
                self.assertUsageError(r, tool=tool)
                self.assertIn(f"did you mean '{meant}'?", r.stderr)
                self.assertIn("The commands: ", r.stderr)
                self.assertFalse(os.path.exists(self.data_dir))
        r = self.checkin("sideways")
        self.assertUsageError(r, tool="checkin")
        self.assertIn("MOOD: 'sideways' is neither a number nor a command", r.stderr)
        self.assertNotIn("did you mean", r.stderr)

    def test_json_where_a_command_has_none_is_refused(self):
        self.add("5")
        for tool, args in (("checkin", ("undo",)), ("checkin", ("delete", "x")), ("prompt", ("skip",)),
                           ("prompt", ("fav",)), ("prompt", ("check",))):
            with self.subTest(tool=tool, args=args):
                before = self.snapshot()
                r = self.run_tool(*args, "--json", tool=tool)
                self.assertUsageError(r, tool=tool)
                self.assertIn(f"--json does not go with '{tool} {args[0]}'", r.stderr)
                self.assertEqual(self.snapshot(), before, "a refused command changed the data")
        self.assertEqual(len(self.list_json()), 1, "checkin undo --json deleted the check-in")

    def test_root_options_after_a_command_are_refused(self):
        r = self.checkin("list", "--mood", "3")
        self.assertUsageError(r, tool="checkin")
        self.assertIn("--mood does not go with 'checkin list'", r.stderr)
        r = self.run_tool("log", "--pattern", "box", tool="breathe")
        self.assertUsageError(r, tool="breathe")
        # The options every tool shares go anywhere, and a root option before its command still counts.
        self.assertEqual(self.checkin("list", "--data-dir", self.data_dir, "--color", "never").returncode, 0)
        r = self.run_tool("--json", "today", tool="prompt")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("date", json.loads(r.stdout))

    def test_prompt_today_alone_answers_as_cli11_would(self):
        # `prompt today` and --data-dir around it are read without CLI11 (start-up speed); any
        # other option sends the run through CLI11 (--color auto changes nothing), and both
        # must answer alike: output, messages, exit status and the one record of the day.
        self.write_config('[prompt]\nseed = "our-words"\n')
        other = os.path.join(self.tmp, "other")
        for plain in (("today",), ("--data-dir", other, "today"), ("today", "--data-dir", other),
                      (f"--data-dir={other}", "today")):
            with self.subTest(args=plain):
                first = self.run_tool(*plain, tool="prompt")
                self.assertEqual(first.returncode, 0, first.stderr)
                for args in (plain, (*plain, "--color", "auto"), ("--color", "auto", *plain)):
                    r = self.run_tool(*args, tool="prompt")
                    self.assertEqual((r.returncode, r.stdout, r.stderr), tuple(first), args)
                where = os.path.join(other if len(plain) > 1 else self.data_dir, "devices", DEVICE, "prompt")
                shown = [rec for name in os.listdir(where)
                         for rec in tomllib.loads(open(os.path.join(where, name), encoding="utf-8").read())["prompt"]
                         if rec["event"] == "shown"]
                self.assertEqual(len(shown), 1, shown)
        # Anything more is CLI11's to read and to refuse, with its messages.
        for args, message in ((("today", "today"), "today"), (("today", "--data-dir"), "--data-dir"),
                              (("today", "--data-dir", other, "--data-dir", other), "--data-dir")):
            with self.subTest(args=args):
                r = self.run_tool(*args, tool="prompt")
                self.assertUsageError(r, tool="prompt")
                self.assertIn(message, r.stderr)

    def test_an_empty_data_dir_is_an_error(self):
        for tool in TOOLS:
            for args in (("--data-dir=",), ("--data-dir", "")):
                with self.subTest(tool=tool, args=args):
                    r = self.run_tool(*args, tool=tool)
                    self.assertUsageError(r, tool=tool)
                    self.assertIn("--data-dir", r.stderr)

    def test_version_and_help_of_a_command(self):
        for tool in TOOLS:
            with self.subTest(tool=tool):
                self.assertEqual(self.run_tool("--version", tool=tool).stdout.split()[0], tool)
        r = self.run_tool("held", "--help", tool="boundary-log")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("--intensity", r.stdout)
        self.assertNotIn("--text", r.stdout, "held has no --text; renegotiated does")
        self.assertIn("--text", self.run_tool("renegotiated", "--help", tool="boundary-log").stdout)

    def test_config_day_names_as_the_flag_takes_them(self):
        self.write_config('[report]\nweek_start = "Sunday"\n')
        r = self.run_tool("--json", tool="report")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["period"]["first"], "2026-11-15")
        self.write_config('[report]\nweek_start = "sun"\n')
        self.assertEqual(self.run_tool("--json", tool="report").returncode, 0)
        self.write_config('[report]\nweek_start = "someday"\n')
        r = self.run_tool("--json", tool="report")
        self.assertEqual(r.returncode, 0, r.stderr)  # a wrong value keeps its default, with a warning
        self.assertIn("week_start", r.stderr)
        self.assertEqual(json.loads(r.stdout)["period"]["first"], "2026-11-16")
