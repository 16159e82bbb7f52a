"""Case 5 of issue #8: paths. Symlinks leading outside the scanned root are not followed
(a notice says so); `..` and absolute paths in remappings and imports cannot make the
scan read outside the folders it may read (only a `--remap` target the user names may
be outside); spaces and unicode in names work and SARIF URIs stay relative and
percent-encoded. An audit hook records every file and folder the scan opens."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write_sources
from tests.reliability.conftest import VAULT, failures_of, run_scan

SECRET = "pragma solidity ^0.8.0;\ncontract Secret { uint256 private key = 42; }\n"
_OPENED: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if _OPENED is not None and event in ("open", "os.listdir", "os.scandir") and args:
        target = args[0]
        if isinstance(target, (str, bytes, os.PathLike)):
            _OPENED.append(os.fsdecode(target))


sys.addaudithook(_audit)  # hooks cannot be removed: this one records only when asked


@pytest.fixture()
def opened() -> Iterator[list[str]]:
    """Paths opened (files, folder listings) in this process while the test runs."""
    global _OPENED
    _OPENED = []
    try:
        yield _OPENED
    finally:
        _OPENED = None


@pytest.fixture()
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """(repository, outside): a git work tree holding the project, and a folder beside
    it with a Solidity file and a non-Solidity secret."""
    outside = write_sources(tmp_path / "outside", {"Secret.sol": SECRET,
                                                   "secret.txt": "password=hunter2\n"})
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    return repo, outside


def _touched(opened: list[str], folder: Path) -> list[str]:
    real = str(folder.resolve())
    return [p for p in opened if os.path.realpath(p).startswith(real)]


def test_symlinks_leading_outside_are_not_followed(
        layout: tuple[Path, Path], opened: list[str], tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    repo, outside = layout
    project = write_sources(repo / "project", {"Vault.sol": VAULT})
    (project / "Linked.sol").symlink_to(outside / "Secret.sol")
    (project / "linked-dir").symlink_to(outside, target_is_directory=True)
    code, out, err = run_scan([str(project), "--format", "json", "--fail-on", "none"],
                              model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["files_scanned"] == ["Vault.sol"] and report["failures"] == []
    notices = " ".join(report["notices"])
    assert "Linked.sol (symlink leading outside the root)" in notices
    assert "linked-dir/ (symlink leading outside the root)" in notices
    assert _touched(opened, outside) == []


def test_remappings_and_imports_cannot_leave_the_repository(
        layout: tuple[Path, Path], opened: list[str], tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    repo, outside = layout
    project = write_sources(repo / "project", {
        "remappings.txt": "up/=../../outside/\nabs/=" + str(outside) + "/\n",
        "Vault.sol": VAULT,
        "ViaDotDot.sol": 'pragma solidity ^0.8.0;\nimport "up/Secret.sol";\ncontract A {}\n',
        "ViaAbsolute.sol": 'pragma solidity ^0.8.0;\nimport "abs/Secret.sol";\n'
                           "contract B {}\n",
        "Climbing.sol": 'pragma solidity ^0.8.0;\nimport "../../outside/Secret.sol";\n'
                        "contract C {}\n",
        "NotSolidity.sol": 'pragma solidity ^0.8.0;\nimport "../../outside/secret.txt";\n'
                           "contract D {}\n",
        "AbsoluteImport.sol": f'pragma solidity ^0.8.0;\nimport "{outside}/Secret.sol";\n'
                              "contract E {}\n",
    })
    code, out, err = run_scan([str(project), "--format", "json", "--fail-on", "none"],
                              model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["files_scanned"] == ["Vault.sol"]
    failures = failures_of(out)
    assert set(failures) == {"ViaDotDot.sol", "ViaAbsolute.sol", "Climbing.sol",
                             "NotSolidity.sol", "AbsoluteImport.sol"}
    for failure in failures.values():
        assert failure["stage"] == "compile"
        assert "outside the folders contractml may read, not read" in failure["message"]
        assert "--remap" in failure["message"]
    assert _touched(opened, outside) == []
    assert "hunter2" not in out + err


def test_a_remapping_the_user_names_may_lead_outside(
        layout: tuple[Path, Path], tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """e.g. the lib/ of a parent repository: named on the command line, it is read."""
    repo, outside = layout
    project = write_sources(repo / "project", {
        "Uses.sol": 'pragma solidity ^0.8.0;\nimport "shared/Secret.sol";\n'
                    "contract Uses is Secret {}\n"})
    code, out, err = run_scan([str(project), "--remap", f"shared/={outside}/",
                               "--format", "json", "--fail-on", "none"],
                              model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["files_scanned"] == ["Uses.sol"]


def test_relative_imports_may_climb_inside_the_repository(
        layout: tuple[Path, Path], tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    repo, _ = layout
    write_sources(repo, {"lib/Lib.sol": "pragma solidity ^0.8.0;\nlibrary Lib { function "
                                        "one() internal pure returns (uint256) "
                                        "{ return 1; } }\n",
                         "src/app/App.sol": 'pragma solidity ^0.8.0;\n'
                                            'import "../../lib/Lib.sol";\ncontract App { '
                                            "function f() external pure returns (uint256) "
                                            "{ return Lib.one(); } }\n"})
    code, out, err = run_scan([str(repo / "src" / "app"), "--format", "json",
                               "--fail-on", "none"], model=tiny_model, cache=cache,
                              capsys=capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["files_scanned"] == ["src/app/App.sol"]


def test_widened_root_is_announced(layout: tuple[Path, Path], tiny_model: Path,
                                   cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, _ = layout
    write_sources(repo, {"lib/Lib.sol": "pragma solidity ^0.8.0;\nlibrary Lib {}\n",
                         "src/App.sol": 'pragma solidity ^0.8.0;\nimport "../lib/Lib.sol";'
                                        "\ncontract App {}\n"})
    code, out, _ = run_scan([str(repo / "src"), "--format", "json", "--fail-on", "none"],
                            model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0
    assert any("root widened" in n for n in json.loads(out)["notices"])


def test_spaces_and_unicode_in_names_and_relative_sarif_uris(
        tmp_path: Path, tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    project = write_sources(tmp_path / "my project", {
        "contrats à vérifier/Coffre fort ✓.sol": VAULT,
        "Other.sol": 'pragma solidity ^0.8.0;\nimport "./contrats à vérifier/Coffre fort ✓.sol";'
                     "\ncontract Other is Vault {}\n"})
    code, out, err = run_scan([str(project), "--format", "sarif", "--fail-on", "none"],
                              model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0, err
    run = json.loads(out)["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"]}
    assert "contrats%20%C3%A0%20v%C3%A9rifier/Coffre%20fort%20%E2%9C%93.sol" in uris
    assert all(not u.startswith(("/", "file:")) and " " not in u for u in uris)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"]
            for r in run["results"]} == {"%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/my%20project/")
