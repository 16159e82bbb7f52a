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

No torch: graphs' `x` is read through `.numpy()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from contractml.graph import schema

MIN_PRECISION = 0.8
MIN_SUPPORT = 50


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
