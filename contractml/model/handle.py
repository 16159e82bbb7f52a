"""A model known from its verified files, without torch; the network loads on first use.

This is the model as `contractml scan` and the evaluator use it: the network
(`contractml.scoring.Scorer`) plus what its JSON adds (thresholds, detector rules).

`contractml scan` needs the model's facts (hash, thresholds, detector rules, whether it
reads detector features) before anything else, but needs the network only for files whose
findings are not cached. Importing torch and torch_geometric costs seconds, so a warm
re-scan or a pre-commit hook on unchanged files never pays it. Every check `load` makes
on the files (SHA-256 of the weights, safetensors header, schema, vocabulary,
categories) happens here up front, so a bad model is refused before compiling.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from contractml.detector_rules import validated
from contractml.errors import ModelError
from contractml.model import CATEGORIES, DEFAULT_MODEL_DIR, checkpoint


class ModelHandle:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else DEFAULT_MODEL_DIR
        if not self.path.exists():
            raise ModelError(f"{self.path}: no model there.")
        self.meta = checkpoint.verify(self.path)
        try:
            self._rules = validated(self.meta.get("detector_rules"), CATEGORIES)
        except ValueError as exc:
            raise ModelError(f"{self.path}: {exc}.") from None
        self._scorer: Any = None

    @property
    def with_detectors(self) -> bool:
        return bool(self.meta["with_detectors"])

    @property
    def categories(self) -> tuple[str, ...]:
        return CATEGORIES

    @property
    def thresholds(self) -> dict[str, dict[str, float]]:
        return {head: dict(values) for head, values in self.meta["thresholds"].items()}

    @property
    def detector_rules(self) -> dict[str, dict[str, float]]:
        return {d: dict(v) for d, v in self._rules.items()}

    @property
    def needs_detectors(self) -> bool:
        return self.with_detectors or bool(self._rules)

    @property
    def info(self) -> dict[str, Any]:
        return checkpoint.describe(self.meta, self.path)

    def score(self, graphs: Sequence[Any], batch_size: int = 64) -> list[Any]:
        """`contractml.scoring.Scorer.score`, loading the network the first time."""
        if self._scorer is None:
            from contractml.scoring import Scorer

            self._scorer = Scorer.load(self.path)
        return self._scorer.score(graphs, batch_size=batch_size)
