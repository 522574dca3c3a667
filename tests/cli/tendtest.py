# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared fixture for tend's black-box CLI tests: a fresh home, data dir and config per test.

Each test runs the built executables with a clean environment (no XDG_*, HOME in a temp
dir, a fixed TEND_NOW and TZ) and a timeout, so a hang is a failure and never a stuck suite.
Problems with the test setup itself (a missing binary, a fixture that cannot be written)
raise SetupError or OSError and so show up as ERRORs; wrong tool behaviour is a FAIL.
"""

import errno
import json
import os
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
