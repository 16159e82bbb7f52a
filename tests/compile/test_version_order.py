"""The compiler a file gets depends only on its pragmas, and a rejection falls through a
fixed order of other versions the pragma allows (deployed code that the newest patch of
its range, or the newest compiler, rejects)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from contractml.compile import backends
from contractml.compile.versions import SOLCJS_VERSIONS, Version
from tests.conftest import build_dir, write_sources

# `pure` exists from 0.4.17 on: an installed 0.4.9 would reject this file.
PURE = """\
pragma solidity >=0.4.1 <=0.4.20;
contract P {
    function f(uint x) public pure returns (uint) { return x + 1; }
}
"""

# solc 0.4.26 rejects a constant division by zero that 0.4.11 accepted.
DIVISION = """\
pragma solidity ^0.4.11;
contract D {
    uint constant ZERO = 0;
    function f() returns (uint) { return 10 / ZERO; }
}
"""

# 0.4 syntax without a pragma: `constant`, `throw`, a constructor named after its contract.
NO_PRAGMA = """\
contract Old {
    address owner;
    function Old() { owner = msg.sender; }
    function get() constant returns (uint) { if (msg.sender != owner) throw; return 1; }
}
"""


def _only(tmp_path: Path, versions: list[Version]) -> Path:
    """A solc-js folder holding just `versions` (links into the shared folder)."""
    folder = tmp_path / "solcjs-few"
    for version in versions:
        package = backends.install_solcjs(version)
        os.makedirs(folder / str(version) / "node_modules")
        (folder / str(version) / "node_modules" / "solc").symlink_to(package)
    return folder


def test_same_choice_with_and_without_other_versions_installed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_sources(tmp_path / "src", {"P.sol": PURE})
    warm = build_dir(root, None).files[0]  # the shared folder: many versions
    assert warm.ok, warm.error
    assert warm.outcome.version == Version(0, 4, 20)
    # A machine with only 0.4.9 (older than `pure`) and 0.4.20 installed.
    monkeypatch.setenv("CONTRACTML_SOLCJS_DIR", str(_only(
        tmp_path, [Version(0, 4, 9), Version(0, 4, 20)])))
    monkeypatch.setattr(backends, "installed_native", lambda: {})
    fresh = build_dir(root, None, offline=True).files[0]
    assert fresh.ok, fresh.error
    assert fresh.outcome.version == warm.outcome.version
    assert fresh.outcome.warnings == warm.outcome.warnings == []


def test_rejected_by_the_newest_patch_falls_back_to_the_oldest_allowed(
        tmp_path: Path) -> None:
    root = write_sources(tmp_path / "src", {"D.sol": DIVISION})
    report = build_dir(root, tmp_path / "cache").files[0]
    assert report.ok, report.error
    assert report.outcome.version == Version(0, 4, 11)
    (warning,) = report.outcome.warnings
    assert "solc 0.4.26 rejected this file" in warning and "Division by zero" in warning
    assert "compiled with solc 0.4.11" in warning


def test_no_pragma_falls_back_to_the_newest_of_each_older_line(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "src", {"Old.sol": NO_PRAGMA})
    report = build_dir(root, tmp_path / "cache").files[0]
    assert report.ok, report.error
    assert report.outcome.version == Version(0, 4, 26)
    newest = max(SOLCJS_VERSIONS)
    assert report.outcome.warnings[0].startswith("no `pragma solidity`")
    assert f"solc {newest} rejected this file" in report.outcome.warnings[1]
    assert "compiled with solc 0.4.26" in report.outcome.warnings[1]
    again = build_dir(root, tmp_path / "cache").files[0]  # the cache keeps the outcome
    assert again.outcome.cached and again.outcome.version == Version(0, 4, 26)
