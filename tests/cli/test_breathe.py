# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""breathe, black-box: plain mode, patterns and their errors, logging, --json, signals, a pseudo-terminal."""

import json
import os
import re
import signal
import subprocess
import termios
import time
import unittest

from tendtest import ID_RE, RFC3339_RE, TendTestCase, decode, tool_path

NOW = "2026-11-21T19:10:00+00:00"
FAST = ("--pattern", "0.2-0-0.2-0", "--no-settle")


class BreatheTestCase(TendTestCase):
    tool = "breathe"

    def breathe(self, *args, **kwargs):
        return self.run_tool(*args, **kwargs)

    def records(self):
        return self.month_records(kind="breathe")

    def only_record(self):
        records = self.records()
        self.assertEqual(len(records), 1, records)
        return records[0]

    def start(self, *args, env=None):
        """Starts breathe with stdout on a pipe; returns the process."""
        proc = subprocess.Popen([tool_path("breathe")] + list(args), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env(env), cwd=self.tmp)
        self.addCleanup(lambda: (proc.poll() is None and proc.kill(), proc.wait(),
                                 proc.stdout.close(), proc.stderr.close()))
        return proc


class PlainMode(BreatheTestCase):
    def test_one_plain_line_per_phase(self):
        started = time.monotonic()
        r = self.breathe(*FAST, "--cycles", "3")
        took = time.monotonic() - started
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "inhale 0.2s\nexhale 0.2s\n" * 3)
        self.assertNoEscapes(r.stdout, "stdout")
        self.assertNoEscapes(r.stderr, "stderr")
        self.assertGreaterEqual(took, 1.2)
        # On time by breathe's own clock: start-up and a busy machine move the wall clock here,
        # and the absolute deadlines keep the session itself to its length (a hang still fails).
        self.assertLess(took, 1.2 + 10, "the session should end")
        seconds = self.only_record()["seconds"]
        self.assertGreaterEqual(seconds, 1.2)
        self.assertLess(seconds, 1.2 + 0.3, "the session should end on time")

    def test_every_phase_word(self):
        r = self.breathe("--pattern", "0.1+0.05-0.1-0.15-0.1", "--cycles", "1", "--no-settle", "--bell")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "inhale 0.1s\ntop up 0.05s\nhold 0.1s\nexhale 0.15s\nhold 0.1s\n")
        self.assertNoEscapes(r.stdout, "--bell when piped")

    def test_lines_are_flushed_as_each_phase_starts(self):
        proc = self.start("--pattern", "0.4-0.4", "--cycles", "2", "--no-settle")
        started = time.monotonic()
        arrivals = []
        for line in proc.stdout:
            arrivals.append((round(time.monotonic() - started, 2), line.decode().strip()))
        self.assertEqual(proc.wait(), 0)
        self.assertEqual([a[1] for a in arrivals], ["inhale 0.4s", "exhale 0.4s"] * 2)
        for k, (at, _) in enumerate(arrivals):
            self.assertAlmostEqual(at, 0.4 * k, delta=0.25, msg=f"line {k} arrived at {at} s: {arrivals}")

    def test_settle_countdown_first(self):
        started = time.monotonic()
        r = self.breathe("--pattern", "0.1-0.1", "--cycles", "1")
        took = time.monotonic() - started
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "settle 3s\ninhale 0.1s\nexhale 0.1s\n")
        self.assertGreaterEqual(took, 3.2)

    def test_whole_breaths_for_minutes(self):
        # 0.01 minutes = 0.6 s of 0.25 s breaths: 2.4 breaths, so 3 whole ones.
        r = self.breathe("--pattern", "0.125-0.125", "--minutes", "0.01", "--no-settle")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.count("inhale"), 3)
        self.assertEqual(r.stdout.count("exhale"), 3)
        self.assertEqual(self.only_record()["planned_cycles"], 3)

    def test_default_minutes_and_pattern_from_config(self):
        self.write_config('[breathe]\npattern = "quick"\nminutes = 0.01\n[breathe.patterns]\nquick = "0.1-0.1"\n')
        r = self.breathe("--no-settle")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "inhale 0.1s\nexhale 0.1s\n" * 3)
        rec = self.only_record()
        self.assertEqual((rec["pattern"], rec["spec"], rec["planned_cycles"]), ("quick", "0.1-0.1", 3))


class Patterns(BreatheTestCase):
    def test_list_shows_every_builtin_with_breaths_per_minute(self):
        r = self.breathe("--list")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        expected = {"calm": ("4-0-6-0", "6.0"), "box": ("4-4-4-4", "3.8"), "4-7-8": ("4-7-8", "3.2"),
                    "coherent": ("5.5-0-5.5-0", "5.5"), "sigh": ("2+1-0-6-0", "6.7")}
        for name, (spec, bpm) in expected.items():
            line = next((l for l in lines if l.split()[0] == name), None)
            self.assertIsNotNone(line, f"{name} missing from --list: {r.stdout}")
            self.assertRegex(line, rf"^{re.escape(name)}\s+{re.escape(spec)}\s+{re.escape(bpm)}/min\s+\S.{{20,}}$")
        self.assertIn("(default)", next(l for l in lines if l.startswith("calm ")))
        self.assertNoEscapes(r.stdout)
        self.assertFalse(os.path.exists(self.data_dir), "--list writes nothing")

    def test_list_includes_config_patterns(self):
        self.write_config('[breathe]\npattern = "evening"\n[breathe.patterns]\nevening = "4-2-6"\n')
        lines = self.breathe("--list").stdout.splitlines()
        evening = next(l for l in lines if l.startswith("evening "))
        self.assertRegex(evening, r"^evening\s+4-2-6\s+5\.0/min\s+Your own.*\(default\)$")
        self.assertNotIn("(default)", next(l for l in lines if l.startswith("calm ")))

    def test_list_json(self):
        r = self.breathe("--list", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        patterns = json.loads(r.stdout)
        by_name = {p["name"]: p for p in patterns}
        self.assertEqual(by_name["coherent"]["breaths_per_minute"], 5.45)
        self.assertTrue(by_name["calm"]["default"])
        self.assertEqual(set(by_name["box"]), {"kind", "name", "spec", "breaths_per_minute", "description",
                                                "built_in", "default", "caution"})
        self.assertEqual(by_name["box"]["kind"], "pattern")
        self.assertEqual(by_name["grounding"], {"kind": "exercise", "name": "grounding", "steps": 7, "seconds": 217,
                                                "description": by_name["grounding"]["description"], "built_in": True})

    def test_named_patterns_are_logged_by_name_and_spec(self):
        self.write_config('[breathe.patterns]\nquick = "0.1-0-0.1-0"\n')
        self.assertEqual(self.breathe("--pattern", "quick", "--cycles", "1", "--no-settle").returncode, 0)
        rec = self.only_record()
        self.assertEqual((rec["pattern"], rec["spec"]), ("quick", "0.1-0-0.1-0"))

    def test_bad_patterns_name_what_is_wrong(self):
        cases = {
            "0-0-0-0": "the inhale must be longer than 0 seconds",
            "1-0-0-0": "the exhale must be longer than 0 seconds",
            "31-0-1": "the inhale is 31 s; each phase is at most 30 seconds",
            "1": "give 2 to 4 numbers",
            "1-2-3-4-5": "give 2 to 4 numbers",
            "a-b": "'a-b' is not a pattern name nor in-hold-out-hold seconds",
            "4-x-6": "'x' is not a number of seconds (the hold)",
            "-1-2-3": "phases cannot be negative",
            "4--2-6": "phases cannot be negative",
            "1.2345-2": "has more than 3 decimals",
            "4-1+1-4": "only the inhale can have a top-up",
            "clam": "'clam' is not a pattern name",
        }
        for spec, message in cases.items():
            with self.subTest(spec=spec):
                r = self.breathe(f"--pattern={spec}", "--cycles", "1", "--no-settle")
                self.assertUsageError(r)
                self.assertIn(f"breathe: error: --pattern: '{spec}'", r.stderr)
                self.assertIn(message, r.stderr)
                self.assertFalse(os.path.exists(self.data_dir))

    def test_hostile_pattern_text_is_neutralised(self):
        r = self.breathe("--pattern", "4-\x1b[31m-6", "--no-settle")
        self.assertUsageError(r)
        self.assertNoEscapes(r.stderr)

    def test_bad_config_pattern_is_left_out_with_a_warning_naming_file_and_pattern(self):
        self.write_config('[breathe.patterns]\nevening = "4-0-0"\n')
        for args in (("--cycles", "1", "--no-settle"), ("--list",)):
            with self.subTest(args=args):
                r = self.breathe(*args)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stderr.count(f"{self.config_path}: [breathe.patterns] evening: '4-0-0': the exhale"),
                                 1, r.stderr)
        self.assertNotIn("evening", self.breathe("--list").stdout)

    def test_bad_default_pattern_in_config_falls_back_to_calm(self):
        self.write_config('[breathe]\npattern = "nope"\n')
        r = self.breathe("--cycles", "1", "--no-settle")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"breathe: warning: {self.config_path}: [breathe] pattern: 'nope'", r.stderr)
        self.assertIn("of calm", r.stderr)


class Exercises(BreatheTestCase):
    """Each built-in exercise, shortened with --minutes so that nothing waits long."""

    QUICK = ("--minutes", "0.01", "--no-settle")

    def run_exercise(self, name, steps, phrase):
        r = self.breathe("--exercise", name, *self.QUICK, "--before", "7", "--after", "4")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), steps, r.stdout)
        self.assertTrue(all(line.strip() == line and line for line in lines), lines)
        self.assertTrue(any(phrase in line for line in lines), f"{phrase!r} missing: {r.stdout}")
        self.assertNoEscapes(r.stdout, "stdout")
        record = self.only_record()
        self.assertEqual(record["exercise"], name)
        self.assertNotIn("pattern", record)
        self.assertEqual((record["planned_cycles"], record["cycles"]), (steps, steps))
        self.assertEqual((record["before"], record["after"]), (7, 4))
        self.assertFalse(record["interrupted"])
        self.assertLess(record["seconds"], 2)
        self.assertIn(f"{name}, all {steps} steps", r.stderr)
        return lines

    def test_grounding(self):
        lines = self.run_exercise("grounding", 7, "five things you can see")
        senses = ["five things you can see", "four things you can touch", "three things you can hear",
                  "two things you can smell", "one thing you can taste"]
        self.assertEqual([next(i for i, l in enumerate(lines) if s in l) for s in senses], [1, 2, 3, 4, 5])

    def test_muscles(self):
        lines = self.run_exercise("muscles", 16, "skip it")
        self.assertIn("never to the point of pain", lines[0])

    def test_body_scan(self):
        lines = self.run_exercise("body-scan", 9, "your feet")
        self.assertIn("stop with q", lines[0], "the way out comes first")

    def test_own_exercise_from_config_runs_the_same_way(self):
        self.write_config('[breathe.exercises.evening]\ndescription = "Before sleep."\nseconds = 0.1\n'
                          'steps = ["Phone away.", { text = "Three sounds.", seconds = 0.2 }]\n')
        # seconds under 1 are not allowed: the exercise is left out with a warning, nothing else stops.
        r = self.breathe("--exercise", "evening", "--no-settle")
        self.assertEqual(r.returncode, 2)
        self.assertIn("seconds must be a number from 1 to 600", r.stderr)
        self.assertIn("'evening' is not an exercise", r.stderr)
        self.write_config('[breathe.exercises.evening]\ndescription = "Before sleep."\nseconds = 2\n'
                          'steps = ["Phone away.", { text = "Three sounds.", seconds = 4 }]\n')
        r = self.breathe("--exercise", "evening", *self.QUICK, "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Phone away.\nThree sounds.\n", r.stderr)
        self.assertEqual(json.loads(r.stdout)["exercise"], "evening")
        lines = self.breathe("--list").stdout.splitlines()
        self.assertRegex(next(l for l in lines if l.startswith("evening ")), r"^evening\s+2 steps\s+0:06\s+Before sleep\.$")

    def test_list_shows_exercises_beside_patterns(self):
        r = self.breathe("--list")
        self.assertEqual(r.returncode, 0, r.stderr)
        patterns, exercises = r.stdout.split("\n\nExercises, for --exercise NAME:\n")
        self.assertIn("calm ", patterns)
        for name in ("grounding", "muscles", "body-scan"):
            self.assertRegex(exercises, rf"(?m)^{name}\s+\d+ steps\s+\d+:\d\d\s+\S.{{20,}}$")
        listed = json.loads(self.breathe("--list", "--json").stdout)
        kinds = {item["name"]: item["kind"] for item in listed}
        self.assertEqual((kinds["calm"], kinds["grounding"], kinds["body-scan"]), ("pattern", "exercise", "exercise"))

    def test_exercise_usage_errors(self):
        for args, message in ((("--exercise", "grounding", "--pattern", "box"), "--pattern"),
                              (("--exercise", "grounding", "--cycles", "2"), "--cycles"),
                              (("--exercise", "nope"), "'nope' is not an exercise")):
            r = self.breathe(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(message, r.stderr)
        self.assertEqual(self.records(), [])

    def test_exercise_ratings_are_logged_and_reported(self):
        self.ok("--exercise", "grounding", *self.QUICK, "--before", "8", "--after", "5")
        self.ok("--exercise", "grounding", *self.QUICK, "--before", "6", "--after", "5")
        self.ok(*FAST, "--cycles", "1", "--before", "3", "--after", "2")
        log = self.ok("log").stdout
        self.assertIn("grounding exercise  7 steps", log)
        self.assertIn("distress 8 → 5", log)
        text = self.ok(tool="report").stdout
        section = text.split("\nExercises\n")[1].split("\n\n")[0]
        self.assertIn("2 sessions", section)
        self.assertIn("distress 7.0 → 5.0 (-2.0 over 2 sessions)", section)
        breathing = text.split("\nBreathing\n")[1].split("\n\n")[0]
        self.assertIn("1 session", breathing, "an exercise is not counted as breathing")
        data = json.loads(self.ok("--format", "json", tool="report").stdout)
        [grounding] = data["exercises"]["exercises"]
        self.assertEqual((grounding["exercise"], grounding["sessions"]), ("grounding", 2))
        self.assertEqual(grounding["distress"]["mean_change"], -2)
        self.assertEqual(data["breathing"]["sessions"], 1)
        csv = self.ok("--format", "csv", tool="report").stdout.splitlines()
        header = csv[0].split(",")
        today = next(row.split(",") for row in csv[1:] if row.startswith("2026-11-21"))
        self.assertEqual(today[header.index("exercise_sessions")], "2")
        self.assertIn("| grounding | 2 |", self.ok("--format", "markdown", tool="report").stdout)
        self.assertIn("<td>grounding</td><td>2</td>", self.ok("--format", "html", tool="report").stdout)


class UsageErrors(BreatheTestCase):
    def test_bad_values(self):
        for args in (("--minutes", "2", "--cycles", "3"), ("--minutes", "0"), ("--minutes", "121"),
                     ("--cycles", "0"), ("--before", "11"), ("--after", "-1"), ("log", "--pattern", "box"),
                     ("--list", "--cycles", "2"), ("log", "--last", "0")):
            with self.subTest(args=args):
                r = self.breathe(*args)
                self.assertUsageError(r)
                self.assertFalse(os.path.exists(self.data_dir))

    def test_rate_without_a_terminal_names_before_and_after(self):
        r = self.breathe("--rate", *FAST, "--cycles", "1")
        self.assertUsageError(r)
        self.assertIn("--rate", r.stderr)
        self.assertIn("--before N and --after N", r.stderr)
        self.assertFalse(os.path.exists(self.data_dir))

    def test_rate_with_both_given_needs_no_terminal(self):
        r = self.breathe("--rate", "--before", "5", "--after", "3", *FAST, "--cycles", "1")
        self.assertEqual(r.returncode, 0, r.stderr)
        rec = self.only_record()
        self.assertEqual((rec["before"], rec["after"]), (5, 3))


class Logging(BreatheTestCase):
    def test_session_is_logged(self):
        r = self.breathe(*FAST, "--cycles", "2")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = self.parse_month(kind="breathe")
        self.assertEqual(list(doc), ["breathe"])
        [rec] = doc["breathe"]
        self.assertRegex(rec["id"], ID_RE)
        self.assertIn(f"Saved as {rec['id']}.", r.stderr)
        self.assertEqual(rec["at"].isoformat(), NOW)
        self.assertEqual((rec["pattern"], rec["spec"]), ("0.2-0-0.2-0", "0.2-0-0.2-0"))
        self.assertEqual((rec["planned_cycles"], rec["cycles"], rec["interrupted"]), (2, 2, False))
        self.assertAlmostEqual(rec["seconds"], 0.8, delta=0.1)
        self.assertGreaterEqual(rec["worst_lateness_ms"], 0)
        self.assertLess(rec["worst_lateness_ms"], 100)
        self.assertNotIn("before", rec)
        self.assertEqual(self.mode(self.data_dir), 0o700)
        self.assertEqual(self.mode(self.month_path(kind="breathe")), 0o600)

    def test_no_log_writes_nothing(self):
        r = self.breathe(*FAST, "--cycles", "1", "--no-log")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Not saved", r.stderr)
        self.assertFalse(os.path.exists(self.data_dir))

    def test_json_prints_the_saved_record_and_keeps_stdout_clean(self):
        r = self.breathe(*FAST, "--cycles", "2", "--json", "--before", "7", "--after", "4")
        self.assertEqual(r.returncode, 0, r.stderr)
        rec = json.loads(r.stdout)
        self.assertEqual(list(rec), ["id", "at", "recorded", "pattern", "spec", "exercise", "planned_cycles",
                                     "cycles", "seconds", "interrupted", "before", "after", "worst_lateness_ms"])
        self.assertRegex(rec["at"], RFC3339_RE)
        self.assertEqual((rec["before"], rec["after"], rec["interrupted"]), (7, 4, False))
        self.assertIn("inhale 0.2s\n", r.stderr, "with --json the phase lines go to stderr")
        logged = json.loads(self.breathe("log", "--json").stdout)
        self.assertEqual(logged, [rec])

    def test_json_with_no_log_has_no_id(self):
        r = self.breathe(*FAST, "--cycles", "1", "--json", "--no-log")
        rec = json.loads(r.stdout)
        self.assertIsNone(rec["id"])
        self.assertEqual(rec["cycles"], 1)

    def test_log_lists_sessions(self):
        self.breathe(*FAST, "--cycles", "1", "--before", "6", "--after", "2")
        self.breathe("--pattern", "0.1-0.1", "--cycles", "1", "--no-settle", "--no-log")
        self.now = "2026-11-23T08:00:00+00:00"
        self.breathe("--pattern", "0.1-0.1", "--cycles", "2", "--no-settle")
        r = self.breathe("log")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 2)
        self.assertRegex(lines[0], r"^\w{6}  2026-11-21 19:10  0\.2-0-0\.2-0  1 breath  0:00  distress 6 → 2$")
        self.assertRegex(lines[1], r"^\w{6}  2026-11-23 08:00  0\.1-0\.1  2 breaths  0:00$")
        self.assertEqual(len(self.breathe("log", "--since", "2026-11-22").stdout.splitlines()), 1)
        self.assertEqual(len(self.breathe("log", "--last", "1").stdout.splitlines()), 1)
        self.assertEqual(len(json.loads(self.breathe("log", "--json").stdout)), 2)

    def test_empty_log(self):
        r = self.breathe("log")
        self.assertEqual((r.returncode, r.stdout), (0, ""))
        self.assertIn("No breathing sessions here yet", r.stderr)
        self.assertEqual(json.loads(self.breathe("log", "--json").stdout), [])

    def test_empty_log_under_a_filter_says_so(self):
        self.breathe(*FAST, "--cycles", "1", env={"TEND_NOW": "2026-10-01T12:00:00+00:00"})
        r = self.breathe("log", "--since", "2026-11-01")
        self.assertEqual((r.returncode, r.stdout), (0, ""))
        self.assertIn("No breathing sessions in that time.", r.stderr)

    def test_grounding_line_at_the_threshold(self):
        self.write_config('[safety]\nthreshold = 8\ncontacts = ["Sam 07700 900123"]\n')
        r = self.breathe(*FAST, "--cycles", "1", "--before", "8")
        self.assertIn("Someone you can reach: Sam 07700 900123", r.stderr)
        self.assertEqual(r.stderr.count("Someone you can reach"), 1)
        r = self.breathe(*FAST, "--cycles", "1", "--before", "7", "--after", "7")
        self.assertNotIn("Someone you can reach", r.stderr)

    def test_corrupt_month_file_stops_before_the_session_and_is_untouched(self):
        self.write_month("[[breathe]\nbroken", kind="breathe")
        before = self.read_month(kind="breathe")
        r = self.breathe(*FAST, "--cycles", "1")
        self.assertError(r, 65)
        self.assertIn("2026-11.toml:", r.stderr)
        self.assertEqual(self.read_month(kind="breathe"), before)

    def test_dev_full_stops_and_logs_an_interrupted_session(self):
        with open("/dev/full", "w") as full:
            r = self.breathe(*FAST, "--cycles", "5", stdout=full)
        self.assertEqual(r.returncode, 1)
        self.assertIn("breathe: error: standard output", r.stderr)
        rec = self.only_record()
        self.assertTrue(rec["interrupted"])


class Signals(BreatheTestCase):
    def interrupt_after_lines(self, sig, lines=3):
        proc = self.start("--pattern", "0.2-0-0.2-0", "--cycles", "20", "--no-settle")
        for _ in range(lines):
            proc.stdout.readline()
        proc.send_signal(sig)
        try:
            rc = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.fail(f"breathe did not stop on {sig!r}")
        return rc, decode(proc.stderr.read())

    def test_sigint_logs_an_interrupted_session(self):
        started = time.monotonic()
        rc, err = self.interrupt_after_lines(signal.SIGINT)
        self.assertLess(time.monotonic() - started, 2.0, "Ctrl-C stops at once")
        self.assertEqual(rc, 0, err)
        self.assertIn("Stopped after 1 of 20 breaths", err)
        rec = self.only_record()
        self.assertTrue(rec["interrupted"])
        self.assertEqual((rec["cycles"], rec["planned_cycles"]), (1, 20))

    def test_sigterm_and_sighup_log_an_interrupted_session(self):
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with self.subTest(sig=sig):
                rc, err = self.interrupt_after_lines(sig, lines=1)
                self.assertEqual(rc, 0, err)
        records = self.records()
        self.assertEqual([r["interrupted"] for r in records], [True, True])
        self.assertEqual([r["cycles"] for r in records], [0, 0])

    def test_closed_pipe_stops_and_logs(self):
        proc = self.start("--pattern", "0.1-0.1", "--cycles", "50", "--no-settle")
        proc.stdout.readline()
        proc.stdout.close()
        rc = proc.wait(timeout=5)
        self.assertEqual(rc, 1)
        self.assertTrue(self.only_record()["interrupted"])


class PseudoTerminal(BreatheTestCase):
    """On a terminal: the animated line, keys, and the terminal given back as it was."""

    def terminal_of(self, run):
        """The pseudo-terminal's slave device, to read its mode as the shell will find it."""
        return os.readlink(f"/proc/{run.proc.pid}/fd/1")

    def assert_restored(self, run, transcript, device):
        self.assertIn("\x1b[?25l", transcript)
        shows = [m.start() for m in re.finditer(re.escape("\x1b[?25h"), transcript)]
        hides = [m.start() for m in re.finditer(re.escape("\x1b[?25l"), transcript)]
        self.assertTrue(shows and shows[-1] > hides[-1], "the cursor must be shown again at the end")
        fd = os.open(device, os.O_RDWR | os.O_NOCTTY)
        try:
            lflag = termios.tcgetattr(fd)[3]
        finally:
            os.close(fd)
        self.assertEqual(lflag & (termios.ICANON | termios.ECHO), termios.ICANON | termios.ECHO,
                         "canonical mode and echo must be back on")

    def test_animated_line_pause_and_q(self):
        run = self.pty("--pattern", "0.5-0-0.5-0", "--cycles", "20", "--no-settle")
        device = self.terminal_of(run)
        run.expect("inhale")
        run.expect("█")
        run.expect("exhale")
        run.send(" ")
        run.expect("paused")
        run.send(" ")
        run.expect("inhale")
        run.send("q")
        rc, transcript, _ = run.finish()
        self.assertEqual(rc, 0, transcript)
        self.assertIn("\r\x1b[2K", transcript)
        self.assert_restored(run, transcript, device)
        rec = self.only_record()
        self.assertTrue(rec["interrupted"])

    def test_ctrl_c_restores_the_terminal_and_logs(self):
        run = self.pty("--pattern", "0.3-0.3", "--cycles", "40", "--no-settle")
        device = self.terminal_of(run)
        run.expect("exhale")
        # What Ctrl-C does: the pty here is no controlling terminal, so the signal is sent as the
        # terminal would send it (the tmux test presses the real keys).
        run.proc.send_signal(signal.SIGINT)
        rc, transcript, _ = run.finish()
        self.assertEqual(rc, 0, transcript)
        self.assert_restored(run, transcript, device)
        self.assertTrue(self.only_record()["interrupted"])

    def test_sigterm_restores_the_terminal_and_logs(self):
        run = self.pty("--pattern", "0.3-0.3", "--cycles", "40")
        device = self.terminal_of(run)
        run.expect("breathing starts in")
        run.proc.send_signal(signal.SIGTERM)
        rc, transcript, _ = run.finish()
        self.assertEqual(rc, 0, transcript)
        self.assert_restored(run, transcript, device)
        rec = self.only_record()
        self.assertEqual((rec["interrupted"], rec["cycles"]), (True, 0))

    def test_bell_once_in_twice_out(self):
        run = self.pty("--pattern", "0.3-0.3", "--cycles", "2", "--no-settle", "--bell")
        rc, transcript, _ = run.finish()
        self.assertEqual(rc, 0, transcript)
        self.assertEqual(transcript.count("\a"), 2 * 3)

    def test_rate_asks_before_and_after(self):
        run = self.pty("--rate", "--pattern", "0.2-0.2", "--cycles", "1", "--no-settle")
        run.expect("How distressed do you feel right now")
        run.send("9\n")
        run.expect("How distressed do you feel now")
        run.send("4\n")
        rc, transcript, _ = run.finish()
        self.assertEqual(rc, 0, transcript)
        self.assertIn("sort it out alone", transcript, "9 reaches the default threshold")
        rec = self.only_record()
        self.assertEqual((rec["before"], rec["after"]), (9, 4))

    def test_stdout_piped_from_a_terminal_is_plain(self):
        run = self.pty(*FAST, "--cycles", "2", stdout_tty=False)
        rc, transcript, files = run.finish()
        self.assertEqual(rc, 0, transcript)
        self.assertEqual(files["stdout"], "inhale 0.2s\nexhale 0.2s\n" * 2)
        self.assertNotIn("\x1b", transcript)

    def test_term_dumb_is_plain(self):
        run = self.pty(*FAST, "--cycles", "1", env={"TERM": "dumb"})
        rc, transcript, _ = run.finish()
        self.assertEqual(rc, 0, transcript)
        self.assertIn("inhale 0.2s\r\nexhale 0.2s\r\n", transcript)
        self.assertNotIn("\x1b", transcript)


if __name__ == "__main__":
    unittest.main()
