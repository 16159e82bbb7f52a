"""The evaluator: known precision/recall/F1 on hand-made cases, checked inputs, the
Slither mapping, and Slither's findings on real compiled SmartBugs contracts."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.graph import schema
from contractml.pipeline import build
from datasets import evaluation as ev
from datasets.corpora import smartbugs_curated
from datasets.labels import CATEGORIES

P = ev.Prediction

TRUTH = {
    "a.sol": {"reentrancy": [[10], [20, 21]], "unchecked-call": [5]},
    "b.sol": {},
    "c.sol": {"reentrancy": [7]},
}


def test_known_line_and_contract_metrics() -> None:
    evaluator = ev.Evaluator(TRUTH)
    result = evaluator.evaluate({
        "a.sol": [P("reentrancy", 11, 12),  # line 10 within 1 line before: true
                  P("reentrancy", 22, 22),  # line 21 of the 2-line vulnerability: true
                  P("reentrancy", 30, 31),  # false
                  P("unchecked-call", 3, 3),  # 5 is 2 lines away: false
                  P("unchecked-call", 6, 6)],  # 5 within 1 line after: true
        "b.sol": [P("reentrancy", 1, 2)],  # a file not labelled for it: false
    })
    r = result.line["reentrancy"]
    assert (r.predicted, r.correct, r.relevant, r.retrieved) == (4, 2, 3, 2)
    assert r.precision == pytest.approx(0.5)
    assert r.recall == pytest.approx(2 / 3)
    assert r.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    u = result.line["unchecked-call"]
    assert (u.precision, u.recall) == (0.5, 1.0)
    total = result.line["all"]
    assert (total.predicted, total.correct, total.relevant, total.retrieved) == (6, 3, 4, 3)
    # contract level: a and b flagged for reentrancy, a and c labelled
    c = result.contract["reentrancy"]
    assert (c.predicted, c.correct, c.relevant, c.retrieved) == (2, 1, 2, 1)
    assert c.precision == 0.5 and c.recall == 0.5
    assert result.contract["unchecked-call"].f1 == 1.0
    # categories nobody labelled or predicted: undefined, not zero
    assert result.line["front-running"].precision is None
    assert result.line["front-running"].recall is None
    assert ("c.sol", "reentrancy", 0) not in result.found
    assert ("a.sol", "reentrancy", 1) in result.found


def test_tolerance_is_exactly_one_line() -> None:
    evaluator = ev.Evaluator({"a.sol": {"arithmetic": [10]}})
    for start, end, hit in [(11, 11, True), (9, 9, True), (12, 14, False), (4, 8, False),
                            (1, 10, True), (10, 10, True)]:
        m = evaluator.evaluate({"a.sol": [P("arithmetic", start, end)]}).line["arithmetic"]
        assert (m.correct == 1) is hit, (start, end)
        assert (m.retrieved == 1) is hit, (start, end)
    strict = ev.Evaluator({"a.sol": {"arithmetic": [10]}}, tolerance=0)
    assert strict.evaluate({"a.sol": [P("arithmetic", 11, 11)]}).line["arithmetic"].correct == 0


def test_one_vulnerability_counts_once_and_a_finding_can_find_several() -> None:
    evaluator = ev.Evaluator({"a.sol": {"reentrancy": [[10, 12], [30]],
                                        "time-manipulation": [[3], [5]]}})
    result = evaluator.evaluate({"a.sol": [
        P("reentrancy", 10, 10), P("reentrancy", 12, 12),  # both lines of one entry
        P("time-manipulation", 3, 5),  # one region over two entries
        P("reentrancy", 5, 5),  # a labelled line of another category does not count
    ]})
    r = result.line["reentrancy"]
    assert (r.predicted, r.correct, r.relevant, r.retrieved) == (3, 2, 2, 1)
    t = result.line["time-manipulation"]
    assert (t.predicted, t.correct, t.relevant, t.retrieved) == (1, 1, 2, 2)


def test_a_region_over_ten_lines_is_a_finding_that_never_counts() -> None:
    evaluator = ev.Evaluator(TRUTH)
    ten = evaluator.evaluate({"a.sol": [P("reentrancy", 1, 10)]})
    assert (ten.line["reentrancy"].correct, ten.line["reentrancy"].retrieved) == (1, 1)
    eleven = evaluator.evaluate({"a.sol": [P("reentrancy", 1, 11)]})
    m = eleven.line["reentrancy"]
    assert (m.predicted, m.correct, m.retrieved, m.rejected) == (1, 0, 0, 1)
    assert eleven.line["all"].rejected == 1
    assert eleven.contract["reentrancy"].correct == 1  # the file still holds a finding


def test_inputs_are_checked() -> None:
    evaluator = ev.Evaluator(TRUTH)
    with pytest.raises(ev.EvaluationError, match="without ground truth"):
        evaluator.evaluate({"z.sol": []})
    with pytest.raises(ev.EvaluationError, match="unknown category"):
        evaluator.evaluate({"a.sol": [P("overflow", 1, 1)]})
    with pytest.raises(ev.EvaluationError, match="bad region"):
        evaluator.evaluate({"a.sol": [P("reentrancy", 5, 4)]})
    with pytest.raises(ev.EvaluationError, match="outside"):
        evaluator.evaluate({"a.sol": [P("reentrancy", 5, 5, score=1.5)]})
    with pytest.raises(ev.EvaluationError, match="unknown category"):
        ev.Evaluator({"a.sol": {"short_addresses": [1]}})
    with pytest.raises(ev.EvaluationError, match="line numbers"):
        ev.Evaluator({"a.sol": {"reentrancy": [[]]}})
    with pytest.raises(ev.EvaluationError, match="without ground truth"):
        evaluator.subset(["z.sol"])


def test_subset_and_restrict() -> None:
    evaluator = ev.Evaluator(TRUTH)
    sub = evaluator.subset(["a.sol"])
    preds = {"a.sol": [P("reentrancy", 10, 10)], "c.sol": [P("reentrancy", 7, 7)]}
    assert sub.vulnerabilities("reentrancy") == 2
    assert sub.evaluate(sub.restrict(preds)).line["reentrancy"].retrieved == 1
    assert evaluator.evaluate(preds).line["reentrancy"].retrieved == 2


def test_pr_curve_over_nested_predictions_is_monotone_in_recall() -> None:
    evaluator = ev.Evaluator(TRUTH)
    scored = {"a.sol": [P("reentrancy", 10, 10, 0.9), P("reentrancy", 40, 40, 0.8),
                        P("reentrancy", 20, 20, 0.3), P("unchecked-call", 5, 5, 0.6)],
              "c.sol": [P("reentrancy", 7, 8, 0.1)]}
    floors = [0.05, 0.2, 0.5, 0.85, 0.95]
    at = {f: {k: [p for p in v if p.score >= f] for k, v in scored.items()} for f in floors}
    curves = evaluator.pr_curve(at)
    for category in ("reentrancy", "all"):
        recalls = [p.recall for p in curves[category]]
        assert [p.floor for p in curves[category]] == floors
        assert all(a >= b for a, b in zip(recalls, recalls[1:], strict=False)), recalls
    assert [p.found for p in curves["reentrancy"]] == [3, 2, 1, 1, 0]
    assert curves["reentrancy"][2].precision == 0.5  # 10 (true) and 40 (false)
    assert curves["reentrancy"][-1].precision is None


def test_slither_mapping_uses_known_detectors_and_categories() -> None:
    assert set(ev.SLITHER_MAPPING) <= set(schema.DETECTORS)
    assert set(ev.SLITHER_LEFT_OUT) <= set(schema.DETECTORS)
    assert not set(ev.SLITHER_MAPPING) & set(ev.SLITHER_LEFT_OUT)
    assert {c for c, _ in ev.SLITHER_MAPPING.values()} <= set(CATEGORIES)
    assert set(ev.SEVERITY) == set(CATEGORIES)
    by_category = ev.slither_categories()
    assert not by_category["arithmetic"] and not by_category["front-running"]
    assert {"reentrancy-eth", "reentrancy-no-eth"} <= set(by_category["reentrancy"])


def test_smartbugs_truth_and_the_icse_subset() -> None:
    truth = ev.smartbugs_truth()
    assert len(truth) == 143
    evaluator = ev.Evaluator(truth)
    # 207 entries in vulnerabilities.json, 3 `other` and 1 `short_addresses` left out
    assert evaluator.vulnerabilities() == 203
    subset = ev.icse2020_subset()
    assert len(subset) == len(set(subset)) == 69
    icse = evaluator.subset(subset)
    assert "smartbugs/dataset/access_control/FibonacciBalance.sol" in subset
    assert icse.vulnerabilities() == 110
    assert icse.vulnerabilities("bad-randomness") == 31
    assert icse.vulnerabilities("reentrancy") == 8


def test_code_lines(tmp_path: Path) -> None:
    source = tmp_path / "a.sol"
    source.write_text("// SPDX\n\n/* block\n still */\ncontract A { /* c */\n"
                      "  uint x; // note\n  /** doc */ uint y;\n}\n   \n/* a */ /* b */\n",
                      encoding="utf-8")
    assert ev.code_lines(source) == 4


@pytest.fixture(scope="module")
def slither_corpus(tmp_path_factory: pytest.TempPathFactory) -> ev.Corpus:
    root = smartbugs_curated()
    relatives = ["dataset/reentrancy/simple_dao.sol",
                 "dataset/unchecked_low_level_calls/lotto.sol"]
    paths = [root / r for r in relatives]
    result = build(discover([str(p) for p in paths]),
                   CompileOptions(cache_dir=tmp_path_factory.mktemp("eval-cache")),
                   detectors=True)
    corpus = ev.Corpus("t", [ev.smartbugs_id(r) for r in relatives], [], {}, {})
    for relative, path in zip(relatives, paths, strict=True):
        (report,) = [r for r in result.files if r.outcome.path.resolve() == path.resolve()]
        assert report.record is not None, report.error
        corpus.add_file(ev.smartbugs_id(relative), report.record)
    return corpus


def test_slither_findings_on_real_contracts(slither_corpus: ev.Corpus) -> None:
    truth = ev.smartbugs_truth()
    evaluator = ev.Evaluator({f: truth[f] for f in slither_corpus.files})
    scores = ev.apply(ev.slither_scores, slither_corpus.graphs)
    preds = ev.predictions(slither_corpus,
                           ev.regions(slither_corpus, scores, None, floor=0.5))
    result = evaluator.evaluate(preds)
    # simple_dao: reentrancy-eth on the call at line 19; lotto: both unchecked sends
    assert result.line["reentrancy"].retrieved == 1
    assert result.line["unchecked-call"].retrieved == result.line["unchecked-call"].relevant == 2
    assert all(p.score == 1.0 for v in preds.values() for p in v)
    assert all(p.end_line - p.start_line < 10 for v in preds.values() for p in v)
    # a model without detector columns cannot stand in for Slither's findings
    graph = slither_corpus.graphs[0].clone()
    graph.x = graph.x[:, :len(schema.BASE_FEATURES)]
    with pytest.raises(ev.EvaluationError, match="detector features"):
        ev.slither_scores(graph)


# Two files that each declare `Bank.withdraw()`, at different lines: function ids are
# unique within one compilation only.
BANK_EARLY = """pragma solidity 0.4.24;
contract Bank {
    mapping(address => uint256) public balances;
    function withdraw() public {
        uint256 amount = balances[msg.sender];
        require(msg.sender.call.value(amount)());
        balances[msg.sender] = 0;
    }
}
"""
BANK_LATE = BANK_EARLY.replace("contract Bank {", "contract Bank {\n" + "\n" * 20)


def test_each_file_is_read_against_its_own_records(tmp_path: Path) -> None:
    """Graphs of files compiled one by one are read against their own file's records,
    as `contractml scan` reads them; a function id two files share does not move one
    file's findings into the other (the evaluator did so before session 17)."""
    for name, text in (("early.sol", BANK_EARLY), ("late.sol", BANK_LATE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = build(discover([str(tmp_path)]),
                   CompileOptions(cache_dir=tmp_path / "cache"), detectors=True)
    corpus = ev.Corpus("t", ["early.sol", "late.sol"], [], {}, {})
    for report in sorted(result.files, key=lambda r: r.outcome.path.name):
        assert report.record is not None, report.error
        corpus.add_file(report.outcome.path.name, report.record)
    assert {fid for g in corpus.graphs for fid in g.functions} >= {"Bank.withdraw()"}
    preds = ev.predictions(corpus, ev.regions(corpus, ev.apply(ev.slither_scores,
                                                                corpus.graphs),
                                              None, floor=0.5))
    lines = {file_id: {(p.category, p.start_line) for p in found}
             for file_id, found in preds.items()}
    assert ("reentrancy", 6) in lines["early.sol"]
    assert ("reentrancy", 27) in lines["late.sol"]
    assert not any(line > 9 for _, line in lines["early.sol"])
    assert not any(line < 22 for _, line in lines["late.sol"])
