"""Labels land on the labelled lines; splits never let a group cross; stores round-trip."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import torch

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.pipeline import build
from datasets import smartbugs, solidifi, store
from datasets.build import graphs_for
from datasets.labels import CATEGORIES, LabelledFile
from datasets.splits import assign_splits, near_duplicate_clusters
from tests.conftest import write_sources


@pytest.fixture(scope="module")
def solidifi_files() -> list[LabelledFile]:
    return solidifi.load()


def test_solidifi_loader(solidifi_files: list[LabelledFile]) -> None:
    assert len(solidifi_files) == 350
    assert {f.groups[0] for f in solidifi_files} == {f"solidifi-base:{n}" for n in range(1, 51)}
    reentrancy_1 = next(f for f in solidifi_files if f.id == "solidifi/Re-entrancy/buggy_1.sol")
    # BugLog_1.csv: the first snippet starts at line 22 and spans 8 lines
    assert set(range(22, 30)) <= reentrancy_1.labels["reentrancy"]


def test_labels_land_on_the_injected_lines(solidifi_files: list[LabelledFile],
                                           tmp_path: Path) -> None:
    file = next(f for f in solidifi_files if f.id == "solidifi/Re-entrancy/buggy_1.sol")
    result = build(discover([file.path]), CompileOptions(cache_dir=tmp_path))
    (report,) = result.files
    assert report.record is not None, report.error
    graphs = graphs_for(file, report.record)
    lines = file.labels["reentrancy"]
    column = CATEGORIES.index("reentrancy")
    labelled_lines: set[int] = set()
    for graph in graphs:
        assert graph.y.shape == (graph.num_nodes, len(CATEGORIES))
        for i in torch.nonzero(graph.y[:, column]).flatten().tolist():
            first, last = (int(v) for v in graph.src_lines[i])
            assert any(first <= line <= last for line in lines)
            labelled_lines.update(range(first, last + 1))
        assert int(graph.y[:, [c for c in range(len(CATEGORIES)) if c != column]].sum()) == 0
        assert torch.equal(graph.y_fn[0] > 0, (graph.y[graph.fn_of_node == 0] > 0).any(0))
    # the `send` of the snippet at line 25 is labelled, a line outside every snippet is not
    assert 25 in labelled_lines
    assert not labelled_lines - lines


def test_smartbugs_loader_is_evaluation_only() -> None:
    files = smartbugs.load()
    assert len(files) == 143 and {f.corpus for f in files} == {"smartbugs"}
    assert sum(len(v) for f in files for v in f.labels.values()) > 200


def test_no_group_crosses_splits(solidifi_files: list[LabelledFile]) -> None:
    files = solidifi_files + smartbugs.load()
    assignment = assign_splits(files)
    by_key: dict[str, set[str]] = defaultdict(set)
    for f in files:
        split = assignment.split[f.id]
        for key in (*f.groups, f"cluster:{assignment.cluster[f.id]}"):
            by_key[key].add(split)
    assert all(len(splits) == 1 for splits in by_key.values())
    assert {assignment.split[f.id] for f in files if f.corpus == "smartbugs"} == {"test"}
    trainable = [assignment.split[f.id] for f in files if f.corpus == "solidifi"]
    assert set(trainable) == {"train", "val"}
    assert 0.15 <= trainable.count("val") / len(trainable) <= 0.25


def test_renamed_copy_is_a_near_duplicate(tmp_path: Path) -> None:
    original = (Path(__file__).parents[2] / "examples" / "reentrancy" / "Bank.sol").read_text()
    renamed = original.replace("Bank", "Vq").replace("balances", "m0").replace("amount", "z")
    unrelated = (Path(__file__).parents[2] / "examples" / "arithmetic" /
                 "RewardToken.sol").read_text()
    clusters = near_duplicate_clusters({"a": original, "b": renamed, "c": unrelated})
    assert clusters["a"] == clusters["b"] != clusters["c"]


def test_training_copy_of_an_evaluation_file_is_excluded(tmp_path: Path) -> None:
    sb = smartbugs.load()[:5]
    copy_path = write_sources(tmp_path, {"copy.sol": sb[0].path.read_text()}) / "copy.sol"
    copy = LabelledFile(id="solidifi/copy.sol", corpus="solidifi", path=copy_path,
                        labels={}, groups=("solidifi-base:999",))
    assignment = assign_splits([*sb, copy])
    assert assignment.split["solidifi/copy.sol"] == "excluded"
    assert sb[0].id in assignment.reasons["solidifi/copy.sol"]


def test_store_round_trip(tmp_path: Path) -> None:
    files = solidifi.load()[:1]
    result = build(discover([files[0].path]), CompileOptions(cache_dir=tmp_path / "c"))
    graphs = graphs_for(files[0], result.files[0].record)
    store.save(tmp_path / "train", graphs, info={"n": len(graphs)})
    loaded = store.load(tmp_path / "train")
    assert len(loaded) == len(graphs) and store.info(tmp_path / "train") == {"n": len(graphs)}
    for a, b in zip(graphs, loaded, strict=True):
        for key in ("x", "edge_index", "edge_type", "src_lines", "fn_of_node", "seed", "y",
                    "y_fn"):
            assert torch.equal(a[key], b[key]), key
        assert a.functions == b.functions and a.source_id == b.source_id
    assert not list(tmp_path.glob("*.pt")) and not list(tmp_path.glob("*.pkl"))


def test_every_category_reaches_validation() -> None:
    from datasets.generator import generate

    files, texts = [], {}
    for item in generate(seed=0):
        file_id = f"generated/{item.id}.sol"
        texts[file_id] = item.source
        files.append(LabelledFile(
            id=file_id, corpus="generated", path=Path(file_id),
            labels={item.category: frozenset(item.labelled_lines)} if item.labelled_lines
            else {}, groups=(f"template:{item.template}", f"pair:{item.pair}")))
    assignment = assign_splits(files, texts)
    in_val = {c for f in files if assignment.split[f.id] == "val" for c in f.labels}
    in_train = {c for f in files if assignment.split[f.id] == "train" for c in f.labels}
    assert in_val == in_train == set(CATEGORIES)
    templates: dict[str, set[str]] = defaultdict(set)
    for f in files:
        templates[f.groups[0]].add(assignment.split[f.id])
    assert all(len(s) == 1 for s in templates.values())  # a template never straddles
