# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Full disks and I/O errors: every writing tool exits 74 with a message and changes nothing.

A preload shim (tests/fault/fault_inject.c, passed in as TEND_FAULT_LIB) makes one kind of
call fail with ENOSPC or EIO on files in the data dir only: the write of a record, the fsync
of a file or of its directory, the creation of a new month file or temp file, the rename of a
rewrite. For each writing tool and each of append, rewrite (edit) and delete, the tool must
exit 74 with a message naming the file, and every file in the data dir must be byte-identical
to before (bytes and modes), with no temp file left. A tmpfs of 64 KiB, when this machine
lets us mount one, shows the same for a real full disk.
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

from tendtest import TendTestCase, tool_path

FAULT_LIB = os.environ.get("TEND_FAULT_LIB", "")
FAST_PATTERN = "0.001-0.001"
ERRNOS = ("ENOSPC", "EIO")
MESSAGES = {"ENOSPC": "No space left on device", "EIO": "Input/output error"}
injected_total = [0]


def sanitized_build():
    if os.environ.get("TEND_SANITIZE", "").upper() in ("ON", "1", "TRUE", "YES"):
        return True
    try:
        out = subprocess.run(["ldd", tool_path("checkin")], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "libasan" in out


def tearDownModule():
    print(f"\nfaults injected in this run: {injected_total[0]}")


class FaultCase(TendTestCase):
    def required_tools(self):
        return ["checkin", "boundary-log", "prompt", "breathe"]

    def setUp(self):
        super().setUp()
        if not FAULT_LIB or not os.path.isfile(FAULT_LIB):
            self.skipTest(f"the fault shim is not built ({FAULT_LIB or 'TEND_FAULT_LIB unset'}); "
                          "it is left out of sanitizer builds")
        if sanitized_build():
            self.skipTest("the tools are built with AddressSanitizer, which must come first; "
                          "a preloaded shim would stop them")
        self.log = os.path.join(self.tmp, "faults.log")
        # Something of every kind, so every append goes to a file that is already there.
        self.ids = [self.add(str(i), "--note", f"n{i}", "--at", f"-{10 - i}m")["id"] for i in range(4)]
        self.ok("add", "a boundary", "-q", tool="boundary-log")
        self.ok("answer", "play-002", "--text", "an answer", tool="prompt")
        self.ok("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle", tool="breathe")

    # Appends write the month file itself; rewrites write a temp file in the data dir's staging room.
    fault_path = "kind"

    def run_faulty(self, tool, args, call, errno_name, after=0, short=False):
        where = self.kind_dir(self.kind_of(tool)) if self.fault_path == "kind" else self.data_dir
        env = {"LD_PRELOAD": FAULT_LIB, "FAULT_CALL": call, "FAULT_ERRNO": errno_name, "FAULT_AFTER": str(after),
               "FAULT_PATH_SUBSTR": where, "FAULT_LOG": self.log}
        if short:
            env["FAULT_SHORT"] = "1"
        return self.run_tool(*args, tool=tool, env=env)

    @staticmethod
    def kind_of(tool):
        return {"boundary-log": "boundary"}.get(tool, tool)

    def faults_logged(self):
        if not os.path.exists(self.log):
            return 0
        with open(self.log) as f:
            n = sum(1 for _ in f)
        os.unlink(self.log)
        return n

    def assertFailsCleanly(self, tool, args, call, errno_name, file, after=0, short=False):
        before = self.snapshot()
        r = self.run_faulty(tool, args, call, errno_name, after, short)
        injected = self.faults_logged()
        injected_total[0] += injected
        self.assertGreater(injected, 0, f"setup: no {call} fault was injected for {tool} {args}; stderr {r.stderr!r}")
        if tool == "breathe":
            # The exercise has run (its phase lines are on stdout); only saving it failed.
            self.assertEqual(r.returncode, 74, r.stderr)
            self.assertIn("breathe: error: ", r.stderr)
        else:
            self.assertError(r, 74, tool=tool, usage=False)
        self.assertIn(file, r.stderr, "the message names the file")
        self.assertIn(MESSAGES[errno_name] if not short else "", r.stderr)
        self.assertNotIn("internal", r.stderr)
        self.assertEqual(self.snapshot(), before, "the data dir is byte-identical to before (bytes and modes)")
        self.assertEqual([p for p in self.snapshot() if ".tmp." in p], [], "no temp file is left")


class AppendFaults(FaultCase):
    """Appending to an existing month file: the write, a short write, the fsync."""

    def appends(self):
        return [("checkin", ("4", "--note", "appended")),
                ("boundary-log", ("held", "1", "--note", "appended")),
                ("prompt", ("answer", "play-002", "--text", "appended")),
                ("breathe", ("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle"))]

    def test_write_and_fsync_fail(self):
        for tool, args in self.appends():
            for errno_name in ERRNOS:
                for call, short in (("write", False), ("write", True), ("fsync", False)):
                    with self.subTest(tool=tool, call=call, short=short, errno=errno_name):
                        self.assertFailsCleanly(tool, args, call, errno_name, "2026-11.toml", short=short)
        self.assertEqual(len(self.month_records()), 4, "no check-in was added")

    def test_new_month_file(self):
        # The first record of a month creates its file: creating it, writing it, syncing it or
        # syncing its directory can fail, and then no file, empty or partial, is left.
        self.ok("add", "an older boundary", "--at", "2026-09-01", "-q", tool="boundary-log")
        for tool, args in (("checkin", ("4", "--at", "2026-10-20")),
                           ("boundary-log", ("held", "2", "--at", "2026-10-20"))):
            for errno_name in ERRNOS:
                for call, after in (("create", 0), ("write", 0), ("fsync", 0), ("fsync", 1)):
                    with self.subTest(tool=tool, call=call, after=after, errno=errno_name):
                        self.assertFailsCleanly(tool, args, call, errno_name, "2026-10.toml", after=after)
                        self.assertFalse(os.path.exists(self.month_path("2026-10", self.kind_of(tool))))

    def test_the_shim_lets_everything_through_when_asked_for_nothing(self):
        r = self.run_tool("6", env={"LD_PRELOAD": FAULT_LIB, "FAULT_CALL": "", "FAULT_LOG": self.log})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "Saved check-in " + self.month_records()[-1]["id"] + ".\n")


class RewriteFaults(FaultCase):
    """Edits, deletes and undo rewrite the month file through a temp file: every step can fail."""

    fault_path = "data"

    STEPS = (("create", 0), ("write", 0), ("fsync", 0), ("rename", 0), ("fsync", 1))

    def rewrites(self):
        # ids[0] is not the last one written, so its rewrite does not touch the undo hint.
        return [("edit", ("edit", self.ids[0], "--mood", "1", "--note", "changed")),
                ("delete", ("delete", self.ids[1])),
                ("undo", ("undo",))]

    def test_every_step_of_a_rewrite_fails_cleanly(self):
        for name, args in self.rewrites():
            for errno_name in ERRNOS:
                for call, after in self.STEPS:
                    with self.subTest(op=name, call=call, after=after, errno=errno_name):
                        self.assertFailsCleanly("checkin", args, call, errno_name, "2026-11.toml", after=after)
        self.assertEqual([r["id"] for r in self.month_records()], self.ids, "every check-in is as it was")
        self.assertEqual(self.month_records()[0]["note"], "n0")

    def test_an_edit_that_moves_months(self):
        # Both months are written to temp files and made durable before anything is renamed:
        # when that fails, nothing changed anywhere.
        args = ("edit", self.ids[0], "--at", "2026-10-05T12:00")
        for errno_name in ERRNOS:
            for call, after in (("create", 0), ("write", 0), ("fsync", 0), ("fsync", 1)):
                with self.subTest(call=call, errno=errno_name):
                    self.assertFailsCleanly("checkin", args, call, errno_name, "2026-10.toml", after=after)

    def test_the_undo_hint_failing_does_not_undo_a_saved_check_in(self):
        # The record is saved before the hint is noted: a failing hint is a warning, not a failure,
        # or the person would check in again and have two.
        r = self.run_faulty("checkin", ("4", "--note", "kept"), "rename", "EIO")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("checkin: warning: check-in", r.stderr)
        self.assertEqual(self.month_records()[-1]["note"], "kept")
        self.assertEqual([p for p in self.snapshot() if ".tmp." in p], [])


class TinyFilesystem(TendTestCase):
    """A real full disk: a 64 KiB tmpfs, filled up."""

    def setUp(self):
        super().setUp()
        if os.geteuid() != 0 or not shutil.which("mount"):
            self.skipTest("mounting a tmpfs needs root and mount(8)")
        os.makedirs(self.data_dir, mode=0o700)
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tend-test", self.data_dir],
                           capture_output=True, text=True)
        if r.returncode != 0:
            self.skipTest(f"cannot mount a tmpfs here: {r.stderr.strip()}")
        self.addCleanup(subprocess.run, ["umount", "-l", self.data_dir], capture_output=True)

    def fill(self):
        filler = os.path.join(self.data_dir, "filler")
        with open(filler, "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 4096)
            except OSError:
                pass
        os.chmod(filler, 0o600)

    def test_full_disk(self):
        rec = self.add("5", "--note", "before the disk filled")
        self.ok("add", "a boundary", "-q", tool="boundary-log")
        self.fill()
        before = self.snapshot()
        big = "x" * 6000  # more than the slack at the end of the file's last page
        for tool, args in (("checkin", ("4", "--note", big)),
                           ("checkin", ("4", "--at", "2026-10-20", "--note", big)),
                           ("checkin", ("edit", rec["id"], "--note", big)),
                           ("checkin", ("delete", rec["id"])),
                           ("boundary-log", ("held", "1", "--note", big))):
            with self.subTest(tool=tool, args=args[:2]):
                r = self.run_tool(*args, tool=tool)
                self.assertError(r, 74, tool=tool, usage=False)
                self.assertIn(".toml", r.stderr)
                self.assertIn("nothing was changed", r.stderr)
                self.assertEqual(self.snapshot(), before)
        os.unlink(os.path.join(self.data_dir, "filler"))
        self.ok("delete", rec["id"], tool="checkin")


if __name__ == "__main__":
    unittest.main()
