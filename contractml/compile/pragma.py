"""``pragma solidity`` constraints: finding them in a source, matching and choosing versions.

The matching follows the semantics of solc's own ``SemVerMatcher`` (which follows npm's
semver for release versions):

* comparators ``=``, ``>``, ``<``, ``>=``, ``<=`` and bare versions, with an optional ``v``;
* partial versions ``0.4``, ``0.4.x``, ``0.4.*``, ``*``, ``x`` (``0.4`` = ``>=0.4.0 <0.5.0``);
* caret ``^0.4.2`` = ``>=0.4.2 <0.5.0``, ``^1.2.3`` = ``>=1.2.3 <2.0.0``,
  ``^0.0.3`` = ``>=0.0.3 <0.0.4``;
* tilde ``~0.4.2`` = ``>=0.4.2 <0.5.0``, ``~1`` = ``>=1.0.0 <2.0.0``;
* hyphen ranges ``0.4.0 - 0.5.0`` = ``>=0.4.0 <=0.5.0``;
* space-separated comparators must all hold; ``||`` separates alternatives.

Pre-release and build tags are not accepted in constraints (solc does not accept them
either); only release versions are ever matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from contractml.compile.sourcetext import scrub
from contractml.compile.versions import Version

__all__ = [
    "Comparator",
    "Constraint",
    "PragmaError",
    "choose_version",
    "constraints_for",
    "find_version_pragmas",
    "satisfies_all",
]


class PragmaError(ValueError):
    """A ``pragma solidity`` constraint that cannot be parsed."""


# --------------------------------------------------------------------------- finding

# ``pragma solidity <constraint>;`` in source whose comments and strings are blanked.
_PRAGMA_RE = re.compile(r"(?<![\w$])pragma\s+solidity(?![\w$])([^;]*);")


def find_version_pragmas(source: str) -> list[str]:
    """The constraint text of every ``pragma solidity <constraint>;`` in ``source``.

    Pragmas inside comments or string literals are ignored, as are other pragmas
    (``pragma experimental ...``, ``pragma abicoder v2``) and a pragma with no closing
    ``;``. Whitespace inside a constraint (newlines included) is collapsed to single
    spaces. Returns ``[]`` when there is none.
    """
    code = scrub(source.removeprefix("\ufeff"), strings=True)
    return [" ".join(m.group(1).split()) for m in _PRAGMA_RE.finditer(code)]


# --------------------------------------------------------------------------- parsing

_OPERATORS = (">=", "<=", ">", "<", "=")


@dataclass(frozen=True)
class Comparator:
    """One primitive test ``<op> <version>`` on full release versions."""

    op: str
    version: Version

    def test(self, v: Version) -> bool:
        """Whether ``v`` passes this comparator."""
        if self.op == ">=":
            return v >= self.version
        if self.op == "<=":
            return v <= self.version
        if self.op == ">":
            return v > self.version
        if self.op == "<":
            return v < self.version
        return v == self.version

    def __str__(self) -> str:
        return f"{self.op}{self.version}"


_ZERO = Version(0, 0, 0)
_ANY = (Comparator(">=", _ZERO),)
_NONE = (Comparator("<", _ZERO),)

# solc reads version numbers with leading zeros (`^0.5.00`, seen in SolidiFI) as numbers.
_PART = r"(?:\d+|[xX*])"
_TOKEN_RE = re.compile(
    rf"""
      (?P<space>\s+)
    | (?P<or>\|\|)
    | (?P<op>>=|<=|>|<|=|\^|~)
    | (?P<hyphen>-)
    | (?P<version>v?{_PART}(?:\.{_PART}){{0,2}})(?![\w.*])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Partial:
    """A possibly partial version: ``numbers`` holds the parts before the first wildcard."""

    numbers: tuple[int, ...]

    @classmethod
    def parse(cls, text: str) -> _Partial:
        numbers: list[int] = []
        for part in text.removeprefix("v").split("."):
            if part in ("x", "X", "*"):
                break  # everything after a wildcard is a wildcard too
            numbers.append(int(part))
        return cls(tuple(numbers))

    @property
    def floor(self) -> Version:
        """The lowest version it covers (missing parts are 0)."""
        major, minor, patch = (*self.numbers, 0, 0, 0)[:3]
        return Version(major, minor, patch)

    def bump(self, level: int) -> Version:
        """The first version above ``floor`` whose part ``level`` (0-based) is one higher."""
        floor = self.floor
        parts = [floor.major, floor.minor, floor.patch]
        parts[level] += 1
        parts[level + 1 :] = [0] * (2 - level)
        return Version(*parts)


def _at_most(p: _Partial) -> tuple[Comparator, ...]:
    """``<=p``: up to and including everything ``p`` covers."""
    n = len(p.numbers)
    if n == 0:
        return _ANY
    if n == 3:
        return (Comparator("<=", p.floor),)
    return (Comparator("<", p.bump(n - 1)),)


def _at_least(p: _Partial) -> tuple[Comparator, ...]:
    """``>=p``: from the lowest version ``p`` covers."""
    return (Comparator(">=", p.floor),) if p.numbers else _ANY


def _caret_upper(p: _Partial) -> Version:
    """The exclusive upper bound of ``^p``: bump the first non-zero (or last given) part."""
    n = len(p.numbers)
    for level, number in enumerate(p.numbers):
        if number != 0 or level == n - 1:
            return p.bump(level)
    raise AssertionError("unreachable: p.numbers is not empty")


def _desugar(op: str, p: _Partial) -> tuple[Comparator, ...]:
    """``<op> p`` as primitive comparators on full versions."""
    n = len(p.numbers)
    if op == "^":
        return (Comparator(">=", p.floor), Comparator("<", _caret_upper(p))) if n else _ANY
    if op == "~":
        return (Comparator(">=", p.floor), Comparator("<", p.bump(min(n, 2) - 1))) if n else _ANY
    if op == ">=":
        return _at_least(p)
    if op == "<=":
        return _at_most(p)
    if op == ">":
        if n == 0:
            return _NONE
        return (Comparator(">", p.floor),) if n == 3 else (Comparator(">=", p.bump(n - 1)),)
    if op == "<":
        if n == 0:
            return _NONE
        return (Comparator("<", p.floor),)
    # "=" or bare
    if n == 0:
        return _ANY
    if n == 3:
        return (Comparator("=", p.floor),)
    return _at_least(p) + _at_most(p)


#: Whitespace beside a dot inside a version (`^ 0.4 .9`): solc's scanner reads `0.4` and
#: `.9` as two number tokens and joins them, so such pragmas compile (deployed contracts
#: have them); removed before tokenizing.
_SPACED_DOT_RE = re.compile(r"(?<=[\dxX*])\s+(?=\.[\dxX*])|(?<=[\dxX*]\.)\s+(?=[\dxX*])")


def _tokenize(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` tokens of a constraint, without whitespace."""
    text = _SPACED_DOT_RE.sub("", text)
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            raise PragmaError(
                f"invalid version constraint {text!r}: unexpected {text[pos : pos + 12]!r}"
                f" at position {pos}"
            )
        kind = match.lastgroup
        assert kind is not None
        if kind != "space":
            tokens.append((kind, match.group(kind)))
        pos = match.end()
    return tokens


def _parse_alternative(text: str, tokens: list[tuple[str, str]]) -> tuple[Comparator, ...]:
    """One ``||``-separated alternative: a hyphen range or comparators that must all hold."""
    if not tokens:
        raise PragmaError(f"invalid version constraint {text!r}: empty alternative")
    kinds = [kind for kind, _ in tokens]
    if "hyphen" in kinds:
        if kinds != ["version", "hyphen", "version"]:
            raise PragmaError(
                f"invalid version constraint {text!r}: a hyphen range must be"
                " '<version> - <version>' on its own"
            )
        return _at_least(_Partial.parse(tokens[0][1])) + _at_most(_Partial.parse(tokens[2][1]))
    comparators: list[Comparator] = []
    op = "="
    expecting_version = False
    for kind, value in tokens:
        if kind == "op":
            if expecting_version:
                raise PragmaError(f"invalid version constraint {text!r}: two operators in a row")
            op, expecting_version = value, True
        else:
            comparators.extend(_desugar(op, _Partial.parse(value)))
            op, expecting_version = "=", False
    if expecting_version:
        raise PragmaError(f"invalid version constraint {text!r}: operator without a version")
    return tuple(comparators)


@dataclass(frozen=True)
class Constraint:
    """A parsed ``pragma solidity`` constraint: alternatives of comparators that all hold."""

    text: str
    alternatives: tuple[tuple[Comparator, ...], ...]

    @classmethod
    def parse(cls, text: str) -> Constraint:
        """Parse a constraint such as ``"^0.8.0"`` or ``">=0.4.22 <0.6.0 || 0.8"``.

        Raises ``PragmaError`` with a message naming the problem on anything else.
        """
        if not isinstance(text, str):
            raise PragmaError(f"version constraint must be a string, not {type(text).__name__}")
        tokens = _tokenize(text)
        if not tokens:
            raise PragmaError("empty version constraint")
        groups: list[list[tuple[str, str]]] = [[]]
        for token in tokens:
            if token[0] == "or":
                groups.append([])
            else:
                groups[-1].append(token)
        return cls(text.strip(), tuple(_parse_alternative(text, group) for group in groups))

    def satisfied_by(self, v: Version) -> bool:
        """Whether release ``v`` satisfies this constraint."""
        return any(all(c.test(v) for c in alternative) for alternative in self.alternatives)

    def normalized(self) -> str:
        """The constraint as primitive comparators, e.g. ``">=0.4.2 <0.5.0"``."""
        return " || ".join(" ".join(map(str, alt)) for alt in self.alternatives)

    def __str__(self) -> str:
        return self.text


# --------------------------------------------------------------------------- choosing


def constraints_for(source: str) -> list[Constraint]:
    """The parsed constraints of every ``pragma solidity`` in ``source`` (``PragmaError``)."""
    return [Constraint.parse(text) for text in find_version_pragmas(source)]


def satisfies_all(constraints: Sequence[Constraint], v: Version) -> bool:
    """Whether ``v`` satisfies every constraint (true when there are none)."""
    return all(c.satisfied_by(v) for c in constraints)


def choose_version(
    constraints: Sequence[Constraint],
    candidates: Sequence[Version],
    preferred: Sequence[Version] = (),
) -> Version | None:
    """The version to compile with, or ``None`` if no version satisfies all constraints.

    The highest ``preferred`` version (e.g. one already installed) that satisfies every
    constraint wins; otherwise the highest such candidate. With no constraints this is
    simply the highest preferred version, else the highest candidate.
    """
    for pool in (preferred, candidates):
        matching = [v for v in pool if satisfies_all(constraints, v)]
        if matching:
            return max(matching)
    return None
