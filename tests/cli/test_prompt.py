# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""prompt, black-box: the shared prompt of the day, cooldown rounds, filters, answers and revisits,
the person's own decks ('%' text and TOML), check, and the shipped decks themselves."""

import datetime
import glob
import json
import os
import re
import stat
import tomllib
import unittest

from tendtest import ID_RE, SOURCE_DIR, TendTestCase

DECKS_DIR = os.path.join(SOURCE_DIR, "data", "decks")
M64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def fnv1a(data, h=14695981039346656037):
    for byte in data:
        h = ((h ^ byte) * 1099511628211) & M64
    return h


def splitmix64(value):
    value = (value + GAMMA) & M64
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & M64
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & M64
    return value ^ (value >> 31)


def prompt_of_the_day(ids, day, seed):
    """An independent implementation of the documented algorithm (prompt(1), PROMPT OF THE DAY):
    what a partner's machine, or any other program, would compute from the same inputs."""
    ids = sorted(ids, key=lambda s: s.encode())
    n = len(ids)
    number = (day - datetime.date(1970, 1, 1)).days
    cycle = number // n
    place = number - cycle * n
    h = fnv1a(b"tend prompt of the day, version 1")
    h = fnv1a(b"\0", h)
    h = fnv1a(seed.encode(), h)
    for i in ids:
        h = fnv1a(b"\0" + i.encode(), h)
    h = fnv1a(b"\0" + str(cycle).encode(), h)
    order = list(range(n))
    state = h
    for i in range(n - 1, 0, -1):
        r = splitmix64(state)
        state = (state + GAMMA) & M64
        j = r % (i + 1)
        order[i], order[j] = order[j], order[i]
    return ids[order[place]]


def shipped_decks():
    decks = {}
    for path in sorted(glob.glob(os.path.join(DECKS_DIR, "*.toml"))):
        with open(path, "rb") as f:
            decks[os.path.basename(path)[:-5]] = tomllib.load(f)
    return decks


class PromptCase(TendTestCase):
    tool = "prompt"

    def prompt(self, *args, **kwargs):
        return self.run_tool(*args, **kwargs)

    def json_of(self, *args, **kwargs):
        r = self.ok(*args, **kwargs)
        try:
            return json.loads(r.stdout)
        except ValueError as e:
            self.fail(f"prompt {args!r} printed no JSON ({e}): {r.stdout!r}")

    def records(self, month="2026-11"):
        return self.month_records(month, kind="prompt")

    def write_deck(self, name, text):
        d = os.path.join(self.data_dir, "decks")
        os.makedirs(d, mode=0o700, exist_ok=True)
        path = os.path.join(d, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def at(self, when):
        return {"TEND_NOW": when}


class PromptOfTheDay(PromptCase):
    def test_two_data_dirs_with_the_same_seed_agree_every_day(self):
        config = 'seed = "our-words"\n'
        self.write_config("[prompt]\n" + config)
        partner_dir = os.path.join(self.tmp, "partner-data")
        partner_config = os.path.join(self.tmp, "partner-config.toml")
        with open(partner_config, "w") as f:
            f.write("# the other machine\n[prompt]\n" + config)
        days = [datetime.date(2026, 11, 21) + datetime.timedelta(days=d) for d in range(6)]
        mine, theirs = [], []
        for day in days:
            when = f"{day.isoformat()}T07:30:00+00:00"
            mine.append(self.json_of("today", "--json", env=self.at(when)))
            theirs.append(self.json_of("today", "--json",
                                       env={"TEND_NOW": when, "TEND_DATA_DIR": partner_dir,
                                            "TEND_CONFIG": partner_config}))
        self.assertEqual(mine, theirs)
        self.assertEqual([p["date"] for p in mine], [d.isoformat() for d in days])
        # Different dates move it: consecutive days differ within a cycle of the whole pool.
        self.assertGreaterEqual(len({p["prompt_id"] for p in mine}), 5)

    def test_matches_an_independent_implementation_of_the_algorithm(self):
        # With a seed, the shared pool: prompts for two (together or either), depth 1-2.
        ids = [p["id"] for deck in shipped_decks().values() for p in deck["prompt"]
               if p.get("with", "either") != "solo" and p.get("depth", 2) <= 2]
        self.write_config('[prompt]\nseed = "our-words"\n')
        for offset in (0, 1, 17, 400):
            day = datetime.date(2026, 11, 21) + datetime.timedelta(days=offset)
            with self.subTest(day=day):
                got = self.json_of("today", "--json", env=self.at(f"{day.isoformat()}T12:00:00+00:00"))
                self.assertEqual(got["prompt_id"], prompt_of_the_day(ids, day, "our-words"))
        # The filters shape the pool the same way on both machines.
        day = datetime.date(2026, 11, 21)
        depth1 = [p["id"] for deck in shipped_decks().values() for p in deck["prompt"]
                  if p["depth"] <= 1 and p.get("with", "either") != "solo"]
        got = self.json_of("today", "--depth", "1", "--json")
        self.assertEqual(got["prompt_id"], prompt_of_the_day(depth1, day, "our-words"))

    def test_another_seed_gives_another_sequence(self):
        plain = [self.json_of("today", "--json", env=self.at(f"2026-12-0{d}T12:00:00+00:00"))["prompt_id"]
                 for d in range(1, 8)]
        self.write_config('[prompt]\nseed = "ours alone"\n')
        seeded = [self.json_of("today", "--json", env=self.at(f"2026-12-0{d}T12:00:00+00:00"))["prompt_id"]
                  for d in range(1, 8)]
        self.assertNotEqual(plain, seeded)

    def test_recorded_as_shown_once_a_day(self):
        first = self.ok("today").stdout
        for when in ("2026-11-21T19:11:00+00:00", "2026-11-21T23:59:59+00:00"):
            self.assertEqual(self.ok("today", env=self.at(when)).stdout, first)
        shown = self.records()
        self.assertEqual(len(shown), 1, shown)
        self.assertEqual(shown[0]["event"], "shown")
        self.ok("today", env=self.at("2026-11-22T08:00:00+00:00"))
        self.assertEqual(len(self.records()), 2)

    def test_a_shown_record_taken_out_by_hand_is_recorded_again(self):
        # Later runs of the day trust .local/prompt-today only while the month's files are as
        # they were: an edited file is read again.
        self.ok("today")
        self.assertEqual(os.stat(os.path.join(self.data_dir, ".local", "prompt-today")).st_mode & 0o777, 0o600)
        path = os.path.join(self.kind_dir("prompt"), "2026-11.toml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text[: text.index("[[prompt]]")])
        self.assertEqual(self.records(), [])
        self.ok("today")
        self.assertEqual([rec["event"] for rec in self.records()], ["shown"])
        self.ok("today")
        self.assertEqual(len(self.records()), 1)

    def test_plain_output_is_the_text_with_its_depth_and_json_has_the_fields(self):
        r = self.ok("today")
        self.assertEqual(r.stderr, "")
        got = self.json_of("today", "--json")
        self.assertEqual(sorted(got), ["check_code", "date", "deck", "depth", "held_back", "notes", "passed_by",
                                       "prompt_id", "shared", "shared_id", "text", "with", "you_passed"])
        self.assertEqual((got["shared_id"], got["check_code"], got["shared"], got["held_back"], got["passed_by"],
                          got["you_passed"]), (None, None, False, False, [], False),
                         "without a seed there is no couple's pick")
        depth = {1: "light", 2: "medium", 3: "deep"}[got["depth"]]
        note = f"Content note: {', '.join(got['notes'])}.\n" if got["notes"] else ""
        self.assertEqual(r.stdout, f"{note}{got['text']}\n{got['prompt_id']} · {got['deck']} · depth {got['depth']} ({depth})\n")
        self.assertTrue(got["prompt_id"].startswith(got["deck"] + "-"))
        self.assertIn(got["with"], ("solo", "together", "either"))

    def test_on_a_terminal_a_dim_line_gives_the_id_and_deck(self):
        got = self.json_of("today", "--json")
        run = self.pty("today", stdin_tty=False)
        run.expect(got["text"])
        run.expect(f"\x1b[2m{got['prompt_id']} \u00b7 {got['deck']} \u00b7 depth {got['depth']} (")
        rc, _, _ = run.finish()
        self.assertEqual(rc, 0)
        run = self.pty("today", stdin_tty=False, env={"NO_COLOR": "1"})
        run.expect(f"{got['prompt_id']} \u00b7 {got['deck']}")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0)
        self.assertNotIn("\x1b", text)

    def test_reads_only_this_month_of_history(self):
        # A broken file from last month stops a random prompt (its cooldown reaches back into it)
        # but not today's: the prompt of the day does no work proportional to history.
        self.write_month("this is not TOML [[", month="2026-10", kind="prompt")
        self.ok("today")
        r = self.prompt()
        self.assertError(r, 65)
        self.assertIn("2026-10.toml", r.stderr)

    def test_files_are_private(self):
        self.ok("today", umask=0)
        self.assertEqual(self.mode(self.data_dir), 0o700)
        self.assertEqual(self.mode(self.kind_dir("prompt")), 0o700)
        self.assertEqual(self.mode(self.month_path(kind="prompt")), 0o600)


class CooldownAndRounds(PromptCase):
    def test_a_deck_is_exhausted_before_any_prompt_repeats_then_starts_over(self):
        self.write_deck("three.txt", "One?\n%\nTwo?\n%\nThree?\n")
        seen = []
        for minute in range(3):
            r = self.ok("--deck", "three", env=self.at(f"2026-11-21T19:1{minute}:00+00:00"))
            self.assertEqual(r.stderr, "")
            seen.append(r.stdout.splitlines()[0])
        self.assertEqual(sorted(seen), ["One?", "Three?", "Two?"])
        r = self.ok("--deck", "three", env=self.at("2026-11-21T19:20:00+00:00"))
        self.assertIn("starting over", r.stderr)
        self.assertNotEqual(r.stdout.splitlines()[0], seen[-1], "a new round does not begin with the prompt just seen")
        self.assertEqual([rec["event"] for rec in self.records()], ["shown"] * 4)

    def test_skip_keeps_a_prompt_away_for_the_cooldown(self):
        self.write_deck("two.txt", "Alpha?\n%\nBeta?\n")
        first = self.ok("--deck", "two").stdout
        r = self.ok("skip")
        self.assertIn("stays away for 30 days", r.stderr)
        second = self.ok("--deck", "two", env=self.at("2026-11-21T19:12:00+00:00")).stdout
        self.assertNotEqual(first, second)
        self.assertEqual([rec["event"] for rec in self.records()], ["shown", "skipped", "shown"])

    def test_cooldown_days_from_config(self):
        self.write_config("[prompt]\ncooldown_days = 2\n")
        self.write_deck("two.txt", "Alpha?\n%\nBeta?\n")
        first = self.ok("--deck", "two", env=self.at("2026-11-01T10:00:00+00:00")).stdout
        second = self.ok("--deck", "two", env=self.at("2026-11-02T10:00:00+00:00")).stdout
        self.assertNotEqual(first, second)
        # Three days on, both are out of the cooldown: a fresh choice, not a new round.
        r = self.ok("--deck", "two", env=self.at("2026-11-05T10:00:00+00:00"))
        self.assertNotIn("starting over", r.stderr)

    def test_cooldown_reads_across_a_month_boundary(self):
        self.write_deck("two.txt", "Alpha?\n%\nBeta?\n")
        first = self.ok("--deck", "two", env=self.at("2026-10-31T22:00:00+00:00")).stdout
        second = self.ok("--deck", "two", env=self.at("2026-11-01T09:00:00+00:00")).stdout
        self.assertNotEqual(first, second)


class Filters(PromptCase):
    def draw(self, *args, times=12):
        return [self.json_of(*args, "--json", env=self.at(f"2026-11-21T19:{m:02}:00+00:00")) for m in range(times)]

    def test_depth_together_solo_deck_and_exclude(self):
        for p in self.draw("--depth", "1"):
            self.assertEqual(p["depth"], 1)
        for p in self.draw("--together"):
            self.assertIn(p["with"], ("together", "either"))
        for p in self.draw("--solo", "--deck", "solo,gentle"):
            self.assertIn(p["with"], ("solo", "either"))
            self.assertIn(p["deck"], ("solo", "gentle"))
        for p in self.draw("--deck", "play", "--deck", "repair"):
            self.assertIn(p["deck"], ("play", "repair"))
        for p in self.draw("--deck", "reveal", "--exclude", "family,trauma", "--exclude", "childhood"):
            self.assertFalse({"family", "trauma", "childhood"} & set(p["notes"]), p)

    def test_filters_apply_to_today_and_config_exclude_adds_to_them(self):
        self.write_config('[prompt]\nexclude = ["sex", "trauma"]\n')
        for day in range(1, 29):
            p = self.json_of("today", "--deck", "boundaries", "--json", env=self.at(f"2026-02-{day:02}T12:00:00+00:00"))
            self.assertEqual(p["deck"], "boundaries")
            self.assertFalse({"sex", "trauma"} & set(p["notes"]), p)

    def test_bad_filters_are_usage_errors(self):
        r = self.prompt("--deck", "nope")
        self.assertUsageError(r)
        self.assertIn("no deck called 'nope'", r.stderr)
        self.assertUsageError(self.prompt("--together", "--solo"))
        self.assertUsageError(self.prompt("--depth", "4"))
        r = self.prompt("today", "--deck", "solo", "--together")
        self.assertUsageError(r)
        self.assertIn("no prompt matches these filters", r.stderr)
        self.assertUsageError(self.prompt("history", "--depth", "1"))
        self.assertFalse(os.path.exists(self.data_dir))

    def test_an_unknown_content_note_is_a_warning(self):
        r = self.ok("--exclude", "spiders")
        self.assertIn("prompt: warning: --exclude: no prompt has the content note 'spiders'", r.stderr)


class OwnDecks(PromptCase):
    def test_fortune_style_text_deck(self):
        self.write_deck("Late Night.txt", "What are you\nthinking about?\n%\nWhat would help you sleep?\n%\n")
        decks = {d["name"]: d for d in self.json_of("decks", "--json")}
        self.assertEqual(decks["late-night"]["count"], 2)
        self.assertTrue(decks["late-night"]["source"].endswith("Late Night.txt"))
        p = self.json_of("--deck", "late-night", "--json")
        self.assertRegex(p["prompt_id"], r"^late-night-[0-9a-f]{8}$")
        self.assertEqual((p["depth"], p["with"], p["notes"]), (2, "either", []))
        self.assertIn(p["text"], ("What are you\nthinking about?", "What would help you sleep?"))
        # Ids come from the words, so reordering the file keeps them.
        ids = {d["prompt_id"] for d in self.json_of("decks", "late-night", "--json")[0]["prompts"]}
        self.write_deck("Late Night.txt", "What would help you sleep?\n%\nWhat are you thinking about?\n")
        self.assertEqual(ids, {d["prompt_id"] for d in self.json_of("decks", "late-night", "--json")[0]["prompts"]})
        self.ok("answer", "--text", "The garden.")
        self.assertEqual(self.records()[-1]["prompt_id"], p["prompt_id"])

    def test_toml_deck_in_the_same_schema(self):
        self.write_deck("ours.toml", '[deck]\nname = "ours"\ntitle = "Ours"\ndescription = "Just us."\n\n'
                                     '[[prompt]]\nid = "ours-1"\ntext = "Where shall we go in spring?"\n'
                                     'depth = 1\nwith = "together"\nnotes = ["travel"]\n')
        p = self.json_of("--deck", "ours", "--json")
        self.assertEqual(p, {"prompt_id": "ours-1", "deck": "ours", "text": "Where shall we go in spring?", "depth": 1,
                             "with": "together", "notes": ["travel"]})
        self.assertUsageError(self.prompt("--deck", "ours", "--solo"))

    def test_a_broken_user_deck_is_reported_and_skipped(self):
        self.write_deck("broken.toml", '[[prompt]]\nid = "broken-1"\ntext = "Fine?"\n\n'
                                       '[[prompt]]\nid = "broken-1"\ntext = ""\ndepth = 0\n')
        self.write_deck("fine.txt", "Still here?\n")
        for args in (["today"], ["--deck", "fine"], ["decks"], ["history"]):
            with self.subTest(args=args):
                r = self.ok(*args)
                self.assertIn("prompt: warning: ", r.stderr)
                self.assertRegex(r.stderr, r"prompt: warning: \S*broken\.toml:5: .*left out until it is fixed")
        names = [d["name"] for d in self.json_of("decks", "--json")]
        self.assertIn("fine", names)
        self.assertNotIn("broken", names)
        r = self.prompt("check")
        self.assertEqual(r.returncode, 65)
        self.assertIn("fine  1 prompt", r.stdout)
        lines = [line for line in r.stderr.splitlines() if "broken.toml:" in line]
        self.assertEqual(len(lines), 3, r.stderr)
        self.assertTrue(all(re.match(r"^\S*broken\.toml:\d+: ", line) for line in lines), lines)
        self.assertIn("empty text", r.stderr)
        self.assertIn("'depth' must be 1", r.stderr)
        self.assertTrue(r.stderr.rstrip("\n").splitlines()[-1].startswith("prompt: error: 3 problems in 1 deck"))

    def test_a_user_deck_cannot_take_a_shipped_name(self):
        self.write_deck("play.txt", "Mine?\n")
        r = self.ok("--deck", "play", "--json")
        self.assertIn("deck name 'play' is already taken by a shipped deck", r.stderr)
        self.assertTrue(json.loads(r.stdout)["prompt_id"].startswith("play-0"))

    def test_user_text_is_never_printed_raw(self):
        self.write_deck("odd.txt", "Fine?\n")
        self.ok("--deck", "odd")
        self.ok("answer", "--text", "evil \x1b]0;title\x07 \u202e text")
        r = self.ok("history")
        self.assertNoEscapes(r.stdout)
        self.assertIn("\\x1b", r.stdout)


class Check(PromptCase):
    def test_every_shipped_deck_passes_check(self):
        r = self.ok("check")
        self.assertEqual(r.stderr, "")
        self.assertEqual(len(r.stdout.splitlines()), len(shipped_decks()))
        files = sorted(glob.glob(os.path.join(DECKS_DIR, "*.toml")))
        r = self.ok("check", *files)
        self.assertEqual(r.stderr, "")
        self.assertEqual(len(r.stdout.splitlines()), len(files))
        self.assertTrue(all(line.startswith("ok  ") for line in r.stdout.splitlines()))

    def test_check_files_reports_file_line_problems_and_exits_65(self):
        bad = os.path.join(self.tmp, "bad.toml")
        with open(bad, "w") as f:
            f.write('[[prompt]]\nid = "bad-1"\ntext = "One?"\n\n[[prompt]]\nid = "bad-1"\ntext = "Two?"\n'
                    'depth = 9\n\n[[prompt]]\nid = "bad-3"\ntext = "  "\n')
        dup = os.path.join(self.tmp, "dups.txt")
        with open(dup, "w") as f:
            f.write("Same?\n%\n%\nSame?\n")
        good = os.path.join(self.tmp, "good.txt")
        with open(good, "w") as f:
            f.write("Fine?\n")
        r = self.prompt("check", bad, dup, good)
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn(f"{bad}:5: duplicate id 'bad-1' (first used at line 1)", r.stderr)
        self.assertIn(f"{bad}:8: 'depth' must be 1 (light), 2 or 3 (deep)", r.stderr)
        self.assertIn(f"{bad}:10: prompt 'bad-3' has empty text", r.stderr)
        self.assertIn(f"{dup}:2: empty prompt", r.stderr)
        self.assertIn(f"{dup}:4: duplicate id", r.stderr)
        self.assertEqual(r.stdout, f"ok  good  1 prompt  {good}\n")
        self.assertRegex(r.stderr, r"prompt: error: \d+ problems in 2 decks")

    def test_check_a_file_that_is_not_a_deck(self):
        r = self.prompt("check", os.path.join(self.tmp, "missing.toml"))
        self.assertEqual(r.returncode, 65)
        self.assertIn("missing.toml: no such file", r.stderr)


class AnswersAndRevisits(PromptCase):
    def test_answer_and_revisit_round_trip(self):
        shown = self.json_of("--deck", "solo", "--json")
        r = self.ok("answer", "--text", "A walk by the river.")
        # Confirmed in the prompt's own words, so an answer to the wrong prompt is seen at once.
        self.assertIn(f"Saved your answer to {shown['prompt_id']}, \u201c{shown['text'][:40]}", r.stderr)
        self.assertIn("Nothing to revisit yet", self.ok("revisit", env=self.at("2026-12-01T10:00:00+00:00")).stderr)

        later = "2026-12-22T20:00:00+00:00"
        got = self.json_of("revisit", "--json", env=self.at(later))
        self.assertEqual(got["prompt"]["prompt_id"], shown["prompt_id"])
        self.assertEqual(got["answer"]["text"], "A walk by the river.")
        text = self.ok("revisit", env=self.at(later)).stdout
        self.assertIn(shown["text"] + "\n" + shown["prompt_id"] + f" · solo · depth {shown['depth']} (", text)
        self.assertIn(")\n\nYou wrote on 2026-11-21:\n"
                      "  A walk by the river.\n", text)
        self.ok("answer", "--text", "-", input="Still the river,\nbut further along.\n", env=self.at(later))

        answers = self.json_of("history", "--event", "answered", "--json", env=self.at(later))
        self.assertEqual([a["prompt_id"] for a in answers], [shown["prompt_id"], shown["prompt_id"]])
        self.assertEqual([a["text"] for a in answers], ["A walk by the river.", "Still the river,\nbut further along."])
        self.assertEqual(answers[0]["prompt_text"], shown["text"])
        for a in answers:
            self.assertRegex(a["id"], ID_RE)

    def test_answer_by_id_and_empty_answers(self):
        self.ok("answer", "play-003", "--text", "A picnic.")
        self.assertEqual(self.records()[-1]["prompt_id"], "play-003")
        r = self.ok("answer", "play-003", "--text", "   ")
        self.assertIn("Nothing saved", r.stderr)
        self.assertEqual(len(self.records()), 1)

    def test_answer_without_text_or_terminal_fails_fast(self):
        self.ok()
        r = self.prompt("answer")
        self.assertUsageError(r)
        self.assertIn("--text", r.stderr)
        self.assertEqual(len(self.records()), 1)

    def test_answer_in_the_editor_on_a_terminal(self):
        editor = os.path.join(self.tmp, "editor.sh")
        with open(editor, "w") as f:
            f.write('#!/bin/sh\nprintf "From the editor.\\n# not this\\n" | cat - "$1" > "$1.new" && mv "$1.new" "$1"\n')
        os.chmod(editor, 0o700)
        shown = self.json_of("--json")
        run = self.pty("answer", env={"EDITOR": editor, "VISUAL": ""})
        run.expect("Saved your answer")
        rc, _, _ = run.finish()
        self.assertEqual(rc, 0)
        last = self.records()[-1]
        self.assertEqual((last["event"], last["prompt_id"], last["text"]), ("answered", shown["prompt_id"], "From the editor."))
        self.assertEqual([n for n in os.listdir(self.kind_dir("prompt")) if n.startswith(".answer")], [])

    def test_a_failing_editor_saves_nothing(self):
        self.ok()
        run = self.pty("answer", env={"EDITOR": "false", "VISUAL": ""})
        run.expect("did not finish cleanly")
        rc, _, _ = run.finish()
        self.assertEqual(rc, 1)
        self.assertEqual(len(self.records()), 1)


class HistoryAndFavourites(PromptCase):
    def test_history_lists_events_oldest_first(self):
        self.ok("today", env=self.at("2026-11-20T09:00:00+00:00"))
        self.ok("skip", env=self.at("2026-11-20T09:01:00+00:00"))
        self.ok("fav", "gentle-001", env=self.at("2026-11-21T09:00:00+00:00"))
        records = self.json_of("history", "--json")
        self.assertEqual([r["event"] for r in records], ["shown", "skipped", "fav"])
        self.assertEqual(records[0]["prompt_id"], records[1]["prompt_id"])
        self.assertEqual([r["event"] for r in self.json_of("history", "--last", "1", "--json")], ["fav"])
        self.assertEqual(len(self.json_of("history", "--since", "2026-11-21", "--json")), 1)
        lines = self.ok("history").stdout.splitlines()
        self.assertEqual(len(lines), 3)
        self.assertTrue(lines[2].startswith("2026-11-21 09:00  fav       gentle-001  What is one word"), lines)

    def test_favourites(self):
        self.ok("fav", "play-002")
        self.ok("fav", "reveal-010")
        self.ok("unfav", "play-002")
        favs = self.json_of("history", "--favs", "--json")
        self.assertEqual([f["prompt_id"] for f in favs], ["reveal-010"])
        self.assertTrue(favs[0]["text"])
        self.assertIn("not among your favourites", self.ok("unfav", "play-002").stderr)
        self.assertUsageError(self.prompt("history", "--favs", "--last", "2"))

    def test_empty_history(self):
        r = self.ok("history")
        self.assertEqual(r.stdout, "")
        self.assertIn("Nothing here yet", r.stderr)
        self.assertEqual(self.json_of("history", "--json"), [])


class Decks(PromptCase):
    def test_at_least_250_prompts_in_at_least_10_decks(self):
        decks = self.json_of("decks", "--json")
        self.assertGreaterEqual(len(decks), 10)
        self.assertGreaterEqual(sum(d["count"] for d in decks), 250)
        for d in decks:
            self.assertEqual(sorted(d), ["count", "description", "how_to_use", "name", "source", "title"])
            self.assertEqual(d["source"], "shipped")
            self.assertTrue(d["description"] and d["how_to_use"] and d["title"])
        text = self.ok("decks").stdout.splitlines()
        self.assertEqual(len(text), len(decks) + 1)
        self.assertRegex(text[-1], r"^\d+ prompts in \d+ decks\.$")

    def test_one_deck_in_full(self):
        [deck] = self.json_of("decks", "gentle", "--json")
        self.assertEqual(deck["count"], len(deck["prompts"]))
        text = self.ok("decks", "gentle").stdout
        self.assertIn("How to use it: ", text)
        self.assertIn("gentle-001  depth 1", text)
        self.assertUsageError(self.prompt("decks", "nope"))

    def test_shipped_decks_are_well_formed_and_distinct(self):
        seen_ids, seen_texts = set(), set()
        for name, deck in shipped_decks().items():
            self.assertEqual(deck["deck"]["name"], name)
            for p in deck["prompt"]:
                self.assertRegex(p["id"], rf"^{name}-\d{{3}}$")
                self.assertNotIn(p["id"], seen_ids)
                folded = " ".join(p["text"].lower().split())
                self.assertNotIn(folded, seen_texts, p["id"])
                seen_ids.add(p["id"])
                seen_texts.add(folded)
                if p["with"] == "either" or p["with"] == "solo":
                    # A prompt for one person must not assume a partner in the room.
                    self.assertNotRegex(p["text"], r"\byour partner\b", p["id"])


if __name__ == "__main__":
    unittest.main()
