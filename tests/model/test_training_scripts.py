"""Pieces of the training scripts: the source filter of `scripts/train.py --without` and
the line move of `scripts/position_probe.py`."""

from __future__ import annotations

import pytest

from tests.model.helpers import synthetic_graph
from tests.scripts import load_script


def test_without_leaves_out_sources_and_weak_negatives() -> None:
    train = load_script("train")
    graphs = []
    for i, (source, weight) in enumerate([("solidifi/a.sol", 1.0), ("generated/b.sol", 1.0),
                                          ("realhosts/wild/c.sol", 1.0),
                                          ("realhosts/wild/d.sol", 0.25),
                                          ("realhosts/wild/e.sol", 0.9)]):
        g = synthetic_graph(i)
        g.source_id = source
        if weight != 1.0:
            g.weight = weight
        if source.endswith("/e.sol"):
            g.teacher = "reentrancy.callback-before-update"
        graphs.append(g)
    ids = lambda gs: [g.source_id for g in gs]  # noqa: E731
    assert ids(train.leave_out(graphs, ["realhosts"])) == ["solidifi/a.sol", "generated/b.sol"]
    assert ids(train.leave_out(graphs, ["weak-negatives"])) == [
        "solidifi/a.sol", "generated/b.sol", "realhosts/wild/c.sol", "realhosts/wild/e.sol"]
    assert ids(train.leave_out(graphs, ["teachers"])) == [
        "solidifi/a.sol", "generated/b.sol", "realhosts/wild/c.sol", "realhosts/wild/d.sol"]
    assert ids(train.leave_out(graphs, ["solidifi", "weak-negatives", "teachers"])) == [
        "generated/b.sol", "realhosts/wild/c.sol"]
    assert train.leave_out(graphs, []) == graphs


def test_without_source_category_leaves_out_only_that_sources_labelled_graphs() -> None:
    train = load_script("train")
    from datasets.labels import CATEGORIES

    arithmetic = CATEGORIES.index("arithmetic")
    graphs = []
    for i, (source, labelled) in enumerate([("realhosts/wild/a.sol", True),
                                            ("realhosts/wild/a.twin.sol", False),
                                            ("solidifi/b.sol", True)]):
        g = synthetic_graph(i)
        g.source_id = source
        g.y[:, arithmetic] = 0.0
        g.y_fn[:, arithmetic] = 0.0
        if labelled:
            g.y[3, arithmetic] = 1.0
        graphs.append(g)
    ids = lambda gs: [g.source_id for g in gs]  # noqa: E731
    assert ids(train.leave_out(graphs, ["realhosts:arithmetic"])) == [
        "realhosts/wild/a.twin.sol", "solidifi/b.sol"]
    graphs[0].y[:, arithmetic] = 0.0
    graphs[0].y_fn[0, arithmetic] = 1.0  # the seed function's label alone also counts
    assert ids(train.leave_out(graphs, ["realhosts:arithmetic"])) == [
        "realhosts/wild/a.twin.sol", "solidifi/b.sol"]
    with pytest.raises(SystemExit, match="unknown category"):
        train.leave_out(graphs, ["realhosts:overflow"])


def test_unlabelled_and_source_weights_scale_or_drop_only_that_sources_graphs() -> None:
    train = load_script("train")

    def graphs() -> list:
        out = []
        for i, (source, labelled) in enumerate([("solidifi/a.sol", True),
                                                ("solidifi/b.sol", False),
                                                ("generated/c.sol", False)]):
            g = synthetic_graph(i)
            g.source_id = source
            g.y.zero_()
            g.y_fn.zero_()
            if labelled:
                g.y[2, 0] = 1.0
            out.append(g)
        out[1].weight = 0.5
        return out

    weights = lambda gs: [(g.source_id, g.get("weight", 1.0)) for g in gs]  # noqa: E731
    assert weights(train.scale_weights(graphs(), ["solidifi=0.5"], True)) == [
        ("solidifi/a.sol", 1.0), ("solidifi/b.sol", 0.25), ("generated/c.sol", 1.0)]
    assert weights(train.scale_weights(graphs(), ["solidifi=0", "generated=0"], True)) == [
        ("solidifi/a.sol", 1.0)]
    assert weights(train.scale_weights(graphs(), ["solidifi=0.5"], False)) == [
        ("solidifi/a.sol", 0.5), ("solidifi/b.sol", 0.25), ("generated/c.sol", 1.0)]
    with pytest.raises(SystemExit, match="SOURCE=W"):
        train.scale_weights(graphs(), ["solidifi"], True)


def test_the_probe_moves_one_line_up_or_down() -> None:
    probe = load_script("position_probe")
    text = "a\nb\nc\nd\ne"
    assert probe.moved(text, 5, 1) == ("a\ne\nb\nc\nd", 2)
    assert probe.moved(text, 2, 4) == ("a\nc\nd\nb\ne", 4)
