"""Self-supervised pretraining of the network's trunk on unlabelled function graphs, and
the anomaly score the pretrained trunk gives.

Pretraining (`pretrain`): masked node features. In every batch a random `mask_rate` of
the nodes lose all their input features (set to 0, after the model's own
canonicalisation, so the hidden columns stay hidden); the trunk (`ContractGNN.embed`)
runs over the graph and a linear decoder reads each hidden node's final state and
predicts its features back (binary cross-entropy over the columns the model reads). A
node's features can only come back from its neighbours, so the trunk learns how
statements of deployed code go together. Labels are never read. Validation is the same
loss on held-out graphs with a fixed mask; the epoch with the lowest one is kept.

`trunk_state` is what fine-tuning starts from (`training.train(init_state=...)`): the
input encoder, the edge-kind embedding and the message-passing layers; the heads start
fresh. `save_pretrained` / `load_pretrained` keep it in a folder (`trunk.safetensors`
and `pretrain.json`); the graphs it learns from are `deployed` ones.

Anomaly (`AnomalyModel`): each function's embedding is the mean of its nodes' final
states; a Gaussian is fitted to the embeddings of deployed code's functions (mean and a
shrunk covariance) and a function's anomaly is its Mahalanobis distance to it: how
unlike deployed code the function looks to the pretrained trunk.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import Tensor, nn
from torch.nn import functional as F
from torch_geometric.nn import global_mean_pool

from contractml.graph.builder import CodeGraph
from contractml.model.batching import GraphBatch, PackedGraphs
from contractml.model.gnn import ContractGNN

#: parameter name prefixes of the trunk (what pretraining hands to fine-tuning)
TRUNK_PREFIXES: tuple[str, ...] = ("encoder.", "edge_embedding.", "layers.")
TRUNK_FILE = "trunk.safetensors"
CONFIG_FILE = "pretrain.json"
#: hyperparameters that fix the trunk's shape: a trunk fits only a network with the same
SHAPE_KEYS: tuple[str, ...] = ("arch", "hidden", "layers", "heads", "num_bases",
                               "reverse_edges")


def deployed(graphs: Sequence[CodeGraph]) -> list[CodeGraph]:
    """The real-host graphs (deployed code, with or without an injected edit)."""
    from contractml.model.training import corpus_of

    return [g for g in graphs if corpus_of(g) == "realhosts"]


def save_pretrained(folder: Path, state: dict[str, Tensor], config: dict[str, Any]) -> None:
    """Write the trunk and its `config` (which must hold `in_dim` and `hparams`); the
    config gains the trunk's SHA-256."""
    from safetensors.torch import save_file

    from contractml.model.checkpoint import sha256_file

    folder.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in state.items()}, str(folder / TRUNK_FILE))
    config = {**config, "trunk_sha256": sha256_file(folder / TRUNK_FILE)}
    (folder / CONFIG_FILE).write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


def load_pretrained(folder: Path, in_dim: int | None = None,
                    hparams: dict[str, Any] | None = None
                    ) -> tuple[dict[str, Tensor], dict[str, Any]]:
    """The trunk and config `save_pretrained` wrote; ValueError when they are missing or
    were made for another input width or network shape than `in_dim` / `hparams`."""
    from safetensors.torch import load_file

    config_path, weights = folder / CONFIG_FILE, folder / TRUNK_FILE
    if not config_path.is_file() or not weights.is_file():
        raise ValueError(f"{folder}: no pretrained trunk ({CONFIG_FILE} and {TRUNK_FILE})")
    config = json.loads(config_path.read_text(encoding="utf-8"))
    if in_dim is not None and config["in_dim"] != in_dim:
        raise ValueError(f"{folder}: pretrained on {config['in_dim']} input columns, "
                         f"this network reads {in_dim}")
    if hparams is not None:
        for key in SHAPE_KEYS:
            if config["hparams"].get(key) != hparams.get(key):
                raise ValueError(f"{folder}: pretrained with {key}="
                                 f"{config['hparams'].get(key)!r}, this network has "
                                 f"{hparams.get(key)!r}")
    return dict(load_file(str(weights))), config


def trunk_state(model: ContractGNN) -> dict[str, Tensor]:
    """The trunk's parameters of `model` (copies)."""
    return {k: v.detach().clone() for k, v in model.state_dict().items()
            if k.startswith(TRUNK_PREFIXES)}


def load_trunk(model: ContractGNN, state: dict[str, Tensor]) -> None:
    """Start `model`'s trunk from `state`; the shapes must match (same hyperparameters)."""
    unknown = [k for k in state if not k.startswith(TRUNK_PREFIXES)]
    if unknown:
        raise ValueError(f"not trunk parameters: {unknown[:3]}")
    own = model.state_dict()
    for key, value in state.items():
        if key not in own or own[key].shape != value.shape:
            raise ValueError(f"pretrained parameter {key} does not fit this network")
    model.load_state_dict(state, strict=False)


def read_columns(model: ContractGNN) -> Tensor:
    """Input columns the model reads (neither zeroed nor merged away)."""
    hidden = set(model.config.zero_features) | {s for s, _ in model.config.merge_features}
    return torch.tensor([i for i in range(model.config.in_dim) if i not in hidden],
                        dtype=torch.long)


@dataclass
class PretrainResult:
    state: dict[str, Tensor]  # trunk parameters of the best epoch
    model: ContractGNN  # the network with that trunk (heads untrained)
    history: list[dict[str, Any]] = field(default_factory=list)
    best_epoch: int = 0
    seconds: float = 0.0


def masked_loss(model: ContractGNN, decoder: nn.Module, batch: GraphBatch, columns: Tensor,
                mask: Tensor) -> Tensor:
    """Reconstruction loss of the masked nodes' features (`mask` [N] bool)."""
    x = model._canonical(batch.x)
    target = x[mask][:, columns]
    x = x.masked_fill(mask.unsqueeze(1), 0.0)
    h, _ = model.embed(x, batch.edge_index, batch.edge_type, canonical=True)
    return F.binary_cross_entropy_with_logits(decoder(h[mask]), target)


def pretrain(model: ContractGNN, graphs: Sequence[CodeGraph], val_graphs: Sequence[CodeGraph],
             *, reverse_edges: bool = True, seed: int = 0, max_minutes: float = 10.0,
             max_epochs: int = 30, patience: int = 3, mask_rate: float = 0.15,
             lr: float = 2e-3, batch_nodes: int = 4096,
             log: Callable[[str], None] | None = None) -> PretrainResult:
    """Masked-feature pretraining of `model`'s trunk (module doc); returns the best
    epoch's trunk. `model` is changed in place (its trunk ends as the best epoch's)."""
    started = time.perf_counter()
    say = log or (lambda message: None)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    in_dim = model.config.in_dim
    packed = PackedGraphs(graphs, in_dim, reverse_edges, with_targets=False)
    packed_val = PackedGraphs(val_graphs, in_dim, reverse_edges, with_targets=False)
    columns = read_columns(model)
    decoder = nn.Linear(model.config.hidden, len(columns))
    parameters = [p for n, p in model.named_parameters() if n.startswith(TRUNK_PREFIXES)]
    optimiser = torch.optim.AdamW([*parameters, *decoder.parameters()], lr=lr,
                                  weight_decay=1e-4)
    val_groups = packed_val.batches_by_size(batch_nodes)
    val_generator = torch.Generator().manual_seed(seed + 1)
    val_masks = [torch.rand(int(packed_val.nodes[g].sum()), generator=val_generator)
                 < mask_rate for g in val_groups]
    say(f"pretraining on {len(packed)} graphs ({int(packed.nodes.sum())} nodes), "
        f"validation {len(packed_val)}, {len(columns)} feature columns")
    budget = 60.0 * max_minutes
    history: list[dict[str, Any]] = []
    best, best_epoch, best_state = math.inf, 0, trunk_state(model)
    epoch_seconds: list[float] = []
    for epoch in range(1, max_epochs + 1):
        if epoch_seconds and (time.perf_counter() - started) + max(epoch_seconds) > budget:
            break
        t0 = time.perf_counter()
        model.train()
        decoder.train()
        total, count = 0.0, 0
        for group in packed.batches_by_size(batch_nodes, rng.permutation(len(packed))):
            batch = packed.batch(group)
            mask = torch.rand(batch.x.size(0)) < mask_rate
            if not mask.any():
                continue
            loss = masked_loss(model, decoder, batch, columns, mask)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(parameters, 1.0)
            optimiser.step()
            total += loss.item() * len(group)
            count += len(group)
        model.eval()
        decoder.eval()
        with torch.no_grad():
            losses = [float(masked_loss(model, decoder, packed_val.batch(g), columns, m))
                      * int(m.sum()) for g, m in zip(val_groups, val_masks, strict=True)
                      if m.any()]
        val = sum(losses) / max(1, sum(int(m.sum()) for m in val_masks))
        epoch_seconds.append(time.perf_counter() - t0)
        history.append({"epoch": epoch, "train_loss": total / max(count, 1),
                        "val_loss": val, "seconds": round(epoch_seconds[-1], 1)})
        say(f"pretrain epoch {epoch}: train {total / max(count, 1):.4f} val {val:.4f} "
            f"({epoch_seconds[-1]:.0f}s)")
        if val < best - 1e-5:
            best, best_epoch, best_state = val, epoch, trunk_state(model)
        elif epoch - best_epoch >= patience:
            break
    load_trunk(model, best_state)
    model.eval()
    return PretrainResult(state=best_state, model=model, history=history,
                          best_epoch=best_epoch, seconds=time.perf_counter() - started)


@torch.no_grad()
def function_embeddings(model: ContractGNN, packed: PackedGraphs, batch_nodes: int = 4096,
                        seed_only: bool = True) -> Tensor:
    """Mean final node state per function of `packed` ([F, H], packing order), or only
    of the seed functions with `seed_only`."""
    was_training = model.training
    model.eval()
    out = [batch_embeddings(model, packed.batch(group), seed_only)
           for group in packed.batches_by_size(batch_nodes)]
    model.train(was_training)
    return torch.cat(out) if out else torch.zeros((0, model.config.hidden))


@torch.no_grad()
def batch_embeddings(model: ContractGNN, batch: GraphBatch, seed_only: bool = True) -> Tensor:
    """`function_embeddings` of one batch ([F, H] in batch order), `model` as it is set
    (train or eval)."""
    h, _ = model.embed(batch.x, batch.edge_index, batch.edge_type)
    pooled = global_mean_pool(h, batch.fn_of_node, size=batch.num_functions)
    return pooled[batch.seed_function] if seed_only else pooled


@dataclass
class AnomalyModel:
    """A Gaussian over deployed code's function embeddings (module doc)."""

    mean: Tensor  # [H]
    precision: Tensor  # [H, H], inverse of the shrunk covariance

    @classmethod
    def fit(cls, embeddings: Tensor, shrinkage: float = 0.1) -> AnomalyModel:
        if embeddings.size(0) < 2:
            raise ValueError("an anomaly model needs at least 2 function embeddings")
        z = embeddings.double()
        mean = z.mean(0)
        centred = z - mean
        covariance = centred.T @ centred / (z.size(0) - 1)
        scale = float(torch.diagonal(covariance).mean())
        shrunk = (1 - shrinkage) * covariance + shrinkage * scale * torch.eye(z.size(1),
                                                                              dtype=z.dtype)
        return cls(mean=mean.float(), precision=torch.linalg.inv(shrunk).float())

    def score(self, embeddings: Tensor) -> Tensor:
        """Mahalanobis distance of each embedding to deployed code ([F])."""
        centred = embeddings.float() - self.mean
        return torch.sqrt(torch.clamp(((centred @ self.precision) * centred).sum(1), min=0))


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve (ties count half); nan without both classes."""
    labels = labels.astype(bool)
    positives, negatives = int(labels.sum()), int((~labels).sum())
    if positives == 0 or negatives == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores), dtype=np.float64)
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = 0.5 * (i + j) + 1
        i = j + 1
    return float((ranks[labels].sum() - positives * (positives + 1) / 2)
                 / (positives * negatives))
