"""The adversarial rounds' rewriting of whole host pairs: every injected function is
rewritten, each function's labels follow its own code, the twins stay aligned and
differ only where the fixes are, and the rewritten pair compiles (0.4 and 0.8); the
verdict rule is the scan's."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import torch

from contractml.compile.versions import Version
from datasets import realhosts
from datasets.adversarial import flagged, next_compiler_line, rewrite_host
from datasets.hostscan import scan
from datasets.inject import OPERATORS, Syntax, apply_all, sites
from tests.datasets.test_rewrites import host_text

WANTED = (("dos-loop", "join"), ("ar-helper-add", "deposit"), ("ac-owner-write", "hand"),
          ("ar-sub", "setFee"), ("tm-helper", "bump"))


def _result(version: Version) -> tuple[dict, str, str]:
    """A realhosts-style result for the test host with five operators injected."""
    text = host_text(version)
    by_name = {s.function.name: s for s in sites(scan(text))}
    ops = {op.name: op for op in OPERATORS}
    injected = apply_all([(ops[o], by_name[f]) for o, f in WANTED], Syntax(version))
    result = {"host": f"test/vault-{version}", "pairs": [
        {"operator": i.operator, "category": i.category, "contract": i.contract,
         "function": i.function, "helper": i.helper, "labels": list(i.labels),
         "inserted": list(i.inserted)} for i in injected.injections]}
    return result, injected.vulnerable, injected.safe


@pytest.mark.parametrize("version", (Version(0, 4, 26), Version(0, 8, 19)), ids=str)
def test_a_host_pair_is_rewritten_with_labels_following_each_function(
        version: Version, tmp_path: Path) -> None:
    result, vulnerable, safe = _result(version)
    old = vulnerable.split("\n")
    old_changed = sum(a != b for a, b in zip(old, safe.split("\n"), strict=True))
    seen = set()
    for round_ in range(4):
        host = rewrite_host(result, vulnerable, safe, round_)
        assert host is not None
        assert any(t.rewrites for t in host.targets)
        v, s = host.vulnerable.split("\n"), host.safe.split("\n")
        assert len(v) == len(s) and host.vulnerable != vulnerable
        assert 1 <= sum(a != b for a, b in zip(v, s, strict=True)) <= old_changed
        for target, pair in zip(host.targets, result["pairs"], strict=True):
            assert target.labels, target
            # every name of the labelled statements is still on the function's labels
            before = {n for i in pair["labels"] for n in re.findall(r"[A-Za-z_]\w*",
                                                                     old[i - 1])}
            after = {n for i in target.labels for n in re.findall(r"[A-Za-z_]\w*",
                                                                  v[i - 1])}
            if "inline-helper" not in target.rewrites:
                assert before - {"for"} <= after, (target, before - after)
            seen.update(target.rewrites)
        failed, _ = realhosts.compile_check(version, tmp_path, {
            f"r{round_}.v.sol": host.vulnerable, f"r{round_}.s.sol": host.safe}, "")
        assert failed == {}
    assert len(seen) >= 2  # the rewrite order rotates across functions and rounds
    moved = next_compiler_line(rewrite_host(result, vulnerable, safe, 0))
    if version.minor >= 7:
        assert moved is None  # 0.8 would check arithmetic
    else:
        assert moved is not None and moved.solc.startswith("0.5.")
        assert all("compiler-line" in t.rewrites for t in moved.targets)


class _Scores:
    def __init__(self, node: list[list[float]], function: list[list[float]]) -> None:
        self.node = np.array(node, dtype=np.float32)
        self.function = np.array(function, dtype=np.float32)


class _Graph:
    def __init__(self, seed: list[bool]) -> None:
        self.seed = torch.tensor(seed)


def test_a_function_is_flagged_as_the_scan_does() -> None:
    """A statement of the function itself at or above the statement threshold, and the
    function at or above its threshold; a callee's statement (not seed) does not count."""
    categories = 9
    thresholds = {"node": {c: 0.5 for c in _categories()},
                  "function": {c: 0.0 for c in _categories()}}
    row = [0.0] * categories
    hot = list(row)
    hot[0] = 0.9  # reentrancy
    graph = _Graph([True, True, False])
    assert flagged(graph, _Scores([row, hot, row], [row]), "reentrancy", thresholds)
    assert not flagged(graph, _Scores([row, row, hot], [row]), "reentrancy", thresholds)
    assert not flagged(graph, _Scores([row, hot, row], [row]), "unchecked-call", thresholds)
    gated = {"node": thresholds["node"], "function": {c: 0.5 for c in _categories()}}
    assert not flagged(graph, _Scores([row, hot, row], [row]), "reentrancy", gated)
    assert flagged(graph, _Scores([row, hot, row], [hot]), "reentrancy", gated)


def _categories() -> tuple[str, ...]:
    from datasets.labels import CATEGORIES

    assert CATEGORIES[0] == "reentrancy"
    return CATEGORIES


def test_the_report_compares_every_round_on_the_common_set() -> None:
    from datasets.adversarial import Example, rate, report

    def pairs(category: str, n: int) -> list[Example]:
        return [Example(f"h{i}", category, ("reorder",), None, None) for i in range(n)]

    items = pairs("reentrancy", 4) + pairs("arithmetic", 6)
    rows = []
    for round_, wrong in enumerate((4, 1)):
        verdicts = [(i < wrong, False) for i in range(len(items))]
        rows.append({"round": round_, "adversarial_graphs_in_training": 2 * round_,
                     "held_out": rate(items, verdicts), "counts": {"hosts: used": 3},
                     "common": rate(items, verdicts)})
    rows[0]["common_counts"] = {"hosts: used": 2}
    text = report(rows, "python -m datasets.adversarial ...")
    assert "| 0 | 10 | 4 | 0 | 0.2 | 1.00 |" in text
    assert "| 1 | 10 | 1 | 0 | 0.05 | 0.25 |" in text  # a quarter of round 0's errors
    assert "| reentrancy | 0.5 (4) | 0.125 (4) |" in text
    del rows[1]["common"]
    assert "common set" not in report(rows, "x")


def test_the_network_is_selected_on_the_validation_set_and_measured_on_the_common_set(
        ) -> None:
    """The round with the fewest validation errors is selected (a tie goes to the
    earlier round), and the report gives that network's common-set rate against round
    0's, whatever the last round's is."""
    from datasets.adversarial import Example, rate, report, select_round

    items = [Example(f"h{i}", "arithmetic", ("reorder",), None, None) for i in range(10)]

    def measured(wrong: int) -> dict:
        return rate(items, [(i < wrong, False) for i in range(len(items))])

    rows = [{"round": r, "adversarial_graphs_in_training": r, "counts": {},
             "held_out": measured(w), "common": measured(c), "validation": measured(v)}
            for r, (w, c, v) in enumerate(((4, 8, 5), (2, 2, 2), (1, 6, 2), (1, 1, 3)))]
    assert select_round(rows) == 1  # round 2 ties with it on validation; round 3 is worse
    for row in rows:
        row["selected"] = row["round"] == 1
    text = report(rows, "x")
    assert "| 1 | 10 | 2 | 0 | 0.1 | yes |" in text
    assert "| 3 | 10 | 3 | 0 | 0.15 |  |" in text
    assert "Selected network (round 1) on the common set: error rate 0.1, 0.25 of " \
           "round 0's." in text
    rows[1]["validation"] = measured(6)
    assert select_round(rows) == 2


def test_a_set_whose_every_pair_fails_to_compile_ends_in_one_message(tmp_path: Path) -> None:
    from datasets.adversarial import _judge_every_round

    result, vulnerable, safe = _result(Version(0, 8, 19))
    broken = "\ncontract Unfinished {\n    function f() public { uint256 x = ; }\n}\n"
    for kind, text in (("vulnerable", vulnerable + broken), ("safe", safe + broken)):
        path = tmp_path / f"{kind}.sol"
        path.write_text(text, encoding="utf-8")
        result[kind] = str(path)
    rows = [{"round": 0}]
    with pytest.raises(SystemExit) as raised:
        _judge_every_round(rows, "validation", [result], 0, tmp_path / "out",
                           tmp_path / "cache", 1, lambda _line: None)
    message = str(raised.value)
    assert message.startswith("--validation-hosts: no function pair of its 1 held-out hosts")
    assert "'hosts: rewritten pair does not compile or parse': 1" in message
    assert "validation" not in rows[0]  # nothing judged, nothing recorded
