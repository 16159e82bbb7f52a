"""Self-supervised pretraining, fine-tuning from a pretrained trunk, and the anomaly
score's pieces."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from contractml.graph import schema
from contractml.model.pretrain import (
    TRUNK_PREFIXES,
    AnomalyModel,
    function_embeddings,
    load_trunk,
    pretrain,
    read_columns,
    roc_auc,
    trunk_state,
)
from contractml.model.training import make_model, train
from tests.model.helpers import synthetic_graph

HPARAMS = {"arch": "gine", "hidden": 16, "layers": 1, "dropout": 0.0, "lr": 0.03,
           "batch_nodes": 40, "max_epochs": 2, "patience": 10, "negative_keep": 1.0,
           "reverse_edges": True, "ignore_features": ["solc:*"]}


def _graphs(n: int = 30) -> list:
    return [synthetic_graph(i, nodes=8 + i % 5, functions=1 + i % 3) for i in range(n)]


def _model():
    torch.manual_seed(0)
    return make_model(len(schema.feature_names(True)), HPARAMS)


def test_pretraining_lowers_the_masked_feature_loss_and_repeats() -> None:
    graphs = _graphs()
    runs = [pretrain(_model(), graphs[:24], graphs[24:], seed=3, max_epochs=4,
                     batch_nodes=60, patience=10, lr=0.01) for _ in range(2)]
    first, second = runs
    assert len(first.history) == 4
    assert first.history[-1]["val_loss"] < first.history[0]["val_loss"]
    assert [h["val_loss"] for h in first.history] == [h["val_loss"] for h in second.history]
    assert set(first.state) and all(k.startswith(TRUNK_PREFIXES) for k in first.state)
    # the model handed back carries the best epoch's trunk
    best = min(range(4), key=lambda i: first.history[i]["val_loss"]) + 1
    assert first.best_epoch == best
    for key, value in first.state.items():
        assert torch.equal(first.model.state_dict()[key], value), key


def test_the_reconstruction_target_leaves_out_the_columns_the_model_hides() -> None:
    model = _model()
    hidden = set(model.config.zero_features)
    assert hidden, "solc:* columns are hidden by ignore_features"
    columns = set(read_columns(model).tolist())
    assert not hidden & columns
    assert len(columns) == model.config.in_dim - len(hidden)


def test_fine_tuning_starts_from_the_pretrained_trunk_and_fresh_heads() -> None:
    graphs = _graphs()
    pretrained = pretrain(_model(), graphs[:24], graphs[24:], seed=1, max_epochs=2,
                          batch_nodes=60)
    # lr 0: the weights stay where they start
    frozen = {**HPARAMS, "lr": 0.0, "weight_decay": 0.0, "max_epochs": 1}
    result = train(graphs[:24], graphs[24:], frozen, seed=7, with_detectors=True,
                   init_state=pretrained.state)
    plain = train(graphs[:24], graphs[24:], frozen, seed=7, with_detectors=True)
    state, plain_state = result.model.state_dict(), plain.model.state_dict()
    for key, value in pretrained.state.items():
        assert torch.equal(state[key], value), key
        assert not torch.equal(plain_state[key], value), key
    for key in state:
        if key.startswith("node_head."):  # heads are not pretrained: same seed, same start
            assert torch.equal(state[key], plain_state[key]), key


def test_a_trunk_of_another_shape_is_refused() -> None:
    other = make_model(len(schema.feature_names(True)), {**HPARAMS, "hidden": 32})
    with pytest.raises(ValueError, match="does not fit"):
        load_trunk(_model(), trunk_state(other))
    with pytest.raises(ValueError, match="not trunk"):
        load_trunk(_model(), {"node_head.0.weight": torch.zeros(1)})


def test_anomaly_scores_rank_embeddings_far_from_the_fitted_ones_higher() -> None:
    g = torch.Generator().manual_seed(0)
    deployed = torch.randn(500, 8, generator=g)
    model = AnomalyModel.fit(deployed)
    near = torch.randn(50, 8, generator=g)
    far = torch.randn(50, 8, generator=g) + 3.0
    scores = model.score(torch.cat([near, far])).numpy()
    labels = np.array([0] * 50 + [1] * 50)
    assert roc_auc(scores, labels) > 0.95
    with pytest.raises(ValueError):
        AnomalyModel.fit(deployed[:1])


def test_roc_auc_known_values_and_ties() -> None:
    assert roc_auc(np.array([0.1, 0.4, 0.35, 0.8]), np.array([0, 0, 1, 1])) == 0.75
    assert roc_auc(np.array([1.0, 1.0]), np.array([0, 1])) == 0.5
    assert np.isnan(roc_auc(np.array([1.0, 2.0]), np.array([1, 1])))


def test_function_embeddings_give_one_row_per_seed_function() -> None:
    from contractml.model.batching import PackedGraphs

    graphs = _graphs(6)
    model = _model()
    packed = PackedGraphs(graphs, model.config.in_dim, True, with_targets=False)
    rows = function_embeddings(model, packed, batch_nodes=30)
    assert rows.shape == (int(packed.seed_fn.sum()), model.config.hidden)
    every = function_embeddings(model, packed, batch_nodes=30, seed_only=False)
    assert every.shape[0] == int(packed.functions.sum())


def test_a_saved_trunk_loads_back_and_refuses_another_network(tmp_path) -> None:
    from contractml.model.pretrain import load_pretrained, save_pretrained

    model = _model()
    state = trunk_state(model)
    save_pretrained(tmp_path, state, {"in_dim": model.config.in_dim, "hparams": HPARAMS})
    loaded, config = load_pretrained(tmp_path, model.config.in_dim, HPARAMS)
    assert set(loaded) == set(state)
    assert all(torch.equal(loaded[k], v) for k, v in state.items())
    assert len(config["trunk_sha256"]) == 64
    with pytest.raises(ValueError, match="input columns"):
        load_pretrained(tmp_path, model.config.in_dim - 1, HPARAMS)
    with pytest.raises(ValueError, match="hidden"):
        load_pretrained(tmp_path, model.config.in_dim, {**HPARAMS, "hidden": 32})
    with pytest.raises(ValueError, match="no pretrained trunk"):
        load_pretrained(tmp_path / "missing")
