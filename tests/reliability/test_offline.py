"""Case 2 of issue #8: `--offline` with no compiler for a needed version: one clear
message, exit 2, and no attempt to reach the network (sockets and npm are forbidden for
the duration of the scan, and py-solc-x is never asked)."""

from __future__ import annotations

import json
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from contractml.compile import backends
from tests.conftest import write_sources
from tests.reliability.conftest import VAULT, assert_one_clean_error, failures_of, run_scan

NEEDS_0_8_20 = "pragma solidity 0.8.20;\ncontract Pinned {\n    uint256 x;\n" \
               "    function set(uint256 v) public { x = v; }\n}\n"


class NetworkAttempt(AssertionError):
    pass


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail loudly on any connection, npm run or py-solc-x download; record attempts."""
    attempts: list[str] = []

    def connect(self: socket.socket, address: object) -> None:
        attempts.append(f"socket.connect {address!r}")
        raise NetworkAttempt(f"network connection attempted: {address!r}")

    real_run = subprocess.run
    real_popen_init = subprocess.Popen.__init__

    def guard(cmd: object) -> None:
        text = " ".join(map(str, cmd)) if isinstance(cmd, (list, tuple)) else str(cmd)
        if "npm" in text.split("/")[-1] or " npm " in f" {text} " or text.endswith("npm"):
            attempts.append(f"subprocess {text}")
            raise NetworkAttempt(f"npm run attempted: {text}")

    def run(cmd: object, *args: object, **kwargs: object) -> object:
        guard(cmd)
        return real_run(cmd, *args, **kwargs)  # type: ignore[call-overload]

    def popen_init(self: subprocess.Popen, cmd: object, *args: object, **kwargs: object
                   ) -> None:
        guard(cmd)
        real_popen_init(self, cmd, *args, **kwargs)  # type: ignore[arg-type]

    def solcx(version: object) -> None:
        attempts.append(f"py-solc-x install {version}")
        raise NetworkAttempt("py-solc-x download attempted")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.setattr(subprocess.Popen, "__init__", popen_init)
    monkeypatch.setattr(backends, "_try_solcx_install", solcx)
    monkeypatch.setattr(backends, "installed_native", lambda: {})
    yield attempts


@pytest.fixture()
def empty_solcjs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "no-solcjs"
    folder.mkdir()
    monkeypatch.setenv("CONTRACTML_SOLCJS_DIR", str(folder))
    return folder


def test_guard_catches_npm(no_network: list[str]) -> None:
    """The guard itself works (a test that cannot fail is a defect)."""
    with pytest.raises(NetworkAttempt):
        subprocess.run(["npm", "install", "solc@0.8.20"], check=False)
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("registry.npmjs.org", 443), timeout=1)
    assert len(no_network) == 2


def test_no_compiler_for_any_file_is_one_clear_error(
        tmp_path: Path, empty_solcjs: Path, no_network: list[str], tiny_model: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = write_sources(tmp_path / "p", {"Pinned.sol": NEEDS_0_8_20})
    code, out, err = run_scan([str(root), "--format", "sarif"], model=tiny_model, cache=None,
                              capsys=capsys)
    line = assert_one_clean_error(code, err)
    assert "solc 0.8.20 is needed but not installed" in line and "--offline" in line
    assert "npm install" in line  # says what to install
    assert out == ""
    assert no_network == []


def test_missing_compiler_for_one_file_fails_that_file_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_network: list[str],
        tiny_model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """0.8.37 installed, 0.8.20 not: the pinned file fails with the message, the other is
    scanned, and nothing reaches for the network."""
    installed = backends.installed_solcjs()
    assert any(str(v) == "0.8.37" for v in installed)
    root = write_sources(tmp_path / "p", {"Pinned.sol": NEEDS_0_8_20, "Vault.sol": VAULT})
    code, out, err = run_scan([str(root), "--format", "json", "--fail-on", "none"],
                              model=tiny_model, cache=None, capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["files_scanned"] == ["Vault.sol"]
    failure = failures_of(out)["Pinned.sol"]
    assert failure["stage"] == "compile"
    assert "solc 0.8.20 is needed but not installed" in failure["message"]
    assert no_network == []
