# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What `cmake --install` and the .deb put on a machine: every file in place, every tool and completion working there.

The install goes to a temp prefix once per class; the .deb is built with cpack into a temp dir and
unpacked with dpkg-deb into a fresh root. The tools run from those places, with the installed
completions loaded by bash, zsh and fish as each shell would find them. A shell, cpack or dpkg-deb
that is not installed skips only the tests that need it.
"""

import glob
import gzip
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from tendtest import BUILD_DIR, SOURCE_DIR, SetupError, TendTestCase

TOOLS = ["checkin", "breathe", "prompt", "boundary-log", "report"]
BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"
TIMEOUT = 300  # cpack compresses the whole tree; slow on a loaded 2-core machine


def project_version():
    with open(os.path.join(SOURCE_DIR, "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r"project\s*\(\s*tend\b[^)]*\bVERSION\s+(\d+\.\d+\.\d+)", f.read())
    if not m:
        raise SetupError("no project(tend VERSION x.y.z) in CMakeLists.txt")
    return m.group(1)


def run_setup(argv, check_status=True, **kwargs):
    """Runs a setup step (install, cpack, unpack); its failure is an ERROR, not a FAIL."""
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, **kwargs)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SetupError(f"{argv!r}: {e}") from e
    if check_status and proc.returncode != 0:
        raise SetupError(f"{argv!r} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def files_under(root):
    """Every file and symlink under root, as paths relative to it."""
    found = set()
    for dirpath, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(dirpath, name), root))
    return found


def examples():
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(SOURCE_DIR, "examples", "*"))) + ["config.example.toml"]


def man_pages():
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(SOURCE_DIR, "man", "*.[157]")))


def zsh_function(tool):
    # zsh ships a _prompt of its own (for promptinit's prompt function): tend's is _tend_prompt.
    return "_tend_prompt" if tool == "prompt" else f"_{tool}"


def expected_files():
    """The files an install must have, relative to the prefix: nothing more, nothing less."""
    files = {f"bin/{tool}" for tool in TOOLS}
    files |= {f"share/man/man{page[-1]}/{page}.gz" for page in man_pages()}
    files |= {"share/doc/tend/copyright", "share/doc/tend/changelog.gz"}
    files |= {f"share/doc/tend/examples/{name}" for name in examples()}
    for tool in TOOLS:
        files |= {f"share/bash-completion/completions/{tool}", f"share/zsh/vendor-completions/{zsh_function(tool)}",
                  f"share/fish/vendor_completions.d/{tool}.fish"}
    files |= {f"share/fish/vendor_functions.d/{os.path.basename(p)}"
              for p in glob.glob(os.path.join(SOURCE_DIR, "completions", "fish", "functions", "*.fish"))}
    return files


# Completes the line in $2 the way bash would call the completion: with bash-completion's loader
# (which finds the file in $XDG_DATA_DIRS) when $1 is "loader", else by sourcing the file $1.
BASH_DRIVER = r"""
if [[ $1 == loader ]]; then
    source /usr/share/bash-completion/bash_completion
else
    source "$1"
fi
line=$2
read -ra COMP_WORDS <<< "$line"
[[ $line == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line
COMP_POINT=${#line}
if [[ $1 == loader ]]; then
    __load_completion "${COMP_WORDS[0]}" || { echo "no completion found for ${COMP_WORDS[0]}" >&2; exit 3; }
fi
spec=$(complete -p "${COMP_WORDS[0]}") || exit 3
function=${spec#*-F }
function=${function%% *}
"$function" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
"""


# Completes the line in $2 in an interactive zsh on a pseudo-terminal (zsh/zpty), with the
# completion functions in $1 on fpath, and prints each match compadd is given, one a line.
# The interactive zsh's standard error goes to the file $4, for the test to read: on the
# terminal it would be lost among the matches. $5 is run first (e.g. promptinit).
# (After Valodim's zsh-capture-completion.)
ZSH_DRIVER = r"""
zmodload zsh/zpty || exit 3
zpty z "zsh -f -i 2>${(q)4}"
zpty -w z "PS1=''; RPS1=''; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -d ${(q)3}; $5"
zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" insert-tab false'
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits
  builtin compadd -A __hits "$@"
  local h; for h in $__hits; do print -r -- "<<$IPREFIX$h>>"; done
}'
zpty -w z 'null-line () { echo -E - $'"'"'\0'"'"' }; compprefuncs=(null-line); comppostfuncs=(finish)'
zpty -w z 'finish () { echo -E - $'"'"'\0'"'"'; exit }; bindkey "^I" complete-word'
zpty -n -w z "$2"$'\t'
integer seen=0
while zpty -r z; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0\r' ]]; then (( seen++ )) && exit 0 || continue; fi
  (( seen )) && [[ $line == *'<<'*'>>'* ]] && print -r -- "${${line#*<<}%>>*}"
done
"""


class InstalledTree(TendTestCase):
    """Runs the tools from an install prefix: the checks shared by `cmake --install` and the .deb."""

    prefix = None  # set by each class's setUpClass

    def required_tools(self):
        return []

    def installed(self, *parts):
        return os.path.join(self.prefix, *parts)

    def run_installed(self, tool, *args, env=None, input=None):
        env = self.env({"PATH": self.installed("bin") + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"), **(env or {})})
        try:
            proc = subprocess.run([self.installed("bin", tool), *args], input=input, capture_output=True, text=True,
                                  env=env, cwd=self.tmp, timeout=20)
        except subprocess.TimeoutExpired:
            self.fail(f"installed {tool} {args!r} did not finish in 20 s")
        return proc

    def ok_installed(self, tool, *args, **kwargs):
        proc = self.run_installed(tool, *args, **kwargs)
        self.assertEqual(proc.returncode, 0, f"installed {tool} {args!r}:\n{proc.stdout}\n{proc.stderr}")
        return proc

    def check_files(self):
        present = files_under(self.prefix)
        self.assertEqual(sorted(expected_files() - present), [], f"missing under {self.prefix}")
        # Nothing the tools never read: the shipped decks, patterns and feelings are compiled in.
        self.assertEqual(sorted(present - expected_files()), [], f"not expected under {self.prefix}")
        for tool in TOOLS:
            self.assertTrue(os.access(self.installed("bin", tool), os.X_OK), f"bin/{tool} is not executable")

    def check_bash_completion_is_one_file(self):
        directory = self.installed("share", "bash-completion", "completions")
        real = [tool for tool in TOOLS if not os.path.islink(os.path.join(directory, tool))]
        self.assertEqual(real, [TOOLS[0]], "one file, the others linking to it")
        for tool in TOOLS[1:]:
            self.assertEqual(os.readlink(os.path.join(directory, tool)), TOOLS[0])

    def check_man_pages_name_the_prefix(self, prefix):
        """The installed pages and examples give the paths of this install, and the cron lines work there."""
        for page in man_pages():
            with gzip.open(self.installed("share", "man", f"man{page[-1]}", f"{page}.gz"), "rt", encoding="utf-8") as f:
                text = f.read()
            with self.subTest(page=page):
                self.assertNotIn("@", re.sub(r"[\w.+-]+@[\w.-]+", "", text), "placeholders left")
                for path in re.findall(r"(/\S*?/bin/)[a-z-]+\b", text.replace("\\-", "-")):
                    self.assertEqual(path, f"{prefix}/bin/")
        with gzip.open(self.installed("share", "man", "man1", "report.1.gz"), "rt", encoding="utf-8") as f:
            self.assertIn(f"{prefix}/bin/report", f.read())
        with open(self.installed("share", "doc", "tend", "examples", "tend-report.service"), encoding="utf-8") as f:
            self.assertIn(f"ExecStart={prefix}/bin/report ", f.read())

    def check_tools_run(self):
        version = project_version()
        for tool in TOOLS:
            with self.subTest(tool=tool):
                proc = self.ok_installed(tool, "--version")
                self.assertEqual(proc.stdout, f"{tool} (tend) {version}\n")

        saved = json.loads(self.ok_installed("checkin", "6", "--feel", "calm", "--note", "installed", "--json").stdout)
        self.assertEqual(saved["mood"], 6)
        listed = json.loads(self.ok_installed("checkin", "list", "--json").stdout)
        self.assertEqual([r["id"] for r in listed], [saved["id"]])
        self.assertTrue(glob.glob(os.path.join(self.kind_dir("checkin"), "*")), "the check-in is in TEND_DATA_DIR")

    def check_shipped_data_found(self):
        # The tools compile their shipped data in (cmake/embed.cmake, prompt's deck_gen), so an
        # installed tool needs no path to share/tend; share/tend is there to read and copy from.
        patterns = [p["name"] for p in json.loads(self.ok_installed("breathe", "--list", "--json").stdout)]
        self.assertIn("calm", patterns)
        decks = {d["name"] for d in json.loads(self.ok_installed("prompt", "decks", "--json").stdout)}
        self.assertEqual(len(decks), len(glob.glob(os.path.join(SOURCE_DIR, "data", "decks", "*.toml"))), decks)
        self.ok_installed("checkin", "feelings", "--json")


class CmakeInstall(InstalledTree):
    @classmethod
    def setUpClass(cls):
        cmake = shutil.which("cmake")
        if not cmake:
            raise unittest.SkipTest("cmake is not installed")
        cls.root = tempfile.mkdtemp(prefix="tend-install-")
        cls.prefix = os.path.join(cls.root, "prefix")
        run_setup([cmake, "--install", BUILD_DIR, "--prefix", cls.prefix])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def test_files_in_place(self):
        self.check_files()

    def test_installed_tools_run_and_check_in(self):
        self.check_tools_run()

    def test_installed_tools_find_their_shipped_data(self):
        self.check_shipped_data_found()

    def test_bash_completion_is_one_file_and_links(self):
        self.check_bash_completion_is_one_file()

    def test_man_pages_and_examples_name_this_prefix(self):
        self.check_man_pages_name_the_prefix(self.prefix)

    def at_home(self, text):
        return text.replace("/home/you/.local/share/tend", self.data_dir).replace("/home/you", self.home)

    def cron_lines(self):
        """The crontab lines of the installed pages' EXAMPLES: (variables, command) pairs."""
        jobs = []
        for page in ("man1/checkin.1.gz", "man1/report.1.gz", "man7/tend.7.gz"):
            with gzip.open(self.installed("share", "man", page), "rt", encoding="utf-8") as f:
                text = f.read().replace("\\-", "-").replace("\\(aq", "'")
            variables = {}
            for line in text.splitlines():
                if m := re.fullmatch(r"([A-Z_]+)=(\S+)", line):
                    variables[m.group(1)] = m.group(2)
                elif m := re.fullmatch(r"(?:\S+ ){5}(/.*)", line):
                    jobs.append((dict(variables), m.group(1)))
                elif line == ".EE":
                    variables = {}
        return jobs

    def test_cron_examples_run_in_crons_bare_environment(self):
        """Each crontab line of the man pages runs under `env -i` with only what cron sets (PATH=/usr/bin:/bin)."""
        os.makedirs(os.path.join(self.home, "reports"))
        jobs = self.cron_lines()
        self.assertGreaterEqual(len(jobs), 4, jobs)
        for variables, command in jobs:
            with self.subTest(command=command):
                self.assertTrue(command.startswith(self.installed("bin") + "/"), command)
                if "| mail" in command:
                    self.assertIn("| mail -E ", command, "an empty report sends no mail only with -E")
                    command = command.split(" | mail")[0]  # no mail on this machine: run what feeds it
                cron_env = [f"{k}={self.at_home(v)}" for k, v in variables.items()]
                command = self.at_home(command)
                proc = subprocess.run(["env", "-i", "PATH=/usr/bin:/bin", "SHELL=/bin/sh", f"HOME={self.home}",
                                       "LOGNAME=you", *cron_env, "/bin/sh", "-c", command],
                                      capture_output=True, text=True, cwd=self.tmp, timeout=20)
                self.assertIn(proc.returncode, (0, 1) if " due" in command else (0,), proc.stderr)
                self.assertEqual(proc.stderr, "")
                if " due" not in command and "-o " not in command:
                    self.assertEqual(proc.stdout, "", "a quiet week mails nothing")
        self.assertTrue(os.path.isfile(os.path.join(self.home, "reports", "month.html")))

    @unittest.skipUnless(shutil.which("systemd-analyze"), "systemd-analyze is not installed (apt-get install systemd)")
    def test_systemd_units_verify(self):
        examples = self.installed("share", "doc", "tend", "examples")
        runtime = os.path.join(self.tmp, "runtime")
        os.mkdir(runtime, 0o700)
        env = {"XDG_RUNTIME_DIR": runtime, "MANPATH": self.installed("share", "man")}
        proc = self.run_installed_shell(["systemd-analyze", "--user", "verify",
                                         os.path.join(examples, "tend-report.timer"),
                                         os.path.join(examples, "tend-report.service")], env)
        self.assertEqual((proc.returncode, proc.stderr), (0, ""))

    def test_systemd_units_in_report_1_are_the_examples(self):
        with gzip.open(self.installed("share", "man", "man1", "report.1.gz"), "rt", encoding="utf-8") as f:
            page = f.read().replace("\\-", "-").replace("\\(aq", "'")
        for unit in ("tend-report.service", "tend-report.timer"):
            with open(self.installed("share", "doc", "tend", "examples", unit), encoding="utf-8") as f:
                lines = [line for line in f.read().splitlines() if not line.startswith("#")]
            shown = page.split(f"# {unit}\n", 1)[1].split("\n.EE", 1)[0].split("\n\n# ", 1)[0].splitlines()
            with self.subTest(unit=unit):
                self.assertEqual(shown, lines)

    # -- completions ----------------------------------------------------------------------

    def bash_complete(self, line, source):
        env = {"XDG_DATA_DIRS": self.installed("share")}
        script = os.path.join(self.tmp, "complete.bash")
        with open(script, "w", encoding="utf-8") as f:
            f.write(BASH_DRIVER)
        proc = self.run_installed_shell(["bash", "--norc", "--noprofile", script, source, line], env)
        self.assertEqual(proc.returncode, 0, f"bash completing {line!r}:\n{proc.stderr}")
        self.assertEqual(proc.stderr, "", f"bash completing {line!r}")
        return proc.stdout.split()

    def run_installed_shell(self, argv, env=None):
        env = self.env({"PATH": self.installed("bin") + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"), **(env or {})})
        return subprocess.run(argv, capture_output=True, text=True, env=env, cwd=self.tmp, timeout=20)

    def some_records(self):
        """A check-in and a boundary in the data dir, for the completions that list them."""
        checkin_id = json.loads(self.ok_installed("checkin", "5", "--json").stdout)["id"]
        number = self.ok_installed("boundary-log", "add", "I", "rest", "on", "Sundays", "-q").stdout.strip()
        return checkin_id, number

    def check_completions(self, complete):
        checkin_id, number = self.some_records()
        deck = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(SOURCE_DIR, "data", "decks", "*.toml")))[0]
        self.assertEqual(complete("checkin li"), ["list"])
        patterns = complete("breathe --pattern ")
        self.assertIn("calm", patterns)
        self.assertNotIn("grounding", patterns, "an exercise is not a pattern")
        exercises = complete("breathe --exercise ")
        self.assertEqual(sorted(e for e in exercises if e in ("grounding", "muscles", "body-scan", "calm")),
                         ["body-scan", "grounding", "muscles"])
        self.assertIn(deck, complete("prompt --deck "))
        self.assertIn(number, complete("boundary-log held "))
        self.assertIn(checkin_id, complete("checkin edit "))
        self.assertIn("html", complete("report --format "))
        self.assertIn("--since", complete("checkin list --"))

    def test_bash_files_parse_and_register(self):
        for tool in TOOLS:
            path = self.installed("share", "bash-completion", "completions", tool)
            with self.subTest(tool=tool):
                proc = self.run_installed_shell(["bash", "-n", path])
                self.assertEqual(proc.returncode, 0, proc.stderr)
                proc = self.run_installed_shell(["bash", "--norc", "-c", f'source "$1" && complete -p {tool}', "bash", path])
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertEqual(proc.stderr, "")
                self.assertRegex(proc.stdout, rf"complete -F \w+ {re.escape(tool)}$")

    def test_bash_completes_without_bash_completion(self):
        path = self.installed("share", "bash-completion", "completions", "checkin")
        self.check_completions(lambda line: self.bash_complete(line, path))

    @unittest.skipUnless(os.path.isfile(BASH_COMPLETION), "bash-completion is not installed (apt-get install bash-completion)")
    def test_bash_completion_loads_from_the_installed_dir(self):
        self.check_completions(lambda line: self.bash_complete(line, "loader"))

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed (apt-get install zsh)")
    def test_zsh_functions_parse_and_register(self):
        functions = self.installed("share", "zsh", "vendor-completions")
        for tool in TOOLS:
            with self.subTest(tool=tool):
                proc = self.run_installed_shell(["zsh", "-n", os.path.join(functions, zsh_function(tool))])
                self.assertEqual(proc.returncode, 0, proc.stderr)
        dump = os.path.join(self.tmp, "zcompdump")
        script = (f'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -d "$2"; '
                  f'for t in {" ".join(TOOLS)}; do print -r -- "$t=$_comps[$t]"; done')
        proc = self.run_installed_shell(["zsh", "-f", "-c", script, "zsh", functions, dump])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.split(), [f"{tool}={zsh_function(tool)}" for tool in TOOLS])

    def zsh_complete(self, line, setup=""):
        """The matches zsh offers for `line`, after asserting it wrote nothing on standard error."""
        functions = self.installed("share", "zsh", "vendor-completions")
        script = os.path.join(self.tmp, "complete.zsh")
        errors = os.path.join(self.tmp, "zsh.stderr")
        with open(script, "w", encoding="utf-8") as f:
            f.write(ZSH_DRIVER)
        proc = self.run_installed_shell(["zsh", "-f", script, functions, line, os.path.join(self.tmp, "zcompdump"),
                                         errors, setup])
        self.assertEqual(proc.returncode, 0, f"zsh completing {line!r}:\n{proc.stderr}")
        with open(errors, encoding="utf-8", errors="replace") as f:
            self.assertEqual(f.read(), "", f"zsh's standard error completing {line!r}")
        self.assertEqual(proc.stderr, "", f"zsh completing {line!r}")
        return list(dict.fromkeys(proc.stdout.split()))

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed (apt-get install zsh)")
    def test_zsh_completes(self):
        self.check_completions(self.zsh_complete)

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed (apt-get install zsh)")
    def test_zsh_completes_every_tool_with_nothing_on_stderr(self):
        self.some_records()
        self.ok_installed("prompt", "today")  # a prompt in the history, for `prompt answer <Tab>`
        lines = ["checkin ", "checkin --", "checkin list --", "checkin edit ", "checkin --feel ", "breathe ",
                 "breathe --", "breathe --pattern ", "prompt ", "prompt --", "prompt --deck ", "prompt answer ",
                 "boundary-log ", "boundary-log --", "boundary-log held ", "report ", "report --",
                 "report --format "]
        for line in lines:
            with self.subTest(line=line):
                self.assertNotEqual(self.zsh_complete(line), [], f"nothing offered for {line!r}")
        self.assertIn("list", self.zsh_complete("checkin "))
        self.assertIn("6", self.zsh_complete("checkin "))

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed (apt-get install zsh)")
    def test_zsh_keeps_its_own_completion_for_promptinits_prompt(self):
        promptinit = "autoload -Uz promptinit; promptinit"
        themes = self.zsh_complete("prompt ", promptinit)
        self.assertIn("adam1", themes, "zsh's own _prompt completes promptinit's themes")
        self.assertNotIn("today", themes)
        for line in ("command prompt ", f"{self.installed('bin', 'prompt')} "):
            with self.subTest(line=line):
                self.assertIn("today", self.zsh_complete(line, promptinit))
        self.assertIn("today", self.zsh_complete("prompt "), "without promptinit, prompt is tend's")

    @unittest.skipUnless(shutil.which("fish"), "fish is not installed (apt-get install fish)")
    def test_fish_completions_parse_and_complete(self):
        directory = self.installed("share", "fish", "vendor_completions.d")
        functions = self.installed("share", "fish", "vendor_functions.d")
        scripts = [os.path.join(directory, f"{tool}.fish") for tool in TOOLS]
        scripts += glob.glob(os.path.join(functions, "*.fish"))
        for script in scripts:
            with self.subTest(script=os.path.basename(script)):
                proc = self.run_installed_shell(["fish", "--no-config", "-n", script])
                self.assertEqual(proc.returncode, 0, proc.stderr)

        def complete(line):
            # fish finds <tool>.fish through fish_complete_path and the shared helpers through
            # fish_function_path, as it finds vendor_completions.d and vendor_functions.d.
            proc = self.run_installed_shell(["fish", "--no-config", "-c",
                                             'set -p fish_complete_path $argv[1]; set -p fish_function_path $argv[2]; '
                                             'complete -C $argv[3]',
                                             directory, functions, line])
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(proc.stderr, "", f"fish completing {line!r}")
            return [entry.split("\t")[0] for entry in proc.stdout.splitlines()]

        self.check_completions(complete)

    def test_completions_know_every_option_and_subcommand(self):
        """Each long option and subcommand in a tool's --help (and its subcommands' --help) is in its completions."""
        files = {
            "bash": lambda tool: self.installed("share", "bash-completion", "completions", tool),
            "zsh": lambda tool: self.installed("share", "zsh", "vendor-completions", zsh_function(tool)),
            "fish": lambda tool: self.installed("share", "fish", "vendor_completions.d", f"{tool}.fish"),
        }
        for tool in TOOLS:
            words = set()
            top = self.ok_installed(tool, "--help").stdout
            words |= help_options(top)
            subcommands = help_subcommands(top)
            words |= set(subcommands)
            for sub in subcommands:
                words |= help_options(self.ok_installed(tool, sub, "--help").stdout)
            for shell, path in files.items():
                with open(path(tool), encoding="utf-8") as f:
                    text = f.read()
                if shell == "fish":  # fish spells options as -l NAME
                    text += " " + " ".join("--" + m for m in re.findall(r"-l (\S+)", text))
                missing = sorted(w for w in words if not re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text))
                with self.subTest(tool=tool, shell=shell):
                    self.assertEqual(missing, [], f"{shell} completion for {tool} lacks these")


class Licence(unittest.TestCase):
    """GPL-3.0-or-later for the code and the texts: the full text, and each file saying so."""

    def test_the_licence_is_the_gpl_3(self):
        with open(os.path.join(SOURCE_DIR, "LICENSE"), encoding="utf-8") as f:
            text = f.read()
        self.assertIn("GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007", text)
        self.assertIn("END OF TERMS AND CONDITIONS", text)

    def test_every_source_file_names_its_licence(self):
        kinds = (".cpp", ".hpp", ".c", ".in", ".py", ".cmake", ".toml", ".fish", ".bash", ".sh", ".1", ".5", ".7",
                 ".service", ".timer")
        missing = []
        for top in ("common", "tools", "tests/cli", "tests/unit", "tests/fault", "tests/fuzz", "cmake",
                    "completions", "man", "data", "examples", "bench", ".ci"):
            for dirpath, dirs, names in os.walk(os.path.join(SOURCE_DIR, top)):
                dirs[:] = [d for d in dirs if d not in ("corpus", "golden", "__pycache__")]
                for name in names:
                    path = os.path.join(dirpath, name)
                    if not (name.endswith(kinds) or name == "CMakeLists.txt" or top in ("completions", ".ci")):
                        continue
                    with open(path, encoding="utf-8", errors="replace") as f:
                        head = f.read(1500)
                    if "SPDX-License-Identifier: GPL-3.0-or-later" not in head:
                        missing.append(os.path.relpath(path, SOURCE_DIR))
        self.assertEqual(missing, [], "add '// SPDX-License-Identifier: GPL-3.0-or-later' (and the "
                                      "SPDX-FileCopyrightText line) near the top, as the other files have")


def help_section(text, title):
    m = re.search(rf"^{title}:\n((?:[ \t]+\S.*\n?)*)", text, re.M)
    return m.group(1) if m else ""


def help_options(text):
    return set(re.findall(r"^  (?:-\w,)?(--[a-z][a-z0-9-]*)", help_section(text, "Options"), re.M))


def help_subcommands(text):
    return re.findall(r"^  ([a-z][a-z-]*)\s", help_section(text, "Subcommands"), re.M)


@unittest.skipUnless(shutil.which("cpack") and shutil.which("dpkg-deb"),
                     "cpack or dpkg-deb is not installed (apt-get install cmake dpkg)")
class DebPackage(InstalledTree):
    @classmethod
    def setUpClass(cls):
        if not os.path.isfile(os.path.join(BUILD_DIR, "CPackConfig.cmake")):
            raise SetupError(f"{BUILD_DIR}/CPackConfig.cmake is missing: configure the build first")
        cls.root = tempfile.mkdtemp(prefix="tend-deb-")
        out = os.path.join(cls.root, "out")
        run_setup(["cpack", "-G", "DEB", "-B", out, "--config", os.path.join(BUILD_DIR, "CPackConfig.cmake")],
                  cwd=BUILD_DIR)
        debs = glob.glob(os.path.join(out, "*.deb"))
        if len(debs) != 1:
            raise SetupError(f"cpack made {debs!r}, not one .deb")
        cls.deb = debs[0]
        cls.fresh_root = os.path.join(cls.root, "root")
        run_setup(["dpkg-deb", "-x", cls.deb, cls.fresh_root])
        cls.prefix = os.path.join(cls.fresh_root, "usr")
        cls.info = run_setup(["dpkg-deb", "-I", cls.deb]).stdout
        cls.contents = run_setup(["dpkg-deb", "-c", cls.deb]).stdout

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def field(self, name):
        m = re.search(rf"^ {name}: (.*)$", self.info, re.M)
        self.assertIsNotNone(m, f"no {name} in the control file:\n{self.info}")
        return m.group(1)

    def test_control_fields(self):
        self.assertEqual(self.field("Package"), "tend")
        self.assertEqual(self.field("Version"), project_version())
        self.assertEqual(self.field("Section"), "utils")
        self.assertRegex(self.field("Maintainer"), r"\S.*<[^@\s]+@[^>\s]+>")
        # The project's own identity, the one packaging/copyright names, not a placeholder.
        with open(os.path.join(SOURCE_DIR, "packaging", "copyright"), encoding="utf-8") as f:
            contact = re.search(r"^Upstream-Contact: (.*)$", f.read(), re.M).group(1)
        self.assertEqual(self.field("Maintainer"), contact)
        self.assertTrue(self.field("Description").strip())
        self.assertRegex(os.path.basename(self.deb), rf"^tend_{re.escape(project_version())}_\w+\.deb$")

    def test_depends_on_the_runtime_packages(self):
        depends = {re.split(r"[\s(]", d.strip())[0] for d in self.field("Depends").split(",")}
        self.assertIn("tzdata", depends)
        for package in runtime_packages([os.path.join(self.prefix, "bin", tool) for tool in TOOLS]):
            self.assertIn(package, depends, f"Depends: {self.field('Depends')}")

    def test_installs_under_usr_only(self):
        paths = [line.split(" -> ")[0].split()[-1] for line in self.contents.splitlines()]
        outside = [p for p in paths if not (p in ("./", "./usr/") or p.startswith("./usr/"))]
        self.assertEqual(outside, [])

    def test_files_in_place(self):
        self.check_files()
        # The same files as `cmake --install` gives, when cmake can tell us.
        cmake = shutil.which("cmake")
        if cmake:
            with tempfile.TemporaryDirectory(prefix="tend-install-") as prefix:
                run_setup([cmake, "--install", BUILD_DIR, "--prefix", prefix])
                self.assertEqual(files_under(self.prefix), files_under(prefix))

    def test_installed_tools_run_and_check_in(self):
        self.check_tools_run()

    def test_installed_tools_find_their_shipped_data(self):
        self.check_shipped_data_found()

    def test_bash_completion_is_one_file_and_links(self):
        self.check_bash_completion_is_one_file()

    def test_man_pages_and_examples_name_usr_bin(self):
        # What the pages say once the package is installed: /usr/bin, whatever the build's prefix.
        self.check_man_pages_name_the_prefix("/usr")

    def test_the_changelog_is_this_version(self):
        with gzip.open(os.path.join(self.prefix, "share", "doc", "tend", "changelog.gz"), "rt", encoding="utf-8") as f:
            self.assertRegex(f.readline(), rf"^tend \({re.escape(project_version())}\) ")

    @unittest.skipUnless(shutil.which("lintian"), "lintian is not installed (apt-get install lintian)")
    def test_lintian_finds_nothing(self):
        proc = run_setup(["lintian", "--fail-on", "error,warning", self.deb],
                         check_status=False)
        self.assertEqual((proc.returncode, proc.stdout), (0, ""), proc.stderr)


def runtime_packages(executables):
    """The Debian packages owning the shared libraries the executables link, where dpkg knows them."""
    libraries = set()
    for exe in executables:
        # Only the libraries it names itself (NEEDED): the libraries those need are their packages' Depends.
        dynamic = subprocess.run(["readelf", "-d", exe], capture_output=True, text=True, timeout=20).stdout
        needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic))
        proc = subprocess.run(["ldd", exe], capture_output=True, text=True, timeout=20)
        for name, path in re.findall(r"(\S+) => (/\S+)", proc.stdout):
            if name not in needed:
                continue
            # With merged /usr, dpkg may know a library by its /lib or its /usr/lib name.
            for candidate in (path, os.path.realpath(path)):
                libraries.add(candidate)
                libraries.add(re.sub(r"^/usr/lib/", "/lib/", candidate))
                libraries.add(re.sub(r"^/lib/", "/usr/lib/", candidate))
    owners = subprocess.run(["dpkg", "-S", *sorted(libraries)], capture_output=True, text=True, timeout=30)
    return {line.split(":")[0] for line in owners.stdout.splitlines() if ": /" in line}


if __name__ == "__main__":
    unittest.main()
