# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Care first, black-box: no config mistake blocks breathing, a check-in or the safety words."""

import os
import re
import unittest

from tendtest import TendTestCase

SAFETY = '[safety]\ncontacts = ["Sam 07700 900123"]\nmessage = "You have come through hard nights before."\n'

# Configs a person can produce by mistake, each with the line its warning points at.
BROKEN_CONFIGS = {
    "a capital letter in a table breathe never uses": ('[report]\nweek_start = "Monday"\n\n' + SAFETY, 2),
    "a syntax error after [safety]": (SAFETY + '\n[prompt\nseed = "ours"\n', 5),
    "a syntax error before [safety]": ('[checkin]\nevery_days = = 2\n\n' + SAFETY, 2),
    "a broken line inside [safety]": ('[safety]\ncontacts = ["Sam 07700 900123"]\nthreshold = nine\n'
                                      'message = "You have come through hard nights before."\n', 3),
    "a wrong value inside [safety]": (SAFETY + "threshold = 11\n", 4),
}


class ConfigNeverBlocksCare(TendTestCase):
    def care_runs(self, expect_own_words=True):
        """The two commands a person in distress reaches for: each saves with exit 0 and shows the safety words."""
        results = []
        r = self.run_tool("--pattern", "0.2-0-0.2-0", "--cycles", "1", "--no-settle", tool="breathe")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(self.month_records(kind="breathe")), 1)
        results.append(r)
        r = self.checkin("0", "--anxiety", "10", "--safety", "1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(self.month_records()), 1)
        if expect_own_words:
            self.assertIn("Sam 07700 900123", r.stderr)
            self.assertIn("You have come through hard nights before.", r.stderr)
        else:
            self.assertIn("local emergency number", r.stderr)
        results.append(r)
        return results

    def test_a_broken_config_warns_once_and_keeps_the_safety_words(self):
        for name, (text, line) in BROKEN_CONFIGS.items():
            with self.subTest(config=name):
                self.setUp()
                self.write_config(text)
                for r in self.care_runs():
                    warnings = re.findall(rf"warning: {re.escape(self.config_path)}:{line}:\d+: ", r.stderr)
                    self.assertEqual(len(warnings), 1, r.stderr)
                with open(self.config_path, encoding="utf-8") as f:
                    self.assertEqual(f.read(), text, "the config is never rewritten")
                self.assertEqual(self.run_tool("--check", tool="report").returncode, 65)

    def test_the_exact_commands_with_a_broken_config(self):
        self.write_config(BROKEN_CONFIGS["a syntax error after [safety]"][0])
        r = self.run_tool("--pattern", "1-0-1-0", "--cycles", "1", "--no-settle", tool="breathe")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.checkin("0", "--anxiety", "10", "--safety", "1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Sam 07700 900123", r.stderr)

    def test_a_missing_config_gives_the_fallback(self):
        for r in self.care_runs(expect_own_words=False):
            self.assertNotIn("warning", r.stderr)

    def test_a_directory_or_fifo_config_never_hangs(self):
        for kind in ("directory", "fifo"):
            with self.subTest(kind=kind):
                self.setUp()
                if kind == "directory":
                    os.mkdir(self.config_path)
                else:
                    os.mkfifo(self.config_path)
                for r in self.care_runs(expect_own_words=False):
                    self.assertEqual(r.stderr.count(f"warning: {self.config_path}: is a "), 1, r.stderr)
                r = self.run_tool("--check", tool="report", timeout=10)
                self.assertEqual(r.returncode, 65, r.stdout + r.stderr)
                self.assertIn(self.config_path, r.stdout)

    @unittest.skipIf(os.geteuid() == 0, "root reads any file")
    def test_an_unreadable_config(self):
        self.write_config(SAFETY)
        os.chmod(self.config_path, 0)
        for r in self.care_runs(expect_own_words=False):
            self.assertEqual(r.stderr.count(f"warning: {self.config_path}: cannot be read"), 1, r.stderr)
        self.assertEqual(self.run_tool("--check", tool="report").returncode, 65)


class GroundingFitsTheMoment(TendTestCase):
    OPENING_NOW = "right now"

    def test_the_fallback_offers_someone_and_assumes_no_country(self):
        r = self.checkin("--anxiety", "10")
        grounding = r.stderr.split("\n\n", 1)[1]
        self.assertIn("If you are in danger now, call your local emergency number.", grounding)
        self.assertIn("someone you trust", grounding)
        self.assertIn("under [safety] in your config", grounding)
        self.assertNotRegex(grounding, r"\d{3}", "never a country's number")

    def test_a_low_safety_rating_puts_a_safe_place_first(self):
        r = self.checkin("--safety", "1")
        lines = r.stderr.split("\n\n", 1)[1].splitlines()
        self.assertIn("getting to a safe place or a safe person comes first", lines[1])
        self.assertNotIn("safe place", self.checkin("--anxiety", "10").stderr)

    def test_a_back_dated_check_in_is_not_right_now(self):
        r = self.checkin("--anxiety", "10", "--at", "2026-11-02")
        self.assertIn("it was a lot to go through", r.stderr)
        self.assertNotIn(self.OPENING_NOW, r.stderr)
        self.assertIn(self.OPENING_NOW, self.checkin("--anxiety", "10", "--at", "-1h").stderr)

    def test_an_edit_grounds_only_when_it_gives_a_hard_rating(self):
        rec = self.add("--anxiety", "10", "--at", "2026-11-01")
        for args in (("--tag", "later"), ("--tag", "x", "-q"), ("--note", "words"), ("--energy", "2")):
            with self.subTest(args=args):
                r = self.checkin("edit", rec["id"], *args)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertNotIn("breathe", r.stderr)
        r = self.checkin("edit", rec["id"], "--anxiety", "9")
        self.assertIn("breathe", r.stderr, "new values that call for it")
        self.assertNotIn(self.OPENING_NOW, r.stderr)

    def bl(self, *args):
        r = self.run_tool(*args, tool="boundary-log")
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def test_boundaries(self):
        self.bl("add", "I leave the room when voices are raised", "--if-crossed", "I call Sam", "--at", "2020-01-01")
        r = self.bl("held", "1", "--intensity", "10")
        self.assertNotIn("breathe", r.stderr, "held at 10 is strength, not distress")
        self.assertIn("Holding that took a lot", r.stderr)
        r = self.bl("violated", "1", "--at", "2020-05-01")
        self.assertIn("their doing, not yours", r.stderr)
        self.assertNotIn(self.OPENING_NOW, r.stderr)
        self.assertNotIn("matters to you", r.stderr)
        r = self.bl("violated", "1")
        self.assertIn("Someone crossed a line that matters to you. That was their doing, not yours", r.stderr)
        self.assertIn("What you planned for yourself, if it helps now: I call Sam", r.stderr)
        self.assertEqual(r.stderr.count("breathe"), 1)
        r = self.bl("tested", "1", "--intensity", "9")
        self.assertIn(self.OPENING_NOW, r.stderr)

    def test_after_breathing_offers_rest(self):
        r = self.run_tool("--pattern", "0.2-0-0.2-0", "--cycles", "1", "--no-settle", "--before", "10",
                          tool="breathe")
        self.assertIn("rest a while", r.stderr)
        self.assertIn("local emergency number", r.stderr)


class WordsThatFit(TendTestCase):
    def test_survivors_words_save(self):
        rec = self.add("3", "--feel", "unsafe,frozen,numb")
        self.assertEqual(rec["feelings"], ["unsafe", "frozen", "numb"])
        for word in ("ashamed", "betrayed", "rejected", "abandoned", "guilty", "worried", "afraid", "confused",
                     "vulnerable", "happy"):
            with self.subTest(word=word):
                r = self.checkin("5", "--feel", word)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertNotIn("own word", r.stderr, "a word tend ships")

    def test_an_unknown_word_is_kept_as_the_persons_own_never_corrected(self):
        r = self.checkin("4", "--feel", "Unsafe-ish,tierd,tired")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Kept 'unsafe-ish', 'tierd' as your own words, just as you wrote them", r.stderr)
        self.assertEqual(r.stderr.count("own word"), 1, "one line")
        [rec] = self.list_json()
        self.assertEqual(rec["feelings"], ["unsafe-ish", "tierd", "tired"])
        self.assertNotIn("did you mean", r.stderr)


if __name__ == "__main__":
    unittest.main()
