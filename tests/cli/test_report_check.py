# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""report --check: the paths, every problem in the data dir and config as file:line:col, and nothing changed."""

import json
import os
import re
import stat
import unittest

import test_report
from tendtest import TendTestCase


def record(rid, at, mood=6, extra=""):
    return f'[[checkin]]\nid = "{rid}"\nat = {at}\nrecorded = {at}\nmood = {mood}\n{extra}\n'


# Ids start with the code of their month: "a2" is 2026-11, "a1" 2026-10.
SOUND_NOVEMBER = record("a2aaa", "2026-11-20T21:00:00+00:00") + record("a2bbb", "2026-11-21T08:00:00+00:00", 7)


class CheckCase(TendTestCase):
    tool = "report"

    def check(self, *args, **kwargs):
        return self.run_tool("--check", *args, **kwargs)

    def write_month(self, text, month="2026-11", kind="checkin"):
        super().write_month(text, month, kind)
        os.chmod(self.data_dir, 0o700)  # makedirs leaves parents to the umask; tend makes them 0700

    def check_json(self, *args, code=None, **kwargs):
        r = self.check("--json", *args, **kwargs)
        if code is not None:
            self.assertEqual(r.returncode, code, r)
        try:
            return json.loads(r.stdout)
        except ValueError as e:
            self.fail(f"report --check --json printed no JSON ({e}): {r.stdout!r}")

    def disk_state(self):
        """Bytes, modes and mtimes of everything under the temp dir (data and config)."""
        state = self.snapshot(self.tmp)
        for dirpath, dirnames, filenames in os.walk(self.tmp):
            for name in dirnames + filenames:
                full = os.path.join(dirpath, name)
                state[("mtime", os.path.relpath(full, self.tmp))] = os.lstat(full).st_mtime_ns
        return state

    def assertProblem(self, r, path, line=True, column=True, words=""):
        """Exit 65, and a line on stdout naming path (with :line and :col when asked) and words."""
        self.assertEqual(r.returncode, 65, f"stdout {r.stdout!r}, stderr {r.stderr!r}")
        position = (r":\d+" if line else "") + (r":\d+" if column else "")
        pattern = re.escape(path) + position + r": (?!warning:).*" + re.escape(words)
        self.assertRegex(r.stdout, re.compile("^" + pattern, re.M))
        self.assertRegex(r.stdout, r"\d+ problems? in \d+ files?(; .*)?; nothing was changed\n$")


class Sound(test_report.WeekCase):
    """A week written by the four tools reads as sound."""

    def test_a_data_dir_written_by_the_tools_is_sound(self):
        r = self.report("--check")
        self.assertEqual(r.returncode, 0, r)
        self.assertEqual(r.stderr, "")
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], f"Data:    {self.data_dir} (from TEND_DATA_DIR)")
        self.assertEqual(lines[1], f"Config:  {self.config_path} (from TEND_CONFIG; not there, so tend uses its defaults)")
        self.assertRegex(lines[-1], r"^\d+ files, \d+ records, no problems$")
        self.assertNotIn("warning", r.stdout)
        data = json.loads(self.report("--check", "--json").stdout)
        self.assertEqual(data["records"], 7 + 1 + 8 + 4)
        self.assertEqual({f["kind"] for f in data["files"]}, {"checkin", "breathe", "boundary", "prompt"})
        self.assertEqual(lines[-1], f"{len(data['files'])} files, {data['records']} records, no problems")

    def test_a_config_with_every_kind_of_setting_is_sound(self):
        self.write_config('[safety]\nthreshold = 8\ncrisis_line = "116 123"\n[report]\nweek_start = "sunday"\n')
        r = self.report("--check")
        self.assertEqual(r.returncode, 0, r)
        self.assertIn(f"Config:  {self.config_path} (from TEND_CONFIG)\n", r.stdout)


class Paths(CheckCase):
    def test_a_data_dir_not_there_yet_is_said_and_not_made(self):
        r = self.check()
        self.assertEqual(r.returncode, 0, r)
        self.assertIn(f"Data:    {self.data_dir} (from TEND_DATA_DIR; not there yet", r.stdout)
        self.assertTrue(r.stdout.endswith("\nNothing to check yet, and no problems\n"), r.stdout)
        self.assertFalse(os.path.lexists(self.data_dir), "--check must not create the data dir")

    def test_an_empty_data_dir_is_sound(self):
        os.mkdir(self.data_dir, 0o700)
        r = self.check()
        self.assertEqual(r.returncode, 0, r)
        self.assertNotIn("not there yet", r.stdout)
        self.assertIn("Nothing to check yet", r.stdout)
        self.assertEqual(os.listdir(self.data_dir), [])

    def test_where_each_path_came_from(self):
        xdg_data, xdg_config = os.path.join(self.tmp, "xd"), os.path.join(self.tmp, "xc")
        r = self.check(env={"XDG_DATA_HOME": xdg_data, "XDG_CONFIG_HOME": xdg_config},
                       unset=("TEND_DATA_DIR", "TEND_CONFIG"))
        self.assertIn(f"Data:    {xdg_data}/tend (from XDG_DATA_HOME;", r.stdout)
        self.assertIn(f"Config:  {xdg_config}/tend/config.toml (from XDG_CONFIG_HOME;", r.stdout)
        r = self.check(unset=("TEND_DATA_DIR", "TEND_CONFIG"))
        self.assertIn(f"Data:    {self.home}/.local/share/tend (the default;", r.stdout)
        self.assertIn(f"Config:  {self.home}/.config/tend/config.toml (the default;", r.stdout)
        elsewhere = os.path.join(self.tmp, "elsewhere")
        r = self.check("--data-dir", elsewhere)
        self.assertIn(f"Data:    {elsewhere} (from --data-dir;", r.stdout)
        self.assertEqual(r.returncode, 0)

    def test_a_data_dir_that_is_a_link_says_where_it_goes(self):
        real = os.path.join(self.tmp, "real")
        os.mkdir(real, 0o700)
        os.symlink(real, self.data_dir)
        r = self.check()
        self.assertEqual(r.returncode, 0, r)
        self.assertIn(f"(from TEND_DATA_DIR, a link to {real})", r.stdout)


class Problems(CheckCase):
    def setUp(self):
        super().setUp()
        self.write_month(SOUND_NOVEMBER)

    def test_a_syntax_error(self):
        self.write_month(SOUND_NOVEMBER + "[[checkin]\n", month="2026-10")
        self.assertProblem(self.check(), self.month_path("2026-10"))

    def test_a_value_of_the_wrong_type_or_out_of_range(self):
        self.write_month(SOUND_NOVEMBER.replace("mood = 7", 'mood = "seven"').replace("mood = 6", "mood = 60"))
        r = self.check()
        self.assertProblem(r, self.month_path() + ":11:8", line=False, column=False, words="'mood' must be")
        self.assertProblem(r, self.month_path() + ":5:8", line=False, column=False, words="outside 0 to 10")
        self.assertIn("2 problems in 1 file; nothing was changed", r.stdout)

    def test_an_unknown_key_and_a_missing_field(self):
        self.write_month(SOUND_NOVEMBER + '[[checkin]]\nid = "a2ccc"\nrecorded = 2026-11-21T08:00:00+00:00\nmod = 3\n')
        r = self.check()
        self.assertProblem(r, self.month_path(), words="unknown key 'mod'")
        self.assertProblem(r, self.month_path(), words="record has no 'at'")

    def test_a_duplicate_id_in_one_month_and_across_months(self):
        self.write_month(SOUND_NOVEMBER + record("a2aaa", "2026-11-21T09:00:00+00:00"))
        self.assertProblem(self.check(), self.month_path() + ":13:1", line=False, column=False,
                           words="id 'a2aaa' is used twice in this file; line 1 has it too")
        self.write_month(SOUND_NOVEMBER)
        self.write_month(record("a2bbb", "2026-10-02T10:00:00+00:00"), month="2026-10")
        r = self.check()
        self.assertProblem(r, self.month_path(), words=f"id 'a2bbb' is already used at {self.month_path('2026-10')}:1")

    def test_a_record_in_the_file_of_another_month(self):
        self.write_month(SOUND_NOVEMBER + record("a2ccc", "2026-10-03T10:00:00+00:00"))
        self.assertProblem(self.check(), self.month_path() + ":15:6", line=False, column=False,
                           words="'at' is in 2026-10, but this file holds 2026-11")

    def test_a_file_of_another_kind_in_a_month_file(self):
        self.write_month("[[breathe]]\nid = \"a2aaa\"\n", kind="checkin", month="2026-09")
        self.assertProblem(self.check(), self.month_path("2026-09"), words="unexpected 'breathe'")

    def test_a_month_file_replaced_by_a_link_is_refused(self):
        elsewhere = os.path.join(self.tmp, "elsewhere.toml")
        os.rename(self.month_path(), elsewhere)
        os.symlink(elsewhere, self.month_path())
        self.assertProblem(self.check(), self.month_path(), line=False, column=False,
                           words=f"is a symbolic link to {elsewhere}")

    def test_a_config_that_does_not_parse_or_holds_a_bad_value(self):
        self.write_config("[safety]\nthreshold = 11\n")
        r = self.check()
        self.assertProblem(r, self.config_path + ":2:13", line=False, column=False, words="threshold")
        self.assertEqual(r.stderr, "", "the check reports the config; it does not stop at it")
        self.write_config("[safety\n")
        self.assertProblem(self.check(), self.config_path)

    def test_a_deck_with_problems(self):
        decks = os.path.join(self.data_dir, "decks")
        os.mkdir(decks, 0o700)
        with open(os.path.join(decks, "ours.txt"), "w") as f:
            f.write("What made you laugh today?\n%\n%\nWhat do you need from me this week?\n")
        self.assertProblem(self.check(), os.path.join(decks, "ours.txt"), column=False, words="empty prompt")

    def test_every_problem_is_listed_and_nothing_changes_on_disk(self):
        self.write_month(SOUND_NOVEMBER + "[[checkin]\n", month="2026-10")
        self.write_month(record("a0aaa", "2026-09-10T10:00:00+00:00", 70), month="2026-09")
        self.write_config("[report]\nweek_start = 3\n")
        os.chmod(self.month_path(), 0o644)
        with open(os.path.join(self.kind_dir("checkin"), ".2026-11.toml.tmp.aB3dEf"), "w") as f:
            f.write("half a rewrite")
        before = self.disk_state()
        r = self.check()
        self.assertEqual(r.returncode, 65, r)
        self.assertTrue(r.stdout.endswith("\n3 problems in 3 files; 2 warnings to look at; nothing was changed\n"),
                        r.stdout)
        r_json = self.check("--json")
        self.assertEqual(r_json.returncode, 65)
        self.assertEqual(self.disk_state(), before, "--check changed something on disk")

    def test_text_typed_into_a_file_is_neutralised(self):
        self.write_month(SOUND_NOVEMBER + record("a2ccc", "2026-11-21T09:00:00+00:00",
                                                 extra='"\\u001b]0;owned\\u0007\\u202e" = 1\n'))
        with open(os.path.join(self.kind_dir("checkin"), "\x1b[31mred.toml"), "w") as f:
            f.write("")
        r = self.check()
        self.assertProblem(r, self.month_path(), words="unknown key")
        self.assertIn("\\x1b", r.stdout)
        self.assertNoEscapes(r.stdout)


class Warnings(CheckCase):
    def test_permissions_are_warnings_with_the_chmod_that_fixes_them(self):
        self.write_month(SOUND_NOVEMBER)
        os.chmod(self.month_path(), 0o644)
        os.chmod(self.data_dir, 0o755)
        r = self.check()
        self.assertEqual(r.returncode, 0, r)
        self.assertIn(f"{self.month_path()}: warning: has mode 0644, so others on this machine can read it; "
                      f"tend keeps files 0600, for you alone; to fix it: chmod 600 '{self.month_path()}'\n", r.stdout)
        self.assertIn(f"{self.data_dir}: warning: has mode 0755", r.stdout)
        self.assertIn(f"chmod 700 '{self.data_dir}'", r.stdout)
        self.assertTrue(r.stdout.endswith("\n1 file, 2 records, no problems; 2 warnings to look at\n"), r.stdout)
        self.assertEqual(stat.S_IMODE(os.stat(self.month_path()).st_mode), 0o644, "told, never changed")

    def test_a_config_or_deck_others_can_read_is_a_warning(self):
        self.write_config('[safety]\ncontacts = ["Sam 555 0100"]\n')
        os.chmod(self.config_path, 0o644)
        decks = os.path.join(self.data_dir, "decks")
        os.makedirs(decks, 0o700)
        os.chmod(self.data_dir, 0o700)
        deck = os.path.join(decks, "ours.txt")
        with open(deck, "w") as f:
            f.write("What made you laugh today?\n")
        os.chmod(deck, 0o640)
        r = self.check()
        self.assertEqual(r.returncode, 0, r)
        self.assertIn(f"{self.config_path}: warning: has mode 0644, so others on this machine can read it (it may "
                      f"hold your safety contacts and their numbers); to keep it yours alone: chmod go-rwx "
                      f"'{self.config_path}'\n", r.stdout)
        self.assertIn(f"{deck}: warning: has mode 0640, so others on this machine can read it (your own prompts)",
                      r.stdout)
        self.assertEqual((self.mode(self.config_path), self.mode(deck)), (0o644, 0o640), "told, never changed")
        os.chmod(self.config_path, 0o600)
        os.chmod(deck, 0o400)
        self.assertNotIn("warning", self.check().stdout)

    def test_a_stray_temp_file_and_an_unknown_config_key(self):
        self.write_month(SOUND_NOVEMBER)
        temp = os.path.join(self.kind_dir("checkin"), ".2026-11.toml.tmp.aB3dEf")
        with open(temp, "w") as f:
            f.write("half")
        os.chmod(temp, 0o600)
        self.write_config("[safety]\nthreshhold = 8\n")
        r = self.check()
        self.assertEqual(r.returncode, 0, r)
        self.assertIn(f"{temp}: warning: a temp file left by a rewrite that was stopped", r.stdout)
        self.assertIn(f"rm '{temp}'", r.stdout)
        self.assertRegex(r.stdout, re.escape(self.config_path) + r":2:\d+: warning: unknown key 'threshhold' in "
                                   r"\[safety\], ignored\n")
        self.assertTrue(os.path.exists(temp))


class Json(CheckCase):
    def test_the_json_shape(self):
        self.write_month(SOUND_NOVEMBER.replace("mood = 7", "mood = 70"))
        data = self.check_json(code=65)
        self.assertEqual(list(data), ["schema", "data_dir", "config", "device", "files", "records", "problems", "warnings",
                                      "sound"])
        self.assertEqual(data["schema"], "tend.check/1")
        self.assertEqual(data["data_dir"], {"path": self.data_dir, "from": "TEND_DATA_DIR", "exists": True,
                                            "link_to": None})
        self.assertEqual(data["config"], {"path": self.config_path, "from": "TEND_CONFIG", "exists": False})
        self.assertEqual(data["files"], [{"path": self.month_path(), "kind": "checkin", "records": 2}])
        self.assertEqual(data["records"], 2)
        self.assertEqual(data["problems"], [{"file": self.month_path(), "line": 11, "column": 8,
                                             "message": "'mood' is 70, outside 0 to 10"}])
        self.assertEqual(data["warnings"], [])
        self.assertIs(data["sound"], False)

    def test_a_sound_empty_dir_in_json(self):
        data = self.check_json(code=0)
        self.assertEqual((data["data_dir"]["exists"], data["files"], data["problems"], data["sound"]),
                         (False, [], [], True))


class Usage(CheckCase):
    def test_period_and_output_options_are_refused_by_name(self):
        for args, names in ((("--week", "last"), "--week"), (("--format", "csv"), "--format"),
                            (("--month", "this", "-o", "x.md"), "--month, -o"), (("--no-notes",), "--no-notes"),
                            (("--quiet-if-empty", "--week-start", "sun"), "--week-start, --quiet-if-empty")):
            with self.subTest(args=args):
                r = self.check(*args)
                self.assertUsageError(r)
                self.assertIn(f"report: error: --check: looks at all your files and prints its own list, so it does "
                              f"not take {names}; leave", r.stderr)
                self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.md")))

    def test_check_in_help(self):
        r = self.ok("--help")
        self.assertIn("--check", r.stdout)


if __name__ == "__main__":
    unittest.main()
