# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""checkin's happy paths: saving, listing, editing, deleting, undo, due, feelings, colour, safety."""

import datetime
import json
import os
import re
import subprocess
import unicodedata
import unittest

from tendtest import BIN_DIR, DEVICE, ID_RE, RFC3339_RE, TendTestCase

NOW = "2026-11-21T19:10:00+00:00"


class SaveAndList(TendTestCase):
    def test_quick_checkin_is_listed_as_json(self):
        r = self.checkin("6", "--feel", "tired", "--tag", "work", "--note", "long day")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "", "without --json a check-in prints nothing on stdout")
        self.assertIn("Saved check-in", r.stderr)
        records = self.list_json()
        self.assertEqual(len(records), 1)
        rec = records[0]
        self.assertRegex(rec["id"], ID_RE)
        self.assertIn(rec["id"], r.stderr)
        self.assertRegex(rec["at"], RFC3339_RE)
        self.assertRegex(rec["recorded"], RFC3339_RE)
        self.assertEqual(rec["at"], NOW)
        self.assertEqual(rec["recorded"], NOW)
        self.assertEqual(rec["mood"], 6)
        self.assertEqual(rec["feelings"], ["tired"])
        self.assertEqual(rec["tags"], ["work"])
        self.assertEqual(rec["note"], "long day")
        for absent in ("energy", "anxiety", "closeness", "safety"):
            self.assertIsNone(rec[absent])

    def test_json_on_save_matches_list(self):
        saved = self.add("4", "--energy", "3")
        self.assertEqual(self.list_json(), [saved])

    def test_month_file_is_valid_toml_with_offsets(self):
        saved = self.add("6", "--feel", "tired", "--tag", "work", "--note", "long day")
        doc = self.parse_month("2026-11")
        self.assertEqual(list(doc.keys()), ["checkin"])
        [rec] = doc["checkin"]
        self.assertEqual(rec["id"], saved["id"])
        for key in ("at", "recorded"):
            self.assertIsInstance(rec[key], datetime.datetime)
            self.assertIsNotNone(rec[key].tzinfo, f"{key} must carry its UTC offset")
        self.assertEqual(rec["at"], datetime.datetime(2026, 11, 21, 19, 10, tzinfo=datetime.timezone.utc))
        self.assertEqual(rec["mood"], 6)
        self.assertEqual(rec["note"], "long day")
        text = self.read_month().decode()
        self.assertRegex(text, r"(?m)^at = 2026-11-21T19:10:00\+00:00$")

    def test_files_private_even_with_umask_0(self):
        saved = self.add("5", umask=0)
        self.assertEqual(self.mode(self.data_dir), 0o700)
        self.assertEqual(self.mode(self.kind_dir("checkin")), 0o700)
        self.assertEqual(self.mode(self.month_path()), 0o600)
        for name in os.listdir(self.kind_dir("checkin")):
            self.assertEqual(self.mode(os.path.join(self.kind_dir("checkin"), name)), 0o600, name)
        # A rewrite keeps the file private, and so does a month created by a move.
        self.ok("edit", saved["id"], "--mood", "6", umask=0)
        self.assertEqual(self.mode(self.month_path()), 0o600)
        self.ok("edit", saved["id"], "--at", "2026-10-15", "--mood", "7", umask=0)
        self.assertEqual(self.mode(self.month_path("2026-10")), 0o600)
        self.assertEqual(self.mode(self.month_path()), 0o600)

    def test_every_value_flag(self):
        rec = self.add("--mood", "0", "--energy", "10", "--anxiety", "3", "--closeness", "7", "--safety", "8",
                       "--feel", "tired,tense", "--feel", "Calm", "--feel", " hopeful , tired",
                       "--tag", "work", "--tag", "home,Family", "--note", "all of it")
        self.assertEqual((rec["mood"], rec["energy"], rec["anxiety"], rec["closeness"], rec["safety"]),
                         (0, 10, 3, 7, 8))
        self.assertEqual(rec["feelings"], ["tired", "tense", "calm", "hopeful"])
        self.assertEqual(rec["tags"], ["work", "home", "family"])
        self.assertEqual(rec["note"], "all of it")
        self.assertEqual(self.list_json(), [rec])
        [stored] = self.month_records()
        self.assertEqual(stored["feelings"], ["tired", "tense", "calm", "hopeful"])
        self.assertEqual(stored["tags"], ["work", "home", "family"])

    def test_positional_mood(self):
        self.assertEqual(self.add("7")["mood"], 7)

    def test_note_from_stdin(self):
        rec = self.add("3", "--note", "-", input="line one\nline two\n")
        self.assertEqual(rec["note"], "line one\nline two")
        self.assertEqual(self.month_records()[0]["note"], "line one\nline two")

    def test_own_feeling_words_from_config(self):
        self.write_config('[checkin]\nfeelings = ["Sparkly"]\n')
        self.assertEqual(self.add("--feel", "sparkly")["feelings"], ["sparkly"])

    def test_at_forms(self):
        # TEND_NOW is Saturday 2026-11-21 19:10 GMT.
        cases = {
            "now": "2026-11-21T19:10:00+00:00",
            "today": "2026-11-21T19:10:00+00:00",
            "yesterday": "2026-11-20T12:00:00+00:00",
            "yesterday 21:00": "2026-11-20T21:00:00+00:00",
            "21:00": "2026-11-20T21:00:00+00:00",  # the most recent 21:00
            "9:30": "2026-11-21T09:30:00+00:00",
            "-2h": "2026-11-21T17:10:00+00:00",
            "-30m": "2026-11-21T18:40:00+00:00",
            "-1h30m": "2026-11-21T17:40:00+00:00",
            "-1d": "2026-11-20T19:10:00+00:00",
            "2026-11-20": "2026-11-20T12:00:00+00:00",
            "2026-11-20T21:00": "2026-11-20T21:00:00+00:00",
            "2026-11-20 08:30": "2026-11-20T08:30:00+00:00",
            "2026-11-20T21:00:00+05:00": "2026-11-20T16:00:00+00:00",
            "mon": "2026-11-16T12:00:00+00:00",
            "monday": "2026-11-16T12:00:00+00:00",
            "fri": "2026-11-20T12:00:00+00:00",
            "sat": "2026-11-21T19:10:00+00:00",  # today counts as the most recent Saturday
            "2026-07-01": "2026-07-01T12:00:00+01:00",  # the offset of that day (BST), not of now
        }
        for when, expected in cases.items():
            with self.subTest(at=when):
                rec = self.add("5", "--at", when)
                self.assertEqual(rec["at"], expected)
                self.assertEqual(rec["recorded"], NOW)

    def test_at_on_dst_days(self):
        # Europe/London: clocks go back at 02:00 BST on 2026-10-25, forward at 01:00 GMT on 2026-03-29.
        self.now = "2026-10-25T12:00:00Z"
        self.assertEqual(self.add("5", "--at", "01:30")["at"], "2026-10-25T01:30:00+01:00",
                         "an ambiguous time is the earlier of the two")
        self.now = "2026-10-25T23:30:00Z"
        self.assertEqual(self.add("5", "--at", "yesterday 23:30")["at"], "2026-10-24T23:30:00+01:00")
        self.assertEqual([r["at"] for r in self.list_json("--since", "today")], ["2026-10-25T01:30:00+01:00"])
        self.assertEqual(self.checkin("due").returncode, 1, "01:30 BST on the 25-hour day is today")
        self.now = "2026-03-29T12:00:00Z"
        self.assertEqual(self.add("5", "--at", "01:30")["at"], "2026-03-29T02:30:00+01:00",
                         "a time in the spring-forward gap moves forward by the gap")

    def test_at_files_into_the_month_it_is_about(self):
        rec = self.add("5", "--at", "2026-10-31T23:30")
        self.assertEqual([r["id"] for r in self.month_records("2026-10")], [rec["id"]])
        self.assertFalse(os.path.exists(self.month_path("2026-11")))

    def test_offset_follows_tz(self):
        self.tz = "America/New_York"
        rec = self.add("5")
        self.assertEqual(rec["at"], "2026-11-21T14:10:00-05:00")
        self.assertEqual(rec["recorded"], "2026-11-21T14:10:00-05:00")
        self.now = "2026-07-01T12:00:00Z"
        self.tz = "Europe/London"
        self.assertEqual(self.add("5")["at"], "2026-07-01T13:00:00+01:00")

    def test_month_is_the_local_month(self):
        # 02:00 UTC on 1 December is 21:00 on 30 November in New York.
        self.tz = "America/New_York"
        self.now = "2026-12-01T02:00:00Z"
        rec = self.add("5")
        self.assertEqual(rec["at"], "2026-11-30T21:00:00-05:00")
        self.assertEqual([r["id"] for r in self.month_records("2026-11")], [rec["id"]])
        self.assertFalse(os.path.exists(self.month_path("2026-12")))

    def test_ids_unique_and_month_coded(self):
        ids = [self.add("5")["id"] for _ in range(20)]
        self.assertEqual(len(set(ids)), 20)
        self.assertEqual({i[:2] for i in ids}, {ids[0][:2]})
        october = self.add("5", "--at", "2026-10-15")["id"]
        self.assertNotEqual(october[:2], ids[0][:2], "ids name their month in the first two characters")
        self.assertEqual(len(self.month_records()), 20)

    def test_quiet(self):
        r = self.ok("5", "-q")
        self.assertEqual((r.stdout, r.stderr), ("", ""))
        self.assertEqual(len(self.list_json()), 1)

    def test_data_dir_flag_and_xdg(self):
        elsewhere = os.path.join(self.tmp, "elsewhere")
        self.ok("5", "--data-dir", elsewhere)
        self.assertTrue(os.path.isfile(os.path.join(elsewhere, "devices", DEVICE, "checkin", "2026-11.toml")))
        self.assertFalse(os.path.exists(self.data_dir))
        xdg = os.path.join(self.tmp, "xdg")
        self.ok("5", unset=["TEND_DATA_DIR"], env={"XDG_DATA_HOME": xdg})
        self.assertTrue(os.path.isfile(os.path.join(xdg, "tend", "devices", DEVICE, "checkin", "2026-11.toml")))
        # A relative XDG value is ignored (XDG spec): the default under HOME is used.
        self.ok("5", unset=["TEND_DATA_DIR"], env={"XDG_DATA_HOME": "relative/xdg"})
        self.assertTrue(os.path.isfile(os.path.join(self.home, ".local", "share", "tend", "devices", DEVICE, "checkin", "2026-11.toml")))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "relative")))

    def test_config_from_xdg_config_home(self):
        xdg = os.path.join(self.tmp, "xdgconf")
        os.makedirs(os.path.join(xdg, "tend"))
        with open(os.path.join(xdg, "tend", "config.toml"), "w") as f:
            f.write('[safety]\ncrisis_line = "Line From XDG 0000"\n')
        r = self.ok("--anxiety", "10", unset=["TEND_CONFIG"], env={"XDG_CONFIG_HOME": xdg})
        self.assertIn("Line From XDG 0000", r.stderr)


class ArgumentParsing(TendTestCase):
    """Lists (--feel, --tag) take one value per flag: they never swallow what follows."""

    def test_tag_then_positional_mood(self):
        rec = self.add("--tag", "work", "6")
        self.assertEqual(rec.get("mood"), 6, f"the mood was taken as something else: {rec}")
        self.assertEqual(rec.get("tags"), ["work"])

    def test_feel_then_positional_mood(self):
        r = self.checkin("--feel", "tired", "6", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        rec = json.loads(r.stdout)
        self.assertEqual((rec.get("mood"), rec.get("feelings")), (6, ["tired"]))

    def test_option_after_an_empty_list_is_not_swallowed(self):
        r = self.checkin("5", "--tag", ",", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("--json", self.month_records()[0].get("tags", []), "--json was stored as a tag")
        self.assertTrue(r.stdout.strip(), "--json was ignored: nothing printed on stdout")
        self.assertEqual(json.loads(r.stdout)["mood"], 5)


class ListFilters(TendTestCase):
    def setUp(self):
        super().setUp()
        # Saturday 2026-11-21 19:10; "mon" is 2026-11-16.
        self.r1 = self.add("1", "--at", "2026-10-30T10:00", "--tag", "a")
        self.r2 = self.add("2", "--at", "2026-11-10T10:00", "--tag", "a")
        self.r3 = self.add("3", "--at", "2026-11-16T09:00", "--tag", "b")
        self.r4 = self.add("4", "--at", "2026-11-20", "--tag", "a,b")
        self.r5 = self.add("5")

    def moods(self, *args):
        return [r["mood"] for r in self.list_json(*args)]

    def test_all_oldest_first(self):
        self.assertEqual(self.moods(), [1, 2, 3, 4, 5])

    def test_since_until(self):
        self.assertEqual(self.moods("--since", "mon"), [3, 4, 5])
        self.assertEqual(self.moods("--since", "2026-11-10", "--until", "2026-11-16"), [2, 3])
        self.assertEqual(self.moods("--until", "2026-11-10"), [1, 2])
        self.assertEqual(self.moods("--since", "-7d"), [3, 4, 5])
        self.assertEqual(self.moods("--since", "2026-11-21"), [5])
        self.assertEqual(self.moods("--since", "2026-11-22T00:00:00+00:00"), [])

    def test_last(self):
        self.assertEqual(self.moods("--last", "2"), [4, 5])
        self.assertEqual(self.moods("--last", "4"), [2, 3, 4, 5])
        self.assertEqual(self.moods("--last", "5"), [1, 2, 3, 4, 5])
        self.assertEqual(self.moods("--last", "50"), [1, 2, 3, 4, 5])

    def test_tag(self):
        self.assertEqual(self.moods("--tag", "a"), [1, 2, 4])
        self.assertEqual(self.moods("--tag", "b", "--last", "1"), [4])
        self.assertEqual(self.moods("--tag", "a,b"), [1, 2, 3, 4])
        self.assertEqual(self.moods("--tag", "nope"), [])
        self.assertEqual(self.moods("--tag", "A", "--since", "2026-11-01"), [2, 4])

    def test_text_output(self):
        r = self.ok("list", "--since", "mon")
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 3, r.stdout)
        self.assertIn(self.r3["id"], lines[0])
        self.assertIn("2026-11-16 09:00", lines[0])
        self.assertIn("mood 3", lines[0])
        self.assertIn("#b", lines[0])
        self.assertIn(self.r5["id"], lines[2])
        self.assertIn("2026-11-21 19:10", lines[2])
        self.assertNotIn("\x1b", r.stdout)

    def test_text_shows_every_field(self):
        rec = self.add("6", "--energy", "2", "--feel", "tired", "--tag", "work", "--note", "long day",
                       "--at", "-1m")
        r = self.ok("list", "--tag", "work")
        line = r.stdout.strip()
        self.assertEqual(len(r.stdout.splitlines()), 1, r.stdout)
        for part in (rec["id"], "2026-11-21 19:09", "mood 6", "energy 2", "tired", "#work", "long day"):
            self.assertIn(part, line)

    def test_same_time_keeps_write_order(self):
        # Two back-dated check-ins for the same day both land at noon: oldest written first,
        # with or without --since.
        x = self.add("7", "--at", "2026-11-19", "--note", "first written")
        y = self.add("8", "--at", "2026-11-19", "--note", "second written")
        self.assertEqual([r["id"] for r in self.list_json("--since", "2026-11-19", "--until", "2026-11-19")],
                         [x["id"], y["id"]])
        self.assertEqual([r["id"] for r in self.list_json("--tag", "none")], [])
        both = [r["id"] for r in self.list_json() if r["id"] in (x["id"], y["id"])]
        self.assertEqual(both, [x["id"], y["id"]], "list without --since reverses records with the same time")

    def test_empty_list(self):
        r = self.ok("list", "--since", "2026-11-22T00:00:00+00:00")
        self.assertEqual(r.stdout, "")
        self.assertNotEqual(r.stderr, "", "an empty list says so on stderr")
        r = self.ok("list", "--json", "--tag", "none")
        self.assertEqual(json.loads(r.stdout), [])


class EmptyList(TendTestCase):
    def test_no_data_dir_at_all(self):
        r = self.ok("list")
        self.assertEqual(r.stdout, "")
        self.assertEqual(json.loads(self.ok("list", "--json").stdout), [])
        self.assertFalse(os.path.exists(self.data_dir), "reading must not create the data dir")


class EditDeleteUndo(TendTestCase):
    def test_edit_value(self):
        rec = self.add("6", "--note", "n", "--tag", "t")
        r = self.ok("edit", rec["id"], "--mood", "3")
        self.assertIn(rec["id"], r.stderr)
        [after] = self.list_json()
        expected = dict(rec, mood=3)
        self.assertEqual(after, expected)
        self.assertEqual(self.month_records()[0]["mood"], 3)

    def test_edit_json_and_several_fields(self):
        rec = self.add("6")
        out = self.ok("edit", rec["id"], "--anxiety", "2", "--feel", "calm", "--note", "better", "--json").stdout
        edited = json.loads(out)
        self.assertEqual(edited["id"], rec["id"])
        self.assertEqual((edited["mood"], edited["anxiety"], edited["feelings"], edited["note"]),
                         (6, 2, ["calm"], "better"))
        self.assertEqual(self.list_json(), [edited])

    def test_edit_clear(self):
        rec = self.add("6", "--note", "long day", "--feel", "tired", "--tag", "work")
        self.ok("edit", rec["id"], "--clear", "note")
        [after] = self.list_json()
        self.assertIsNone(after["note"])
        self.assertNotIn("note", self.month_records()[0])
        self.assertEqual(after["feelings"], ["tired"])
        self.ok("edit", rec["id"], "--clear", "feelings,tags", "--clear", "mood", "--energy", "4")
        [after] = self.list_json()
        for gone in ("feelings", "tags", "mood", "note"):
            self.assertIsNone(after[gone])
        self.assertEqual(after["energy"], 4)

    def test_edit_only_at(self):
        # Moving a check-in in time is an edit on its own; --at is the only change given.
        rec = self.add("6")
        r = self.checkin("edit", rec["id"], "--at", "2026-11-02T08:00")
        self.assertEqual(r.returncode, 0, f"edit ID --at WHEN alone was refused: {r.stderr!r}")
        [after] = self.list_json()
        self.assertEqual(after["id"], rec["id"])
        self.assertEqual(after["at"], "2026-11-02T08:00:00+00:00")

    def test_edit_at_within_month_keeps_id(self):
        rec = self.add("6")
        self.ok("edit", rec["id"], "--at", "2026-11-02T08:00", "--mood", "4")
        [after] = self.list_json()
        self.assertEqual(after["id"], rec["id"])
        self.assertEqual(after["at"], "2026-11-02T08:00:00+00:00")
        self.assertEqual(after["mood"], 4)
        self.assertEqual(after["recorded"], rec["recorded"])

    def test_edit_moving_month_gives_new_id(self):
        keep = self.add("2", "--at", "-1h")
        rec = self.add("6", "--note", "moved")
        r = self.ok("edit", rec["id"], "--at", "2026-10-15T20:00", "--anxiety", "3", "--json")
        moved = json.loads(r.stdout)
        self.assertNotEqual(moved["id"], rec["id"])
        self.assertRegex(moved["id"], ID_RE)
        self.assertIn(moved["id"], r.stderr)
        self.assertEqual(moved["at"], "2026-10-15T20:00:00+01:00")  # BST on that day
        self.assertEqual((moved["mood"], moved["anxiety"], moved["note"]), (6, 3, "moved"))
        self.assertEqual(moved["recorded"], rec["recorded"])
        self.assertEqual([x["id"] for x in self.month_records("2026-11")], [keep["id"]])
        self.assertEqual([x["id"] for x in self.month_records("2026-10")], [moved["id"]])
        self.assertNotIn(rec["id"], [r["id"] for r in self.month_records("2026-11")])
        self.assertEqual([x["id"] for x in self.list_json()], [moved["id"], keep["id"]])
        # The old id is gone for good.
        self.assertEqual(self.checkin("edit", rec["id"], "--mood", "1").returncode, 2)

    def test_edit_id_case_insensitive_and_trimmed(self):
        rec = self.add("6")
        self.ok("edit", " " + rec["id"].upper() + " ", "--mood", "2")
        self.assertEqual(self.list_json()[0]["mood"], 2)

    def test_delete_really_removes(self):
        a = self.add("1", "--note", "first", "--at", "-3m")
        b = self.add("2", "--note", "second secret", "--at", "-2m")
        c = self.add("3", "--note", "third", "--at", "-1m")
        before = self.read_month().decode()
        r = self.ok("delete", b["id"])
        self.assertIn(b["id"], r.stderr)
        after = self.read_month().decode()
        self.assertNotIn("second secret", after)
        self.assertNotIn("mood = 2", after)
        self.assertEqual([x["id"] for x in self.month_records()], [a["id"], c["id"]])
        self.assertEqual([x["id"] for x in self.list_json()], [a["id"], c["id"]])
        # Every other byte stays: in b's place, a marker with its id and times, for other devices.
        start = before.index("[[checkin]]\nid = \"%s\"" % b["id"])
        end = before.index("[[checkin]]", start + 1)
        marker = before[start:end].split("mood = ")[0] + "revision = 1\ndeleted = true\n\n"
        self.assertEqual(after, before[:start] + marker + before[end:])
        self.assertEqual(self.checkin("delete", b["id"]).returncode, 2)

    def test_rewrites_keep_hand_written_comments(self):
        # A comment above a record belongs to that record's neighbourhood, not to the record
        # before it: deleting or editing the record before must leave it (store.hpp: "every
        # other byte of the file stays as it was").
        for args in (("delete", "a2aaa"), ("edit", "a2aaa", "--mood", "3")):
            with self.subTest(args=args):
                self.write_month(
                    "# my check-ins\n\n"
                    '[[checkin]]\nid = "a2aaa"\nat = 2026-11-20T10:00:00+00:00\n'
                    "recorded = 2026-11-20T10:00:00+00:00\nmood = 5\n\n"
                    "# about the next one: the day of the talk\n"
                    '[[checkin]]\nid = "a2bbb"\nat = 2026-11-20T11:00:00+00:00\n'
                    "recorded = 2026-11-20T11:00:00+00:00\nmood = 6\n# inside b\n")
                self.ok(*args)
                after = self.read_month().decode()
                self.assertIn("a2bbb", [x["id"] for x in self.month_records()])
                self.assertTrue(after.startswith("# my check-ins\n"))
                self.assertIn("# inside b\n", after)
                self.assertIn("# about the next one: the day of the talk\n", after,
                              f"{args[0]} of the record before removed a comment that was not in it")

    def test_delete_last_and_only(self):
        a = self.add("1")
        self.ok("delete", a["id"])
        self.assertEqual(self.month_records(), [])
        self.assertEqual(self.list_json(), [])
        self.assertEqual(self.add("4")["mood"], 4, "a file emptied by delete takes new records")
        self.assertEqual(len(self.month_records()), 1)

    def test_undo(self):
        a = self.add("1")
        b = self.add("2")
        r = self.ok("undo")
        self.assertIn(b["id"], r.stderr)
        self.assertEqual([x["id"] for x in self.month_records()], [a["id"]])
        r = self.checkin("undo")
        self.assertEqual(r.returncode, 1, "a second undo has nothing to undo")
        self.assertIn("undo", r.stderr.lower())
        self.assertEqual(r.stdout, "")
        self.assertEqual([x["id"] for x in self.month_records()], [a["id"]])

    def test_undo_with_nothing_saved(self):
        r = self.checkin("undo")
        self.assertEqual(r.returncode, 1)
        self.assertIn("undo", r.stderr.lower())

    def test_undo_after_delete_of_last(self):
        a = self.add("1")
        self.ok("delete", a["id"])
        self.assertEqual(self.checkin("undo").returncode, 1)

    def test_undo_follows_a_moved_record(self):
        a = self.add("1")
        moved = json.loads(self.ok("edit", a["id"], "--at", "2026-10-15", "--mood", "2", "--json").stdout)
        self.ok("undo")
        self.assertEqual(self.month_records("2026-10"), [])
        self.assertEqual(self.month_records("2026-11"), [])
        self.assertNotIn(moved["id"], [r["id"] for r in self.month_records("2026-10")])

    def test_no_temp_files_left(self):
        ids = [self.add(str(i))["id"] for i in range(4)]
        self.ok("edit", ids[0], "--mood", "9")
        self.ok("edit", ids[1], "--at", "2026-10-01", "--mood", "8")
        self.ok("delete", ids[2])
        self.ok("undo")
        self.assertEqual(self.temp_files(), [])


class Due(TendTestCase):
    def due(self):
        r = self.checkin("due")
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertEqual(r.stdout, "", "due says nothing on stdout when it is not a terminal")
        return r.returncode

    def test_due_with_none_today(self):
        self.assertEqual(self.due(), 0)
        self.add("5", "--at", "yesterday 21:00")
        self.assertEqual(self.due(), 0, "yesterday's check-in does not count for today")

    def test_not_due_after_one(self):
        self.add("5", "--at", "2026-11-21T00:30")
        self.assertEqual(self.due(), 1)

    def test_every_days(self):
        self.write_config("[checkin]\nevery_days = 3\n")
        self.add("5", "--at", "2026-11-18T21:00")  # three local days ago
        self.assertEqual(self.due(), 0)
        self.add("5", "--at", "2026-11-19T08:00")  # two days ago: within the last 3 days
        self.assertEqual(self.due(), 1)

    def test_due_from(self):
        self.write_config('[checkin]\ndue_from = "20:00"\n')
        self.assertEqual(self.due(), 1, "19:10 is before due_from 20:00")
        self.now = "2026-11-21T20:00:00+00:00"
        self.assertEqual(self.due(), 0)
        self.write_config('[checkin]\ndue_from = "18:00"\n')
        self.now = NOW
        self.assertEqual(self.due(), 0)
        self.add("5")
        self.assertEqual(self.due(), 1)

    def test_due_does_not_write(self):
        self.due()
        self.assertFalse(os.path.exists(self.data_dir))

    def test_the_cron_example_in_help_works_without_a_desktop(self):
        # Cron has no session bus, so notify-send fails there; what a job prints, cron mails.
        example = next(line for line in self.ok("--help").stdout.splitlines() if "checkin due" in line)
        self.assertNotIn("notify-send", example)
        command = example.strip().split("   ")[0]
        r = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, cwd=self.tmp, timeout=20,
                           env=self.env({"PATH": f"{BIN_DIR}:/usr/bin:/bin"}))
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertIn("due", r.stdout)


class Feelings(TendTestCase):
    def test_text(self):
        r = self.ok("feelings")
        self.assertEqual(r.stderr, "")
        for word in ("tired", "calm", "anxious", "joyful"):
            self.assertRegex(r.stdout, rf"\b{word}\b")
        self.assertNotIn("\x1b", r.stdout)

    def test_json(self):
        groups = json.loads(self.ok("feelings", "--json").stdout)
        self.assertIsInstance(groups, list)
        self.assertGreaterEqual(len(groups), 4)
        for g in groups:
            self.assertEqual(set(g), {"name", "pleasantness", "energy", "description", "words"})
            self.assertTrue(g["words"])
        words = [w for g in groups for w in g["words"]]
        self.assertIn("tired", words)
        self.assertEqual(len(words), len(set(words)), "a word belongs to one group")
        self.assertEqual({g["pleasantness"] for g in groups}, {"pleasant", "unpleasant"})
        self.assertEqual({g["energy"] for g in groups}, {"high", "low"})
        # Every listed word is accepted by --feel.
        self.add("--feel", ",".join(words))

    def test_own_words_listed(self):
        self.write_config('[checkin]\nfeelings = ["sparkly", "wobbly"]\n')
        groups = json.loads(self.ok("feelings", "--json").stdout)
        self.assertIn("sparkly", [w for g in groups for w in g["words"]])
        self.assertIn("wobbly", self.ok("feelings").stdout)


class Colour(TendTestCase):
    def setUp(self):
        super().setUp()
        self.rec = self.add("6", "--feel", "tired", "--tag", "work", "--note", "n")

    def test_piped_output_is_plain(self):
        for args in (("list",), ("feelings",), ("list", "--json")):
            with self.subTest(args=args):
                self.assertNotIn("\x1b", self.ok(*args).stdout)

    def test_color_always_when_piped(self):
        self.assertIn("\x1b[", self.ok("list", "--color", "always").stdout)
        self.assertIn("\x1b[", self.ok("--color", "always", "feelings").stdout)

    def test_color_never_and_no_color_on_a_terminal(self):
        run = self.pty("list", stdin_tty=False, stderr_tty=False)
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0)
        self.assertIn("\x1b[", text, "on a terminal, list is coloured by default")
        for env, args in (({"NO_COLOR": "1"}, ()), ({}, ("--color", "never")), ({"TERM": "dumb"}, ())):
            with self.subTest(env=env, args=args):
                run = self.pty("list", *args, env=env, stdin_tty=False, stderr_tty=False)
                rc, text, _ = run.finish()
                self.assertEqual(rc, 0)
                self.assertIn(self.rec["id"], text)
                self.assertNotIn("\x1b", text)

    def test_json_never_coloured(self):
        out = self.ok("list", "--json", "--color", "always").stdout
        self.assertEqual(json.loads(out)[0]["id"], self.rec["id"])


def columns(text):
    """Terminal columns, as a terminal draws them: wide CJK and emoji two, combining marks none."""
    def width(c):
        if unicodedata.category(c) in ("Mn", "Me", "Cf"):
            return 0
        return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return sum(width(c) for c in text)


class Width(TendTestCase):
    NOTES = ("今日は一緒に散歩をして、ゆっくり話ができた。とても嬉しかったし、また来週も行きたいと思う。夕方の光がきれいだった。",
             "😀😀 talked it through 🌱🌱🌱 and then we laughed 😂😂 until late, which felt like a small repair 💛💛💛",
             "café au lait, naïve re\u0301sume\u0301 and a long walk by the river until the light went and the air was cold")

    def setUp(self):
        super().setUp()
        self.ids = [self.add("6", "--note", note, "--at", f"2026-11-{18 + i}T09:00")["id"] for i, note in enumerate(self.NOTES)]

    def lines_at(self, width):
        run = self.pty("list", env={"COLUMNS": str(width), "NO_COLOR": "1"}, stdin_tty=False, stderr_tty=False)
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0)
        return [line for line in text.replace("\r", "").splitlines() if line.strip()]

    def test_notes_fit_the_terminal_by_their_columns(self):
        for width in (60, 80, 120):
            with self.subTest(width=width):
                lines = self.lines_at(width)
                self.assertEqual(len(lines), 3, lines)
                for line, note in zip(lines, self.NOTES):
                    self.assertLessEqual(columns(line), width, line)
                    self.assertGreaterEqual(columns(line), width - 1, f"room left unused: {line!r}")
                    self.assertTrue(line.endswith("…"), line)
                    self.assertIn(note[:8], line)

    def test_piped_output_keeps_the_whole_note(self):
        out = self.ok("list", env={"COLUMNS": "60"}).stdout
        for note in self.NOTES:
            self.assertIn(note, out)


class Safety(TendTestCase):
    GROUNDING = "breathe"

    def assertGrounding(self, r, shown):
        self.assertEqual(r.returncode, 0, r.stderr)
        count = r.stderr.count(self.GROUNDING)
        if shown:
            self.assertEqual(count, 1, f"the grounding line appears once on stderr: {r.stderr!r}")
        else:
            self.assertEqual(count, 0, f"no grounding line below the threshold: {r.stderr!r}")
        self.assertNotIn(self.GROUNDING, r.stdout)

    def test_threshold_default(self):
        cases = [
            (("--anxiety", "9"), True), (("--anxiety", "10"), True), (("--anxiety", "8"), False),
            (("1",), True), (("0",), True), (("2",), False),
            (("--safety", "1"), True), (("--safety", "2"), False),
            (("--energy", "0", "--closeness", "0"), False),
            (("5", "--anxiety", "2", "--safety", "9"), False),
        ]
        for args, shown in cases:
            with self.subTest(args=args):
                self.assertGrounding(self.checkin(*args), shown)

    def test_json_stdout_stays_clean(self):
        r = self.checkin("--anxiety", "10", "--json")
        self.assertGrounding(r, True)
        self.assertEqual(json.loads(r.stdout)["anxiety"], 10)

    def test_contacts_from_config(self):
        self.write_config('[safety]\ncontacts = ["Sam 07700 900123", "Alex"]\n'
                          'crisis_line = "My Line 0800 000 111"\nmessage = "You got through last time."\n')
        r = self.checkin("--anxiety", "9")
        self.assertGrounding(r, True)
        for text in ("Sam 07700 900123", "Alex", "My Line 0800 000 111", "You got through last time."):
            self.assertIn(text, r.stderr)
        r = self.checkin("--anxiety", "8")
        self.assertGrounding(r, False)
        self.assertNotIn("Sam", r.stderr)

    def test_no_assumed_number(self):
        r = self.checkin("--anxiety", "10")
        self.assertGrounding(r, True)
        grounding = r.stderr.split("\n\n", 1)[1]  # after "Saved check-in ID.", whose random id may hold digits
        self.assertNotRegex(grounding, r"\d{3}", "tend never assumes a country's crisis number")

    def test_threshold_from_config(self):
        self.write_config("[safety]\nthreshold = 6\n")
        self.assertGrounding(self.checkin("--anxiety", "6"), True)
        self.assertGrounding(self.checkin("--anxiety", "5"), False)
        self.assertGrounding(self.checkin("4"), True)

    def test_hostile_contacts_neutralised(self):
        self.write_config('[safety]\ncontacts = ["Sam \\u001b]0;x\\u0007\\u001b[2J"]\n'
                          'crisis_line = "\\u202eevil"\n')
        r = self.checkin("--anxiety", "10")
        self.assertGrounding(r, True)
        self.assertNoEscapes(r.stderr, "stderr")


class HostileText(TendTestCase):
    NOTE = ("a\x1b[31mred\x1b[0m \x1b]0;pwned\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ "
            "\u202eevil\u202c \x01\x7f\x9b\r\b tab\there nl\nend \u2066iso\u2069 é 😀 \"q\" \\b")

    def test_stored_exactly_printed_neutralised(self):
        saved = self.add("3", "--note", self.NOTE)
        self.assertEqual(saved["note"], self.NOTE)
        self.assertEqual(self.list_json()[0]["note"], self.NOTE, "JSON round trip is exact")
        self.assertEqual(self.month_records()[0]["note"], self.NOTE, "the TOML file holds the exact text")
        self.assertNoEscapes(self.read_month(), "the month file")
        for args in (("list",), ("list", "--color", "always")):
            with self.subTest(args=args):
                r = self.checkin(*args, raw=True)
                self.assertEqual(r.returncode, 0)
                plain = r.stdout.replace(b"\x1b[36m", b"").replace(b"\x1b[0m", b"").replace(b"\x1b[2m", b"")
                plain = plain.replace(b"\x1b[33m", b"")
                self.assertNoEscapes(plain, "list output")
                self.assertEqual(plain.count(b"\n"), 1, "a note never breaks the one-line-per-record output")
                self.assertIn("é 😀".encode(), plain, "ordinary text is printed as it is")
                self.assertIn(b"\\x1b", plain, "escapes are shown visibly")

    def test_note_from_stdin_hostile(self):
        saved = self.add("3", "--note", "-", input=self.NOTE)
        self.assertEqual(saved["note"], self.NOTE)
        self.assertNoEscapes(self.ok("list").stdout)

    def test_edit_with_hostile_note(self):
        rec = self.add("3")
        self.ok("edit", rec["id"], "--note", self.NOTE)
        self.assertEqual(self.list_json()[0]["note"], self.NOTE)
        self.assertNoEscapes(self.read_month(), "the month file")


FULL_PLAN = """[safety.plan]
warning_signs = ["I stop answering messages", "nights without sleep"]
coping = ["a hot shower", "breathe --exercise grounding"]
distractions = ["the library", "walking the dog"]
people = ["Sam: 07700 900123"]
professionals = ["Dr Lee, weekdays 9 to 5"]
environment = ["give the spare keys to Sam"]
reasons = ["my niece", "the garden in spring"]
"""


class SafetyPlan(TendTestCase):
    def test_full_plan_is_shown_plainly_piped(self):
        self.write_config(FULL_PLAN)
        r = self.checkin("plan")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        self.assertNoEscapes(r.stdout)
        self.assertTrue(r.stdout.startswith("Your safety plan\n\nSigns that a hard time may be coming\n"
                                            "  - I stop answering messages\n  - nights without sleep\n"), r.stdout)
        headings = [line for line in r.stdout.splitlines() if line and not line.startswith(" ")]
        self.assertEqual(len(headings), 8, headings)  # the title and the seven parts, in the plan's order
        self.assertTrue(headings[-1].startswith("What matters to me"))
        for item in ("breathe --exercise grounding", "Dr Lee, weekdays 9 to 5", "the garden in spring"):
            self.assertIn(f"  - {item}\n", r.stdout)
        self.assertFalse(os.path.exists(self.data_dir), "showing the plan writes nothing")

    def test_json_has_every_part(self):
        self.write_config(FULL_PLAN)
        plan = json.loads(self.ok("plan", "--json", tool="checkin").stdout)
        self.assertEqual(list(plan), ["warning_signs", "coping", "distractions", "people", "professionals",
                                      "environment", "reasons", "problems"])
        self.assertEqual(plan["reasons"], ["my niece", "the garden in spring"])
        self.assertEqual(plan["problems"], [])

    def test_parts_missing_are_left_out_without_fuss(self):
        self.write_config('[safety.plan]\npeople = ["Sam"]\n')
        r = self.ok("plan", tool="checkin")
        self.assertEqual(r.stdout, "Your safety plan\n\nPeople I can ask for help\n  - Sam\n")
        self.assertEqual(r.stderr, "")
        self.assertEqual(json.loads(self.ok("plan", "--json", tool="checkin").stdout)["coping"], [])

    def test_a_malformed_part_is_named_and_the_rest_still_shown(self):
        self.write_config('[safety]\nthreshold = 8\n\n[safety.plan]\ncoping = 7\n'
                          'people = ["Sam", 3, "Alex"]\nhobbies = ["knitting"]\nreasons = ["my niece"]\n')
        r = self.checkin("plan")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("People I can ask for help\n  - Sam\n  - Alex\n", r.stdout)
        self.assertIn("  - my niece\n", r.stdout)
        self.assertNotIn("Things I can do", r.stdout)
        warnings = r.stderr.splitlines()
        self.assertEqual(len(warnings), 3, r.stderr)
        self.assertIn(f"{self.config_path}:5:10: [safety.plan] coping must be a list of strings", warnings[0])
        self.assertIn(":6:18: [safety.plan] people: an item that is not a string", warnings[1])
        self.assertIn(":7:11: unknown part 'hobbies' in [safety.plan]", warnings[2])
        problems = json.loads(self.ok("plan", "--json", tool="checkin").stdout)["problems"]
        self.assertEqual(len(problems), 3)
        # report --check counts them; other tools are not held up by them.
        check = self.run_tool("--check", tool="report")
        self.assertEqual(check.returncode, 65, check.stdout)
        self.assertIn("coping must be a list of strings", check.stdout + check.stderr)
        self.ok("5", tool="checkin")

    def test_a_config_that_does_not_parse_still_shows_the_plan(self):
        self.write_config('[checkin]\nevery_days = = 3\n\n[safety.plan]\nreasons = ["my niece"]\n')
        r = self.checkin("plan")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("  - my niece\n", r.stdout)

    def test_no_plan_says_how_to_make_one(self):
        r = self.checkin("plan")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, "")
        self.assertIn("man 7 tend", r.stderr)
        self.assertIn("[safety.plan]", r.stderr)

    def test_the_grounding_message_points_to_the_plan_in_one_line(self):
        self.write_config('[safety]\nthreshold = 8\n')
        without = self.checkin("--anxiety", "9").stderr
        self.assertNotIn("checkin plan", without)
        self.write_config('[safety]\nthreshold = 8\n[safety.plan]\nreasons = ["my niece"]\n')
        r = self.checkin("--anxiety", "9")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([l for l in r.stderr.splitlines() if "plan" in l],
                         ["  Your safety plan is there for you: `checkin plan` shows it."])
        self.assertEqual(len(r.stderr.splitlines()), len(without.splitlines()) + 1)


if __name__ == "__main__":
    unittest.main()
