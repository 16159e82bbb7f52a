"""Suppression comments: parsing, coverage, application, unused ones, and robustness."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from contractml.baseline import assign_fingerprints
from contractml.findings import Finding
from contractml.suppressions import apply, parse
from tests.report.sample import finding

SOURCE = """\
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Bank {
    mapping(address => uint256) balances;

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        // contractml-disable-next-line reentrancy -- guarded by the caller

        // a comment between the directive and the code
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        balances[msg.sender] = 0; // contractml-disable-line
        string memory s = "// contractml-disable-line";
        /* contractml-disable-start arithmetic, time-manipulation */
        uint256 t = block.timestamp * 2;
        /* contractml-disable-end */
        uint256 u = block.timestamp;
    }
}
"""


def at(category: str, line: int, file: str = "src/Bank.sol") -> Finding:
    text = SOURCE.splitlines()[line - 1]
    return finding(category, "high", 0.9, file, line, "Bank", "withdraw", text)


def test_parse_kinds_lines_and_categories() -> None:
    directives = parse(SOURCE)
    assert [(d.kind, d.line, d.first_line, d.last_line) for d in directives] == [
        ("next-line", 9, 12, 12), ("line", 14, 14, 14), ("start", 16, 16, 18),
        ("end", 18, 0, 0)]
    assert directives[0].categories == frozenset({"reentrancy"})
    assert directives[0].justification == "guarded by the caller"
    assert directives[0].text == ("contractml-disable-next-line reentrancy -- guarded by the "
                                  "caller")
    assert directives[1].categories is None
    assert directives[2].categories == frozenset({"arithmetic", "time-manipulation"})
    assert directives[2].text == "contractml-disable-start arithmetic,time-manipulation"
    assert all(not d.errors for d in directives)


def test_apply_marks_covered_findings_and_reports_unused() -> None:
    findings = [at("reentrancy", 12), at("arithmetic", 12), at("unchecked-call", 14),
                at("time-manipulation", 17), at("time-manipulation", 19),
                at("reentrancy", 15)]
    unused = apply(findings, {"src/Bank.sol": SOURCE})
    assert [f.suppressed for f in findings] == [True, False, True, True, False, False]
    assert findings[0].suppression == ("contractml-disable-next-line reentrancy -- guarded "
                                       "by the caller")
    assert findings[2].suppression == "contractml-disable-line"
    assert unused == []
    unused = apply([at("reentrancy", 12)], {"src/Bank.sol": SOURCE})
    assert [(u.line, u.text) for u in unused] == [
        (14, "contractml-disable-line"),
        (16, "contractml-disable-start arithmetic,time-manipulation")]
    assert unused[0].message() == "src/Bank.sol:14: unused suppression 'contractml-disable-line'"


def test_directive_in_a_string_or_mid_comment_is_ignored() -> None:
    text = ('string s = "// contractml-disable-line";\n'
            "x = 1; // see contractml-disable-line in the docs\n"
            "y = 2; /* contractml-disable-line */ z = 3;\n"
            "w = 4; // contractml-disable-lines\n")
    assert [(d.kind, d.line) for d in parse(text)] == [("line", 3)]


def test_unknown_category_is_a_notice_and_suppresses_nothing() -> None:
    text = "// contractml-disable-next-line reentrancyy\nx.call('');\n"
    (directive,) = parse(text)
    assert directive.errors == ["unknown category 'reentrancyy'"]
    assert directive.categories == frozenset()
    item = finding("reentrancy", "high", 0.9, "a.sol", 2, "A", "f", "x.call('');")
    notices: list[str] = []
    unused = apply([item], {"a.sol": text}, notices)
    assert not item.suppressed
    assert notices == ["a.sol:1: contractml-disable-next-line reentrancyy: unknown "
                       "category 'reentrancyy'"]
    assert len(unused) == 1


def test_unmatched_blocks() -> None:
    text = "// contractml-disable-end\nx = 1;\n// contractml-disable-start\ny = 2;\nz = 3;\n"
    end, start = parse(text)
    assert end.errors == ["no open contractml-disable-start to end"]
    assert (start.first_line, start.last_line) == (3, 6)
    assert "no matching contractml-disable-end" in start.errors[0]


def test_end_with_categories_closes_only_those() -> None:
    text = ("// contractml-disable-start reentrancy\n"
            "// contractml-disable-start arithmetic\n"
            "a = 1;\n"
            "// contractml-disable-end arithmetic\n"
            "b = 2;\n"
            "// contractml-disable-end\n")
    reentrancy, arithmetic, *_ = parse(text)
    assert (arithmetic.first_line, arithmetic.last_line) == (2, 4)
    assert (reentrancy.first_line, reentrancy.last_line) == (1, 6)


def test_next_line_at_end_of_file_and_multiline_block_comment() -> None:
    text = "/*\n * contractml-disable-next-line\n */\n\nx = 1;\n// contractml-disable-next-line\n"
    first, last = parse(text)
    assert (first.line, first.first_line) == (2, 5)
    assert last.first_line == 0 and last.errors == ["no code follows it"]


def test_crlf_sources() -> None:
    text = SOURCE.replace("\n", "\r\n")
    assert [(d.kind, d.first_line, d.last_line) for d in parse(text)] == [
        (d.kind, d.first_line, d.last_line) for d in parse(SOURCE)]


def test_suppression_and_fingerprint_survive_lines_inserted_above() -> None:
    original = at("reentrancy", 12)
    assign_fingerprints([original])
    apply([original], {"src/Bank.sol": SOURCE})
    assert original.suppressed

    lines = SOURCE.splitlines(keepends=True)
    inserted = "".join(lines[:5] + ["    uint256 public fee;\n", "\n",
                                    "    event Paid(address to);\n"] + lines[5:])
    moved = finding("reentrancy", "high", 0.9, "src/Bank.sol", 15, "Bank", "withdraw",
                    inserted.splitlines()[14])
    assert moved.excerpt == original.excerpt
    assign_fingerprints([moved])
    apply([moved], {"src/Bank.sol": inserted})
    assert moved.suppressed and moved.suppression == original.suppression
    assert moved.fingerprint == original.fingerprint


def test_findings_in_files_without_sources_are_left_alone() -> None:
    item = at("reentrancy", 12, file="other.sol")
    assert apply([item], {"src/Bank.sol": SOURCE})
    assert not item.suppressed


_pieces = st.sampled_from([
    "// ", "/* ", " */", "\n", "\r\n", " ", "\t", ",", "--", "\"", "'", "\\", "*",
    "contractml-disable-next-line", "contractml-disable-line", "contractml-disable-start",
    "contractml-disable-end", "reentrancy", "arithmetic", "nope", "x = 1;", "}", "ü",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces | st.text(max_size=5), max_size=40), st.integers(1, 30))
def test_fuzz_parser_and_apply_never_raise(parts: list[str], line: int) -> None:
    text = "".join(parts)
    directives = parse(text)
    line_count = text.count("\n") + 1
    for directive in directives:
        assert 1 <= directive.line <= line_count + text.count("\r")
        assert directive.kind in ("next-line", "line", "start", "end")
        assert directive.first_line <= directive.last_line or directive.last_line == 0
    item = finding("reentrancy", "high", 0.5, "f.sol", line, "C", "f", "x")
    notices: list[str] = []
    apply([item], {"f.sol": text}, notices)
    assert item.suppressed == any(d.covers("reentrancy", line) for d in directives)
