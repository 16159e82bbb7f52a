"""Fingerprints and baseline files."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from contractml.baseline import (
    Baseline,
    assign_fingerprints,
    filter_new,
    fingerprint,
    load_baseline,
    write_baseline,
)
from contractml.errors import ConfigError
from tests.report.sample import finding, sample_result


def test_fingerprint_ignores_position_whitespace_and_comments() -> None:
    base = finding("reentrancy", "high", 0.9, "a.sol", 10, "A", "f",
                   "        (bool ok, ) = to.call{value: v}(\"\");")
    moved = copy.deepcopy(base)
    moved.start_line = moved.end_line = 42
    moved.start_column = 1
    moved.excerpt = "(bool ok,)   =\tto.call{value: v}(\"\");  // contractml-disable-line"
    moved.confidence = 0.5
    moved.suppressed = True
    assert fingerprint(moved) != fingerprint(base)  # `ok,)` vs `ok, )`: a real edit
    moved.excerpt = "  (bool ok, ) =  to.call{value: v}(\"\"); // contractml-disable-line"
    assert fingerprint(moved) == fingerprint(base)
    for field, value in (("file", "b.sol"), ("function", "g"), ("contract", "B"),
                         ("rule_id", "contractml/arithmetic"),
                         ("excerpt", "(bool ok, ) = to.call{value: w}(\"\");")):
        changed = copy.deepcopy(base)
        setattr(changed, field, value)
        assert fingerprint(changed) != fingerprint(base), field
    assert len(fingerprint(base)) == 32


def test_identical_findings_are_numbered_in_file_order() -> None:
    first = finding("unchecked-call", "medium", 0.7, "a.sol", 5, "A", "f", "to.send(1);")
    second = copy.deepcopy(first)
    second.start_line = second.end_line = 9
    assign_fingerprints([second, first])
    assert first.fingerprint == fingerprint(first)
    assert second.fingerprint != first.fingerprint
    before = (first.fingerprint, second.fingerprint)
    first.start_line, second.start_line = 105, 109  # lines inserted above both
    first.end_line, second.end_line = 105, 109
    assign_fingerprints([first, second])
    assert (first.fingerprint, second.fingerprint) == before


def test_round_trip_and_filter(tmp_path: Path) -> None:
    result = sample_result()
    path = tmp_path / "sub" / "baseline.json"
    assert write_baseline(path, result.findings[:3]) == 3
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 1 and document["tool"] == "contractml"
    keys = [(e["file"], e["line"]) for e in document["findings"]]
    assert keys == sorted(keys)
    baseline = load_baseline(path)
    assert isinstance(baseline, Baseline) and len(baseline) == 3
    new, known = filter_new(sample_result().findings, baseline)
    assert known == 3
    assert [f.fingerprint for f in new] == [f.fingerprint for f in result.findings[3:]]
    written = path.read_text(encoding="utf-8")
    write_baseline(path, list(reversed(result.findings[:3])))
    assert path.read_text(encoding="utf-8") == written  # sorted: order-independent


def test_write_assigns_missing_fingerprints(tmp_path: Path) -> None:
    item = finding("arithmetic", "high", 0.8, "a.sol", 3, "A", "f", "x += y;")
    assert item.fingerprint == ""
    write_baseline(tmp_path / "b.json", [item])
    assert item.fingerprint and item.fingerprint in load_baseline(tmp_path / "b.json")


@pytest.mark.parametrize("content,message", [
    (None, "not found"),
    ("{not json", "invalid JSON"),
    ('{"version": 1, "findings": []}', "not a contractml baseline"),
    ('{"version": 2, "tool": "contractml", "findings": []}', "version 2"),
    ('{"version": 1, "tool": "contractml", "fingerprint_version": 1, "findings": [{}]}',
     "without a fingerprint"),
    ("[]", "not a contractml baseline"),
])
def test_load_errors(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_baseline(path)
