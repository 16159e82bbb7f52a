"""A model known from its verified files, without torch; the network loads on first use.

This is the model as `contractml scan` and the evaluator use it: the network
(`contractml.scoring.Scorer`) plus what its JSON adds (thresholds, detector rules and confirmation).

`contractml scan` needs the model's facts (hash, thresholds, detector rules, whether it
reads detector features) before anything else, but needs the network only for files whose
findings are not cached. Importing torch and torch_geometric costs seconds, so a warm
re-scan or a pre-commit hook on unchanged files never pays it. Every check `load` makes
on the files (SHA-256 of the weights, safetensors header, schema, vocabulary,
categories) happens here up front, so a bad model is refused before compiling.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from contractml.detector_rules import Confirmation, confirmation, validated
from contractml.errors import ModelError
from contractml.model import CATEGORIES, DEFAULT_MODEL_DIR, checkpoint
from contractml.model.process import ProcessLost, ScoringProcess

T = TypeVar("T")

#: Scoring processes by model key: one per model for the life of this process (a test
#: session scans many times with the same model).
_PROCESSES: dict[str, ScoringProcess] = {}


class ModelHandle:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else DEFAULT_MODEL_DIR
        if not self.path.exists():
            raise ModelError(f"{self.path}: no model there.")
        self.meta = checkpoint.verify(self.path)
        try:
            self._rules = validated(self.meta.get("detector_rules"), CATEGORIES)
            self._confirm = confirmation(self.meta.get("detector_confirm"), CATEGORIES)
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
        return checkpoint.effective_thresholds(self.meta)

    @property
    def detector_rules(self) -> dict[str, dict[str, float]]:
        return {d: dict(v) for d, v in self._rules.items()}

    @property
    def detector_confirm(self) -> Confirmation | None:
        return self._confirm

    @property
    def needs_detectors(self) -> bool:
        """Whether graphs need the detector columns (features, or the rules' inputs)."""
        return bool(self.detectors)

    @property
    def detectors(self) -> bool | frozenset[str]:
        """The Slither detectors a scan must run: all when the network reads their
        features, else only those the rules and the confirmation name."""
        if self.with_detectors:
            return True
        confirmed = self._confirm.names if self._confirm is not None else frozenset()
        return frozenset(self._rules) | confirmed

    @property
    def key(self) -> str:
        """SHA-256 of the model's JSON, which pins the weights' hash and holds the
        calibration, thresholds and rules: equal keys score alike."""
        return hashlib.sha256(json.dumps(self.meta, sort_keys=True).encode()).hexdigest()

    @property
    def info(self) -> dict[str, Any]:
        return checkpoint.describe(self.meta, self.path)

    def load(self) -> None:
        """Load the network in this process now (imports torch)."""
        if self._scorer is None:
            from contractml.scoring import Scorer

            self._scorer = Scorer.load(self.path)

    def score(self, graphs: Sequence[Any], batch_size: int = 64) -> list[Any]:
        """`contractml.scoring.Scorer.score`, loading the network the first time."""
        self.load()
        return self._scorer.score(graphs, batch_size=batch_size)

    def prepare(self) -> None:
        """Start the scoring process now, unless it runs already (see
        `contractml.model.process`): its imports then overlap the caller's work."""
        process = _PROCESSES.get(self.key)
        if process is None or not process.alive:
            _PROCESSES.pop(self.key, None)
            try:
                _PROCESSES[self.key] = ScoringProcess(self.path, loaded_handle)
            except OSError:  # no process to be had: `call` scores here
                pass

    def call(self, fn: Callable[..., T], *args: Any) -> tuple[T, str | None]:
        """`fn(handle, *args)` in the scoring process, started if need be; and a notice
        when that process could not be started or was lost and `fn` ran here instead
        (same result, slower)."""
        self.prepare()
        process = _PROCESSES.get(self.key)
        if process is None:
            return fn(self, *args), ("the scoring process could not be started; scored in "
                                     "the main process instead")
        try:
            return process.call(fn, *args), None
        except ProcessLost as exc:
            del _PROCESSES[self.key]
            return fn(self, *args), f"{exc}; scored in the main process instead"


def loaded_handle(path: Path) -> ModelHandle:
    """A verified handle of the model at `path` with its network loaded: what the
    scoring process serves calls with."""
    handle = ModelHandle(path)
    handle.load()
    return handle
