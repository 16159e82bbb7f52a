"""The hand-written training contracts (datasets/handwritten/): labels well-formed and on
statements that compile, each product beside its twin, no hints, nothing near the
development set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractml.compile.driver import CompileOptions
from datasets.build import devset_files
from datasets.handwritten import ROOT, LabelsError, load, part_files
from datasets.splits import assign_splits
from tests.datasets.test_devset import HINTS, statement_lines


@pytest.fixture(scope="module")
def files():
    return load()


def test_parts_load_with_products_twins_and_clean_files(files) -> None:
    assert len(files) >= 100
    by_id = {f.id: f for f in files}
    vulnerable = [f for f in files if f.labels]
    assert len(vulnerable) >= 50
    assert sum(1 for f in files if not f.labels and not f.path.stem.endswith("Twin")) >= 8
    for f in files:
        if f.path.stem.endswith("Twin"):
            product = by_id.get(f.id.removesuffix("Twin.sol") + ".sol")
            assert product is not None and product.labels and not f.labels, f.id
    for f in vulnerable:
        lines = f.path.read_text(encoding="utf-8").splitlines()
        for category, labelled in f.labels.items():
            assert labelled, (f.id, category)
            for line in labelled:
                assert 1 <= line <= len(lines), (f.id, line)
                text = lines[line - 1].strip()
                assert text and not text.startswith("//"), (f.id, line, text)


def test_no_file_names_its_defect(files) -> None:
    for f in files:
        assert not HINTS.search(f.path.read_text(encoding="utf-8")), f.id


def test_a_product_and_its_twin_share_a_split_and_none_is_near_the_devset(files) -> None:
    assignment = assign_splits(files + devset_files())
    splits = {f.id: assignment.split[f.id] for f in files}
    assert "excluded" not in splits.values(), [i for i, s in splits.items() if s == "excluded"]
    assert {"train", "val"} <= set(splits.values())
    for file_id, split in splits.items():
        if file_id.endswith("Twin.sol"):
            assert splits[file_id.removesuffix("Twin.sol") + ".sol"] == split, file_id


def test_every_labelled_line_is_a_statement_of_a_compiled_function(
        files, tmp_path_factory: pytest.TempPathFactory) -> None:
    covered = statement_lines([f.path for f in files],
                              tmp_path_factory.mktemp("handwritten-cache"))
    for f in files:
        for category, labelled in f.labels.items():
            assert labelled <= covered[f.path.resolve()], (
                f.id, category, sorted(labelled - covered[f.path.resolve()]))


def _part(tmp_path: Path, entries: list[dict], names: list[str]) -> Path:
    part = tmp_path / "p1"
    part.mkdir()
    for name in names:
        (part / name).write_text("pragma solidity 0.5.17;\ncontract A {}\n", encoding="utf-8")
    (part / "labels.json").write_text(json.dumps(entries), encoding="utf-8")
    return part


def test_a_part_that_does_not_match_its_folder_is_refused(tmp_path: Path) -> None:
    part = _part(tmp_path, [{"path": "A.sol", "vulnerabilities": [
        {"category": "overflow", "lines": [2]}]}, {"path": "Gone.sol", "vulnerabilities": []}],
        ["A.sol", "B.sol"])
    with pytest.raises(LabelsError) as raised:
        part_files(part)
    message = str(raised.value)
    assert "not in labels.json: B.sol" in message
    assert "no such file: Gone.sol" in message
    assert "unknown category 'overflow'" in message


def test_the_repository_parts_are_what_load_reads() -> None:
    parts = sorted(p.name for p in ROOT.iterdir() if (p / "labels.json").is_file())
    assert parts and {f.meta["part"] for f in load()} == set(parts)


def test_a_product_trains_its_labelled_statement_and_its_twin_none(
        files, tmp_path: Path) -> None:
    from datasets.build import compile_corpus, graphs_for
    from datasets.labels import CATEGORIES

    by_id = {f.id: f for f in files}
    product = by_id["handwritten/p1/LoyaltyStampCard.sol"]
    twin = by_id["handwritten/p1/LoyaltyStampCardTwin.sol"]
    records = compile_corpus([product, twin], CompileOptions(cache_dir=tmp_path, offline=True))
    column = CATEGORIES.index("arithmetic")
    labelled = [g for g in graphs_for(product, records[product.id])
                if bool(g.y[g.seed][:, column].any())]
    assert labelled and all(g.source_id == product.id for g in labelled)
    assert {g.functions[0].split("(")[0] for g in labelled} >= {
        "LoyaltyStampCard._spendStamps"}
    assert not any(bool(g.y.any()) for g in graphs_for(twin, records[twin.id]))


def test_the_set_is_read_for_evaluation_in_the_devset_shape(files) -> None:
    from datasets.evaluation import Evaluator, handwritten_truth

    truth = handwritten_truth()
    assert len(truth) == len(files)
    for f in files:
        key = f.path.relative_to(ROOT).as_posix()
        assert {c: {line for v in vs for line in v} for c, vs in truth[key].items()} == \
            {c: set(lines) for c, lines in f.labels.items()}, key
    assert Evaluator(truth).vulnerabilities() == sum(len(f.labels) for f in files)
