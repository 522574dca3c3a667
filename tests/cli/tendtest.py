# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared fixture for tend's black-box CLI tests: a fresh home, data dir and config per test.

Each test runs the built executables with a clean environment (no XDG_*, HOME in a temp
dir, a fixed TEND_NOW and TZ) and a timeout, so a hang is a failure and never a stuck suite.
Problems with the test setup itself (a missing binary, a fixture that cannot be written)
raise SetupError or OSError and so show up as ERRORs; wrong tool behaviour is a FAIL.
"""

import datetime
import errno
import json
import os
import random
import re
import select
import shutil
import signal
import stat
import subprocess
import tempfile
import time
import tomllib
import unittest
from typing import NamedTuple

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("TEND_SOURCE_DIR") or os.path.normpath(os.path.join(HERE, "..", ".."))
BUILD_DIR = os.environ.get("TEND_BUILD_DIR") or os.path.join(SOURCE_DIR, "build")
BIN_DIR = os.environ.get("TEND_BIN_DIR") or os.path.join(BUILD_DIR, "bin")
# The device name every test runs as, unless it sets TEND_DEVICE itself.
DEVICE = "this-device"
TOOLS = [t for t in re.split(r"[\s;]+", os.environ.get("TEND_TOOLS", "checkin")) if t]

DEFAULT_NOW = "2026-11-21T19:10:00+00:00"  # a Saturday; GMT in Europe/London
DEFAULT_TZ = "Europe/London"
DEFAULT_TIMEOUT = 20.0

ID_RE = re.compile(r"^[0-9abcdefghjkmnpqrstvwxyz]{6}$")  # Crockford base 32, lower case: month, device, 3 random
RFC3339_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
USAGE_TAIL = "Try '{tool} --help' for more information.\n"


class SetupError(Exception):
    """The test environment is broken (not the tool): reported as an ERROR."""


class Result(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def decode(data):
    return data.decode("utf-8", errors="surrogateescape") if isinstance(data, bytes) else data


def tool_path(tool):
    return os.path.join(BIN_DIR, tool)


def _force_writable(path):
    """Makes a tree removable again after a test made parts of it read-only."""
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            full = os.path.join(root, name)
            if not os.path.islink(full):
                try:
                    os.chmod(full, 0o700)
                except OSError:
                    pass


class PtyRun:
    """A tool running with some of its standard streams on a pseudo-terminal.

    expect() waits (with a deadline) for text on the terminal, send() types on it.
    Streams not on the terminal: stdin from /dev/null, stdout/stderr to files.
    """

    def __init__(self, argv, env, cwd, stdin_tty=True, stdout_tty=True, stderr_tty=True, timeout=DEFAULT_TIMEOUT):
        self.timeout = timeout
        self.transcript = b""
        self._pos = 0
        self._eof = False
        self.master, slave = os.openpty()
        self._files = {}
        streams = {}
        for name, on_tty in (("stdout", stdout_tty), ("stderr", stderr_tty)):
            if on_tty:
                streams[name] = slave
            else:
                f = tempfile.TemporaryFile(dir=cwd)
                self._files[name] = f
                streams[name] = f
        stdin = slave if stdin_tty else subprocess.DEVNULL
        try:
            self.proc = subprocess.Popen(argv, stdin=stdin, stdout=streams["stdout"], stderr=streams["stderr"],
                                         env=env, cwd=cwd, start_new_session=True, close_fds=True)
        finally:
            os.close(slave)

    def _read_some(self, deadline):
        if self._eof:
            return False
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        ready, _, _ = select.select([self.master], [], [], min(left, 0.5))
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError as e:
            if e.errno != errno.EIO:
                raise
            chunk = b""
        if not chunk:
            self._eof = True
            return False
        self.transcript += chunk
        return True

    def expect(self, needle, timeout=None):
        """Waits for `needle` (str or bytes) after what earlier expects consumed; returns the text up to it."""
        needle = needle.encode() if isinstance(needle, str) else needle
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            found = self.transcript.find(needle, self._pos)
            if found >= 0:
                start, self._pos = self._pos, found + len(needle)
                return decode(self.transcript[start:self._pos])
            if not self._read_some(deadline):
                if self._eof or time.monotonic() >= deadline:
                    raise AssertionError(f"expected {needle!r} on the terminal; got so far:\n"
                                         f"{decode(self.transcript)!r}")

    def send(self, text):
        os.write(self.master, text.encode() if isinstance(text, str) else text)

    def finish(self, timeout=None):
        """Reads to the end, waits for the exit; returns (returncode, terminal text, files)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while self._read_some(deadline) or (not self._eof and time.monotonic() < deadline
                                           and self.proc.poll() is None):
            pass
        try:
            rc = self.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"{self.proc.args!r} did not finish in time; terminal so far:\n"
                                 f"{decode(self.transcript)!r}")
        # Drain anything written just before exit.
        while self._read_some(time.monotonic() + 0.2):
            pass
        out = {}
        for name, f in self._files.items():
            f.seek(0)
            out[name] = decode(f.read())
        return rc, decode(self.transcript), out

    def kill(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()

    def close(self):
        self.kill()
        try:
            os.close(self.master)
        except OSError:
            pass
        for f in self._files.values():
            f.close()


class TendTestCase(unittest.TestCase):
    """A fresh temp dir per test: HOME, data dir (not yet created) and config path (no file)."""

    tool = "checkin"
    maxDiff = None

    def setUp(self):
        for tool in self.required_tools():
            path = tool_path(tool)
            if not (os.path.isfile(path) and os.access(path, os.X_OK)):
                raise SetupError(f"{path}: the built tool is missing; build first, or set TEND_BIN_DIR")
        self.tmp = tempfile.mkdtemp(prefix="tend-cli-")
        self.addCleanup(self._remove_tmp)
        self.home = self.tmp
        self.data_dir = os.path.join(self.tmp, "data")
        self.config_path = os.path.join(self.tmp, "config.toml")
        self.now = DEFAULT_NOW
        self.tz = DEFAULT_TZ

    def required_tools(self):
        return [self.tool]

    def _remove_tmp(self):
        _force_writable(self.tmp)
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- running tools --------------------------------------------------------------------

    def env(self, extra=None, unset=()):
        # Built from nothing but PATH, so no XDG_* variable unless a test passes one in `extra`.
        env = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "TZ": self.tz,
            "HOME": self.home,
            "TEND_DATA_DIR": self.data_dir,
            "TEND_CONFIG": self.config_path,
            "TEND_NOW": self.now,
            "TEND_DEVICE": DEVICE,
        }
        env.update(extra or {})
        for name in unset:
            env.pop(name, None)
        return env

    def run_tool(self, *args, tool=None, input=None, stdin=None, stdout=None, env=None, unset=(),
                 timeout=DEFAULT_TIMEOUT, umask=None, preexec=None, prefix=(), raw=False):
        """Runs a tool; returns Result(returncode, stdout, stderr) (bytes when raw).

        input: text/bytes for stdin; stdin: a file object or fd instead (default /dev/null).
        stdout: a file object to write to instead of capturing. prefix: a wrapper command.
        """
        argv = list(prefix) + [tool_path(tool or self.tool)] + [a if isinstance(a, bytes) else str(a) for a in args]
        if input is not None:
            stdin_arg = subprocess.PIPE
            input = input.encode() if isinstance(input, str) else input
        else:
            stdin_arg = stdin if stdin is not None else subprocess.DEVNULL

        def child_setup():
            if umask is not None:
                os.umask(umask)
            if preexec is not None:
                preexec()

        try:
            proc = subprocess.run(argv, input=input, stdin=None if input is not None else stdin_arg,
                                  stdout=stdout if stdout is not None else subprocess.PIPE, stderr=subprocess.PIPE,
                                  env=self.env(env, unset), cwd=self.tmp, timeout=timeout,
                                  preexec_fn=child_setup if (umask is not None or preexec) else None)
        except subprocess.TimeoutExpired as e:
            self.fail(f"{argv!r} did not finish in {timeout} s (a hang); stderr so far: {decode(e.stderr or b'')!r}")
        out = proc.stdout if proc.stdout is not None else b""
        if raw:
            return Result(proc.returncode, out, proc.stderr)
        return Result(proc.returncode, decode(out), decode(proc.stderr))

    def checkin(self, *args, **kwargs):
        return self.run_tool(*args, tool="checkin", **kwargs)

    def ok(self, *args, **kwargs):
        """Runs a tool and asserts it exited 0."""
        r = self.run_tool(*args, **kwargs)
        self.assertEqual(r.returncode, 0, f"{args!r} failed:\nstdout: {r.stdout!r}\nstderr: {r.stderr!r}")
        return r

    def parse_json(self, r, what):
        """What a run printed on stdout, parsed; output that is not JSON fails the test, naming `what`."""
        try:
            return json.loads(r.stdout)
        except ValueError as e:
            self.fail(f"{what} printed no JSON ({e}): {r.stdout!r}")

    def add(self, *args, **kwargs):
        """`checkin ARGS --json`, asserting success; returns the saved record (a dict)."""
        return self.parse_json(self.ok(*args, "--json", tool="checkin", **kwargs), f"checkin {args!r} --json")

    def list_json(self, *args, **kwargs):
        return self.parse_json(self.ok("list", "--json", *args, tool="checkin", **kwargs), "checkin list --json")

    def pty(self, *args, tool=None, env=None, unset=(), **streams):
        argv = [tool_path(tool or self.tool)] + [str(a) for a in args]
        run = PtyRun(argv, self.env(env, unset), self.tmp, **streams)
        self.addCleanup(run.close)
        return run

    # -- files ----------------------------------------------------------------------------

    def write_config(self, text):
        # 0600, as a config holding safety contacts should be (report --check warns otherwise).
        with open(os.open(self.config_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
            f.write(text)

    def kind_dir(self, kind="checkin", device=None):
        """Where this device (TEND_DEVICE, DEVICE unless a test says otherwise) keeps a kind."""
        return os.path.join(self.data_dir, "devices", device or DEVICE, kind)

    def last_path(self, kind="checkin"):
        """The undo pointer: this machine's own state, never synced."""
        return os.path.join(self.data_dir, ".local", f"{kind}.last")

    def write_last(self, record_id, kind="checkin"):
        """As if `record_id` were the record of this kind just saved (what 'undo' takes back)."""
        self.make_private_dirs(os.path.dirname(self.last_path(kind)))
        with open(os.open(self.last_path(kind), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(record_id + "\n")

    def month_path(self, month="2026-11", kind="checkin"):
        return os.path.join(self.kind_dir(kind), f"{month}.toml")

    def read_month(self, month="2026-11", kind="checkin"):
        with open(self.month_path(month, kind), "rb") as f:
            return f.read()

    def make_private_dirs(self, path):
        """Makes `path` and its parents up to the data dir, each 0700 as tend keeps them."""
        os.makedirs(path, mode=0o700, exist_ok=True)
        while True:
            os.chmod(path, 0o700)
            if os.path.normpath(path) == os.path.normpath(self.data_dir) or path == os.path.dirname(path):
                break
            path = os.path.dirname(path)

    def write_month(self, text, month="2026-11", kind="checkin"):
        self.make_private_dirs(os.path.dirname(self.month_path(month, kind)))
        with open(self.month_path(month, kind), "wb") as f:
            f.write(text.encode() if isinstance(text, str) else text)
        os.chmod(self.month_path(month, kind), 0o600)

    def parse_month(self, month="2026-11", kind="checkin"):
        """The month file parsed by tomllib; a parse failure is a test failure."""
        data = self.read_month(month, kind)
        try:
            return tomllib.loads(data.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            self.fail(f"{self.month_path(month, kind)} is not valid TOML: {e}\n{data!r}")

    def month_records(self, month="2026-11", kind="checkin", markers=False):
        """The records of this device's month file; deletion markers only when asked for."""
        if not os.path.exists(self.month_path(month, kind)):
            return []
        records = self.parse_month(month, kind).get(kind, [])
        return records if markers else [r for r in records if not r.get("deleted")]

    def kind_records(self, kind="checkin", device=None, markers=False):
        """Every record of a kind in one device's month files, each file parsed with tomllib (a file that
        does not parse fails the test); deletion markers only when asked for."""
        records, d = [], self.kind_dir(kind, device)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if not name.endswith(".toml") or name.startswith("."):
                continue
            with open(os.path.join(d, name), "rb") as f:
                data = f.read()
            try:
                records += tomllib.loads(data.decode("utf-8")).get(kind, [])
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                self.fail(f"{os.path.join(d, name)} does not parse: {e}\n{data[-600:]!r}")
        return records if markers else [r for r in records if not r.get("deleted")]

    def snapshot(self, root=None):
        """Every path under root with its type, mode and bytes (or link target)."""
        root = root or self.data_dir
        snap = {}
        if not os.path.lexists(root):
            return snap
        for dirpath, dirnames, filenames in os.walk(root):
            for name in dirnames + filenames + ["."]:
                full = os.path.normpath(os.path.join(dirpath, name))
                rel = os.path.relpath(full, root)
                st = os.lstat(full)
                if stat.S_ISLNK(st.st_mode):
                    snap[rel] = ("link", os.readlink(full))
                elif stat.S_ISDIR(st.st_mode):
                    snap[rel] = ("dir", stat.S_IMODE(st.st_mode))
                else:
                    with open(full, "rb") as f:
                        snap[rel] = ("file", stat.S_IMODE(st.st_mode), f.read())
        return snap

    def temp_files(self, kind="checkin"):
        d = self.kind_dir(kind)
        return [n for n in os.listdir(d) if re.match(r"^\..*\.tmp\.", n)] if os.path.isdir(d) else []

    def mode(self, path):
        return stat.S_IMODE(os.stat(path).st_mode)

    # -- assertions -----------------------------------------------------------------------

    def assertError(self, r, code, tool=None, usage=None):
        """A failure with `code`: nothing on stdout, stderr starting '<tool>: error:'.
        Usage errors (code 2) end with the pointer to --help."""
        tool = tool or self.tool
        self.assertEqual(r.returncode, code, f"expected exit {code}; stdout {r.stdout!r}, stderr {r.stderr!r}")
        self.assertEqual(r.stdout, "", "an error prints nothing on stdout")
        self.assertTrue(r.stderr.startswith(f"{tool}: error: "), f"stderr should start '{tool}: error: ': {r.stderr!r}")
        if usage if usage is not None else code == 2:
            self.assertTrue(r.stderr.endswith(USAGE_TAIL.format(tool=tool)),
                            f"a usage error should end with the pointer to --help: {r.stderr!r}")

    def assertUsageError(self, r, tool=None):
        self.assertError(r, 2, tool=tool, usage=True)

    def assertNoEscapes(self, text, what="output"):
        raw = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
        self.assertNotIn(b"\x1b", raw, f"{what} holds a raw ESC byte: {raw!r}")
        for bad in ("\u202e", "\u202d", "\u2066", "\u2069", "\u009b", "\x07"):
            self.assertNotIn(bad.encode(), raw, f"{what} holds a raw {bad!r}")


# -- two devices sharing one data directory through a sync engine ---------------------------

WORD_RE = re.compile(r"\bw\d{4}[a-z]\b")  # the unique word in each text the scenario writes


def word_of(text):
    """The scenario's unique word in a text (the whole text if it holds none)."""
    m = WORD_RE.search(text or "")
    return m.group(0) if m else text


START = datetime.datetime(2026, 11, 22, 8, 0, tzinfo=datetime.timezone.utc)


class Device:
    """One machine of a person's: its own HOME, config path and device name (TEND_DEVICE), and
    its own copy of the data directory, which a sync engine keeps in step with the other's."""

    def __init__(self, case, name, root, place):
        self.case = case
        self.name = name
        # Paths name the `place`, not the device, so that a device's name in output is its own.
        self.home = os.path.join(root, f"home-{place}")
        self.data_dir = os.path.join(root, f"data-{place}")
        os.makedirs(self.home, mode=0o700)
        self.now = DEFAULT_NOW

    def env(self):
        return {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "TZ": DEFAULT_TZ,
            "HOME": self.home,
            "TEND_DATA_DIR": self.data_dir,
            "TEND_CONFIG": os.path.join(self.home, "config.toml"),
            "TEND_DEVICE": self.name,
            "TEND_NOW": self.now,
        }

    def run(self, tool, *args, input=None):
        argv = [tool_path(tool)] + [str(a) for a in args]
        try:
            proc = subprocess.run(argv, input=input.encode() if input is not None else None,
                                  stdin=None if input is not None else subprocess.DEVNULL,
                                  capture_output=True, env=self.env(), cwd=self.home, timeout=DEFAULT_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.case.fail(f"{self.name}: {argv!r} did not finish in {DEFAULT_TIMEOUT} s (a hang)")
        return Result(proc.returncode, decode(proc.stdout), decode(proc.stderr))

    def ok(self, tool, *args, **kwargs):
        """Runs a tool on this device, asserting exit 0 and no warning (a named conflict, a file
        made private again, a record that could not be read are all warnings)."""
        r = self.run(tool, *args, **kwargs)
        self.case.assertEqual(r.returncode, 0, f"{self.name}: {tool} {args!r} failed:\n"
                                               f"stdout: {r.stdout!r}\nstderr: {r.stderr!r}")
        self.case.assertNotIn("warning", r.stderr, f"{self.name}: {tool} {args!r} warned")
        return r

    def json(self, tool, *args, **kwargs):
        r = self.ok(tool, *args, **kwargs)
        try:
            return json.loads(r.stdout)
        except ValueError as e:
            self.case.fail(f"{self.name}: {tool} {args!r} printed no JSON ({e}): {r.stdout!r}")

    def files(self, skip=(".git",)):
        """Every regular file in the data directory (relative paths), outside the engine's own
        directories in `skip`."""
        out = []
        for root, dirs, names in os.walk(self.data_dir):
            if root == self.data_dir:
                dirs[:] = [d for d in dirs if d not in skip]
            out += [os.path.relpath(os.path.join(root, n), self.data_dir) for n in names]
        return sorted(out)

    def listings(self, events=True):
        """What the tools' --json listings show on this device: kind -> list of records, with
        each boundary's events (from 'boundary-log show N --json', when `events`) under
        'boundary_events'."""
        out = {
            "checkin": self.json("checkin", "list", "--json"),
            "breathe": self.json("breathe", "log", "--json"),
            "prompt": self.json("prompt", "history", "--json"),
            "boundary": self.json("boundary-log", "list", "--all", "--json"),
        }
        if events:
            out["boundary_events"] = {
                b["boundary"]: self.json("boundary-log", "show", b["boundary"], "--json")["events"]
                for b in out["boundary"]}
        return out


class Version(NamedTuple):
    """One stored version of a record, as the scenario's model knows it."""
    rev: int
    deleted: bool
    device: str
    word: str  # the unique word this version holds ('' for a deletion marker)
    seq: int   # order of writing, for the 'seen' bookkeeping


class SyncScenario:
    """The issue-13 scenario, the same for every sync engine: two devices write with all four
    writing tools, edit and delete their own and each other's records, then the engine carries
    the changes across; after every round both sides are checked against a model of the
    revision rule of tend(5): the highest revision wins, at equal revision a deletion, then the
    device whose name sorts last.

    The engine is the test's: `before_writes(device)` (e.g. clone), `after_writes(device)` (git:
    commit, pull, push) and `end_of_round()` (git: the first device pulls again; a syncing
    daemon: both scan and wait until in step), and it calls `carry(src, dst)` to tell the model
    that everything `src` has has reached `dst`.
    """

    def __init__(self, case, devices, rng_seed=13):
        self.case = case
        self.devices = devices
        self.rng = random.Random(rng_seed)
        self.words = 0
        self.seq = 0
        # (kind, id) -> [Version]: an id is unique only among the records of its kind (tend(5)),
        # so a check-in and an answer may share one.
        self.versions = {}
        self.seen = {d.name: set() for d in devices}  # device -> seqs of versions it has
        self.breaths = set()
        self.shown = 0
        self.boundaries = {}  # the word it was set with -> (device name, its event ids, round)
        self.dead = {}        # word -> round it stopped being a winner's
        self.counts = {"written": 0, "edits": 0, "deletes": 0, "undos": 0}

    # -- the model ----------------------------------------------------------------------

    def word(self, device):
        self.words += 1
        return f"w{self.words:04d}{device.name[0]}"

    def add_version(self, key, device, rev, deleted, word):
        self.seq += 1
        self.versions.setdefault(key, []).append(Version(rev, deleted, device.name, word, self.seq))
        self.seen[device.name].add(self.seq)

    def carry(self, src, dst):
        """Everything `src` has has reached `dst` (a device, or a name such as a remote's)."""
        src, dst = getattr(src, "name", src), getattr(dst, "name", dst)
        self.seen.setdefault(dst, set()).update(self.seen.get(src, ()))

    @staticmethod
    def winner(versions):
        return max(versions, key=lambda v: (v.rev, v.deleted, v.device))

    def view(self, device, key):
        return [v for v in self.versions[key] if v.seq in self.seen[device.name]]

    def alive(self, device, kind):
        """The (kind, id) of each record of `kind` that `device` has and has not seen deleted."""
        return [key for key in self.versions
                if key[0] == kind and self.view(device, key) and not self.winner(self.view(device, key)).deleted]

    def note_dead(self, rnd):
        for versions in self.versions.values():
            win = self.winner(versions)
            for v in versions:
                if v.word and (v is not win or win.deleted) and v.word not in self.dead:
                    self.dead[v.word] = rnd

    # -- one device's turn ----------------------------------------------------------------

    def at(self, device, rnd, minute):
        """Each round 13 hours after the last, from 22 November into December, so months turn."""
        t = START + datetime.timedelta(hours=13 * rnd, minutes=20 * self.devices.index(device) + minute)
        device.now = t.strftime("%Y-%m-%dT%H:%M:00+00:00")

    def writes(self, device, rnd):
        """Everything one device does in a round; returns nothing, records it in the model."""
        case = self.case
        other = [d for d in self.devices if d is not device][0]
        minute = 0

        def tick():
            nonlocal minute
            minute += 1
            self.at(device, rnd, minute)

        tick()
        word = self.word(device)
        rec = device.json("checkin", str(rnd % 11), "--note", f"check-in {word}", "--json")
        case.assertEqual(rec["note"], f"check-in {word}")
        self.add_version(("checkin", rec["id"]), device, 0, False, word)
        tick()
        rec = device.json("breathe", "--pattern", "0.01-0-0.01-0", "--cycles", "1", "--no-settle", "--json")
        self.breaths.add(rec["id"])
        tick()
        device.json("prompt", "--json")
        self.shown += 1
        word = self.word(device)
        rec = device.json("prompt", "answer", "--text", f"answer {word}", "--json")
        self.add_version(("prompt", rec["id"]), device, 0, False, word)
        tick()
        # Boundaries: a new one on odd rounds, else 'held' on one of either device's (the other
        # device's from earlier rounds only: this round's may not have reached this one yet).
        mine = sorted(w for w, (owner, _, _) in self.boundaries.items() if owner == device.name)
        theirs = sorted(w for w, (owner, _, added) in self.boundaries.items() if owner != device.name and added < rnd)
        if rnd % 2 == 1 or not (mine or theirs):
            word = self.word(device)
            rec = device.json("boundary-log", "add", f"boundary {word}", "--json")
            self.boundaries[word] = (device.name, {rec["id"]}, rnd)
        else:
            target = self.rng.choice(theirs if (rnd // 2) % 2 == 0 and theirs else (mine or theirs))
            rec = device.json("boundary-log", "held", self.boundary_number(device, target),
                              "--note", f"held {self.word(device)}", "--json")
            self.boundaries[target][1].add(rec["id"])
        self.counts["written"] += 4

        # Edits and a delete, of this device's own records and of the other's, in turn. Every
        # fifth round both devices change the oldest records at once: the first edits both, the
        # second edits the same answer and deletes the same check-in (ties for the rule).
        index = self.devices.index(device)
        if rnd % 5 == 0:
            ops = ([("edit", "checkin"), ("edit", "prompt")] if index == 0
                   else [("edit", "prompt"), ("delete", "checkin")])
        else:
            ops = [("edit", "checkin"), ("edit", "prompt"), ("delete", "checkin" if rnd % 2 == 0 else "prompt")]
        for n, (op, kind) in enumerate(ops):
            tick()
            alive = self.alive(device, kind)
            if not alive:
                continue
            if rnd % 5 == 0:
                target = alive[0]
            else:
                owner = device.name if (rnd + index + n) % 2 == 0 else other.name
                target = self.rng.choice([key for key in alive if self.versions[key][0].device == owner] or alive)
            rev = 1 + max(v.rev for v in self.view(device, target))
            rid = target[1]
            if op == "delete":
                if kind == "checkin":
                    device.ok("checkin", "delete", rid, "--quiet")
                else:
                    device.ok("prompt", "delete", rid)
                self.add_version(target, device, rev, True, "")
                self.counts["deletes"] += 1
                continue
            word = self.word(device)
            if kind == "checkin":
                rec = device.json("checkin", "edit", rid, "--note", f"edited {word}", "--json")
                case.assertEqual(rec["note"], f"edited {word}")
            else:
                rec = device.json("prompt", "edit", rid, "--text", f"edited {word}", "--json")
                case.assertEqual(rec["text"], f"edited {word}")
            self.add_version(target, device, rev, False, word)
            self.counts["edits"] += 1
        if rnd % 5 == 0:
            # A mistake taken back at once: the undo pointer is this device's own.
            tick()
            word = self.word(device)
            device.ok("checkin", "3", "--note", f"mistake {word}")
            device.ok("checkin", "undo")
            self.dead[word] = rnd
            tick()
            word = self.word(device)
            device.json("boundary-log", "crossed", self.boundary_number(device, sorted(self.boundaries)[0]),
                        "--note", f"mistake {word}", "--json")
            device.ok("boundary-log", "undo")
            self.dead[word] = rnd
            self.counts["undos"] += 2

    def boundary_number(self, device, word):
        """The number this device's boundary-log gives the boundary set with `word`."""
        numbers = [b["boundary"] for b in device.json("boundary-log", "list", "--all", "--json")
                   if b["text"] == f"boundary {word}"]
        self.case.assertEqual(len(numbers), 1, f"{device.name}: boundary '{word}' listed {len(numbers)} times")
        return numbers[0]

    # -- the checks after a round -----------------------------------------------------------

    def expected(self):
        out = {"checkin": {}, "prompt": {}}
        for (kind, rid), versions in self.versions.items():
            win = self.winner(versions)
            if not win.deleted:
                out[kind][rid] = win.word
        return out

    def check(self, rnd, extra_files=(), last=False):
        """Both devices show exactly the records the model expects, each once, with the winning
        words; every .toml file parses; no conflict copy or marker anywhere; every word that
        stopped being a winner's a round ago or more is in no file."""
        case = self.case
        exp = self.expected()
        gone = sorted(w for w, r in self.dead.items() if r < rnd)
        for device in self.devices:
            where = f"{device.name} after round {rnd}"
            files = device.files(skip=(".git",) + tuple(extra_files))
            for rel in files:
                full = os.path.join(device.data_dir, rel)
                case.assertNotIn(".sync-conflict-", rel, f"{where}: a conflict copy")
                with open(full, "rb") as f:
                    data = f.read()
                if rel.endswith(".toml"):
                    try:
                        tomllib.loads(data.decode("utf-8"))
                    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                        case.fail(f"{where}: {rel} is not valid TOML: {e}")
                text = decode(data)
                case.assertNotIn("<<<<<<<", text, f"{where}: {rel} holds a conflict marker")
                lingering = [w for w in gone if w in text]
                case.assertEqual(lingering, [], f"{where}: {rel} still holds words deleted or replaced "
                                                f"in an earlier round (by round: "
                                                f"{ {w: self.dead[w] for w in lingering} })")

            # Each boundary's timeline every fifth round and at the end, its counts in between.
            full = rnd % 5 == 0 or last
            seen = device.listings(events=full)
            ids = [r["id"] for r in seen["checkin"]]
            case.assertEqual(sorted(ids), sorted(exp["checkin"]), f"{where}: check-ins (ids)")
            case.assertEqual({r["id"]: word_of(r["note"]) for r in seen["checkin"]},
                             exp["checkin"], f"{where}: check-in notes")
            ids = [r["id"] for r in seen["breathe"]]
            case.assertEqual(sorted(ids), sorted(self.breaths), f"{where}: breathing sessions")
            answers = [r for r in seen["prompt"] if r["event"] == "answered"]
            case.assertEqual(sorted(r["id"] for r in answers), sorted(exp["prompt"]), f"{where}: answers (ids)")
            case.assertEqual({r["id"]: word_of(r["text"]) for r in answers},
                             exp["prompt"], f"{where}: answers' words")
            case.assertEqual(sum(r["event"] == "shown" for r in seen["prompt"]), self.shown, f"{where}: prompts shown")
            listed = {}
            for b in seen["boundary"]:
                word = word_of(b["text"])
                case.assertNotIn(word, listed, f"{where}: boundary '{word}' listed twice")
                if full:
                    listed[word] = sorted(e["id"] for e in seen["boundary_events"][b["boundary"]])
                else:
                    listed[word] = (b["counts"]["held"], sum(b["counts"].values()))
            case.assertEqual(listed, {w: sorted(ev) if full else (len(ev) - 1, len(ev) - 1)
                                      for w, (_, ev, _) in self.boundaries.items()},
                             f"{where}: boundaries and their events" + ("" if full else " (counts)"))

    def play(self, engine, rounds):
        """The rounds, then one more in which each device only checks in (any write purges what
        lost), then the checks and 'report --check' on both sides."""
        for rnd in range(1, rounds + 2):
            for device in self.devices:
                engine.before_writes(device)
                if rnd <= rounds:
                    self.writes(device, rnd)
                else:
                    self.at(device, rnd, 1)
                    word = self.word(device)
                    rec = device.json("checkin", "5", "--note", f"last {word}", "--json")
                    self.add_version(("checkin", rec["id"]), device, 0, False, word)
                    self.counts["written"] += 1
                engine.after_writes(device)
            engine.end_of_round()
            self.note_dead(rnd)
            self.check(rnd, extra_files=engine.own_files, last=rnd > rounds)
        self.report_check()

    def report_check(self):
        """'report --check' on each device: exit 0, the device named, every month file of every
        device checked, no problem, no warning, nothing waiting to be purged."""
        for device in self.devices:
            r = device.run("report", "--check")
            self.case.assertEqual(r.returncode, 0, f"{device.name}: report --check:\n{r.stdout}{r.stderr}")
            self.case.assertIn(device.name, r.stdout, f"{device.name}: report --check names no device")
            check = device.json("report", "--check", "--json")
            self.case.assertEqual(check["device"]["name"], device.name,
                                  f"{device.name}: report --check --json's device")
            self.case.assertEqual((check["problems"], check["warnings"]), ([], []), f"{device.name}: report --check")
            months = sorted(f for f in device.files() if f.startswith("devices/") and f.endswith(".toml"))
            self.case.assertTrue(months, f"{device.name}: no month file under devices/")
            self.case.assertEqual(sorted(os.path.relpath(f["path"], device.data_dir) for f in check["files"]), months,
                                  f"{device.name}: the files report --check checked")

    def summary(self):
        c = self.counts
        return (f"{c['written']} records written ({self.shown} prompts shown besides), {c['edits']} edits, "
                f"{c['deletes']} deletes, {c['undos']} undos")
