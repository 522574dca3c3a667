# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""checkin on a terminal: the questions, skipping with Enter, cancelling with Ctrl-D."""

import os
import unittest

from tendtest import TendTestCase

QUESTION = "[Enter skips]: "


class Questions(TendTestCase):
    def answer(self, run, *answers):
        """Answers each question in turn, waiting for it first."""
        for answer in answers:
            run.expect(QUESTION)
            run.send(answer + "\n")

    def test_answers_become_a_checkin(self):
        run = self.pty()
        run.expect("Mood")
        self.answer(run, "5", "", "", "", "")
        run.expect("Feelings")
        self.answer(run, "tired")
        run.expect("Tags")
        self.answer(run, "")
        run.expect("note")
        self.answer(run, "ok")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        self.assertIn("Saved check-in", text)
        [rec] = self.list_json()
        self.assertEqual(rec["mood"], 5)
        self.assertEqual(rec["feelings"], ["tired"])
        self.assertEqual(rec["note"], "ok")
        for skipped in ("energy", "anxiety", "closeness", "safety", "tags"):
            self.assertIsNone(rec[skipped])
        self.assertEqual(rec["at"], "2026-11-21T19:10:00+00:00")

    def test_every_question_answered(self):
        run = self.pty()
        self.answer(run, "3", "4", "6", "7", "8", "calm, Tired", "work,home", "a long day")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        [rec] = self.list_json()
        self.assertEqual((rec["mood"], rec["energy"], rec["anxiety"], rec["closeness"], rec["safety"]),
                         (3, 4, 6, 7, 8))
        self.assertEqual(rec["feelings"], ["calm", "tired"])
        self.assertEqual(rec["tags"], ["work", "home"])
        self.assertEqual(rec["note"], "a long day")

    def test_enter_on_everything_saves_nothing(self):
        run = self.pty()
        self.answer(run, "", "", "", "", "", "", "", "")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        self.assertNotIn("Saved", text)
        self.assertFalse(os.path.exists(self.month_path()), "nothing may be saved")

    def test_ctrl_d_at_the_first_question_cancels(self):
        run = self.pty()
        run.expect(QUESTION)
        run.send("\x04")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        self.assertNotIn("Saved", text)
        self.assertFalse(os.path.exists(self.month_path()))

    def test_ctrl_d_midway_cancels_everything(self):
        run = self.pty()
        self.answer(run, "5", "6")
        run.expect(QUESTION)
        run.send("\x04")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        self.assertNotIn("Saved", text)
        self.assertFalse(os.path.exists(self.month_path()), "a cancelled check-in saves no part of itself")

    def test_ctrl_d_at_the_note_cancels(self):
        run = self.pty()
        self.answer(run, "5", "", "", "", "", "tired", "work")
        run.expect("note")
        run.expect(QUESTION)
        run.send("\x04")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        self.assertFalse(os.path.exists(self.month_path()))

    def test_bad_number_is_asked_again(self):
        run = self.pty()
        run.expect("Mood")
        self.answer(run, "12")
        run.expect("0 to 10")
        run.expect("Mood")
        self.answer(run, "seven")
        run.expect("Mood")
        self.answer(run, "7", "", "", "", "", "", "", "")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        [rec] = self.list_json()
        self.assertEqual(rec["mood"], 7)

    def test_feelings_help_and_unknown_word(self):
        run = self.pty()
        self.answer(run, "", "", "", "", "")
        run.expect("Feelings")
        self.answer(run, "?")
        run.expect("tired")  # the vocabulary is listed
        run.expect("Feelings")
        self.answer(run, "tierd")
        run.expect("keep it as your own? [Y/n] ")
        run.send("n\n")
        self.answer(run, "tired,wobbly")
        run.expect("'wobbly' is not among tend's words; keep it as your own? [Y/n] ")
        run.send("\n")
        self.answer(run, "", "")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        [rec] = self.list_json()
        self.assertEqual(rec["feelings"], ["tired", "wobbly"])

    def test_questions_go_to_stderr(self):
        run = self.pty(stdout_tty=False)
        self.answer(run, "5", "", "", "", "", "", "", "")
        rc, text, files = run.finish()
        self.assertEqual(rc, 0, text)
        self.assertEqual(files["stdout"], "", "questions and notes never go to stdout")
        self.assertIn("Mood", text)

    def test_at_with_questions(self):
        run = self.pty("--at", "yesterday 21:00")
        self.answer(run, "4", "", "", "", "", "", "", "")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        [rec] = self.list_json()
        self.assertEqual(rec["at"], "2026-11-20T21:00:00+00:00")

    def test_values_given_means_no_questions(self):
        run = self.pty("6")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        self.assertNotIn(QUESTION, text)
        self.assertEqual(self.list_json()[0]["mood"], 6)

    def test_grounding_after_a_hard_answer(self):
        self.write_config('[safety]\ncrisis_line = "My Line 0800"\n')
        run = self.pty()
        self.answer(run, "1", "", "", "", "", "", "", "")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        self.assertIn("breathe", text)
        self.assertIn("My Line 0800", text)

    def test_first_run_says_where_data_lives(self):
        run = self.pty("6")
        rc, text, _ = run.finish()
        self.assertEqual(rc, 0, text)
        self.assertIn(self.data_dir, text.replace("\r\n", "\n").replace("\n", ""))


if __name__ == "__main__":
    unittest.main()
