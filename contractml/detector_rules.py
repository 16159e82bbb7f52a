"""Slither detectors that the training data shows to be precise become reporting rules.

Why: validation data (SolidiFI and generated contracts) is nearly separable, so the GNN
can reach near-perfect validation scores from the shape of injected code and learn to
ignore detector bits that real code needs (e.g. `reentrancy-benign` never fires on a
labelled SolidiFI statement, so the network learned it as evidence *against*
reentrancy). A detector whose hits were labelled with a category in at least
`MIN_PRECISION` of at least `MIN_SUPPORT` training statements is kept as a rule for that
category: a statement it reports is a candidate whatever the GNN says, with the rule's
training precision as its score. Both numbers are fixed here, chosen before any
evaluation, and the table is estimated on the training split only (never validation or
SmartBugs). The table is stored in the model's JSON (`detector_rules`).

A second, weaker use of the detectors (`detector_confirm` in the model's JSON): a
statement where a detector mapped to category c fires (`SLITHER_MAPPING`, the same map
as the Slither baseline of the benchmarks) is a candidate when the network's calibrated
score for c reaches `fraction` x c's node threshold. Slither proposes, the network
confirms: Slither's detectors see defects the network scores just below its thresholds
on code unlike its training data, and the network drops most of Slither's false alarms.
The fraction (0.5) was chosen on the development set (docs/benchmarks/devset-notes.md),
never on SmartBugs.

How these hits join the network's scores and the category definitions is
`contractml.fusion`'s business; this module reads and checks the model's tables and
computes the per-statement arrays.

No torch: graphs' `x` is read through `.numpy()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from contractml.graph import schema
from contractml.localize import MIN_THRESHOLD

MIN_PRECISION = 0.8
MIN_SUPPORT = 50

#: Slither detector ARGUMENT -> (category, why). Only node-level results reach the graph's
#: `detector:<argument>` features, so detectors that report whole functions or contracts
#: only (e.g. `suicidal`, `unprotected-upgrade`) contribute nothing at line level.
SLITHER_MAPPING: dict[str, tuple[str, str]] = {
    "reentrancy-eth": ("reentrancy", "state written after an external call sending ether"),
    "reentrancy-no-eth": ("reentrancy", "state written after an external call"),
    "reentrancy-benign": ("reentrancy", "Slither's low-severity variant; still the "
                                        "pattern the category names"),
    "reentrancy-events": ("reentrancy", "event emitted after an external call (same "
                                        "pattern, weaker consequence)"),
    "reentrancy-unlimited-gas": ("reentrancy", "send/transfer followed by state use"),
    "reentrancy-balance": ("reentrancy", "a balance read before an external call is "
                                         "used after it"),
    "unchecked-lowlevel": ("unchecked-call", "low-level call whose result is ignored"),
    "unchecked-send": ("unchecked-call", "send whose result is ignored"),
    "tx-origin": ("access-control", "authorisation by tx.origin (SWC-115)"),
    "suicidal": ("access-control", "anyone can selfdestruct (SWC-106)"),
    "arbitrary-send-eth": ("access-control", "anyone can withdraw ether (SWC-105)"),
    "arbitrary-send-erc20": ("access-control", "transferFrom with an arbitrary `from`"),
    "arbitrary-send-erc20-permit": ("access-control", "the same through permit"),
    "unprotected-upgrade": ("access-control", "anyone can initialise/upgrade"),
    "protected-vars": ("access-control", "a protected variable written without its guard"),
    "controlled-array-length": ("access-control", "user-controlled array length, an "
                                                  "arbitrary storage write (SWC-124; "
                                                  "SmartBugs files it under access_control)"),
    "controlled-delegatecall": ("unsafe-delegatecall", "delegatecall to a caller-"
                                                       "controlled address or data"),
    "delegatecall-loop": ("unsafe-delegatecall", "payable delegatecall in a loop"),
    "timestamp": ("time-manipulation", "block.timestamp in a comparison"),
    "weak-prng": ("bad-randomness", "randomness from block data (SWC-120)"),
    "calls-loop": ("denial-of-service", "external calls in a loop: one failing callee "
                                        "blocks everyone (SWC-113)"),
    "costly-loop": ("denial-of-service", "storage writes in a loop: unbounded gas "
                                         "(SWC-128)"),
    "return-bomb": ("denial-of-service", "a callee's large return data exhausts gas"),
}


def estimate(graphs: Iterable[object], categories: Sequence[str],
             min_precision: float = MIN_PRECISION, min_support: int = MIN_SUPPORT
             ) -> dict[str, dict[str, float]]:
    """{detector argument: {category: training precision}} for the detectors that pass."""
    base = len(schema.BASE_FEATURES)
    width = len(schema.DETECTOR_FEATURES)
    fired = np.zeros(width)
    labelled = np.zeros((width, len(categories)))
    for graph in graphs:
        seed = graph.seed.numpy()  # type: ignore[attr-defined]
        x = graph.x.numpy()[seed]  # type: ignore[attr-defined]
        if x.shape[1] < base + width:
            raise ValueError("rules need graphs built with detector features")
        on = x[:, base:base + width] > 0
        y = graph.y.numpy()[seed] > 0  # type: ignore[attr-defined]
        fired += on.sum(0)
        labelled += on.T.astype(np.float64) @ y.astype(np.float64)
    table: dict[str, dict[str, float]] = {}
    for d, name in enumerate(schema.DETECTORS):
        if fired[d] < min_support:
            continue
        # Laplace-smoothed precision: one imaginary miss keeps small counts honest
        precision = labelled[d] / (fired[d] + 1.0)
        kept = {categories[c]: round(float(precision[c]), 4)
                for c in range(len(categories)) if precision[c] >= min_precision}
        if kept:
            table[name] = kept
    return table


def validated(table: object, categories: Sequence[str]) -> dict[str, dict[str, float]]:
    """A model JSON's `detector_rules`, checked; ValueError when malformed."""
    if table is None:
        return {}
    ok = isinstance(table, dict) and all(
        isinstance(d, str) and isinstance(v, dict) and all(
            c in categories and isinstance(p, (int, float)) and 0 < p <= 1
            for c, p in v.items()) for d, v in table.items())
    if not ok:
        raise ValueError("detector_rules must map detector names to "
                         "{category: precision in (0, 1]}")
    return {d: {c: float(p) for c, p in v.items()} for d, v in table.items()}


def rule_scores(graph: object, table: Mapping[str, Mapping[str, float]],
                categories: Sequence[str]) -> np.ndarray:
    """[N, C]: per statement and category, the best precision of a rule firing there
    (0 where none does)."""
    x = graph.x.numpy()  # type: ignore[attr-defined]
    out = np.zeros((x.shape[0], len(categories)), dtype=np.float32)
    if not table or x.shape[1] < len(schema.feature_names(True)):
        return out
    base = len(schema.BASE_FEATURES)
    for name, per_category in table.items():
        if name not in schema.DETECTORS:
            continue
        column = base + schema.DETECTORS.index(name)
        hits = x[:, column] > 0
        if not hits.any():
            continue
        for category, precision in per_category.items():
            c = categories.index(category)
            out[hits, c] = np.maximum(out[hits, c], np.float32(precision))
    return out


def firing(node_detectors: Sequence[str], category: str,
           table: Mapping[str, Mapping[str, float]]) -> list[tuple[str, float]]:
    """The rules for `category` among a statement's detectors, best first."""
    hits = [(d, float(table[d][category])) for d in node_detectors
            if d in table and category in table[d]]
    return sorted(hits, key=lambda h: (-h[1], h[0]))


@dataclass(frozen=True)
class Confirmation:
    """Slither proposes, the network confirms (module docstring)."""

    fraction: float  # of each category's node threshold
    detectors: Mapping[str, str]  # detector argument -> category

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.detectors)


def confirmation(value: object, categories: Sequence[str]) -> Confirmation | None:
    """A model JSON's `detector_confirm`, checked; ValueError when malformed."""
    if value is None:
        return None
    fraction = value.get("fraction") if isinstance(value, dict) else None
    detectors = value.get("detectors") if isinstance(value, dict) else None
    ok = (isinstance(fraction, (int, float)) and not isinstance(fraction, bool)
          and 0 < fraction <= 1 and isinstance(detectors, dict)
          and all(isinstance(d, str) and c in categories for d, c in detectors.items()))
    if not ok:
        raise ValueError("detector_confirm must be {\"fraction\": a number in (0, 1], "
                         "\"detectors\": {detector: category}}")
    return Confirmation(float(fraction), dict(detectors))  # type: ignore[arg-type]


def default_confirmation(fraction: float) -> dict[str, object]:
    """The `detector_confirm` entry for a model: every mapped detector."""
    return {"fraction": fraction,
            "detectors": {d: c for d, (c, _why) in sorted(SLITHER_MAPPING.items())}}


def confirm_scores(graph: object, confirm: Confirmation, node_scores: np.ndarray,
                   node_thresholds: Mapping[str, float], categories: Sequence[str]
                   ) -> np.ndarray:
    """[N, C]: the network's score where a mapped detector fires on a statement and that
    score reaches `fraction` x the category's node threshold (never below
    `localize.MIN_THRESHOLD`); 0 elsewhere."""
    x = graph.x.numpy()  # type: ignore[attr-defined]
    out = np.zeros((x.shape[0], len(categories)), dtype=np.float32)
    if x.shape[1] < len(schema.feature_names(True)):
        return out
    base = len(schema.BASE_FEATURES)
    for name, category in confirm.detectors.items():
        if name not in schema.DETECTORS:
            continue
        c = categories.index(category)
        floor = max(confirm.fraction * float(node_thresholds[category]), MIN_THRESHOLD)
        score = node_scores[:, c].astype(np.float32)
        ok = (x[:, base + schema.DETECTORS.index(name)] > 0) & (score >= floor)
        # a confirmed statement keeps the network's own score (> 0 marks it a candidate)
        out[ok, c] = np.maximum(out[ok, c], np.maximum(score[ok], np.float32(1e-6)))
    return out


def confirming(node_detectors: Sequence[str], category: str,
               confirm: Confirmation | None) -> list[str]:
    """The mapped detectors for `category` among a statement's detectors, sorted."""
    if confirm is None:
        return []
    return sorted(d for d in node_detectors if confirm.detectors.get(d) == category)
