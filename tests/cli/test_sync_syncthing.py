# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two machines kept in step by Syncthing: two daemons, each with its own home, share the two
data directories, inside a network namespace that has only loopback (unshare -n), so no byte
can leave the machine.

The same scenario as test_sync_git: both devices write with all four writing tools, edit and
delete their own and each other's records, then both folders are scanned and the test waits
until the two daemons agree. Zero .sync-conflict files, every record exactly once on both
sides, deleted words gone, every file valid TOML, and nothing per-device in the shared folder.

The test re-runs itself inside 'unshare -n' (with 'ip link set lo up'); it is skipped, with
the reason, where syncthing, unshare or ip is missing or a network namespace is not allowed.
"""

import copy
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unittest
import urllib.request
import xml.etree.ElementTree as ET

from tendtest import Device, SyncScenario, TendTestCase

ROUNDS = 20
INSIDE = "TEND_TEST_IN_NETNS"  # set in the re-run inside the namespace
STATE = (".lock", ".staging", ".local")  # per-device state that must stay out of the shared folder
# Ports inside the private namespace: nothing else can be listening there.
SYNC_PORT = {0: 22101, 1: 22102}
GUI_PORT = {0: 18401, 1: 18402}
FOLDER = "tend"


def only_loopback():
    """The interfaces of this network namespace, from /proc/net/dev (sysfs shows the host's)."""
    with open("/proc/net/dev", encoding="ascii") as f:
        return [line.split(":")[0].strip() for line in f.readlines()[2:]] == ["lo"]


def namespace_command():
    """The unshare prefix that works here, or None: plain -n as root, else with a user namespace."""
    for flags in (["-n"], ["-r", "-n"]):
        try:
            probe = subprocess.run(["unshare", *flags, "sh", "-c", "ip link set lo up && cat /proc/net/dev"],
                                   capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if probe.returncode == 0:
            return ["unshare", *flags]
    return None


class Daemon:
    """One syncthing daemon: its home, config (loopback only, nothing announced, nothing
    reported) and REST API."""

    def __init__(self, case, index, device, root):
        self.case = case
        self.index = index
        self.device = device
        self.home = os.path.join(root, f"syncthing-{device.name}")
        self.log = os.path.join(root, f"syncthing-{device.name}.log")
        self.proc = None
        out = self.run_syncthing("generate", f"--home={self.home}", "--no-default-folder", "--skip-port-probing")
        self.id = subprocess.run(["syncthing", f"--home={self.home}", "--device-id"], env=self.env(),
                                 capture_output=True, text=True, check=True, timeout=30).stdout.strip()
        case.assertIn(self.id, out)
        self.config = ET.parse(os.path.join(self.home, "config.xml"))
        self.apikey = self.config.find("gui/apikey").text

    def env(self):
        return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.home, "LANG": "C.UTF-8",
                "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1"}

    def run_syncthing(self, *args):
        r = subprocess.run(["syncthing", *args], env=self.env(), capture_output=True, text=True, timeout=60)
        self.case.assertEqual(r.returncode, 0, f"syncthing {args!r}:\n{r.stdout}{r.stderr}")
        return r.stdout + r.stderr

    def configure(self, peer):
        root = self.config.getroot()
        options = root.find("options")
        settings = {"listenAddress": f"tcp://127.0.0.1:{SYNC_PORT[self.index]}", "globalAnnounceEnabled": "false",
                    "localAnnounceEnabled": "false", "relaysEnabled": "false", "natEnabled": "false",
                    "crashReportingEnabled": "false", "urAccepted": "-1", "autoUpgradeIntervalH": "0",
                    "startBrowser": "false"}
        for name, value in settings.items():
            options.find(name).text = value
        root.find(f"device[@id='{self.id}']").set("name", self.device.name)
        root.find("gui/address").text = f"127.0.0.1:{GUI_PORT[self.index]}"
        ET.SubElement(ET.SubElement(root, "device", id=peer.id, name=peer.device.name, compression="metadata",
                                    introducer="false"), "address").text = f"tcp://127.0.0.1:{SYNC_PORT[peer.index]}"
        # The folder starts from syncthing's own defaults (conflict copies kept, permissions
        # synced), scanned only when the test asks.
        folder = copy.deepcopy(root.find("defaults/folder"))
        folder.attrib.update(id=FOLDER, label=FOLDER, path=self.device.data_dir, type="sendreceive",
                             rescanIntervalS="86400", fsWatcherEnabled="false", ignorePerms="false")
        ET.SubElement(folder, "device", id=peer.id, introducedBy="")
        root.insert(0, folder)
        self.config.write(os.path.join(self.home, "config.xml"))
        # The shared folder, with its marker, private as tend keeps it.
        os.makedirs(os.path.join(self.device.data_dir, ".stfolder"), mode=0o700)
        os.chmod(self.device.data_dir, 0o700)

    def start(self):
        log = open(self.log, "wb")
        self.proc = subprocess.Popen(["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart",
                                      "--no-upgrade", f"--logfile={self.log}.serve"],
                                     env=self.env(), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        log.close()

    def stop(self):
        """Kills every process of the daemon's session: syncthing's monitor starts the daemon
        proper in a process group of its own, which killing the monitor's group would miss."""
        if not self.proc:
            return
        for pid in session_members(self.proc.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait()

    def rest(self, path, method="GET"):
        request = urllib.request.Request(f"http://127.0.0.1:{GUI_PORT[self.index]}{path}", method=method,
                                         headers={"X-API-Key": self.apikey})
        # No proxy from the environment: the API is on this namespace's loopback.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=60) as response:
            body = response.read()
        return json.loads(body) if body.strip() else None

    def logs(self):
        """The end of the daemon's log (its output before the log file opened, if no log)."""
        for path in (self.log + ".serve", self.log):
            if os.path.exists(path) and os.path.getsize(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    return f"{self.device.name}'s syncthing log:\n" + f.read()[-4000:]
        return f"{self.device.name}'s syncthing wrote no log"


def session_members(sid):
    """The processes in session `sid`, from /proc (field 6 of /proc/PID/stat)."""
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid:
                pids.append(int(name))
    return pids


def tree(device):
    """The synced part of a device's data directory: relative path -> bytes."""
    out = {}
    for rel in device.files(skip=STATE + (".stfolder", ".stversions")):
        if rel != ".stignore" and not os.path.basename(rel).startswith(".syncthing."):
            with open(os.path.join(device.data_dir, rel), "rb") as f:
                out[rel] = f.read()
    return out


def wait_for(what, check, daemons, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except OSError:
            pass  # the API is not up yet
        if time.monotonic() > deadline:
            raise AssertionError(f"syncthing: {what} did not happen in {timeout} s; logs:\n" +
                                 "\n".join(d.logs() for d in daemons))
        time.sleep(0.05)


class SyncthingEngine:
    """Both devices write, then both folders are scanned and the test waits until each daemon
    has what the other has: completion 100, idle, nothing needed, global == local."""

    own_files = (".stfolder", ".stversions")

    def __init__(self, case, scenario, daemons):
        self.case = case
        self.scenario = scenario
        self.daemons = daemons

    def before_writes(self, device):
        pass

    def after_writes(self, device):
        pass

    def in_step(self):
        a, b = self.daemons
        states = []
        for me, peer in ((a, b), (b, a)):
            done = me.rest(f"/rest/db/completion?folder={FOLDER}&device={peer.id}")
            status = me.rest(f"/rest/db/status?folder={FOLDER}")
            if done["completion"] != 100 or done.get("needItems", 0) or done.get("needDeletes", 0):
                return False
            if status["state"] != "idle" or status["needTotalItems"] != 0:
                return False
            if status["globalFiles"] != status["localFiles"] or status["globalDeleted"] != status["localDeleted"]:
                return False
            states.append((status["globalFiles"], status["globalDirectories"], status["globalDeleted"],
                           status["globalBytes"]))
        if states[0] != states[1]:
            return False
        # And what the tools read is the same on both sides, byte for byte: an index update
        # still on its way cannot pass for a folder in step.
        a_files, b_files = (tree(d.device) for d in self.daemons)
        return a_files == b_files

    def end_of_round(self):
        for d in self.daemons:
            d.rest(f"/rest/db/scan?folder={FOLDER}", method="POST")
        wait_for("the two folders in step", self.in_step, self.daemons)
        a, b = self.scenario.devices
        self.scenario.carry(a, b)
        self.scenario.carry(b, a)
        for d in self.daemons:
            names = [e["name"] for e in d.rest(f"/rest/db/browse?folder={FOLDER}&levels=0")]
            self.case.assertEqual([n for n in names if n in STATE], [],
                                  f"{d.device.name}: per-device state is in the shared folder")


class TestSyncSyncthing(TendTestCase):
    def required_tools(self):
        return ["checkin", "breathe", "prompt", "boundary-log", "report"]

    def test_two_daemons_on_loopback_only(self):
        if os.environ.get(INSIDE) != "1":
            self.rerun_inside_namespace()
            return
        self.assertTrue(only_loopback(), "the test must run in a network namespace with only loopback")
        started = time.monotonic()
        devices = [Device(self, "desk", self.tmp, "one"), Device(self, "lap", self.tmp, "two")]
        for d in devices:
            os.makedirs(d.data_dir, mode=0o700)
        daemons = [Daemon(self, i, d, self.tmp) for i, d in enumerate(devices)]
        for d in daemons:
            self.addCleanup(d.stop)
        daemons[0].configure(daemons[1])
        daemons[1].configure(daemons[0])
        for d in daemons:
            d.start()
        a, b = daemons
        wait_for("the two daemons connected",
                 lambda: a.rest("/rest/system/connections")["connections"][b.id]["connected"] and
                 b.rest("/rest/system/connections")["connections"][a.id]["connected"], daemons)
        scenario = SyncScenario(self, devices)
        scenario.play(SyncthingEngine(self, scenario, daemons), ROUNDS)
        print(f"\nsyncthing: {ROUNDS} rounds (and a last one), {scenario.summary()}, conflict copies: 0, "
              f"{time.monotonic() - started:.1f} s", file=sys.stderr)

    def rerun_inside_namespace(self):
        for program in ("syncthing", "unshare", "ip"):
            if shutil.which(program) is None:
                self.skipTest(f"{program} is not installed")
        prefix = namespace_command()
        if prefix is None:
            self.skipTest("a network namespace with only loopback (unshare -n) is not permitted here")
        test = f"{__name__}.{type(self).__name__}.{self._testMethodName}"
        env = dict(os.environ, **{INSIDE: "1"})
        proc = subprocess.Popen([*prefix, "sh", "-c", 'ip link set lo up && exec "$@"', "sh",
                                 sys.executable, "-m", "unittest", test],
                                cwd=os.path.dirname(os.path.abspath(__file__)), env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=170)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            self.fail(f"the run inside the namespace did not finish in 170 s:\n{out.decode(errors='replace')}")
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # whatever the inner run left behind
            except ProcessLookupError:
                pass
        text = out.decode(errors="replace")
        sys.stderr.write(text)
        self.assertEqual(proc.returncode, 0, f"the run inside the namespace failed:\n{text}")


if __name__ == "__main__":
    unittest.main()
