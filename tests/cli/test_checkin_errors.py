# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""checkin's error paths: usage errors (2), unreadable config or data (65), a held lock (75)."""

import fcntl
import os
import re
import subprocess
import time
import unittest

from tendtest import Result, TendTestCase, decode, tool_path

VALID_MONTH = """# my check-ins

[[checkin]]
id = "a2aaa"
at = 2026-11-20T10:00:00+00:00
recorded = 2026-11-20T10:00:00+00:00
mood = 5

[[checkin]]
id = "a2bbb"
at = 2026-11-20T11:00:00+00:00
recorded = 2026-11-20T11:00:00+00:00
"""

# Hand edits that break the file, and the line:col where each problem is.
CORRUPT_MONTHS = {
    "syntax error": (VALID_MONTH + "mood = = 3\n", 13),
    "wrong type": (VALID_MONTH + 'mood = "high"\n', 13),
    "out of range": (VALID_MONTH + "mood = 11\n", 13),
    "unknown key": (VALID_MONTH + 'colour = "blue"\n', 13),
    "strings expected": (VALID_MONTH + "feelings = [1, 2]\n", 13),
    "at without offset": (VALID_MONTH.replace("at = 2026-11-20T11:00:00+00:00", "at = 2026-11-20T11:00:00"), 11),
    "duplicate id": (VALID_MONTH.replace('"a2bbb"', '"a2aaa"'), 9),
    "record without at": (VALID_MONTH.replace("at = 2026-11-20T11:00:00+00:00\n", ""), 9),
    "another kind of table": (VALID_MONTH + '\n[[breathe]]\nid = "x"\n', 14),
    "invalid UTF-8": ('# caf\xe9\n'.encode("latin-1") + VALID_MONTH.encode(), 1),
}


class UsageErrors(TendTestCase):
    def assertRejected(self, *args, contains=(), **kwargs):
        before = self.snapshot()
        r = self.checkin(*args, **kwargs)
        self.assertUsageError(r)
        for text in contains:
            self.assertIn(text, r.stderr)
        self.assertEqual(self.snapshot(), before, f"a rejected {args!r} must not change the data dir")
        return r

    def test_nothing_to_record_without_a_terminal(self):
        # stdin is a pipe held open (as under some cron and CI runners): the tool must not wait on it.
        out_path, err_path = os.path.join(self.tmp, "out"), os.path.join(self.tmp, "err")
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen([tool_path("checkin")], stdin=subprocess.PIPE, stdout=out, stderr=err,
                                    env=self.env(), cwd=self.tmp)
            start = time.monotonic()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                self.fail("checkin with no values and no terminal waited for input instead of failing fast")
            finally:
                proc.stdin.close()
        self.assertLess(time.monotonic() - start, 5)
        with open(out_path, "rb") as out, open(err_path, "rb") as err:
            r = Result(proc.returncode, decode(out.read()), decode(err.read()))
        self.assertUsageError(r)
        for flag in ("--mood", "--energy", "--anxiety", "--closeness", "--safety", "--feel", "--tag", "--note"):
            self.assertIn(flag, r.stderr)
        self.assertFalse(os.path.exists(self.data_dir))

    def test_nothing_to_record_stdin_devnull(self):
        self.assertRejected(contains=("--mood",))
        self.assertRejected("--at", "-2h", contains=("--mood",))

    def test_empty_values_are_nothing_to_record(self):
        # Blank answers save nothing on a terminal; blank flags must not save an empty check-in either.
        for args in (("--tag", ""), ("--feel", ""), ("--note", ""), ("--note", "  ")):
            with self.subTest(args=args):
                self.assertRejected(*args, contains=("nothing to record",))
        self.assertRejected("--tag", ",")
        self.assertFalse(os.path.exists(self.month_path()))

    def test_bad_numbers(self):
        for args in (("--mood", "11"), ("--mood", "x"), ("--mood", "-1"), ("--mood", "3.5"), ("--mood", ""),
                     ("--energy", "11"), ("--anxiety", "99"), ("--closeness", "-3"), ("--safety", "ten"),
                     ("11",), ("x",), ("6", "--mood", "6"), ("--mood",)):
            with self.subTest(args=args):
                self.assertRejected(*args)

    def test_bad_value_names_the_flag(self):
        self.assertRejected("--anxiety", "11", contains=("--anxiety",))
        self.assertRejected("--mood", "x", contains=("--mood",))

    def test_a_feeling_that_is_not_a_word(self):
        self.assertRejected("5", "--feel", "x" * 65, contains=("--feel",))
        self.assertRejected("5", "--feel", "bad\x1b[31m", contains=("--feel",))

    def test_bad_tag(self):
        self.assertRejected("5", "--tag", "x" * 65, contains=("--tag",))
        self.assertRejected("5", "--tag", "bad\x1b[31m", contains=("--tag",))

    def test_bad_note(self):
        r = self.assertRejected("5", "--note", b"caf\xe9", contains=("--note", "UTF-8"))
        self.assertRejected("5", "--note", "-", input=b"\xff\xfe", contains=("--note",))

    def test_bad_at(self):
        for when in ("blah", "2026-13-01", "2026-11-31", "25:00", "-2x", "yesterday 25:00", "tomorrow", "2026-11"):
            with self.subTest(at=when):
                self.assertRejected("5", "--at", when, contains=("--at",))

    def test_future_at(self):
        for when in ("2026-12-01", "2026-11-21T19:20", "2026-11-22", "2026-11-21T20:00:00+00:00"):
            with self.subTest(at=when):
                self.assertRejected("5", "--at", when, contains=("--at", "future"))

    def test_unknown_option_and_subcommand_mixups(self):
        self.assertRejected("--bogus", contains=("--bogus",))
        self.assertRejected("5", "--bogus")
        self.assertRejected("list", "--mood", "3")
        self.assertRejected("due", "--note", "x")
        self.assertRejected("list", "--last", "0")
        self.assertRejected("list", "--last", "x")
        self.assertRejected("list", "--since", "blah", contains=("--since",))
        self.assertRejected("list", "--until", "blah", contains=("--until",))
        self.assertRejected("list", "--since", "2026-11-20", "--until", "2026-11-19")
        self.assertRejected("--color", "purple", "5", contains=("--color",))
        self.assertRejected("frobnicate")

    def test_unknown_id(self):
        self.add("5")
        self.assertRejected("edit", "zzzzz", "--mood", "3", contains=("zzzzz",))
        self.assertRejected("delete", "zzzzz", contains=("zzzzz",))
        self.assertRejected("edit", "--mood", "3")  # no id at all
        self.assertRejected("delete")

    def test_unknown_id_with_no_data(self):
        self.assertRejected("edit", "a2aaa", "--mood", "3")
        self.assertRejected("delete", "a2aaa")
        self.assertFalse(os.path.exists(self.data_dir))

    def test_edit_nothing_to_change(self):
        rec = self.add("5")
        self.assertRejected("edit", rec["id"])
        self.assertRejected("edit", rec["id"], "--clear", "colour")
        self.assertRejected("edit", rec["id"], "--mood", "11")
        self.assertRejected("edit", rec["id"], "--at", "2026-12-25")
        self.assertRejected("edit", rec["id"], "--feel", "#tierd")

    def test_tend_now_malformed(self):
        for now in ("garbage", "2026-11-21T19:10:00", "2026-11-21", "2026-11-21T25:10:00Z"):
            with self.subTest(now=now):
                self.now = now
                r = self.assertRejected("5", contains=("TEND_NOW",))
                self.assertFalse(os.path.exists(self.data_dir))

    def test_lock_timeout_malformed(self):
        self.assertRejected("5", env={"TEND_LOCK_TIMEOUT": "soon"}, contains=("TEND_LOCK_TIMEOUT",))


class ConfigErrors(TendTestCase):
    def assertConfigError(self, text, line, *args):
        """A config mistake is one warning at file:line:col; the check-in is still saved."""
        self.write_config(text)
        saved = len(self.month_records()) if os.path.exists(self.month_path()) else 0
        r = self.checkin(*(args or ("5",)))
        self.assertEqual(r.returncode, 0 if args != ("undo",) else 1, r.stderr)
        self.assertEqual(len(re.findall(rf"checkin: warning: .*config\.toml:{line}:\d+: ", r.stderr)), 1, r.stderr)
        self.assertNotIn("Try 'checkin --help'", r.stderr)
        if not args:
            self.assertEqual(len(self.month_records()), saved + 1, "the check-in is saved all the same")
        with open(self.config_path, encoding="utf-8") as f:
            self.assertEqual(f.read(), text, "the config is never rewritten")
        return r

    def test_syntax_error(self):
        self.assertConfigError('[safety]\nthreshold = 9\ncontacts = ["Sam"\n', 3)
        self.assertConfigError('# fine\n\n[safety\n', 3)

    def test_wrong_type_or_range(self):
        self.assertConfigError('[safety]\nthreshold = "nine"\n', 2)
        self.assertConfigError('[safety]\nthreshold = 11\n', 2)
        self.assertConfigError('[safety]\ncontacts = "Sam"\n', 2)
        self.assertConfigError('[checkin]\nevery_days = 0\n', 2)
        self.assertConfigError('[checkin]\n\ndue_from = "25:00"\n', 3)
        self.assertConfigError('[checkin]\nfeelings = ["ok", 3]\n', 2)
        self.assertConfigError('safety = 3\n', 1)

    def test_error_for_every_command(self):
        for args in (("list",), ("due",), ("feelings",), ("undo",)):
            with self.subTest(args=args):
                self.assertConfigError('[safety]\nthreshold = "nine"\n', 2, *args)

    def test_unknown_key_warns(self):
        text = '# mine\n[safety]\nthreshold = 9\ncolour = "blue"\n\n[bogus]\nx = 1\n'
        self.write_config(text)
        r = self.checkin("5")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr, r"checkin: warning: .*config\.toml:4:\d+: .*colour")
        self.assertRegex(r.stderr, r"checkin: warning: .*config\.toml:6:\d+: .*bogus")
        self.assertEqual(len(self.month_records()), 1)
        with open(self.config_path, encoding="utf-8") as f:
            self.assertEqual(f.read(), text)


class CorruptMonthFile(TendTestCase):
    def check_refused(self, name, content, line, *args):
        self.write_month(content)
        before = self.snapshot()
        r = self.checkin(*args)
        self.assertError(r, 65, usage=False)
        self.assertRegex(r.stderr, rf"2026-11\.toml:{line}:\d+: ", f"{name}: the message gives file:line:col")
        self.assertEqual(self.snapshot(), before, f"{name}: {args!r} changed the data dir")

    def test_add_edit_delete_refused(self):
        commands = [("5",), ("5", "--at", "2026-11-02"), ("edit", "a2aaa", "--mood", "1"),
                    ("edit", "a2aaa", "--at", "2026-10-10", "--mood", "1"), ("delete", "a2aaa"),
                    ("list",), ("list", "--json"), ("due",)]
        for name, (content, line) in CORRUPT_MONTHS.items():
            for args in commands:
                with self.subTest(problem=name, args=args):
                    self.check_refused(name, content, line, *args)

    def test_undo_refused(self):
        content, line = CORRUPT_MONTHS["wrong type"]
        self.write_month(content)
        self.write_last("a2bbb")
        self.check_refused("wrong type", content, line, "undo")

    def test_valid_hand_written_file_is_accepted(self):
        self.write_month(VALID_MONTH)
        rec = self.add("3")
        self.assertEqual([r["id"] for r in self.month_records()], ["a2aaa", "a2bbb", rec["id"]])
        self.assertTrue(self.read_month().decode().startswith(VALID_MONTH), "an append leaves the old bytes alone")

    def test_file_without_trailing_newline_still_appends(self):
        self.write_month(VALID_MONTH.rstrip("\n"))
        rec = self.add("3")
        self.assertEqual([r["id"] for r in self.month_records()], ["a2aaa", "a2bbb", rec["id"]])

    def test_corrupt_other_month_refuses_a_move_into_it(self):
        rec = self.add("4")
        content, line = CORRUPT_MONTHS["syntax error"]
        self.write_month(content.replace("2026-11", "2026-10"), month="2026-10")
        before = self.snapshot()
        r = self.checkin("edit", rec["id"], "--at", "2026-10-20", "--mood", "2")
        self.assertError(r, 65, usage=False)
        self.assertRegex(r.stderr, rf"2026-10\.toml:{line}:\d+: ")
        self.assertEqual(self.snapshot(), before)
        r = self.checkin("5", "--at", "2026-10-20")
        self.assertError(r, 65, usage=False)
        self.assertEqual(self.snapshot(), before)


class Lock(TendTestCase):
    def hold_lock(self, mode=fcntl.LOCK_EX):
        os.makedirs(self.kind_dir("checkin"), mode=0o700, exist_ok=True)
        fd = os.open(self.data_dir, os.O_RDONLY)
        self.addCleanup(os.close, fd)
        fcntl.flock(fd, mode)
        return fd

    def test_exclusive_lock_held(self):
        rec = self.add("5")
        self.hold_lock()
        before = self.snapshot()
        for args in (("6",), ("list",), ("edit", rec["id"], "--mood", "1"), ("delete", rec["id"]), ("due",)):
            with self.subTest(args=args):
                start = time.monotonic()
                r = self.checkin(*args, env={"TEND_LOCK_TIMEOUT": "0.2"}, timeout=10)
                elapsed = time.monotonic() - start
                self.assertError(r, 75, usage=False)
                self.assertLess(elapsed, 3, "a held lock must time out quickly with TEND_LOCK_TIMEOUT=0.2")
                self.assertGreaterEqual(elapsed, 0.15, "the tool should wait for the lock a little first")
                self.assertEqual(self.snapshot(), before)

    def test_shared_lock_lets_readers_in(self):
        rec = self.add("5")
        self.hold_lock(fcntl.LOCK_SH)
        r = self.checkin("list", "--json", env={"TEND_LOCK_TIMEOUT": "0.2"})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(rec["id"], r.stdout)
        r = self.checkin("6", env={"TEND_LOCK_TIMEOUT": "0.2"})
        self.assertError(r, 75, usage=False)

    def test_waits_for_a_lock_released_in_time(self):
        fd = self.hold_lock()
        proc = subprocess.Popen([tool_path("checkin"), "6", "--json"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=self.env({"TEND_LOCK_TIMEOUT": "10"}), cwd=self.tmp)
        try:
            time.sleep(0.3)
            self.assertIsNone(proc.poll(), "the writer should be waiting for the lock")
            fcntl.flock(fd, fcntl.LOCK_UN)
            out, err = proc.communicate(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
        self.assertEqual(proc.returncode, 0, err)
        self.assertEqual(len(self.month_records()), 1)


if __name__ == "__main__":
    unittest.main()
