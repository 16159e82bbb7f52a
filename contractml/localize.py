"""Regions: where findings sit in the source, and the statements behind them.

A region is a run of candidate statements (`contractml.fusion` decides which statements
are candidates) of one function and category, spanning at most `MAX_REGION_LINES`
lines; its score is its best statement's. Entry nodes count by their header line only,
loop and merge markers never (their spans cover whole bodies), exactly as in the labels.
The same region reached through several contracts (inherited code) is kept once, with
its best score (`dedupe`).

No torch here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from contractml.records import NodeRecord

#: A finding's region spans at most this many lines (the evaluation's unit too).
MAX_REGION_LINES = 10

#: No statement scoring below this is ever reported, whatever a model's thresholds say
#: (a threshold fitted on too few validation positives can collapse towards 0).
MIN_THRESHOLD = 0.05

#: Node types whose span is a statement (labels and findings use the same set).
STATEMENT_TYPES = frozenset({"EXPRESSION", "RETURN", "NEW VARIABLE", "IF", "IF_LOOP", "THROW",
                             "INLINE ASM", "TRY", "_"})

_ENV_REASONS = {
    "block.timestamp": "reads block.timestamp", "now": "reads block.timestamp (now)",
    "block.number": "reads block.number", "block.difficulty": "reads block.difficulty",
    "block.prevrandao": "reads block.prevrandao", "block.coinbase": "reads block.coinbase",
    "tx.origin": "uses tx.origin", "msg.value": "uses msg.value",
}


@dataclass(frozen=True)
class NodeHit:
    """A statement with its score for one category."""

    function_id: str
    node_id: int
    file: str
    start_line: int
    end_line: int
    start_column: int
    end_column: int
    score: float
    #: the evidence that made it a candidate (`contractml.fusion`): `network`,
    #: `definition:<id>`, `slither:<detector>`; empty where nothing did (a statement
    #: shown only as context)
    sources: tuple[str, ...] = ()


@dataclass
class Region:
    category: str
    file: str
    start_line: int
    end_line: int
    start_column: int
    end_column: int
    score: float  # best score of a candidate inside
    function_score: float
    contract: str
    function: str  # function/modifier name
    function_id: str
    hits: list[NodeHit] = field(default_factory=list)  # the candidates inside
    context: list[NodeHit] = field(default_factory=list)  # best other nodes of the function
    sources: tuple[str, ...] = ()  # the union of its hits' sources, in `fusion` order

    def key(self) -> tuple[str, str, int, int]:
        return (self.category, self.file, self.start_line, self.end_line)


@dataclass(frozen=True)
class Thresholds:
    node: Mapping[str, float]
    function: Mapping[str, float]


def node_lines(node: NodeRecord) -> tuple[int, int] | None:
    if node.type == "ENTRY_POINT":
        return node.span.start_line, node.span.start_line
    if node.type in STATEMENT_TYPES:  # a longer statement: its first lines
        return node.span.start_line, min(node.span.end_line,
                                         node.span.start_line + MAX_REGION_LINES - 1)
    return None


def group(hits: list[NodeHit]) -> list[list[NodeHit]]:
    """Split line-ordered hits of one function into runs of at most MAX_REGION_LINES."""
    groups: list[list[NodeHit]] = []
    for hit in sorted(hits, key=lambda h: (h.file, h.start_line, h.end_line, h.node_id)):
        current = groups[-1] if groups else None
        if (current and current[0].file == hit.file
                and max(hit.end_line, current[-1].end_line) - current[0].start_line
                < MAX_REGION_LINES):
            current.append(hit)
        else:
            groups.append([hit])
    return groups


def dedupe(regions: Sequence[Region]) -> list[Region]:
    """One region per (category, file, lines): inherited code scored in several
    contracts, or a callee scored as its own seed and as context, is reported once."""
    best: dict[tuple[str, str, int, int], Region] = {}
    for region in regions:
        key = region.key()
        kept = best.get(key)
        if kept is None or (region.score, region.function_score) > (kept.score,
                                                                    kept.function_score):
            best[key] = region
    return sorted(best.values(), key=lambda r: (r.file, r.start_line, r.end_line, r.category))


def reason(node: NodeRecord) -> str:
    """A short, factual description of what a statement does (from its IR)."""
    parts: list[str] = []
    for ir in node.irs:
        op, attrs = ir.op, ir.attrs
        if op == "LowLevelCall":
            kind = attrs.get("function", "call")
            parts.append(f"low-level {kind}" + (" sending ether" if attrs.get("value") else ""))
        elif op in ("Send", "Transfer"):
            parts.append(f"ether {op.lower()}")
        elif op == "HighLevelCall" and not attrs.get("library"):
            parts.append("external call" + (" sending ether" if attrs.get("value") else ""))
        elif op == "SolidityCall":
            name = str(attrs.get("function", ""))
            if name.startswith(("selfdestruct", "suicide")):
                parts.append("selfdestruct")
            elif name.startswith("blockhash") or name.startswith("block.blockhash"):
                parts.append("reads blockhash")
            elif name.startswith(("require", "assert")):
                parts.append("guard (" + name.split("(")[0] + ")")
        elif op == "Binary" and attrs.get("operator") in ("+", "-", "*", "**") \
                and not node.checked:
            parts.append(f"unchecked arithmetic ({attrs['operator']})")
    for env in node.env_read:
        if env in _ENV_REASONS:
            parts.append(_ENV_REASONS[env])
    if node.state_written:
        names = ", ".join(sorted({k.split(".", 1)[-1] for k in node.state_written})[:3])
        parts.append(f"writes state ({names})")
    if node.in_loop:
        parts.append("inside a loop")
    unique = list(dict.fromkeys(parts))
    if unique:
        return "; ".join(unique)
    text = " ".join(node.text.split())
    return text[:80] if text else node.type.lower()
