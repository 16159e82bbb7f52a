"""Detector rules: estimated from labelled graphs, applied to a real compiled contract."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from contractml.detector_rules import (
    SLITHER_MAPPING,
    Confirmation,
    confirm_scores,
    confirmation,
    default_confirmation,
    estimate,
    firing,
    rule_scores,
)
from contractml.graph.builder import function_graphs
from contractml.rules import CATEGORIES

CALL_LINE = 16  # the call before the balance is zeroed


@pytest.fixture(scope="module")
def record(vault_record: object) -> object:
    """Vault.sol compiled, with every detector's results."""
    return vault_record


@pytest.fixture(scope="module")
def graphs(record: object) -> list:
    out = function_graphs([record], with_detectors=True)
    for graph in out:  # label the call statement as reentrancy, nothing else
        y = torch.zeros((graph.num_nodes, len(CATEGORIES)))
        hit = (graph.src_lines[:, 0] == CALL_LINE)
        y[hit, CATEGORIES.index("reentrancy")] = 1.0
        graph.y = y
    return out


def test_estimate_keeps_precise_detectors_only(graphs: list) -> None:
    table = estimate(graphs, CATEGORIES, min_precision=0.3, min_support=1)
    # reentrancy-eth fires on the two statements of line 16 (labelled) and on the write
    # after the call (not): 2 of 3 hits, smoothed 2 / 4
    assert table["reentrancy-eth"] == {"reentrancy": pytest.approx(0.5, abs=1e-3)}
    # low-level-calls fires on the two line-16 statements only: 2 / 3
    assert table["low-level-calls"] == {"reentrancy": pytest.approx(2 / 3, abs=1e-3)}
    assert set(estimate(graphs, CATEGORIES, min_precision=0.6, min_support=1)) == {
        "low-level-calls"}
    assert estimate(graphs, CATEGORIES) == {}  # 50 hits needed by default


def test_rule_scores_mark_the_statements_the_detector_reported(graphs: list) -> None:
    table = {"reentrancy-eth": {"reentrancy": 0.9}}
    withdraw = next(g for g in graphs if any(int(line) == CALL_LINE
                                             for line in g.src_lines[:, 0]))
    scores = rule_scores(withdraw, table, CATEGORIES)
    column = CATEGORIES.index("reentrancy")
    lines = {int(withdraw.src_lines[i, 0]) for i in np.flatnonzero(scores[:, column])}
    assert CALL_LINE in lines
    assert scores[:, [c for c in range(len(CATEGORIES)) if c != column]].sum() == 0
    assert firing(("low-level-calls", "reentrancy-eth"), "reentrancy", table) == [
        ("reentrancy-eth", 0.9)]
    base_only = withdraw.clone()
    from contractml.graph import schema

    base_only.x = base_only.x[:, :len(schema.BASE_FEATURES)]
    assert rule_scores(base_only, table, CATEGORIES).sum() == 0


# ---- Slither proposes, the network confirms -------------------------------------------

REENTRANCY = CATEGORIES.index("reentrancy")


def _withdraw(graphs: list) -> object:
    return next(g for g in graphs if any(int(line) == CALL_LINE for line in g.src_lines[:, 0]))


def _proposed(graph: object) -> np.ndarray:
    """Rows where a detector mapped to reentrancy fires (reentrancy-eth and its kin)."""
    from contractml.graph import schema

    x = graph.x.numpy()  # type: ignore[attr-defined]
    base = len(schema.BASE_FEATURES)
    columns = [base + schema.DETECTORS.index(d) for d, (c, _) in SLITHER_MAPPING.items()
               if c == "reentrancy"]
    return (x[:, columns] > 0).any(1)


def test_confirmation_keeps_proposals_the_network_scores_high_enough(graphs: list) -> None:
    withdraw = _withdraw(graphs)
    proposed = _proposed(withdraw)
    assert proposed.any() and not proposed.all()
    confirm = confirmation(default_confirmation(0.5), CATEGORIES)
    assert confirm is not None and confirm.detectors["reentrancy-eth"] == "reentrancy"
    thresholds = dict.fromkeys(CATEGORIES, 0.6)
    node = np.zeros((withdraw.num_nodes, len(CATEGORIES)), dtype=np.float32)
    node[:, REENTRANCY] = 0.35  # above 0.5 x 0.6 everywhere: confirmed where proposed
    out = confirm_scores(withdraw, confirm, node, thresholds, CATEGORIES)
    assert np.array_equal(out[:, REENTRANCY] > 0, proposed)
    assert np.allclose(out[proposed, REENTRANCY], 0.35)  # the network's own score
    assert out[:, [c for c in range(len(CATEGORIES)) if c != REENTRANCY]].sum() == 0
    node[:, REENTRANCY] = 0.25  # below 0.3: nothing confirmed
    assert confirm_scores(withdraw, confirm, node, thresholds, CATEGORIES).sum() == 0
    # never below the floor no threshold may cross (localize.MIN_THRESHOLD = 0.05)
    node[:, REENTRANCY] = 0.04
    low = dict.fromkeys(CATEGORIES, 0.06)
    assert confirm_scores(withdraw, confirm, node, low, CATEGORIES).sum() == 0
    node[:, REENTRANCY] = 0.05
    assert confirm_scores(withdraw, confirm, node, low, CATEGORIES).sum() > 0
    # a proposal from a detector the model does not name is ignored
    other = Confirmation(0.5, {"timestamp": "time-manipulation"})
    node[:, :] = 0.9
    assert confirm_scores(withdraw, other, node, thresholds, CATEGORIES).sum() == 0


@pytest.mark.parametrize("value", [
    {"fraction": 0, "detectors": {}}, {"fraction": 1.5, "detectors": {}},
    {"fraction": True, "detectors": {}}, {"fraction": 0.5},
    {"fraction": 0.5, "detectors": {"timestamp": "no-such-category"}}, [0.5]])
def test_malformed_confirmation_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="detector_confirm"):
        confirmation(value, CATEGORIES)


def test_the_default_model_runs_only_the_detectors_its_rules_name() -> None:
    """The shipped model carries detector rules and no confirmation (chosen on the
    development set: devset-notes.md, round 54), so a scan runs just those detectors."""
    from contractml.model.handle import ModelHandle

    handle = ModelHandle()
    assert handle.detector_confirm is None
    assert handle.detector_rules
    assert handle.detectors == frozenset(handle.detector_rules)
