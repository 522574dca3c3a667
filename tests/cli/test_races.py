# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every writing tool at once against one data dir, and a lock that cannot be taken in time.

The race: four processes per writing tool, each writing many records in a loop, while other
processes edit, move and delete check-ins written before. Afterwards every record that a
tool reported as written (its id printed with --json) is there exactly once, every deleted
one is gone, and every month file parses with tomllib.
"""

import fcntl
import json
import os
import shlex
import subprocess
import time
import unittest

from tendtest import TendTestCase, tool_path

# A breath of 2 ms: breathe sleeps for real, so the race uses the shortest legitimate pattern.
FAST_PATTERN = "0.001-0.001"


class RaceCase(TendTestCase):
    def all_records(self, kind):
        return self.kind_records(kind)

    def stale_temp_files(self):
        found = []
        for root, _, files in os.walk(self.data_dir):
            found += [os.path.join(root, n) for n in files if ".tmp." in n or root.endswith(".staging")]
        return found


# Sanitizer builds run each process several times slower: fewer writes keep the test under a minute.
SANITIZED = os.environ.get("TEND_SANITIZE", "").upper() in ("ON", "1", "TRUE", "YES")


class AllWritersAtOnce(RaceCase):
    EACH = int(os.environ.get("TEND_RACE_WRITES", "40" if SANITIZED else "100"))
    BREATHS = int(os.environ.get("TEND_RACE_BREATHS", "10" if SANITIZED else "25"))
    EDITS = 40

    def required_tools(self):
        return ["checkin", "boundary-log", "prompt", "breathe"]

    def worker(self, body, count, w):
        """A shell loop: runs `body` (which may use $i and $W) count times; a failure is noted on stderr."""
        script = (f'i=0; while [ $i -lt {count} ]; do i=$((i+1)); '
                  f'{body} || echo "worker $W run $i: exit $?" >&2; done')
        env = self.env({"W": str(w), "TEND_LOCK_TIMEOUT": "120"})
        return subprocess.Popen(["sh", "-c", script], env=env, cwd=self.tmp, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def test_four_tools_four_writers_each_with_edits_and_deletes(self):
        q = shlex.quote
        checkin, boundary, prompt, breathe = (q(tool_path(t)) for t in ("checkin", "boundary-log", "prompt", "breathe"))
        # Records written before the race, to be edited, moved and deleted during it.
        earlier_records = [self.add(str(i % 11), "--note", f"earlier-{i}") for i in range(self.EDITS * 2)]
        earlier = [r["id"] for r in earlier_records]
        note_of = {r["id"]: r["note"] for r in earlier_records}
        to_edit, to_delete = earlier[:self.EDITS], earlier[self.EDITS:]
        first = json.loads(self.ok("add", "the first boundary", "--json", tool="boundary-log").stdout)
        self.assertEqual(first["boundary"], 1)

        jobs = []  # (name, Popen)
        for w in range(4):
            jobs.append(("checkin", self.worker(f'{checkin} $((i % 11)) --note "c$W-$i" --json', self.EACH, w)))
            jobs.append(("boundary", self.worker(
                f'if [ $((i % 2)) = 0 ]; then {boundary} add "b$W-$i" --json; '
                f'else {boundary} held 1 --note "h$W-$i" --json; fi', self.EACH, w)))
            jobs.append(("prompt", self.worker(
                f'if [ $((i % 4)) = 0 ]; then {prompt} skip play-001; '
                f'else {prompt} answer play-002 --text "p$W-$i" --json; fi', self.EACH, w)))
            jobs.append(("breathe", self.worker(
                f'{breathe} --pattern {FAST_PATTERN} --cycles 1 --no-settle --json 2>/dev/null', self.BREATHS, w)))
        # Edits (a tenth of them moving the record to October, so it gets a new id) and deletes.
        edit_script = " ".join(
            f'{checkin} edit {i} --note "edited-{i}"' + (" --at 2026-10-05T12:00" if n % 10 == 0 else "") +
            f' --json || echo "edit {i}: exit $?" >&2;' for n, i in enumerate(to_edit))
        delete_script = " ".join(f'{checkin} delete {i} -q || echo "delete {i}: exit $?" >&2;' for i in to_delete)
        for name, script in (("edit", edit_script), ("delete", delete_script)):
            jobs.append((name, subprocess.Popen(["sh", "-c", script], env=self.env({"TEND_LOCK_TIMEOUT": "120"}),
                                                cwd=self.tmp, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                                stderr=subprocess.PIPE)))

        start = time.monotonic()
        outputs = {}
        try:
            for name, p in jobs:
                out, err = p.communicate(timeout=max(1.0, 170 - (time.monotonic() - start)))
                outputs.setdefault(name, []).append((out.decode(), err.decode(errors="replace")))
        except subprocess.TimeoutExpired:
            self.fail("the racing writers did not finish in 170 s")
        finally:
            for _, p in jobs:
                if p.poll() is None:
                    p.kill()
                    p.communicate()
        elapsed = time.monotonic() - start

        failures = "".join(err for outs in outputs.values() for _, err in outs
                           if "exit" in err or "error" in err)
        self.assertEqual(failures, "", f"some writes failed:\n{failures[:3000]}")

        def printed(name):
            """The JSON objects the runs printed, one after another (each may span lines)."""
            found, decoder = [], json.JSONDecoder()
            for out, _ in outputs[name]:
                pos = 0
                while pos < len(out):
                    if out[pos].isspace():
                        pos += 1
                        continue
                    obj, pos = decoder.raw_decode(out, pos)
                    found.append(obj)
            return found

        written = {name: printed(name) for name in ("checkin", "boundary", "prompt", "breathe", "edit")}
        skips = 4 * (self.EACH // 4)
        total = sum(len(v) for v in written.values()) + skips + len(to_delete)
        print(f"\nraced {total} writes ({len(written['checkin'])} check-ins, {len(written['boundary'])} boundary "
              f"records, {len(written['prompt'])} answers + {skips} skips, {len(written['breathe'])} breathing "
              f"sessions, {len(written['edit'])} edits, {len(to_delete)} deletes) in {elapsed:.1f} s")
        self.assertEqual(len(written["checkin"]), 4 * self.EACH)
        self.assertEqual(len(written["boundary"]), 4 * self.EACH)
        self.assertEqual(len(written["prompt"]), 4 * self.EACH - skips)
        self.assertEqual(len(written["breathe"]), 4 * self.BREATHS)
        self.assertEqual(len(written["edit"]), self.EDITS)

        # Check-ins: the new ones, the edited ones (some moved), none of the deleted.
        stored = self.all_records("checkin")
        ids = [r["id"] for r in stored]
        self.assertEqual(len(ids), len(set(ids)), "an id appears twice")
        by_id = {r["id"]: r for r in stored}
        for rec in written["checkin"]:
            self.assertIn(rec["id"], by_id, f"check-in {rec['id']} was reported saved and is gone")
            self.assertEqual(by_id[rec["id"]]["note"], rec["note"])
        for old, rec in zip(to_edit, written["edit"]):
            self.assertEqual(by_id[rec["id"]]["note"], f"edited-{old}")
            if rec["id"] != old:
                self.assertEqual([r for r in stored if r.get("note") == note_of[old]], [],
                                 f"moved check-in {old} is still in its old month too")
        # A deleted id is free again, so a new check-in may be given it; the deleted one must not be back.
        notes = {r.get("note") for r in stored}
        for old in to_delete:
            self.assertNotIn(note_of[old], notes, f"deleted check-in {old} is back")
        self.assertEqual(len(stored), len(written["checkin"]) + len(written["edit"]))

        # Boundaries: every event there once, the numbers of new boundaries all different.
        stored = self.all_records("boundary")
        ids = [r["id"] for r in stored]
        self.assertEqual(len(ids), len(set(ids)), "a boundary record id appears twice")
        self.assertEqual(set(ids), {r["id"] for r in written["boundary"]} | {first["id"]})
        numbers = [r["boundary"] for r in written["boundary"] if r["event"] == "added"]
        self.assertEqual(len(numbers), 2 * self.EACH)
        self.assertEqual(len(numbers), len(set(numbers)), "two new boundaries got the same number")

        # Prompts: every answer there once, as many skips as were run.
        stored = self.all_records("prompt")
        ids = [r["id"] for r in stored]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertTrue({r["id"] for r in written["prompt"]} <= set(ids))
        self.assertEqual(sum(1 for r in stored if r["event"] == "answered"), len(written["prompt"]))
        self.assertEqual(sum(1 for r in stored if r["event"] == "skipped"), skips)

        stored = self.all_records("breathe")
        self.assertEqual(sorted(r["id"] for r in stored), sorted(r["id"] for r in written["breathe"]))
        self.assertEqual(self.stale_temp_files(), [])


class HeldLock(RaceCase):
    """Another process holds the data lock: every writing tool gives up in time with exit 75."""

    def required_tools(self):
        return ["checkin", "boundary-log", "prompt", "breathe"]

    def setUp(self):
        super().setUp()
        self.rec = self.add("5")
        self.ok("add", "a boundary", "-q", tool="boundary-log")
        self.ok("answer", "play-002", "--text", "before", tool="prompt")
        self.ok("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle", tool="breathe")

    def commands(self):
        return [
            ("checkin", ("6",)),
            ("checkin", ("6", "--at", "2026-10-03")),
            ("checkin", ("edit", self.rec["id"], "--mood", "1")),
            ("checkin", ("delete", self.rec["id"])),
            ("checkin", ("undo",)),
            ("boundary-log", ("add", "another boundary")),
            ("boundary-log", ("held", "1")),
            ("boundary-log", ("renegotiated", "1", "--text", "new words")),
            ("prompt", ("answer", "play-002", "--text", "an answer")),
            ("prompt", ("skip", "play-001")),
            ("prompt", ("fav", "play-001")),
        ]  # a finished breathing session is kept for later instead: see test_store_guarantees

    def check_all_give_up(self, lock_mode):
        fd = os.open(self.data_dir, os.O_RDONLY | os.O_DIRECTORY)
        self.addCleanup(os.close, fd)
        fcntl.flock(fd, lock_mode)
        before = self.snapshot()
        for tool, args in self.commands():
            with self.subTest(tool=tool, args=args):
                start = time.monotonic()
                r = self.run_tool(*args, tool=tool, env={"TEND_LOCK_TIMEOUT": "0.2"}, timeout=15)
                took = time.monotonic() - start
                self.assertError(r, 75, tool=tool, usage=False)
                self.assertIn("another tend program", r.stderr)
                self.assertIn("try again", r.stderr)
                self.assertLess(took, 5, "the lock wait is bounded by TEND_LOCK_TIMEOUT")
                self.assertEqual(self.snapshot(), before, "nothing changes while the lock is held")
        fcntl.flock(fd, fcntl.LOCK_UN)
        self.assertEqual(self.stale_temp_files(), [])
        r = self.checkin("7")
        self.assertEqual(r.returncode, 0, f"the lock is free again, so writing works: {r.stderr}")

    def test_an_exclusive_lock_held_elsewhere(self):
        self.check_all_give_up(fcntl.LOCK_EX)

    def test_a_shared_lock_held_by_a_long_reader(self):
        self.check_all_give_up(fcntl.LOCK_SH)

    def test_zero_timeout_never_waits(self):
        fd = os.open(self.data_dir, os.O_RDONLY | os.O_DIRECTORY)
        self.addCleanup(os.close, fd)
        fcntl.flock(fd, fcntl.LOCK_EX)
        r = self.checkin("6", env={"TEND_LOCK_TIMEOUT": "0"}, timeout=10)
        self.assertError(r, 75, usage=False)


if __name__ == "__main__":
    unittest.main()
