# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Care first, black-box: no config mistake blocks breathing, a check-in or the safety words."""

import csv
import datetime
import io
import json
import os
import re
import signal
import subprocess
import tomllib
import unittest

from tendtest import BUILD_DIR, SOURCE_DIR, SetupError, TendTestCase

SAFETY = '[safety]\ncontacts = ["Sam 07700 900123"]\nmessage = "You have come through hard nights before."\n'

# Configs a person can produce by mistake, each with the line its warning points at.
BROKEN_CONFIGS = {
    "a misspelt day in a table breathe never uses": ('[report]\nweek_start = "Moonday"\n\n' + SAFETY, 2),
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


class BreathingSafely(TendTestCase):
    tool = "breathe"

    def test_the_first_session_on_a_terminal_has_a_safety_note(self):
        note = "if you feel dizzy or lightheaded, stop and breathe normally"
        for attempt in ("first", "second"):
            run = self.pty("--pattern", "0.2-0-0.2-0", "--cycles", "1", "--no-settle")
            rc, text, _ = run.finish()
            self.assertEqual(rc, 0, text)
            self.assertEqual(text.count(note), 1 if attempt == "first" else 0, text)
        r = self.run_tool("--pattern", "0.2-0-0.2-0", "--cycles", "1", "--no-settle",
                          env={"TEND_DATA_DIR": os.path.join(self.tmp, "other")})
        self.assertNotIn(note, r.stdout + r.stderr, "not on a terminal: no note")

    def test_4_7_8_defaults_to_four_breaths(self):
        for args, planned in ((("--pattern", "4-7-8"), 4), (("--pattern", "4-7-8", "--cycles", "2"), 2),
                              (("--pattern", "box"), 12)):
            with self.subTest(args=args):
                self.setUp()
                run = self.pty(*args, "--no-settle")
                run.expect("inhale")
                run.proc.send_signal(signal.SIGINT)
                rc, text, _ = run.finish()
                self.assertEqual(rc, 0, text)
                [rec] = self.month_records(kind="breathe")
                self.assertEqual(rec["planned_cycles"], planned)

    def test_long_holds_carry_a_caution_in_list(self):
        # The exercises follow the patterns after a blank line.
        lines = {line.split()[0]: line for line in self.run_tool("--list").stdout.splitlines() if line.strip()}
        caution = "Long holds: go gently, and breathe normally if you feel dizzy."
        self.assertIn(caution, lines["box"])
        self.assertIn(caution, lines["4-7-8"])
        self.assertNotIn(caution, lines["calm"])
        listed = {p["name"]: p for p in json.loads(self.run_tool("--list", "--json").stdout)}
        self.assertEqual(listed["4-7-8"]["caution"], caution)
        self.assertEqual(listed["coherent"]["caution"], "")


class ReportTellsTheTruthKindly(TendTestCase):
    tool = "report"
    NOW = "2026-11-21T19:10:00+00:00"  # a Saturday

    def setUp(self):
        super().setUp()
        self.now = self.NOW

    def then(self, now, tool, *args):
        r = self.run_tool(*args, tool=tool, env={"TEND_NOW": now})
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def test_quiet_if_empty_is_silent_for_a_week_of_shown_prompts(self):
        for day in range(16, 22):
            self.then(f"2026-11-{day}T08:00:00+00:00", "prompt", "today")
        for fmt in ("text", "markdown", "json", "html", "csv"):
            with self.subTest(format=fmt):
                r = self.run_tool("--quiet-if-empty", "--format", fmt)
                self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)
        self.then("2026-11-20T08:05:00+00:00", "prompt", "skip")
        self.assertNotEqual(self.run_tool("--quiet-if-empty").stdout, "", "a skip is the person's own")

    def test_crossed_and_violated_are_apart_in_every_format(self):
        self.then("2026-11-16T10:00:00+00:00", "boundary-log", "add", "Knock first", "-q")
        self.then("2026-11-17T10:00:00+00:00", "boundary-log", "crossed", "1", "-q")
        self.then("2026-11-18T10:00:00+00:00", "boundary-log", "violated", "1", "-q")
        self.then("2026-11-18T11:00:00+00:00", "boundary-log", "violated", "1", "-q")
        for fmt in ("text", "markdown", "html"):
            with self.subTest(format=fmt):
                out = self.run_tool("--format", fmt).stdout
                self.assertIn("crossed 1 time; violated 2 times.", out)
                self.assertNotIn("crossed or violated", out)
        data = json.loads(self.run_tool("--format", "json").stdout)
        self.assertEqual((data["boundaries"]["crossed"], data["boundaries"]["violated"]), (1, 2))
        self.assertNotIn("crossed_or_violated", json.dumps(data))
        self.assertEqual((data["boundaries"]["boundaries"][0]["crossed"],
                          data["boundaries"]["boundaries"][0]["violated"]), (1, 2))
        rows = list(csv.DictReader(io.StringIO(self.run_tool("--format", "csv").stdout)))
        self.assertEqual([(r["crossed"], r["violated"]) for r in rows[1:3]], [("1", "0"), ("0", "2")])

    def test_no_feeling_word_is_dropped_silently(self):
        words = ["calm", "hopeful", "tired", "tense", "anxious", "content", "relaxed", "proud", "sad",
                 "overwhelmed", "lonely"]
        self.then("2026-11-16T10:00:00+00:00", "checkin", "5", "--feel", ",".join(words))
        for fmt in ("text", "markdown", "html"):
            with self.subTest(format=fmt):
                out = self.run_tool("--format", fmt).stdout
                for word in words:
                    self.assertIn(word, out, "eleven words tied at one: none is cut for its letter")
        for i in range(2):
            self.then(f"2026-11-17T1{i}:00:00+00:00", "checkin", "5", "--feel", ",".join(words[:8]))
        out = self.run_tool().stdout
        self.assertIn("+3 more", out)
        self.assertEqual(len(json.loads(self.run_tool("--format", "json").stdout)["checkins"]["feelings"]), 11)

    def test_future_records_never_give_impossible_counts(self):
        for day in (16, 17):
            self.then(f"2026-11-{day}T10:00:00+00:00", "checkin", "5")
        # Another device's clock ahead, or a hand edit: a check-in dated tomorrow and one the day after.
        text = self.read_month().decode()
        for day in (22, 23):
            text += (f'\n[[checkin]]\nid = "a9zz{day}"\nat = 2026-11-{day}T10:00:00+00:00\n'
                     f'recorded = 2026-11-21T10:00:00+00:00\nmood = 4\n')
        self.write_month(text)
        out = self.run_tool().stdout
        self.assertIn("Days with any practice: 2 of the 6 days so far.", out)
        data = json.loads(self.run_tool("--format", "json").stdout)
        self.assertLessEqual(data["practice"]["days"], data["practice"]["days_so_far"])

    def test_no_notes_leaves_out_every_word_typed_or_named(self):
        decks = os.path.join(self.data_dir, "decks")
        os.makedirs(decks, mode=0o700)
        with open(os.path.join(decks, "after-the-affair.txt"), "w") as f:
            f.write("What do you need from me this week?\n")
        self.write_config('[breathe.patterns]\nafter-the-fight = "4-2-6-0"\n[checkin]\nfeelings = ["wobbly"]\n')
        self.then("2026-11-16T10:00:00+00:00", "checkin", "5", "--feel", "calm,wobbly,fizzy", "--tag", "secret-tag")
        self.then("2026-11-16T10:05:00+00:00", "breathe", "--pattern", "after-the-fight", "--cycles", "1",
                  "--no-settle", "--no-log")
        self.then("2026-11-16T10:05:00+00:00", "breathe", "--pattern", "calm", "--cycles", "1", "--no-settle")
        self.then("2026-11-17T10:00:00+00:00", "prompt", "--deck", "after-the-affair")
        r = self.then("2026-11-17T10:05:00+00:00", "prompt", "answer", "--text", "words of mine")
        prompt_id = json.loads(self.then("2026-11-17T10:06:00+00:00", "prompt", "history", "--json").stdout)[0]
        prompt_id = prompt_id.get("prompt_id") or prompt_id.get("id")
        for fmt in ("text", "markdown", "json", "html", "csv"):
            with self.subTest(format=fmt):
                out = self.run_tool("--format", fmt, "--no-notes").stdout
                for word in ("after-the-affair", "wobbly", "fizzy", "secret-tag", "words of mine", prompt_id):
                    self.assertNotIn(word, out)
        out = self.run_tool("--no-notes").stdout
        self.assertIn("calm", out, "tend's own feeling words and pattern names stay")
        self.assertIn("answered 1", out.lower().replace("1 answered", "answered 1"))


class PromptsAskBeforeTheyGoDeep(TendTestCase):
    tool = "prompt"

    def today(self, day, *args):
        r = self.run_tool("today", "--json", *args, env={"TEND_NOW": f"{day.isoformat()}T07:30:00+00:00"})
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_a_year_of_the_shared_prompt_is_for_two_and_gentle(self):
        self.write_config('[prompt]\nseed = "our words"\n')
        start = datetime.date(2026, 12, 1)
        year = [self.today(start + datetime.timedelta(days=d)) for d in range(365)]
        self.assertEqual([p["prompt_id"] for p in year if p["with"] == "solo"], [])
        self.assertEqual([p["prompt_id"] for p in year if p["depth"] > 2], [])
        self.assertGreater(len({p["prompt_id"] for p in year}), 150, "the whole gentle pool has its days")
        self.assertEqual([p["prompt_id"] for p in year if p["shared_id"] != p["prompt_id"] or not p["shared"]], [])
        self.write_config('[prompt]\nseed = "our words"\ndepth = 3\n')
        deeper = [self.today(start + datetime.timedelta(days=d), "--depth", "3") for d in range(30)]
        self.assertEqual([p["shared_id"] for p in deeper], [p["shared_id"] for p in year[:30]],
                         "one partner's depth never moves the couple's prompt")

    def test_every_prompt_shows_its_notes_and_depth(self):
        # Whatever prompt the pick meets, its lines say what the deck's source file says of it.
        with open(os.path.join(SOURCE_DIR, "data", "decks", "repair.toml"), "rb") as f:
            deck = {p["id"]: p for p in tomllib.load(f)["prompt"]}
        self.write_config('[prompt]\nwith = "together"\n')
        for fmt in ("plain", "terminal"):
            with self.subTest(output=fmt):
                self.setUp()
                if fmt == "plain":
                    out = self.run_tool("--deck", "repair", "--depth", "2").stdout
                else:
                    run = self.pty("--deck", "repair", "--depth", "2", "--color", "never")
                    rc, out, _ = run.finish()
                lines = [line for line in out.splitlines() if line.strip() and not line.startswith("tend keeps")]
                m = re.fullmatch(r"(repair-0\d\d) · repair · depth ([12]) \((light|medium)\)", lines[-1])
                self.assertIsNotNone(m, out)
                card = deck[m[1]]
                self.assertEqual(int(m[2]), card["depth"])
                self.assertEqual(m[3], "light" if card["depth"] == 1 else "medium")
                notes = [f"Content note: {', '.join(card['notes'])}."] if card.get("notes") else []
                self.assertEqual(lines[:-1], notes + card["text"].splitlines(), out)
        listing = self.run_tool("decks", "repair").stdout
        self.assertIn("repair-016  depth 2  either    [childhood, family, conflict] What did you learn growing up", listing)
        for minute in range(8):
            got = json.loads(self.run_tool("--deck", "repair", "--json",
                                           env={"TEND_NOW": f"2026-11-21T19:{minute:02}:00+00:00"}).stdout)
            card = deck[got["prompt_id"]]
            self.assertEqual((got["notes"], got["depth"]), (card.get("notes", []), card["depth"]), got["prompt_id"])

    def test_config_defaults_for_depth_with_and_notes(self):
        self.write_config('[prompt]\ndepth = 1\nwith = "solo"\nexclude = ["childhood"]\n')
        for minute in range(12):
            r = self.run_tool("--json", env={"TEND_NOW": f"2026-11-21T19:{minute:02}:00+00:00"})
            got = json.loads(r.stdout)
            self.assertEqual(got["depth"], 1)
            self.assertNotEqual(got["with"], "together")
            self.assertNotIn("childhood", got["notes"])
        self.assertEqual(json.loads(self.run_tool("--depth", "3", "--deck", "solo", "--json",
                                                  env={"TEND_NOW": "2026-11-21T20:00:00+00:00"}).stdout)["deck"],
                         "solo", "an option still chooses more")
        self.write_config('[prompt]\nwith = "both of us"\n')
        r = self.run_tool("today")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("[prompt] with must be", r.stderr)

    def test_the_new_notes_can_be_left_out(self):
        for note in ("abuse", "self-harm", "substance-use", "trauma"):
            with self.subTest(note=note):
                r = self.run_tool("--deck", "regulation,feedback,repair", "--exclude", note, "--json")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertNotIn("no prompt has the content note", r.stderr)
                self.assertNotIn(note, json.loads(r.stdout)["notes"])

    def test_the_build_insists_on_the_notes_a_prompt_needs(self):
        gen = os.path.join(BUILD_DIR, "common", "prompt_deck_gen")
        if not os.path.exists(gen):
            raise SetupError(f"{gen}: the deck generator is missing; build first")
        deck = os.path.join(self.tmp, "mine.toml")
        with open(deck, "w") as f:
            f.write('[deck]\nname = "mine"\ntitle = "T"\ndescription = "D"\nhow_to_use = "H"\n\n'
                    '[[prompt]]\nid = "mine-001"\ntext = "What do you do after a fight?"\n')
        out = os.path.join(self.tmp, "out.cpp")
        r = subprocess.run([gen, out, deck], capture_output=True, text=True)
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn("mine.toml:7: prompt 'mine-001' speaks of 'fight' and needs the content note 'conflict'",
                      r.stderr)
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()
