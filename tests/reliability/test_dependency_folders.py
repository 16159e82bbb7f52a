"""Which folders a scan leaves out as dependencies (issue #27): `node_modules/` anywhere
and the root's `lib/` beside `foundry.toml`, each named in a notice in every format; a
project's own `contracts/lib/` is analysed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractml.compile.project import discover
from tests.conftest import write_sources
from tests.reliability.conftest import run_scan

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NESTED = FIXTURES / "hardhat-nested-lib"
FOUNDRY = FIXTURES / "foundry"
DEPENDENCY_NOTICE = "dependency folders not analysed (read for imports only): "


def test_nested_lib_of_a_hardhat_project_is_analysed(
        tiny_model: Path, cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_scan([str(NESTED), "--format", "json", "--fail-on", "none"],
                              model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["files_scanned"] == ["contracts/Escrow.sol", "contracts/lib/TransferLib.sol",
                                       "contracts/lib/math/Fees.sol"]
    assert report["failures"] == []
    flagged = {f["file"] for f in report["findings"]}
    assert {"contracts/lib/TransferLib.sol", "contracts/lib/math/Fees.sol"} <= flagged
    assert not any(n.startswith(DEPENDENCY_NOTICE) for n in report["notices"])


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "markdown"])
def test_foundry_root_lib_is_skipped_and_named_in_every_format(
        fmt: str, tiny_model: Path, cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_scan([str(FOUNDRY), "--format", fmt, "--fail-on", "none"],
                              model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0, err
    assert f"{DEPENDENCY_NOTICE}lib/" in out
    if fmt == "json":
        report = json.loads(out)
        assert report["files_scanned"] == ["src/Vault.sol", "src/utils/Math.sol"]
        assert f"{DEPENDENCY_NOTICE}lib/" in report["notices"]
    if fmt == "sarif":
        notes = [n["message"]["text"] for n in
                 json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]]
        assert f"{DEPENDENCY_NOTICE}lib/" in notes


def test_only_the_roots_dependency_folders_are_left_out(tmp_path: Path) -> None:
    body = "pragma solidity ^0.8.0;\ncontract C {}\n"
    write_sources(tmp_path / "foundry", {
        "foundry.toml": "[profile.default]\n", "src/A.sol": body, "src/lib/B.sol": body,
        "lib/dep/src/D.sol": body, "src/node_modules/x/N.sol": body})
    project = discover([tmp_path / "foundry"])
    assert [p.relative_to(tmp_path / "foundry").as_posix() for p in project.targets] == [
        "src/A.sol", "src/lib/B.sol"]
    assert project.notices[0] == f"{DEPENDENCY_NOTICE}lib/, src/node_modules/"

    # Without foundry.toml, a root lib/ is a dependency folder only when a remapping
    # points into it.
    write_sources(tmp_path / "hardhat", {
        "hardhat.config.js": "module.exports = {};\n", "contracts/A.sol": body,
        "lib/L.sol": body})
    assert len(discover([tmp_path / "hardhat"]).targets) == 2
    write_sources(tmp_path / "hardhat", {"remappings.txt": "dep/=lib/dep/\n"})
    remapped = discover([tmp_path / "hardhat"])
    assert [p.name for p in remapped.targets] == ["A.sol"]
    assert remapped.notices == (f"{DEPENDENCY_NOTICE}lib/",)


def test_test_scaffolding_below_a_framework_root_is_named_and_kept_on_request(
        tmp_path: Path) -> None:
    """`src/test/` and `contracts/mocks/` below a framework root hold harnesses and mocks:
    left out with a notice naming them, analysed with --include-tests; a plain folder
    keeps everything."""
    contract = "pragma solidity ^0.8.0;\ncontract C {}\n"
    root = write_sources(tmp_path / "proj", {
        "hardhat.config.js": "module.exports = {};\n",
        "contracts/Pool.sol": contract,
        "contracts/test/PoolHarness.sol": contract,
        "contracts/mocks/OracleMock.sol": contract,
        "contracts/testing/Helpers.sol": contract,
    })
    project = discover([root])
    assert sorted(p.relative_to(root).as_posix() for p in project.targets) == [
        "contracts/Pool.sol", "contracts/testing/Helpers.sol"]
    skipped = " ".join(n for n in project.notices if n.startswith("skipped: "))
    assert "contracts/test/" in skipped and "contracts/mocks/" in skipped
    kept = discover([root], keep_tests=True)
    assert len(kept.targets) == 4
    plain = write_sources(tmp_path / "plain", {"a/test/T.sol": contract, "a/B.sol": contract})
    assert len(discover([plain]).targets) == 2
