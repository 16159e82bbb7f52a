"""The bug-injection generator: determinism, coverage, twin structure, neutral names, and
that what it writes compiles and parses with labels on CFG nodes."""

from __future__ import annotations

import collections
import difflib
import re
from pathlib import Path

import pytest

from datasets.generator import CATEGORIES, STYLES, GeneratedContract, generate
from datasets.generator.verify import node_lines, write

FORBIDDEN = ("bug", "vuln", "safe", "unsafe", "attack", "exploit", "reentr", "re_ent", "tod",
             "overflow", "underflow", "unchecked_")

# Comments and string literals are skipped; group 1 is an identifier-shaped token.
_TOKENS = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|'
                     r"([A-Za-z_$][A-Za-z0-9_$]*)", re.S)


def bad_identifiers(source: str) -> set[str]:
    """Identifiers naming a defect. The keyword `unchecked` (as in `unchecked { ... }`) is
    allowed; `unchecked` inside a longer name is not."""
    bad = set()
    for match in _TOKENS.finditer(source):
        name = match.group(1)
        if not name or name == "unchecked":
            continue
        low = name.lower()
        if "unchecked" in low or any(word in low for word in FORBIDDEN):
            bad.add(name)
    return bad


@pytest.fixture(scope="module")
def everything() -> list[GeneratedContract]:
    return list(generate(0))


def pairs(contracts: list[GeneratedContract]) -> list[tuple[GeneratedContract, ...]]:
    assert len(contracts) % 2 == 0
    return [(contracts[i], contracts[i + 1]) for i in range(0, len(contracts), 2)]


def test_same_seed_same_output_and_other_seed_differs() -> None:
    first = list(generate(seed=7))
    assert first == list(generate(seed=7))
    other = list(generate(seed=8))
    # the same combinations, drawn in another order with other names, code and values
    assert collections.Counter((c.template, c.style, c.category, c.variant) for c in other) \
        == collections.Counter((c.template, c.style, c.category, c.variant) for c in first)
    assert [c.id for c in other] != [c.id for c in first]
    assert len({c.source for c in first} & {c.source for c in other}) < 0.01 * len(first)


def test_count_is_a_prefix_in_whole_pairs(everything: list[GeneratedContract]) -> None:
    assert list(generate(0, count=10)) == everything[:10]
    assert len(list(generate(0, count=3))) == 4
    assert list(generate(0, count=0)) == []


def test_coverage(everything: list[GeneratedContract]) -> None:
    assert len(everything) >= 2000
    assert {c.category for c in everything} == set(CATEGORIES)
    assert {c.style for c in everything} == set(STYLES)
    assert len({c.template for c in everything}) >= 9
    templates = collections.defaultdict(set)
    styles = collections.defaultdict(set)
    for c in everything:
        templates[c.category].add(c.template)
        styles[c.category].add(c.style)
    for category in CATEGORIES:
        assert len(templates[category]) >= 3, category
        assert len(styles[category]) >= 3, category
    assert len({c.id for c in everything}) == len(everything)
    assert len({c.source for c in everything}) == len(everything)


def test_pairs_and_pragmas(everything: list[GeneratedContract]) -> None:
    for vuln, safe in pairs(everything):
        assert (vuln.variant, safe.variant) == ("vulnerable", "safe")
        assert vuln.pair == safe.pair
        assert vuln.id == f"{vuln.pair}-vulnerable" and safe.id == f"{safe.pair}-safe"
        for key in ("template", "style", "category"):
            assert getattr(vuln, key) == getattr(safe, key)
        assert vuln.labelled_lines and safe.labelled_lines == ()
        for c in (vuln, safe):
            pragma = re.search(r"^pragma solidity ([^;]+);$", c.source, re.M)
            assert pragma, c.id
            assert re.match(r"(\^|>=)" + re.escape(c.style) + r"\.\d+", pragma.group(1)), c.id
            assert "<yes>" not in c.source and "@vulnerable_at_lines" not in c.source


def _function_ranges(lines: list[str]) -> list[tuple[int, int]]:
    """1-based (first, last) lines of each top-level member body of the contract."""
    ranges, start = [], None
    for i, line in enumerate(lines, 1):
        if re.match(r"    (function|modifier|constructor|receive|fallback)\b", line):
            start = i
        elif start is not None and line == "    }":
            ranges.append((start, i))
            start = None
    return ranges


def test_twins_differ_only_in_changed_lines(everything: list[GeneratedContract]) -> None:
    for vuln, safe in pairs(everything):
        a, b = vuln.source.split("\n"), safe.source.split("\n")
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        kept_a, kept_b = set(), set()
        for block in matcher.get_matching_blocks():
            kept_a.update(range(block.a + 1, block.a + block.size + 1))
            kept_b.update(range(block.b + 1, block.b + block.size + 1))
        assert vuln.changed_lines == tuple(i for i in range(1, len(a) + 1) if i not in kept_a)
        assert safe.changed_lines == tuple(i for i in range(1, len(b) + 1) if i not in kept_b)
        assert vuln.changed_lines or safe.changed_lines
        assert len(vuln.changed_lines) <= 8 and len(safe.changed_lines) <= 8
        rest_a = [t for i, t in enumerate(a, 1) if i not in vuln.changed_lines]
        rest_b = [t for i, t in enumerate(b, 1) if i not in safe.changed_lines]
        assert rest_a == rest_b, vuln.pair
        # every label is a changed line or lies in a member whose code the fix changes
        edits = [(i1 + 1, max(i2, i1 + 1)) for tag, i1, i2, _, _ in matcher.get_opcodes()
                 if tag != "equal"]
        ranges = _function_ranges(a)
        for line in vuln.labelled_lines:
            if line in vuln.changed_lines:
                continue
            member = [r for r in ranges if r[0] <= line <= r[1]]
            assert member, (vuln.id, line)
            first, last = member[0]
            assert any(lo <= last and hi >= first - 1 for lo, hi in edits), (vuln.id, line)


def test_labelled_lines_hold_code(everything: list[GeneratedContract]) -> None:
    for c in everything:
        lines = c.source.split("\n")
        for line in c.labelled_lines:
            text = lines[line - 1].strip()
            assert text and not text.startswith(("//", "/*", "*")), (c.id, line)
            assert text not in ("{", "}", "_;") and not text.startswith(
                ("function ", "modifier ", "event ", "pragma ")), (c.id, line)


def test_identifier_check_itself() -> None:
    assert bad_identifiers("function withdrawBal_re_ent() public {}") == {"withdrawBal_re_ent"}
    assert bad_identifiers("uint uncheckedSend; uint unchecked_x;") == {"uncheckedSend",
                                                                        "unchecked_x"}
    assert bad_identifiers("using SafeMath for uint; uint todo;") == {"SafeMath", "todo"}
    assert bad_identifiers('unchecked { x -= 1; } require(ok, "unsafe bug"); // reentrancy') \
        == set()


def test_no_identifier_names_a_defect(everything: list[GeneratedContract]) -> None:
    for c in everything:
        assert not bad_identifiers(c.source), (c.id, bad_identifiers(c.source))
        assert not re.search(r"//.*(bug|vuln|reentr|overflow|unsafe|exploit|attack)",
                             c.source, re.I), c.id


def test_sample_compiles_with_labels_on_nodes(everything: list[GeneratedContract],
                                              tmp_path: Path) -> None:
    from contractml.compile.driver import CompileOptions
    from contractml.compile.project import discover
    from contractml.pipeline import build

    sample: list[GeneratedContract] = []
    taken = set()
    for vuln, safe in pairs(everything):
        key = (vuln.category, vuln.style)
        if key not in taken:
            taken.add(key)
            sample += [vuln, safe]
    assert len(taken) == len(CATEGORIES) * len(STYLES)
    written = write(sample, tmp_path / "src")
    result = build(discover([tmp_path / "src"]), CompileOptions(cache_dir=tmp_path / "cache"))
    assert len(result.files) == len(sample)
    versions = set()
    for report in result.files:
        contract = written[Path(report.outcome.unit_name).name]
        assert report.ok, (contract.id, report.error)
        versions.add(str(report.outcome.version)[:3])
        spans = node_lines(report.record)
        for line in contract.labelled_lines:
            assert any(a <= line <= b for a, b in spans), (contract.id, line)
    assert versions == set(STYLES)
