"""One fusion step: the network's scores, Slither's detector hits and the category
definitions decide which statements become findings, with what score and which sources.

For a statement (a CFG node of the graph's own function) and a category:

- **network**: the calibrated node score reaches the category's node threshold (never
  below `localize.MIN_THRESHOLD`) and the function's score reaches the function
  threshold (0 for a model without a function gate);
- **Slither detector rules** (`slither:<detector>`): a detector that was precise on the
  training data (the model's `detector_rules`) fires there; scored with its training
  precision;
- **confirmation** (`network` and `slither:<detector>`): a detector mapped to the
  category fires there and the network's score reaches the model's `detector_confirm`
  fraction of the node threshold; the statement keeps the network's score;
- **definitions** (`definition:<id>`): an `include` definition of the category
  (`contractml.definitions`) names the statement; scored with its measured precision.

A statement is a candidate when one of these holds; its score is the best of them and
its sources list every one that holds. Whatever holds, an `exclude` definition of the
category (a handled call result, arithmetic that cannot wrap) keeps it out. Candidates
of one function and category join regions of at most `localize.MAX_REGION_LINES` lines.

`evidence` picks the sources: `all`; `network` (the network alone: no detector rules,
no confirmation, no definitions that add findings; exclusions still apply); `rules`
(detector rules and definitions alone). With `floor`, every statement whose score
reaches `floor` is a candidate and no function gate applies (precision-recall sweeps).

No torch here: scores arrive as numpy arrays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from contractml.definitions import DEFINITIONS, Definitions
from contractml.detector_rules import (
    Confirmation,
    confirm_scores,
    confirming,
    firing,
    rule_scores,
)
from contractml.localize import (
    MIN_THRESHOLD,
    NodeHit,
    Region,
    Thresholds,
    group,
    node_lines,
)
from contractml.records import FunctionRecord, NodeRecord

#: The values of `--evidence`.
EVIDENCE_MODES: tuple[str, ...] = ("all", "network", "rules")

NETWORK = "network"

_DEFINITION_ORDER = {d.source: i for i, d in enumerate(DEFINITIONS)}


@dataclass(frozen=True)
class DetectorEvidence:
    """What a model's JSON says about Slither's detectors: the rules
    ({detector: {category: precision}}) and the confirmation, if any."""

    rules: Mapping[str, Mapping[str, float]]
    confirm: Confirmation | None = None


def source_order(source: str) -> tuple[int, int, str]:
    """Sort key of a source: the network, then definitions in registry order, then
    Slither's detectors by name."""
    if source == NETWORK:
        return (0, 0, source)
    if source in _DEFINITION_ORDER:
        return (1, _DEFINITION_ORDER[source], source)
    return (2, 0, source)


def ordered_sources(sources: object) -> tuple[str, ...]:
    return tuple(sorted(set(sources), key=source_order))  # type: ignore[call-overload]


def fuse(graph: object, node_scores: np.ndarray, function_scores: np.ndarray,
         thresholds: Thresholds, categories: Sequence[str],
         nodes: Mapping[tuple[str, int], tuple[FunctionRecord, NodeRecord]],
         *, detectors: DetectorEvidence | None = None,
         definitions: Definitions | None = None, evidence: str = "all",
         floor: float | None = None) -> list[Region]:
    """The regions of one scored graph (`graph` is a `graph.builder.CodeGraph`, scores
    [N, C] and [F, C]). `nodes` maps (function id, node id) to the records;
    `definitions` applies the category definitions over them (None: none, and no
    exclusions either, as for Slither's own baseline)."""
    if evidence not in EVIDENCE_MODES:
        raise ValueError(f"evidence must be one of {', '.join(EVIDENCE_MODES)}")
    use_network = evidence in ("all", "network")
    use_rules = evidence in ("all", "rules")
    seed = graph.seed.numpy()  # type: ignore[attr-defined]
    fn_of_node = graph.fn_of_node.numpy()  # type: ignore[attr-defined]
    node_ids = graph.node_id.numpy()  # type: ignore[attr-defined]
    functions: list[str] = graph.functions  # type: ignore[attr-defined]
    table = detectors.rules if detectors is not None and use_rules else {}
    confirm = detectors.confirm if detectors is not None and evidence == "all" else None
    rules = rule_scores(graph, table, categories) if table else None
    confirmed = (confirm_scores(graph, confirm, node_scores, thresholds.node, categories)
                 if confirm is not None else None)
    regions: list[Region] = []
    for c, category in enumerate(categories):
        by_function: dict[int, list[NodeHit]] = {}
        scored: dict[int, list[NodeHit]] = {}
        for i in np.flatnonzero(seed):
            fn = int(fn_of_node[i])
            located = nodes.get((functions[fn], int(node_ids[i])))
            if located is None:
                continue
            lines = node_lines(located[1])
            if lines is None:
                continue
            function, node = located
            net = float(node_scores[i, c])
            sources: list[str] = []
            score = net if use_network else 0.0
            if floor is not None:
                network_says = use_network and net >= floor
            else:
                network_says = use_network and (
                    net >= max(thresholds.node[category], MIN_THRESHOLD)
                    and float(function_scores[fn, c]) >= thresholds.function[category])
            if network_says:
                sources.append(NETWORK)
            if rules is not None and rules[i, c] > 0:
                score = max(score, float(rules[i, c]))
                sources += [f"slither:{d}" for d, _ in firing(node.detectors, category, table)]
            if confirmed is not None and confirmed[i, c] > 0:
                sources += [NETWORK, *(f"slither:{d}" for d in
                                       confirming(node.detectors, category, confirm))]
            if definitions is not None and use_rules:
                for definition in definitions.including(category, function, node):
                    assert definition.precision is not None
                    score = max(score, definition.precision)
                    sources.append(definition.source)
            hit = _hit(functions[fn], node, function, lines, score, ordered_sources(sources))
            scored.setdefault(fn, []).append(hit)
            candidate = (score >= floor and bool(sources)) if floor is not None \
                else bool(sources)
            # the exclusions' data flow runs only for the few statements that pass
            if candidate and not (definitions is not None
                                  and definitions.excluding(category, function, node)):
                by_function.setdefault(fn, []).append(hit)
        for fn, hits in by_function.items():
            function = nodes[(hits[0].function_id, hits[0].node_id)][0]
            others = sorted(scored[fn], key=lambda h: (-h.score, h.start_line))
            for members in group(hits):
                inside = {(h.function_id, h.node_id) for h in members}
                regions.append(Region(
                    category=category, file=members[0].file,
                    start_line=members[0].start_line,
                    end_line=max(h.end_line for h in members),
                    start_column=members[0].start_column,
                    end_column=max(members, key=lambda h: h.end_line).end_column,
                    score=max(h.score for h in members),
                    function_score=float(function_scores[fn, c]),
                    contract=function.contract, function=function.name,
                    function_id=function.id, hits=members,
                    context=[h for h in others if (h.function_id, h.node_id) not in inside][:3],
                    sources=ordered_sources(s for h in members for s in h.sources)))
    return regions


def _hit(function_id: str, node: NodeRecord, function: FunctionRecord,
         lines: tuple[int, int], score: float, sources: tuple[str, ...]) -> NodeHit:
    span = node.span
    if node.type == "ENTRY_POINT":  # the header line, from the `function` keyword
        start_column, end_column = function.span.start_column, 0
    else:
        start_column = span.start_column
        end_column = span.end_column if lines[1] == span.end_line else 0
    return NodeHit(function_id=function_id, node_id=node.id, file=span.file,
                   start_line=lines[0], end_line=lines[1], start_column=start_column,
                   end_column=end_column, score=score, sources=sources)
