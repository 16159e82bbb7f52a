"""The anomaly score a model folder may carry: how unlike deployed code a function looks.

A pretrained trunk (`contractml.model.pretrain`, masked node features on deployed code)
embeds each function as the mean of its statements' final states; a Gaussian fitted on
the embeddings of unmodified deployed functions gives each function its Mahalanobis
distance to deployed code. Larger is stranger. The score ranks; it decides nothing: no
finding is added or dropped by it.

Files: `anomaly.safetensors` in the model folder (the trunk's parameters under
`trunk.`, the Gaussian's `gaussian.mean` and `gaussian.precision`) and an `anomaly`
entry in the model's JSON: its SHA-256 (`weights_sha256`, checked before anything is
read), the trunk's `in_dim` and `hparams`, how many functions the Gaussian was fitted
on, and the ROC AUCs measured for it (`measured`). `scripts/anomaly.py --attach DIR`
writes both.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import torch

from contractml.errors import ModelError
from contractml.model.batching import GraphBatch
from contractml.model.checkpoint import (
    ANOMALY_FILE,
    ANOMALY_KEY,
    META,
    sha256_file,
    verify_anomaly,
)
from contractml.model.pretrain import (
    TRUNK_PREFIXES,
    AnomalyModel,
    batch_embeddings,
    load_trunk,
)

_TRUNK = "trunk."
_MEAN, _PRECISION = "gaussian.mean", "gaussian.precision"


def attach(model_dir: Path, trunk: dict[str, torch.Tensor], gaussian: AnomalyModel,
           entry: dict[str, Any]) -> dict[str, Any]:
    """Write `anomaly.safetensors` into `model_dir` and the model JSON's `anomaly` entry
    (`entry` must hold `in_dim` and `hparams`; it gains the file's SHA-256). Returns the
    entry written."""
    from safetensors.torch import save_file

    for key in ("in_dim", "hparams"):
        if key not in entry:
            raise ValueError(f"the anomaly entry needs {key!r}")
    tensors = {_TRUNK + k: v.detach().contiguous() for k, v in trunk.items()}
    tensors[_MEAN] = gaussian.mean.detach().contiguous()
    tensors[_PRECISION] = gaussian.precision.detach().contiguous()
    target = model_dir / ANOMALY_FILE
    save_file(tensors, str(target))
    written = {**entry, "weights_sha256": sha256_file(target)}
    meta_path = model_dir / META
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta[ANOMALY_KEY] = written
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return written


class AnomalyScorer:
    """The anomaly of each graph's own (seed) function."""

    def __init__(self, model: Any, gaussian: AnomalyModel, in_dim: int,
                 reverse_edges: bool) -> None:
        self._model = model.eval()
        self._gaussian = gaussian
        self._in_dim = in_dim
        self._reverse = reverse_edges

    @classmethod
    def load(cls, model_dir: Path, meta: dict[str, Any]) -> AnomalyScorer | None:
        """The scorer of the model at `model_dir` (`meta`: its JSON), or None when it
        carries no anomaly entry. `ModelError` when the files do not match."""
        from safetensors.torch import load_file

        from contractml.graph import schema
        from contractml.model.training import make_model

        if meta.get(ANOMALY_KEY) is None:
            return None
        verify_anomaly(model_dir, meta)
        entry = meta[ANOMALY_KEY]
        in_dim, hparams = int(entry["in_dim"]), dict(entry["hparams"])
        if in_dim != len(schema.feature_names(False)):
            raise ModelError(f"{model_dir / ANOMALY_FILE}: made for {in_dim} input "
                             "columns, this contractml's graphs have "
                             f"{len(schema.feature_names(False))} without detectors.")
        tensors = load_file(str(model_dir / ANOMALY_FILE))
        trunk = {k[len(_TRUNK):]: v for k, v in tensors.items() if k.startswith(_TRUNK)}
        if _MEAN not in tensors or _PRECISION not in tensors or not trunk or not all(
                k.startswith(TRUNK_PREFIXES) for k in trunk):
            raise ModelError(f"{model_dir / ANOMALY_FILE}: not an anomaly model (needs "
                             "trunk parameters and a Gaussian).")
        model = make_model(in_dim, hparams)
        try:
            load_trunk(model, trunk)
        except ValueError as exc:
            raise ModelError(f"{model_dir / ANOMALY_FILE}: {exc}.") from None
        gaussian = AnomalyModel(mean=tensors[_MEAN].float(),
                                precision=tensors[_PRECISION].float())
        return cls(model, gaussian, in_dim, bool(hparams.get("reverse_edges", True)))

    @property
    def in_dim(self) -> int:
        return self._in_dim

    @property
    def reverse_edges(self) -> bool:
        return self._reverse

    def score_batch(self, batch: GraphBatch) -> list[float]:
        """The Mahalanobis distance of each graph's seed function to deployed code, for a
        batch packed with `in_dim` columns and `reverse_edges` (one seed function per
        graph, in batch order)."""
        embeddings = batch_embeddings(self._model, batch)
        if embeddings.size(0) != batch.node_ptr.numel() - 1:
            raise ModelError("a graph without exactly one seed function cannot be given an "
                             "anomaly score.")
        return np.asarray(self._gaussian.score(embeddings), dtype=np.float64).round(4).tolist()
