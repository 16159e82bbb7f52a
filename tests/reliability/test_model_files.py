"""Case 6 of issue #8: model files a user (or an attacker) can hand to `--model`. A weights
file whose checksum does not match, and a pickle carrying a `__reduce__` payload, are
refused with one `contractml: error: ...` line and exit 2; the payload never runs.
(The checkpoint helper's own refusals are unit-tested in tests/model/test_checkpoint.py.)
"""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

from contractml.model import checkpoint
from tests.conftest import write_sources
from tests.reliability.conftest import VAULT, assert_one_clean_error, run_scan


class Payload:
    """What a malicious pickle does when it is loaded: run code (here: create a file)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (Path.touch, (self.marker,))


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return write_sources(tmp_path / "p", {"Vault.sol": VAULT})


def _copy(model: Path, target: Path) -> Path:
    shutil.copytree(model, target)
    return target


def test_payload_guard_really_runs_when_unpickled(tmp_path: Path) -> None:
    """The payload works: loading it with pickle creates the marker."""
    marker = tmp_path / "ran"
    pickle.loads(pickle.dumps(Payload(marker)))
    assert marker.exists()


def test_weights_with_a_wrong_checksum_are_refused(
        tmp_path: Path, project: Path, tiny_model: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    model = _copy(tiny_model, tmp_path / "model")
    weights = model / checkpoint.WEIGHTS
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0x01  # one bit of one weight
    weights.write_bytes(bytes(data))
    code, out, err = run_scan([str(project)], model=model, cache=None, capsys=capsys)
    line = assert_one_clean_error(code, err)
    assert "does not match" in line and "SHA-256" in line
    assert out == ""


@pytest.mark.parametrize("pin", [True, False], ids=["hash-pinned", "hash-not-pinned"])
def test_a_pickle_is_refused_and_never_runs(tmp_path: Path, project: Path,
                                            tiny_model: Path, pin: bool,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    model = _copy(tiny_model, tmp_path / "model")
    marker = tmp_path / "payload-ran"
    weights = model / checkpoint.WEIGHTS
    weights.write_bytes(pickle.dumps({"state_dict": Payload(marker)}))
    for name in ("model.pt", "pytorch_model.bin", "model.pkl"):  # bait beside it
        (model / name).write_bytes(pickle.dumps(Payload(marker)))
    if pin:  # the attacker also pins the pickle's hash in model.json
        meta = json.loads((model / checkpoint.META).read_text())
        meta["weights_sha256"] = checkpoint.sha256_file(weights)
        (model / checkpoint.META).write_text(json.dumps(meta))
    code, _, err = run_scan([str(project)], model=model, cache=None, capsys=capsys)
    line = assert_one_clean_error(code, err)
    assert "not a safetensors file" in line and "pickled weights are never loaded" in line
    assert not marker.exists()


def test_a_model_folder_without_a_model_is_refused(tmp_path: Path, project: Path,
                                                   capsys: pytest.CaptureFixture[str]
                                                   ) -> None:
    empty = tmp_path / "empty-model"
    empty.mkdir()
    code, _, err = run_scan([str(project)], model=empty, cache=None, capsys=capsys)
    assert "model.json" in assert_one_clean_error(code, err)
