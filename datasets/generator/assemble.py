"""Contract assembly for the generator: a small line DSL and the twin renderer.

Code is written as text blocks with `$name` placeholders (filled from the builder's
vocabulary) and optional line prefixes that say which twin a line belongs to:

    `V|code`   only in the vulnerable twin      `S|code`   only in the safe twin
    `!|code`   in both, labelled in the vulnerable twin
    `V!|code`  only in the vulnerable twin, labelled

Runs of V/S lines form one `Fix` (the pair's difference); everything else is shared.
A placeholder whose value is empty drops its line; a value with newlines becomes several
lines at the placeholder line's indentation.
"""

from __future__ import annotations

import difflib
import random
import re
from dataclasses import dataclass, field
from string import Template

from datasets.generator.names import Namer
from datasets.generator.style import Style


@dataclass(frozen=True)
class Fix:
    vuln: tuple[str, ...]
    safe: tuple[str, ...]
    label: tuple[int, ...] = ()  # indices into `vuln` of labelled lines


@dataclass(frozen=True)
class Line:
    text: str
    label: bool = False  # labelled in the vulnerable twin


Item = Line | Fix

_PREFIX = re.compile(r"^(V!|V|S|!)\|")

#: Member kinds in the order they appear in a contract.
KINDS = ("using", "struct", "state", "event", "modifier", "ctor", "function")
_GROUPED = {"using", "state", "event"}  # consecutive lines, no blank lines between


def parse(text: str, values: dict[str, str]) -> list[Item]:
    """Text block -> items (see the module docstring)."""
    items: list[Item] = []
    vuln: list[str] = []
    safe: list[str] = []
    label: list[int] = []

    def flush() -> None:
        if vuln or safe:
            items.append(Fix(tuple(vuln), tuple(safe), tuple(label)))
            vuln.clear()
            safe.clear()
            label.clear()

    for raw in text.strip("\n").split("\n"):
        m = _PREFIX.match(raw)
        mark = m.group(1) if m else ""
        code = raw[m.end():] if m else raw
        if code.strip() == "":
            continue  # blank lines inside blocks are never written
        indent = code[: len(code) - len(code.lstrip())]
        filled = Template(code.lstrip()).substitute(values)
        if filled.strip() == "":
            continue
        for part in filled.split("\n"):
            line = indent + part
            if mark in ("V", "V!"):
                if mark == "V!":
                    label.append(len(vuln))
                vuln.append(line)
            elif mark == "S":
                safe.append(line)
            else:
                flush()
                items.append(Line(line, label=mark == "!"))
    flush()
    return items


@dataclass
class Member:
    kind: str
    items: list[Item]
    key: str


@dataclass
class Rendered:
    lines: list[str]
    labels: list[int]  # 1-based


@dataclass
class Builder:
    """Collects one contract pair's pieces; `render` writes either twin."""

    style: Style
    rng: random.Random
    namer: Namer
    values: dict[str, str] = field(default_factory=dict)
    pre: list[tuple[str, list[Item]]] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    caps: set[str] = field(default_factory=set)
    ctor_params: list[str] = field(default_factory=list)
    ctor_lines: list[str] = field(default_factory=list)
    contract: str = "C"
    tails: tuple[str, ...] = ()
    defaults: list[tuple[str, str, str, dict[str, str]]] = field(default_factory=list)

    # ---- vocabulary ------------------------------------------------------------------

    def name(self, role: str, options: tuple[str, ...] | list[str]) -> str:
        value = self.namer.take(role, options)
        self.values[role] = value
        return value

    def combo(self, role: str, heads: tuple[str, ...] | list[str],
              tails: tuple[str, ...] | list[str]) -> str:
        value = self.namer.combo(role, heads, tails)
        self.values[role] = value
        return value

    def set(self, **values: str) -> None:
        self.values.update(values)

    def pick(self, role: str, options: tuple[str, ...] | list[str]) -> str:
        """A non-identifier choice (a literal, a message), stored under `role`."""
        value = self.rng.choice(list(options))
        self.values[role] = value
        return value

    def __getitem__(self, key: str) -> str:
        return self.values[key]

    # ---- pieces ----------------------------------------------------------------------

    def has(self, key: str) -> bool:
        return any(m.key == key for m in self.members) or any(k == key for k, _ in self.pre)

    def add(self, kind: str, text: str, key: str | None = None, **extra: str) -> None:
        assert kind in KINDS, kind
        key = key or f"{kind}:{len(self.members)}"
        if self.has(key):
            return
        self.members.append(Member(kind, parse(text, self._values(extra)), key))

    def _values(self, extra: dict[str, str]) -> dict[str, str]:
        """The vocabulary plus per-call values, the latter filled from the vocabulary."""
        filled = {k: Template(v).substitute(self.values) for k, v in extra.items()}
        return {**self.values, **filled}

    def state(self, text: str, key: str | None = None, **extra: str) -> None:
        self.add("state", text, key=key or f"state:{text}", **extra)

    def event(self, text: str, **extra: str) -> None:
        self.add("event", text, key=f"event:{text}", **extra)

    def function(self, text: str, key: str | None = None, **extra: str) -> None:
        self.add("function", text, key=key, **extra)

    def default(self, kind: str, text: str, key: str, **extra: str) -> None:
        """A member added at the end unless a bug form supplied one under the same key."""
        self.defaults.append((kind, text, key, extra))

    def apply_defaults(self) -> None:
        for kind, text, key, extra in self.defaults:
            self.add(kind, text, key=key, **extra)
        self.defaults.clear()

    def prelude(self, key: str, text: str, **extra: str) -> None:
        if not self.has(key):
            self.pre.append((key, parse(text, self._values(extra))))

    def decorate(self, modifier: str, count: int) -> int:
        """Add `modifier` to the headers of up to `count` state-changing functions whose
        lines are the same in both twins; returns how many it changed."""
        candidates = []
        for member in self.members:
            if member.kind != "function" or any(isinstance(i, Fix) for i in member.items):
                continue
            head = member.items[0]
            assert isinstance(head, Line)
            text = head.text
            if (not text.startswith("function ") or text.startswith("function(")
                    or not text.endswith(" {")
                    or re.search(r"\b(view|pure)\b", text) or f" {modifier}" in text):
                continue
            candidates.append(member)
        chosen = self.rng.sample(candidates, min(count, len(candidates)))
        for member in chosen:
            text = member.items[0].text
            at = text.find(" returns (")
            at = at if at >= 0 else len(text) - 2
            member.items[0] = Line(f"{text[:at]} {modifier}{text[at:]}")
        return len(chosen)

    def pad(self, statements: list[tuple[str, bool]], count: int, member: Member) -> int:
        """Insert `count` of `statements` (text, whether it may follow the defect), each
        at most once, at top-level statement boundaries of `member`'s body, in both twins
        alike (shared lines, never labelled); returns how many went in. A statement that
        may not follow the defect (it writes state) goes only before the member's first
        fix or labelled line, so that e.g. a checks-effects-interactions twin stays
        safe."""
        items = member.items

        def edge(item: Item, first: bool) -> str:
            if isinstance(item, Line):
                return item.text
            lines = item.vuln or item.safe
            return lines[0] if first else lines[-1]

        defect = next((i for i, item in enumerate(items)
                       if isinstance(item, Fix) or item.label), len(items))
        slots = []
        for i in range(1, len(items) - 1):  # never before the closing brace
            head = edge(items[i], True)
            body = head[4:]
            if (not head.startswith("    ") or not body or body[0] in " }.+-*/&|?:)"
                    or body.startswith(("else", "return", "_;"))
                    or not edge(items[i - 1], False).rstrip().endswith((";", "{", "}"))):
                continue
            slots.append(i)
        placed = 0
        for text, after_ok in self.rng.sample(statements, min(count, len(statements))):
            allowed = [i for i in slots if after_ok or i <= defect]
            if not allowed:
                continue
            at = self.rng.choice(allowed)
            items.insert(at, Line("    " + text))
            slots = [j + 1 if j >= at else j for j in slots]
            slots.append(at)
            if at <= defect:
                defect += 1
            placed += 1
        return placed

    def fill(self, text: str, **extra: str) -> str:
        return Template(text).substitute({**self.values, **extra})

    # ---- output ----------------------------------------------------------------------

    def order(self) -> None:
        """Shuffle the members that may come in any order (state, events, functions)."""
        for kind in ("state", "event", "function"):
            group = [m for m in self.members if m.kind == kind]
            self.rng.shuffle(group)
            it = iter(group)
            self.members = [next(it) if m.kind == kind else m for m in self.members]

    def render(self, variant: str) -> Rendered:
        vulnerable = variant == "vulnerable"
        lines: list[str] = []
        labels: list[int] = []

        def emit(items: list[Item], indent: str) -> None:
            for item in items:
                if isinstance(item, Line):
                    lines.append(indent + item.text)
                    if item.label and vulnerable:
                        labels.append(len(lines))
                else:
                    chosen = item.vuln if vulnerable else item.safe
                    for i, text in enumerate(chosen):
                        lines.append(indent + text)
                        if vulnerable and i in item.label:
                            labels.append(len(lines))

        lines.extend(self.style.header())
        lines.append("")
        for _, items in self.pre:
            emit(items, "")
            lines.append("")
        lines.append(f"contract {self.contract} {{")
        first = True
        for kind in KINDS:
            group = [m for m in self.members if m.kind == kind]
            if not group:
                continue
            if kind in _GROUPED:
                if not first:
                    lines.append("")
                for member in group:
                    emit(member.items, "    ")
                first = False
            else:
                for member in group:
                    if not first:
                        lines.append("")
                    emit(member.items, "    ")
                    first = False
        lines.append("}")
        return Rendered(lines, labels)


def changed_lines(vulnerable: list[str], safe: list[str]
                  ) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """1-based lines of each twin that difflib does not match to a line of the other
    (one matcher, vulnerable against safe, so both sides agree)."""
    matcher = difflib.SequenceMatcher(None, vulnerable, safe, autojunk=False)
    kept_a: set[int] = set()
    kept_b: set[int] = set()
    for block in matcher.get_matching_blocks():
        kept_a.update(range(block.a, block.a + block.size))
        kept_b.update(range(block.b, block.b + block.size))
    return (tuple(i + 1 for i in range(len(vulnerable)) if i not in kept_a),
            tuple(i + 1 for i in range(len(safe)) if i not in kept_b))
