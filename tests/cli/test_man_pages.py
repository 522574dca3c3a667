"""Every man page in man/ is lint-clean under mandoc and groff and has the sections a reader looks for."""

import glob
import os
import re
import shutil
import subprocess
import unittest

from tendtest import SOURCE_DIR, TOOLS

PAGES = sorted(glob.glob(os.path.join(SOURCE_DIR, "man", "*.[1-8]")))
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
