# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""checkin import (Daylio CSV, jrnl JSON, tend's export) and report --export, on real-looking files.

The exports are written here the way the apps write them: Daylio newest first, every text
field quoted, 12-hour times, activities joined by " | "; jrnl through json.dumps (ASCII escapes,
as `jrnl --export json` does). Awkward cases sit among a few hundred ordinary entries.
"""

import datetime
import json
import os
import subprocess
import sys

from tendtest import SOURCE_DIR, TendTestCase

DAYLIO_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"
MOODS = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
ACTIVITIES = ["work", "movies / tv", "bad sleep", "family", "nature / walk", "eat out", "stressed / frustrated"]


def quoted(text):
    return '"' + text.replace('"', '""') + '"'


def twelve_hour(hour, minute):
    return f"{(hour + 11) % 12 + 1}:{minute:02} {'am' if hour < 12 else 'pm'}"


def daylio_row(day, hour, minute, mood, activities=(), title="", note="", sep=" | "):
    return ",".join([day.isoformat(), f"{day.day} {day:%B}", f"{day:%A}", twelve_hour(hour, minute), mood,
                     quoted(sep.join(activities)), quoted(title), quoted(note)])


def daylio_history(days, first=datetime.date(2025, 3, 1)):
    """(row, expected) for one entry a day, oldest first; expected is what the check-in holds."""
    entries = []
    for i in range(days):
        day = first + datetime.timedelta(days=i)
        mood = list(MOODS)[i % 5]
        acts = [ACTIVITIES[(i + k) % len(ACTIVITIES)] for k in range(i % 3)]
        hour, minute = (i * 7) % 24, (i * 13) % 60
        note = f"day {i}" if i % 4 == 0 else ""
        entries.append((daylio_row(day, hour, minute, mood, acts, note=note),
                        {"day": day, "hour": hour, "minute": minute, "mood": MOODS[mood], "tags": acts,
                         "note": note or None}))
    return entries


def daylio_csv(rows, newline="\n"):
    # Daylio writes the newest entry first.
    return newline.join([DAYLIO_HEADER] + list(reversed(rows))) + newline


class ImportCase(TendTestCase):
    tool = "checkin"

    def required_tools(self):
        return ["checkin", "report"]

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    def import_(self, *args, **kwargs):
        return self.checkin("import", *args, **kwargs)

    def month_files(self, root):
        return {path: entry for path, entry in self.snapshot(root).items() if path.endswith(".toml")}

    def all_checkins(self):
        return self.list_json("--since", "1970-01-01")


class Daylio(ImportCase):
    def test_a_year_imports_with_its_moods_tags_and_notes_and_twice_adds_nothing(self):
        entries = daylio_history(300)
        path = self.write("daylio.csv", daylio_csv([row for row, _ in entries]))
        r = self.import_("daylio", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Imported 300 check-ins", r.stderr)
        records = self.all_checkins()
        self.assertEqual(len(records), 300)
        for record, (_, want) in zip(records, entries):
            at = datetime.datetime.fromisoformat(record["at"])
            self.assertEqual((at.date(), at.hour, at.minute), (want["day"], want["hour"], want["minute"]))
            self.assertEqual(record["mood"], want["mood"])
            self.assertEqual(record["tags"] or [], want["tags"])
            self.assertEqual(record.get("note"), want["note"])
            self.assertRegex(record["source"], r"^daylio:[0-9a-f]{16}$")
            self.assertEqual(record["recorded"], self.now)
        before = self.snapshot()
        again = self.import_("daylio", path)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("Nothing new in", again.stderr)
        self.assertIn("300 check-ins already here", again.stderr)
        self.assertEqual(self.snapshot(), before, "a second import changes no byte")

    def test_an_overlapping_newer_export_adds_only_what_is_new(self):
        rows = [row for row, _ in daylio_history(300)]
        self.ok("import", "daylio", self.write("old.csv", daylio_csv(rows[:200])))
        r = self.ok("import", "daylio", self.write("new.csv", daylio_csv(rows[100:])))
        self.assertIn("Imported 100 check-ins", r.stderr)
        self.assertIn("100 already here", r.stderr)
        self.assertEqual(len(self.all_checkins()), 300)

    def test_awkward_rows_of_a_real_export(self):
        day = datetime.date(2026, 3, 28)  # British Summer Time starts the next day
        rows = [
            daylio_row(day, 22, 0, "good ", ["clean", "music", "movies / tv", "stressed / frustrated ", "bad sleep "],
                       sep="  | "),
            daylio_row(day, 0, 5, "average", ["work"], title="Long <b>day</b>",
                       note='Tired, "really" tired<br>but ok &amp; home<br/>\nNext line'),
            daylio_row(day, 12, 30, "Sad", [], note="<p>one</p><p>two</p>"),
            daylio_row(datetime.date(2026, 7, 1), 12, 0, "rad", ["x" * 70, "walk"]),
        ]
        path = self.write("awkward.csv", daylio_csv(rows, newline="\r\n"))
        r = self.import_("daylio", path, "--mood-map", "average=5,sad=2")
        self.assertEqual(r.returncode, 0, r.stderr)
        midnight, noon, night, summer = self.all_checkins()
        self.assertEqual(night["at"], "2026-03-28T22:00:00+00:00")
        self.assertEqual(night["mood"], 7)
        self.assertEqual(night["tags"], ["clean", "music", "movies / tv", "stressed / frustrated", "bad sleep"])
        self.assertIsNone(night["note"])
        self.assertEqual(midnight["at"], "2026-03-28T00:05:00+00:00")
        self.assertEqual(midnight["mood"], 5)
        self.assertEqual(midnight["note"], 'Long day\n\nTired, "really" tired\nbut ok & home\n\nNext line')
        self.assertEqual(noon["mood"], 2)
        self.assertEqual(noon["note"], "one\ntwo")
        self.assertEqual(summer["at"], "2026-07-01T12:00:00+01:00")
        self.assertEqual(summer["tags"], ["walk"])
        self.assertEqual(summer["note"], "Daylio activities: " + "x" * 70)

    def test_the_older_format_and_another_zone(self):
        text = ("year,date,weekday,time,mood,activities,note\n"
                '2020,31 August,Monday,08:13,meh,"Sleeping ",""\n'
                '2020,28 August,Friday,8:01 pm,good,"movies | good meal","a, b"\n')
        r = self.import_("daylio", self.write("old.csv", text), "--tz", "America/New_York")
        self.assertEqual(r.returncode, 0, r.stderr)
        friday, monday = self.all_checkins()
        self.assertEqual(friday["at"], "2020-08-28T20:01:00-04:00")
        self.assertEqual(friday["tags"], ["movies", "good meal"])
        self.assertEqual(friday["note"], "a, b")
        self.assertEqual(monday["at"], "2020-08-31T08:13:00-04:00")
        self.assertEqual(monday["tags"], ["sleeping"])

    def test_dry_run_lists_what_would_happen_and_writes_nothing(self):
        rows = [row for row, _ in daylio_history(5)]
        self.ok("import", "daylio", self.write("first.csv", daylio_csv(rows[:2])))
        before = self.snapshot()
        r = self.ok("import", "daylio", self.write("all.csv", daylio_csv(rows)), "--dry-run")
        self.assertEqual(self.snapshot(), before)
        lines = r.stdout.splitlines()
        self.assertEqual(sum(line.startswith("add ") for line in lines), 3, r.stdout)
        self.assertEqual(sum(line.startswith("skip ") for line in lines), 2, r.stdout)
        self.assertIn("imported before", r.stdout)
        self.assertEqual(lines[-1], "Dry run, nothing written: 3 check-ins to add, 2 already here, 0 refused.")

    def test_dry_run_into_no_data_dir_creates_nothing(self):
        self.ok("import", "daylio", self.write("d.csv", daylio_csv([row for row, _ in daylio_history(3)])),
                "--dry-run")
        self.assertFalse(os.path.exists(self.data_dir))

    def test_json_gives_the_counts(self):
        path = self.write("d.csv", daylio_csv([row for row, _ in daylio_history(4)]))
        r = self.ok("import", "daylio", path, "--json")
        self.assertEqual(json.loads(r.stdout), {"dry_run": False, "written": True, "added": 4, "skipped": 0,
                                                "refused": 0, "problems": []})


class Malformed(ImportCase):
    """Each bad file gives a clear message, exit 65, and leaves the data as it was."""

    def setUp(self):
        super().setUp()
        self.ok("5", "--note", "already here")
        self.before = self.snapshot()

    def refused(self, name, text, *expected, args=()):
        path = self.write(name, text)
        r = self.import_("daylio", path, *args)
        self.assertError(r, 65)
        for part in expected:
            self.assertIn(part.format(path=path), r.stderr)
        self.assertIn("nothing was imported", r.stderr)
        self.assertEqual(self.snapshot(), self.before, "a refused import writes nothing")
        return r

    def good_rows(self, count=3):
        return [row for row, _ in daylio_history(count)]

    def test_wrong_header(self):
        self.refused("h.csv", "date,mood,notes\n2021-01-01,good,\n", "{path}:1: this is not a Daylio CSV export")

    def test_jrnl_file_given_as_daylio(self):
        self.refused("j.csv", '{"entries": []}\n', "{path}:1: this is not a Daylio CSV export")

    def test_broken_quote(self):
        rows = self.good_rows()
        rows[0] = rows[0][:-1]  # the last field's closing quote is gone
        # Newest first: the oldest row is the file's last, line 4; the error points at its note's quote.
        col = rows[0].rindex('"') + 1
        self.refused("q.csv", daylio_csv(rows), "{path}:4:%d: a quoted field is never closed" % col)

    def test_stray_quote_spoils_only_its_row_but_nothing_is_written(self):
        rows = self.good_rows()
        rows.insert(1, '2025-03-02,2 March,Sunday,9:00 am,good,"a"b,"",""')
        self.refused("s.csv", daylio_csv(rows), "{path}:4: text after a closing quote",
                     "1 of 4 entries cannot be imported", "--skip-bad")

    def test_impossible_date(self):
        rows = self.good_rows()
        rows.append('2025-02-30,30 February,Sunday,9:00 am,good,"","",""')
        self.refused("d.csv", daylio_csv(rows), "{path}:2: '2025-02-30' is not a date")

    def test_unknown_mood_names_the_flag(self):
        rows = self.good_rows()
        rows.append('2025-03-09,9 March,Sunday,9:00 am,so-so,"","",""')
        self.refused("m.csv", daylio_csv(rows), "{path}:2: the mood 'so-so' has no number yet",
                     "--mood-map 'so-so=N'")

    def test_every_bad_row_is_listed_and_skip_bad_imports_the_rest(self):
        rows = self.good_rows(3)
        rows += ['2025-02-30,30 February,Sunday,9:00 am,good,"","",""',
                 '2025-03-09,9 March,Sunday,25:00,good,"","",""']
        path = self.write("b.csv", daylio_csv(rows))
        r = self.import_("daylio", path)
        self.assertError(r, 65)
        self.assertIn(f"{path}:3: '2025-02-30'", r.stderr)
        self.assertIn(f"{path}:2: '25:00' is not a time", r.stderr)
        self.assertIn("2 of 5 entries cannot be imported", r.stderr)
        self.assertEqual(self.snapshot(), self.before)
        dry = self.import_("daylio", path, "--dry-run")
        self.assertEqual(dry.returncode, 65)
        self.assertIn("refuse line 2", dry.stdout)
        self.assertEqual(self.snapshot(), self.before)
        ok = self.ok("import", "daylio", path, "--skip-bad")
        self.assertIn(f"checkin: warning: {path}:2:", ok.stderr)
        self.assertIn("Imported 3 check-ins", ok.stderr)
        self.assertIn("2 left out", ok.stderr)
        self.assertEqual(len(self.all_checkins()), 4)

    def test_missing_file_and_wrong_flags_are_usage_errors(self):
        self.assertUsageError(self.import_("daylio", os.path.join(self.tmp, "nope.csv")))
        self.assertUsageError(self.import_("diary", "x"))
        self.assertUsageError(self.import_("jrnl", "x", "--mood-map", "a=1"))
        self.assertUsageError(self.import_("daylio", "x", "--mood-map", "average"))
        self.assertUsageError(self.import_("daylio", "x", "--tz", "Mars/Olympus"))
        self.assertEqual(self.snapshot(), self.before)


def jrnl_export(count, first=datetime.datetime(2024, 1, 1, 7, 30)):
    entries, tags = [], {}
    for i in range(count):
        when = first + datetime.timedelta(hours=19 * i)
        entry_tags = ["@work"] if i % 3 == 0 else []
        if i % 5 == 0:
            entry_tags.append(f"@mood{i % 11}")
        for tag in entry_tags:
            tags[tag] = tags.get(tag, 0) + 1
        entries.append({"title": f"Entry {i}.", "body": f"Body of {i}, with \u00e9 and \U0001F600\nsecond line"
                        if i % 2 else "", "date": when.strftime("%Y-%m-%d"), "time": when.strftime("%H:%M"),
                        "tags": entry_tags, "starred": i % 7 == 0})
    return json.dumps({"tags": tags, "entries": entries}, indent=2)


class Jrnl(ImportCase):
    def test_a_few_hundred_entries_with_tags_and_stars_and_twice_adds_nothing(self):
        path = self.write("journal.json", jrnl_export(250))
        r = self.import_("jrnl", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Imported 250 check-ins", r.stderr)
        records = self.all_checkins()
        self.assertEqual(len(records), 250)
        self.assertEqual(records[0]["note"], "Entry 0.")
        self.assertEqual(records[0]["tags"], ["work", "mood0", "starred"])
        self.assertIsNone(records[0]["mood"])
        self.assertEqual(records[1]["note"], "Entry 1.\nBody of 1, with \u00e9 and \U0001F600\nsecond line")
        self.assertEqual(records[1]["at"], "2024-01-02T02:30:00+00:00")
        self.assertEqual(sum("starred" in (r["tags"] or []) for r in records), 36)
        before = self.snapshot()
        self.assertIn("250 check-ins already here", self.ok("import", "jrnl", path).stderr)
        self.assertEqual(self.snapshot(), before)

    def test_mood_from_tag(self):
        self.ok("import", "jrnl", self.write("journal.json", jrnl_export(20)), "--mood-from-tag")
        records = self.all_checkins()
        self.assertEqual(records[5]["mood"], 5)
        self.assertEqual(records[5].get("tags"), None)
        self.assertIsNone(records[1]["mood"])

    def test_not_json_is_refused_at_its_place(self):
        path = self.write("bad.json", '{"entries": [\n  {"date": "2024-01-01",}\n]}')
        self.ok("5")
        before = self.snapshot()
        r = self.import_("jrnl", path)
        self.assertError(r, 65)
        self.assertIn(f"{path}:2:25: expected a key", r.stderr)
        self.assertEqual(self.snapshot(), before)

    def test_from_standard_input(self):
        r = self.import_("jrnl", "-", input=jrnl_export(3))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("from standard input", r.stderr)
        self.assertEqual(len(self.all_checkins()), 3)


class TendExport(ImportCase):
    def make_history(self, data_dir, *args):
        subprocess.run([sys.executable, os.path.join(SOURCE_DIR, "bench", "make_history.py"), data_dir, *args],
                       check=True, capture_output=True, env={**os.environ, "TZ": self.tz})

    def export(self, data_dir, path):
        r = self.run_tool("--export", "-o", path, tool="report", env={"TEND_DATA_DIR": data_dir})
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_twenty_years_export_and_import_back_byte_for_byte(self):
        source = os.path.join(self.tmp, "source")
        self.make_history(source, "--years", "20")
        export = os.path.join(self.tmp, "all.jsonl")
        self.export(source, export)
        with open(export, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        self.assertEqual({line["kind"] for line in lines}, {"checkin", "breathe", "boundary", "prompt"})
        self.assertGreater(len(lines), 20000)
        r = self.import_("tend", export)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"Imported {len(lines)} records", r.stderr)
        devices = os.path.join(self.data_dir, "devices")
        restored = self.snapshot(devices)
        # Compared as a whole only when equal: a diff of 20 years of files is no help to anyone.
        self.assertTrue(restored == self.snapshot(os.path.join(source, "devices")),
                        "every month file is back, byte for byte")
        again = self.ok("import", "tend", export)
        self.assertIn(f"{len(lines)} records already here", again.stderr)
        self.assertTrue(self.snapshot(devices) == restored)

    def test_edited_records_and_imports_survive_the_round_trip(self):
        self.ok("import", "daylio", self.write("d.csv", daylio_csv([row for row, _ in daylio_history(3)])))
        self.ok("4", "--feel", "tired", "--note", 'tab\there "quoted" \u202e', "--at", "2026-11-20T08:00")
        export = os.path.join(self.tmp, "all.jsonl")
        self.export(self.data_dir, export)
        restored = os.path.join(self.tmp, "restored")
        r = self.import_("tend", export, env={"TEND_DATA_DIR": restored})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.month_files(restored), self.month_files(self.data_dir))

    def test_a_different_record_under_a_taken_id_is_refused(self):
        saved = self.add("6", "--note", "mine")
        line = {"kind": "checkin", "id": saved["id"], "at": saved["at"], "recorded": saved["recorded"], "mood": 2}
        before = self.snapshot()
        path = self.write("x.jsonl", json.dumps(line) + "\n")
        r = self.import_("tend", path)
        self.assertError(r, 65)
        self.assertIn(f"already holds a different record with id '{saved['id']}'", r.stderr)
        self.assertEqual(self.snapshot(), before)

    def test_a_bad_line_is_named_with_its_column(self):
        path = self.write("x.jsonl", '\n{"kind":"diary"}\n')
        r = self.import_("tend", path)
        self.assertError(r, 65)
        self.assertIn(f"{path}:2:9: 'diary' is not a kind of record tend keeps", r.stderr)
        self.assertFalse(os.path.exists(self.kind_dir("checkin")))

    def test_export_refuses_report_options_and_is_empty_without_data(self):
        r = self.run_tool("--export", "--week", "last", tool="report")
        self.assertUsageError(r, tool="report")
        r = self.run_tool("--export", tool="report")
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)
