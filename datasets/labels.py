"""Labels: the taxonomy, corpus folder mappings, and line labels -> node/function targets.

A labelled file says, per category, which source lines are vulnerable. A CFG node takes
a category's label when it is a statement whose lines overlap a labelled line; an entry
node (the function header) only when the header line itself is labelled; loop and
if-merge markers never (their spans cover whole bodies). A function takes a category
when one of its own nodes does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import torch

from contractml.graph.builder import CodeGraph
from contractml.rules import CATEGORIES as _CATEGORIES

#: Finding categories, in the order of target columns (../shared/docs/taxonomy.md); one
#: declarative source: contractml.rules.
CATEGORIES: tuple[str, ...] = _CATEGORIES

SMARTBUGS_FOLDERS: dict[str, str] = {
    "reentrancy": "reentrancy",
    "unchecked_low_level_calls": "unchecked-call",
    "access_control": "access-control",
    "arithmetic": "arithmetic",
    "time_manipulation": "time-manipulation",
    "bad_randomness": "bad-randomness",
    "denial_of_service": "denial-of-service",
    "front_running": "front-running",
}  # `short_addresses` and `other` have no category

SOLIDIFI_FOLDERS: dict[str, str] = {
    "Re-entrancy": "reentrancy",
    "Unhandled-Exceptions": "unchecked-call",
    "tx.origin": "access-control",
    "Unchecked-Send": "access-control",  # unprotected ether withdrawal
    "Overflow-Underflow": "arithmetic",
    "Timestamp-Dependency": "time-manipulation",
    "TOD": "front-running",
}

#: Node types labelled by line overlap; ENTRY_POINT is labelled by its first line only.
_OVERLAP_TYPES = frozenset({"EXPRESSION", "RETURN", "NEW VARIABLE", "IF", "IF_LOOP", "THROW",
                            "INLINE ASM", "TRY", "_"})


@dataclass(frozen=True)
class LabelledFile:
    """One contract file of a corpus with its labels."""

    id: str  # stable id, e.g. "solidifi/Re-entrancy/buggy_7.sol"
    corpus: str  # "solidifi" | "generated" | "smartbugs"
    path: Path
    #: category -> labelled lines (1-based)
    labels: Mapping[str, frozenset[int]]
    #: grouping keys that must never be split apart (base contract, template, ...)
    groups: tuple[str, ...] = ()
    meta: Mapping[str, str] = field(default_factory=dict)


def node_type_of(graph: CodeGraph, node: int) -> str:
    """The node-type feature that is on (features carry the type one-hot)."""
    from contractml.graph import schema

    row = graph.x[node, : len(schema.NODE_TYPES)]
    return schema.NODE_TYPES[int(torch.argmax(row))]


def node_targets(graph: CodeGraph, labels_by_file: Mapping[str, Mapping[str, frozenset[int]]]
                 ) -> torch.Tensor:
    """[N, len(CATEGORIES)] 0/1 targets for the graph's nodes."""
    targets = torch.zeros((graph.num_nodes, len(CATEGORIES)), dtype=torch.float32)
    for i in range(graph.num_nodes):
        labels = labels_by_file.get(graph.files[int(graph.file_of_node[i])])
        if not labels:
            continue
        first, last = (int(v) for v in graph.src_lines[i])
        kind = node_type_of(graph, i)
        for c, category in enumerate(CATEGORIES):
            lines = labels.get(category)
            if not lines:
                continue
            if kind == "ENTRY_POINT":
                hit = first in lines
            elif kind in _OVERLAP_TYPES:
                hit = any(first <= line <= last for line in lines)
            else:
                hit = False
            if hit:
                targets[i, c] = 1.0
    return targets


def function_targets(graph: CodeGraph, nodes: torch.Tensor) -> torch.Tensor:
    """[num_functions, len(CATEGORIES)]: a function is labelled when one of its nodes is."""
    out = torch.zeros((graph.num_functions, len(CATEGORIES)), dtype=torch.float32)
    if graph.num_nodes:
        out.index_reduce_(0, graph.fn_of_node, nodes, reduce="amax", include_self=True)
    return out
