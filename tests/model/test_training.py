"""Training pieces: metrics, calibration, thresholds, a whole small run and its seeding."""

from __future__ import annotations

import math

import numpy as np
import torch

from contractml.model import CATEGORIES
from contractml.model.training import (
    apply_calibration,
    average_precision,
    best_f1_threshold,
    fit_platt,
    plot_history,
    prf_at,
    train,
)
from tests.model.helpers import synthetic_graph


def test_average_precision_known_values() -> None:
    # ranks: pos, neg, pos, neg -> precision 1 at recall .5, 2/3 at recall 1
    scores = np.array([0.9, 0.8, 0.7, 0.1])
    labels = np.array([1, 0, 1, 0])
    assert math.isclose(average_precision(scores, labels), 0.5 * 1 + 0.5 * (2 / 3))
    assert average_precision(scores, np.array([1, 1, 0, 0])) == 1.0
    assert math.isnan(average_precision(scores, np.zeros(4)))
    # ties count as one step: all equal scores give the positive rate
    assert math.isclose(average_precision(np.ones(4), labels), 0.5)


def test_best_f1_threshold_and_prf() -> None:
    probs = np.array([0.95, 0.9, 0.6, 0.4, 0.2])
    labels = np.array([1, 1, 0, 1, 0])
    threshold, f1 = best_f1_threshold(probs, labels)
    # predicting the top 4 gives P 3/4, R 1 -> F1 6/7, better than the top 2 (F1 0.8);
    # the threshold sits in the gap below 0.4, at the logit midpoint of 0.4 and 0.2
    assert math.isclose(f1, 6 / 7)
    assert math.isclose(threshold, 1 / (1 + math.exp(-0.5 * (math.log(0.4 / 0.6)
                                                            + math.log(0.2 / 0.8)))))
    scored = prf_at(probs, labels, threshold)
    assert (scored["tp"], scored["fp"], scored["fn"]) == (3, 1, 0)
    assert math.isclose(scored["f1"], f1)


def test_platt_recovers_a_known_mapping() -> None:
    g = torch.Generator().manual_seed(0)
    logits = torch.randn(20000, generator=g) * 3
    labels = (torch.rand(20000, generator=g) < torch.sigmoid(0.5 * logits - 1.0)).float()
    a, b = fit_platt(logits, labels)
    assert abs(a - 0.5) < 0.05 and abs(b + 1.0) < 0.08
    # separable points: the fit stays finite (Platt's smoothed targets)
    a_sep, b_sep = fit_platt(torch.tensor([-3.0, -2.0, 2.0, 3.0]),
                             torch.tensor([0.0, 0.0, 1.0, 1.0]))
    assert 0 < a_sep < 10 and math.isfinite(b_sep)
    params = {c: [a, b] for c in CATEGORIES}
    probs = apply_calibration(logits[:, None].repeat(1, len(CATEGORIES)), params)
    assert torch.allclose(probs[:, 0], torch.sigmoid(a * logits + b))


def _run(seed: int):
    graphs = [synthetic_graph(i, nodes=8 + i % 5, functions=1 + i % 3) for i in range(36)]
    hparams = {"arch": "gine", "hidden": 16, "layers": 1, "dropout": 0.0, "lr": 0.03,
               "batch_nodes": 40, "max_epochs": 4, "patience": 10, "negative_keep": 1.0,
               "reverse_edges": True}
    return train(graphs[:28], graphs[28:], hparams, seed=seed, with_detectors=True)


def test_a_small_run_learns_calibrates_and_repeats(tmp_path) -> None:
    first, second = _run(seed=5), _run(seed=5)
    assert len(first.history) == 4
    assert first.history[-1]["train_loss"] < first.history[0]["train_loss"]
    for key, value in first.model.state_dict().items():
        assert torch.equal(value, second.model.state_dict()[key]), key
    assert first.thresholds == second.thresholds
    for head in ("node", "function"):
        assert set(first.calibration[head]) == set(CATEGORIES)
        assert all(0.0 <= t <= 1.0 for t in first.thresholds[head].values())
    # the targets are learnable: far above the chance level (the positive rate, ~0.08)
    assert first.metrics["node"]["macro_ap"] > 0.3
    plot_history(first.history, tmp_path / "curve.png")
    assert (tmp_path / "curve.png").read_bytes()[:4] == b"\x89PNG"


def test_an_ensemble_run_trains_members_with_successive_seeds(tmp_path) -> None:
    from contractml.model.gnn import Ensemble
    from contractml.model.training import train_ensemble

    graphs = [synthetic_graph(i, nodes=8 + i % 5, functions=1 + i % 3) for i in range(36)]
    hparams = {"arch": "gine", "hidden": 16, "layers": 1, "dropout": 0.0, "lr": 0.03,
               "batch_nodes": 40, "max_epochs": 2, "patience": 10, "negative_keep": 1.0,
               "reverse_edges": True, "members": 2, "group_dropout": 0.2}
    result = train_ensemble(graphs[:28], graphs[28:], hparams, seed=5, with_detectors=True)
    assert isinstance(result.model, Ensemble) and result.net["members"] == 2
    single = train(graphs[:28], graphs[28:], hparams, seed=6, with_detectors=True)
    for key, value in single.model.state_dict().items():  # member 2 is the seed-6 run
        assert torch.equal(result.model.state_dict()[f"members.1.{key}"], value), key
    assert [h["member"] for h in result.history] == [1, 1, 2, 2]
    assert len(result.metrics["members_val_score"]) == 2
    assert set(result.thresholds["node"]) == set(CATEGORIES)
    plot_history(result.history, tmp_path / "curve.png")
    assert (tmp_path / "curve.png").read_bytes()[:4] == b"\x89PNG"


def test_corpus_balance_weights_share_each_category_between_sources() -> None:
    from contractml.model.training import balance_weights

    corpus = np.array([0] * 90 + [1] * 10)
    targets = torch.zeros((100, len(CATEGORIES)))
    targets[:80, 0] = 1  # category 0: 80 positives from source 0, 5 from source 1
    targets[90:95, 0] = 1
    targets[:30, 1] = 1  # category 1: source 0 only
    full = balance_weights(corpus, targets, 1.0)
    assert math.isclose(80 * full[0, 0].item(), 5 * full[1, 0].item(), rel_tol=1e-5)
    assert math.isclose(80 * full[0, 0].item() + 5 * full[1, 0].item(), 85, rel_tol=1e-5)
    assert math.isclose(full[0, 1].item(), 1.0) and full[1, 1].item() == 1.0
    root = balance_weights(corpus, targets, 0.5)
    assert math.isclose(root[1, 0].item() / root[0, 0].item(), 4.0, rel_tol=1e-5)
    assert torch.equal(balance_weights(corpus, targets, 0.0), torch.ones((2, len(CATEGORIES))))


def test_corpus_balance_changes_training_only_when_asked() -> None:
    graphs = [synthetic_graph(i, nodes=8 + i % 5, functions=1 + i % 3) for i in range(36)]
    for i, graph in enumerate(graphs):
        graph.source_id = ("solidifi/" if i % 4 else "generated/") + f"{i}.sol"
    hparams = {"arch": "gine", "hidden": 16, "layers": 1, "dropout": 0.0, "lr": 0.03,
               "batch_nodes": 40, "max_epochs": 2, "patience": 10, "negative_keep": 1.0,
               "reverse_edges": True}
    plain = train(graphs[:28], graphs[28:], hparams, seed=3, with_detectors=True)
    zero = train(graphs[:28], graphs[28:], {**hparams, "corpus_balance": 0.0}, seed=3,
                 with_detectors=True)
    balanced = train(graphs[:28], graphs[28:], {**hparams, "corpus_balance": 1.0}, seed=3,
                     with_detectors=True)
    key = next(iter(plain.model.state_dict()))
    assert torch.equal(plain.model.state_dict()[key], zero.model.state_dict()[key])
    assert not all(torch.equal(v, balanced.model.state_dict()[k])
                   for k, v in plain.model.state_dict().items())


def test_weighted_thresholds_follow_the_heavier_positives() -> None:
    probs = np.array([0.9, 0.8, 0.7, 0.6, 0.4, 0.3])
    labels = np.array([1, 1, 0, 0, 1, 0])
    plain, f1 = best_f1_threshold(probs, labels)
    assert 0.7 < plain <= 0.8 and math.isclose(f1, 0.8)  # the two top points
    assert best_f1_threshold(probs, labels, np.ones(6)) == (plain, f1)
    # the positive at 0.4 weighs 5: taking it (and the negatives above it) is better
    heavy, f1 = best_f1_threshold(probs, labels, np.array([1, 1, 1, 1, 5, 1.0]))
    assert 0.3 < heavy <= 0.4 and math.isclose(f1, 2 * 7 / (9 + 7))


def test_graph_weights_reach_the_loss_of_their_own_nodes_and_functions() -> None:
    """A graph's `weight` (weak negatives of deployed code) weighs its seed nodes and
    seed functions in the loss; unweighted data trains exactly as before."""
    from contractml.model.batching import PackedGraphs
    from contractml.model.training import batch_graph_weights, graph_weights

    graphs = [synthetic_graph(i, nodes=8 + i % 5, functions=1 + i % 3) for i in range(36)]
    assert graph_weights(graphs) is None
    hparams = {"arch": "gine", "hidden": 16, "layers": 1, "dropout": 0.0, "lr": 0.03,
               "batch_nodes": 40, "max_epochs": 2, "patience": 10, "negative_keep": 1.0,
               "reverse_edges": True}
    plain = train(graphs[:28], graphs[28:], hparams, seed=3, with_detectors=True)
    for graph in graphs[:28:2]:
        graph.weight = 0.25
    weights = graph_weights(graphs[:28])
    assert weights is not None and weights[0] == 0.25 and weights[1] == 1.0
    packed = PackedGraphs(graphs[:28], len(synthetic_graph(0).x[0]), True)
    group = np.array([3, 0, 2])
    batch = packed.batch(group)
    g_node, g_fn = batch_graph_weights(weights, group, batch)
    expect_node = torch.cat([torch.full((int(graphs[i].seed.sum()),), float(weights[i]))
                             for i in group])
    assert torch.equal(g_node[:, 0], expect_node)
    assert g_fn.shape == (int(batch.seed_function.sum()), 1)
    assert set(g_fn[:, 0].tolist()) == {0.25, 1.0}
    weighted = train(graphs[:28], graphs[28:], hparams, seed=3, with_detectors=True)
    assert not all(torch.equal(v, weighted.model.state_dict()[k])
                   for k, v in plain.model.state_dict().items())
