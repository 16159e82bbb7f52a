"""The GNN scorer: network (`gnn`), batching, training, checkpoints.

Nothing here imports torch at package import time; `contractml.scoring` is the entry
point for inference.
"""

from __future__ import annotations

from pathlib import Path

#: Finding categories in the order of the model's output columns. The same tuple as
#: `datasets.labels.CATEGORIES` (a test checks); kept here because `datasets` is not
#: part of the installed package.
CATEGORIES: tuple[str, ...] = (
    "reentrancy", "unchecked-call", "access-control", "arithmetic", "time-manipulation",
    "bad-randomness", "denial-of-service", "front-running", "unsafe-delegatecall",
)

#: The model shipped inside the package, used when no model is named.
DEFAULT_MODEL_DIR = Path(__file__).parent / "default"

#: The default hyperparameters.
HPARAMS_PATH = Path(__file__).parent / "hparams.json"
