"""The development set (datasets/devset/): labels well-formed and on statements that
compile, no file hints at its defect."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.pipeline import build
from datasets.evaluation import DEVSET, devset_truth
from datasets.labels import CATEGORIES

#: Words a file must not contain: the set measures generalisation, not word matching.
HINTS = re.compile(r"vulnerab|bug|attack|exploit|hack|unsafe|insecure|reentr|overflow|"
                   r"underflow|random|backdoor|fixme|todo|malicious|steal", re.IGNORECASE)


def test_every_file_has_an_entry_and_labels_are_well_formed() -> None:
    truth = devset_truth()
    files = sorted(p.relative_to(DEVSET).as_posix() for p in (DEVSET / "contracts").glob("*.sol"))
    assert sorted(truth) == files and len(files) >= 40
    labelled = 0
    for file_id, by_category in truth.items():
        lines = (DEVSET / file_id).read_text(encoding="utf-8").splitlines()
        for category, vulnerabilities in by_category.items():
            assert category in CATEGORIES, (file_id, category)
            for vulnerability in vulnerabilities:
                labelled += 1
                for line in vulnerability:
                    assert 1 <= line <= len(lines), (file_id, line)
                    text = lines[line - 1].strip()
                    assert text and not text.startswith("//"), (file_id, line, text)
    assert labelled >= 40
    assert sum(1 for cats in truth.values() if not cats) >= 5  # clean files too


def test_no_file_names_its_defect() -> None:
    for path in sorted((DEVSET / "contracts").glob("*.sol")):
        assert not HINTS.search(path.read_text(encoding="utf-8")), path.name


def statement_lines(paths: list[Path], cache_dir: Path) -> dict[Path, set[int]]:
    """Compile `paths` (each must go through) and answer, per resolved path, the lines
    its functions' statements cover (entry nodes left out)."""
    result = build(discover([str(p) for p in paths]),
                   CompileOptions(cache_dir=cache_dir, offline=True))
    assert all(f.ok for f in result.files), [(f.outcome.unit_name, f.error)
                                             for f in result.files if not f.ok]
    covered: dict[Path, set[int]] = {}
    for report in result.files:
        assert report.record is not None
        lines = covered.setdefault(report.outcome.path.resolve(), set())
        for contract in report.record.contracts:
            for function in contract.functions:
                for node in function.nodes:
                    if node.type != "ENTRY_POINT" and node.span.file == report.record.file:
                        lines.update(range(node.span.start_line, node.span.end_line + 1))
    return covered


def test_every_labelled_line_is_a_statement_of_a_compiled_function(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    covered = statement_lines([DEVSET / "contracts"], tmp_path_factory.mktemp("devset-cache"))
    for file_id, by_category in devset_truth().items():
        for category, vulnerabilities in by_category.items():
            for vulnerability in vulnerabilities:
                assert any(line in covered[(DEVSET / file_id).resolve()]
                           for line in vulnerability), (file_id, category, vulnerability)
