"""Checkpoints: round trip, and every refusal (tampering, pickles, other vocabularies)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import torch

from contractml.errors import ModelError
from contractml.graph import schema
from contractml.model import CATEGORIES, checkpoint
from contractml.model.training import make_model

HPARAMS = {"arch": "rgcn", "hidden": 8, "layers": 1, "dropout": 0.0, "reverse_edges": True}


def _save(directory: Path, with_detectors: bool = False) -> torch.nn.Module:
    torch.manual_seed(0)
    model = make_model(len(schema.feature_names(with_detectors)), HPARAMS)
    meta = checkpoint.CheckpointMeta(
        name="tiny", with_detectors=with_detectors, net=model.config.to_dict(),
        hparams=HPARAMS,
        calibration={h: {c: [1.5, -0.25] for c in CATEGORIES} for h in checkpoint.HEADS},
        thresholds={h: {c: 0.4 for c in CATEGORIES} for h in checkpoint.HEADS},
        data={"manifest_sha256": "0" * 64}, metrics={"val": {}}, seed=7)
    checkpoint.save(directory, model, meta)
    return model


def _meta(directory: Path) -> dict:
    return json.loads((directory / checkpoint.META).read_text())


def _write_meta(directory: Path, meta: dict) -> None:
    (directory / checkpoint.META).write_text(json.dumps(meta))


def test_categories_match_the_datasets() -> None:
    from datasets.labels import CATEGORIES as DATASET_CATEGORIES

    assert CATEGORIES == DATASET_CATEGORIES


def test_round_trip(tmp_path: Path) -> None:
    model = _save(tmp_path)
    loaded = checkpoint.load(tmp_path)
    for key, value in model.state_dict().items():
        assert torch.equal(loaded.model.state_dict()[key], value), key
    meta = loaded.meta
    assert meta["format"] == checkpoint.FORMAT_VERSION
    assert meta["schema_version"] == schema.SCHEMA_VERSION
    assert meta["vocabulary_hash"] == schema.vocabulary_hash(False)
    assert meta["categories"] == list(CATEGORIES)
    assert meta["weights_sha256"] == checkpoint.sha256_file(tmp_path / checkpoint.WEIGHTS)
    assert meta["seed"] == 7 and meta["torch_version"] == torch.__version__
    assert loaded.calibration["node"]["reentrancy"] == [1.5, -0.25]
    assert loaded.thresholds["function"]["arithmetic"] == 0.4
    assert not loaded.model.training
    # either file of the pair names the checkpoint too
    assert checkpoint.load(tmp_path / checkpoint.META).meta == meta


def test_one_changed_byte_is_refused(tmp_path: Path) -> None:
    _save(tmp_path)
    weights = tmp_path / checkpoint.WEIGHTS
    data = bytearray(weights.read_bytes())
    data[-3] ^= 0x01  # inside the last tensor, the header stays valid
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="SHA-256"):
        checkpoint.load(tmp_path)


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # what a malicious "weights" pickle would do when unpickled
        return (Path.touch, (self.marker,))


def test_a_pickle_is_refused_without_being_unpickled(tmp_path: Path) -> None:
    model_dir = tmp_path / "model"
    _save(model_dir)
    marker = tmp_path / "pwned"
    payload = pickle.dumps({"weights": _Payload(marker)})
    (model_dir / checkpoint.WEIGHTS).write_bytes(payload)
    # the attacker also pins the pickle's hash: only the format check stands in the way
    meta = _meta(model_dir)
    meta["weights_sha256"] = checkpoint.sha256_file(model_dir / checkpoint.WEIGHTS)
    _write_meta(model_dir, meta)
    with pytest.raises(ModelError, match="not a safetensors file"):
        checkpoint.load(model_dir)
    assert not marker.exists()
    # the payload is real: unpickling it would have created the marker
    pickle.loads(payload)
    assert marker.exists()


@pytest.mark.parametrize(("key", "value", "message"), [
    ("vocabulary_hash", "f" * 64, "another feature vocabulary"),
    ("schema_version", schema.SCHEMA_VERSION + 1, "graph schema"),
    ("format", checkpoint.FORMAT_VERSION + 1, "checkpoint format"),
    ("categories", list(reversed(CATEGORIES)), "categories"),
    ("with_detectors", True, "another feature vocabulary"),
])
def test_mismatches_are_refused(tmp_path: Path, key: str, value: object,
                                message: str) -> None:
    _save(tmp_path)
    meta = _meta(tmp_path)
    meta[key] = value
    _write_meta(tmp_path, meta)
    with pytest.raises(ModelError, match=message):
        checkpoint.load(tmp_path)


def test_weights_that_do_not_fit_the_network_are_refused(tmp_path: Path) -> None:
    _save(tmp_path)
    meta = _meta(tmp_path)
    meta["net"]["hidden"] = 16
    _write_meta(tmp_path, meta)
    with pytest.raises(ModelError, match="do not fit"):
        checkpoint.load(tmp_path)


def test_missing_and_broken_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a model folder"):
        checkpoint.load(tmp_path / "nothing.bin")
    _save(tmp_path)
    (tmp_path / checkpoint.META).write_text("{not json")
    with pytest.raises(ModelError, match="not valid JSON"):
        checkpoint.load(tmp_path)
    _save(tmp_path)
    (tmp_path / checkpoint.WEIGHTS).unlink()
    with pytest.raises(ModelError, match="weights not found"):
        checkpoint.load(tmp_path)


def test_function_gate_off_zeroes_function_thresholds_only(tmp_path: Path) -> None:
    _save(tmp_path)
    assert checkpoint.load(tmp_path).thresholds["function"]["arithmetic"] == 0.4
    meta = _meta(tmp_path)
    assert meta["function_gate"] is True
    meta["function_gate"] = False
    _write_meta(tmp_path, meta)
    loaded = checkpoint.load(tmp_path)
    assert set(loaded.thresholds["function"].values()) == {0.0}
    assert set(loaded.thresholds["node"].values()) == {0.4}
    assert loaded.meta["thresholds"]["function"]["arithmetic"] == 0.4  # kept in the JSON
    meta["function_gate"] = "no"
    _write_meta(tmp_path, meta)
    with pytest.raises(ModelError, match="function_gate must be true or false"):
        checkpoint.verify(tmp_path)


def test_ensemble_round_trip(tmp_path: Path) -> None:
    from contractml.model.gnn import Ensemble, NetConfig

    torch.manual_seed(0)
    members = [make_model(len(schema.feature_names(False)), HPARAMS) for _ in range(2)]
    model = Ensemble(NetConfig.from_dict({**members[0].config.to_dict(), "members": 2}),
                     members)
    meta = checkpoint.CheckpointMeta(
        name="pair", with_detectors=False, net=model.config.to_dict(), hparams=HPARAMS,
        calibration={h: {c: [1.0, 0.0] for c in CATEGORIES} for h in checkpoint.HEADS},
        thresholds={h: {c: 0.5 for c in CATEGORIES} for h in checkpoint.HEADS})
    checkpoint.save(tmp_path, model, meta)
    loaded = checkpoint.load(tmp_path)
    assert isinstance(loaded.model, Ensemble)
    for key, value in model.state_dict().items():
        assert torch.equal(loaded.model.state_dict()[key], value), key
