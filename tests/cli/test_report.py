# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""report's happy paths: a week written through all four tools, every format, periods, -o, colour, empties."""

import csv
import io
import json
import os
import re
import shutil
import socket
import stat
import tempfile
import threading
import unittest
import xml.etree.ElementTree as ET

from tendtest import TendTestCase

NOW = "2026-11-21T19:10:00+00:00"  # Saturday of 2026-W47 (Mon 16 - Sun 22 Nov), GMT in Europe/London
FORMATS = ("text", "markdown", "json", "html", "csv")
EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html",
              ".htm": "html", ".csv": "csv"}

# Free text typed into the tools; none of it may survive --no-notes, in any format.
CHECKIN_NOTE = "slept badly, talked at dinner"
HELD_NOTE = "said it calmly and it worked"
CROSSED_NOTE = "it got loud again"
WORDING = "I leave the room when voices are raised"
SECOND_WORDING = "No work calls after nine"
NEW_WORDING = "I step outside for ten minutes"
ANSWER = "Walking together first makes it easier"


def at(day, time="21:00"):
    return f"2026-11-{day:02}T{time}:00+00:00"


class ReportCase(TendTestCase):
    tool = "report"

    def required_tools(self):
        return ["report", "checkin", "breathe", "boundary-log", "prompt"]

    def setUp(self):
        super().setUp()
        self.now = NOW

    def report(self, *args, **kwargs):
        return self.run_tool(*args, tool="report", **kwargs)

    def report_ok(self, *args, **kwargs):
        return self.ok(*args, tool="report", **kwargs)

    def report_json(self, *args, **kwargs):
        r = self.report_ok("--format", "json", *args, **kwargs)
        try:
            return json.loads(r.stdout)
        except ValueError as e:
            self.fail(f"report {args!r} --format json printed no JSON ({e}): {r.stdout!r}")

    def then(self, now, tool, *args, **kwargs):
        """Runs a tool as if it were `now`, asserting success."""
        return self.ok(*args, tool=tool, env={"TEND_NOW": now}, **kwargs)


class WeekCase(ReportCase):
    """A week of data written through the four tools once per class, copied into each test's data dir."""

    _cache = None  # shared by every subclass: the four tools run (and breathe breathes) once

    def setUp(self):
        super().setUp()
        if WeekCase._cache is None:
            self.write_week()
            cache = tempfile.mkdtemp(prefix="tend-report-week-")
            shutil.copytree(self.data_dir, os.path.join(cache, "data"))
            WeekCase._cache = cache
            unittest.addModuleCleanup(shutil.rmtree, cache, True)
        else:
            shutil.copytree(os.path.join(WeekCase._cache, "data"), self.data_dir)
        prompts = [r for r in self.month_records(kind="prompt") if r["event"] == "answered"]
        self.prompt_text = prompts[0]["prompt_text"]
        self.free_text = [CHECKIN_NOTE, HELD_NOTE, CROSSED_NOTE, WORDING, SECOND_WORDING, NEW_WORDING, ANSWER,
                          self.prompt_text]

    def write_week(self):
        # The week before: two check-ins to compare with.
        self.then(at(10), "checkin", "3", "--anxiety", "7")
        self.then(at(12), "checkin", "5", "--anxiety", "5")
        # This week.
        self.then(at(16), "checkin", "5", "--anxiety", "4", "--feel", "tired,calm", "--tag", "work")
        self.then(at(16), "boundary-log", "add", WORDING, "--type", "emotional", "--with", "partner", "-q")
        self.then(at(17), "checkin", "6", "--feel", "calm", "--tag", "work,home", "--note", CHECKIN_NOTE)
        self.then(at(17), "breathe", "--pattern", "1-0-1-0", "--cycles", "1", "--no-settle", "--before", "6",
                  "--after", "3")
        self.then(at(17), "boundary-log", "held", "1", "--note", HELD_NOTE, "-q")
        self.then(at(17), "boundary-log", "add", SECOND_WORDING, "--type", "time", "-q")
        self.then(at(18, "08:00"), "prompt", "today")
        self.then(at(18, "08:05"), "prompt", "answer", "--text", ANSWER)
        self.then(at(18), "checkin", "7", "--closeness", "8", "--safety", "9")
        self.then(at(18), "boundary-log", "tested", "1", "-q")
        self.then(at(18), "boundary-log", "tested", "2", "-q")
        self.then(at(19), "boundary-log", "tested", "2", "-q")
        self.then(at(19), "boundary-log", "crossed", "1", "--intensity", "5", "--note", CROSSED_NOTE, "-q")
        self.then(at(19), "checkin", "6")
        self.then(at(19, "08:00"), "prompt", "today")
        self.then(at(19, "08:01"), "prompt", "skip")
        self.then(at(20), "boundary-log", "renegotiated", "1", "--text", NEW_WORDING, "-q")
        self.then(at(21, "09:00"), "checkin", "8", "--feel", "hopeful")


class Formats(WeekCase):
    def test_json_has_a_schema_version_and_the_counts(self):
        data = self.report_json()
        self.assertEqual(data["schema"], "tend.report/2")
        self.assertEqual(data["period"], {"kind": "week", "label": "2026-W47", "first": "2026-11-16",
                                          "last": "2026-11-22", "days": 7})
        self.assertEqual(data["previous_period"]["label"], "2026-W46")
        self.assertIs(data["notes_included"], True)
        checkins = data["checkins"]
        self.assertEqual((checkins["count"], checkins["previous_count"]), (5, 2))
        mood = checkins["dimensions"]["mood"]
        self.assertEqual((mood["count"], mood["mean"], mood["min"], mood["max"]), (5, 6.4, 5, 8))
        self.assertEqual((mood["previous_mean"], mood["change"]), (4, 2.4))
        self.assertEqual(checkins["dimensions"]["closeness"]["count"], 1)
        self.assertEqual(checkins["tags"], [{"tag": "work", "count": 2}, {"tag": "home", "count": 1}])
        self.assertEqual(checkins["feelings"][0], {"word": "calm", "count": 2})
        self.assertEqual([n["text"] for n in checkins["notes"]], [CHECKIN_NOTE])
        breathing = data["breathing"]
        self.assertEqual((breathing["sessions"], breathing["patterns"][0]["pattern"]), (1, "1-0-1-0"))
        self.assertEqual(breathing["distress"]["mean_before"], 6)
        self.assertEqual(breathing["distress"]["mean_after"], 3)
        self.assertEqual(breathing["distress"]["mean_change"], -3)
        boundaries = data["boundaries"]
        self.assertEqual(boundaries["events"], 8)
        self.assertEqual((boundaries["held"], boundaries["crossed"], boundaries["violated"]), (1, 1, 0))
        self.assertEqual(boundaries["by_event"]["tested"], 3)
        self.assertEqual(boundaries["most_tested"]["boundary"], 2)
        self.assertEqual({b["boundary"]: b["text"] for b in boundaries["boundaries"]}, {1: NEW_WORDING,
                                                                                       2: SECOND_WORDING})
        prompts = data["prompts"]
        self.assertEqual((prompts["answered"], prompts["skipped"], prompts["shown"]), (1, 1, 2))
        self.assertEqual(prompts["answers"][0]["answer"], ANSWER)
        self.assertEqual(prompts["answers"][0]["prompt_text"], self.prompt_text)
        self.assertEqual(data["practice"], {"days": 6, "of": 7, "days_so_far": 6})
        self.assertEqual([d["date"] for d in data["days"]], [f"2026-11-{d}" for d in range(16, 23)])
        self.assertEqual([d["practice"] for d in data["days"]], [True] * 6 + [False])
        self.assertEqual([d["future"] for d in data["days"]], [False] * 6 + [True])
        self.assertEqual(data["records"], 5 + 1 + 8 + 4)

    def test_text_has_every_section(self):
        out = self.report_ok().stdout
        for heading in ("tend report: week 2026-W47", "Check-ins", "Breathing", "Boundaries", "Prompts", "Practice"):
            self.assertIn(heading, out)
        self.assertIn("5 check-ins", out)
        self.assertIn(CHECKIN_NOTE, out)
        self.assertIn(ANSWER, out)
        self.assertIn("Days with any practice: 6", out)
        self.assertNotIn("streak", out.lower())
        self.assertNoEscapes(out, "text piped")
        self.assertTrue(all(len(line) <= 80 for line in out.splitlines()), out)

    def test_markdown_has_every_section(self):
        out = self.report_ok("--format", "markdown").stdout
        self.assertTrue(out.startswith("# tend report: week 2026-W47\n"), out)
        for heading in ("## Check-ins", "## Breathing", "## Boundaries", "## Prompts", "## Practice"):
            self.assertIn(f"\n{heading}\n", out)
        self.assertIn(f"> {ANSWER}", out)
        self.assertNoEscapes(out)

    def test_html_is_one_self_contained_page_with_charts(self):
        out = self.report_ok("--format", "html").stdout
        self.assertTrue(out.lstrip().lower().startswith("<!doctype html>"), out[:80])
        self.assertNotIn("<script", out.lower())
        self.assertNotRegex(out, r"(?i)https?://", "no external links or resources")
        self.assertNotRegex(out, r"(?i)\b(src|href)\s*=", "nothing loaded from elsewhere")
        self.assertIn("@media print", out)
        charts = re.findall(r"(?s)<svg\b.*?</svg>", out)
        self.assertGreaterEqual(len(charts), 5, "a chart per dimension")
        for chart in charts:
            ET.fromstring(chart)  # each chart is well-formed SVG
        self.assertIn(CHECKIN_NOTE, out)
        self.assertNoEscapes(out)

    def test_csv_has_one_row_per_day(self):
        out = self.report_ok("--format", "csv").stdout
        rows = list(csv.reader(io.StringIO(out)))
        self.assertEqual(rows[0][:3], ["date", "checkins", "mood"])
        self.assertEqual([r[0] for r in rows[1:]], [f"2026-11-{d}" for d in range(16, 23)])
        self.assertTrue(all(len(r) == len(rows[0]) for r in rows))
        column = {name: i for i, name in enumerate(rows[0])}
        self.assertEqual([int(r[column["checkins"]]) for r in rows[1:]], [1, 1, 1, 1, 0, 1, 0])
        self.assertEqual(rows[2][column["breathe_sessions"]], "1")
        self.assertEqual(rows[3][column["prompts_answered"]], "1")
        self.assertEqual([r[column["practice"]] for r in rows[1:]], ["1"] * 6 + ["0"])

    def test_a_month_and_a_range_of_days(self):
        month = self.report_json("--month", "this")
        self.assertEqual((month["period"]["label"], month["period"]["days"]), ("2026-11", 30))
        self.assertEqual(month["checkins"]["count"], 7)
        self.assertEqual(month["previous_period"]["label"], "2026-10")
        days = self.report_json("--from", "2026-11-17", "--to", "2026-11-18")
        self.assertEqual((days["period"]["kind"], days["period"]["days"]), ("range", 2))
        self.assertEqual(days["checkins"]["count"], 2)
        self.assertEqual(days["previous_period"]["first"], "2026-11-15")


class Determinism(WeekCase):
    def test_two_runs_are_byte_identical_in_every_format(self):
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                first = self.report("--format", fmt, raw=True)
                second = self.report("--format", fmt, raw=True)
                self.assertEqual(first.returncode, 0, first.stderr)
                self.assertEqual(first.stdout, second.stdout)
                self.assertTrue(first.stdout)

    def test_a_past_week_reads_the_same_whatever_day_it_is_run(self):
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                runs = {self.report("--week", "2026-W47", "--format", fmt, raw=True,
                                    env={"TEND_NOW": now}).stdout
                        for now in ("2026-11-23T08:00:00+00:00", "2027-06-01T12:00:00+01:00")}
                self.assertEqual(len(runs), 1)

    def test_files_written_with_o_are_byte_identical_to_standard_output(self):
        for extension, fmt in EXTENSIONS.items():
            with self.subTest(extension=extension):
                path = os.path.join(self.tmp, f"week{extension}")
                r = self.report_ok("-o", path)
                self.assertEqual((r.stdout, r.stderr), ("", ""))
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), self.report("--format", fmt, raw=True).stdout)


class NoNotes(WeekCase):
    def test_free_text_is_there_by_default(self):
        for fmt in ("text", "markdown", "json", "html"):
            out = self.report_ok("--format", fmt).stdout
            for text in self.free_text:
                if text == WORDING or (fmt == "text" and text == self.prompt_text):
                    continue  # renegotiated into NEW_WORDING; wrapped to 80 columns
                with self.subTest(format=fmt, text=text):
                    self.assertIn(json.dumps(text)[1:-1] if fmt == "json" else text, out)

    def test_no_notes_leaves_out_every_piece_of_free_text_in_every_format(self):
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                out = self.report_ok("--format", fmt, "--no-notes").stdout
                for text in self.free_text:
                    self.assertNotIn(text, out)
                    self.assertNotIn(text[:20], out)
                for word in ("calmly", "dinner", "voices", "outside", "Walking", "nine"):
                    self.assertNotIn(word, out)
                self.assertIn("2026-11-16" if fmt == "csv" else "2026-W47", out)

    def test_no_notes_keeps_the_counts(self):
        data = self.report_json("--no-notes")
        self.assertIs(data["notes_included"], False)
        self.assertNotIn("notes", data["checkins"])
        self.assertNotIn("notes", data["boundaries"])
        self.assertNotIn("text", data["boundaries"]["most_tested"])
        self.assertEqual(data["prompts"]["answers"], [], "an id or a deck name can say what it was about")
        self.assertNotIn("tags", data["checkins"])
        self.assertEqual((data["checkins"]["count"], data["boundaries"]["events"], data["prompts"]["answered"]),
                         (5, 8, 1))

    def test_no_notes_in_a_file(self):
        path = os.path.join(self.tmp, "share.html")
        self.report_ok("--no-notes", "-o", path)
        with open(path, encoding="utf-8") as f:
            page = f.read()
        for text in self.free_text:
            self.assertNotIn(text, page)


class Output(WeekCase):
    def test_the_extension_picks_the_format(self):
        self.report_ok("-o", "week.json")
        with open(os.path.join(self.tmp, "week.json")) as f:
            self.assertEqual(json.load(f)["schema"], "tend.report/2")
        self.report_ok("-o", "WEEK.CSV")
        with open(os.path.join(self.tmp, "WEEK.CSV")) as f:
            self.assertTrue(f.read().startswith("date,"))

    def test_format_wins_over_the_extension(self):
        self.report_ok("-o", "week.txt", "--format", "json")
        with open(os.path.join(self.tmp, "week.txt")) as f:
            self.assertEqual(json.load(f)["schema"], "tend.report/2")
        self.report_ok("--output", "notes.log", "--format", "markdown")
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "notes.log")))

    def test_a_file_is_private_and_replaced_whole(self):
        path = os.path.join(self.tmp, "week.md")
        with open(path, "w") as f:
            f.write("old and much longer text " * 1000)
        os.chmod(path, 0o644)
        self.report_ok("-o", path, umask=0)
        self.assertEqual(self.mode(path), 0o600)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), self.report("--format", "markdown", raw=True).stdout)
        self.assertEqual([n for n in os.listdir(self.tmp) if ".tmp" in n], [], "no temp file left behind")

    def test_dash_is_standard_output(self):
        self.assertEqual(self.report_ok("-o", "-").stdout, self.report_ok().stdout)
        self.assertEqual(json.loads(self.report_ok("-o", "-", "--format", "json").stdout)["schema"], "tend.report/2")
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "-")))

    def test_dev_stdout_appends_where_the_shell_said(self):
        # `report -o /dev/stdout >> log` writes after what log holds, as `>>` asks.
        log = os.path.join(self.tmp, "log")
        with open(log, "w") as f:
            f.write("earlier\n")
        with open(log, "a") as f:
            self.report_ok("-o", "/dev/stdout", "--format", "csv", stdout=f)
        with open(log, "rb") as f:
            self.assertEqual(f.read(), b"earlier\n" + self.report("--format", "csv", raw=True).stdout)

    def read_in_background(self, path, opener):
        """Reads everything from what `opener(path)` gives, in a thread; returns a function to join it."""
        got = []

        def reader():
            with opener(path) as f:
                got.append(f.read())

        thread = threading.Thread(target=reader, daemon=True)
        thread.start()

        def result():
            thread.join(20)
            self.assertFalse(thread.is_alive(), "the reader got no end of file")
            return got[0]
        return result

    def test_a_fifo_is_written_and_stays_a_fifo(self):
        fifo = os.path.join(self.tmp, "report.fifo")
        os.mkfifo(fifo, 0o600)
        for args, fmt in ((("--format", "json"), "json"), ((), "text")):  # no extension a format knows: text
            with self.subTest(format=fmt):
                result = self.read_in_background(fifo, lambda p: open(p, "rb"))
                self.report_ok("-o", fifo, *args)
                self.assertEqual(result(), self.report("--format", fmt, raw=True).stdout)
                self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))
        self.assertEqual(sorted(os.listdir(self.tmp)), ["data", "report.fifo"], "no temp file beside it")

    def test_a_unix_socket_is_written(self):
        path = os.path.join(self.tmp, "report.sock")
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.addCleanup(server.close)
        server.bind(path)
        server.listen(1)

        def accept(p):
            conn, _ = server.accept()
            return conn.makefile("rb")
        result = self.read_in_background(path, accept)
        self.report_ok("-o", path, "--format", "markdown")
        self.assertEqual(result(), self.report("--format", "markdown", raw=True).stdout)
        self.assertTrue(stat.S_ISSOCK(os.lstat(path).st_mode))

    def test_a_symlink_is_followed_and_never_replaced(self):
        os.mkdir(os.path.join(self.tmp, "reports"))
        target = os.path.join(self.tmp, "reports", "week.md")
        with open(target, "w") as f:
            f.write("last week\n")
        link = os.path.join(self.tmp, "latest.md")
        os.symlink("reports/week.md", link)  # relative, as ln -s makes them
        chain = os.path.join(self.tmp, "current.md")
        os.symlink(link, chain)
        expected = self.report("--format", "markdown", raw=True).stdout
        for given in (link, chain):
            with self.subTest(given=os.path.basename(given)):
                self.report_ok("-o", given)
                self.assertEqual((os.readlink(link), os.readlink(chain)), ("reports/week.md", link))
                with open(target, "rb") as f:
                    self.assertEqual(f.read(), expected)
                self.assertEqual(self.mode(target), 0o600)
        self.assertEqual(os.listdir(os.path.join(self.tmp, "reports")), ["week.md"], "no temp file left behind")

    def test_a_dangling_symlink_creates_its_target(self):
        link = os.path.join(self.tmp, "latest.json")
        os.symlink("week47.json", link)
        self.report_ok("-o", link)
        self.assertEqual(os.readlink(link), "week47.json")
        with open(os.path.join(self.tmp, "week47.json")) as f:
            self.assertEqual(json.load(f)["schema"], "tend.report/2")

    def test_a_symlink_to_a_fifo_writes_the_fifo(self):
        fifo = os.path.join(self.tmp, "pipe")
        os.mkfifo(fifo, 0o600)
        link = os.path.join(self.tmp, "week.csv")
        os.symlink(fifo, link)
        result = self.read_in_background(fifo, lambda p: open(p, "rb"))
        self.report_ok("-o", link)
        self.assertEqual(result(), self.report("--format", "csv", raw=True).stdout)
        self.assertTrue(os.path.islink(link))
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))

    def test_never_colour_in_a_file(self):
        for extension in (".txt", ".md", ".html"):
            with self.subTest(extension=extension):
                path = os.path.join(self.tmp, f"colour{extension}")
                self.report_ok("-o", path, "--color", "always")
                with open(path, "rb") as f:
                    self.assertNoEscapes(f.read(), path)

    def test_colour_always_on_standard_output(self):
        self.assertIn("\x1b[", self.report_ok("--color", "always").stdout)
        self.assertIn("\x1b[", self.report_ok("--color", "always", env={"NO_COLOR": "1"}).stdout)

    def test_no_colour_when_piped_or_with_no_color(self):
        self.assertNoEscapes(self.report_ok().stdout, "piped")
        self.assertNoEscapes(self.report_ok("--color", "never").stdout)
        for fmt in ("markdown", "json", "html", "csv"):
            self.assertNoEscapes(self.report_ok("--color", "always", "--format", fmt).stdout, fmt)

    def test_colour_on_a_terminal_unless_no_color(self):
        run = self.pty()
        rc, screen, _ = run.finish()
        self.assertEqual(rc, 0)
        self.assertIn("\x1b[", screen)
        run = self.pty(env={"NO_COLOR": "1"})
        rc, screen, _ = run.finish()
        self.assertEqual(rc, 0)
        self.assertIn("Check-ins", screen)
        self.assertNoEscapes(screen, "with NO_COLOR on a terminal")

    def test_reading_never_changes_the_data(self):
        before = self.snapshot()
        for fmt in FORMATS:
            self.report_ok("--format", fmt)
        self.report_ok("--month", "last")
        self.assertEqual(self.snapshot(), before)


class Empty(ReportCase):
    def test_quiet_if_empty_prints_nothing_for_an_empty_data_dir(self):
        r = self.report_ok("--quiet-if-empty")
        self.assertEqual((r.stdout, r.stderr), ("", ""))
        self.assertFalse(os.path.exists(self.data_dir), "a report never creates the data directory")

    def test_quiet_if_empty_writes_no_file(self):
        r = self.report_ok("--quiet-if-empty", "-o", "week.md")
        self.assertEqual((r.stdout, r.stderr), ("", ""))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "week.md")))

    def test_quiet_if_empty_in_every_format(self):
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                self.assertEqual(self.report_ok("--quiet-if-empty", "--format", fmt).stdout, "")

    def test_quiet_if_empty_when_the_records_are_in_other_weeks(self):
        self.then(at(10), "checkin", "5")  # the week before: compared with, but not in the period
        self.then("2026-10-10T12:00:00+01:00", "boundary-log", "add", "Knock first", "-q")
        self.assertEqual(self.report_ok("--quiet-if-empty").stdout, "")
        out = self.report_ok("--quiet-if-empty", "--week", "last").stdout
        self.assertIn("1 check-in", out)

    def test_an_empty_data_dir_says_there_is_nothing_yet_and_what_to_try(self):
        r = self.report_ok()
        self.assertEqual(r.stderr, "")
        self.assertIn("Nothing to report yet", r.stdout)
        self.assertIn(self.data_dir, r.stdout)
        for tool in ("checkin 6", "breathe", "prompt today", "boundary-log add"):
            self.assertIn(tool, r.stdout)
        self.assertFalse(os.path.exists(self.data_dir), "a report never creates the data directory")

    def test_an_empty_period_without_quiet_says_so_kindly(self):
        self.then("2026-10-10T12:00:00+01:00", "boundary-log", "add", "Knock first", "-q")  # another month
        r = self.report_ok()
        self.assertEqual(r.stderr, "")
        self.assertIn("No check-ins this week.", r.stdout)
        self.assertIn("No breathing sessions this week.", r.stdout)
        for unkind in ("error", "streak", "fail", "missed", "broken"):
            self.assertNotIn(unkind, r.stdout.lower())
        data = self.report_json()
        self.assertEqual((data["records"], data["checkins"]["count"], data["practice"]["days"]), (0, 0, 0))

    def test_an_empty_period_in_every_format(self):
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                self.assertTrue(self.report_ok("--format", fmt).stdout)


class Periods(ReportCase):
    def period(self, *args, **kwargs):
        return self.report_json(*args, **kwargs)["period"]

    def span(self, *args, **kwargs):
        p = self.period(*args, **kwargs)
        return p["label"], p["first"], p["last"]

    def test_weeks(self):
        self.assertEqual(self.span(), ("2026-W47", "2026-11-16", "2026-11-22"))
        self.assertEqual(self.span("--week", "this"), ("2026-W47", "2026-11-16", "2026-11-22"))
        self.assertEqual(self.span("--week", "last"), ("2026-W46", "2026-11-09", "2026-11-15"))
        self.assertEqual(self.span("--week", "LAST"), ("2026-W46", "2026-11-09", "2026-11-15"))
        self.assertEqual(self.span("--week", "2026-W01"), ("2026-W01", "2025-12-29", "2026-01-04"))
        self.assertEqual(self.span("--week", "2026-w46"), ("2026-W46", "2026-11-09", "2026-11-15"))

    def test_53_week_years_and_the_year_end(self):
        self.assertEqual(self.span("--week", "2026-W53"), ("2026-W53", "2026-12-28", "2027-01-03"))
        self.assertEqual(self.span("--week", "2020-W53"), ("2020-W53", "2020-12-28", "2021-01-03"))
        self.assertEqual(self.span("--week", "last", env={"TEND_NOW": "2027-01-05T10:00:00+00:00"}),
                         ("2026-W53", "2026-12-28", "2027-01-03"))
        self.assertEqual(self.span("--week", "this", env={"TEND_NOW": "2027-01-01T10:00:00+00:00"}),
                         ("2026-W53", "2026-12-28", "2027-01-03"))

    def test_months(self):
        self.assertEqual(self.span("--month", "this"), ("2026-11", "2026-11-01", "2026-11-30"))
        self.assertEqual(self.span("--month", "last"), ("2026-10", "2026-10-01", "2026-10-31"))
        self.assertEqual(self.span("--month", "2024-02"), ("2024-02", "2024-02-01", "2024-02-29"))
        self.assertEqual(self.span("--month", "last", env={"TEND_NOW": "2027-01-15T10:00:00+00:00"}),
                         ("2026-12", "2026-12-01", "2026-12-31"))

    def test_from_and_to(self):
        p = self.period("--from", "2026-11-01", "--to", "2026-11-20")
        self.assertEqual((p["kind"], p["first"], p["last"], p["days"]), ("range", "2026-11-01", "2026-11-20", 20))
        p = self.period("--from", "2026-11-19")
        self.assertEqual((p["first"], p["last"]), ("2026-11-19", "2026-11-21"), "--to is today by default")
        p = self.period("--from", "mon", "--to", "yesterday")
        self.assertEqual((p["first"], p["last"]), ("2026-11-16", "2026-11-20"))
        p = self.period("--from=-3d")
        self.assertEqual((p["first"], p["last"]), ("2026-11-18", "2026-11-21"))
        data = self.report_json("--from", "2026-11-19", "--to", "2026-11-21")
        self.assertEqual((data["previous_period"]["first"], data["previous_period"]["last"]),
                         ("2026-11-16", "2026-11-18"))

    def test_week_start(self):
        self.assertEqual(self.span("--week-start", "sunday"), ("2026-W47", "2026-11-15", "2026-11-21"))
        self.assertEqual(self.span("--week-start", "Sun", "--week", "last"), ("2026-W46", "2026-11-08", "2026-11-14"))
        self.assertEqual(self.span("--week-start", "sunday", "--week", "2026-W47"),
                         ("2026-W47", "2026-11-15", "2026-11-21"))
        self.write_config('[report]\nweek_start = "saturday"\n')
        self.assertEqual(self.span()[1:], ("2026-11-21", "2026-11-27"))
        self.assertEqual(self.span("--week-start", "monday")[1:], ("2026-11-16", "2026-11-22"),
                         "--week-start wins over the config")

    def test_days_are_local_across_a_dst_change(self):
        # 29 March 2026: Europe/London goes to BST; the Sunday has 23 hours.
        self.then(NOW, "checkin", "4", "--at", "2026-03-29T23:30")  # 22:30 UTC, still Sunday
        self.then(NOW, "checkin", "6", "--at", "2026-03-30T00:30")  # 23:30 UTC Sunday, but Monday here
        self.then(NOW, "checkin", "5", "--at", "2026-03-23T00:10")  # Monday, the first minutes of the week
        week = self.report_json("--week", "2026-W13")
        self.assertEqual([d["checkins"] for d in week["days"]], [1, 0, 0, 0, 0, 0, 1])
        self.assertEqual(self.report_json("--week", "2026-W14")["days"][0]["checkins"], 1)
        # 25 October 2026, back to GMT: the Sunday has 25 hours.
        self.then(NOW, "checkin", "7", "--at", "2026-10-25T01:30")
        self.then(NOW, "checkin", "7", "--at", "2026-10-25T23:59")
        self.assertEqual(self.report_json("--week", "2026-W43")["days"][6]["checkins"], 2)


if __name__ == "__main__":
    unittest.main()
