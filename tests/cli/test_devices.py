# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One data directory, several devices: each writes only its own tree, readers merge them.

Two devices are two TEND_DEVICE names on one data directory (what a sync engine makes of two
machines, without the engine: no Syncthing daemon runs here; test_sync_syncthing runs the real
one inside unshare -n): the revision rule, deletions that purge the old text, the move
from the layout before devices, and git's and Syncthing's conflict leftovers named, never lost.
"""

import json
import os
import shutil
import subprocess
import sys
import time
import unittest

from tendtest import SOURCE_DIR, TendTestCase


class DevicesCase(TendTestCase):
    def required_tools(self):
        return ["checkin", "report", "prompt"]

    def on(self, device, *args, tool="checkin", **kwargs):
        return self.run_tool(*args, tool=tool, env={"TEND_DEVICE": device, **kwargs.pop("env", {})}, **kwargs)

    def saved(self, device, *args):
        r = self.on(device, *args, "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def listed(self, device="laptop"):
        r = self.on(device, "list", "--json", "--since", "2026-01-01")
        self.assertEqual(r.returncode, 0, r.stderr)
        return {rec["id"]: rec for rec in json.loads(r.stdout)}

    def all_text(self):
        text = ""
        for root, _, files in os.walk(self.data_dir):
            for name in files:
                with open(os.path.join(root, name), "rb") as f:
                    text += f.read().decode("utf-8", "replace")
        return text


class SingleWriterFiles(DevicesCase):
    def test_each_device_writes_its_own_files_and_reads_all(self):
        a = self.saved("laptop", "4", "--note", "from the laptop")
        b = self.saved("desk", "6", "--note", "from the desk")
        self.assertEqual(len(a["id"]), 6)
        self.assertNotEqual(a["id"][2], b["id"][2], "each device's ids carry its own tag")
        self.assertEqual([r["id"] for r in self.kind_records(device="laptop")], [a["id"]])
        self.assertEqual([r["id"] for r in self.kind_records(device="desk")], [b["id"]])
        self.assertEqual(set(self.listed("laptop")), {a["id"], b["id"]})
        self.assertEqual(set(self.listed("desk")), {a["id"], b["id"]})
        with open(os.path.join(self.data_dir, ".gitignore")) as f:
            self.assertIn("/.local\n", f.read())
        with open(os.path.join(self.data_dir, ".stignore")) as f:
            self.assertIn("/.staging\n", f.read())

    def test_report_check_names_this_device_and_the_others(self):
        self.saved("laptop", "4")
        self.saved("desk", "6")
        r = self.on("laptop", "--check", tool="report")
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("Device:  laptop (from TEND_DEVICE)\nOthers:  desk", r.stdout)
        data = json.loads(self.on("laptop", "--check", "--json", tool="report").stdout)
        self.assertEqual(data["device"], {"name": "laptop", "from": "TEND_DEVICE", "devices": ["desk", "laptop"]})

    def test_a_device_without_a_name_gets_one_kept_outside_the_data(self):
        r = self.run_tool("5", env={}, unset=("TEND_DEVICE",))
        self.assertEqual(r.returncode, 0, r.stderr)
        state = os.path.join(self.home, ".local", "state", "tend", "device")
        with open(state) as f:
            name = f.read().strip()
        self.assertTrue(os.path.isdir(os.path.join(self.data_dir, "devices", name)))
        self.run_tool("6", unset=("TEND_DEVICE",))
        self.assertEqual(os.listdir(os.path.join(self.data_dir, "devices")), [name], "the same name next time")
        r = self.run_tool("7", env={"TEND_DEVICE": "../escape"})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("TEND_DEVICE '../escape' cannot name a device", r.stderr)
        self.assertEqual(os.listdir(os.path.join(self.data_dir, "devices")), [name])


class ListingsRemembered(DevicesCase):
    def test_a_month_file_another_device_adds_is_seen_at_once(self):
        self.saved("laptop", "4")
        self.saved("desk", "6")
        # Only a directory left alone for a while is remembered (timestamps are coarse), so wait.
        time.sleep(2.2)
        self.assertEqual(len(self.listed("laptop")), 2)
        caches = os.listdir(os.path.join(self.home, ".cache", "tend"))
        self.assertEqual(len(caches), 1, "remembered in the user's cache, outside the data directory")
        new = self.saved("desk", "7", "--at", "2026-10-05T10:00")
        self.assertIn(new["id"], self.listed("laptop"))
        self.assertEqual(len(self.listed("laptop")), 3)


class TheRevisionRule(DevicesCase):
    def test_an_edit_on_another_device_wins_and_the_owner_purges_its_old_text(self):
        a = self.saved("laptop", "4", "--note", "a tender first draft")
        r = self.on("desk", "edit", a["id"], "--note", "said better")
        self.assertEqual(r.returncode, 0, r.stderr)
        desk = self.kind_records(device="desk")
        self.assertEqual([(x["id"], x["revision"], x["note"]) for x in desk], [(a["id"], 1, "said better")])
        self.assertEqual(self.listed("laptop")[a["id"]]["note"], "said better")
        check = self.on("laptop", "--check", tool="report")
        self.assertIn(f"record '{a['id']}' was changed on desk; its old version here waits for laptop's next write",
                      check.stdout)
        self.saved("laptop", "5")
        self.assertNotIn("tender first draft", self.all_text())
        self.assertEqual(self.listed("desk")[a["id"]]["note"], "said better")
        self.assertNotIn("waits for", self.on("laptop", "--check", tool="report").stdout)

    def test_a_delete_on_another_device_removes_the_text_everywhere(self):
        a = self.saved("laptop", "3", "--note", "words I want gone")
        self.assertEqual(self.on("desk", "delete", a["id"]).returncode, 0)
        self.assertNotIn(a["id"], self.listed("laptop"))
        self.assertNotIn(a["id"], self.listed("desk"))
        self.assertIn("words I want gone", self.all_text(), "until its owner writes again")
        self.saved("laptop", "6")
        self.assertNotIn("words I want gone", self.all_text())
        marker = self.kind_records(device="desk", markers=True)
        self.assertEqual([(m["id"], m["deleted"]) for m in marker], [(a["id"], True)])

    def test_concurrent_edit_and_delete_end_the_same_on_both(self):
        a = self.saved("laptop", "3", "--note", "first")
        # Both change revision 0 at once (as two machines would before they sync): a deletion
        # wins at equal revision, whichever device reads.
        shutil.copytree(self.data_dir, self.data_dir + ".before")
        self.on("desk", "edit", a["id"], "--note", "second")
        desk_file = self.kind_dir("checkin", "desk")
        edited = os.path.join(self.tmp, "desk-edit")
        shutil.copytree(desk_file, edited)
        shutil.rmtree(self.data_dir)
        shutil.copytree(self.data_dir + ".before", self.data_dir)
        self.on("laptop", "delete", a["id"])
        shutil.copytree(edited, desk_file)
        self.assertNotIn(a["id"], self.listed("laptop"))
        self.assertNotIn(a["id"], self.listed("desk"))
        self.saved("desk", "5")
        self.assertNotIn("second", self.all_text())

    def test_the_same_id_made_on_two_devices_keeps_both(self):
        a = self.saved("laptop", "3", "--note", "laptop's")
        desk = self.kind_dir("checkin", "desk")
        self.make_private_dirs(desk)
        with open(os.path.join(self.kind_dir("checkin", "laptop"), "2026-11.toml"), encoding="utf-8") as f:
            text = f.read().replace("laptop's", "desk's").replace("mood = 3", "mood = 8")
        with open(os.open(os.path.join(desk, "2026-11.toml"), os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            f.write(text)
        shown = self.on("laptop", "list", "--json", "--since", "2026-01-01")
        self.assertEqual(sorted(r["note"] for r in json.loads(shown.stdout)), ["desk's", "laptop's"])
        self.assertIn("was made on desk too", self.on("laptop", "--check", tool="report").stdout)
        r = self.saved("laptop", "5")  # laptop sorts after desk: its own takes a new id
        notes = {rec["note"]: rid for rid, rec in self.listed("desk").items() if rec.get("note")}
        self.assertEqual(notes["desk's"], a["id"])
        self.assertNotEqual(notes["laptop's"], a["id"])
        self.assertNotEqual(r["id"], a["id"])


class UpgradingFromOneDirectory(DevicesCase):
    def test_the_old_layout_becomes_this_devices_tree_byte_for_byte(self):
        subprocess.run([sys.executable, os.path.join(SOURCE_DIR, "bench", "make_history.py"), self.data_dir,
                        "--months", "14", "--old-layout"], check=True, capture_output=True,
                       env={**os.environ, "TZ": self.tz})
        before = {kind: self.snapshot(os.path.join(self.data_dir, kind))
                  for kind in ("checkin", "breathe", "boundary", "prompt")}
        listed = self.on("laptop", "list", "--json", "--since", "2020-01-01").stdout
        self.assertGreater(len(json.loads(listed)), 100)
        for kind, snap in before.items():
            self.assertFalse(os.path.exists(os.path.join(self.data_dir, kind)))
            self.assertTrue(self.snapshot(self.kind_dir(kind, "laptop")) == snap, f"{kind}: every byte as it was")
        self.assertEqual(self.on("laptop", "list", "--json", "--since", "2020-01-01").stdout, listed)
        self.assertEqual(self.on("laptop", "--check", tool="report").returncode, 0)


class ConflictsAreNeverSilent(DevicesCase):
    def test_git_conflict_markers_are_named_and_both_sides_read(self):
        a = self.saved("desk", "4", "--note", "ours")
        path = os.path.join(self.kind_dir("checkin", "desk"), "2026-11.toml")
        with open(path, encoding="utf-8") as f:
            ours = f.read()
        theirs = ours.replace(a["id"], a["id"][:3] + "zzz").replace('"ours"', '"theirs"')
        head, block = ours.split("\n[[checkin]]", 1)
        _, their_block = theirs.split("\n[[checkin]]", 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"{head}\n<<<<<<< HEAD\n[[checkin]]{block}=======\n[[checkin]]{their_block}>>>>>>> origin/main\n")
        r = self.on("laptop", "list", "--json", "--since", "2026-01-01")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(x["note"] or "" for x in json.loads(r.stdout)), ["ours", "theirs"])
        self.assertIn("unresolved git conflict markers", r.stderr)
        check = self.on("laptop", "--check", tool="report")
        self.assertEqual(check.returncode, 65)
        self.assertIn("git left this file with conflict markers", check.stdout)
        # Its owner settles it at its next write, keeping both.
        self.saved("desk", "5")
        with open(path, encoding="utf-8") as f:
            self.assertNotIn("<<<<<<<", f.read())
        self.assertEqual(sorted(x.get("note") or "" for x in self.listed().values()), ["", "ours", "theirs"])

    def test_a_conflict_copy_with_the_same_records_shows_each_once(self):
        a = self.saved("desk", "4", "--note", "once")
        d = self.kind_dir("checkin", "desk")
        shutil.copy(os.path.join(d, "2026-11.toml"), os.path.join(d, "2026-11.sync-conflict-20261121-191000-ABC.toml"))
        for device in ("laptop", "desk"):
            r = self.on(device, "list", "--json", "--since", "2026-01-01")
            self.assertEqual([x["id"] for x in json.loads(r.stdout)], [a["id"]], device)

    def test_a_syncthing_conflict_copy_is_read_then_folded_back_by_its_owner(self):
        self.saved("desk", "4", "--note", "kept in the file")
        d = self.kind_dir("checkin", "desk")
        with open(os.path.join(d, "2026-11.toml"), encoding="utf-8") as f:
            text = f.read()
        copy = os.path.join(d, "2026-11.sync-conflict-20261121-191000-ABCDEFG.toml")
        with open(os.open(copy, os.O_WRONLY | os.O_CREAT, 0o600), "w", encoding="utf-8") as f:
            f.write(text.replace("kept in the file", "only in the copy").replace('id = "a2', 'id = "a2q'))
        r = self.on("laptop", "list", "--json", "--since", "2026-01-01")
        self.assertEqual(sorted(x["note"] or "" for x in json.loads(r.stdout)), ["kept in the file", "only in the copy"])
        self.assertIn("Syncthing kept this copy", r.stderr)
        self.assertEqual(self.on("laptop", "--check", tool="report").returncode, 65)
        self.saved("desk", "6")
        self.assertFalse(os.path.exists(copy), "folded back and removed")
        self.assertEqual(sorted(x.get("note") or "" for x in self.listed().values()),
                         ["", "kept in the file", "only in the copy"])
        self.assertEqual(self.on("laptop", "--check", tool="report").returncode, 0)


if __name__ == "__main__":
    unittest.main()
