# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile input: whatever a person types is stored exactly or refused, and never reaches a terminal raw.

Every place free text is typed (checkin --note/--tag/--feel, boundary-log TEXT/--with/--if-crossed/--note/
renegotiated --text, prompt answer --text and '-', breathe --pattern) meets terminal escape sequences,
C0/C1 controls, invalid UTF-8, bidi controls, 1 MiB of text, TOML look-alikes and NUL bytes. Stored text
reads back the same from the month file (tomllib) and from every --json output; text output and error
messages carry no ESC, no other control but newline/tab, no bidi control. Out-of-range numbers,
impossible or future dates and bad patterns are usage errors (exit 2) naming the flag. A hand-edited
month file that does not parse or check stops every reading and writing command of every tool with
exit 65 and file:line:col, and is never rewritten.
"""

import json
import os
import re
import unittest

from tendtest import TendTestCase

NOW = "2026-11-21T19:10:00+00:00"  # a Saturday; the report's week is Mon 16 to Sun 22 Nov
MIB = 1 << 20
ARG_MAX_STRLEN = (1 << 17) - 1  # the longest single argv string Linux takes (MAX_ARG_STRLEN less the NUL)
TOOLS = ["checkin", "boundary-log", "prompt", "breathe", "report"]

# Text that must be stored exactly (none starts or ends with white space, which some fields trim).
STORABLE = {
    "osc_title": "before \x1b]0;pwned title\x07 after",
    "osc52_clipboard": "copy \x1b]52;c;cm0gLXJmIH4K\x07 this \x1b]52;c;?\x1b\\ too",
    "csi_clear": "wipe \x1b[2J\x1b[H\x1b[31m screen \x1b[0m",
    "bare_esc": "lone \x1b escape \x1b",
    "c0_controls": "c0 " + "".join(chr(c) for c in range(1, 32)) + " end",
    "del": "del \x7f end",
    "c1_controls": "c1 " + "".join(chr(c) for c in range(0x80, 0xA0)) + " end",
    "bidi": "bidi \u202eevil\u202c \u202a\u202b\u202d \u2066a\u2069 \u2067b\u2069 \u2068c\u2069 \u200e\u200f\u061c end",
    "toml_lookalikes": ('toml """ and \'\'\' and ]] here\n[[checkin]]\nkey = "value"\n'
                        'back\\slash \\\\ \\n \\u0041 \\" # not a comment\n[[boundary]]\nid = "zzzzz"\n]]\nend'),
    "newlines_and_tabs": "line one\n\tline two\r\nline three",
}

# Bytes that are not UTF-8: refused, naming the flag.
INVALID_UTF8 = {
    "lone_ff": b"bad \xff byte",
    "truncated": b"cut \xe2\x82 short",
    "overlong_slash": b"overlong \xc0\xaf slash",
    "surrogate": b"surrogate \xed\xa0\x80 half",
    "raw_c1_csi_byte": b"eight-bit \x9b2J csi",
    "past_u10ffff": b"big \xf4\x90\x80\x80 one",
}

# Tags that look like TOML but are plain words: stored exactly.
TOML_TAGS = ['"""', "'''", "]]", "[[checkin]]", 'key="value"', "back\\slash", "#hash", "x]]\\u0041"]

BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
        "\u200f", "\u061c")

LOC_RE = r":\d+:\d+"


def strings_in(value):
    """Every string anywhere in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


class HostileCase(TendTestCase):
    tool = "checkin"

    def required_tools(self):
        return TOOLS

    def setUp(self):
        super().setUp()
        self.now = NOW
        self._fresh = 0

    def fresh_data_dir(self):
        """A new, empty data dir for the next case within one test."""
        self._fresh += 1
        self.data_dir = os.path.join(self.tmp, f"data{self._fresh}")
        return self.data_dir

    def run_bytes(self, tool, *args, input=None, stdin=None, env=None):
        """Runs a tool; stdout and stderr as bytes."""
        return self.run_tool(*args, tool=tool, input=input, stdin=stdin, env=env, raw=True)

    # -- what must never reach a terminal ------------------------------------------------

    def assertTerminalSafe(self, data, what, newlines=True):
        """No ESC, no C0 but newline/tab, no DEL, no C1, no bidi control, nothing but UTF-8."""
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.fail(f"{what} is not UTF-8 ({e}): {raw[:400]!r}")
        allowed = "\n\t" if newlines else ""
        for i, ch in enumerate(text):
            code = ord(ch)
            bad = ((code < 0x20 and ch not in allowed) or code == 0x7F or 0x80 <= code <= 0x9F or ch in BIDI)
            if bad:
                self.fail(f"{what} holds a raw U+{code:04X} at {i}: ...{text[max(0, i - 60):i + 60]!r}...")

    def assertRefused(self, r, tool, flag, before, what=""):
        """Exit 2, a usage message naming the flag, a clean stderr, the data dir untouched."""
        out, err = r.stdout, r.stderr
        self.assertEqual(r.returncode, 2, f"{what}: expected exit 2; stderr {err[:600]!r}")
        self.assertEqual(out, b"", f"{what}: a refusal prints nothing on stdout")
        text = err.decode("utf-8", "surrogateescape")
        self.assertTrue(text.startswith(f"{tool}: error: "), f"{what}: {text[:400]!r}")
        self.assertIn(flag, text, f"{what}: the message should name {flag}: {text[:600]!r}")
        self.assertTrue(text.endswith(f"Try '{tool} --help' for more information.\n"), f"{what}: {text[-300:]!r}")
        self.assertLess(len(err), 4096, f"{what}: the message should not echo the whole input")
        self.assertTerminalSafe(err, f"{what}: stderr")
        self.assertEqual(self.snapshot(), before, f"{what}: a refused value must leave the data dir as it was")

    def ok_bytes(self, tool, *args, **kwargs):
        r = self.run_bytes(tool, *args, **kwargs)
        self.assertEqual(r.returncode, 0, f"{tool} {[str(a)[:80] for a in args]!r} failed: {r.stderr[:800]!r}")
        self.assertTerminalSafe(r.stderr, f"{tool} {args[:1]!r} stderr")
        return r

    def json_of(self, tool, *args, **kwargs):
        r = self.ok_bytes(tool, *args, **kwargs)
        try:
            return json.loads(r.stdout.decode("utf-8"))
        except ValueError as e:
            self.fail(f"{tool} {args!r} printed no JSON ({e}): {r.stdout[:400]!r}")

    def text_outputs_safe(self, commands, what):
        """Runs each command; its stdout is safe. With --color always, tend's own SGR styles
        (ESC [ digits m) are taken out first: those are the only escapes it may write."""
        for tool, *args in commands:
            out = self.ok_bytes(tool, *args).stdout
            if "always" in args:
                out = re.sub(rb"\x1b\[[0-9;]*m", b"", out)
            self.assertTerminalSafe(out, f"{what}: {tool} {' '.join(args)} stdout")

    def assertInJson(self, expected, value, what):
        found = list(strings_in(value))
        self.assertIn(expected, found, f"{what}: the text does not round-trip through JSON")

    def report_outputs(self, expected, what, in_report=True):
        """report's JSON holds the text exactly; its text and Markdown never raw; HTML escaped."""
        if in_report:
            self.assertInJson(expected, self.json_of("report", "--format", "json"), f"{what}: report json")
        self.text_outputs_safe([("report",), ("report", "--format", "markdown"), ("report", "--color", "always")],
                               what)
        html = self.ok_bytes("report", "--format", "html").stdout
        self.assertTerminalSafe(html, f"{what}: report html")

    def last(self, kind, key):
        records = self.month_records(kind=kind)
        self.assertTrue(records, f"no {kind} record was stored")
        return records[-1].get(key)


# -- the free-text fields, each a way to store a value and the places it shows up --------------

class Fields(HostileCase):
    """One method per field: store `value` (str or bytes) and return the Result."""

    def checkin_note(self, value, stdin=False):
        if stdin:
            return self.run_bytes("checkin", "5", "--note", "-", "--json", input=value)
        return self.run_bytes("checkin", "5", "--note", value, "--json")

    def check_checkin_note(self, expected, what):
        self.assertEqual(self.last("checkin", "note"), expected, f"{what}: month file")
        self.assertEqual(self.json_of("checkin", "list", "--json")[-1]["note"], expected, f"{what}: list --json")
        self.text_outputs_safe([("checkin", "list"), ("checkin", "list", "--color", "always")], what)
        self.report_outputs(expected, what)

    def seed_boundary(self):
        self.ok_bytes("boundary-log", "add", "I leave the room when voices are raised", "--with", "partner")

    def boundary_outputs(self, expected, what, in_report=True):
        self.assertInJson(expected, self.json_of("boundary-log", "show", "1", "--json"), f"{what}: show --json")
        self.text_outputs_safe([("boundary-log", "list"), ("boundary-log", "show", "1"),
                                ("boundary-log", "show", "1", "--color", "always")], what)
        self.report_outputs(expected, what, in_report)


class StorableText(Fields):
    """Escape sequences, controls, bidi, TOML look-alikes: stored exactly, shown neutralised."""

    def each_payload(self, body):
        for name, value in STORABLE.items():
            with self.subTest(payload=name):
                self.fresh_data_dir()
                body(name, value)

    def test_checkin_note(self):
        def body(name, value):
            r = self.checkin_note(value)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout)["note"], value, "the saved record's --json")
            self.assertTerminalSafe(r.stderr, "checkin stderr")
            self.check_checkin_note(value, name)
        self.each_payload(body)

    def test_checkin_note_from_stdin(self):
        def body(name, value):
            r = self.checkin_note(value + "\n", stdin=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.check_checkin_note(value, name)
        self.each_payload(body)

    def test_checkin_edit_note(self):
        def body(name, value):
            saved = self.json_of("checkin", "5", "--json")
            self.ok_bytes("checkin", "edit", saved["id"], "--note", value)
            self.check_checkin_note(value, name)
        self.each_payload(body)

    def test_boundary_text(self):
        def body(name, value):
            r = self.run_bytes("boundary-log", "add", value, "--json")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTerminalSafe(r.stderr, "add stderr")
            self.assertEqual(json.loads(r.stdout)["text"], value)
            self.assertEqual(self.last("boundary", "text"), value, f"{name}: month file")
            self.assertEqual(self.json_of("boundary-log", "list", "--json")[0]["text"], value)
            self.boundary_outputs(value, name)
        self.each_payload(body)

    def test_boundary_text_in_several_words(self):
        value = STORABLE["csi_clear"]
        self.ok_bytes("boundary-log", "add", "first", value, "last")
        self.assertEqual(self.last("boundary", "text"), f"first {value} last")

    def test_boundary_with(self):
        def body(name, value):
            self.ok_bytes("boundary-log", "add", "a boundary", "--with", value)
            self.assertEqual(self.last("boundary", "with"), value, f"{name}: month file")
            self.assertEqual(self.json_of("boundary-log", "list", "--json")[0]["with"], value)
            self.boundary_outputs(value, name, in_report=False)
        self.each_payload(body)

    def test_boundary_if_crossed(self):
        def body(name, value):
            self.ok_bytes("boundary-log", "add", "a boundary", "--if-crossed", value)
            self.assertEqual(self.last("boundary", "if_crossed"), value, f"{name}: month file")
            self.assertEqual(self.json_of("boundary-log", "list", "--json")[0]["if_crossed"], value)
            # crossing reminds of the plan, on stderr: neutralised too
            self.ok_bytes("boundary-log", "crossed", "1")
            self.boundary_outputs(value, name, in_report=False)
        self.each_payload(body)

    def test_boundary_add_note_argv_and_stdin(self):
        def body(name, value):
            self.ok_bytes("boundary-log", "add", "a boundary", "--note", value)
            self.assertEqual(self.last("boundary", "note"), value, f"{name}: month file")
            self.ok_bytes("boundary-log", "add", "another", "--note", "-", input=value + "\n")
            self.assertEqual(self.last("boundary", "note"), value, f"{name}: month file, from stdin")
            self.boundary_outputs(value, name)
        self.each_payload(body)

    def test_boundary_event_note(self):
        def body(name, value):
            self.seed_boundary()
            r = self.run_bytes("boundary-log", "tested", "1", "--note", value, "--json")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout)["note"], value)
            self.assertEqual(self.last("boundary", "note"), value, f"{name}: month file")
            self.ok_bytes("boundary-log", "held", "1", "--note", "-", input=value)
            self.assertEqual(self.last("boundary", "note"), value, f"{name}: from stdin")
            self.boundary_outputs(value, name)
        self.each_payload(body)

    def test_boundary_renegotiated_text(self):
        def body(name, value):
            self.seed_boundary()
            r = self.run_bytes("boundary-log", "renegotiated", "1", "--text", value, "--json")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTerminalSafe(r.stderr, "renegotiated stderr ('It now reads: ...')")
            self.assertEqual(json.loads(r.stdout)["text"], value)
            self.assertEqual(self.last("boundary", "text"), value, f"{name}: month file")
            self.assertEqual(self.json_of("boundary-log", "list", "--json")[0]["text"], value)
            self.boundary_outputs(value, name)
        self.each_payload(body)

    def prompt_id(self):
        return self.json_of("prompt", "today", "--json")["prompt_id"]

    def check_prompt_answer(self, value, what):
        self.assertEqual(self.last("prompt", "text"), value, f"{what}: month file")
        history = self.json_of("prompt", "history", "--json")
        self.assertEqual([h.get("text") for h in history if h["event"] == "answered"][-1], value,
                         f"{what}: history --json")
        self.text_outputs_safe([("prompt", "history"), ("prompt", "history", "--color", "always")], what)
        self.report_outputs(value, what)
        later = {"TEND_NOW": "2026-12-30T19:10:00+00:00"}
        revisit = self.json_of("prompt", "revisit", "--json", env=later)
        self.assertEqual(revisit["answer"]["text"], value, f"{what}: revisit --json")
        r = self.ok_bytes("prompt", "revisit", env=later)
        self.assertTerminalSafe(r.stdout, f"{what}: prompt revisit")

    def test_prompt_answer_text(self):
        def body(name, value):
            pid = self.prompt_id()
            r = self.run_bytes("prompt", "answer", pid, "--text", value, "--json")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout)["text"], value)
            self.check_prompt_answer(value, name)
        self.each_payload(body)

    def test_prompt_answer_from_stdin(self):
        def body(name, value):
            pid = self.prompt_id()
            self.ok_bytes("prompt", "answer", pid, "--text", "-", input=value + "\n")
            self.check_prompt_answer(value, name)
        self.each_payload(body)

    def test_month_files_hold_no_raw_controls(self):
        """A month file is safe to cat: every control and bidi character is escaped in it."""
        self.seed_boundary()
        pid = self.prompt_id()
        for value in STORABLE.values():
            self.ok_bytes("checkin", "5", "--note", value)
            self.ok_bytes("boundary-log", "held", "1", "--note", value)
            self.ok_bytes("prompt", "answer", pid, "--text", value)
        for kind in ("checkin", "boundary", "prompt"):
            self.assertTerminalSafe(self.read_month(kind=kind), f"{kind}/2026-11.toml")
            self.parse_month(kind=kind)


class TomlLookalikeTags(Fields):
    def test_tags_that_look_like_toml_are_stored_exactly(self):
        args = []
        for tag in TOML_TAGS:
            args += ["--tag", tag]
        r = self.run_bytes("checkin", "5", *args, "--note", "n", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["tags"], TOML_TAGS)
        self.assertEqual(self.last("checkin", "tags"), TOML_TAGS)
        self.assertEqual(self.json_of("checkin", "list", "--json")[0]["tags"], TOML_TAGS)
        for tag in TOML_TAGS:
            self.assertInJson(tag, self.json_of("report", "--format", "json"), f"tag {tag!r}: report json")
        self.text_outputs_safe([("checkin", "list"), ("checkin", "list", "--tag", '"""'), ("report",),
                                ("report", "--format", "markdown")], "toml tags")


class Refused(Fields):
    """Values that cannot be stored: exit 2 naming the flag, nothing written, nothing raw echoed."""

    def seed_all(self):
        self.ok_bytes("checkin", "5")
        self.seed_boundary()
        self.ok_bytes("prompt", "today")

    def attempts(self, value):
        """(tool, flag, args, input) for every free-text field given `value`."""
        yield "checkin", "--note", ["5", "--note", value], None
        yield "checkin", "--tag", ["5", "--tag", value], None
        yield "checkin", "--feel", ["5", "--feel", value], None
        yield "boundary-log", "TEXT", ["add", value], None
        yield "boundary-log", "--with", ["add", "a boundary", "--with", value], None
        yield "boundary-log", "--if-crossed", ["add", "a boundary", "--if-crossed", value], None
        yield "boundary-log", "--note", ["add", "a boundary", "--note", value], None
        yield "boundary-log", "--note", ["held", "1", "--note", value], None
        yield "boundary-log", "--text", ["renegotiated", "1", "--text", value], None
        yield "prompt", "--text", ["answer", "--text", value], None
        yield "breathe", "--pattern", ["--pattern", value, "--cycles", "1", "--no-settle"], None

    def stdin_attempts(self, data):
        yield "checkin", "--note", ["5", "--note", "-"]
        yield "boundary-log", "--note", ["add", "a boundary", "--note", "-"]
        yield "boundary-log", "--note", ["tested", "1", "--note", "-"]
        yield "prompt", "--text", ["answer", "--text", "-"]

    def test_invalid_utf8_is_refused_everywhere(self):
        self.seed_all()
        for name, value in INVALID_UTF8.items():
            for tool, flag, args, _ in self.attempts(value):
                with self.subTest(payload=name, tool=tool, flag=flag, args=args[:1]):
                    before = self.snapshot()
                    self.assertRefused(self.run_bytes(tool, *args), tool, flag, before, f"{tool} {flag} {name}")
            for tool, flag, args in self.stdin_attempts(value):
                with self.subTest(payload=name, tool=tool, flag=flag, stdin=True):
                    before = self.snapshot()
                    self.assertRefused(self.run_bytes(tool, *args, input=value + b"\n"), tool, flag, before,
                                       f"{tool} {flag} - {name}")

    def test_controls_in_tags_feelings_and_pattern_names_are_refused(self):
        self.seed_all()
        for name, value in STORABLE.items():
            for tool, flag, args, _ in self.attempts(value):
                if flag not in ("--tag", "--feel", "--pattern"):
                    continue
                with self.subTest(payload=name, flag=flag):
                    before = self.snapshot()
                    self.assertRefused(self.run_bytes(tool, *args), tool, flag, before, f"{flag} {name}")

    def test_toml_lookalike_feelings_and_patterns_are_refused(self):
        self.seed_all()
        for word in TOML_TAGS:
            with self.subTest(word=word):
                before = self.snapshot()
                self.assertRefused(self.run_bytes("checkin", "5", "--feel", word), "checkin", "--feel", before, word)
                self.assertRefused(self.run_bytes("breathe", "--pattern", word, "--cycles", "1", "--no-settle"),
                                   "breathe", "--pattern", before, word)

    def test_error_messages_that_echo_input_are_neutralised(self):
        """Every message that quotes what was typed shows it with escapes, never raw."""
        self.seed_all()
        evil = "\x1b]0;owned\x07\x1b[2J\u202e\x9b"
        cases = [
            ("checkin", ["edit", evil, "--mood", "3"]),
            ("checkin", ["delete", evil]),
            ("checkin", ["--mood", evil]),
            ("checkin", [evil]),
            ("checkin", ["5", "--at", evil]),
            ("checkin", ["list", "--since", evil]),
            ("checkin", ["list", "--last", evil]),
            ("checkin", ["--color", evil, "5"]),
            ("checkin", ["--" + evil]),
            ("checkin", ["edit", "zzzzz", "--clear", evil]),
            ("boundary-log", ["show", evil]),
            ("boundary-log", ["held", evil]),
            ("boundary-log", ["add", "x", "--type", evil]),
            ("boundary-log", ["held", "1", "--intensity", evil]),
            ("boundary-log", ["held", "1", "--at", evil]),
            ("boundary-log", ["list", "--type", evil]),
            ("boundary-log", [evil]),
            ("prompt", ["answer", evil, "--text", "x"]),
            ("prompt", ["decks", evil]),
            ("prompt", ["--deck", evil]),
            ("prompt", ["history", "--event", evil]),
            ("prompt", ["--depth", evil]),
            ("breathe", ["--pattern", evil]),
            ("breathe", ["--cycles", evil]),
            ("breathe", ["log", "--since", evil]),
            ("report", ["--week", evil]),
            ("report", ["--month", evil]),
            ("report", ["--from", evil]),
            ("report", ["--format", evil]),
            ("report", ["--week-start", evil]),
            ("report", ["-o", evil + ".pdf"]),
            ("checkin", ["--data-dir", "/proc/" + evil, "5"]),
            ("boundary-log", ["--data-dir", "/proc/" + evil, "add", "x"]),
        ]
        for tool, args in cases:
            with self.subTest(tool=tool, args=[a.encode("unicode_escape").decode() for a in args]):
                before = self.snapshot()
                r = self.run_bytes(tool, *args)
                self.assertNotEqual(r.returncode, 0, f"{tool} {args!r} should fail")
                self.assertTerminalSafe(r.stderr, f"{tool} {args!r} stderr")
                self.assertTerminalSafe(r.stdout, f"{tool} {args!r} stdout")
                self.assertEqual(self.snapshot(), before)


class StdinEdgeCases(Fields):
    """'-' reads standard input: NUL bytes, 1 MiB exactly, one byte more, an endless stream."""

    def stdin_fields(self):
        """(tool, flag, args, key, kind) for every field that takes '-'."""
        return [("checkin", "--note", ["5", "--note", "-"], "note", "checkin"),
                ("boundary-log", "--note", ["add", "a boundary", "--note", "-"], "note", "boundary"),
                ("boundary-log", "--note", ["held", "1", "--note", "-"], "note", "boundary"),
                ("prompt", "--text", ["answer", "--text", "-"], "text", "prompt")]

    def seed(self):
        self.ok_bytes("boundary-log", "add", "a boundary")
        self.ok_bytes("prompt", "today")

    def test_nul_bytes_are_stored_exactly_or_refused(self):
        value = "before\x00after \x00\x00 end"
        for tool, flag, args, key, kind in self.stdin_fields():
            with self.subTest(tool=tool, args=args[:1]):
                self.fresh_data_dir()
                self.seed()
                before = self.snapshot()
                r = self.run_bytes(tool, *args, input=value.encode())
                if r.returncode == 0:
                    self.assertEqual(self.last(kind, key), value, "NUL bytes stored, but not exactly")
                    self.assertTerminalSafe(self.read_month(kind=kind), "month file")
                    outputs = {"checkin": [("checkin", "list")], "boundary-log": [("boundary-log", "show", "1")],
                               "prompt": [("prompt", "history")]}[tool]
                    self.text_outputs_safe(outputs, "NUL")
                    self.report_outputs(value, "NUL")
                else:
                    self.assertRefused(r, tool, flag, before, "NUL")

    def test_one_mebibyte_is_stored_exactly(self):
        value = ("0123456789abcdef" * (MIB // 16 - 1)) + "\x1b[2J" + "z" * 12
        self.assertEqual(len(value.encode()), MIB)
        for tool, flag, args, key, kind in self.stdin_fields():
            with self.subTest(tool=tool, args=args[:1]):
                self.fresh_data_dir()
                self.seed()
                self.ok_bytes(tool, *args, input=value + "\n")
                self.assertEqual(self.last(kind, key), value)
        # the last data dir's prompt answer round-trips and prints safely at that size
        history = self.json_of("prompt", "history", "--json")
        self.assertEqual(history[-1]["text"], value)
        self.text_outputs_safe([("prompt", "history"), ("report",)], "1 MiB")

    def test_one_byte_more_is_refused(self):
        for extra, label in ((b"x", "1 MiB + 1 byte"), (b"x\n", "1 MiB + 1 byte and a line break"),
                             (b"\nmore", "1 MiB, a line break, then more")):
            for tool, flag, args, key, kind in self.stdin_fields():
                with self.subTest(case=label, tool=tool, args=args[:1]):
                    self.fresh_data_dir()
                    self.seed()
                    before = self.snapshot()
                    r = self.run_bytes(tool, *args, input=b"y" * MIB + extra)
                    self.assertRefused(r, tool, flag, before, label)
                    self.assertIn(b"1 MiB", r.stderr)

    def test_an_endless_stream_is_refused_without_a_hang(self):
        for tool, flag, args, key, kind in self.stdin_fields():
            with self.subTest(tool=tool, args=args[:1]):
                self.fresh_data_dir()
                self.seed()
                before = self.snapshot()
                with open("/dev/zero", "rb") as zero:
                    r = self.run_bytes(tool, *args, stdin=zero)
                self.assertRefused(r, tool, flag, before, "/dev/zero")


class LongArguments(Fields):
    """argv cannot carry more than 128 KiB in one string; the boundary TEXT can span many words."""

    def words_of_length(self, total, count=9):
        lengths = [(total - (count - 1)) // count] * count
        lengths[0] += (total - (count - 1)) - sum(lengths)
        self.assertLessEqual(max(lengths), ARG_MAX_STRLEN)
        return ["w" * n for n in lengths]

    def test_boundary_text_of_one_mebibyte_in_words(self):
        words = self.words_of_length(MIB)
        self.ok_bytes("boundary-log", "add", *words)
        self.assertEqual(self.last("boundary", "text"), " ".join(words))
        self.assertEqual(self.json_of("boundary-log", "show", "1", "--json")["text"], " ".join(words))

    def test_boundary_text_of_one_mebibyte_and_one_byte_is_refused(self):
        self.ok_bytes("boundary-log", "add", "a boundary")
        before = self.snapshot()
        r = self.run_bytes("boundary-log", "add", *self.words_of_length(MIB + 1))
        self.assertRefused(r, "boundary-log", "TEXT", before, "TEXT of 1 MiB + 1")
        self.assertIn(b"1 MiB", r.stderr)

    def test_the_longest_single_argument_is_stored_everywhere(self):
        value = ("\x1b[2J" + "x" * 96) * (ARG_MAX_STRLEN // 100) + "end"
        self.seed_boundary()
        pid = self.json_of("prompt", "today", "--json")["prompt_id"]
        for tool, args, kind, key in (
                ("checkin", ["5", "--note", value], "checkin", "note"),
                ("boundary-log", ["add", "b", "--with", value], "boundary", "with"),
                ("boundary-log", ["add", "b", "--if-crossed", value], "boundary", "if_crossed"),
                ("boundary-log", ["held", "1", "--note", value], "boundary", "note"),
                ("boundary-log", ["renegotiated", "1", "--text", value], "boundary", "text"),
                ("prompt", ["answer", pid, "--text", value], "prompt", "text")):
            with self.subTest(tool=tool, args=args[:1] + args[-2:-1]):
                self.ok_bytes(tool, *args)
                self.assertEqual(self.last(kind, key), value)
        self.text_outputs_safe([("checkin", "list"), ("boundary-log", "list"), ("boundary-log", "show", "1"),
                                ("prompt", "history"), ("report",)], "128 KiB")


class ReportHtml(Fields):
    def test_html_escapes_markup_and_quotes(self):
        evil = "<script>alert('x')</script> & \"quoted\" 'single' <img src=x onerror=y>"
        self.ok_bytes("checkin", "5", "--note", evil, "--tag", "<b>&'\"")
        self.ok_bytes("boundary-log", "add", evil, "--note", evil)
        pid = self.json_of("prompt", "today", "--json")["prompt_id"]
        self.ok_bytes("prompt", "answer", pid, "--text", evil)
        html = self.ok_bytes("report", "--format", "html").stdout.decode()
        for raw in ("<script", "<img", "<b>", "'x'", '"quoted"', "'single'", "& \"", "&'"):
            self.assertNotIn(raw, html, f"report html holds {raw!r} unescaped")
        self.assertIn("&lt;script&gt;", html)
        self.assertIn("&amp;", html)
        # every & in the page starts an entity
        self.assertEqual(re.findall(r"&(?!(?:[a-z]+|#\d+|#x[0-9a-fA-F]+);)", html), [])

    def test_no_notes_leaves_every_typed_text_out(self):
        secret = "secret-\x1b[2J-words"
        self.ok_bytes("checkin", "5", "--note", secret)
        self.ok_bytes("boundary-log", "add", secret, "--note", secret)
        pid = self.json_of("prompt", "today", "--json")["prompt_id"]
        self.ok_bytes("prompt", "answer", pid, "--text", secret)
        for fmt in ("text", "markdown", "json", "html", "csv"):
            with self.subTest(format=fmt):
                out = self.ok_bytes("report", "--no-notes", "--format", fmt).stdout
                self.assertNotIn(b"secret-", out)


class OutOfRange(HostileCase):
    """Numbers, dates and patterns that cannot be: exit 2 naming the flag, nothing written."""

    def refused(self, tool, flag, *args, **kwargs):
        before = self.snapshot()
        r = self.run_bytes(tool, *args, **kwargs)
        self.assertRefused(r, tool, flag, before, f"{tool} {' '.join(args)}")
        return r

    def test_scale_values(self):
        self.ok_bytes("checkin", "5")
        for value in ("11", "-1", "1e9", "5.5", "0x5", "", "+5", " 5", "5 ", "1000000000000000000000", "nan",
                      "٥", "５"):
            for flag in ("--mood", "--energy", "--anxiety", "--closeness", "--safety"):
                with self.subTest(flag=flag, value=value):
                    self.refused("checkin", flag, f"{flag}={value}")
                    if value and not value.startswith((" ", "-")):
                        self.refused("checkin", flag, flag, value)
            with self.subTest(positional=value):
                if value and not value.startswith("-"):
                    self.refused("checkin", "MOOD", value)

    def test_leading_zeros_are_decimal_not_octal(self):
        """CLI11 converted with base 0: '010' was octal, mood 8."""
        self.assertEqual(self.json_of("checkin", "--mood", "010", "--json")["mood"], 10)
        self.assertEqual(self.json_of("checkin", "007", "--anxiety", "08", "--json")["mood"], 7)
        self.assertEqual(self.month_records()[-1]["anxiety"], 8)

    def test_scale_values_in_edit(self):
        saved = self.json_of("checkin", "5", "--json")
        for value in ("11", "-1", "0x5", "5.5", ""):
            with self.subTest(value=value):
                self.refused("checkin", "--mood", "edit", saved["id"], f"--mood={value}")

    def test_intensity_and_ratings(self):
        self.ok_bytes("boundary-log", "add", "a boundary")
        for value in ("11", "-1", "1e9", "5.5", "0x5", ""):
            with self.subTest(value=value):
                self.refused("boundary-log", "--intensity", "held", "1", f"--intensity={value}")
                self.refused("breathe", "--before", f"--before={value}", "--after", "2", "--cycles", "1")
                self.refused("breathe", "--after", "--before", "2", f"--after={value}", "--cycles", "1")
        for value in ("0", "-1", "1001", "1.5", "0x5", ""):
            with self.subTest(cycles=value):
                self.refused("breathe", "--cycles", f"--cycles={value}", "--no-log")
        for value in ("0", "-1", "121", "nan", "inf", "0x5", ""):
            with self.subTest(minutes=value):
                self.refused("breathe", "--minutes", f"--minutes={value}", "--no-log")

    def test_impossible_and_future_dates(self):
        self.ok_bytes("checkin", "5")
        self.ok_bytes("boundary-log", "add", "a boundary", "--at", "2026-11-01")
        for value in ("2026-02-30", "2026-13-01", "2026-00-10", "2026-11-31", "25:00", "23:60", "24:00",
                      "2026-11-20T25:00", "tomorrow", "2026-11-22", "2026-11-22T09:00", "2027-01-01", "+2h",
                      "2026-11-21T21:00", "9999-12-31", "0000-01-01", "1969-12-31", "", "yesterday 99:00"):
            with self.subTest(at=value):
                self.refused("checkin", "--at", "5", f"--at={value}")
                self.refused("boundary-log", "--at", "add", "b", f"--at={value}")
                self.refused("boundary-log", "--at", "held", "1", f"--at={value}")

    def test_edit_to_the_future_is_refused(self):
        saved = self.json_of("checkin", "5", "--json")
        self.refused("checkin", "--at", "edit", saved["id"], "--at", "2026-11-22T10:00")
        self.refused("checkin", "--at", "edit", saved["id"], "--at", "2026-02-30")

    def test_breathing_patterns(self):
        for value in ("0-0-0-0", "4-0-0-0", "0-4", "31-0-4-0", "4-0-31", "-1-0-4-0", "nan-0-4-0", "inf-4", "4--4",
                      "4-4-4-4-4", "4", "", "-", "4-", "-4", "4.0001-4", "1e1-4", "0x4-4", "4-4-", "+4-4", "4 - 4",
                      "4-0-4+1", "2+0-4", "999999999999-4", "4,4", "box-4"):
            with self.subTest(pattern=value):
                self.refused("breathe", "--pattern", f"--pattern={value}", "--cycles", "1", "--no-settle")
                if value and not value.startswith("-"):
                    self.refused("breathe", "--pattern", "--pattern", value, "--cycles", "1", "--no-settle")

    def test_an_empty_value_after_equals_is_empty_not_the_next_argument(self):
        """CLI11 read '--pattern= --no-log' as the pattern '--no-log'; an empty value is refused as empty."""
        r = self.refused("breathe", "--pattern", "--pattern=", "--no-log")
        self.assertNotIn(b"'--no-log'", r.stderr)
        self.refused("checkin", "--at", "--at=", "5")
        saved = self.json_of("checkin", "--note=", "5", "--json")
        self.assertEqual(saved["mood"], 5)
        self.assertIsNone(saved["note"])

    def test_period_values(self):
        for flag, value in (("--week", "2026-W54"), ("--week", "2025-W53"), ("--week", "2026-W00"),
                            ("--month", "2026-13"), ("--month", "2026-00"), ("--from", "2026-02-30"),
                            ("--week-start", "funday")):
            with self.subTest(flag=flag, value=value):
                self.refused("report", flag, f"{flag}={value}")


# -- hand-edited month files that do not parse or check ----------------------------------------

GOOD = {
    "checkin": 'id = "{id}"\nat = 2026-11-20T09:00:00+00:00\nrecorded = 2026-11-20T09:00:00+00:00\nmood = 5\n',
    "boundary": ('id = "{id}"\nat = 2026-11-01T09:00:00+00:00\nrecorded = 2026-11-01T09:00:00+00:00\n'
                 'event = "added"\nboundary = {n}\ntext = "a boundary"\nhard = false\n'),
    "prompt": ('id = "{id}"\nat = 2026-11-20T09:00:00+00:00\nrecorded = 2026-11-20T09:00:00+00:00\n'
               'event = "answered"\nprompt_id = "{pid}"\ndeck = "{deck}"\ntext = "an answer"\n'),
    "breathe": ('id = "{id}"\nat = 2026-11-20T09:00:00+00:00\nrecorded = 2026-11-20T09:03:00+00:00\n'
                'pattern = "calm"\nspec = "4-0-6-0"\nplanned_cycles = 18\ncycles = 18\nseconds = 180.0\n'
                'interrupted = false\nworst_lateness_ms = 0.4\n'),
}

# What breaks each copy: (name, line of the problem in the file, how to break the second record).
CORRUPTIONS = ("syntax", "wrong_type", "unknown_key", "duplicate_id")


class HandEditedFiles(HostileCase):
    """A month file that does not parse or check: exit 65 with file:line:col, bytes untouched."""

    def setUp(self):
        super().setUp()
        today = json.loads(self.run_tool("today", "--json", tool="prompt").stdout)
        self.pid, self.deck = today["prompt_id"], today["deck"]
        self.fresh_data_dir()

    def record(self, kind, rid, n=1):
        return f"[[{kind}]]\n" + GOOD[kind].format(id=rid, n=n, pid=self.pid, deck=self.deck)

    def broken_file(self, kind, corruption):
        """Two good records and a broken third; returns (text, line of the problem)."""
        head = f"# edited by hand\n\n{self.record(kind, 'a2h01')}\n{self.record(kind, 'a2h02', 2)}\n"
        line = head.count("\n") + 1
        third = self.record(kind, "a2h03", 3)
        if corruption == "syntax":
            third = third.replace("id = ", "id = = ", 1)
            line += 1
        elif corruption == "wrong_type":
            key, bad = {"checkin": ("mood = ", 'mood = "five"'), "boundary": ("hard = ", 'hard = "no"'),
                        "prompt": ("text = ", "text = 42"), "breathe": ("cycles = ", "cycles = 18.5")}[kind]
            lines = third.split("\n")
            index = next(i for i, l in enumerate(lines) if l.startswith(key))
            lines[index] = bad
            third = "\n".join(lines)
            line += index
        elif corruption == "unknown_key":
            third += "colour = \"blue\"\n"
            line += third.count("\n") - 1
        elif corruption == "duplicate_id":
            third = third.replace("a2h03", "a2h01", 1)
        return head + third, line

    def commands(self, kind):
        """Every reading and writing command that touches this kind's November file."""
        n = self.pid
        cmds = {
            "checkin": [["checkin", "5"], ["checkin", "list"], ["checkin", "list", "--json"],
                        ["checkin", "list", "--last", "1"], ["checkin", "edit", "a2h01", "--mood", "6"],
                        ["checkin", "edit", "a2h02", "--note", "x"], ["checkin", "delete", "a2h02"],
                        ["checkin", "delete", "a2h01"], ["checkin", "undo"], ["checkin", "due"],
                        ["checkin", "5", "--at", "2026-11-02"], ["checkin", "--json", "5"]],
            "boundary": [["boundary-log", "add", "another"], ["boundary-log"], ["boundary-log", "list"],
                         ["boundary-log", "list", "--json"], ["boundary-log", "show", "1"],
                         ["boundary-log", "show", "1", "--json"], ["boundary-log", "held", "1"],
                         ["boundary-log", "renegotiated", "2", "--text", "new"], ["boundary-log", "retired", "1"]],
            "prompt": [["prompt"], ["prompt", "today"], ["prompt", "answer", n, "--text", "x"],
                       ["prompt", "skip", n], ["prompt", "fav", n], ["prompt", "unfav", n], ["prompt", "history"],
                       ["prompt", "history", "--json"], ["prompt", "history", "--favs"], ["prompt", "revisit"],
                       ["prompt", "answer", "--text", "x"]],
            "breathe": [["breathe", "--pattern", "0.001-0.001", "--cycles", "1", "--no-settle"],
                        ["breathe", "--pattern", "0.001-0.001", "--cycles", "1", "--no-settle", "--json"],
                        ["breathe", "log"], ["breathe", "log", "--json"]],
        }[kind]
        report = [["report"], ["report", "--format", "json"], ["report", "--format", "markdown"],
                  ["report", "--format", "html"], ["report", "--format", "csv"], ["report", "--month", "2026-11"],
                  ["report", "--no-notes"], ["report", "-o", "week.md"], ["report", "--check"]]
        return cmds + report

    def test_every_command_stops_with_65_and_leaves_the_file_alone(self):
        for kind in GOOD:
            for corruption in CORRUPTIONS:
                self.fresh_data_dir()
                text, line = self.broken_file(kind, corruption)
                self.write_month(text, kind=kind)
                if kind == "checkin":  # as if a2h01 were the check-in just saved, for 'checkin undo'
                    self.write_last("a2h01")
                path = self.month_path(kind=kind)
                for argv in self.commands(kind):
                    tool, *args = argv
                    with self.subTest(kind=kind, corruption=corruption, argv=argv):
                        before = self.snapshot()
                        r = self.run_tool(*args, tool=tool)
                        self.assertEqual(r.returncode, 65, f"expected exit 65; stdout {r.stdout[:300]!r}, "
                                                           f"stderr {r.stderr!r}")
                        # report --check lists what it found on stdout; everything else says it on stderr
                        said = r.stdout + r.stderr if args == ["--check"] else r.stderr
                        self.assertRegex(said, re.escape(path) + LOC_RE, "the message should give file:line:col")
                        self.assertIn(f"{path}:{line}:", said, "the line of the problem")
                        self.assertTerminalSafe(r.stderr, "stderr")
                        self.assertEqual(self.snapshot(), before, "a file that does not check is never rewritten")
                        self.assertFalse(os.path.exists(os.path.join(self.tmp, "week.md")),
                                         "report -o wrote a report over broken data")

    def test_a_record_in_another_month_is_still_edited(self):
        """A broken November does not stop work on October, but edits never move a record into it."""
        text, _ = self.broken_file("checkin", "syntax")
        self.write_month(text)
        self.write_month(self.record("checkin", "a1h01").replace("2026-11-20", "2026-10-20"), month="2026-10")
        october = self.month_path("2026-10")
        broken = self.read_month()
        r = self.run_tool("edit", "a1h01", "--mood", "7")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.month_records("2026-10")[0]["mood"], 7)
        r = self.run_tool("edit", "a1h01", "--at", "2026-11-02")
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn(self.month_path() + ":", r.stderr)
        self.assertEqual(self.read_month(), broken)
        self.assertEqual(self.month_records("2026-10")[0]["mood"], 7, f"{october} lost its record")

    def test_a_data_dir_path_with_escapes_is_shown_neutralised(self):
        self.data_dir = os.path.join(self.tmp, "data \x1b]0;t\x07\x1b[2J \u202e")
        text, _ = self.broken_file("checkin", "syntax")
        self.write_month(text)
        for tool, args in (("checkin", ["list"]), ("checkin", ["5"]), ("report", []), ("report", ["--check"])):
            with self.subTest(tool=tool, args=args):
                r = self.run_tool(*args, tool=tool, raw=True)
                self.assertEqual(r.returncode, 65, r.stderr)
                self.assertTerminalSafe(r.stderr, f"{tool} stderr")
                self.assertTerminalSafe(r.stdout, f"{tool} stdout")
                self.assertIn(b"\\x1b]0;t\\x07", r.stdout + r.stderr, "the path, escaped")

    def test_invalid_utf8_and_controls_in_a_file(self):
        """Bytes that are not UTF-8, or a raw control in a string: 65 with file:line:col."""
        head = self.record("checkin", "a2h01")
        for label, body in (("invalid utf-8", head.encode() + b'note = "bad \xff byte"\n'),
                            ("raw ESC in a string", head.encode() + b'note = "raw \x1b[2J esc"\n'),
                            ("NUL", head.encode() + b'note = "nul \x00 byte"\n'),
                            ("bidi key", head.encode() + '"\u202enote" = "x"\n'.encode())):
            with self.subTest(case=label):
                self.fresh_data_dir()
                self.write_month(body)
                for args in (["list"], ["5"], ["edit", "a2h01", "--mood", "3"]):
                    before = self.snapshot()
                    r = self.run_tool(*args, raw=True)
                    self.assertEqual(r.returncode, 65, r.stderr)
                    self.assertIn(self.month_path().encode() + b":", r.stderr)
                    self.assertRegex(r.stderr.decode("utf-8", "replace"), re.escape(self.month_path()) + LOC_RE)
                    self.assertTerminalSafe(r.stderr, f"{label} stderr")
                    self.assertEqual(self.snapshot(), before)


if __name__ == "__main__":
    unittest.main()
