# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What every tool in TEND_TOOLS does alike: --help, --version, unknown options, /dev/full."""

import os
import re
import signal
import unittest

from tendtest import SOURCE_DIR, TOOLS, TendTestCase


def project_version():
    """The VERSION in the top-level CMakeLists.txt, or None when it cannot be found."""
    try:
        with open(os.path.join(SOURCE_DIR, "CMakeLists.txt"), encoding="utf-8") as f:
            m = re.search(r"project\s*\(\s*tend\b[^)]*\bVERSION\s+(\d+\.\d+\.\d+)", f.read())
    except OSError:
        return None
    return m.group(1) if m else None


class EveryTool(TendTestCase):
    def required_tools(self):
        return TOOLS

    def test_tools_listed(self):
        self.assertTrue(TOOLS, "TEND_TOOLS names no tools")

    def test_help(self):
        for tool in TOOLS:
            for flag in ("--help", "-h"):
                with self.subTest(tool=tool, flag=flag):
                    r = self.run_tool(flag, tool=tool)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertEqual(r.stderr, "", "help goes to stdout only")
                    self.assertIn("Usage:", r.stdout)
                    self.assertIn(tool, r.stdout)
                    for option in ("--help", "--version", "--data-dir"):
                        self.assertIn(option, r.stdout)
                    self.assertNotIn("\x1b", r.stdout)
                    self.assertFalse(os.path.exists(self.data_dir), "--help must not create the data dir")

    def test_version(self):
        expected = project_version()
        for tool in TOOLS:
            with self.subTest(tool=tool):
                r = self.run_tool("--version", tool=tool)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stderr, "")
                m = re.fullmatch(rf"{re.escape(tool)} \(tend\) (\d+\.\d+\.\d+)\n", r.stdout)
                self.assertIsNotNone(m, f"--version should print '{tool} (tend) X.Y.Z': {r.stdout!r}")
                if expected:
                    self.assertEqual(m.group(1), expected, "the version is the project's, from CMakeLists.txt")

    def test_version_ignores_a_broken_config(self):
        self.write_config("this is [not toml\n")
        for tool in TOOLS:
            with self.subTest(tool=tool):
                r = self.run_tool("--version", tool=tool)
                self.assertEqual(r.returncode, 0, r.stderr)

    def test_help_fits_80_columns(self):
        for tool in TOOLS:
            top = self.run_tool("--help", tool=tool).stdout
            subcommands = re.findall(r"^  ([a-z][a-z-]*)\s", top.split("Subcommands:")[1], re.M) if "Subcommands:" in top else []
            for sub in ["", *subcommands]:
                with self.subTest(tool=tool, subcommand=sub):
                    r = self.run_tool(*([sub] if sub else []), "--help", tool=tool)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertEqual([line for line in r.stdout.splitlines() if len(line) > 80], [])

    def test_unknown_option(self):
        for tool in TOOLS:
            with self.subTest(tool=tool):
                r = self.run_tool("--no-such-option", tool=tool)
                self.assertUsageError(r, tool=tool)
                self.assertIn("--no-such-option", r.stderr)
                self.assertFalse(os.path.exists(self.data_dir))

    def test_write_error_on_stdout(self):
        for tool in TOOLS:
            for flag in ("--version", "--help"):
                with self.subTest(tool=tool, flag=flag):
                    with open("/dev/full", "w") as full:
                        r = self.run_tool(flag, tool=tool, stdout=full)
                    self.assertNotEqual(r.returncode, 0, f"{tool} {flag} > /dev/full must fail")
                    self.assertEqual(r.stderr, f"{tool}: error: standard output: No space left on device\n")

    def test_a_closed_pipe_on_stdout_says_why(self):
        # With SIGPIPE ignored (as by some shells and supervisors) the write fails with EPIPE.
        for tool in TOOLS:
            with self.subTest(tool=tool):
                read_end, write_end = os.pipe()
                os.close(read_end)
                try:
                    r = self.run_tool("--help", tool=tool, stdout=write_end,
                                      preexec=lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN))
                finally:
                    os.close(write_end)
                self.assertEqual(r.returncode, 1)
                self.assertEqual(r.stderr, f"{tool}: error: standard output: Broken pipe\n")

    def test_help_options_in_man_page(self):
        for tool in TOOLS:
            with self.subTest(tool=tool):
                page = os.path.join(SOURCE_DIR, "man", f"{tool}.1")
                self.assertTrue(os.path.exists(page), f"{tool} has no man page {page}")
                with open(page, encoding="utf-8") as f:
                    roff = f.read().replace("\\-", "-").replace("\\f[BIR]", "").replace("\\fP", "")
                help_text = self.run_tool("--help", tool=tool).stdout
                # Subcommands' own options count too: "Subcommands:" lists them two spaces in.
                section = help_text.split("Subcommands:", 1)[1] if "Subcommands:" in help_text else ""
                for sub in re.findall(r"(?m)^  ([a-z][a-z0-9-]*)\s", section):
                    help_text += self.run_tool(sub, "--help", tool=tool).stdout
                options = sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]+)", help_text)))
                missing = [o for o in options if o not in roff]
                self.assertEqual(missing, [], f"long options in {tool} --help but not in {page}")


class CheckinDevFull(TendTestCase):
    def test_list_to_dev_full_fails(self):
        self.add("5")
        with open("/dev/full", "w") as full:
            r = self.checkin("list", stdout=full)
        self.assertEqual(r.returncode, 1)
        self.assertIn("checkin: error: ", r.stderr)
        with open("/dev/full", "w") as full:
            r = self.checkin("list", "--json", stdout=full)
        self.assertEqual(r.returncode, 1)


if __name__ == "__main__":
    unittest.main()
