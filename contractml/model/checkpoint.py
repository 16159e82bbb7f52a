"""Checkpoints: a folder with `model.safetensors` (weights) and `model.json` (everything
else). Never pickles: weights are read with safetensors only, after the file's SHA-256
matched the one pinned in the JSON and its header was checked to be a safetensors header.

`model.json` holds: `format` (FORMAT_VERSION), `name`, `created`, `schema_version`,
`vocabulary_hash`, `with_detectors`, `categories`, `net` (network shape), `hparams`,
`calibration` (per head, per category `a`, `b`: p = sigmoid(a * logit + b)),
`thresholds` (per head, per category, on calibrated probabilities), `weights_sha256`,
`data` (SHA-256 of the dataset manifest and of every split store used), `metrics`
(validation), `seed`, `torch_version`; optionally `detector_rules` and `detector_confirm`
(written by scripts/detector_rules.py, checked by `contractml.detector_rules` when the
model is loaded).
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractml.errors import ModelError
from contractml.model import CATEGORIES

FORMAT_VERSION = 1
WEIGHTS = "model.safetensors"
META = "model.json"
#: the optional anomaly model of a model folder (`contractml.model.anomaly`)
ANOMALY_FILE = "anomaly.safetensors"
ANOMALY_KEY = "anomaly"
HEADS = ("node", "function")
#: safetensors headers larger than this are not plausible for our models
_MAX_HEADER = 16 * 1024 * 1024


@dataclass
class Checkpoint:
    """A loaded checkpoint: the network (eval mode) and its metadata."""

    model: Any  # ContractGNN or Ensemble
    meta: dict[str, Any]
    path: Path

    @property
    def with_detectors(self) -> bool:
        return bool(self.meta["with_detectors"])

    @property
    def calibration(self) -> dict[str, dict[str, list[float]]]:
        return self.meta["calibration"]

    @property
    def thresholds(self) -> dict[str, dict[str, float]]:
        return effective_thresholds(self.meta)


def effective_thresholds(meta: dict[str, Any]) -> dict[str, dict[str, float]]:
    """The thresholds findings use: the calibrated ones, except that a model whose JSON
    says `"function_gate": false` reports a statement whatever its function scored
    (every function threshold 0; the calibrated ones stay in the JSON)."""
    values = {head: dict(v) for head, v in meta["thresholds"].items()}
    if meta.get("function_gate", True) is False:
        values["function"] = {c: 0.0 for c in values["function"]}
    return values


@dataclass
class CheckpointMeta:
    """What `save` needs besides the weights."""

    name: str
    with_detectors: bool
    net: dict[str, Any]
    hparams: dict[str, Any]
    calibration: dict[str, dict[str, list[float]]]
    thresholds: dict[str, dict[str, float]]
    data: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    seed: int = 0
    created: str = ""
    function_gate: bool = True


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def save(directory: Path, model: Any, meta: CheckpointMeta) -> Path:
    """Write `directory/model.safetensors` and `directory/model.json`; return directory."""
    import datetime

    import torch
    from safetensors.torch import save_file

    from contractml.graph import schema

    directory.mkdir(parents=True, exist_ok=True)
    weights = directory / WEIGHTS
    state = {k: v.detach().contiguous().clone() for k, v in model.state_dict().items()}
    save_file(state, str(weights), metadata={"format": str(FORMAT_VERSION)})
    weights.chmod(0o644)  # safetensors creates it private; a shipped model is readable
    document = {
        "format": FORMAT_VERSION,
        "name": meta.name,
        "created": meta.created or datetime.datetime.now(datetime.timezone.utc)
        .strftime("%Y-%m-%dT%H:%M:%SZ"),
        "schema_version": schema.SCHEMA_VERSION,
        "vocabulary_hash": schema.vocabulary_hash(meta.with_detectors),
        "with_detectors": meta.with_detectors,
        "categories": list(CATEGORIES),
        "net": meta.net,
        "hparams": meta.hparams,
        "calibration": meta.calibration,
        "thresholds": meta.thresholds,
        "function_gate": meta.function_gate,
        "weights_sha256": sha256_file(weights),
        "data": meta.data,
        "metrics": meta.metrics,
        "seed": meta.seed,
        "torch_version": torch.__version__,
    }
    (directory / META).write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    return directory


def _paths(path: Path) -> tuple[Path, Path]:
    """(weights, json) for a checkpoint folder or either of its two files."""
    if path.is_dir():
        return path / WEIGHTS, path / META
    if path.name in (WEIGHTS, META):
        return path.with_name(WEIGHTS), path.with_name(META)
    raise ModelError(f"{path}: not a model folder (expected {WEIGHTS} and {META} in it).")


def check_safetensors_header(weights: Path) -> None:
    """Refuse anything whose first bytes are not a safetensors header (pickles, zips)."""
    size = weights.stat().st_size
    with weights.open("rb") as handle:
        head = handle.read(8)
        if len(head) < 8:
            raise ModelError(f"{weights}: not a safetensors file (too short).")
        (length,) = struct.unpack("<Q", head)
        if length < 2 or length > min(_MAX_HEADER, size - 8):
            raise ModelError(f"{weights}: not a safetensors file "
                             "(refusing to read it; pickled weights are never loaded).")
        header = handle.read(length)
    try:
        parsed = json.loads(header.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ModelError(f"{weights}: not a safetensors file "
                         "(refusing to read it; pickled weights are never loaded).") from None
    if not isinstance(parsed, dict):
        raise ModelError(f"{weights}: not a safetensors file (bad header).")


_REQUIRED = ("format", "schema_version", "vocabulary_hash", "with_detectors", "categories",
             "net", "calibration", "thresholds", "weights_sha256")


def read_meta(path: Path) -> dict[str, Any]:
    """The checkpoint's JSON, checked for format and required keys (weights not read)."""
    weights, meta_path = _paths(path)
    if not meta_path.is_file():
        raise ModelError(f"{meta_path}: model description not found.")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{meta_path}: not valid JSON ({exc}).") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_VERSION:
        found = meta.get("format") if isinstance(meta, dict) else None
        raise ModelError(f"{meta_path}: checkpoint format {found!r}, this contractml reads "
                         f"format {FORMAT_VERSION}.")
    missing = [k for k in _REQUIRED if k not in meta]
    if missing:
        raise ModelError(f"{meta_path}: checkpoint description lacks {', '.join(missing)}.")
    return meta


def describe(meta: dict[str, Any], path: Path) -> dict[str, Any]:
    """What reports say about a model: name, weights hash, format, creation, features."""
    return {"name": meta.get("name") or path.name, "sha256": meta["weights_sha256"],
            "format": meta["format"], "created": meta.get("created", ""),
            "with_detectors": bool(meta["with_detectors"]), "path": str(path)}


def load(path: Path) -> Checkpoint:
    """Load and verify a checkpoint (see the module docstring); `ModelError` if anything
    does not match."""
    weights, meta_path = _paths(path)
    meta = verify(path)
    return Checkpoint(model=_build(meta, weights, meta_path), meta=meta, path=path)


def verify(path: Path) -> dict[str, Any]:
    """Every check of `load` that needs no torch (files, safetensors header, SHA-256,
    schema, vocabulary, categories, tables); the checkpoint's JSON."""
    from contractml.graph import schema

    weights, meta_path = _paths(path)
    meta = read_meta(path)
    _check_pinned(weights, meta["weights_sha256"], "weights", "model weights not found.")
    if meta["schema_version"] != schema.SCHEMA_VERSION:
        raise ModelError(f"{meta_path}: model built for graph schema "
                         f"{meta['schema_version']}, this contractml uses "
                         f"{schema.SCHEMA_VERSION}; retrain or use a matching version.")
    with_detectors = bool(meta["with_detectors"])
    if meta["vocabulary_hash"] != schema.vocabulary_hash(with_detectors):
        raise ModelError(f"{meta_path}: model built for another feature vocabulary "
                         "(vocabulary hash differs); retrain it with this contractml.")
    if list(meta["categories"]) != list(CATEGORIES):
        raise ModelError(f"{meta_path}: model categories {meta['categories']} differ from "
                         f"this contractml's {list(CATEGORIES)}.")
    for head in HEADS:
        for table in ("calibration", "thresholds"):
            entry = meta[table].get(head) if isinstance(meta[table], dict) else None
            if not isinstance(entry, dict) or set(entry) != set(CATEGORIES):
                raise ModelError(f"{meta_path}: {table} for the {head} head does not cover "
                                 "every category.")
    if not isinstance(meta.get("function_gate", True), bool):
        raise ModelError(f"{meta_path}: function_gate must be true or false.")
    verify_anomaly(path, meta)
    return meta


def verify_anomaly(path: Path, meta: dict[str, Any]) -> None:
    """The checks of the model's optional anomaly entry that need no torch: its keys,
    the file, its safetensors header and its pinned SHA-256. Nothing without an entry."""
    entry = meta.get(ANOMALY_KEY)
    if entry is None:
        return
    if not isinstance(entry, dict) or not all(
            k in entry for k in ("weights_sha256", "in_dim", "hparams")):
        raise ModelError(f"{path / META}: the anomaly entry needs weights_sha256, in_dim "
                         "and hparams.")
    _check_pinned(path / ANOMALY_FILE, entry["weights_sha256"], "anomaly weights",
                  f"anomaly weights not found (named in {META}).")


def _check_pinned(weights: Path, pinned: object, name: str, missing: str) -> None:
    """`weights` exists, is a safetensors file, and has the SHA-256 `pinned` in the
    model's JSON; `name` and `missing` word the errors."""
    if not weights.is_file():
        raise ModelError(f"{weights}: {missing}")
    check_safetensors_header(weights)
    digest = sha256_file(weights)
    if digest != pinned:
        raise ModelError(f"{weights}: SHA-256 {digest[:12]}... does not match the "
                         f"{str(pinned)[:12]}... pinned in {META}; the {name} were "
                         "changed or damaged.")


def _build(meta: dict[str, Any], weights: Path, meta_path: Path) -> Any:
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    from contractml.graph import schema
    from contractml.model.gnn import NetConfig, build_net

    try:
        config = NetConfig.from_dict(meta["net"])
        expected_dim = len(schema.feature_names(bool(meta["with_detectors"])))
        if config.in_dim != expected_dim:
            raise ModelError(f"{meta_path}: network input width {config.in_dim} does not "
                             f"match the {expected_dim} features of its vocabulary.")
        model = build_net(config)
    except (TypeError, ValueError) as exc:
        raise ModelError(f"{meta_path}: bad network description ({exc}).") from None
    try:
        state = load_file(str(weights))
    except (SafetensorError, OSError, ValueError) as exc:
        raise ModelError(f"{weights}: unreadable safetensors file ({exc}).") from None
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "mismatch"
        raise ModelError(f"{weights}: weights do not fit the network described in "
                         f"{META} ({first}).") from None
    model.eval()
    return model
