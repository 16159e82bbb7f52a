"""Case 4 of issue #8: encodings. A UTF-8 BOM, Latin-1 bytes, CRLF line endings and
multi-byte characters before a finding keep its lines and columns right; binary (NUL)
files and undecodable string literals fail cleanly with the compiler's message.

Columns are 1-based Unicode code points (SARIF `columnKind: unicodeCodePoints`); solc's
offsets and Slither's columns count UTF-8 bytes, and the front end converts them. The
expected columns here come from the source text itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from contractml.compile.sourcetext import decode_source
from tests.reliability.conftest import failures_of, run_scan

STATEMENT = "total = total + v"
STATEMENT_LINE = 19
#: The flagged statement sits more than ten lines below its function's header, so it
#: forms a finding region of its own (regions span at most ten lines).
TEMPLATE = """\
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
// ünïcödé ✓ 😀 comments before the code
contract Multi {
    uint256 public total;
    string public note = unicode"😀 ünï ✓";
    function bump(uint256 v) external {
        // é 1 ✓
        // é 2 😀
        // é 3 ✓
        // é 4 😀
        // é 5 ✓
        // é 6 😀
        // é 7 ✓
        // é 8 😀
        // é 9 ✓
        // é 10 😀
        // é 11 ✓
        /* ✓✓ é 😀 */ total = total + v;
    }
}
"""
assert TEMPLATE.splitlines()[STATEMENT_LINE - 1].endswith(STATEMENT + ";")


def _latin1(text: str) -> bytes:
    return text.replace("😀", "?").replace("✓", "?").replace('unicode"? ', 'unicode"'
                                                             ).encode("latin-1")


FILES: dict[str, bytes] = {
    "Multi.sol": TEMPLATE.encode("utf-8"),
    "Bom.sol": b"\xef\xbb\xbf" + TEMPLATE.encode("utf-8"),
    "Crlf.sol": TEMPLATE.replace("\n", "\r\n").encode("utf-8"),
    "Latin1.sol": _latin1(TEMPLATE),
    # NUL bytes and binary noise where source should be
    "Binary.sol": b"\x00\x01\x02\xff\xfe\x00pragma\x00solidity\x00" + bytes(range(256)) * 4,
    # a Latin-1 byte inside an ordinary string literal: solc refuses it (not UTF-8 text)
    "Latin1String.sol": b'pragma solidity ^0.8.0;\ncontract S { string s = "caf\xe9"; }\n',
}
CLEAN = ("Multi.sol", "Bom.sol", "Crlf.sol", "Latin1.sol")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("encodings") / "project"
    root.mkdir()
    for name, data in FILES.items():
        (root / name).write_bytes(data)
    return root


def _lines(path: Path) -> list[str]:
    """The file's lines as editors and SARIF count them (CR, LF, CRLF), in characters."""
    return re.split(r"\r\n|\r|\n", decode_source(path.read_bytes()))


@pytest.fixture(scope="module")
def reports(project: Path, tiny_model: Path, cache: Path) -> dict[str, str]:
    from contractml.cli import main

    out: dict[str, str] = {}
    for fmt in ("json", "sarif", "text"):
        target = project.parent / f"report.{fmt}"
        code = main(["scan", "--offline", "--model", str(tiny_model), "--cache-dir", str(cache),
                     "--no-progress", str(project), "--format", fmt, "--fail-on", "none",
                     "-o", str(target)])
        assert code == 0
        out[fmt] = target.read_text(encoding="utf-8")
    return out


def test_readable_files_are_analysed_and_broken_ones_fail_cleanly(
        reports: dict[str, str]) -> None:
    report = json.loads(reports["json"])
    assert sorted(report["files_scanned"]) == sorted(CLEAN)
    failures = failures_of(reports["json"])
    assert set(failures) == {"Binary.sol", "Latin1String.sol"}
    assert failures["Binary.sol"]["stage"] == "compile"
    assert "Error" in failures["Binary.sol"]["message"]
    assert "Invalid character in string" in failures["Latin1String.sol"]["message"]
    assert "Binary.sol" in reports["text"] and "Traceback" not in reports["text"]


@pytest.mark.parametrize("name", CLEAN)
def test_statement_columns_match_the_source_text(name: str, project: Path,
                                                 reports: dict[str, str]) -> None:
    line = _lines(project / name)[STATEMENT_LINE - 1]
    expected_start = line.index(STATEMENT) + 1
    expected_end = expected_start + len(STATEMENT) - 1  # inclusive
    findings = [f for f in json.loads(reports["json"])["findings"]
                if f["file"] == name and f["start_line"] == STATEMENT_LINE]
    assert findings, name
    for finding in findings:
        assert finding["end_line"] == STATEMENT_LINE
        assert (finding["start_column"], finding["end_column"]) == (expected_start,
                                                                    expected_end)
        assert line[finding["start_column"] - 1:finding["end_column"]] == STATEMENT
        assert finding["excerpt"].rstrip("\r") == line

    run = json.loads(reports["sarif"])["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]
               if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == name
               and r["locations"][0]["physicalLocation"]["region"]["startLine"]
               == STATEMENT_LINE]
    assert regions
    for region in regions:
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == STATEMENT


def test_record_columns_are_characters_not_bytes(project: Path, cache: Path) -> None:
    """The front end's spans, checked against the text for every statement in `bump`."""
    from tests.conftest import build_dir, reports_by_unit

    built = reports_by_unit(build_dir(project / "Multi.sol", cache, offline=True))
    record = built["Multi.sol"].record
    assert record is not None
    lines = _lines(project / "Multi.sol")
    function = next(f for c in record.contracts for f in c.functions if f.name == "bump")
    statement = next(n for n in function.nodes if n.type == "EXPRESSION")
    span = statement.span
    assert span.start_line == span.end_line == STATEMENT_LINE
    assert lines[STATEMENT_LINE - 1][span.start_column - 1:span.end_column] == STATEMENT
    span = next(n.span for c in record.contracts for f in c.functions for n in f.nodes
                if f.name != "bump" and n.span.start_line == 6)
    assert lines[span.start_line - 1][span.start_column - 1:span.end_column] == \
        'string public note = unicode"😀 ünï ✓"'


def test_form_feed_in_a_comment_fails_cleanly(tmp_path: Path, tiny_model: Path, cache: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """solc rejects form feeds and Unicode line separators even in comments; the file is
    reported with solc's message, nothing crashes."""
    text = TEMPLATE.replace("// é 1 ✓", "// form\x0cfeed")
    (tmp_path / "Odd.sol").write_text(text, encoding="utf-8")
    code, out, _ = run_scan([str(tmp_path / "Odd.sol"), "--format", "json",
                             "--fail-on", "none"], model=tiny_model, cache=cache,
                            capsys=capsys)
    assert code == 2
    failures = json.loads(out)["failures"]
    assert failures and "ParserError" in failures[0]["message"]
