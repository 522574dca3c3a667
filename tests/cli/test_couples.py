# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two partners, two private data dirs and one couple's folder synced by real git (a bare repository on
disk, nothing on the network): the shared prompt of the day whatever each one filters, answers shared,
revealed only after answering or skipping, withdrawn and purged, and report --couple with nothing private."""

import copy
import datetime
import glob
import json
import os
import subprocess

import json_schema
from tendtest import BUILD_DIR, TendTestCase, SetupError

SEED = "our-words"
TOOLS = ["prompt", "checkin", "report", "boundary-log", "breathe"]


class Partner:
    def __init__(self, case, name, device, config):
        self.case, self.name, self.device = case, name, device
        self.root = os.path.join(case.tmp, name.lower())
        self.data = os.path.join(self.root, "data")
        self.folder = os.path.join(self.root, "together")
        self.config_path = os.path.join(self.root, "config.toml")
        os.makedirs(self.root, mode=0o700)
        self.config(config)

    def config(self, text):
        with open(self.config_path, "w") as f:
            f.write(f'[prompt]\nseed = "{SEED}"\n{text}\n[couple]\ndir = "{self.folder}"\nname = "{self.name}"\n')

    def run(self, tool, *args, now=None, input=None):
        env = {"TEND_DATA_DIR": self.data, "TEND_CONFIG": self.config_path, "TEND_DEVICE": self.device}
        if now:
            env["TEND_NOW"] = now
        return self.case.run_tool(*args, tool=tool, env=env, input=input)

    def ok(self, tool, *args, **kwargs):
        r = self.run(tool, *args, **kwargs)
        self.case.assertEqual(r.returncode, 0, f"{self.name}: {tool} {args!r}: {r.stderr}")
        return r

    def json(self, tool, *args, **kwargs):
        return json.loads(self.ok(tool, *args, **kwargs).stdout)

    def git(self, *args, check=True):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.case.tmp, "GIT_CONFIG_NOSYSTEM": "1",
               "GIT_CONFIG_GLOBAL": os.devnull, "LANG": "C"}
        r = subprocess.run(["git", "-c", f"user.name={self.name}", "-c", f"user.email={self.name.lower()}@example.org",
                            "-c", "init.defaultBranch=main", "-c", "pull.rebase=false", *args], cwd=self.folder,
                           env=env, capture_output=True, text=True, timeout=30)
        if check:
            self.case.assertEqual(r.returncode, 0, f"{self.name}: git {args!r}: {r.stdout}{r.stderr}")
        return r

    def sync(self):
        """Commit what this partner wrote, merge the other's (never a rebase), push."""
        self.git("add", "-A")
        if self.git("diff", "--cached", "--quiet", check=False).returncode != 0:
            self.git("commit", "-q", "-m", f"{self.name} shares")
        if self.git("ls-remote", "--heads", "origin", "main").stdout.strip():
            pull = self.git("pull", "-q", "--no-rebase", "origin", "main", check=False)
            self.case.assertEqual(pull.returncode, 0, f"{self.name}: a merge conflict: {pull.stdout}{pull.stderr}")
        self.git("push", "-q", "origin", "HEAD:main")

    def files_text(self):
        """Every byte in the folder's working tree (not git's own history), as text."""
        text = ""
        for dirpath, dirnames, filenames in os.walk(self.folder):
            dirnames[:] = [d for d in dirnames if d != ".git"]
            for name in filenames:
                with open(os.path.join(dirpath, name), "rb") as f:
                    text += f.read().decode("utf-8", "replace")
        return text


class CoupleCase(TendTestCase):
    tool = "prompt"

    def required_tools(self):
        return TOOLS

    def setUp(self):
        super().setUp()
        self.bare = os.path.join(self.tmp, "couple.git")
        r = subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q", "--bare", self.bare],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise SetupError(f"git init --bare failed: {r.stderr}")

    def partners(self, alex_config="", sam_config=""):
        alex = Partner(self, "Alex", "alex-laptop", alex_config)
        sam = Partner(self, "Sam", "sam-desk", sam_config)
        for p in (alex, sam):
            r = subprocess.run(["git", "clone", "-q", "-b", "main", self.bare, p.folder] if p is sam else
                               ["git", "clone", "-q", self.bare, p.folder], capture_output=True, text=True,
                               env={"PATH": os.environ.get("PATH", ""), "HOME": self.tmp, "GIT_CONFIG_GLOBAL": os.devnull})
            if r.returncode != 0:
                raise SetupError(f"git clone failed: {r.stderr}")
            if p is alex:  # one of them starts the folder's history; the other clones it
                p.git("checkout", "-q", "-b", "main")
                p.git("commit", "-q", "--allow-empty", "-m", "Our folder")
                p.git("push", "-q", "origin", "main")
        return alex, sam

    def another_device(self, partner, device):
        """Another of the partner's devices, on the same (synced) data directory and folder."""
        other = copy.copy(partner)
        other.device = device
        return other

    def assertSchema(self, value, schema):
        schemas = json_schema.load_pages(sorted(glob.glob(os.path.join(BUILD_DIR, "docs", "man", "*.[157]"))))
        self.assertEqual(json_schema.errors(value, json_schema.parse(schema), schemas), [], schema)

    def assertNoConflicts(self, *partners):
        for p in partners:
            self.assertNotIn("<<<<<<<", p.files_text())
            self.assertEqual(p.git("ls-files", "--unmerged").stdout, "")
            tracked = p.git("ls-files").stdout.split()
            self.assertEqual([f for f in tracked if f.endswith((".lock", ".last")) or "/.staging/" in f], [],
                             "per-device state never travels")


class SharedPromptOfTheDay(CoupleCase):
    def test_a_month_of_mixed_filters_and_decks_keeps_the_prompt_and_check_code_in_step(self):
        alex, sam = self.partners('exclude = ["conflict", "family"]\ndepth = 1',
                                  'depth = 3\nwith = "either"')
        for p, deck in ((alex, "alex-own.txt"), (sam, "sam-own.txt")):
            os.makedirs(os.path.join(p.data, "decks"), mode=0o700)
            with open(os.path.join(p.data, "decks", deck), "w") as f:
                f.write(f"A question only {p.name} has?\n%\nAnother of {p.name}'s own?\n")
        # A deck the couple shares, placed in the folder by one of them: out of step until synced.
        os.makedirs(os.path.join(alex.folder, "decks"))
        with open(os.path.join(alex.folder, "decks", "ours.toml"), "w") as f:
            f.write('[deck]\nname = "ours"\n\n[[prompt]]\nid = "ours-1"\ntext = "Where shall we walk on Sunday?"\n'
                    'with = "together"\ndepth = 1\n\n[[prompt]]\nid = "ours-2"\n'
                    'text = "Which song is ours this month?"\nwith = "together"\ndepth = 1\n')
        day1 = "2026-12-01T20:00:00+00:00"
        before = alex.json("prompt", "today", "--json", now=day1), sam.json("prompt", "today", "--json", now=day1)
        self.assertNotEqual(before[0]["check_code"], before[1]["check_code"], "different shared decks show at once")
        alex.sync()
        sam.sync()
        a_options = [[], ["--exclude", "body"], ["--depth", "1", "--solo"], ["--deck", "alex-own"]]
        s_options = [["--together"], ["--deck", "sam-own,play"], ["--depth", "3"]]
        held = {"Alex": 0, "Sam": 0}
        days = []
        start = datetime.date(2026, 12, 1)
        for n in range(31):
            now = f"{start + datetime.timedelta(days=n)}T20:00:00+00:00"
            a = alex.json("prompt", "today", "--json", *a_options[n % len(a_options)], now=now)
            s = sam.json("prompt", "today", "--json", *s_options[n % len(s_options)], now=now)
            self.assertEqual((a["shared_id"], a["check_code"]), (s["shared_id"], s["check_code"]), now)
            days.append((a["date"], a["shared_id"], a["check_code"]))
            self.assertFalse(a["shared_id"].startswith(("alex-own", "sam-own")))
            for p, got in (("Alex", a), ("Sam", s)):
                held[p] += got["held_back"]
                if got["held_back"]:
                    self.assertNotEqual(got["prompt_id"], got["shared_id"])
        self.assertGreater(held["Alex"], 10, "Alex's own choices held some back")
        self.assertGreater(held["Sam"], 3, "and Sam's")
        # Held back in words too: the notice and the check code, never the shared prompt's text.
        shared = sam.json("prompt", "today", "--json", now=day1)
        text = alex.ok("prompt", "today", "--deck", "alex-own", now=day1).stdout
        self.assertIn("Today's shared prompt is one you chose to skip", text)
        self.assertIn(f"check {shared['check_code']}", text)
        self.assertNotIn(shared["text"], text)

        # report --couple gives every day's shared prompt and check code, as both prompt todays did; a day
        # Alex's own config holds back keeps its words out of Alex's report, and Sam's shows them.
        end = "2026-12-31T22:00:00+00:00"
        got = {p.name: p.json("report", "--couple", "--json", "--month", "2026-12", now=end) for p in (alex, sam)}
        for name, report in got.items():
            self.assertEqual([(d["date"], d["prompt_id"], d["check_code"]) for d in report["days"]], days, name)
            self.assertSchema(report, "report.couple")
        self.assertFalse(any(d["held_back"] for d in got["Sam"]["days"]), "depth 3, either: Sam skips none")
        held_back = [(a, s) for a, s in zip(got["Alex"]["days"], got["Sam"]["days"]) if a["held_back"]]
        self.assertGreater(len(held_back), 5)
        alex_text = alex.ok("report", "--couple", "--month", "2026-12", now=end).stdout
        for a, s in held_back:
            self.assertIsNone(a["prompt_text"])
            self.assertNotIn(s["prompt_text"], alex_text)
            self.assertIn(f"{a['prompt_id']} \u00b7 check {a['check_code']}", alex_text)
        self.assertNoConflicts(alex, sam)


class PassingOn(CoupleCase):
    def test_a_held_back_prompt_is_passed_on_by_choice_and_the_partner_sees_it_never_why(self):
        alex, sam = self.partners('exclude = ["conflict", "family", "body", "childhood", "trauma"]\ndepth = 1')
        day, later = "2026-12-01T20:00:00+00:00", "2026-12-01T21:00:00+00:00"
        today = alex.json("prompt", "today", "--json", now=day)
        self.assertTrue(today["held_back"], "Alex's exclusions hold back 1 December's shared prompt")
        self.assertEqual((today["passed_by"], today["you_passed"]), ([], False))
        shared_text = sam.json("prompt", "today", "--json", now=day)["text"]
        text = alex.ok("prompt", "today", now=day).stdout
        self.assertIn("'prompt pass' lets your partner know", text)

        # Nothing is said unless Alex chooses to: Sam sees no pass before it.
        alex.sync()
        sam.sync()
        self.assertNotIn("passing on", sam.ok("prompt", "today", now=day).stdout)

        r = alex.ok("prompt", "pass", now=day)
        self.assertIn("Your partner will see that you did, never why", r.stderr)
        self.assertNotIn(today["shared_id"], r.stderr + r.stdout, "the held-back prompt is not named")
        skip_id = json.loads(alex.ok("prompt", "history", "--json", "--event", "skipped").stdout)[-1]["id"]
        self.assertIn(f"'prompt unshare {skip_id}'", r.stderr)
        self.assertIn("already", alex.ok("prompt", "pass", now=later).stderr)
        self.assertEqual(len(json.loads(alex.ok("prompt", "history", "--json", "--event", "skipped").stdout)), 1,
                         "passing twice changes nothing")
        self.assertIn("You let your partner know", alex.ok("prompt", "today", now=later).stdout)
        self.assertTrue(alex.json("prompt", "today", "--json", now=later)["you_passed"])
        # The copy says who, when and which prompt; never why, never the prompt's words or Alex's notes.
        for word in ("conflict", "exclude", "trauma", shared_text):
            self.assertNotIn(word, alex.files_text())
        alex.sync()
        sam.sync()

        got = sam.json("prompt", "today", "--json", now=later)
        self.assertSchema(got, "prompt.today")
        self.assertEqual((got["passed_by"], got["you_passed"], got["held_back"]), (["Alex"], False, False))
        self.assertIn("Alex is passing on today's shared prompt.", sam.ok("prompt", "today", now=later).stdout)
        self.assertNotIn("passing on", sam.ok("prompt", "today", now="2026-12-02T20:00:00+00:00").stdout,
                         "a pass is for its own day")
        for p in (alex, sam):
            report = p.json("report", "--couple", "--json", now=later)
            self.assertSchema(report, "report.couple")
            passes = {d["date"]: [(x["by"], x["yours"]) for x in d["passes"]] for d in report["days"]}
            self.assertEqual(passes["2026-12-01"], [("Alex", p is alex)], p.name)
            self.assertEqual(passes["2026-11-30"], [])
            said = "You passed on this one." if p is alex else "Alex passed on this one."
            row = f',pass,"Alex",{int(p is alex)},"{today["shared_id"]}"'
            for fmt, words in (("text", said), ("markdown", said), ("html", said), ("csv", row)):
                out = p.ok("report", "--couple", "--format", fmt, now=later).stdout
                self.assertIn(words, out, (p.name, fmt))
                for word in ("exclude", "trauma"):
                    self.assertNotIn(word, out)

        # Taken back: gone from Alex's file at once, and from Sam's views at the next sync.
        r = alex.ok("prompt", "unshare", skip_id, now=later)
        self.assertIn("Took back your pass on the shared prompt of 2026-12-01", r.stderr)
        self.assertNotIn(today["shared_id"], alex.files_text())
        alex.sync()
        sam.sync()
        self.assertEqual(sam.json("prompt", "today", "--json", now=later)["passed_by"], [])
        self.assertNotIn(today["shared_id"], sam.files_text())
        self.assertEqual([d["passes"] for d in sam.json("report", "--couple", "--json", now=later)["days"]], [[], []])
        self.assertIn("not shared", alex.ok("prompt", "unshare", skip_id, now=later).stderr)
        self.assertNoConflicts(alex, sam)

    def test_passing_needs_a_seed_and_a_couples_folder_and_writes_nothing_without_them(self):
        self.write_config('[prompt]\nseed = "our-words"\n')
        r = self.run_tool("pass")
        self.assertUsageError(r)
        self.assertIn("[couple] dir", r.stderr)
        folder = os.path.join(self.tmp, "together")
        os.makedirs(folder)
        self.write_config(f'[couple]\ndir = "{folder}"\n')
        r = self.run_tool("pass")
        self.assertUsageError(r)
        self.assertIn("[prompt] seed", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.data_dir, "devices")), "no history written")
        self.assertEqual(os.listdir(folder), [], "nothing in the folder")
        r = self.run_tool("unshare", "a1b2c3")
        self.assertUsageError(r)
        self.assertIn("no such answer or pass", r.stderr)


class SharedAnswers(CoupleCase):
    def test_shared_answers_show_only_after_answering_or_skipping_and_go_when_withdrawn(self):
        alex, sam = self.partners()
        day = "2026-12-03T20:00:00+00:00"
        later = "2026-12-03T21:00:00+00:00"
        shared_id = alex.json("prompt", "today", "--json", now=day)["shared_id"]
        r = alex.ok("prompt", "answer", "--text", "kestrel words of Alex", "--share", now=day)
        self.assertIn("Shared it with your partner", r.stderr)
        alex_answer = json.loads(alex.ok("prompt", "history", "--json", "--event", "answered").stdout)[-1]["id"]
        alex.sync()
        sam.sync()

        # Sam has not answered: Alex's words are waiting, in every view.
        sam.ok("prompt", "today", now=day)
        got = sam.json("prompt", "shared", "--json", now=day)
        self.assertEqual([(g["by"], g["revealed"], g["text"]) for g in got], [("Alex", False, None)])
        self.assertSchema(got, "prompt.shared")
        self.assertSchema(sam.json("report", "--couple", "--json", now=day), "report.couple")
        for fmt in ("text", "markdown", "json", "html", "csv"):
            out = sam.ok("report", "--couple", "--format", fmt, now=day).stdout
            self.assertNotIn("kestrel", out, fmt)
            self.assertIn(shared_id, out, fmt)
        self.assertNotIn("kestrel", sam.ok("prompt", "shared", now=day).stdout)

        # Sam answers (without sharing): now Alex's shows for Sam, and Sam's stays Sam's.
        r = sam.ok("prompt", "answer", "--text", "heron words of Sam", now=later)
        self.assertIn(f"Alex shared an answer to this prompt too; 'prompt shared {shared_id}'", r.stderr)
        got = sam.json("prompt", "shared", shared_id, "--json", now=later)
        self.assertEqual([(g["by"], g["revealed"], g["text"]) for g in got], [("Alex", True, "kestrel words of Alex")])
        self.assertSchema(got, "prompt.shared")
        self.assertIn("kestrel words of Alex", sam.ok("report", "--couple", now=later).stdout)
        sam.sync()
        self.assertNotIn("heron", alex.files_text() + sam.files_text(), "an answer not shared stays home")

        # Sam shares another answer; Alex skips that prompt and may then see it.
        sam.ok("prompt", "answer", "gentle-003", "--text", "wren words of Sam", "--share", now=later)
        sam.sync()
        alex.sync()
        self.assertEqual([g["revealed"] for g in alex.json("prompt", "shared", "gentle-003", "--json", now=later)],
                         [False])
        alex.ok("prompt", "skip", "gentle-003", now=later)
        self.assertEqual([g["text"] for g in alex.json("prompt", "shared", "gentle-003", "--json", now=later)],
                         ["wren words of Sam"])

        # Withdrawn: gone from Alex's file at once, from Sam's copy at the next sync, and from every view.
        r = alex.ok("prompt", "unshare", alex_answer, now=later)
        self.assertIn("Took back your answer", r.stderr)
        self.assertNotIn("kestrel", alex.files_text())
        alex.sync()
        sam.sync()
        self.assertNotIn("kestrel", sam.files_text())
        self.assertEqual([g["by"] for g in sam.json("prompt", "shared", "--json", now=later)], ["Sam"])
        self.assertNotIn("kestrel", sam.ok("report", "--couple", "--format", "json", now=later).stdout)
        self.assertIn("kestrel words of Alex", alex.ok("prompt", "history", now=later).stdout, "Alex keeps their own")

        # Deleting a shared answer, or a shared check-in, takes its copy with it.
        sam_wren = [g for g in json.loads(sam.ok("prompt", "history", "--json", "--event", "answered").stdout)
                    if g["text"].startswith("wren")][0]["id"]
        r = sam.ok("prompt", "delete", sam_wren, now=later)
        self.assertIn("shared copy is gone", r.stderr)
        sam.ok("checkin", "7", "--share", now=later)
        self.assertIn("mood = 7", sam.files_text())
        checkin_id = json.loads(sam.ok("checkin", "list", "--json").stdout)[-1]["id"]
        sam.ok("checkin", "delete", checkin_id, now=later)
        self.assertNotIn("mood = 7", sam.files_text())
        sam.sync()
        alex.sync()
        self.assertNotIn("wren", alex.files_text())
        self.assertEqual(alex.json("prompt", "shared", "--json", now=later), [])
        self.assertNoConflicts(alex, sam)

    def test_a_share_is_taken_back_from_any_of_the_same_persons_devices(self):
        alex, sam = self.partners()
        desk = self.another_device(alex, "alex-desk")
        day = "2026-12-03T20:00:00+00:00"
        alex.ok("prompt", "today", now=day)
        alex.ok("prompt", "answer", "--text", "kestrel words of Alex", "--share", now=day)
        answer = json.loads(alex.ok("prompt", "history", "--json", "--event", "answered").stdout)[-1]["id"]
        alex.ok("checkin", "7", "--share", now=day)
        checkin = json.loads(alex.ok("checkin", "list", "--json").stdout)[-1]["id"]
        self.assertIn("shared already", desk.ok("prompt", "share", answer, now=day).stderr)
        alex.sync()
        sam.sync()
        sam.ok("prompt", "today", now=day)
        sam.ok("prompt", "skip", now=day)
        self.assertEqual([g["text"] for g in sam.json("prompt", "shared", "--json", now=day)], ["kestrel words of Alex"])
        self.assertEqual([n["mood"] for n in sam.json("report", "--couple", "--json", now=day)["numbers"]], [7])

        r = desk.ok("prompt", "unshare", answer, now=day)
        self.assertIn("Took back your answer", r.stderr)
        self.assertIn("alex-laptop", r.stderr)
        desk.ok("checkin", "delete", checkin, now=day)
        self.assertEqual(desk.json("prompt", "shared", "--json", now=day), [])
        # The laptop's own files are the laptop's to rewrite: its next couple's command purges them.
        self.assertIn("kestrel", alex.files_text())
        alex.sync()
        sam.sync()
        self.assertEqual(sam.json("prompt", "shared", "--json", now=day), [], "withdrawn for the partner at once")
        report = sam.ok("report", "--couple", "--format", "json", now=day).stdout
        self.assertNotIn("kestrel", report)
        self.assertEqual(json.loads(report)["numbers"], [])
        alex.ok("prompt", "shared", now=day)
        self.assertNotIn("kestrel", alex.files_text())
        self.assertNotIn("mood = 7", alex.files_text())
        alex.sync()
        sam.sync()
        self.assertNotIn("kestrel", sam.files_text())
        self.assertNotIn("mood = 7", sam.files_text())
        self.assertIn("not shared", desk.ok("prompt", "unshare", answer, now=day).stderr)
        self.assertNoConflicts(alex, sam)

    def test_a_checkins_numbers_are_shared_later_and_taken_back_while_the_checkin_stays(self):
        alex, sam = self.partners()
        desk = self.another_device(alex, "alex-desk")
        day = "2026-12-03T20:00:00+00:00"
        alex.ok("checkin", "6", "--closeness", "8", "--note", "heron-note", now=day)
        checkin = json.loads(alex.ok("checkin", "list", "--json").stdout)[-1]["id"]
        self.assertIn("not shared", alex.ok("checkin", "unshare", checkin, now=day).stderr)
        self.assertIn(f"'checkin unshare {checkin}'", alex.ok("checkin", "share", checkin, now=day).stderr)
        self.assertIn("shared already", desk.ok("checkin", "share", checkin, now=day).stderr)
        alex.sync()
        sam.sync()
        numbers = sam.json("report", "--couple", "--json", now=day)["numbers"]
        self.assertEqual([(n["mood"], n["closeness"]) for n in numbers], [(6, 8)])
        self.assertNotIn("heron", sam.files_text())

        # Taken back from the other device: gone for Sam at the next sync, and from the laptop's
        # file at its next couple's command; Alex's own check-in is untouched throughout.
        self.assertIn("Took back the numbers of check-in", desk.ok("checkin", "unshare", checkin, now=day).stderr)
        alex.sync()
        sam.sync()
        self.assertEqual(sam.json("report", "--couple", "--json", now=day)["numbers"], [])
        alex.ok("prompt", "shared", now=day)
        self.assertNotIn("mood = 6", alex.files_text())
        alex.sync()
        sam.sync()
        self.assertNotIn("mood = 6", sam.files_text())
        mine = json.loads(alex.ok("checkin", "list", "--json").stdout)
        self.assertEqual([(c["id"], c["mood"], c["note"]) for c in mine], [(checkin, 6, "heron-note")])
        r = alex.run("checkin", "share", "nope42", now=day)
        self.assertUsageError(r, tool="checkin")
        self.assertNoConflicts(alex, sam)

    def test_a_boundary_is_shared_one_at_a_time_with_its_events_and_taken_back(self):
        alex, sam = self.partners()
        desk = self.another_device(alex, "alex-desk")
        day, later = "2026-12-03T20:00:00+00:00", "2026-12-04T20:00:00+00:00"
        alex.ok("boundary-log", "add", "kept-to-myself line", now=day)
        alex.ok("boundary-log", "add", "shared curlew line", "--type", "emotional", now=day)
        self.assertIn("Shared boundary 2", alex.ok("boundary-log", "share", "2", now=day).stderr)
        self.assertIn("shared already", desk.ok("boundary-log", "share", "2", now=day).stderr)
        alex.ok("boundary-log", "held", "1", "--note", "quiet-note", now=later)
        r = desk.ok("boundary-log", "tested", "2", "--note", "quiet-note", "--intensity", "3", now=later)
        self.assertIn("Boundary 2 is shared", r.stderr)
        desk.ok("boundary-log", "renegotiated", "2", "--text", "shared curlew line, said gently", now=later)
        alex.sync()
        sam.sync()

        def seen_by_sam():
            got = sam.json("report", "--couple", "--json", now=later)["boundaries"]
            return [(b["by"], b["text"], [e["event"] for e in b["events"]]) for b in got]

        self.assertEqual(seen_by_sam(),
                         [("Alex", "shared curlew line, said gently", ["added", "tested", "renegotiated"])])
        for word in ("kept-to-myself", "quiet-note"):
            self.assertNotIn(word, sam.files_text())
            self.assertNotIn(word, sam.ok("report", "--couple", "--format", "csv", now=later).stdout)

        # An event undone takes its copy with it; the boundary taken back (from the other device) goes whole.
        alex.ok("boundary-log", "crossed", "2", now=later)
        self.assertIn("shared copy is gone", alex.ok("boundary-log", "undo", now=later).stderr)
        self.assertIn("Took back boundary 2", desk.ok("boundary-log", "unshare", "2", now=later).stderr)
        alex.sync()
        sam.sync()
        self.assertEqual(seen_by_sam(), [])
        alex.ok("prompt", "shared", now=later)
        self.assertNotIn("curlew", alex.files_text())
        alex.sync()
        sam.sync()
        self.assertNotIn("curlew", sam.files_text())
        self.assertIn("curlew", alex.ok("boundary-log", "show", "2", now=later).stdout, "Alex keeps their own")
        self.assertIn("not shared", alex.ok("boundary-log", "unshare", "2", now=later).stderr)
        self.assertNoConflicts(alex, sam)

    def test_the_note_after_answering_reads_only_the_recent_months_of_the_folder(self):
        alex, sam = self.partners()
        day = "2026-12-03T20:00:00+00:00"
        sam.ok("prompt", "answer", "gentle-003", "--text", "wren words of Sam", "--share", now=day)
        # A month file of long ago that does not parse: only a read of the whole history meets it.
        old = os.path.join(sam.folder, "devices", "sam-desk", "answer", "2024-01.toml")
        os.makedirs(os.path.dirname(old), exist_ok=True)
        with open(old, "w") as f:
            f.write("[[answer]\nid = \n")
        sam.sync()
        alex.sync()
        r = alex.ok("prompt", "skip", "gentle-003", now=day)
        self.assertIn("Sam shared an answer to this prompt too", r.stderr)
        self.assertNotIn("2024-01", r.stderr)
        self.assertIn("2024-01.toml", alex.run("prompt", "shared", now=day).stderr)

    def test_sharing_needs_a_couples_folder_and_changes_nothing_without_one(self):
        self.write_config(f'[prompt]\nseed = "{SEED}"\n')
        self.ok("today")
        for args in (("answer", "--text", "x", "--share"), ("share",), ("unshare",), ("shared",)):
            with self.subTest(args=args):
                r = self.run_tool(*args)
                self.assertUsageError(r)
                self.assertIn("[couple] dir", r.stderr)
        self.assertEqual([r["event"] for r in json.loads(self.ok("history", "--json").stdout)], ["shown"])
        r = self.run_tool("--couple", tool="report")
        self.assertUsageError(r, tool="report")
        r = self.run_tool("7", "--share", "--note", "x", tool="checkin")
        self.assertUsageError(r, tool="checkin")
        self.assertFalse(os.path.exists(os.path.join(self.data_dir, "checkin")))
        for args in (("share", "a1b2c3"), ("unshare", "a1b2c3")):
            with self.subTest(args=args):
                r = self.run_tool(*args, tool="checkin")
                self.assertUsageError(r, tool="checkin")
                self.assertIn("[couple] dir", r.stderr)
        for args in (("add", "a line", "--share"), ("share", "1"), ("unshare", "1")):
            with self.subTest(args=args):
                r = self.run_tool(*args, tool="boundary-log")
                self.assertUsageError(r, tool="boundary-log")
                self.assertIn("[couple] dir", r.stderr)
        self.assertEqual(json.loads(self.run_tool("list", "--json", tool="boundary-log").stdout), [])


class CoupleReport(CoupleCase):
    PRIVATE = ["otter-note", "lynx-tag", "badger-answer", "marten-boundary", "vole-deck", "fizzy", "secret-pattern",
               "stoat-unshared", "mink-note", "owl-person", "toad-plan", "newt-note"]

    def test_report_couple_shows_only_what_was_shared_in_every_format(self):
        alex, sam = self.partners('[checkin]\nfeelings = ["fizzy"]\n[breathe.patterns]\nsecret-pattern = "4-2-6-0"')
        day = "2026-12-08T19:00:00+00:00"
        for p in (alex, sam):
            os.makedirs(os.path.join(p.data, "decks"), mode=0o700)
            with open(os.path.join(p.data, "decks", "vole-deck.txt"), "w") as f:
                f.write("What would vole-deck ask?\n")
            p.ok("checkin", "6", "--anxiety", "2", "--feel", "fizzy" if p is alex else "calm", "--tag", "lynx-tag",
                 "--note", "otter-note", "--share", now=day)
            p.ok("checkin", "3", "--note", "mink-note", now=day)
            p.ok("boundary-log", "add", "marten-boundary", now=day)
            p.ok("boundary-log", "add", f"{p.name} keeps heron-line", "--type", "time", "--hard", "--with", "owl-person",
                 "--if-crossed", "toad-plan", "--note", "newt-note", "--share", now=day)
            p.ok("boundary-log", "held", "2", "--note", "newt-note", "--intensity", "4", now=day)
            p.ok("breathe", "--pattern", "secret-pattern" if p is alex else "0.01-0.01", "--cycles", "1",
                 "--no-settle", now=day)
            p.ok("prompt", "--deck", "vole-deck", now=day)
            p.ok("prompt", "answer", "--text", "badger-answer", now=day)
            p.ok("prompt", "answer", "--text", "stoat-unshared then shared and taken back", "--share", now=day)
            p.ok("prompt", "unshare", now=day)
            p.ok("prompt", "today", now=day)
            p.ok("prompt", "answer", "--text", f"{p.name} shares plover-words", "--share", now=day)
        alex.sync()
        sam.sync()
        alex.sync()
        shared_id = alex.json("prompt", "today", "--json", now=day)["shared_id"]
        # Days with nothing shared are in every report too (from 1 December, and the Monday of W50).
        for p in (alex, sam):
            for period in (("--week", "2026-W50"), ("--from", "2026-12-01")):
                for fmt in ("text", "markdown", "json", "html", "csv"):
                    with self.subTest(partner=p.name, period=period, format=fmt):
                        out = p.ok("report", "--couple", *period, "--format", fmt, now=day).stdout
                        for word in self.PRIVATE:
                            self.assertNotIn(word, out)
                        self.assertIn("Alex shares plover-words", out)
                        self.assertIn("Sam shares plover-words", out)
                        self.assertIn("Alex keeps heron-line", out)
                        self.assertIn("Sam keeps heron-line", out)
                        self.assertIn(shared_id, out)
                        self.assertIn("6", out)
            got = p.json("report", "--couple", "--json", "--week", "2026-W50", now=day)
            self.assertEqual(sorted((n["by"], n["mood"], n["anxiety"]) for n in got["numbers"]),
                             [("Alex", 6, 2), ("Sam", 6, 2)])
            self.assertEqual([d["date"] for d in got["days"]], ["2026-12-07", "2026-12-08"], "up to today")
            self.assertEqual([d["answers"] for d in got["days"]][0], [])
            today = got["days"][1]
            self.assertEqual(today["prompt_id"], shared_id)
            self.assertEqual(sorted((a["by"], a["text"]) for a in today["answers"]),
                             [("Alex", "Alex shares plover-words"), ("Sam", "Sam shares plover-words")])
            self.assertEqual(got["prompts"], [], "every shared answer was to a day's shared prompt")
            self.assertEqual(sorted((b["by"], b["text"], b["type"], b["hard"], [e["event"] for e in b["events"]])
                                    for b in got["boundaries"]),
                             [(n, f"{n} keeps heron-line", "time", True, ["added", "held"]) for n in ("Alex", "Sam")])
            self.assertSchema(got, "report.couple")
        self.assertEqual(*[[d["check_code"] for d in p.json("report", "--couple", "--json", now=day)["days"]]
                           for p in (alex, sam)])
        for word in self.PRIVATE:
            self.assertNotIn(word, alex.files_text() + sam.files_text(), "nothing private ever reached the folder")
        self.assertNoConflicts(alex, sam)
