"""Inference: a verified checkpoint scoring graphs, batched, without gradients.

    scorer = Scorer.load()            # the model shipped in contractml/model/default/
    for graph, scores in zip(graphs, scorer.score(graphs)):
        scores.node      # numpy float32 [num_nodes, 9], calibrated probabilities
        scores.function  # numpy float32 [num_functions, 9]
        scores.anomaly   # the seed function's anomaly, or None (`contractml.model.anomaly`)

Columns follow `contractml.model.CATEGORIES`. Graphs built with detector features can be
scored by a model trained without them (the extra columns are dropped); the reverse is
refused. Scores of a graph do not depend on which other graphs share its batch beyond
floating-point rounding, and the same inputs always give the same scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from contractml.errors import ModelError
from contractml.graph import schema
from contractml.graph.builder import CodeGraph
from contractml.model import CATEGORIES, DEFAULT_MODEL_DIR, checkpoint
from contractml.model.anomaly import AnomalyScorer
from contractml.model.batching import PackedGraphs
from contractml.model.training import apply_calibration, forward_batch


@dataclass(frozen=True)
class GraphScores:
    node: np.ndarray  # float32 [num_nodes, len(CATEGORIES)]
    function: np.ndarray  # float32 [num_functions, len(CATEGORIES)]
    #: how unlike deployed code the graph's own function looks; None when the model
    #: carries no anomaly model
    anomaly: float | None = None


class Scorer:
    def __init__(self, loaded: checkpoint.Checkpoint,
                 anomaly: AnomalyScorer | None = None) -> None:
        self._checkpoint = loaded
        self._anomaly = anomaly
        self._model = loaded.model
        self._model.eval()
        self._in_dim = len(schema.feature_names(loaded.with_detectors))
        net = loaded.meta["net"]
        self._reverse = int(net["num_edge_types"]) == 2 * schema.NUM_EDGE_TYPES

    @classmethod
    def load(cls, path: Path | None = None) -> Scorer:
        """A verified checkpoint folder; None: the default model shipped in the package."""
        target = Path(path) if path is not None else DEFAULT_MODEL_DIR
        if not target.exists():
            raise ModelError(f"{target}: no model there.")
        loaded = checkpoint.load(target)
        return cls(loaded, AnomalyScorer.load(target, loaded.meta))

    @property
    def with_detectors(self) -> bool:
        """Whether the model needs graphs built with Slither-detector features."""
        return self._checkpoint.with_detectors

    @property
    def categories(self) -> tuple[str, ...]:
        return CATEGORIES

    @property
    def thresholds(self) -> dict[str, dict[str, float]]:
        """{"node": {category: t}, "function": {category: t}} on calibrated probabilities."""
        return {head: dict(values) for head, values in self._checkpoint.thresholds.items()}

    @property
    def info(self) -> dict[str, Any]:
        return checkpoint.describe(self._checkpoint.meta, self._checkpoint.path)

    def score(self, graphs: Sequence[CodeGraph], batch_size: int = 64) -> list[GraphScores]:
        """Calibrated probabilities for every node and function of every graph."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        for graph in graphs:
            width = int(graph.x.size(1))
            if width < self._in_dim:
                raise ModelError(
                    "this model needs graphs built with Slither-detector features "
                    f"({self._in_dim} columns, got {width}).")
            if width not in (len(schema.BASE_FEATURES),
                             len(schema.feature_names(True))):
                raise ModelError(f"graph has {width} feature columns, which matches no "
                                 "feature vocabulary of this contractml.")
        calibration = self._checkpoint.calibration
        results: list[GraphScores] = []
        with torch.no_grad():
            for start in range(0, len(graphs), batch_size):
                chunk = graphs[start:start + batch_size]
                packed = PackedGraphs(chunk, self._in_dim, self._reverse, with_targets=False)
                batch = packed.batch(np.arange(len(chunk)))
                node, function = forward_batch(self._model, batch)
                node_p = apply_calibration(node, calibration["node"]).numpy()
                fn_p = apply_calibration(function, calibration["function"]).numpy()
                node_ptr, fn_ptr = batch.node_ptr.tolist(), batch.fn_ptr.tolist()
                anomaly: list[float | None] = [None] * len(chunk)
                if self._anomaly is not None:
                    same = (self._anomaly.in_dim, self._anomaly.reverse_edges) == (
                        self._in_dim, self._reverse)
                    anomaly = list(self._anomaly.score_batch(batch if same else PackedGraphs(
                        chunk, self._anomaly.in_dim, self._anomaly.reverse_edges,
                        with_targets=False).batch(np.arange(len(chunk)))))
                for i in range(len(chunk)):
                    results.append(GraphScores(anomaly=anomaly[i],
                        node=np.ascontiguousarray(node_p[node_ptr[i]:node_ptr[i + 1]],
                                                  dtype=np.float32),
                        function=np.ascontiguousarray(fn_p[fn_ptr[i]:fn_ptr[i + 1]],
                                                      dtype=np.float32)))
        return results
