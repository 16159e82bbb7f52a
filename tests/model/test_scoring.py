"""The shipped default model scores graphs of a real compiled contract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.errors import ModelError
from contractml.graph import schema
from contractml.graph.builder import CodeGraph, function_graphs
from contractml.model import CATEGORIES, DEFAULT_MODEL_DIR, checkpoint
from contractml.pipeline import build
from contractml.scoring import Scorer

EXAMPLE = Path(__file__).parents[2] / "examples" / "reentrancy" / "Bank.sol"


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer.load()


@pytest.fixture(scope="module")
def graphs(scorer: Scorer, tmp_path_factory: pytest.TempPathFactory) -> list[CodeGraph]:
    cache = tmp_path_factory.mktemp("scoring-cache")
    result = build(discover([EXAMPLE]), CompileOptions(cache_dir=cache), detectors=True)
    records = [r.record for r in result.files if r.record is not None]
    assert records, [r.error for r in result.files]
    return function_graphs(records, with_detectors=True)


def test_default_model_is_small_and_described(scorer: Scorer) -> None:
    size = sum((DEFAULT_MODEL_DIR / f).stat().st_size
               for f in (checkpoint.WEIGHTS, checkpoint.META, checkpoint.ANOMALY_FILE))
    assert size <= 10 * 1024 * 1024
    info = scorer.info
    assert info["sha256"] == checkpoint.sha256_file(DEFAULT_MODEL_DIR / checkpoint.WEIGHTS)
    assert info["format"] == checkpoint.FORMAT_VERSION and info["name"] and info["created"]
    for head in ("node", "function"):
        assert set(scorer.thresholds[head]) == set(CATEGORIES)
        assert all(0.0 <= t <= 1.0 for t in scorer.thresholds[head].values())


def test_scores_a_real_contract(scorer: Scorer, graphs: list[CodeGraph]) -> None:
    scores = scorer.score(graphs, batch_size=3)
    assert len(scores) == len(graphs) > 3
    for graph, score in zip(graphs, scores, strict=True):
        assert score.node.dtype == np.float32 and score.function.dtype == np.float32
        assert score.node.shape == (graph.num_nodes, len(CATEGORIES))
        assert score.function.shape == (graph.num_functions, len(CATEGORIES))
        assert ((score.node >= 0) & (score.node <= 1)).all()
        assert ((score.function >= 0) & (score.function <= 1)).all()
    # deterministic, and independent of how graphs are batched (up to rounding)
    again = scorer.score(graphs, batch_size=64)
    for a, b in zip(scores, again, strict=True):
        np.testing.assert_allclose(a.node, b.node, atol=1e-5)
        np.testing.assert_allclose(a.function, b.function, atol=1e-5)
    repeat = scorer.score(graphs, batch_size=3)
    for a, b in zip(scores, repeat, strict=True):
        assert np.array_equal(a.node, b.node) and np.array_equal(a.function, b.function)


def test_feature_width_is_checked(scorer: Scorer, graphs: list[CodeGraph]) -> None:
    narrow = graphs[0].clone()
    narrow.x = narrow.x[:, :len(schema.BASE_FEATURES)]
    if scorer.with_detectors:
        with pytest.raises(ModelError, match="detector features"):
            scorer.score([narrow])
    else:  # a base-feature model ignores the detector columns
        wide = scorer.score([graphs[0]])[0]
        assert np.array_equal(scorer.score([narrow])[0].node, wide.node)
    odd = graphs[0].clone()
    odd.x = odd.x[:, :-1]
    with pytest.raises(ModelError):
        scorer.score([odd])


def test_missing_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no model"):
        Scorer.load(tmp_path / "absent")


def test_ablation_model_at_the_repo_root(graphs: list[CodeGraph]) -> None:
    """The other half of the detector ablation ships beside the default for the evaluator."""
    default = Scorer.load()
    other_dir = Path(__file__).parents[2] / "models" / (
        "no-detectors" if default.with_detectors else "with-detectors")
    other = Scorer.load(other_dir)
    assert other.with_detectors != default.with_detectors
    size = sum((other_dir / f).stat().st_size for f in (checkpoint.WEIGHTS, checkpoint.META))
    assert size <= 10 * 1024 * 1024
    for graph, score in zip(graphs, other.score(graphs), strict=True):
        assert score.node.shape == (graph.num_nodes, len(CATEGORIES))
        assert score.anomaly is None  # this model carries no anomaly model


def test_the_default_model_gives_each_function_an_anomaly(scorer: Scorer,
                                                          graphs: list[CodeGraph]) -> None:
    scores = [s.anomaly for s in scorer.score(graphs, batch_size=3)]
    assert all(isinstance(a, float) and a >= 0 for a in scores)
    assert len(set(scores)) > 1  # functions differ
    # independent of the batch (up to rounding), and the same on every run
    alone = [s.anomaly for s in scorer.score(graphs, batch_size=1)]
    np.testing.assert_allclose(scores, alone, atol=2e-3)
    assert scores == [s.anomaly for s in scorer.score(graphs, batch_size=3)]


def _copy_default(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, target)
    return target


def test_a_changed_anomaly_byte_is_refused(tmp_path: Path) -> None:
    model = _copy_default(tmp_path)
    weights = model / checkpoint.ANOMALY_FILE
    data = bytearray(weights.read_bytes())
    data[-3] ^= 0x01  # inside the last tensor, the header stays valid
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="anomaly weights were changed"):
        checkpoint.verify(model)
    weights.unlink()
    with pytest.raises(ModelError, match="anomaly weights not found"):
        Scorer.load(model)


def test_an_anomaly_entry_without_its_keys_is_refused(tmp_path: Path) -> None:
    import json

    model = _copy_default(tmp_path)
    meta = json.loads((model / checkpoint.META).read_text(encoding="utf-8"))
    del meta[checkpoint.ANOMALY_KEY]["in_dim"]
    (model / checkpoint.META).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="anomaly entry needs"):
        checkpoint.verify(model)


def test_attach_writes_a_loadable_anomaly_model(tmp_path: Path,
                                                graphs: list[CodeGraph]) -> None:
    import json

    import torch

    from contractml.model.anomaly import AnomalyScorer, attach
    from contractml.model.pretrain import AnomalyModel, trunk_state
    from contractml.model.training import make_model

    model = _copy_default(tmp_path)
    meta = json.loads((model / checkpoint.META).read_text(encoding="utf-8"))
    hparams = meta[checkpoint.ANOMALY_KEY]["hparams"]
    in_dim = len(schema.feature_names(False))
    torch.manual_seed(5)
    trunk = trunk_state(make_model(in_dim, hparams))
    gaussian = AnomalyModel.fit(torch.randn(50, int(hparams["hidden"])))
    entry = attach(model, trunk, gaussian, {"in_dim": in_dim, "hparams": hparams})
    assert entry["weights_sha256"] == checkpoint.sha256_file(model / checkpoint.ANOMALY_FILE)
    written = json.loads((model / checkpoint.META).read_text(encoding="utf-8"))
    assert written[checkpoint.ANOMALY_KEY] == entry
    assert written["weights_sha256"] == meta["weights_sha256"]  # the network is untouched
    fresh = Scorer.load(model).score(graphs)
    shipped = Scorer.load().score(graphs)
    assert all(isinstance(s.anomaly, float) for s in fresh)
    assert [s.anomaly for s in fresh] != [s.anomaly for s in shipped]
    for a, b in zip(fresh, shipped, strict=True):
        assert np.array_equal(a.node, b.node)
    # a trunk made for another input width is refused with a clear message
    attach(model, trunk, gaussian, {"in_dim": in_dim + 1, "hparams": hparams})
    with pytest.raises(ModelError, match="input columns"):
        AnomalyScorer.load(model, checkpoint.verify(model))
