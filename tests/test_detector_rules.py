"""Detector rules: estimated from labelled graphs, applied to a real compiled contract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from contractml.detector_rules import estimate, firing, rule_scores
from contractml.graph.builder import function_graphs
from contractml.rules import CATEGORIES

VAULT = Path(__file__).parent / "fixtures" / "scan" / "project" / "Vault.sol"
CALL_LINE = 16  # the call before the balance is zeroed


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> list:
    from contractml.compile.driver import CompileOptions
    from contractml.compile.project import discover
    from contractml.pipeline import build

    result = build(discover([VAULT]), CompileOptions(
        cache_dir=tmp_path_factory.mktemp("rules-cache")), detectors=True)
    record = result.files[0].record
    assert record is not None
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
