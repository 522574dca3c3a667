# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every man page is lint-clean under mandoc and groff, has the sections a reader looks for, and names the paths of its install.

The pages in man/ hold placeholders (@CMAKE_INSTALL_FULL_BINDIR@ and the like) that cmake/docs.cmake fills in
with configure_file; these tests read the pages it wrote into the build dir, as they are installed.
"""

import glob
import os
import re
import shutil
import subprocess
import unittest

from tendtest import BUILD_DIR, SOURCE_DIR, TOOLS

SOURCES = sorted(glob.glob(os.path.join(SOURCE_DIR, "man", "*.[1-8]")))
PAGES = [os.path.join(BUILD_DIR, "docs", "man", os.path.basename(p)) for p in SOURCES]
SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES",
            "SEE ALSO"]


def sections(page):
    with open(page, encoding="utf-8") as f:
        return [m.strip().strip('"') for m in re.findall(r"(?m)^\.S[Hh] (.+)$", f.read())]


class ManPages(unittest.TestCase):
    def test_the_pages_are_there(self):
        names = {os.path.basename(p) for p in PAGES}
        expected = {f"{tool}.1" for tool in TOOLS} | {"tend.5", "tend.7"}
        self.assertEqual(sorted(expected - names), [], "man pages missing")

    def test_the_build_configured_every_page(self):
        for page in PAGES:
            with self.subTest(page=os.path.basename(page)):
                self.assertTrue(os.path.isfile(page), f"{page} is missing: configure the build again")
                with open(page, encoding="utf-8") as f:
                    self.assertEqual(re.findall(r"@[A-Z_]+@", f.read()), [], "placeholders left")

    def test_no_page_names_a_prefix_of_its_own(self):
        # Paths of the install come from the build: a page spelling /usr/local/bin is wrong for the .deb.
        for source in SOURCES:
            with open(source, encoding="utf-8") as f:
                text = f.read()
            with self.subTest(page=os.path.basename(source)):
                self.assertEqual(re.findall(r"/usr/(?:local/)?(?:bin|share)/\S*", text), [])

    def test_sections(self):
        for page in PAGES:
            with self.subTest(page=os.path.basename(page)):
                found = sections(page)
                self.assertEqual([s for s in SECTIONS if s not in found], [], f"sections missing from {page}")
                if page.endswith(".1"):  # the tools' pages, in one order; tend(5) and tend(7) read as guides
                    order = [s for s in found if s in SECTIONS]
                    self.assertEqual(order, SECTIONS, f"sections out of order in {page}")

    @unittest.skipUnless(shutil.which("mandoc"), "mandoc is not installed (apt-get install mandoc)")
    def test_mandoc_lint(self):
        for page in PAGES:
            with self.subTest(page=os.path.basename(page)):
                r = subprocess.run(["mandoc", "-Tlint", "-W", "warning", page], capture_output=True, text=True)
                self.assertEqual((r.returncode, r.stdout + r.stderr), (0, ""))

    @unittest.skipUnless(shutil.which("groff"), "groff is not installed (apt-get install groff-base)")
    def test_groff_warnings(self):
        for page in PAGES:
            with self.subTest(page=os.path.basename(page)):
                r = subprocess.run(["groff", "-ww", "-z", "-man", page], capture_output=True, text=True)
                self.assertEqual((r.returncode, r.stderr), (0, ""))


if __name__ == "__main__":
    unittest.main()
