"""Case 7 of issue #8: the same input gives byte-identical SARIF (and JSON): two scans
with fresh caches, `--jobs 1` against `--jobs 2`, cold against warm caches. The files
need three compiler versions, so the front end runs three independent jobs and two run
at once with `--jobs 2`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_sources
from tests.reliability.conftest import VAULT, run_scan

SOURCES = {
    "Vault.sol": VAULT,
    "Old7.sol": VAULT.replace("^0.8.0", "^0.7.0").replace("Vault", "Vault7"),
    "Old6.sol": VAULT.replace("^0.8.0", "^0.6.0").replace("Vault", "Vault6")
                     .replace("call{value: amount}", "call.value(amount)"),
    "Broken.sol": "pragma solidity ^0.8.0;\ncontract Broken { function f() public { "
                  "return ; }\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sources(tmp_path_factory.mktemp("determinism") / "project", SOURCES)


def test_identical_sarif_across_runs_jobs_and_caches(
        project: Path, tmp_path: Path, tiny_model: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    outputs: dict[str, str] = {}
    for label, cache, jobs in [("cold-a-j1", "a", "1"), ("cold-b-j2", "b", "2"),
                               ("warm-a-j2", "a", "2"), ("warm-b-j1", "b", "1"),
                               ("nocache-j2", None, "2")]:
        for fmt in ("sarif", "json"):
            code, out, err = run_scan(
                [str(project), "--jobs", jobs, "--format", fmt, "--fail-on", "none"],
                model=tiny_model, cache=tmp_path / cache if cache else None, capsys=capsys)
            assert code == 0, err
            outputs[f"{label}.{fmt}"] = out
    import json

    assert json.loads(outputs["cold-a-j1.json"])["files_scanned"] == [
        "Old6.sol", "Old7.sol", "Vault.sol"]
    for fmt in ("sarif", "json"):
        first = outputs[f"cold-a-j1.{fmt}"]
        assert "Old6.sol" in first and "Old7.sol" in first and "Broken.sol" in first
        for label in ("cold-b-j2", "warm-a-j2", "warm-b-j1", "nocache-j2"):
            assert outputs[f"{label}.{fmt}"] == first, (label, fmt)


def test_a_warm_scan_reports_what_a_cold_one_does_whatever_was_scanned_before(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Slither reports the imported file's state writes only beside the batch that calls
    it after sending ether (the shipped model reports it as reentrancy). Scanning the
    library folder alone first, or the whole project first, leaves the cache holding
    that file's record and findings from another file set; each scan still reports what
    a cold scan of the same paths does."""
    import json

    from contractml.model import DEFAULT_MODEL_DIR
    from tests.test_pipeline_jobs import _BATCH, _COUNTER

    root = write_sources(tmp_path / "p", {"contracts/lib/Counter.sol": _COUNTER,
                                          "contracts/Batch.sol": _BATCH,
                                          "hardhat.config.js": "module.exports = {};\n"})
    whole, lib = str(root), str(root / "contracts" / "lib")

    def lines(path: str, cache: str) -> list[tuple[str, int, str]]:
        code, out, err = run_scan([path, "--format", "json", "--fail-on", "none"],
                                  model=DEFAULT_MODEL_DIR, cache=tmp_path / cache,
                                  capsys=capsys)
        assert code == 0, err
        return [(f["file"], f["start_line"], f["category"])
                for f in json.loads(out)["findings"]]

    cold_whole, cold_lib = lines(whole, "cold-whole"), lines(lib, "cold-lib")
    assert ("contracts/lib/Counter.sol", 7, "reentrancy") in cold_whole
    assert cold_lib == []
    assert lines(lib, "lib-first") == cold_lib
    assert lines(whole, "lib-first") == cold_whole
    assert lines(whole, "whole-first") == cold_whole
    assert lines(lib, "whole-first") == cold_lib
    assert lines(whole, "whole-first") == cold_whole
