# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Files and permissions: private modes under any umask, symlinks, and no temp file left behind.

- Every tool that writes makes its directories 0700 and its files 0600, under umask 000 and 077.
- A data dir that is a symbolic link is followed only to a directory owned by the user.
- A month file replaced by a symbolic link is refused by every tool, and the link's target
  is left alone.
- Temp files never linger: a rewrite killed half way leaves one, and the next writer of that
  kind clears it.
"""

import json
import os
import pwd
import stat
import unittest

from tendtest import TendTestCase

FAST_PATTERN = "0.001-0.001"


class PermissionCase(TendTestCase):
    def required_tools(self):
        return ["checkin", "boundary-log", "prompt", "breathe"]

    def writers(self):
        """(tool, args) for every kind of write each tool makes, on a data dir that may be empty."""
        return [("checkin", ("5", "--note", "hello")),
                ("checkin", ("6", "--at", "2026-10-20")),
                ("boundary-log", ("add", "a boundary", "-q")),
                ("boundary-log", ("held", "1")),
                ("prompt", ("today",)),
                ("prompt", ("answer", "play-002", "--text", "an answer")),
                ("prompt", ("skip", "play-001")),
                ("breathe", ("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle"))]

    def assertPrivate(self, root):
        for dirpath, dirnames, filenames in os.walk(root):
            self.assertEqual(self.mode(dirpath), 0o700, f"{dirpath} is not 0700")
            for name in filenames:
                full = os.path.join(dirpath, name)
                self.assertEqual(self.mode(full), 0o600, f"{full} is not 0600")


class PrivateModes(PermissionCase):
    def check_umask(self, umask):
        # A data dir two levels below an existing dir: the parents tend makes are private too.
        self.data_dir = os.path.join(self.tmp, "deep", "er", "data")
        for tool, args in self.writers():
            with self.subTest(tool=tool, args=args, umask=oct(umask)):
                self.ok(*args, tool=tool, umask=umask)
        rec = self.add("4", umask=umask)
        self.ok("edit", rec["id"], "--mood", "3", tool="checkin", umask=umask)  # a rewrite: temp file + rename
        self.ok("delete", rec["id"], tool="checkin", umask=umask)
        self.add("3", umask=umask)
        self.ok("undo", tool="checkin", umask=umask)
        for kind in ("checkin", "boundary", "prompt", "breathe"):
            self.assertTrue(os.listdir(self.kind_dir(kind)), f"setup: nothing written for {kind}")
        self.assertPrivate(os.path.join(self.tmp, "deep"))

    def test_umask_000(self):
        self.check_umask(0o000)

    def test_umask_077(self):
        self.check_umask(0o077)

    def test_umask_022_with_an_existing_month_file(self):
        self.ok("5", tool="checkin", umask=0o022)
        self.assertPrivate(self.data_dir)


class SymlinkedDataDir(PermissionCase):
    def setUp(self):
        super().setUp()
        self.target = os.path.join(self.tmp, "target")
        os.mkdir(self.target, 0o700)
        os.symlink(self.target, self.data_dir)

    def readers(self):
        return [("checkin", ("list",)), ("boundary-log", ("list",)), ("prompt", ("history",)), ("breathe", ("log",))]

    def test_followed_to_a_directory_of_ones_own(self):
        for tool, args in self.writers():
            with self.subTest(tool=tool, args=args):
                self.ok(*args, tool=tool)
        self.assertTrue(os.path.islink(self.data_dir))
        self.assertEqual(len(self.month_records()), 1)
        self.assertPrivate(self.target)

    def test_refused_when_the_directory_belongs_to_someone_else(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to give the link's target to another user")
        try:
            nobody = pwd.getpwnam("nobody")
        except KeyError:
            self.skipTest("no user nobody on this system")
        # Records of every kind first, so that readers find files to read there too.
        for tool, args in self.writers():
            self.ok(*args, tool=tool)
        for root, dirs, files in os.walk(self.target):
            for name in dirs + files + [""]:
                os.chown(os.path.join(root, name), nobody.pw_uid, nobody.pw_gid)
        before = self.snapshot(self.target)
        for tool, args in self.writers() + self.readers():
            with self.subTest(tool=tool, args=args):
                r = self.run_tool(*args, tool=tool)
                if args == ("today",):  # the day's prompt is printed before the history is touched
                    r = r._replace(stdout="")
                self.assertError(r, 1, tool=tool, usage=False)
                self.assertIn("symbolic link", r.stderr)
                self.assertIn("belongs to another user", r.stderr)
                self.assertEqual(self.snapshot(self.target), before, "nothing was written in someone else's dir")

    def test_the_links_own_owner_does_not_matter(self):
        # Only where the link leads counts: a link made by someone else to the user's own dir is fine.
        if os.geteuid() != 0:
            self.skipTest("needs root to give the link to another user")
        nobody = pwd.getpwnam("nobody")
        os.lchown(self.data_dir, nobody.pw_uid, nobody.pw_gid)
        self.ok("5", tool="checkin")


class SymlinkedMonthFiles(PermissionCase):
    """The existing test covers checkin; here every tool, and the link's target never changes."""

    def setUp(self):
        super().setUp()
        self.rec = self.add("5")
        self.ok("add", "a boundary", "-q", tool="boundary-log")
        self.ok("answer", "play-002", "--text", "an answer", tool="prompt")
        self.ok("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle", tool="breathe")
        self.targets = {}
        for kind in ("checkin", "boundary", "prompt", "breathe"):
            target = os.path.join(self.tmp, f"elsewhere-{kind}.toml")
            os.rename(self.month_path(kind=kind), target)
            os.symlink(target, self.month_path(kind=kind))
            with open(target, "rb") as f:
                self.targets[kind] = (target, f.read())

    def test_every_tool_refuses(self):
        for tool, args, kind in (("checkin", ("6",), "checkin"),
                                 ("checkin", ("edit", self.rec["id"], "--mood", "1"), "checkin"),
                                 ("checkin", ("delete", self.rec["id"]), "checkin"),
                                 ("checkin", ("list",), "checkin"),
                                 ("boundary-log", ("held", "1"), "boundary"),
                                 ("boundary-log", ("add", "another"), "boundary"),
                                 ("boundary-log", ("list",), "boundary"),
                                 ("prompt", ("answer", "play-002", "--text", "x"), "prompt"),
                                 ("prompt", ("skip", "play-001"), "prompt"),
                                 ("prompt", ("history",), "prompt"),
                                 ("breathe", ("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle"), "breathe"),
                                 ("breathe", ("log",), "breathe")):
            with self.subTest(tool=tool, args=args):
                r = self.run_tool(*args, tool=tool)
                self.assertError(r, 74, tool=tool, usage=False)
                self.assertIn("2026-11.toml: is a symbolic link", r.stderr)
                target, data = self.targets[kind]
                with open(target, "rb") as f:
                    self.assertEqual(f.read(), data, "the link's target was changed")
                self.assertTrue(os.path.islink(self.month_path(kind=kind)), "the link was replaced")
                self.assertEqual(self.mode(target), 0o600)


class NoLingeringTempFiles(PermissionCase):
    """A rewrite killed between creating its temp file and the rename leaves the temp file (and
    perhaps the backup of the old file, holding the old text) in the data dir's staging room:
    the next tend program that takes the lock clears them, whatever kind it writes. Temp files an
    older tend left beside the month files go when a rewrite reads that kind's directory. Files
    that are not tend's stay."""

    def leave_dead_temp_files(self, where):
        os.makedirs(where, mode=0o700, exist_ok=True)
        names = ["tmp-2026-11.toml.a1b2c3", "tmp-2026-11.toml.d4e5f6.old", "edit-x9y8z7.txt"]
        for name in names:
            with open(os.path.join(where, name), "w") as f:
                f.write("[[half")
        return names

    def test_the_next_writer_clears_them(self):
        self.rec = self.add("5")
        self.ok("add", "a boundary", "-q", tool="boundary-log")
        self.ok("answer", "play-002", "--text", "an answer", tool="prompt")
        self.ok("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle", tool="breathe")
        staging = os.path.join(self.data_dir, ".staging")
        for tool, args in (("checkin", ("6",)),
                           ("checkin", ("edit", self.rec["id"], "--mood", "1")),
                           ("checkin", ("delete", self.rec["id"])),
                           ("boundary-log", ("held", "1")),
                           ("prompt", ("skip", "play-001")),
                           ("breathe", ("--pattern", FAST_PATTERN, "--cycles", "1", "--no-settle"))):
            with self.subTest(tool=tool, args=args):
                self.leave_dead_temp_files(staging)
                with open(os.path.join(self.data_dir, "my notes.txt"), "w") as f:
                    f.write("mine")
                self.ok(*args, tool=tool)
                self.assertFalse(os.path.exists(staging), "the staging room is tidied and gone")
                self.assertIn("my notes.txt", os.listdir(self.data_dir), "a file that is not tend's is never removed")

    def test_an_older_tends_temp_files_go_with_the_next_rewrite(self):
        rec = self.add("5")
        d = self.kind_dir("checkin")
        for name in (".2026-11.toml.tmp.a1b2c3", ".2026-11.toml.tmp.d4e5f6.old", "my notes.txt"):
            with open(os.path.join(d, name), "w") as f:
                f.write("[[half")
        self.ok("edit", rec["id"], "--mood", "1")
        self.assertEqual(sorted(os.listdir(d)), ["2026-11.toml", "my notes.txt"])

    def test_none_after_errors(self):
        rec = self.add("5")
        for args in (("edit", rec["id"], "--mood", "11"), ("edit", "zzzzz", "--mood", "1"), ("delete", "zzzzz"),
                     ("edit", rec["id"])):
            r = self.checkin(*args)
            self.assertNotEqual(r.returncode, 0)
        self.assertEqual(self.temp_files(), [])
        self.assertPrivate(self.data_dir)


if __name__ == "__main__":
    unittest.main()
