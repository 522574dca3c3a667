# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""report's failures: bad periods, formats and files (exit 2), corrupt month files (65), and the months it reads."""

import os
import re
import unittest

from tendtest import TendTestCase

NOW = "2026-11-21T19:10:00+00:00"  # Saturday of 2026-W47 in Europe/London

CHECKIN = """\
[[checkin]]
id = "{id}"
at = {at}
recorded = {at}
mood = 6
"""
BROKEN = '[[checkin]]\nid = "a1b2c"\nat = 2026-09-10T21:00:00+01:00\nmood = = 6\n'


class ReportErrorCase(TendTestCase):
    tool = "report"

    def setUp(self):
        super().setUp()
        self.now = NOW

    def report(self, *args, **kwargs):
        return self.run_tool(*args, tool="report", **kwargs)


class UsageErrors(ReportErrorCase):
    BAD = [
        (("--week", "someday"), "--week"),
        (("--week", "2026-W00"), "--week"),
        (("--week", "2026-W54"), "--week"),
        (("--week", "2025-W53"), "--week"),
        (("--week", "2026-47"), "--week"),
        (("--week", ""), "--week"),
        (("--month", "2026-13"), "--month"),
        (("--month", "2026-00"), "--month"),
        (("--month", "2026-1"), "--month"),
        (("--month", "november"), "--month"),
        (("--from", "the other day"), "--from"),
        (("--from", "2026-11-01", "--to", "soon"), "--to"),
        (("--from", "2026-11-10", "--to", "2026-11-01"), "--to"),
        (("--to", "2026-11-20"), "--to"),
        (("--week-start", "funday"), "--week-start"),
        (("--week-start", "funday", "--month", "this"), "--week-start"),
        (("--format", "pdf"), "--format"),
        (("--format", "JSON"), "--format"),
        (("-o", "week.pdf"), "-o"),
        (("-o", "week"), "-o"),
        (("--output", "week.html.bak"), "-o"),
        (("--json", "--format", "csv"), "--json"),
        (("--week",), "--week"),
    ]

    def test_bad_values_name_the_flag(self):
        for args, flag in self.BAD:
            with self.subTest(args=args):
                r = self.report(*args)
                self.assertUsageError(r)
                self.assertIn(flag, r.stderr)

    def test_one_period_at_a_time(self):
        for args in (("--week", "last", "--month", "this"), ("--week", "last", "--from", "2026-11-01"),
                     ("--month", "this", "--to", "2026-11-20"), ("--month", "this", "--from", "mon", "--to", "sun")):
            with self.subTest(args=args):
                r = self.report(*args)
                self.assertUsageError(r)
                self.assertIn("one period", r.stderr)

    def test_a_usage_error_writes_nothing_and_creates_nothing(self):
        for args in (("--week", "someday", "-o", "week.md"), ("--format", "pdf", "-o", "week.md"),
                     ("--week", "last", "--month", "this", "-o", "week.md")):
            with self.subTest(args=args):
                self.assertUsageError(self.report(*args))
                self.assertFalse(os.path.exists(os.path.join(self.tmp, "week.md")))
                self.assertFalse(os.path.exists(self.data_dir))

    def test_typed_text_in_an_error_is_neutralised(self):
        r = self.report("--week", "\x1b[31mred")
        self.assertUsageError(r)
        self.assertNoEscapes(r.stderr, "stderr")

    def test_bad_tend_now(self):
        r = self.report(env={"TEND_NOW": "next tuesday"})
        self.assertUsageError(r)
        self.assertIn("TEND_NOW", r.stderr)


class DataErrors(ReportErrorCase):
    def write_checkin(self, month, id, at):
        path = self.month_path(month)
        existing = open(path).read() + "\n" if os.path.exists(path) else ""
        self.write_month(existing + CHECKIN.format(id=id, at=at), month=month)

    def test_a_corrupt_month_in_the_period_stops_the_report_with_file_line_and_column(self):
        self.write_checkin("2026-11", "a2a00", "2026-11-17T20:00:00+00:00")
        self.write_month(self.read_month("2026-11") + b"\nmood = = 7\n", month="2026-11")
        for fmt in ("text", "json", "html"):
            with self.subTest(format=fmt):
                r = self.report("--format", fmt)
                self.assertError(r, 65)
                path = re.escape(self.month_path("2026-11"))
                self.assertRegex(r.stderr, rf"^report: error: {path}:\d+:\d+: ")
                self.assertIn("fixed by hand", r.stderr)

    def test_a_corrupt_month_of_the_previous_period_stops_it_too(self):
        self.write_month(BROKEN, month="2026-10")
        r = self.report("--month", "this")
        self.assertError(r, 65)
        self.assertIn(self.month_path("2026-10") + ":4:", r.stderr)

    def test_a_corrupt_month_outside_the_period_is_never_read(self):
        self.write_checkin("2026-11", "a2a00", "2026-11-17T20:00:00+00:00")
        # Not 2026-09: --month this reads a day of it to spare, for times written with another offset.
        for month in ("2026-08", "2025-11", "2027-01"):
            self.write_month(BROKEN, month=month)
        for kind in ("breathe", "boundary", "prompt"):
            self.write_month("this is not toml [[[", month="2026-08", kind=kind)
        before = self.snapshot()
        for args in ((), ("--week", "last"), ("--week", "2026-W46"), ("--month", "this"),
                     ("--from", "2026-11-01", "--to", "2026-11-30")):
            with self.subTest(args=args):
                r = self.report(*args, "--format", "json")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stderr, "")
        self.assertIn('"count": 1', self.report("--format", "json").stdout)
        self.assertEqual(self.snapshot(), before, "report never touches a file, broken or not")
        # The same files do stop a period that needs them.
        self.assertError(self.report("--month", "2026-08"), 65)
        self.assertError(self.report("--week", "2026-W35"), 65)  # 24-30 August: the breathe file
        self.assertError(self.report("--from", "2020-01-01"), 65)

    def test_a_record_that_breaks_its_format_is_a_data_error(self):
        self.write_month('[[checkin]]\nid = "a2a00"\nat = 2026-11-17T20:00:00+00:00\n'
                         'recorded = 2026-11-17T20:00:00+00:00\nmood = 42\n')
        r = self.report()
        self.assertError(r, 65)
        self.assertIn(self.month_path("2026-11"), r.stderr)

    def test_an_unknown_boundary_event_is_a_data_error(self):
        self.write_month('[[boundary]]\nid = "a2a00"\nat = 2026-11-17T20:00:00+00:00\n'
                         'recorded = 2026-11-17T20:00:00+00:00\nevent = "forgotten"\nboundary = 1\n',
                         kind="boundary")
        r = self.report()
        self.assertError(r, 65)
        self.assertIn("forgotten", r.stderr)

    def test_a_broken_config_warns_and_the_report_uses_the_default(self):
        self.write_config('[report]\nweek_start = "someday"\n')
        r = self.report()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"report: warning: {self.config_path}:2:", r.stderr)
        self.assertEqual(self.report("--check").returncode, 65)

    def test_a_data_error_leaves_an_earlier_output_file_alone(self):
        path = os.path.join(self.tmp, "week.md")
        with open(path, "w") as f:
            f.write("last week's report\n")
        self.write_month(BROKEN.replace("2026-09-10", "2026-11-17"), month="2026-11")
        self.assertError(self.report("-o", path), 65)
        with open(path) as f:
            self.assertEqual(f.read(), "last week's report\n")
        self.assertEqual(sorted(os.listdir(self.tmp)), sorted(["week.md", "data"]))


class OutputErrors(ReportErrorCase):
    def test_a_file_in_a_missing_directory(self):
        r = self.report("-o", os.path.join(self.tmp, "no", "such", "week.md"))
        self.assertEqual(r.returncode, 74, r.stderr)
        self.assertTrue(r.stderr.startswith("report: error: "), r.stderr)

    def test_a_directory_is_refused_and_left_alone(self):
        os.mkdir(os.path.join(self.tmp, "reports"))
        os.symlink("reports", os.path.join(self.tmp, "to-reports"))
        for given in ("reports", "to-reports"):
            with self.subTest(given=given):
                r = self.report("-o", given, "--format", "text")
                self.assertError(r, 2)
                self.assertIn("-o: ", r.stderr)
                self.assertIn("is a directory", r.stderr)
        self.assertEqual(os.listdir(os.path.join(self.tmp, "reports")), [])

    def test_a_symlink_loop_is_refused(self):
        os.symlink("b.md", os.path.join(self.tmp, "a.md"))
        os.symlink("a.md", os.path.join(self.tmp, "b.md"))
        r = self.report("-o", "a.md")
        self.assertError(r, 2)
        self.assertIn("symbolic links", r.stderr)
        self.assertEqual((os.readlink(os.path.join(self.tmp, "a.md")), os.readlink(os.path.join(self.tmp, "b.md"))),
                         ("b.md", "a.md"))

    def test_standard_output_full(self):
        with open("/dev/full", "w") as full:
            r = self.report("--format", "html", stdout=full)
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("report: error: "), r.stderr)


if __name__ == "__main__":
    unittest.main()
