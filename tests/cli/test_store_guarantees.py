# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The store's promises, each tried the way it used to break: racing edits, appends to files in
another layout, files someone else owns or that are not files, moves killed half-way, private
text left behind, durable first records, and work kept when the lock stays busy.
"""

import fcntl
import json
import os
import pwd
import random
import re
import shutil
import signal
import subprocess
import time
import unittest

from tendtest import TendTestCase, tool_path

FAST_PATTERN = "0.001-0.001"
SANITIZED = os.environ.get("TEND_SANITIZE", "").upper() in ("ON", "1", "TRUE", "YES")


def staging(data_dir):
    return os.path.join(data_dir, ".staging")


class RacingEdits(TendTestCase):
    PAIRS = 30 if SANITIZED else 100

    def test_two_edits_of_one_check_in_at_once_both_land(self):
        rec = self.add("5", "--note", "start")
        lost = []
        for i in range(self.PAIRS):
            mood, note = str(i % 11), f"pair {i}"
            procs = [subprocess.Popen([tool_path("checkin"), "edit", rec["id"], *args], env=self.env(),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=self.tmp)
                     for args in (("--mood", mood), ("--note", note))]
            for p in procs:
                _, err = p.communicate(timeout=20)
                self.assertEqual(p.returncode, 0, err)
            got = self.list_json()[0]
            if got["mood"] != int(mood) or got["note"] != note:
                lost.append((i, got["mood"], got["note"]))
        self.assertEqual(lost, [], f"{len(lost)} of {self.PAIRS} racing edit pairs lost a change")


class OtherLayouts(TendTestCase):
    """A month file that parses but is not in tend's own layout: either it takes an appended
    [[checkin]] block and still reads back the same, or the append is refused with 65 at the
    record's file:line:col and the file is left exactly as it was."""

    RECORD = 'id = "pa111", at = 2026-11-02T10:00:00Z, recorded = 2026-11-02T10:00:00Z, mood = 1'

    REFUSED = {
        "inline array": (f"checkin = [{{ {RECORD} }}]\n", 1),
        "multi-line inline array": (f"# mine\ncheckin = [\n  {{ {RECORD} }},\n]\n", 3),
        "inline array after a comment, no newline": (f"# my notes\n\ncheckin = [ {{ {RECORD} }} ]", 3),
    }
    ACCEPTED = {
        "quoted keys, other order": '[[checkin]]\n"mood" = 1\n"id" = "pa111"\nrecorded = 2026-11-02T10:00:00Z\n'
                                    'at = 2026-11-02T10:00:00Z\n',
        "CRLF line ends": '[[checkin]]\r\nid = "pa111"\r\nat = 2026-11-02T10:00:00Z\r\n'
                          'recorded = 2026-11-02T10:00:00Z\r\nmood = 1\r\n',
        "no final newline, trailing comment": '[[checkin]]\nid = "pa111"\nat = 2026-11-02T10:00:00Z\n'
                                              'recorded = 2026-11-02T10:00:00Z\nmood = 1 # low day',
        "indented, tabs": '  [[checkin]]\n\tid = "pa111"\n\tat = 2026-11-02T10:00:00Z\n'
                          '\trecorded = 2026-11-02T10:00:00Z\n\tmood = 1\n',
    }

    def test_layouts_an_append_would_break_are_refused(self):
        for name, (text, line) in self.REFUSED.items():
            with self.subTest(layout=name):
                self.write_month(text)
                before = self.snapshot()
                r = self.checkin("6")
                self.assertError(r, 65, usage=False)
                self.assertIn(f"{self.month_path()}:{line}:", r.stderr)
                self.assertIn("nothing was written", r.stderr)
                self.assertEqual(self.snapshot(), before)
                # Reading still works: the file is valid, only not appendable.
                self.assertEqual([c["id"] for c in self.list_json()], ["pa111"])

    def test_other_layouts_that_take_an_append_keep_every_record(self):
        for name, text in self.ACCEPTED.items():
            with self.subTest(layout=name):
                self.write_month(text)
                rec = self.add("6")
                self.assertTrue(self.read_month().startswith(text.encode()), "the old bytes stay as they were")
                self.assertEqual([r["id"] for r in self.month_records()], ["pa111", rec["id"]])
                self.assertEqual(self.ok("--check", tool="report").returncode, 0)

    def required_tools(self):
        return ["checkin", "report"]


class FilesOnlyTheUserOwns(TendTestCase):
    def required_tools(self):
        return ["checkin", "breathe", "prompt", "boundary-log", "report"]

    def nobody(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to give a file to another user")
        try:
            return pwd.getpwnam("nobody")
        except KeyError:
            self.skipTest("no user nobody here")

    def test_another_users_month_file_is_refused_with_exit_1(self):
        nobody = self.nobody()
        self.add("5", "--note", "mine")
        os.chown(self.month_path(), nobody.pw_uid, nobody.pw_gid)
        os.chmod(self.month_path(), 0o666)
        before = self.snapshot()
        for args in (("6", "--note", "for their eyes"), ("list",)):
            with self.subTest(args=args):
                r = self.checkin(*args)
                self.assertError(r, 1, usage=False)
                self.assertIn("2026-11.toml: belongs to another user", r.stderr)
                self.assertEqual(self.snapshot(), before)

    def test_another_users_data_dir_is_refused_with_exit_1(self):
        nobody = self.nobody()
        os.makedirs(self.data_dir, mode=0o777)
        os.chmod(self.data_dir, 0o777)
        os.chown(self.data_dir, nobody.pw_uid, nobody.pw_gid)
        r = self.checkin("6", "--note", "private")
        self.assertError(r, 1, usage=False)
        self.assertIn("belongs to another user", r.stderr)
        self.assertEqual(os.listdir(self.data_dir), [])

    def test_own_loose_files_are_made_private_with_one_warning(self):
        # As after git clone or cp: directories 0755, files 0644.
        self.add("5")
        for path in (self.data_dir, os.path.dirname(self.month_path())):
            os.chmod(path, 0o755)
        os.chmod(self.month_path(), 0o644)
        r = self.checkin("list")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(re.findall("tend made it private", r.stderr)), 3, r.stderr)
        self.assertIn(f"{self.month_path()}: others on this machine could read it (mode 0644)", r.stderr)
        self.assertEqual(self.mode(self.month_path()), 0o600)
        self.assertEqual(self.mode(self.data_dir), 0o700)
        r = self.checkin("6")
        self.assertNotIn("warning", r.stderr, "said once; the files are private now")

    def test_a_fifo_or_socket_in_place_of_a_file_never_hangs(self):
        import socket
        self.add("5")
        last = self.last_path("checkin")
        cases = {"month file": (self.month_path(), ("6",)), "month file, list": (self.month_path(), ("list",)),
                 ".last": (last, ("undo",)), "config": (self.config_path, ("6",))}
        for name, (path, args) in cases.items():
            for kind in ("fifo", "socket", "dir"):
                with self.subTest(what=name, kind=kind):
                    saved = path + ".saved"
                    if os.path.exists(path):
                        os.rename(path, saved)
                    if kind == "fifo":
                        os.mkfifo(path, 0o600)
                    elif kind == "dir":
                        os.mkdir(path, 0o700)
                    else:
                        s = socket.socket(socket.AF_UNIX)
                        s.bind(path)
                        s.close()
                    try:
                        r = self.checkin(*args, timeout=10)
                        # A broken config degrades to the defaults with a warning (care is never
                        # blocked); a data file is refused.
                        if name != "config":
                            self.assertNotEqual(r.returncode, 0)
                        self.assertIn(path, r.stderr)
                        if name != "config":
                            word = {"fifo": "is a FIFO", "socket": "is a socket", "dir": "is a directory"}[kind]
                            self.assertIn(word, r.stderr)
                    finally:
                        if os.path.isdir(path):
                            os.rmdir(path)
                        else:
                            os.unlink(path)
                        if os.path.exists(saved):
                            os.rename(saved, path)

    def test_a_fifo_in_place_of_the_data_dir_never_hangs(self):
        os.mkfifo(self.data_dir, 0o600)
        r = self.checkin("6", timeout=10)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(self.data_dir, r.stderr)


class MovesUnderKills(TendTestCase):
    KILLS = 100 if SANITIZED else 300

    def test_a_move_killed_anywhere_leaves_the_record_exactly_once(self):
        rng = random.Random(11)
        rec = self.add("5", "--note", "the one")
        current = rec["id"]
        months = ["2026-10", "2026-11", "2026-09"]
        for i in range(self.KILLS):
            target = months[i % 3]
            p = subprocess.Popen([tool_path("checkin"), "edit", current, "--at", f"{target}-15T12:00"],
                                 env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.tmp)
            time.sleep(rng.uniform(0, 0.004))
            p.send_signal(signal.SIGKILL)
            p.wait()
            # The next reader finishes (or never sees) the move: the record is there once.
            found = [c for c in self.list_json() if c.get("note") == "the one"]
            self.assertEqual(len(found), 1, f"kill {i}: the record is there {len(found)} times")
            current = found[0]["id"]
        self.assertFalse(os.path.exists(os.path.join(staging(self.data_dir), "journal")))


class NothingPrivateLeftBehind(TendTestCase):
    def required_tools(self):
        return ["prompt", "checkin"]

    def test_an_editor_buffer_is_gone_after_a_hangup_or_a_kill(self):
        editor = os.path.join(self.tmp, "slow-editor")
        with open(editor, "w") as f:
            f.write('#!/bin/sh\necho "my private answer" >> "$1"\nexec sleep 30\n')
        os.chmod(editor, 0o700)
        for how in (signal.SIGHUP, signal.SIGKILL):
            with self.subTest(signal=how):
                run = self.pty("answer", "play-002", tool="prompt", env={"VISUAL": editor})
                deadline = time.monotonic() + 10
                buffers = []
                while time.monotonic() < deadline and not buffers:
                    time.sleep(0.02)
                    if os.path.isdir(staging(self.data_dir)):
                        buffers = [n for n in os.listdir(staging(self.data_dir)) if n.startswith("edit-")]
                self.assertTrue(buffers, "the editor was started on a buffer in the staging room")
                os.killpg(run.proc.pid, how)
                run.proc.wait(timeout=10)
                self.ok("6", tool="checkin")
                self.assertFalse(os.path.exists(staging(self.data_dir)), "the next writer removed the buffer")
                for root, _, files in os.walk(self.data_dir):
                    for name in files:
                        with open(os.path.join(root, name), "rb") as f:
                            self.assertNotIn(b"my private answer", f.read(), name)

    def test_a_killed_rewrites_backup_of_a_deleted_text_is_removed(self):
        rec = self.add("5", "--note", "a secret to delete")
        with open(self.month_path(), "rb") as f:
            old = f.read()
        self.ok("delete", rec["id"], tool="checkin")
        os.makedirs(staging(self.data_dir), mode=0o700)
        # As a rewrite killed between its link() and its rename leaves the old text behind.
        with open(os.path.join(staging(self.data_dir), "tmp-2026-11.toml.abc123.old"), "wb") as f:
            f.write(old)
        self.ok("6", tool="checkin")
        self.assertFalse(os.path.exists(staging(self.data_dir)))


class DurableFromTheFirstRecord(TendTestCase):
    @unittest.skipUnless(shutil.which("strace"), "strace is not installed (.ci/run installs it)")
    def test_every_new_directory_entry_is_synced_before_saved_is_said(self):
        log = os.path.join(self.tmp, "strace.log")
        r = self.run_tool("6", prefix=["strace", "-f", "-y", "-qq", "-e", "trace=mkdir,openat,fsync,write",
                                       "-o", log], env={"NO_COLOR": "1"})
        if r.returncode != 0 and "strace" in r.stderr:
            self.skipTest(f"strace cannot trace here: {r.stderr.strip()}")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(log) as f:
            calls = [line.split(None, 1)[1] for line in f if line.split(None, 1)[1:]]

        def first(pattern):
            for i, call in enumerate(calls):
                if re.search(pattern, call):
                    return i
            self.fail(f"no call matching {pattern!r} in:\n" + "".join(calls))

        data, kind = re.escape(self.data_dir), re.escape(self.kind_dir("checkin"))
        devices = re.escape(os.path.join(self.data_dir, "devices"))
        device = re.escape(os.path.dirname(self.kind_dir("checkin")))
        parent = re.escape(os.path.dirname(self.data_dir))
        month = re.escape(self.month_path())
        saved = first(r'^write\(2<[^>]*>, "Saved')
        # Each new directory, from the data dir down to this device's kind, lasts through its parent's fsync.
        chain = [parent, data, devices, device, kind]
        for above, below in zip(chain, chain[1:]):
            self.assertLess(first(rf'^mkdir\("{below}"'), first(rf"^fsync\(\d+<{above}>\)"))
        self.assertLess(first(rf"^fsync\(\d+<{month}>\)"), first(rf"^fsync\(\d+<{kind}>\)"))
        for synced in (*chain, month):
            self.assertLess(first(rf"^fsync\(\d+<{synced}>\)"), saved, f"{synced} is synced before 'Saved'")


class WorkIsNeverLostToALock(TendTestCase):
    def required_tools(self):
        return ["breathe", "checkin"]

    def hold(self, mode):
        fd = os.open(self.data_dir, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(fd, mode)
        return fd

    def test_a_finished_breathing_session_is_kept_and_landed_by_the_next_command(self):
        self.ok("5", tool="checkin")
        for mode in (fcntl.LOCK_EX, fcntl.LOCK_SH):
            with self.subTest(mode=mode):
                fd = self.hold(mode)
                try:
                    r = self.run_tool("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle", "--json",
                                      tool="breathe", env={"TEND_LOCK_TIMEOUT": "0.1"})
                finally:
                    os.close(fd)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("waiting a little longer", r.stderr)
                self.assertIn("kept safely", r.stderr)
                kept = [n for n in os.listdir(staging(self.data_dir)) if n.startswith("pending-")]
                self.assertEqual(len(kept), 1)
                self.assertEqual(self.mode(os.path.join(staging(self.data_dir), kept[0])), 0o600)
                r = self.ok("list", tool="checkin")  # a reader, once the lock is free
                self.assertIn("Added what was kept while another tend program was busy: breathe ", r.stderr)
                self.assertFalse(os.path.exists(staging(self.data_dir)))
        self.assertEqual(len(self.month_records(kind="breathe")), 2)

    def test_a_kept_record_is_landed_once_even_if_the_lander_was_killed(self):
        self.ok("4", tool="checkin")
        fd = self.hold(fcntl.LOCK_EX)
        try:
            self.ok("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle", tool="breathe",
                    env={"TEND_LOCK_TIMEOUT": "0.05"})
        finally:
            os.close(fd)
        self.assertTrue(any(n.startswith("pending-") for n in os.listdir(staging(self.data_dir))))
        # As if the lander had been killed after its journal was durable: the next one finishes it.
        subprocess.run(["sh", "-c", 'exec "$0" 5 2>/dev/null', tool_path("checkin")], env=self.env(
            {"LD_PRELOAD": os.environ.get("TEND_FAULT_LIB", ""), "FAULT_CALL": "rename", "FAULT_COUNT": "1",
             "FAULT_AFTER": "1", "FAULT_PATH_SUBSTR": self.data_dir}), cwd=self.tmp)
        self.ok("6", tool="checkin")
        self.assertEqual(len(self.month_records(kind="breathe")), 1)
        self.assertFalse(os.path.exists(staging(self.data_dir)))


class EveryKindCanBeCorrected(TendTestCase):
    def required_tools(self):
        return ["boundary-log", "prompt"]

    def answers(self):
        return [r for r in self.month_records(kind="prompt") if r["event"] == "answered"]

    def test_a_prompt_answer_can_be_changed_and_deleted(self):
        self.ok("answer", "play-002", "--text", "first words", tool="prompt")
        first = self.answers()[0]["id"]
        self.ok("answer", "play-001", "--text", "my secret", tool="prompt")
        r = self.ok("edit", "--text", "better words", tool="prompt")  # the last one saved
        self.assertIn("Changed your answer to play-001", r.stderr)
        self.assertEqual([a["text"] for a in self.answers()], ["first words", "better words"])
        r = self.ok("delete", tool="prompt")
        self.assertIn("Deleted your answer to play-001", r.stderr)
        self.assertNotIn(b"better words", self.read_month(kind="prompt"))
        self.assertNotIn(b"my secret", self.read_month(kind="prompt"))
        self.ok("edit", first, "--text", "-", input="changed by id", tool="prompt")
        self.assertEqual([a["text"] for a in self.answers()], ["changed by id"])
        shown = [r["id"] for r in self.month_records(kind="prompt") if r["event"] != "answered"]
        for args in (("delete", "zzzzz"), ("delete",)):
            with self.subTest(args=args):
                self.assertUsageError(self.run_tool(*args, tool="prompt"), tool="prompt")
        for record_id in shown:  # only answers are changed this way
            self.assertUsageError(self.run_tool("delete", record_id, tool="prompt"), tool="prompt")

    def json_of(self, *args):
        return json.loads(self.ok(*args, tool="boundary-log").stdout)

    def test_a_mistaken_violated_is_taken_back(self):
        self.ok("add", "no shouting", "-q", tool="boundary-log")
        self.ok("held", "1", "-q", tool="boundary-log")
        self.ok("violated", "1", "--note", "wrong one", tool="boundary-log")
        r = self.ok("undo", tool="boundary-log")
        self.assertIn("Undone: the 'violated' logged for boundary 1", r.stderr)
        [b] = self.json_of("list", "--json")
        self.assertEqual(b["last_event"], "held")
        self.assertEqual(b["counts"]["violated"], 0)
        self.assertNotIn("wrong one", self.read_month(kind="boundary").decode())
        r = self.run_tool("undo", tool="boundary-log")
        self.assertEqual(r.returncode, 1)
        self.assertIn("nothing to undo", r.stderr)

    def test_a_boundary_set_by_mistake_is_taken_back(self):
        self.ok("add", "a typo", "-q", tool="boundary-log")
        self.ok("undo", "-q", tool="boundary-log")
        self.assertEqual(self.json_of("list", "--all", "--json"), [])


if __name__ == "__main__":
    unittest.main()
