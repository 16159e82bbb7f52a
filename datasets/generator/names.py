"""Neutral identifier vocabulary and a seeded namer.

Names say what a thing is in the contract's own domain ("holdings", "release") and never
what kind of defect sits near it. `FORBIDDEN` lists substrings no generated identifier may
contain; `identifiers` extracts the identifiers of a Solidity text (strings and comments
skipped) so tests can check that.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence

#: Lower-case substrings that must not occur in any generated identifier.
FORBIDDEN: tuple[str, ...] = (
    "bug", "vuln", "safe", "unsafe", "attack", "exploit", "reentr", "re_ent", "tod",
    "overflow", "underflow", "unchecked_", "hack", "malicious", "victim", "fixed", "insecure",
    "secure", "exploit", "fix",
)

#: Solidity keywords and built-ins that are identifiers lexically but written by nobody.
KEYWORDS: frozenset[str] = frozenset({"unchecked"})

_TOKEN = re.compile(
    r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|([A-Za-z_$][A-Za-z0-9_$]*)',
    re.S)


def identifiers(source: str) -> set[str]:
    """Every identifier-shaped token of `source` outside comments and string literals."""
    return {m.group(1) for m in _TOKEN.finditer(source) if m.group(1)}


def forbidden_in(names: Iterable[str]) -> list[str]:
    """Names that contain a forbidden substring (Solidity keywords excepted)."""
    bad = []
    for name in names:
        if name in KEYWORDS:
            continue
        low = name.lower()
        if "unchecked" in low or any(word in low for word in FORBIDDEN):
            bad.append(name)
    return sorted(bad)


PREFIXES = (
    "Harbor", "Summit", "Cedar", "Atlas", "Nova", "Orbit", "Maple", "Granite", "Aurora",
    "Beacon", "Coral", "Delta", "Ember", "Falcon", "Glacier", "Horizon", "Iris", "Juniper",
    "Keystone", "Lumen", "Meridian", "Nimbus", "Onyx", "Prism", "Quartz", "Raven", "Sierra",
    "Tundra", "Vertex", "Willow", "Zenith", "Copper", "Silver", "Amber", "Cobalt", "Indigo",
    "Pioneer", "Northwind", "Bluebird", "Redwood", "Lakeside", "Highland", "Crescent",
    "Solstice", "Evergreen", "Riverbend", "Starling", "Polar", "Sunrise", "Westgate",
)

#: Neutral stems for extra state variables (counters, flags and settings).
COUNTERS = ("counter", "epoch", "round", "nonce", "serial", "sequence", "cycle", "period",
            "generation", "revision", "stage", "phase")
SETTINGS = ("threshold", "cap", "ceiling", "floor", "limit", "quota", "minimum", "maximum",
            "fee", "rate", "factor", "weight", "margin", "spread", "ratio", "step")
FLAGS = ("paused", "frozen", "halted", "closed", "active", "open", "enabled", "live",
         "stopped", "finalized")
LABELS = ("name", "title", "label", "tag", "memo", "note", "description", "motto")
TRACKERS = ("lastUpdate", "lastAction", "updatedAt", "createdAt", "lastTouch", "modifiedAt",
            "lastSync", "lastChange")
ACCOUNT_PARAMS = ("to", "recipient", "account", "who", "user", "receiver", "dest", "holder",
                  "beneficiary", "payee")
AMOUNT_PARAMS = ("amount", "value", "amt", "qty", "units", "sum", "wad", "quantity", "size")
OK_LOCALS = ("ok", "success", "sent", "done", "result", "status", "delivered", "went")


class Namer:
    """Draws identifiers for one contract pair without repeats; `same role -> same name`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.roles: dict[str, str] = {}

    def take(self, role: str, options: Sequence[str]) -> str:
        if role in self.roles:
            return self.roles[role]
        free = [o for o in options if o not in self.used and not forbidden_in([o])]
        if not free:  # pragma: no cover - vocabularies are larger than any contract needs
            base = self.rng.choice(list(options))
            n = 2
            while f"{base}{n}" in self.used:
                n += 1
            free = [f"{base}{n}"]
        name = self.rng.choice(free)
        bad = forbidden_in([name])
        assert not bad, bad
        self.used.add(name)
        self.roles[role] = name
        return name

    def combo(self, role: str, heads: Sequence[str], tails: Sequence[str]) -> str:
        """camelCase head+Tail, e.g. `release` + `Funds` -> `releaseFunds`."""
        options = [h + t[:1].upper() + t[1:] for h in heads for t in tails]
        return self.take(role, options)

    def contract(self, suffixes: Sequence[str]) -> str:
        return self.combo("contract", PREFIXES, suffixes)

    def reserve(self, *names: str) -> None:
        self.used.update(names)
