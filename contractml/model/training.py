"""Training on CPU: loss, epochs, early stopping, calibration and thresholds.

Takes lists of graphs (no dataset I/O). The recipe (`train`):

1. pack train and validation graphs once (`PackedGraphs`), features sliced to the
   model's width, edges reversed when `reverse_edges`;
2. per epoch: shuffle the training graphs with the seeded generator, keep every graph
   whose seed function has a label and a random `negative_keep` share of the others,
   cut them into batches of about `batch_nodes` nodes, and minimise
   `BCE(node logits of seed nodes) + function_loss_weight * BCE(logits of seed functions)`
   with per-category `pos_weight = clamp(sqrt(negatives / positives), 1, pos_weight_max)`;
   with `corpus_balance` alpha > 0, each positive is further weighted by its training
   source (`CorpusBalance`: SolidiFI's injected snippets outnumber the generator's
   positives 10-100 to 1 in the categories both have; alpha 1 gives each source an equal
   share of a category's positive weight, 0.5 a share by the square root of its count;
   `balance_validation` weighs validation's positives the same way in step 4);
3. after every epoch score validation; the epoch with the best `0.5 * (node macro AP +
   function macro AP)` is kept; stop after `patience` epochs without improvement, at
   `max_epochs`, or when the next epoch would pass `max_minutes`;
4. calibrate each head and category with Platt scaling (p = sigmoid(a * logit + b), fitted
   by L-BFGS on validation), then choose each threshold on validation as the calibrated
   probability that maximises F1.

Validation is the only data used for stopping, calibration and thresholds; the test split
is never passed in here.
"""

from __future__ import annotations

import copy
import fnmatch
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from torch import Tensor
from torch.nn import functional as F

from contractml.graph import schema
from contractml.graph.builder import CodeGraph
from contractml.model import CATEGORIES
from contractml.model.batching import GraphBatch, PackedGraphs
from contractml.model.gnn import ContractGNN, Ensemble, NetConfig, parameter_count
from contractml.model.pretrain import load_trunk

HEADS = ("node", "function")


@dataclass
class TrainResult:
    model: ContractGNN | Ensemble
    net: dict[str, Any]
    hparams: dict[str, Any]
    history: list[dict[str, Any]]
    calibration: dict[str, dict[str, list[float]]]
    thresholds: dict[str, dict[str, float]]
    metrics: dict[str, Any]
    best_epoch: int
    seconds: float
    stopped: str
    extra: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- metrics

def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the precision-recall curve as a step function (sklearn's definition);
    NaN without positives."""
    labels = labels.astype(bool)
    positives = int(labels.sum())
    if positives == 0:
        return float("nan")
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    tp = np.cumsum(y)
    ends = np.r_[np.nonzero(np.diff(s))[0], len(s) - 1]  # last index of each tie group
    tp_at, k_at = tp[ends], ends + 1
    precision = tp_at / k_at
    recall = tp_at / positives
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def best_f1_threshold(probs: np.ndarray, labels: np.ndarray,
                      weights: np.ndarray | None = None) -> tuple[float, float]:
    """(threshold, F1): a threshold t (predict p >= t) with the best F1 on these points.
    Every t between the lowest probability predicted positive at the best cut and the
    next lower probability gives that F1; the midpoint of that gap in logit space is
    returned (on separable data this leaves a margin on both sides). `weights`: each
    point's weight in the counts (default 1). Without positives: (1.0, nan)."""
    labels = labels.astype(bool)
    w = np.ones(len(probs)) if weights is None else np.asarray(weights, dtype=np.float64)
    positives = float(w[labels].sum())
    if not labels.any() or len(probs) == 0:
        return 1.0, float("nan")
    order = np.argsort(-probs, kind="stable")
    s, y, w = probs[order], labels[order], w[order]
    tp = np.cumsum(y * w)
    predicted = np.cumsum(w)
    ends = np.r_[np.nonzero(np.diff(s))[0], len(s) - 1]
    tp_at, k_at = tp[ends], predicted[ends]
    f1 = 2 * tp_at / (k_at + positives)
    best = int(np.argmax(f1))
    low = float(s[ends[best]])
    if best + 1 >= len(ends):
        return low, float(f1[best])
    below = float(s[ends[best] + 1])
    threshold = _sigmoid(0.5 * (_logit(low) + _logit(below)))
    return float(min(max(threshold, below + 1e-7), low)), float(f1[best])


def _logit(p: float) -> float:
    p = min(max(p, 1e-7), 1 - 1e-7)
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def prf_at(probs: np.ndarray, labels: np.ndarray, threshold: float) -> dict[str, float]:
    labels = labels.astype(bool)
    predicted = probs >= threshold
    tp = int((predicted & labels).sum())
    fp = int((predicted & ~labels).sum())
    fn = int((~predicted & labels).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def _nanmean(values: Sequence[float]) -> float:
    finite = [v for v in values if not math.isnan(v)]
    return float(np.mean(finite)) if finite else float("nan")


# --------------------------------------------------------------------------- model runs

def _input_names(in_dim: int) -> list[str]:
    """Feature names of the first `in_dim` input columns."""
    return list(schema.feature_names(in_dim > len(schema.BASE_FEATURES)))[:in_dim]


def val_score(scores: dict[str, Any]) -> float:
    """What early stopping maximises: mean of node and function macro AP."""
    return 0.5 * (scores["node"]["macro_ap"] + scores["function"]["macro_ap"])


def feature_maps(in_dim: int, hparams: dict[str, Any]
                 ) -> tuple[list[int], list[tuple[int, int]]]:
    """Column indices for the `ignore_features` (fnmatch patterns over feature names) and
    `merge_features` ({source name: target name}) hyperparameters."""
    names = _input_names(in_dim)
    zero = sorted({i for pattern in hparams.get("ignore_features", ())
                   for i, name in enumerate(names) if fnmatch.fnmatchcase(name, pattern)})
    merge = []
    for source, target in sorted(hparams.get("merge_features", {}).items()):
        if source not in names or target not in names:
            raise ValueError(f"merge_features: unknown feature {source!r} or {target!r}")
        merge.append((names.index(source), names.index(target)))
    return zero, merge


def feature_groups(in_dim: int) -> list[int]:
    """A group id per input column: the feature name's block (`ir`, `env`, `flow`, ...)."""
    names = _input_names(in_dim)
    blocks: dict[str, int] = {}
    return [blocks.setdefault(name.split(":", 1)[0], len(blocks)) for name in names]


def make_model(in_dim: int, hparams: dict[str, Any]) -> ContractGNN:
    edge_types = schema.NUM_EDGE_TYPES * (2 if hparams.get("reverse_edges", True) else 1)
    zero, merge = feature_maps(in_dim, hparams)
    groups = feature_groups(in_dim) if hparams.get("group_dropout") else []
    config = NetConfig.from_dict({**hparams, "in_dim": in_dim,
                                  "num_categories": len(CATEGORIES),
                                  "num_edge_types": edge_types,
                                  "zero_features": zero, "merge_features": merge,
                                  "feature_groups": groups, "members": 1})
    return ContractGNN(config)


def forward_batch(model: ContractGNN | Ensemble, batch: GraphBatch) -> tuple[Tensor, Tensor]:
    return model(batch.x, batch.edge_index, batch.edge_type, batch.fn_of_node,
                 batch.num_functions)


@torch.no_grad()
def predict_logits(model: ContractGNN | Ensemble, packed: PackedGraphs, batch_nodes: int
                   ) -> tuple[Tensor, Tensor]:
    """Logits for every node and every function of `packed`, in packing order."""
    was_training = model.training
    model.eval()
    nodes, functions = [], []
    for group in packed.batches_by_size(batch_nodes):
        node, function = forward_batch(model, packed.batch(group))
        nodes.append(node)
        functions.append(function)
    model.train(was_training)
    c = model.config.num_categories
    return (torch.cat(nodes) if nodes else torch.zeros((0, c)),
            torch.cat(functions) if functions else torch.zeros((0, c)))


def _seed_targets(packed: PackedGraphs) -> dict[str, tuple[Tensor, Tensor]]:
    """Per head: (mask over all nodes/functions, targets of the masked ones)."""
    assert packed.y is not None and packed.y_fn is not None
    return {"node": (packed.seed, packed.y[packed.seed]),
            "function": (packed.seed_fn, packed.y_fn[packed.seed_fn])}


def corpus_of(graph: CodeGraph) -> str:
    """The training source of a graph: the first part of its `source_id`
    (`solidifi/...`, `generated/...`); "" when the graph has none."""
    return str(getattr(graph, "source_id", "") or "").split("/", 1)[0]


def balance_weights(corpus: np.ndarray, targets: Tensor, alpha: float) -> Tensor:
    """[K, C] loss weight of a positive of category c from corpus k (corpus ids 0..K-1,
    one per target row). Within a category, corpus k's positives weigh
    `P_kc ** -alpha`, scaled so that all positives of the category weigh their count
    together: alpha 0 changes nothing, alpha 1 gives every corpus that has positives of
    the category an equal share of them. Cells without positives are 1."""
    k = int(corpus.max()) + 1 if len(corpus) else 0
    counts = torch.zeros((k, targets.shape[1]), dtype=torch.float64)
    counts.index_add_(0, torch.from_numpy(corpus.astype(np.int64)), targets.double())
    present = counts > 0
    raw = torch.where(present, counts.clamp(min=1.0) ** -alpha, torch.zeros_like(counts))
    scale = counts.sum(0) / (raw * counts).sum(0).clamp(min=1e-12)
    return torch.where(present, raw * scale, torch.ones_like(counts)).float()


def _weigh(targets: Tensor, corpus: Tensor, table: Tensor) -> Tensor:
    """Element weights: a positive's from `table[its corpus]`, a negative's 1."""
    return 1.0 + targets * (table[corpus] - 1.0)


@dataclass
class CorpusBalance:
    """Per-corpus weights of positives (`corpus_balance` in hparams), for both heads."""
    corpus: np.ndarray  # [graphs] corpus id of each training graph
    names: list[str]
    node: Tensor  # [K, C]
    function: Tensor  # [K, C]

    @classmethod
    def build(cls, graphs: Sequence[CodeGraph], packed: PackedGraphs, alpha: float
              ) -> CorpusBalance:
        names = sorted({corpus_of(g) for g in graphs})
        corpus = np.asarray([names.index(corpus_of(g)) for g in graphs], dtype=np.int64)
        by_node, by_fn = cls._rows(corpus, packed)
        assert packed.y is not None and packed.y_fn is not None
        return cls(corpus, names,
                   balance_weights(by_node, packed.y[packed.seed], alpha),
                   balance_weights(by_fn, packed.y_fn[packed.seed_fn], alpha))

    @staticmethod
    def _rows(corpus: np.ndarray, packed: PackedGraphs) -> tuple[np.ndarray, np.ndarray]:
        """Corpus id of each seed node and each seed function of `packed`."""
        return (np.repeat(corpus, packed.nodes)[packed.seed.numpy()],
                np.repeat(corpus, packed.functions)[packed.seed_fn.numpy()])

    def split_weights(self, packed: PackedGraphs) -> dict[str, Tensor]:
        """Element weights of every seed node's and seed function's targets of the split
        these weights were built on (`balance_validation`: calibration and thresholds)."""
        assert packed.y is not None and packed.y_fn is not None
        by_node, by_fn = (torch.from_numpy(r) for r in self._rows(self.corpus, packed))
        yn, yf = packed.y[packed.seed], packed.y_fn[packed.seed_fn]
        return {"node": _weigh(yn, by_node, self.node),
                "function": _weigh(yf, by_fn, self.function)}

    def batch_weights(self, packed: PackedGraphs, group: np.ndarray, batch: GraphBatch
                      ) -> tuple[Tensor, Tensor]:
        """Element weights for the seed nodes' and seed functions' BCE of one batch."""
        assert batch.y is not None and batch.y_fn is not None
        k = self.corpus[group]
        kn = torch.from_numpy(np.repeat(k, packed.nodes[group]))[batch.seed]
        kf = torch.from_numpy(np.repeat(k, packed.functions[group]))[batch.seed_function]
        yn, yf = batch.y[batch.seed], batch.y_fn[batch.seed_function]
        return _weigh(yn, kn, self.node), _weigh(yf, kf, self.function)


def validation_weights(val_graphs: Sequence[CodeGraph], packed_val: PackedGraphs,
                       hparams: dict[str, Any]) -> dict[str, Tensor] | None:
    """With `balance_validation` (and `corpus_balance` alpha > 0): the validation split's
    own corpus weights, used by calibration and thresholds; else None."""
    alpha = float(hparams.get("corpus_balance", 0.0))
    if alpha <= 0 or not hparams.get("balance_validation", False):
        return None
    return CorpusBalance.build(val_graphs, packed_val, alpha).split_weights(packed_val)


def graph_weights(graphs: Sequence[CodeGraph]) -> Tensor | None:
    """Each graph's training weight (`graph.weight`, 1.0 where unset: weak negatives of
    deployed code are stored with less), or None when every weight is 1."""
    weights = torch.tensor([float(g.get("weight", 1.0)) for g in graphs], dtype=torch.float32)
    return weights if bool((weights != 1.0).any()) else None


def batch_graph_weights(weights: Tensor, group: np.ndarray, batch: GraphBatch
                        ) -> tuple[Tensor, Tensor]:
    """The weights of `group`'s graphs spread over the batch's seed nodes and seed
    functions, as [seed nodes, 1] and [seed functions, 1] loss weights."""
    chosen = weights[torch.as_tensor(np.asarray(group), dtype=torch.long)]
    per_node = torch.repeat_interleave(chosen, torch.diff(batch.node_ptr))
    per_fn = torch.repeat_interleave(chosen, torch.diff(batch.fn_ptr))
    return per_node[batch.seed].unsqueeze(1), per_fn[batch.seed_function].unsqueeze(1)


def _pos_weight(targets: Tensor, cap: float) -> Tensor:
    positives = targets.sum(0)
    negatives = targets.shape[0] - positives
    ratio = torch.sqrt(negatives / positives.clamp(min=1.0))
    return ratio.clamp(min=1.0, max=cap)


def evaluate(logits: dict[str, Tensor], targets: dict[str, Tensor],
             calibration: dict[str, dict[str, list[float]]] | None = None,
             thresholds: dict[str, dict[str, float]] | None = None) -> dict[str, Any]:
    """Per head: AP per category and macro; with thresholds also P/R/F1 at them (on
    calibrated probabilities when `calibration` is given)."""
    out: dict[str, Any] = {}
    for head in HEADS:
        z = logits[head]
        y = targets[head].numpy()
        probs = (apply_calibration(z, calibration[head]) if calibration
                 else torch.sigmoid(z)).numpy()
        per: dict[str, Any] = {}
        for j, name in enumerate(CATEGORIES):
            entry: dict[str, Any] = {"ap": average_precision(probs[:, j], y[:, j]),
                                     "positives": int(y[:, j].sum())}
            if thresholds:
                entry.update(prf_at(probs[:, j], y[:, j], thresholds[head][name]))
                entry["threshold"] = thresholds[head][name]
            else:
                entry["best_f1"] = best_f1_threshold(probs[:, j], y[:, j])[1]
            per[name] = entry
        summary = {"macro_ap": _nanmean([per[c]["ap"] for c in CATEGORIES])}
        key = "f1" if thresholds else "best_f1"
        summary[f"macro_{key}"] = _nanmean([per[c][key] for c in CATEGORIES])
        out[head] = {"categories": per, **summary}
    return out


# --------------------------------------------------------------------------- calibration

def fit_platt(logits: Tensor, labels: Tensor, iterations: int = 100,
              weights: Tensor | None = None) -> tuple[float, float]:
    """(a, b) minimising the log loss of sigmoid(a * logit + b) on these points (each
    weighted by `weights` when given), with Platt's smoothed targets ((N+ + 1) / (N+ + 2)
    for positives, 1 / (N- + 2) for negatives) so that separable validation data does not
    drive `a` to infinity."""
    z = logits.double()
    positives = float(labels.sum())
    negatives = float(len(labels)) - positives
    y = torch.where(labels > 0.5, (positives + 1) / (positives + 2),
                    1 / (negatives + 2)).double()
    params = torch.tensor([1.0, 0.0], dtype=torch.float64, requires_grad=True)
    optimiser = torch.optim.LBFGS([params], lr=0.5, max_iter=iterations,
                                  line_search_fn="strong_wolfe")

    def closure() -> Tensor:
        optimiser.zero_grad()
        loss = F.binary_cross_entropy_with_logits(
            params[0] * z + params[1], y,
            weight=None if weights is None else weights.double())
        loss.backward()
        return loss

    if positives == 0 or negatives == 0:
        return 1.0, 0.0
    optimiser.step(closure)
    a, b = (float(v) for v in params.detach())
    if not (math.isfinite(a) and math.isfinite(b)) or a <= 0:
        return 1.0, 0.0
    return a, b


def apply_calibration(logits: Tensor, params: dict[str, list[float]]) -> Tensor:
    a = torch.tensor([params[c][0] for c in CATEGORIES], dtype=logits.dtype)
    b = torch.tensor([params[c][1] for c in CATEGORIES], dtype=logits.dtype)
    return torch.sigmoid(logits * a + b)


def calibrate(logits: dict[str, Tensor], targets: dict[str, Tensor],
              weights: dict[str, Tensor] | None = None
              ) -> tuple[dict[str, dict[str, list[float]]], dict[str, dict[str, float]]]:
    """Platt parameters and F1-maximising thresholds per head and category; `weights`
    (per head, shaped like its targets) weigh each point in both."""
    calibration: dict[str, dict[str, list[float]]] = {}
    thresholds: dict[str, dict[str, float]] = {}
    for head in HEADS:
        w = weights[head] if weights is not None else None
        calibration[head] = {}
        for j, name in enumerate(CATEGORIES):
            a, b = fit_platt(logits[head][:, j], targets[head][:, j],
                             weights=None if w is None else w[:, j])
            calibration[head][name] = [a, b]
        probs = apply_calibration(logits[head], calibration[head]).numpy()
        y = targets[head].numpy()
        thresholds[head] = {name: best_f1_threshold(
            probs[:, j], y[:, j], None if w is None else w[:, j].numpy())[0]
            for j, name in enumerate(CATEGORIES)}
    return calibration, thresholds


# --------------------------------------------------------------------------- training

def _epoch_groups(packed: PackedGraphs, positive_graph: np.ndarray, rng: np.random.Generator,
                  negative_keep: float, batch_nodes: int) -> list[np.ndarray]:
    order = rng.permutation(len(packed))
    keep = positive_graph[order] | (rng.random(len(order)) < negative_keep)
    groups = packed.batches_by_size(batch_nodes, order[keep])
    return groups


def train(train_graphs: Sequence[CodeGraph], val_graphs: Sequence[CodeGraph],
          hparams: dict[str, Any], *, seed: int = 0, with_detectors: bool = True,
          max_minutes: float | None = None,
          log: Callable[[str], None] | None = None,
          packed: tuple[PackedGraphs, PackedGraphs] | None = None,
          init_state: dict[str, Tensor] | None = None) -> TrainResult:
    """Train, stop early on validation, calibrate and choose thresholds (module doc).
    `packed`: the two splits already packed (an ensemble packs them once); `init_state`:
    a pretrained trunk to start from (`pretrain.trunk_state`)."""
    started = time.perf_counter()
    say = log or (lambda message: None)
    in_dim = len(schema.feature_names(with_detectors))
    reverse = bool(hparams.get("reverse_edges", True))
    budget = 60.0 * float(max_minutes if max_minutes is not None
                          else hparams.get("max_minutes", 25))
    batch_nodes = int(hparams.get("batch_nodes", 4096))

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    packed_train, packed_val = packed or (PackedGraphs(train_graphs, in_dim, reverse),
                                          PackedGraphs(val_graphs, in_dim, reverse))
    say(f"packed {len(packed_train)} train / {len(packed_val)} val graphs, "
        f"{int(packed_train.nodes.sum())} / {int(packed_val.nodes.sum())} nodes "
        f"in {time.perf_counter() - started:.1f}s")
    train_targets = _seed_targets(packed_train)
    val_targets = _seed_targets(packed_val)
    cap = float(hparams.get("pos_weight_max", 30.0))
    pos_weight = {head: _pos_weight(train_targets[head][1], cap) for head in HEADS}
    # graphs whose seed function carries any label
    assert packed_train.y_fn is not None
    fn_positive = (packed_train.y_fn.sum(1) > 0) & packed_train.seed_fn
    graph_of_fn = np.repeat(np.arange(len(packed_train)), packed_train.functions)
    positive_graph = np.zeros(len(packed_train), dtype=bool)
    positive_graph[graph_of_fn[fn_positive.numpy()]] = True

    alpha = float(hparams.get("corpus_balance", 0.0))
    balance = CorpusBalance.build(train_graphs, packed_train, alpha) if alpha > 0 else None
    if balance is not None:
        say("corpus balance " + ", ".join(
            f"{name}: " + " ".join(f"{w:.2f}" for w in balance.node[i].tolist())
            for i, name in enumerate(balance.names)))

    weights = graph_weights(train_graphs)
    if weights is not None:
        say(f"graph weights: {int((weights != 1.0).sum())} graphs weigh less than 1")

    model = make_model(in_dim, hparams)
    if init_state is not None:
        load_trunk(model, init_state)
        say("trunk starts from the pretrained state")
    optimiser = torch.optim.AdamW(model.parameters(), lr=float(hparams.get("lr", 2e-3)),
                                  weight_decay=float(hparams.get("weight_decay", 1e-4)))
    fn_weight = float(hparams.get("function_loss_weight", 1.0))
    negative_keep = float(hparams.get("negative_keep", 1.0))
    max_epochs = int(hparams.get("max_epochs", 30))
    patience = int(hparams.get("patience", 4))
    clip = float(hparams.get("grad_clip", 1.0))

    history: list[dict[str, Any]] = []
    best_score, best_epoch, best_state = -math.inf, 0, copy.deepcopy(model.state_dict())
    stopped = "max_epochs"
    epoch_seconds: list[float] = []
    for epoch in range(1, max_epochs + 1):
        if epoch_seconds and (time.perf_counter() - started) + max(epoch_seconds) > budget:
            stopped = "time budget"
            break
        t0 = time.perf_counter()
        model.train()
        total, count = 0.0, 0
        for group in _epoch_groups(packed_train, positive_graph, rng, negative_keep,
                                   batch_nodes):
            batch = packed_train.batch(group)
            assert batch.y is not None and batch.y_fn is not None
            node, function = forward_batch(model, batch)
            w_node, w_fn = (balance.batch_weights(packed_train, group, batch)
                            if balance is not None else (None, None))
            if weights is not None:
                g_node, g_fn = batch_graph_weights(weights, group, batch)
                w_node = g_node if w_node is None else w_node * g_node
                w_fn = g_fn if w_fn is None else w_fn * g_fn
            loss = F.binary_cross_entropy_with_logits(
                node[batch.seed], batch.y[batch.seed], weight=w_node,
                pos_weight=pos_weight["node"])
            if batch.seed_function.any():
                loss = loss + fn_weight * F.binary_cross_entropy_with_logits(
                    function[batch.seed_function], batch.y_fn[batch.seed_function],
                    weight=w_fn, pos_weight=pos_weight["function"])
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
            optimiser.step()
            total += loss.item() * len(group)
            count += len(group)
        train_seconds = time.perf_counter() - t0
        logits = _val_logits(model, packed_val, batch_nodes)
        val_loss = sum(
            (1.0 if head == "node" else fn_weight) * float(F.binary_cross_entropy_with_logits(
                logits[head], val_targets[head][1], pos_weight=pos_weight[head]))
            for head in HEADS)
        scores = evaluate(logits, {h: val_targets[h][1] for h in HEADS})
        score = val_score(scores)
        epoch_seconds.append(time.perf_counter() - t0)
        record = {"epoch": epoch, "train_loss": total / max(count, 1), "val_loss": val_loss,
                  "val_node_macro_ap": scores["node"]["macro_ap"],
                  "val_function_macro_ap": scores["function"]["macro_ap"],
                  "val_score": score, "train_graphs": count,
                  "train_seconds": train_seconds, "epoch_seconds": epoch_seconds[-1],
                  "elapsed_seconds": time.perf_counter() - started}
        history.append(record)
        say(f"epoch {epoch}: train {record['train_loss']:.4f} val {val_loss:.4f} "
            f"node AP {scores['node']['macro_ap']:.3f} fn AP "
            f"{scores['function']['macro_ap']:.3f} ({epoch_seconds[-1]:.0f}s)")
        if score > best_score:
            best_score, best_epoch = score, epoch
            best_state = copy.deepcopy(model.state_dict())
        elif epoch - best_epoch >= patience:
            stopped = "early stopping"
            break

    model.load_state_dict(best_state)
    model.eval()
    logits = _val_logits(model, packed_val, batch_nodes)
    targets = {h: val_targets[h][1] for h in HEADS}
    calibration, thresholds = calibrate(logits, targets,
                                        validation_weights(val_graphs, packed_val, hparams))
    metrics = evaluate(logits, targets, calibration, thresholds)
    metrics["best_epoch"] = best_epoch
    metrics["val_score"] = best_score
    metrics["parameters"] = parameter_count(model)
    seconds = time.perf_counter() - started
    say(f"best epoch {best_epoch} (score {best_score:.4f}), stopped by {stopped}, "
        f"{seconds:.0f}s")
    return TrainResult(model=model, net=model.config.to_dict(), hparams=dict(hparams),
                       history=history, calibration=calibration, thresholds=thresholds,
                       metrics=metrics, best_epoch=best_epoch, seconds=seconds,
                       stopped=stopped, extra={"pos_weight": {
                           h: pos_weight[h].tolist() for h in HEADS}})


def train_ensemble(train_graphs: Sequence[CodeGraph], val_graphs: Sequence[CodeGraph],
                   hparams: dict[str, Any], *, seed: int = 0, with_detectors: bool = True,
                   max_minutes: float | None = None,
                   log: Callable[[str], None] | None = None,
                   init_state: dict[str, Tensor] | None = None) -> TrainResult:
    """`hparams["members"]` networks (default 1), each trained by `train` with seeds
    `seed`, `seed + 1`, ... and its own early stopping, within an equal share of the time
    budget; their averaged logits are calibrated and thresholded on validation as one.
    `init_state`: a pretrained trunk every member starts from."""
    members = int(hparams.get("members", 1))
    if members <= 1:
        return train(train_graphs, val_graphs, hparams, seed=seed,
                     with_detectors=with_detectors, max_minutes=max_minutes, log=log,
                     init_state=init_state)
    say = log or (lambda message: None)
    started = time.perf_counter()
    minutes = float(max_minutes if max_minutes is not None
                    else hparams.get("max_minutes", 25)) / members
    in_dim = len(schema.feature_names(with_detectors))
    reverse = bool(hparams.get("reverse_edges", True))
    packed_val = PackedGraphs(val_graphs, in_dim, reverse)
    packed = (PackedGraphs(train_graphs, in_dim, reverse), packed_val)
    results = []
    for i in range(members):
        say(f"member {i + 1} of {members}, seed {seed + i}")
        results.append(train(train_graphs, val_graphs, hparams, seed=seed + i,
                             with_detectors=with_detectors, max_minutes=minutes, log=log,
                             packed=packed, init_state=init_state))
    config = NetConfig.from_dict({**results[0].net, "members": members})
    model = Ensemble(config, [r.model for r in results]).eval()
    logits = _val_logits(model, packed_val, int(hparams.get("batch_nodes", 4096)))
    targets = {h: v[1] for h, v in _seed_targets(packed_val).items()}
    calibration, thresholds = calibrate(logits, targets,
                                        validation_weights(val_graphs, packed_val, hparams))
    metrics = evaluate(logits, targets, calibration, thresholds)
    metrics["best_epoch"] = [r.best_epoch for r in results]
    metrics["val_score"] = val_score(metrics)
    metrics["members_val_score"] = [r.metrics["val_score"] for r in results]
    metrics["parameters"] = parameter_count(model)
    history = [{**record, "member": i + 1} for i, r in enumerate(results)
               for record in r.history]
    seconds = time.perf_counter() - started
    each = ", ".join(f"{v:.4f}" for v in metrics["members_val_score"])
    say(f"ensemble of {members}: val score {metrics['val_score']:.4f} (members {each}), "
        f"{seconds:.0f}s")
    return TrainResult(model=model, net=config.to_dict(), hparams=dict(hparams),
                       history=history, calibration=calibration, thresholds=thresholds,
                       metrics=metrics, best_epoch=max(r.best_epoch for r in results),
                       seconds=seconds, stopped=", ".join(r.stopped for r in results),
                       extra={"pos_weight": results[0].extra.get("pos_weight")})


def _val_logits(model: ContractGNN | Ensemble, packed: PackedGraphs, batch_nodes: int
                ) -> dict[str, Tensor]:
    node, function = predict_logits(model, packed, batch_nodes)
    return {"node": node[packed.seed], "function": function[packed.seed_fn]}


def plot_history(history: Sequence[dict[str, Any]], path: Any, title: str = "") -> None:
    """Training curve: losses (left axis) and validation macro AP (right axis)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    members = len({h.get("member", 1) for h in history})
    epochs = ([h["epoch"] for h in history] if members == 1
              else list(range(1, len(history) + 1)))
    fig, left = plt.subplots(figsize=(7, 4))
    left.plot(epochs, [h["train_loss"] for h in history], "o-", label="train loss")
    left.plot(epochs, [h["val_loss"] for h in history], "s-", label="val loss")
    left.set_xlabel("epoch" if members == 1 else f"epoch ({members} members, one after another)")
    left.set_ylabel("loss (weighted BCE)")
    right = left.twinx()
    right.plot(epochs, [h["val_node_macro_ap"] for h in history], "^--", color="tab:green",
               label="val node macro AP")
    right.plot(epochs, [h["val_function_macro_ap"] for h in history], "v--",
               color="tab:red", label="val function macro AP")
    right.set_ylabel("average precision")
    right.set_ylim(0, 1)
    lines = left.get_legend_handles_labels()
    more = right.get_legend_handles_labels()
    left.legend(lines[0] + more[0], lines[1] + more[1], loc="center right", fontsize=8)
    if title:
        left.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
