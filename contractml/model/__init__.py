"""The GNN scorer: network (`gnn`), batching, training, checkpoints.

Nothing here imports torch at package import time; `contractml.scoring` is the entry
point for inference.
"""

from __future__ import annotations

from pathlib import Path

from contractml.rules import CATEGORIES as _CATEGORIES

#: Finding categories in the order of the model's output columns: the taxonomy's one
#: declarative source, `contractml.rules`.
CATEGORIES: tuple[str, ...] = _CATEGORIES

#: The model shipped inside the package, used when no model is named.
DEFAULT_MODEL_DIR = Path(__file__).parent / "default"

#: The default hyperparameters.
HPARAMS_PATH = Path(__file__).parent / "hparams.json"
