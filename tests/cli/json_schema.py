# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The JSON schemas the man pages document, and a small validator for them (standard library only).

Each page's JSON section (`.SS JSON`) holds, in `.EX` blocks, definitions written as

    name = type

where a type is `string`, `integer`, `number`, `boolean`, `null`, `time` (RFC 3339 with an offset or Z),
`date` (YYYY-MM-DD), a quoted literal ("added"), `[type]` (an array), `{key: type, key?: type}` (an object
with exactly these keys; `?` marks a key that may be left out, as --no-notes leaves out free text), `{*: type}`
(an object whose keys are names and whose values are all of one type), another
definition's name, or several of these joined by `|`. A definition may go on over lines that start with
spaces.
"""

import gzip
import re

TIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")
DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d$")
TOKEN_RE = re.compile(r'\s*(?:("[^"]*")|([A-Za-z_][A-Za-z0-9_.]*)(\??)\s*(?=:)|([A-Za-z_][A-Za-z0-9_.]*)|(.))')


def unroff(text):
    return text.replace("\\-", "-").replace("\\(aq", "'").replace("\\(dq", '"').replace("\\e", "\\").replace("\\&", "")


def definitions_in(page_text):
    """{name: type text} from the .EX blocks of a page's JSON section."""
    found = {}
    section = re.search(r"(?ms)^\.SS \"?JSON\"?\s*$(.*?)(?=^\.S[HS] )", page_text + "\n.SH END\n")
    if not section:
        return found
    for block in re.findall(r"(?ms)^\.EX\s*$(.*?)^\.EE\s*$", section.group(1)):
        name = None
        for line in unroff(block).splitlines():
            if m := re.match(r"^([a-z][a-z0-9_.]*) = (.*)$", line):
                name = m.group(1)
                found[name] = m.group(2)
            elif name and line.startswith(" "):
                found[name] += " " + line.strip()
            elif line.strip():
                raise ValueError(f"not a definition or its continuation: {line!r}")
    return found


def load_pages(paths):
    schemas = {}
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for name, text in definitions_in(f.read()).items():
                if name in schemas:
                    raise ValueError(f"{path}: {name} is defined twice")
                schemas[name] = parse(text)
    return schemas


class Parser:
    def __init__(self, text):
        self.tokens = []
        for m in TOKEN_RE.finditer(text):
            literal, key, optional, word, char = m.groups()
            if literal:
                self.tokens.append(("literal", literal[1:-1]))
            elif key:
                self.tokens.append(("key", (key, optional == "?")))
            elif word:
                self.tokens.append(("word", word))
            elif char and not char.isspace():
                self.tokens.append(("char", char))
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", None)

    def take(self, kind, value=None):
        token = self.peek()
        if token[0] != kind or (value is not None and token[1] != value):
            raise ValueError(f"expected {value or kind}, found {token[1]!r}")
        self.pos += 1
        return token[1]

    def union(self):
        options = [self.single()]
        while self.peek() == ("char", "|"):
            self.pos += 1
            options.append(self.single())
        return options[0] if len(options) == 1 else ("union", options)

    def single(self):
        kind, value = self.peek()
        if kind == "literal":
            self.pos += 1
            return ("literal", value)
        if kind == "word":
            self.pos += 1
            return ("name", value)
        if (kind, value) == ("char", "["):
            self.pos += 1
            item = self.union()
            self.take("char", "]")
            return ("array", item)
        if (kind, value) == ("char", "{"):
            self.pos += 1
            if self.peek() == ("char", "*"):
                self.pos += 1
                self.take("char", ":")
                item = self.union()
                self.take("char", "}")
                return ("map", item)
            fields = {}
            while self.peek() != ("char", "}"):
                key, optional = self.take("key")
                self.take("char", ":")
                fields[key] = (self.union(), optional)
                if self.peek() == ("char", ","):
                    self.pos += 1
            self.take("char", "}")
            return ("object", fields)
        raise ValueError(f"unexpected {value!r}")


def parse(text):
    parser = Parser(text)
    node = parser.union()
    parser.take("end")
    return node


def errors(value, node, schemas, where="$"):
    """Every way value differs from the type, as 'path: what' strings."""
    kind = node[0]
    if kind == "union":
        found = [errors(value, option, schemas, where) for option in node[1]]
        if any(not e for e in found):
            return []
        return min(found, key=len) if len(found[0]) else [f"{where}: matches none of the types"]
    if kind == "literal":
        return [] if value == node[1] else [f"{where}: {value!r} is not {node[1]!r}"]
    if kind == "array":
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not an array"]
        return [e for i, item in enumerate(value) for e in errors(item, node[1], schemas, f"{where}[{i}]")]
    if kind == "map":
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not an object"]
        return [e for k, item in value.items() for e in errors(item, node[1], schemas, f"{where}.{k}")]
    if kind == "object":
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not an object"]
        out = [f"{where}: key {k!r} is not in the schema" for k in value if k not in node[1]]
        for key, (item, optional) in node[1].items():
            if key in value:
                out += errors(value[key], item, schemas, f"{where}.{key}")
            elif not optional:
                out.append(f"{where}: key {key!r} is missing")
        return out
    name = node[1]
    simple = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
        "time": lambda v: isinstance(v, str) and bool(TIME_RE.match(v)),
        "date": lambda v: isinstance(v, str) and bool(DATE_RE.match(v)),
    }
    if name in simple:
        return [] if simple[name](value) else [f"{where}: {value!r} is not a {name}"]
    if name not in schemas:
        return [f"{where}: the schema names {name!r}, which no page defines"]
    return errors(value, schemas[name], schemas, where)


BUILT_IN = {"string", "integer", "number", "boolean", "null", "time", "date"}


def names_in(node):
    """Every definition a type refers to, however deep."""
    kind = node[0]
    if kind == "name":
        return set() if node[1] in BUILT_IN else {node[1]}
    if kind == "union":
        return set().union(*(names_in(option) for option in node[1]))
    if kind in ("array", "map"):
        return names_in(node[1])
    if kind == "object":
        return set().union(set(), *(names_in(item) for item, _ in node[1].values()))
    return set()
