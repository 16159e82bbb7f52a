"""The rules: one per taxonomy category, consistent, and docs/rules.md generated from them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from contractml.rules import (
    CATEGORIES,
    RULES,
    category_of,
    effective_rules,
    rule_for,
    rules_json,
    rules_markdown,
    rules_text,
)

REPO = Path(__file__).resolve().parents[2]
TAXONOMY = Path("/work/shared/docs/taxonomy.md")


def test_one_rule_per_category_in_order() -> None:
    assert tuple(RULES) == CATEGORIES
    assert len(set(rule.id for rule in RULES.values())) == len(CATEGORIES)
    for category, rule in RULES.items():
        assert rule.category == category
        assert category in rule.id and rule.id == f"contractml/{category}"
        assert category_of(rule.id) == category
        assert rule_for(category) is rule


def test_rules_are_complete_and_consistent() -> None:
    for rule in RULES.values():
        assert rule.title and rule.description and rule.recommendation
        for heading in ("### What it is", "### Why it matters", "### Example",
                        "### How to fix"):
            assert heading in rule.help_markdown, (rule.id, heading)
        assert rule.swc and all(re.fullmatch(r"SWC-\d{3}", s) for s in rule.swc)
        score = float(rule.security_severity)
        expected = {"high": (7.0, 9.0), "medium": (4.0, 7.0), "low": (0.0, 4.0)}
        low, high = expected[rule.severity]
        assert low <= score < high, rule.id


def test_severities_and_swc_match_the_taxonomy() -> None:
    if not TAXONOMY.is_file():
        pytest.skip("taxonomy not available")
    text = TAXONOMY.read_text(encoding="utf-8")
    for category, rule in RULES.items():
        row = next(line for line in text.splitlines() if line.startswith(f"| {category} |"))
        swc_cell = row.split("|")[3]
        numbers = re.findall(r"\d{3}", swc_cell)
        assert [s.removeprefix("SWC-") for s in rule.swc] == numbers, category
    severity = text[text.index("Severity per category"):]
    for level in ("high", "medium", "low"):
        sentence = re.search(rf"{level} for ([^;.]+)", severity).group(1)
        named = {c.strip() for c in re.split(r",| and ", sentence) if c.strip()}
        assert named == {c for c, r in RULES.items() if r.severity == level}, level


def test_category_of_rejects_unknown() -> None:
    for bad in ("reentrancy", "contractml/nope", "other/reentrancy"):
        with pytest.raises(KeyError):
            category_of(bad)


def test_effective_rules() -> None:
    rules = effective_rules({"time-manipulation": "high", "reentrancy": "high"})
    assert rules["time-manipulation"].severity == "high"
    assert float(rules["time-manipulation"].security_severity) >= 7.0
    assert rules["reentrancy"] is RULES["reentrancy"]
    assert RULES["time-manipulation"].severity == "low"
    with pytest.raises(ValueError):
        effective_rules({"reentrancy": "critical"})


def test_rules_docs_are_up_to_date() -> None:
    docs = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert docs == rules_markdown(), (
        "docs/rules.md is stale: python -c 'from contractml.rules import rules_markdown; "
        "open(\"docs/rules.md\", \"w\").write(rules_markdown())'")


def test_rules_cli_outputs() -> None:
    document = json.loads(rules_json())
    assert document["version"] == 1
    assert [r["id"] for r in document["rules"]] == [r.id for r in RULES.values()]
    assert document["rules"][0]["swc"] == ["SWC-107"]
    text = rules_text()
    for rule in RULES.values():
        assert f"{rule.id}  [{rule.severity}]" in text
        assert rule.title in text
