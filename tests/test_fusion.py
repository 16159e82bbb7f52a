"""The fusion step on a real compiled contract: which statements become candidates under
each evidence mode, with what score and which sources."""

from __future__ import annotations

import numpy as np
import pytest

from contractml.analysis.context import node_index
from contractml.definitions import BY_ID, Definitions
from contractml.detector_rules import Confirmation
from contractml.fusion import DetectorEvidence, fuse, ordered_sources
from contractml.graph.builder import function_graphs
from contractml.localize import Thresholds
from contractml.rules import CATEGORIES

CALL_LINE = 16  # the call before the balance is zeroed
REENTRANCY = CATEGORIES.index("reentrancy")
CALLBACK = BY_ID["reentrancy.callback-before-update"]


@pytest.fixture(scope="module")
def record(vault_record: object) -> object:
    """Vault.sol compiled, with every detector's results."""
    return vault_record


@pytest.fixture(scope="module")
def withdraw(record: object) -> object:
    graphs = function_graphs([record], with_detectors=True)  # type: ignore[list-item]
    return next(g for g in graphs if any(int(line) == CALL_LINE for line in g.src_lines[:, 0]))


THRESHOLDS = Thresholds(node=dict.fromkeys(CATEGORIES, 0.6),
                        function=dict.fromkeys(CATEGORIES, 0.0))


def _regions(withdraw: object, record: object, score: float, evidence: str,
             detectors: DetectorEvidence | None, definitions: bool = True) -> list:
    node = np.zeros((withdraw.num_nodes, len(CATEGORIES)), dtype=np.float32)  # type: ignore[attr-defined]
    node[:, REENTRANCY] = score
    function = np.ones((int(withdraw.num_functions), len(CATEGORIES)), dtype=np.float32)  # type: ignore[attr-defined]
    nodes = node_index([record])  # type: ignore[list-item]
    return fuse(withdraw, node, function, THRESHOLDS, CATEGORIES, nodes,
                detectors=detectors, definitions=Definitions(nodes) if definitions else None,
                evidence=evidence)


CONFIRM = DetectorEvidence({}, Confirmation(0.5, {"reentrancy-eth": "reentrancy"}))


def test_a_definition_names_the_callback_whatever_the_network_says(
        withdraw: object, record: object) -> None:
    named = _regions(withdraw, record, 0.0, "all", None)
    assert [r.category for r in named] == ["reentrancy"]
    assert named[0].score == pytest.approx(CALLBACK.precision)
    assert named[0].sources == (CALLBACK.source,)
    # without the definitions and under the threshold: nothing
    assert _regions(withdraw, record, 0.4, "all", None, definitions=False) == []


def test_slither_proposes_and_the_network_confirms(withdraw: object, record: object) -> None:
    found = _regions(withdraw, record, 0.4, "all", CONFIRM, definitions=False)
    assert [r.category for r in found] == ["reentrancy"]
    assert found[0].start_line <= CALL_LINE <= found[0].end_line
    assert found[0].score == pytest.approx(0.4)  # the network's own score
    assert found[0].sources == ("network", "slither:reentrancy-eth")
    # below half the threshold nothing is confirmed
    assert _regions(withdraw, record, 0.25, "all", CONFIRM, definitions=False) == []


def test_evidence_network_reports_what_the_network_finds_alone(
        withdraw: object, record: object) -> None:
    rules = DetectorEvidence({"reentrancy-eth": {"reentrancy": 0.9}},
                             CONFIRM.confirm)
    # 0.4: below the threshold; the definition, the rule and the confirmation are off
    assert _regions(withdraw, record, 0.4, "network", rules) == []
    above = _regions(withdraw, record, 0.7, "network", rules)
    assert above and all(r.sources == ("network",) for r in above)
    assert all(r.score == pytest.approx(0.7) for r in above)


def test_evidence_rules_reports_definitions_and_detector_rules_alone(
        withdraw: object, record: object) -> None:
    rules = DetectorEvidence({"reentrancy-eth": {"reentrancy": 0.9}}, CONFIRM.confirm)
    found = _regions(withdraw, record, 0.99, "rules", rules)
    sources = {s for r in found for s in r.sources}
    assert "network" not in sources
    assert sources == {CALLBACK.source, "slither:reentrancy-eth"}
    assert max(r.score for r in found) == pytest.approx(CALLBACK.precision)
    # every source of `all`: the network too
    everything = _regions(withdraw, record, 0.99, "all", rules)
    assert {s for r in everything for s in r.sources} == sources | {"network"}


def test_an_exclusion_applies_under_every_evidence_mode(record: object) -> None:
    """The `require(ok)`-checked call is never unchecked-call, even at score 1."""
    graphs = function_graphs([record], with_detectors=True)  # type: ignore[list-item]
    nodes = node_index([record])  # type: ignore[list-item]
    unchecked = CATEGORIES.index("unchecked-call")
    for evidence in ("all", "network", "rules"):
        for graph in graphs:
            node = np.zeros((graph.num_nodes, len(CATEGORIES)), dtype=np.float32)
            node[:, unchecked] = 1.0
            function = np.ones((int(graph.num_functions), len(CATEGORIES)), dtype=np.float32)
            lines = {h.start_line for r in fuse(graph, node, function, THRESHOLDS, CATEGORIES,
                                                 nodes, definitions=Definitions(nodes),
                                                 evidence=evidence)
                     for h in r.hits if r.category == "unchecked-call"}
            assert CALL_LINE not in lines


def test_unknown_evidence_is_refused(withdraw: object, record: object) -> None:
    with pytest.raises(ValueError, match="evidence"):
        _regions(withdraw, record, 0.0, "everything", None)


def test_sources_are_ordered_network_definitions_slither() -> None:
    assert ordered_sources(["slither:b", "slither:a", CALLBACK.source, "network",
                            "network"]) == ("network", CALLBACK.source, "slither:a",
                                            "slither:b")
