# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The store under faults: writers at once, a read-only data dir, a short write, a symlink."""

import json
import os
import pwd
import grp
import resource
import shlex
import shutil
import signal
import subprocess
import time
import tomllib
import unittest

from tendtest import TendTestCase, tool_path


class ConcurrentWriters(TendTestCase):
    WORKERS = 8
    EACH = 100

    def test_parallel_appends_lose_nothing(self):
        binary = shlex.quote(tool_path("checkin"))
        script = (f'i=0; while [ $i -lt {self.EACH} ]; do i=$((i+1)); '
                  f'{binary} -q --mood $((i % 9 + 2)) --note "w$W-$i" --tag "w$W" || echo "w$W-$i exit $?" >&2; done')
        procs = []
        start = time.monotonic()
        try:
            for w in range(self.WORKERS):
                # A generous lock wait: this test is about losing nothing, not about latency on a busy CI box.
                env = self.env({"W": str(w), "TEND_LOCK_TIMEOUT": "30"})
                procs.append(subprocess.Popen(["sh", "-c", script], env=env, cwd=self.tmp, stdin=subprocess.DEVNULL,
                                              stdout=subprocess.PIPE, stderr=subprocess.PIPE))
            failures = []
            for p in procs:
                # Only a guard against a hang: on a loaded machine 800 writes may take minutes.
                left = max(1.0, 300 - (time.monotonic() - start))
                out, err = p.communicate(timeout=left)
                failures.append(err.decode(errors="replace"))
        except subprocess.TimeoutExpired:
            self.fail("the parallel writers did not finish in 300 s")
        finally:
            for p in procs:
                if p.poll() is None:
                    p.kill()
                    p.communicate()
        errors = "".join(failures)
        self.assertEqual(errors, "", f"some check-ins failed:\n{errors[:2000]}")

        records = self.month_records()
        total = self.WORKERS * self.EACH
        self.assertEqual(len(records), total)
        ids = [r["id"] for r in records]
        self.assertEqual(len(set(ids)), total, "every record has its own id")
        notes = sorted(r["note"] for r in records)
        self.assertEqual(notes, sorted(f"w{w}-{i}" for w in range(self.WORKERS) for i in range(1, self.EACH + 1)))
        self.assertEqual(len(self.list_json()), total)
        self.assertEqual(self.temp_files(), [])


class ReadOnlyDataDir(TendTestCase):
    """As root, permissions do not stop us; run the tool as nobody on a dir nobody owns."""

    def setUp(self):
        super().setUp()
        if os.geteuid() != 0:
            self.skipTest("needs root to run the tool as another user (setpriv)")
        self.setpriv = shutil.which("setpriv")
        if not self.setpriv:
            self.skipTest("setpriv (util-linux) is not installed")
        try:
            self.uid = pwd.getpwnam("nobody").pw_uid
            self.gid = grp.getgrnam("nogroup").gr_gid
        except KeyError:
            self.skipTest("no user nobody / group nogroup on this system")
        # nobody must be able to reach the data dir, the config path and the binary.
        os.chmod(self.tmp, 0o711)
        path = tool_path("checkin")
        while path != "/":
            path = os.path.dirname(path)
            if not os.stat(path).st_mode & 0o001:
                self.skipTest(f"{path} is not searchable by other users, so nobody cannot run the tool")
        self.rec = self.add("5")
        for root, dirs, files in os.walk(self.data_dir):
            for name in dirs + files + [""]:
                os.chown(os.path.join(root, name), self.uid, self.gid)

    def as_nobody(self, *args):
        prefix = [self.setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        return self.checkin(*args, prefix=prefix)

    def make_read_only(self):
        os.chmod(self.month_path(), 0o400)
        os.chmod(self.kind_dir("checkin"), 0o500)
        os.chmod(self.data_dir, 0o500)

    def test_sanity_nobody_can_write_when_allowed(self):
        r = self.as_nobody("6")
        self.assertEqual(r.returncode, 0, f"setup: nobody cannot write to its own data dir: {r.stderr}")
        self.assertEqual(len(self.month_records()), 2)

    def test_read_only(self):
        self.make_read_only()
        before = self.snapshot()
        for args in (("6",), ("6", "--at", "2026-10-20"), ("edit", self.rec["id"], "--mood", "1"),
                     ("delete", self.rec["id"]), ("undo",)):
            with self.subTest(args=args):
                r = self.as_nobody(*args)
                self.assertError(r, 74, usage=False)
                self.assertEqual(self.snapshot(), before)
        # Reading still works.
        r = self.as_nobody("list", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([x["id"] for x in json.loads(r.stdout)], [self.rec["id"]])

    def test_read_only_without_kind_dir(self):
        shutil.rmtree(self.kind_dir("checkin"))
        os.chmod(os.path.dirname(self.kind_dir("checkin")), 0o500)
        os.chmod(self.data_dir, 0o500)
        before = self.snapshot()
        r = self.as_nobody("6")
        self.assertError(r, 74, usage=False)
        self.assertEqual(self.snapshot(), before)


class ShortWrite(TendTestCase):
    def limited(self, limit):
        def setup():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return setup

    def test_append_that_cannot_complete(self):
        self.add("5", "--note", "first")
        size = os.path.getsize(self.month_path())
        before = self.snapshot()
        for limit in (size + 10, size, size + 1):
            with self.subTest(limit=limit):
                r = self.checkin("4", "--note", "x" * 200, preexec=self.limited(limit))
                self.assertError(r, 74, usage=False)
                self.assertEqual(self.snapshot(), before, "a failed append leaves the file byte-identical")
        self.assertEqual(len(self.month_records()), 1)
        self.assertEqual(self.add("6")["mood"], 6, "the file takes appends again afterwards")

    def test_new_month_file_not_left_behind(self):
        self.add("5")
        before = self.snapshot()
        r = self.checkin("4", "--at", "2026-10-20", preexec=self.limited(20))
        self.assertError(r, 74, usage=False)
        self.assertFalse(os.path.exists(self.month_path("2026-10")), "no empty or partial new month file")
        self.assertEqual(self.snapshot(), before)

    def test_rewrite_that_cannot_complete(self):
        rec = self.add("5")
        before = self.snapshot()
        size = os.path.getsize(self.month_path())
        r = self.checkin("edit", rec["id"], "--note", "y" * 500, preexec=self.limited(size + 10))
        self.assertError(r, 74, usage=False)
        self.assertEqual(self.snapshot(), before, "a failed rewrite leaves the old file and no temp file")
        self.assertEqual(self.temp_files(), [])


class SymlinkedMonthFile(TendTestCase):
    def setUp(self):
        super().setUp()
        self.rec = self.add("5")
        self.target = os.path.join(self.tmp, "elsewhere.toml")
        os.rename(self.month_path(), self.target)
        os.symlink(self.target, self.month_path())
        with open(self.target, "rb") as f:
            self.target_bytes = f.read()

    def assertRefused(self, *args):
        r = self.checkin(*args)
        self.assertNotEqual(r.returncode, 0, f"{args!r} went through a symlinked month file: {r.stderr!r}")
        self.assertTrue(r.stderr.startswith("checkin: error: "), r.stderr)
        with open(self.target, "rb") as f:
            self.assertEqual(f.read(), self.target_bytes, "the symlink's target was changed")
        self.assertTrue(os.path.islink(self.month_path()), "the symlink was replaced")

    def test_append_refused(self):
        self.assertRefused("6")

    def test_edit_refused(self):
        self.assertRefused("edit", self.rec["id"], "--mood", "1")

    def test_delete_refused(self):
        self.assertRefused("delete", self.rec["id"])


class NoTempFiles(TendTestCase):
    def test_after_edits_and_deletes(self):
        ids = [self.add(str(i), "--at", f"-{10 - i}m")["id"] for i in range(6)]
        self.ok("edit", ids[0], "--mood", "9", "--note", "changed")
        self.ok("edit", ids[1], "--clear", "mood", "--energy", "2")
        self.ok("edit", ids[2], "--at", "2026-10-03", "--mood", "1")
        self.ok("delete", ids[3])
        self.ok("undo")
        self.checkin("edit", "zzzzz", "--mood", "1")
        self.checkin("edit", ids[4], "--mood", "11")
        for kind_dir in (self.kind_dir("checkin"), self.data_dir):
            leftovers = [n for n in os.listdir(kind_dir) if ".tmp." in n]
            self.assertEqual(leftovers, [], f"temp files left in {kind_dir}")
        for month in ("2026-10", "2026-11"):
            with open(self.month_path(month), "rb") as f:
                tomllib.loads(f.read().decode())
        self.assertEqual(len(self.list_json()), 4)


if __name__ == "__main__":
    unittest.main()
