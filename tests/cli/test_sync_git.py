# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two machines kept in step by git: two clones of one data directory through a bare repository.

Twenty rounds in which both write with all four writing tools, edit and delete their own and
each other's records, then commit, pull (a merge, never a rebase) and push, as the README's
recipe says. Zero merge conflicts, every record exactly once on both sides, deleted words gone
from the working trees, every file valid TOML, and nothing per-device ever tracked.
"""

import os
import subprocess
import sys
import time
import unittest

from tendtest import Device, SyncScenario, TendTestCase

ROUNDS = 20
STATE = (".lock", ".staging", ".local")  # per-device state that must never be tracked


class GitEngine:
    """The README's recipe, run for each device in turn: the first device's data directory
    becomes a repository pushed to a bare one, the second clones it; then commit, pull, push."""

    own_files = (".git",)

    def __init__(self, case, scenario, root):
        self.case = case
        self.scenario = scenario
        self.bare = os.path.join(root, "shared.git")
        self.home = os.path.join(root, "git-home")  # no user's or system's git config applies
        os.makedirs(self.home)
        self.first, self.second = scenario.devices
        self.ready = set()
        self.pushed = False
        self.git(root, "init", "-q", "--bare", "-b", "main", self.bare)

    def git(self, cwd, *args, check=True):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.home, "LANG": "C.UTF-8",
               "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}
        # umask 077: what git writes into the data directory is private, as tend keeps it.
        proc = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60,
                              preexec_fn=lambda: os.umask(0o077))
        if check:
            self.case.assertEqual(proc.returncode, 0, f"git {' '.join(args)} in {cwd}:\n{proc.stdout}{proc.stderr}")
        return proc

    def configure(self, device):
        self.git(device.data_dir, "config", "user.name", f"tend test on {device.name}")
        self.git(device.data_dir, "config", "user.email", f"{device.name}@example.invalid")
        self.ready.add(device.name)

    def before_writes(self, device):
        if device is self.second and device.name not in self.ready:
            self.git(os.path.dirname(device.data_dir), "clone", "-q", self.bare, device.data_dir)
            self.configure(device)
            self.scenario.carry("remote", device)

    def after_writes(self, device):
        if device.name not in self.ready:
            self.git(device.data_dir, "init", "-q", "-b", "main")
            self.configure(device)
            self.git(device.data_dir, "remote", "add", "origin", self.bare)
        for name in (".gitignore", ".stignore"):
            self.case.assertTrue(os.path.isfile(os.path.join(device.data_dir, name)),
                                 f"{device.name}: tend wrote no {name}")
        status = self.git(device.data_dir, "status", "--porcelain", "--untracked-files=all").stdout
        self.assertNoState(status, device, "git status --porcelain")
        self.git(device.data_dir, "add", "-A")
        if self.git(device.data_dir, "diff", "--cached", "--quiet", check=False).returncode:
            self.git(device.data_dir, "commit", "-q", "-m", f"tend on {device.name}")
        self.pull(device)
        self.git(device.data_dir, "push", "-q", "-u", "origin", "main")
        self.pushed = True
        self.scenario.carry(device, "remote")
        self.assertNoState(self.git(device.data_dir, "ls-files").stdout, device, "git ls-files")

    def pull(self, device):
        if not self.pushed:  # the first device's first turn: nothing to pull yet
            return
        r = self.git(device.data_dir, "pull", "-q", "--no-rebase", "--no-edit", check=False)
        unmerged = self.git(device.data_dir, "diff", "--name-only", "--diff-filter=U").stdout.split()
        self.case.assertEqual((r.returncode, unmerged), (0, []),
                              f"{device.name}: git pull --no-rebase did not merge cleanly:\n{r.stdout}{r.stderr}")
        self.scenario.carry("remote", device)

    def end_of_round(self):
        self.pull(self.first)

    def assertNoState(self, listing, device, what):
        for line in listing.splitlines():
            path = line[3:] if what.startswith("git status") else line
            self.case.assertFalse(path.startswith(STATE) or "/.staging/" in path,
                                  f"{device.name}: {what} shows per-device state: {line!r}")


class TestSyncGit(TendTestCase):
    def required_tools(self):
        return ["checkin", "breathe", "prompt", "boundary-log", "report"]

    def setUp(self):
        super().setUp()
        try:
            subprocess.run(["git", "--version"], capture_output=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            self.skipTest("git is not installed")

    def test_two_clones_through_a_bare_repository(self):
        started = time.monotonic()
        devices = [Device(self, "desk", self.tmp, "one"), Device(self, "lap", self.tmp, "two")]
        scenario = SyncScenario(self, devices)
        scenario.play(GitEngine(self, scenario, self.tmp), ROUNDS)
        print(f"\ngit: {ROUNDS} rounds (and a last one), {scenario.summary()}, merge conflicts: 0, "
              f"{time.monotonic() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
