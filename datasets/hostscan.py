"""A light source model of a Solidity file: contracts, state variables and functions.

Enough structure to place injected code into real functions without running the
compiler: comments and string literals are masked (same length, newlines kept), braces
and parentheses are matched on the masked text, and declarations at contract level are
read with regular expressions. The compiler checks every emitted file afterwards, so a
misreading costs a dropped file, never a wrong label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from contractml.compile.pragma import PragmaError, choose_version, constraints_for, satisfies_all
from contractml.compile.versions import SOLCJS_VERSIONS, Version

_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_CONTRACT = re.compile(r"\b(abstract\s+contract|contract|library|interface)\s+([A-Za-z_$][\w$]*)")
_FUNCTION = re.compile(r"\bfunction\s+([A-Za-z_$][\w$]*)\s*\(")
_STATE = re.compile(
    r"^\s*(mapping\s*\(.*\)|[A-Za-z_$][\w$.]*(?:\s*\[\s*\d*\s*\])*)"
    r"((?:\s+(?:public|private|internal|constant|immutable|override|payable|transient))*)"
    r"\s+([A-Za-z_$][\w$]*)\s*(?:=[^;]*)?;\s*$", re.S)
_NOT_STATE = ("using", "event", "error", "struct", "enum", "modifier", "function", "return",
              "emit", "constructor", "fallback", "receive", "import", "pragma", "type")


def mask(text: str) -> str:
    """`text` with comments and string literals replaced by spaces (newlines kept)."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "/" and i + 1 < n and text[i + 1] == "/":
            j = text.find("\n", i)
            j = n if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
        elif ch == "/" and i + 1 < n and text[i + 1] == "*":
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out[i:j] = [c if c == "\n" else " " for c in text[i:j]]
            i = j
        elif ch in "\"'":
            j = i + 1
            while j < n and text[j] != ch and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out[i + 1:j - 1] = " " * max(0, j - 1 - (i + 1))
            i = j
        else:
            i += 1
    return "".join(out)


def matching(masked: str, open_at: int, pair: str = "{}") -> int:
    """Index of the bracket closing the one at `open_at`, or -1."""
    depth = 0
    for i in range(open_at, len(masked)):
        if masked[i] == pair[0]:
            depth += 1
        elif masked[i] == pair[1]:
            depth -= 1
            if depth == 0:
                return i
    return -1


@dataclass(frozen=True)
class StateVar:
    name: str
    type: str  # normalised: spaces collapsed
    constant: bool
    private: bool = False

    @property
    def kind(self) -> str:
        """address | uint | map-address-uint | map-address-map-address-uint | address-array
        | other."""
        t = self.type.replace(" ", "")
        if t in ("address", "addresspayable"):
            return "address"
        if t in ("uint", "uint256"):
            return "uint"
        if re.fullmatch(r"mapping\(address(?:payable)?=>uint(?:256)?\)", t):
            return "map-address-uint"
        if re.fullmatch(r"mapping\(address=>mapping\(address=>uint(?:256)?\)\)", t):
            return "map-address-map-address-uint"
        if re.fullmatch(r"address(?:payable)?\[\]", t):
            return "address-array"
        return "other"


@dataclass(frozen=True)
class Param:
    type: str
    name: str


@dataclass(frozen=True)
class Function:
    name: str
    params: tuple[Param, ...]
    visibility: str
    mutability: str  # "" | view | pure | payable
    header_line: int  # 1-based line of `function`
    open_line: int  # 1-based line of the body's `{`
    close_line: int
    open_at: int  # offset of `{`
    body_first_line_free: bool  # nothing after `{` on its line
    indent: str  # indentation of the header line


@dataclass
class Contract:
    kind: str
    name: str
    start: int
    end: int
    bases: tuple[str, ...]
    state: list[StateVar] = field(default_factory=list)
    functions: list[Function] = field(default_factory=list)


@dataclass
class SourceModel:
    text: str
    masked: str
    contracts: list[Contract]
    identifiers: frozenset[str]
    pragma: str

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def _split_params(inner: str) -> tuple[Param, ...]:
    out = []
    for part in inner.split(","):
        words = part.split()
        words = [w for w in words if w not in ("memory", "calldata", "storage", "indexed")]
        if len(words) >= 2 and _IDENT.fullmatch(words[-1]):
            out.append(Param(" ".join(words[:-1]), words[-1]))
        elif words:
            out.append(Param(" ".join(words), ""))
    return tuple(out)


def _functions(text: str, masked: str, contract_start: int, contract_end: int,
               line_of) -> list[Function]:
    found = []
    for m in _FUNCTION.finditer(masked, contract_start, contract_end):
        depth = masked.count("{", contract_start, m.start()) - masked.count(
            "}", contract_start, m.start())
        if depth != 1:
            continue
        close_paren = matching(masked, m.end() - 1, "()")
        if close_paren < 0:
            continue
        semi = masked.find(";", close_paren)
        brace = masked.find("{", close_paren)
        if brace < 0 or (0 <= semi < brace):
            continue  # no body
        header = masked[close_paren + 1:brace]
        if "returns" in header:
            pass
        words = set(_IDENT.findall(header.split("returns")[0]))
        visibility = next((v for v in ("external", "public", "internal", "private")
                           if v in words), "public")
        mutability = next((v for v in ("view", "pure", "payable") if v in words),
                          "view" if "constant" in words else "")
        end = matching(masked, brace)
        if end < 0:
            continue
        line_end = masked.find("\n", brace)
        rest = masked[brace + 1: line_end if line_end >= 0 else len(masked)]
        header_line = line_of(m.start())
        line_start = text.rfind("\n", 0, m.start()) + 1
        indent = text[line_start:m.start()]
        found.append(Function(
            name=m.group(1), params=_split_params(masked[m.end():close_paren]),
            visibility=visibility, mutability=mutability, header_line=header_line,
            open_line=line_of(brace), close_line=line_of(end), open_at=brace,
            body_first_line_free=not rest.strip(),
            indent=indent if not indent.strip() else ""))
    return found


def _state_vars(masked: str, body_start: int, body_end: int) -> list[StateVar]:
    out = []
    depth = 0
    statement_start = body_start + 1
    for i in range(body_start + 1, body_end):
        ch = masked[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                statement_start = i + 1
        elif ch == ";" and depth == 0:
            statement = masked[statement_start:i + 1]
            statement_start = i + 1
            words = statement.split()
            if not words or words[0] in _NOT_STATE:
                continue
            m = _STATE.match(statement)
            if m is None:
                continue
            modifiers = m.group(2).split()
            out.append(StateVar(name=m.group(3), type=" ".join(m.group(1).split()),
                                constant="constant" in modifiers or "immutable" in modifiers,
                                private="private" in modifiers))
    return out


@lru_cache(maxsize=16)
def scan(text: str) -> SourceModel:
    """The source model of one file (the last few are cached: rewrites scan the same
    text many times)."""
    masked = mask(text)
    newlines = [i for i, c in enumerate(text) if c == "\n"]

    def line_of(offset: int) -> int:
        lo, hi = 0, len(newlines)
        while lo < hi:
            mid = (lo + hi) // 2
            if newlines[mid] < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo + 1

    contracts = []
    for m in _CONTRACT.finditer(masked):
        depth = masked.count("{", 0, m.start()) - masked.count("}", 0, m.start())
        if depth != 0:
            continue
        brace = masked.find("{", m.end())
        if brace < 0:
            continue
        end = matching(masked, brace)
        if end < 0:
            continue
        between = masked[m.end():brace]
        bases = tuple(_IDENT.findall(between.split("is", 1)[1])) if re.search(
            r"\bis\b", between) else ()
        contract = Contract(kind=m.group(1).split()[-1], name=m.group(2), start=brace,
                            end=end, bases=bases)
        contract.state = _state_vars(masked, brace, end)
        contract.functions = _functions(text, masked, brace, end, line_of)
        contracts.append(contract)
    pragma = " ".join(re.findall(r"pragma\s+solidity\s+([^;]*);", masked))
    return SourceModel(text=text, masked=masked, contracts=contracts,
                       identifiers=frozenset(_IDENT.findall(masked)), pragma=pragma)


def compiler_version(text: str, preferred: set[Version] | frozenset[Version] = frozenset()
                     ) -> Version | None:
    """The solc version for the file: within the lowest compiler line (0.x) its pragmas
    allow, an installed (`preferred`) version when one fits, else the newest release of
    that line; None when no release fits. The lowest line, because an open pragma
    (`>=0.4.22`) on old code names the line the code was written for."""
    try:
        constraints = constraints_for(text)
    except PragmaError:
        return None
    fitting = [v for v in SOLCJS_VERSIONS if satisfies_all(constraints, v)]
    if not fitting:
        return None
    line = min(v.minor for v in fitting)
    return choose_version(constraints, [v for v in fitting if v.minor == line],
                          sorted(v for v in preferred if v.minor == line))
