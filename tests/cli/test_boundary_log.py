# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""boundary-log's happy paths: add, every event, list, show, --json, derived state, concurrent writers."""

import datetime
import json
import os
import shlex
import subprocess
import time
import unittest

from tendtest import DEVICE, ID_RE, RFC3339_RE, TendTestCase, tool_path

NOW = "2026-11-21T19:10:00+00:00"
EVENTS = ("held", "tested", "crossed", "violated", "repaired", "renegotiated", "retired")
# Every key of a boundary record, in every JSON output: null where the event has no value.
BOUNDARY_RECORD_KEYS = ["id", "at", "recorded", "event", "boundary", "text", "type", "with", "hard", "if_crossed",
                        "intensity", "note", "of"]
STATE_KEYS = ["boundary", "text", "type", "with", "hard", "if_crossed", "added", "retired", "last_event", "last_at",
              "counts"]
COUNT_KEYS = ["held", "tested", "crossed", "violated", "repaired", "renegotiated"]

# A month file written by hand: out of order, with comments, two boundaries and every event.
HAND_WRITTEN = """\
# typed in by hand

[[boundary]]
id = "a2h01"
at = 2026-11-03T09:00:00+00:00
recorded = 2026-11-03T09:00:00+00:00
event = "held"
boundary = 1
intensity = 3
note = "said it once, calmly"

[[boundary]]
id = "a2h00"
at = 2026-11-01T20:00:00+00:00
recorded = 2026-11-01T20:05:00+00:00
event = "added"
boundary = 1
text = "I leave the room when voices are raised"
type = "emotional"
with = "partner"
hard = true
if_crossed = "I take a 20-minute break"

[[boundary]]
id = "a2h02"
at = 2026-11-05T22:15:00+00:00
recorded = 2026-11-05T22:20:00+00:00
event = "tested"
boundary = 1

[[boundary]]
id = "a2h03"
at = 2026-11-06T21:00:00+00:00
recorded = 2026-11-06T21:30:00+00:00
event = "crossed"
boundary = 1
intensity = 6

[[boundary]]
id = "a2h04"
at = 2026-11-07T10:00:00+00:00
recorded = 2026-11-07T10:00:00+00:00
event = "repaired"
boundary = 1
note = "we talked it through"

[[boundary]]
id = "a2h05"
at = 2026-11-08T12:00:00+00:00
recorded = 2026-11-08T12:00:00+00:00
event = "renegotiated"
boundary = 1
text = "I step outside for ten minutes when voices are raised"

[[boundary]]
id = "a2h06"
at = 2026-11-04T08:00:00+00:00
recorded = 2026-11-04T08:00:00+00:00
event = "violated"
boundary = 2
intensity = 9

[[boundary]]
id = "a2h07"
at = 2026-11-04T08:00:00+00:00
recorded = 2026-11-04T08:00:00+00:00
event = "added"
boundary = 2
text = "No work calls after 21:00"
type = "time"
with = "work"

[[boundary]]
id = "a2h08"
at = 2026-11-09T18:00:00+00:00
recorded = 2026-11-09T18:00:00+00:00
event = "retired"
boundary = 2
note = "new job"

[[boundary]]
id = "a2h09"
at = 2026-11-10T18:00:00+00:00
recorded = 2026-11-10T18:00:00+00:00
event = "held"
boundary = 1
"""


class BoundaryTestCase(TendTestCase):
    tool = "boundary-log"

    def bl(self, *args, **kwargs):
        return self.run_tool(*args, tool="boundary-log", **kwargs)

    def new(self, *args, **kwargs):
        """`boundary-log add ARGS -q`, asserting success; returns the new number."""
        r = self.ok("add", *args, "-q", **kwargs)
        self.assertRegex(r.stdout, r"^[1-9][0-9]*\n$", "add prints just the number")
        return int(r.stdout)

    def json_of(self, *args, **kwargs):
        r = self.ok(*args, "--json", **kwargs)
        try:
            return json.loads(r.stdout)
        except ValueError as e:
            self.fail(f"boundary-log {args!r} --json printed no JSON ({e}): {r.stdout!r}")

    def records(self, month="2026-11"):
        return self.month_records(month, kind="boundary")

    def state(self, number):
        return self.json_of("show", str(number))


class Add(BoundaryTestCase):
    def test_prints_the_number_on_stdout_and_a_confirmation_on_stderr(self):
        r = self.ok("add", "I leave the room when voices are raised", "--type", "emotional", "--with", "partner",
                    "--hard", "--if-crossed", "I take a 20-minute break")
        self.assertEqual(r.stdout, "1\n")
        self.assertEqual(r.stderr, "Boundary 1 is set. 'boundary-log held 1' (or tested, crossed, ...) logs how it goes.\n")

    def test_quiet_prints_only_the_number(self):
        r = self.ok("add", "Knock first", "--quiet")
        self.assertEqual((r.stdout, r.stderr), ("1\n", ""))
        r = self.ok("add", "Knock first, again", "-q")
        self.assertEqual((r.stdout, r.stderr), ("2\n", ""))

    def test_numbers_count_up_and_are_never_reused(self):
        self.assertEqual([self.new(f"boundary {i}") for i in range(1, 4)], [1, 2, 3])
        self.ok("retired", "3", "-q")
        self.assertEqual(self.new("another"), 4, "a retired boundary's number is not reused")

    def test_record_in_the_month_file(self):
        self.new("I leave the room when voices are raised", "--type", "Emotional", "--with", " partner ", "--hard",
                 "--if-crossed", "I take a 20-minute break", "--note", "agreed on Sunday")
        [rec] = self.records()
        self.assertRegex(rec["id"], ID_RE)
        for key in ("at", "recorded"):
            self.assertEqual(rec[key], datetime.datetime(2026, 11, 21, 19, 10, tzinfo=datetime.timezone.utc))
        self.assertEqual({k: v for k, v in rec.items() if k not in ("id", "at", "recorded")}, {
            "event": "added", "boundary": 1, "text": "I leave the room when voices are raised", "type": "emotional",
            "with": "partner", "hard": True, "if_crossed": "I take a 20-minute break", "note": "agreed on Sunday"})
        text = self.read_month(kind="boundary").decode()
        self.assertTrue(text.startswith("# tend boundary records for 2026-11"), text)

    def test_soft_by_default_and_when_asked(self):
        self.new("one")
        self.new("two", "--soft")
        self.assertEqual([r["hard"] for r in self.records()], [False, False])

    def test_several_words_need_no_quotes(self):
        self.ok("add", "No", "calls", "after", "ten", "--type", "time")
        self.assertEqual(self.records()[0]["text"], "No calls after ten")

    def test_every_type(self):
        for t in ("physical", "emotional", "time", "material", "digital", "sexual", "intellectual"):
            with self.subTest(type=t):
                n = self.new(f"a {t} boundary", "--type", t.upper())
                self.assertEqual(self.state(n)["type"], t)

    def test_json_prints_the_record_instead_of_the_number(self):
        rec = self.json_of("add", "Knock first", "--type", "physical", "--hard")
        self.assertEqual(list(rec), BOUNDARY_RECORD_KEYS)
        self.assertEqual((rec["with"], rec["if_crossed"], rec["intensity"], rec["note"]), (None, None, None, None))
        self.assertEqual((rec["event"], rec["boundary"], rec["at"]), ("added", 1, NOW))
        self.assertEqual(self.state(1)["events"], [rec])

    def test_at_back_dates(self):
        self.new("Knock first", "--at", "2026-10-20T21:00")
        self.assertEqual(self.state(1)["added"], "2026-10-20T21:00:00+01:00")
        self.assertEqual(len(self.records("2026-10")), 1)

    def test_note_from_stdin(self):
        self.ok("add", "Knock first", "--note", "-", "-q", input="from my\nprivate note\n")
        self.assertEqual(self.records()[0]["note"], "from my\nprivate note")

    def test_files_private_even_with_umask_0(self):
        self.new("Knock first", umask=0)
        self.ok("held", "1", umask=0)
        self.assertEqual(self.mode(self.data_dir), 0o700)
        self.assertEqual(self.mode(self.month_path(kind="boundary")), 0o600)
        self.assertEqual(self.mode(self.month_path(kind="boundary").rsplit("/", 1)[0]), 0o700)


class Events(BoundaryTestCase):
    def setUp(self):
        super().setUp()
        self.new("I leave the room when voices are raised", "--type", "emotional", "--with", "partner", "--hard",
                 "--if-crossed", "I take a 20-minute break", "--at", "-1d")

    def test_every_event_is_recorded(self):
        for event in EVENTS:
            with self.subTest(event=event):
                extra = ("--text", "new words") if event == "renegotiated" else ()
                r = self.ok(event, "1", "--intensity", "4", "--note", f"{event} note", *extra)
                self.assertEqual(r.stdout, "")
                self.assertIn("boundary 1" if event != "retired" else "Boundary 1", r.stderr)
        recs = self.records()
        self.assertEqual([r["event"] for r in recs], ["added", *EVENTS])
        for rec in recs[1:]:
            self.assertEqual((rec["boundary"], rec["intensity"], rec["note"]), (1, 4, f"{rec['event']} note"))
            self.assertRegex(rec["id"], ID_RE)
            self.assertNotIn("hard", rec)
        self.assertEqual(recs[6]["text"], "new words")
        self.assertEqual(len({r["id"] for r in recs}), len(recs))

    def test_json_prints_the_saved_event(self):
        rec = self.json_of("tested", "#1", "--intensity", "5", "--note", "pushed")
        self.assertEqual(list(rec), BOUNDARY_RECORD_KEYS)
        self.assertEqual((rec["text"], rec["type"], rec["hard"]), (None, None, None))
        self.assertEqual((rec["event"], rec["boundary"], rec["intensity"], rec["note"]), ("tested", 1, 5, "pushed"))
        self.assertRegex(rec["at"], RFC3339_RE)

    def test_quiet(self):
        r = self.ok("held", "1", "-q")
        self.assertEqual((r.stdout, r.stderr), ("", ""))

    def test_crossed_and_violated_remind_of_the_plan(self):
        self.assertIn("What you said you'd do: I take a 20-minute break", self.ok("crossed", "1").stderr)
        r = self.ok("violated", "1")
        self.assertIn("What you planned for yourself, if it helps now: I take a 20-minute break", r.stderr)
        self.assertNotIn("What you said", r.stderr, "after a violation the plan is support, not a duty")
        self.assertIn("their doing, not yours", r.stderr)
        self.assertNotIn("What you said", self.ok("tested", "1").stderr)

    def test_violated_prints_the_grounding_line_even_when_quiet(self):
        self.write_config('[safety]\ncontacts = ["Sam 07700 900123"]\ncrisis_line = "my own line"\n'
                          'message = "You did the right thing."\n')
        r = self.ok("violated", "1", "-q")
        self.assertEqual(r.stdout, "", "the grounding line never goes to stdout")
        self.assertIn("breathe", r.stderr)
        self.assertIn("Sam 07700 900123", r.stderr)
        self.assertIn("my own line", r.stderr)
        self.assertIn("You did the right thing.", r.stderr)
        self.assertEqual(r.stderr.count("breathe"), 1, "once")

    def test_grounding_line_without_contacts_points_to_the_config(self):
        r = self.ok("violated", "1")
        self.assertIn("breathe", r.stderr)
        self.assertIn("[safety]", r.stderr)

    def test_intensity_at_the_threshold_grounds_too(self):
        self.write_config("[safety]\nthreshold = 7\n")
        self.assertNotIn("breathe", self.ok("tested", "1", "--intensity", "6").stderr)
        self.assertIn("breathe", self.ok("tested", "1", "--intensity", "7").stderr)
        self.assertNotIn("breathe", self.ok("held", "1").stderr)
        self.write_config("[safety]\nthreshold = 0\n")
        self.assertNotIn("breathe", self.ok("crossed", "1", "--intensity", "10").stderr)
        self.assertIn("breathe", self.ok("violated", "1").stderr, "a violation always offers grounding")

    def test_no_grounding_for_ordinary_events(self):
        for event in ("held", "tested", "crossed", "repaired"):
            with self.subTest(event=event):
                self.assertNotIn("breathe", self.ok(event, "1", "--intensity", "8").stderr)

    def test_renegotiated_changes_the_wording_and_keeps_the_old(self):
        r = self.ok("renegotiated", "1", "--text", "I step outside for ten minutes")
        self.assertIn("It now reads: I step outside for ten minutes", r.stderr)
        state = self.state(1)
        self.assertEqual(state["text"], "I step outside for ten minutes")
        self.assertEqual([e.get("text") for e in state["events"]],
                         ["I leave the room when voices are raised", "I step outside for ten minutes"])
        self.assertEqual(state["counts"]["renegotiated"], 1)

    def test_renegotiated_text_from_stdin(self):
        self.ok("renegotiated", "1", "--text", "-", "-q", input="Words typed out of sight\n")
        self.assertEqual(self.state(1)["text"], "Words typed out of sight")
        r = self.bl("renegotiated", "1", "--text", "-", "--note", "-", input="x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("standard input", r.stderr)

    def test_retired_leaves_the_active_list(self):
        n = self.new("Ask before borrowing")
        r = self.ok("retired", "1")
        self.assertIn("Boundary 1 is retired", r.stderr)
        self.assertEqual([b["boundary"] for b in self.json_of("list")], [n])
        self.assertEqual([(b["boundary"], b["retired"]) for b in self.json_of("list", "--all")], [(1, True), (n, False)])
        self.assertTrue(self.state(1)["retired"])

    def test_events_logged_in_the_same_second_keep_the_order_they_were_logged(self):
        # A fixed clock gives every event the same time: the order written is the order lived.
        self.ok("renegotiated", "1", "--text", "First new wording", "-q")
        self.ok("renegotiated", "1", "--text", "Second new wording", "-q")
        self.ok("violated", "1", "-q")
        self.ok("retired", "1", "-q")
        state = self.state(1)
        self.assertEqual([e["event"] for e in state["events"]],
                         ["added", "renegotiated", "renegotiated", "violated", "retired"])
        self.assertEqual(state["text"], "Second new wording")
        self.assertEqual(state["last_event"], "retired")

    def test_at_back_dates_an_event_and_show_keeps_time_order(self):
        self.ok("crossed", "1", "--at", "-1h")
        self.ok("held", "1", "--at", "-3h")
        state = self.state(1)
        self.assertEqual([e["event"] for e in state["events"]], ["added", "held", "crossed"])
        self.assertEqual(state["last_event"], "crossed")
        self.assertEqual(state["last_at"], "2026-11-21T18:10:00+00:00")


class ListAndShow(BoundaryTestCase):
    def fill(self):
        self.new("I leave the room when voices are raised", "--type", "emotional", "--with", "partner", "--hard",
                 "--if-crossed", "I take a 20-minute break", "--at", "2026-11-20T20:00")
        self.new("No work calls after 21:00", "--type", "time", "--with", "Work", "--at", "2026-11-20T20:30")
        self.new("Knock before coming in", "--at", "2026-11-20T21:00")
        self.ok("held", "1", "--note", "said it calmly", "--at", "2026-11-20T21:00", "-q")
        self.ok("held", "1", "--at", "2026-11-21T08:00", "-q")
        self.ok("tested", "1", "--intensity", "4", "--at", "2026-11-21T09:00", "-q")
        self.ok("crossed", "1", "--intensity", "6", "--at", "2026-11-21T18:00", "-q")
        self.ok("violated", "2", "-q")
        self.ok("retired", "3", "-q")

    def test_empty_in_a_fresh_data_dir(self):
        for args in (("list",), ()):
            with self.subTest(args=args):
                r = self.ok(*args)
                self.assertEqual(r.stdout, "")
                self.assertIn("No boundaries yet", r.stderr)
        self.assertEqual(self.json_of("list"), [])
        self.assertFalse(os.path.exists(self.data_dir), "reading must not create the data dir")

    def test_no_command_lists(self):
        self.fill()
        self.assertEqual(self.ok().stdout, self.ok("list").stdout)

    def test_text_list(self):
        self.fill()
        self.assertEqual(self.ok("list").stdout,
                         "1  I leave the room when voices are raised\n"
                         "   emotional, with partner, hard\n"
                         "   last crossed 2026-11-21 18:00; held 2, tested 1, crossed 1, violated 0\n"
                         "\n"
                         "2  No work calls after 21:00\n"
                         "   time, with Work, soft\n"
                         "   last violated 2026-11-21 19:10; held 0, tested 0, crossed 0, violated 1\n")

    def test_text_list_all_marks_retired(self):
        self.fill()
        out = self.ok("list", "--all").stdout
        self.assertIn("3  Knock before coming in  (retired)\n   soft\n   last retired 2026-11-21 19:10;", out)

    def test_list_json(self):
        self.fill()
        boundaries = self.json_of("list")
        self.assertEqual([b["boundary"] for b in boundaries], [1, 2])
        for b in boundaries:
            self.assertEqual(list(b), STATE_KEYS)
            self.assertEqual(list(b["counts"]), COUNT_KEYS)
        self.assertEqual(boundaries[0], {
            "boundary": 1, "text": "I leave the room when voices are raised", "type": "emotional", "with": "partner",
            "hard": True, "if_crossed": "I take a 20-minute break", "added": "2026-11-20T20:00:00+00:00",
            "retired": False, "last_event": "crossed", "last_at": "2026-11-21T18:00:00+00:00",
            "counts": {"held": 2, "tested": 1, "crossed": 1, "violated": 0, "repaired": 0, "renegotiated": 0}})
        self.assertEqual((boundaries[1]["hard"], boundaries[1]["if_crossed"]), (False, None))
        third = self.json_of("list", "--all")[2]
        self.assertEqual((third["type"], third["with"], third["retired"], third["last_event"]),
                         (None, None, True, "retired"))

    def test_filters(self):
        self.fill()
        numbers = lambda *args: [b["boundary"] for b in self.json_of("list", *args)]
        self.assertEqual(numbers("--type", "time"), [2])
        self.assertEqual(numbers("--type", "EMOTIONAL"), [1])
        self.assertEqual(numbers("--type", "digital"), [])
        self.assertEqual(numbers("--with", "work"), [2], "--with ignores case")
        self.assertEqual(numbers("--with", "Partner", "--type", "emotional"), [1])
        self.assertEqual(numbers("--with", "mother"), [])
        self.assertEqual(numbers("--all", "--type", "time"), [2])
        r = self.ok("list", "--with", "mother")
        self.assertEqual(r.stdout, "")
        self.assertIn("No boundaries match", r.stderr)

    def test_only_retired_left(self):
        self.new("Knock first")
        self.ok("retired", "1", "-q")
        r = self.ok("list")
        self.assertEqual(r.stdout, "")
        self.assertIn("list --all", r.stderr)

    def test_text_show(self):
        self.fill()
        self.ok("renegotiated", "1", "--text", "I step outside when voices are raised", "-q")
        self.assertEqual(self.ok("show", "1").stdout,
                         "1  I step outside when voices are raised\n"
                         "   emotional, with partner, hard\n"
                         "   if crossed: I take a 20-minute break\n"
                         "   held 2, tested 1, crossed 1, violated 0, repaired 0, renegotiated 1\n"
                         "\n"
                         "   2026-11-20 20:00  added         I leave the room when voices are raised\n"
                         "   2026-11-20 21:00  held          said it calmly\n"
                         "   2026-11-21 08:00  held\n"
                         "   2026-11-21 09:00  tested        intensity 4\n"
                         "   2026-11-21 18:00  crossed       intensity 6\n"
                         "   2026-11-21 19:10  renegotiated  now: I step outside when voices are raised\n")

    def test_show_retired(self):
        self.fill()
        out = self.ok("show", "3").stdout
        self.assertTrue(out.startswith("3  Knock before coming in  (retired)\n"), out)
        self.assertTrue(out.endswith("   2026-11-21 19:10  retired\n"), out)

    def test_show_json(self):
        self.fill()
        state = self.state(1)
        self.assertEqual(list(state), STATE_KEYS + ["events"])
        self.assertEqual([e["event"] for e in state["events"]], ["added", "held", "held", "tested", "crossed"])
        self.assertEqual(state["events"][1], {
            "id": state["events"][1]["id"], "at": "2026-11-20T21:00:00+00:00", "recorded": NOW, "event": "held",
            "boundary": 1, "text": None, "type": None, "with": None, "hard": None, "if_crossed": None,
            "intensity": None, "note": "said it calmly", "of": state["events"][0]["id"]})
        listed = self.json_of("list")[0]
        self.assertEqual({k: v for k, v in state.items() if k != "events"}, listed)

    def test_user_text_is_neutralised(self):
        evil = "Knock \x1b[31mfirst\x1b[0m \u202eevil\x07"
        self.new(evil, "--with", "\x1b]0;title\x07me", "--if-crossed", "leave\x1b[2J")
        self.ok("held", "1", "--note", "fine\x1b[H\x9b", "-q")
        for args in (("list",), ("list", "--all"), ("show", "1")):
            with self.subTest(args=args):
                r = self.ok(*args, "--color", "never")
                self.assertNoEscapes(r.stdout, f"{args} stdout")
                self.assertIn("\\x1b[31m", r.stdout)
        r = self.ok("crossed", "1")
        self.assertNoEscapes(r.stderr, "crossed's reminder")
        # JSON carries the text exactly, escaped as JSON.
        self.assertEqual(self.state(1)["text"], evil)

    def test_colour(self):
        self.fill()
        self.assertNotIn("\x1b", self.ok("list").stdout, "no colour when piped")
        self.assertIn("\x1b[", self.ok("list", "--color", "always").stdout)
        self.assertNotIn("\x1b", self.ok("list", env={"NO_COLOR": "1"}).stdout)
        self.assertNotIn("\x1b", self.ok("list", "--color", "always", "--json").stdout)

    def test_data_dir_flag(self):
        other = os.path.join(self.tmp, "elsewhere")
        self.ok("add", "Knock first", "-q", "--data-dir", other)
        self.assertTrue(os.path.exists(os.path.join(other, "devices", DEVICE, "boundary", "2026-11.toml")))
        self.assertEqual(self.json_of("list"), [])
        self.assertEqual(len(self.json_of("list", "--data-dir", other)), 1)


class DerivedFromHandWrittenFile(BoundaryTestCase):
    def setUp(self):
        super().setUp()
        self.write_month(HAND_WRITTEN, kind="boundary")

    def test_state_is_derived_from_the_events(self):
        first, second = self.json_of("list", "--all")
        self.assertEqual(first, {
            "boundary": 1, "text": "I step outside for ten minutes when voices are raised", "type": "emotional",
            "with": "partner", "hard": True, "if_crossed": "I take a 20-minute break",
            "added": "2026-11-01T20:00:00+00:00", "retired": False, "last_event": "held",
            "last_at": "2026-11-10T18:00:00+00:00",
            "counts": {"held": 2, "tested": 1, "crossed": 1, "violated": 0, "repaired": 1, "renegotiated": 1}})
        self.assertEqual(second, {
            "boundary": 2, "text": "No work calls after 21:00", "type": "time", "with": "work", "hard": False,
            "if_crossed": None, "added": "2026-11-04T08:00:00+00:00", "retired": True, "last_event": "retired",
            "last_at": "2026-11-09T18:00:00+00:00",
            "counts": {"held": 0, "tested": 0, "crossed": 0, "violated": 1, "repaired": 0, "renegotiated": 0}})
        self.assertEqual([b["boundary"] for b in self.json_of("list")], [1])

    def test_timeline_is_in_time_order(self):
        self.assertEqual([e["id"] for e in self.state(1)["events"]],
                         ["a2h00", "a2h01", "a2h02", "a2h03", "a2h04", "a2h05", "a2h09"])
        # Same second as its boundary's `added`, written before it: `added` still comes first.
        self.assertEqual([e["id"] for e in self.state(2)["events"]], ["a2h07", "a2h06", "a2h08"])

    def test_new_numbers_follow_the_hand_written_ones(self):
        self.assertEqual(self.new("one more"), 3)
        self.ok("held", "1", "-q")
        self.assertEqual(self.state(1)["counts"]["held"], 3)
        self.assertTrue(self.read_month(kind="boundary").decode().startswith(HAND_WRITTEN),
                        "appending keeps every hand-written byte")


class ConcurrentWriters(BoundaryTestCase):
    WORKERS = 4
    EACH = 5

    def run_workers(self, script, workers):
        procs, outputs = [], []
        start = time.monotonic()
        try:
            for w in range(workers):
                procs.append(subprocess.Popen(["sh", "-c", script], env=self.env({"W": str(w)}), cwd=self.tmp,
                                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                              stderr=subprocess.PIPE))
            for p in procs:
                out, err = p.communicate(timeout=max(1.0, 90 - (time.monotonic() - start)))
                outputs.append((p.returncode, out.decode(errors="replace"), err.decode(errors="replace")))
        except subprocess.TimeoutExpired:
            self.fail("the concurrent writers did not finish in 90 s")
        finally:
            for p in procs:
                if p.poll() is None:
                    p.kill()
                    p.communicate()
        return outputs

    def test_adds_and_events_at_once_lose_nothing_and_share_no_number(self):
        bl = shlex.quote(tool_path("boundary-log"))
        script = (f'i=0; while [ $i -lt {self.EACH} ]; do i=$((i+1)); '
                  f'n=$({bl} add -q "w$W-$i" --with "w$W") || {{ echo "add w$W-$i exit $?" >&2; continue; }}; '
                  f'echo "$n"; '
                  f'{bl} held "$n" -q --note "w$W-$i" || echo "held $n exit $?" >&2; '
                  f'{bl} tested "$n" -q --intensity 3 || echo "tested $n exit $?" >&2; done')
        outputs = self.run_workers(script, self.WORKERS)
        errors = "".join(err for _, _, err in outputs)
        self.assertEqual(errors, "", f"some writers failed:\n{errors[:2000]}")
        total = self.WORKERS * self.EACH
        numbers = [int(n) for _, out, _ in outputs for n in out.split()]
        self.assertEqual(sorted(numbers), list(range(1, total + 1)), "every number taken once, none skipped")

        recs = self.records()
        self.assertEqual(len(recs), 3 * total)
        self.assertEqual(len({r["id"] for r in recs}), 3 * total)
        states = self.json_of("list")
        self.assertEqual([s["boundary"] for s in states], list(range(1, total + 1)))
        for s in states:
            self.assertEqual((s["counts"]["held"], s["counts"]["tested"]), (1, 1), s)
            [held] = [e for e in self.state(s["boundary"])["events"] if e["event"] == "held"]
            self.assertEqual(held["note"], s["text"], "each worker's event landed on its own boundary")
        self.assertEqual(self.temp_files("boundary"), [])

    def test_events_on_one_boundary_at_once_are_all_counted(self):
        self.new("Knock first")
        bl = shlex.quote(tool_path("boundary-log"))
        script = (f'i=0; while [ $i -lt {self.EACH} ]; do i=$((i+1)); '
                  f'{bl} held 1 -q --note "w$W-$i" || echo "held exit $?" >&2; done')
        outputs = self.run_workers(script, self.WORKERS)
        self.assertEqual("".join(err for _, _, err in outputs), "")
        self.assertEqual(self.state(1)["counts"]["held"], self.WORKERS * self.EACH)

    def test_no_event_lands_after_a_concurrent_retirement(self):
        self.new("Knock first")
        bl = shlex.quote(tool_path("boundary-log"))
        script = (f'if [ "$W" = 0 ]; then sleep 0.05; {bl} retired 1 -q; echo "retired $?"; exit; fi; '
                  f'i=0; while [ $i -lt 10 ]; do i=$((i+1)); '
                  f'{bl} held 1 -q 2>/dev/null; echo "held $?"; done')
        outputs = self.run_workers(script, self.WORKERS)
        results = [line for _, out, _ in outputs for line in out.splitlines()]
        self.assertIn("retired 0", results)
        held_ok = results.count("held 0")
        self.assertEqual(held_ok + results.count("held 2"), 10 * (self.WORKERS - 1),
                         f"each event either lands (0) or is refused as retired (2): {results}")
        events = [r["event"] for r in self.records()]
        self.assertEqual(events.count("held"), held_ok)
        self.assertEqual(events[-1], "retired", "nothing was appended after the retirement")


if __name__ == "__main__":
    unittest.main()
