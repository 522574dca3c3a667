# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""breathe on a real terminal (tmux): the animated line, space to pause and resume, q to quit,
and the cursor shown again afterwards; the session is logged as interrupted."""

import os
import re
import shutil
import subprocess
import time
import unittest

from tendtest import TendTestCase, tool_path

TMUX = shutil.which("tmux")


@unittest.skipUnless(TMUX, "tmux is not installed (apt-get install tmux); the real-terminal test needs it")
class RealTerminal(TendTestCase):
    tool = "breathe"

    def setUp(self):
        super().setUp()
        self.socket = os.path.join(self.tmp, "tmux.sock")
        self.output = os.path.join(self.tmp, "pane.out")
        self.done = os.path.join(self.tmp, "done")
        self.addCleanup(self.tmux_quietly, "kill-server")

    def tmux(self, *args):
        r = subprocess.run([TMUX, "-S", self.socket, *args], capture_output=True, text=True, timeout=10)
        if r.returncode != 0:
            self.fail(f"tmux {' '.join(args)} failed: {r.stderr}")
        return r.stdout

    def tmux_quietly(self, *args):
        subprocess.run([TMUX, "-S", self.socket, *args], capture_output=True, timeout=10)

    def pane(self):
        return self.tmux("capture-pane", "-p", "-t", "breathe")

    def wait_for(self, predicate, what, timeout=5.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.pane()
            if predicate(text):
                return text
            time.sleep(0.05)
        self.fail(f"never saw {what} in the pane:\n{self.pane()}")

    def start(self, *args):
        """Runs breathe in a tmux pane whose output is also piped to a file; the terminal's
        settings (stty -g) are saved before and after it."""
        env = " ".join(f"{k}={v!r}" for k, v in self.env().items())
        stty = lambda name: f"stty -g > {os.path.join(self.tmp, name)}"
        go = os.path.join(self.tmp, "go")
        command = (f"while [ ! -e {go} ]; do sleep 0.05; done; "
                   f"{stty('stty.before')}; env -i {env} TERM=xterm-256color {tool_path('breathe')} "
                   f"{' '.join(args)}; echo \"exit=$?\" > {self.done}; {stty('stty.after')}; sleep 60")
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "breathe", "-x", "80", "-y", "12", command)
        # Everything the program writes to the terminal, escapes and all, from before it starts.
        self.tmux("pipe-pane", "-t", "breathe", "-o", f"cat >> {self.output}")
        time.sleep(0.1)
        open(go, "w").close()

    def wait_until_done(self):
        deadline = time.monotonic() + 5
        while not os.path.exists(os.path.join(self.tmp, "stty.after")) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(os.path.exists(self.done), f"breathe did not stop:\n{self.pane()}")
        time.sleep(0.2)  # let pipe-pane catch up
        with open(self.done) as f:
            status = f.read().strip()
        with open(self.output, "rb") as f:
            raw = f.read()
        return status, raw

    def assert_terminal_restored(self, raw):
        visibility = re.findall(rb"\x1b\[\?25[hl]", raw)
        self.assertTrue(visibility, "the cursor should be hidden during the session")
        self.assertEqual(visibility[0], b"\x1b[?25l")
        self.assertEqual(visibility[-1], b"\x1b[?25h", "the last cursor escape must show it again")
        with open(os.path.join(self.tmp, "stty.before")) as before, open(os.path.join(self.tmp, "stty.after")) as after:
            self.assertEqual(before.read(), after.read(), "the terminal's mode must be as it was")

    def test_animated_line_pause_resume_quit_and_cursor_back(self):
        self.start("--pattern", "0.6-0-0.6-0", "--cycles", "50", "--no-settle")

        line = self.wait_for(lambda t: re.search(r"(inhale|exhale)\s+\d+s\s+▕[█░]+▏", t), "the animated line")
        self.assertRegex(line, r"(inhale|exhale)\s+\d+s")
        self.wait_for(lambda t: "exhale" in t, "the exhale")
        # The bar moves: two captures a moment apart differ.
        first = self.pane()
        time.sleep(0.25)
        self.assertNotEqual(first, self.pane(), "the line should be redrawn in place as time passes")

        self.tmux("send-keys", "-t", "breathe", "Space")
        paused = self.wait_for(lambda t: "paused" in t, "the paused line")
        self.assertIn("space to go on", paused)
        time.sleep(0.8)
        self.assertIn("paused", self.pane(), "a pause lasts until space is pressed again")

        self.tmux("send-keys", "-t", "breathe", "Space")
        self.wait_for(lambda t: "paused" not in t and "inhale" in t, "breathing again from the inhale")

        self.tmux("send-keys", "-t", "breathe", "q")
        status, raw = self.wait_until_done()
        self.assertEqual(status, "exit=0")
        self.assertIn("Stopped", self.pane())
        self.assert_terminal_restored(raw)
        self.assertIn(b"\r\x1b[2K", raw, "the line is redrawn in place")

        [record] = self.month_records(kind="breathe")
        self.assertTrue(record["interrupted"])
        self.assertEqual(record["planned_cycles"], 50)

    def test_ctrl_c_restores_the_terminal_and_logs_an_interrupted_session(self):
        self.start("--pattern", "0.5-0.5", "--cycles", "50", "--no-settle")
        self.wait_for(lambda t: "exhale" in t, "the exhale")
        self.tmux("send-keys", "-t", "breathe", "C-c")
        status, raw = self.wait_until_done()
        self.assertEqual(status, "exit=0", "Ctrl-C ends a session; it is not an error")
        self.assert_terminal_restored(raw)
        [record] = self.month_records(kind="breathe")
        self.assertTrue(record["interrupted"])
        self.assertLess(record["cycles"], 50)

    def test_exercise_steps_pause_move_on_and_stop(self):
        self.write_config('[breathe.exercises.short]\nsteps = ["Look for five things you can see.", '
                          '"Now four you can touch.", "Three you can hear."]\nseconds = 30\n')
        self.start("--exercise", "short", "--no-settle", "--rate", "--before", "6")
        self.wait_for(lambda t: "Look for five things" in t and "step 1 of 3" in t, "the first step")
        self.tmux("send-keys", "-t", "breathe", "Space")
        paused = self.wait_for(lambda t: "paused" in t, "the paused line")
        self.assertIn("this step starts again", paused)
        time.sleep(0.6)
        self.assertIn("paused", self.pane(), "a pause lasts until space is pressed again")
        self.tmux("send-keys", "-t", "breathe", "Space")
        self.wait_for(lambda t: "paused" not in t and "step 1 of 3" in t, "the same step again")
        self.tmux("send-keys", "-t", "breathe", "n")
        self.wait_for(lambda t: "Now four you can touch." in t and "step 2 of 3" in t, "the next step after n")
        self.tmux("send-keys", "-t", "breathe", "q")
        self.wait_for(lambda t: "How distressed do you feel now" in t, "the question afterwards")
        self.tmux("send-keys", "-t", "breathe", "3", "Enter")
        status, raw = self.wait_until_done()
        self.assertEqual(status, "exit=0")
        self.assertIn("Stopped after 1 of 3 steps", self.pane())
        self.assert_terminal_restored(raw)
        [record] = self.month_records(kind="breathe")
        self.assertEqual((record["exercise"], record["cycles"], record["planned_cycles"]), ("short", 1, 3))
        self.assertTrue(record["interrupted"])
        self.assertEqual((record["before"], record["after"]), (6, 3))


if __name__ == "__main__":
    unittest.main()
