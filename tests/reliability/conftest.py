"""Helpers for the reliability tests (issue #8): a tiny model that flags every statement
(so "analysed" shows as findings), scans through `main(argv)`, and small contracts.

The model is untrained on purpose: these tests are about what happens to input, not
about what the model finds. Thresholds of 0 make every statement a finding, so a file
that was analysed has findings and a file that was lost has none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from contractml.cli import main

HPARAMS = {"arch": "rgcn", "hidden": 8, "layers": 1, "dropout": 0.0, "reverse_edges": True}

#: A small contract with one statement per line (a finding per statement with the tiny
#: model); used by several tests.
VAULT = """\
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract Vault {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "send failed");
        balances[msg.sender] = 0;
    }
}
"""


def save_tiny_model(directory: Path) -> Path:
    """An untrained checkpoint whose thresholds flag every statement."""
    import torch

    from contractml.graph import schema
    from contractml.model import CATEGORIES, checkpoint
    from contractml.model.training import make_model

    torch.manual_seed(0)
    model = make_model(len(schema.feature_names(False)), HPARAMS)
    meta = checkpoint.CheckpointMeta(
        name="reliability-tiny", with_detectors=False, net=model.config.to_dict(),
        hparams=HPARAMS,
        calibration={h: {c: [1.0, 0.0] for c in CATEGORIES} for h in checkpoint.HEADS},
        thresholds={h: {c: 0.0 for c in CATEGORIES} for h in checkpoint.HEADS},
        data={}, metrics={}, seed=0, created="2026-01-01T00:00:00Z")
    return checkpoint.save(directory, model, meta)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_tiny_model(tmp_path_factory.mktemp("tiny-model"))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One compile/front-end/findings cache per test module."""
    return tmp_path_factory.mktemp("reliability-cache")


def run_scan(args: Sequence[str], *, model: Path, cache: Path | None,
             capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`contractml scan --offline --model MODEL [--cache-dir CACHE | --no-cache] ARGS`:
    (exit code, stdout, stderr)."""
    head = ["scan", "--offline", "--model", str(model), "--no-progress"]
    head += ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    code = main([*head, *args])
    out, err = capsys.readouterr()
    return code, out, err


def failures_of(json_text: str) -> dict[str, dict[str, str]]:
    """file -> {stage, message} from a JSON report."""
    return {f["file"]: f for f in json.loads(json_text)["failures"]}


def sarif_notifications(sarif_text: str) -> list[dict]:
    return json.loads(sarif_text)["runs"][0]["invocations"][0]["toolExecutionNotifications"]


def assert_one_clean_error(code: int, err: str, expected_code: int = 2) -> str:
    """Exit `expected_code`, one `contractml: error: ...` line, no traceback."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == expected_code, err
    assert "Traceback" not in err and "internal error" not in err, err
    errors = [line for line in lines if line.startswith("contractml: error: ")]
    assert len(errors) == 1, err
    return errors[0]
