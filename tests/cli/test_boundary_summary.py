# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""boundary-log list's summary in the user's cache: used while the month files are as it stamped
them, made anew when one changes (a hand edit, another device's file, an undo), never holding words."""

import glob
import os
import time

from test_boundary_log import HAND_WRITTEN, BoundaryTestCase

HELD_BY_HAND = """
[[boundary]]
id = "a2h0z"
at = 2026-11-12T18:00:00+00:00
recorded = 2026-11-12T18:00:00+00:00
event = "held"
boundary = 1
of = "a2h00"
"""


class Summary(BoundaryTestCase):
    def setUp(self):
        super().setUp()
        self.write_month(HAND_WRITTEN, kind="boundary")
        self.settle()

    def settle(self):
        """Ages every data file by a minute: list remembers only files unchanged for over 2 s."""
        then = time.time() - 60
        for root, _, files in os.walk(self.data_dir):
            for name in files:
                os.utime(os.path.join(root, name), (then, then))

    def summary_files(self):
        return glob.glob(os.path.join(self.home, ".cache", "tend", "boundaries-*"))

    def summary(self):
        files = self.summary_files()
        self.assertEqual(len(files), 1, "list keeps one summary for the data directory")
        with open(files[0], encoding="utf-8") as f:
            return f.read()

    def held(self, number=1):
        return next(b for b in self.json_of("list", "--all") if b["boundary"] == number)["counts"]["held"]

    def test_list_from_the_summary_is_list_from_the_records(self):
        first = self.ok("list", "--all", "--json").stdout
        self.assertEqual(os.stat(self.summary_files()[0]).st_mode & 0o777, 0o600)
        summary = self.summary()
        self.assertEqual(self.ok("list", "--all", "--json").stdout, first)
        self.assertEqual(self.ok("list").stdout, self.ok("list").stdout)
        # It is what the second run read: a changed count in it shows.
        with open(self.summary_files()[0], "w", encoding="utf-8") as f:
            f.write(summary.replace(" 1 2 1 1 0 1 1 0\n", " 1 7 1 1 0 1 1 0\n", 1))
        self.assertEqual(self.held(), 7)

    def test_a_fresh_file_is_not_remembered(self):
        self.write_month(HAND_WRITTEN, kind="boundary")
        self.ok("list")
        self.assertEqual(self.summary_files(), [])

    def test_a_hand_edit_in_place_is_seen(self):
        self.assertEqual(self.held(), 2)
        before = self.summary()
        with open(self.month_path("2026-11", "boundary"), "a", encoding="utf-8") as f:
            f.write(HELD_BY_HAND)
        self.settle()
        self.assertEqual(self.held(), 3)
        self.assertNotEqual(self.summary(), before, "the summary is made anew")
        self.assertEqual(self.held(), 3)

    def test_another_devices_file_arriving_is_seen(self):
        self.assertEqual(self.held(), 2)
        other = self.kind_dir("boundary", device="phone")
        self.make_private_dirs(other)
        with open(os.open(os.path.join(other, "2026-11.toml"), os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            f.write(HELD_BY_HAND)
        self.settle()
        self.assertEqual(self.held(), 3)

    def test_an_undo_is_seen(self):
        self.ok("held", "1", "-q")
        self.settle()
        self.assertEqual(self.held(), 3)
        self.ok("undo", "-q")
        self.settle()
        self.assertEqual(self.held(), 2)

    def test_it_holds_no_words_and_a_deleted_boundary_leaves_none(self):
        number = self.new("Nobody reads my diary", "--with", "my sister", "--if-crossed", "I lock it away")
        self.ok("renegotiated", str(number), "--text", "Nobody opens my drawer", "-q")
        self.settle()
        self.assertIn("Nobody opens my drawer", self.ok("list").stdout)
        summary = self.summary()
        for words in ("diary", "drawer", "sister", "lock", "voices", "partner", "calmly"):
            self.assertNotIn(words, summary)
        self.ok("undo", "-q")
        self.settle()
        self.assertIn("Nobody reads my diary", self.ok("list").stdout)
        taken_back = self.new("Not to be kept")
        self.settle()
        self.assertIn("Not to be kept", self.ok("list").stdout)
        self.ok("undo", "-q")
        self.settle()
        self.assertNotIn("Not to be kept", self.ok("list", "--all").stdout)
        lines = self.summary().split("files\n")[0].splitlines()[1:]
        self.assertEqual([int(line.split(" ")[1]) for line in lines], [1, 2, number])
        self.assertNotEqual(taken_back, number)
