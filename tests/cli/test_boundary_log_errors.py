# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""boundary-log's error paths: bad values, unknown or retired boundaries, bad files, a lock, short writes."""

import fcntl
import os
import re
import resource
import shutil
import signal
import subprocess
import unittest

from test_boundary_log import HAND_WRITTEN, BoundaryTestCase
from tendtest import SOURCE_DIR


class UsageErrors(BoundaryTestCase):
    """Every refusal exits 2, says what was wrong, prints nothing on stdout and writes nothing."""

    def setUp(self):
        super().setUp()
        self.new("Knock first", "--at", "2026-11-20T20:00")
        self.new("Ask before borrowing")
        self.ok("retired", "2", "-q")
        self.before = self.snapshot()

    def refused(self, *args, says, **kwargs):
        r = self.bl(*args, **kwargs)
        self.assertUsageError(r)
        self.assertIn(says, r.stderr)
        self.assertEqual(self.snapshot(), self.before, f"{args!r} must not write anything")
        return r

    def test_unknown_number(self):
        for event in ("held", "tested", "crossed", "violated", "repaired", "retired"):
            with self.subTest(event=event):
                self.refused(event, "7", says="no boundary 7")
        self.refused("renegotiated", "7", "--text", "new", says="no boundary 7")
        self.refused("show", "7", says="no boundary 7")

    def test_not_a_number(self):
        for typed in ("abc", "0", "1.5", "#", "", "99999999999999999999", "1x", "#-1"):
            with self.subTest(typed=typed):
                self.refused("held", typed, says="not a boundary number")
        self.refused("held", "--", "-3", says="'-3' is not a boundary number")
        self.refused("show", "two", says="'two' is not a boundary number")

    def test_event_on_a_retired_boundary(self):
        for event in ("held", "tested", "crossed", "violated", "repaired", "retired"):
            with self.subTest(event=event):
                self.refused(event, "2", says="boundary 2 is retired")
        self.refused("renegotiated", "2", "--text", "new", says="boundary 2 is retired")
        # Back-dating to before the retirement does not get round it.
        self.refused("held", "2", "--at", "-1m", says="boundary 2 is retired")

    def test_violated_on_a_bad_number_prints_no_grounding_line(self):
        r = self.refused("violated", "7", says="no boundary 7")
        self.assertNotIn("breathe", r.stderr)

    def test_bad_type(self):
        r = self.refused("add", "x", "--type", "spiritual", says="--type: 'spiritual' is not a boundary type")
        self.assertIn("physical, emotional, time, material, digital, sexual, intellectual", r.stderr)
        self.refused("add", "x", "--type", "", says="--type")
        self.refused("list", "--type", "feelings", says="--type: 'feelings' is not a boundary type")

    def test_bad_intensity(self):
        for value in ("11", "-1", "abc", "5.5", ""):
            with self.subTest(value=value):
                self.refused("held", "1", f"--intensity={value}", says="--intensity")

    def test_renegotiated_needs_new_words(self):
        self.refused("renegotiated", "1", says="--text")
        self.refused("renegotiated", "1", "--text", "  ", says="--text: empty")

    def test_text_only_with_renegotiated(self):
        self.refused("held", "1", "--text", "new words", says="--text")

    def test_intensity_is_not_for_add(self):
        self.refused("add", "x", "--intensity", "3", says="--intensity")

    def test_bad_at(self):
        self.refused("held", "1", "--at", "whenever", says="--at: 'whenever' is not a time")
        self.refused("held", "1", "--at", "2026-11-22T10:00", says="is in the future")
        self.refused("add", "x", "--at", "2026-12-01", says="is in the future")
        self.refused("held", "1", "--at", "2026-11-19", says="is before boundary 1 was set (2026-11-20 20:00)")

    def test_bad_wording(self):
        self.refused("add", says="TEXT is required")
        self.refused("add", "   ", says="TEXT: empty")
        self.refused("add", "x", "--with", " ", says="--with: empty")
        self.refused("add", "x", "--if-crossed", "", says="--if-crossed: empty")
        self.refused("add", b"caf\xe9", says="not valid UTF-8")
        self.refused("held", "1", "--note", b"\xff\xfe", says="--note: not valid UTF-8")
        self.refused("held", "1", "--note", "-", input=b"\xc3\x28", says="--note: not valid UTF-8")

    def test_hard_and_soft_together(self):
        self.refused("add", "x", "--hard", "--soft", says="--hard and --soft")

    def test_missing_id(self):
        for command in ("held", "show", "retired"):
            with self.subTest(command=command):
                self.refused(command, says="ID is required")

    def test_unknown_command_and_options(self):
        self.refused("forgot", says="forgot")
        self.refused("list", "--since", "mon", says="--since")
        self.refused("show", "1", "--all", says="--all")
        self.refused("add", "x", "--color", "sometimes", says="--color")

    def test_bad_environment(self):
        self.refused("list", env={"TEND_NOW": "yesterday"}, says="TEND_NOW")
        self.refused("add", "x", env={"TEND_LOCK_TIMEOUT": "soon"}, says="TEND_LOCK_TIMEOUT")


class BadFiles(BoundaryTestCase):
    def test_corrupt_month_file_is_never_touched(self):
        self.write_month('[[boundary]]\nid = "a2h00"\nevent = \n', kind="boundary")
        before = self.snapshot()
        for args in (("add", "x"), ("held", "1"), ("list",), ("show", "1"), ("list", "--json")):
            with self.subTest(args=args):
                r = self.bl(*args)
                self.assertError(r, 65, usage=False)
                self.assertIn("boundary/2026-11.toml:3:", r.stderr)
                self.assertEqual(self.snapshot(), before)

    def test_record_of_the_wrong_shape(self):
        self.write_month(HAND_WRITTEN.replace("intensity = 6", "intensity = 60"), kind="boundary")
        r = self.bl("list")
        self.assertError(r, 65, usage=False)
        self.assertIn("'intensity' is 60, outside 0 to 10", r.stderr)

    def test_events_that_do_not_add_up(self):
        cases = {
            "unknown event": (HAND_WRITTEN.replace('event = "tested"', 'event = "tsted"'), "unknown event 'tsted'"),
            "event on a number never added": (HAND_WRITTEN + '\n[[boundary]]\nid = "a2h99"\n'
                                              'at = 2026-11-11T10:00:00+00:00\nrecorded = 2026-11-11T10:00:00+00:00\n'
                                              'event = "held"\nboundary = 9\n', "'a2h99'"),
        }
        for name, (text, says) in cases.items():
            with self.subTest(case=name):
                self.write_month(text, kind="boundary")
                before = self.snapshot()
                for args in (("list",), ("show", "1"), ("held", "1")):
                    r = self.bl(*args)
                    self.assertError(r, 65, usage=False)
                    self.assertIn("boundary/2026-11.toml: record ", r.stderr)
                    self.assertIn(says, r.stderr)
                    self.assertEqual(self.snapshot(), before)

    def test_broken_config_warns_and_goes_on(self):
        self.write_config("[safety\n")
        r = self.bl("list")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"boundary-log: warning: {self.config_path}:1:", r.stderr)


class LockAndIo(BoundaryTestCase):
    def test_lock_held_by_another_program(self):
        self.new("Knock first")
        before = self.snapshot()
        fd = os.open(self.data_dir, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            for args in (("add", "x"), ("held", "1"), ("list",), ("show", "1")):
                with self.subTest(args=args):
                    r = self.bl(*args, env={"TEND_LOCK_TIMEOUT": "0.2"})
                    self.assertError(r, 75, usage=False)
                    self.assertIn("another tend program", r.stderr)
                    self.assertEqual(self.snapshot(), before)
        finally:
            os.close(fd)
        self.ok("held", "1", "-q")

    def test_short_write_leaves_the_file_as_it_was(self):
        self.new("Knock first", "--note", "first")
        size = os.path.getsize(self.month_path(kind="boundary"))
        before = self.snapshot()

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (size + 10, size + 10))

        for args in (("add", "another", "--note", "x" * 200), ("held", "1", "--note", "y" * 200)):
            with self.subTest(args=args):
                r = self.bl(*args, preexec=limit)
                self.assertError(r, 74, usage=False)
                self.assertEqual(self.snapshot(), before, "a failed append leaves the file byte-identical")
        self.assertEqual(self.new("after"), 2, "a failed add takes no number")

    def test_data_dir_that_is_a_file(self):
        with open(self.data_dir, "w") as f:
            f.write("not a directory\n")
        r = self.bl("add", "x")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(r.returncode, (1, 74))
        self.assertEqual(r.stdout, "")

    def test_stdout_that_cannot_be_written(self):
        self.new("Knock first")
        for args in (("list",), ("list", "--json"), ("show", "1"), ("show", "1", "--json")):
            with self.subTest(args=args):
                with open("/dev/full", "w") as full:
                    r = self.bl(*args, stdout=full)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertTrue(r.stderr.startswith("boundary-log: error: standard output"), r.stderr)
        # The boundary is saved, but a script that needs its number must hear that it was lost.
        with open("/dev/full", "w") as full:
            r = self.bl("add", "Ask first", "-q", stdout=full)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(self.json_of("list")), 2)


class ManPage(BoundaryTestCase):
    PAGE = os.path.join(SOURCE_DIR, "man", "boundary-log.1")

    def test_every_long_option_and_command_is_documented(self):
        with open(self.PAGE, encoding="utf-8") as f:
            roff = f.read().replace("\\-", "-")
        help_text = self.ok("--help").stdout
        commands = re.findall(r"(?m)^  ([a-z][a-z-]*)\s", help_text.split("Subcommands:", 1)[1])
        self.assertEqual(commands, ["add", "held", "tested", "crossed", "violated", "repaired", "renegotiated",
                                    "retired", "list", "show", "undo", "share", "unshare"])
        for command in commands:
            help_text += self.ok(command, "--help").stdout
            self.assertRegex(roff, rf"(?m)^\.BI? {command}\b", f"{command} has no entry under COMMANDS")
        options = sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]+)", help_text)))
        self.assertEqual([o for o in options if o not in roff], [])
        for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "FILES", "ENVIRONMENT",
                        "EXIT STATUS", "EXAMPLES", "SEE ALSO"):
            self.assertIn(f".SH {section}\n", roff)
        for status in ("0", "1", "2", "65", "74", "75"):
            self.assertIn(f".TP\n.B {status}\n", roff)
        self.assertEqual(roff.count("support tool, not therapy"), 1)

    def test_lint_clean(self):
        for argv in (["mandoc", "-Tlint", self.PAGE], ["groff", "-man", "-ww", "-z", self.PAGE]):
            with self.subTest(tool=argv[0]):
                if not shutil.which(argv[0]):
                    self.skipTest(f"{argv[0]} is not installed")
                r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
                self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))


if __name__ == "__main__":
    unittest.main()
