"""Compiler backends: --offline without compilers, a user-given native solc, and the
version each file's pragmas select, end to end."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from contractml.cli import main
from contractml.compile import backends
from contractml.compile.driver import CompileOptions
from contractml.compile.pragma import Constraint
from contractml.compile.project import discover
from contractml.compile.versions import SOLCJS_VERSIONS, Version
from contractml.errors import ConfigError, NoCompilerError
from contractml.pipeline import BuildResult, build
from tests.conftest import build_dir, reports_by_unit, write_sources

HEADER = "// SPDX-License-Identifier: MIT\n"

SIMPLE_08 = HEADER + """pragma solidity ^0.8.0;

contract Simple {
    uint256 public value;

    function set(uint256 v) external {
        if (v > 100) {
            value = 100;
        } else {
            value = v;
        }
    }
}
"""


def _forbidden(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("a compiler download was attempted")


@pytest.fixture
def no_compilers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No native solc, an empty solc-js folder, and downloads that fail the test."""
    empty = tmp_path / "solcjs-empty"
    empty.mkdir()
    monkeypatch.setenv("CONTRACTML_SOLCJS_DIR", str(empty))
    monkeypatch.setattr(backends, "installed_native", lambda: {})
    monkeypatch.setattr(backends, "install_solcjs", _forbidden)
    monkeypatch.setattr(backends, "_try_solcx_install", _forbidden)
    return empty


def _offline_build(project_dir: Path, cache: Path, **options: object) -> list[str]:
    """The messages an offline build gives: its NoCompilerError, or each file's error."""
    try:
        result = build_dir(project_dir, cache, offline=True, **options)
    except NoCompilerError as exc:
        return [exc.message]
    assert result.files
    assert not any(r.ok for r in result.files)
    assert all(r.stage == "compile" and r.outcome.unit is None for r in result.files)
    return [r.error or "" for r in result.files]


# --------------------------------------------------------------------------- offline


def test_offline_without_compilers_compiles_nothing_and_downloads_nothing(
        tmp_path: Path, no_compilers: Path) -> None:
    write_sources(tmp_path / "src", {"Simple.sol": SIMPLE_08, "Other.sol": SIMPLE_08.replace(
        "Simple", "Other")})
    assert backends.installed_versions() == set()
    messages = _offline_build(tmp_path / "src", tmp_path / "cache")
    assert messages and all(messages)
    assert all("--offline" in m or "offline" in m for m in messages)
    assert list(no_compilers.iterdir()) == []  # nothing was installed


def test_offline_without_compilers_says_what_to_install(tmp_path: Path,
                                                        no_compilers: Path) -> None:
    write_sources(tmp_path / "src", {"Simple.sol": SIMPLE_08})
    messages = _offline_build(tmp_path / "src", tmp_path / "cache")
    # Says how to get one: an install command, or --solc PATH.
    assert all(re.search(r"npm install|solc-select install|--solc PATH", m) for m in messages), \
        messages


def test_offline_forced_version_raises_with_install_hint(tmp_path: Path,
                                                         no_compilers: Path) -> None:
    write_sources(tmp_path / "src", {"Simple.sol": SIMPLE_08})
    with pytest.raises(NoCompilerError) as info:
        build_dir(tmp_path / "src", tmp_path / "cache", offline=True, solc_version="0.8.20")
    message = info.value.message
    assert "solc 0.8.20 is needed" in message
    assert f"npm install --prefix {no_compilers / '0.8.20'} solc@0.8.20" in message
    assert "solc-select install 0.8.20" in message
    assert "--solc PATH" in message


def test_offline_forced_version_cli_error_line(tmp_path: Path, no_compilers: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    write_sources(tmp_path / "src", {"Simple.sol": SIMPLE_08})
    code = main(["compile", str(tmp_path / "src"), "--offline", "--solc-version", "0.8.7",
                 "--cache-dir", str(tmp_path / "cache")])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("contractml: error:")]
    assert len(lines) == 1
    assert "solc 0.8.7 is needed" in lines[0]
    assert "solc@0.8.7-fixed" in lines[0]  # npm republished 0.8.7 as 0.8.7-fixed


# --------------------------------------------------------------------------- --solc PATH


def _solcjs_package(major_minor: tuple[int, int]) -> tuple[Version, Path]:
    found = {v: p for v, p in backends.installed_solcjs().items()
             if (v.major, v.minor) == major_minor}
    if not found:
        pytest.skip(f"no solc-js {major_minor[0]}.{major_minor[1]}.x installed in "
                    f"{backends.solcjs_dir()}")
    version = max(found)
    return version, found[version]


FAKE_RUNNER = """\
// A stand-in for a native solc: standard JSON on stdin, solc-js's answer on stdout.
const fs = require('fs');
const solc = require(process.argv[2]);
process.stdout.write(solc.compile(fs.readFileSync(0, 'utf8')));
"""


@pytest.fixture(scope="module")
def fake_solc(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Version]:
    """An executable named `solc` that answers `--version` like solc and runs standard
    JSON through an installed solc-js (no import callback, like a native solc)."""
    version, package = _solcjs_package((0, 8))
    folder = tmp_path_factory.mktemp("fake-solc")
    runner = folder / "runner.js"
    runner.write_text(FAKE_RUNNER, encoding="utf-8")
    script = folder / "solc"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "--version" ]; then\n'
        '  echo "solc, the solidity compiler commandline interface"\n'
        f'  echo "Version: {version}+commit.8a97fa7a.Linux.g++"\n'
        "  exit 0\n"
        "fi\n"
        f'exec node "{runner}" "{package}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return script, version


def test_user_compiler_reads_version(fake_solc: tuple[Path, Version]) -> None:
    script, version = fake_solc
    compiler = backends.user_compiler(str(script))
    assert compiler.version == version
    assert compiler.kind == "native"
    assert compiler.path == script
    assert compiler.describe() == f"solc {version} (native)"


def test_build_with_user_native_solc(tmp_path: Path, fake_solc: tuple[Path, Version],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    script, version = fake_solc
    monkeypatch.setattr(backends, "install_solcjs", _forbidden)
    write_sources(tmp_path / "src", {
        "Simple.sol": SIMPLE_08,
        "Uses.sol": HEADER + 'pragma solidity >=0.8.0;\nimport "./Simple.sol";\n'
                    "contract Uses is Simple {\n    function bump() external {\n"
                    "        value += 1;\n    }\n}\n",
    })
    result = build_dir(tmp_path / "src", tmp_path / "cache", solc=str(script))
    reports = reports_by_unit(result)
    assert sorted(reports) == ["Simple.sol", "Uses.sol"]
    for report in result.files:
        assert report.ok, report.error
        assert report.outcome.compiler == f"solc {version} (native)"
        assert report.outcome.version == version
        assert report.record is not None and report.record.solc_version == str(version)
        assert report.record.node_count > 0
    uses = reports["Uses.sol"].record
    assert uses is not None
    assert [c.name for c in uses.contracts] == ["Uses"]
    assert uses.contracts[0].inherits == ("Simple",)


def test_user_native_solc_reports_solc_errors(tmp_path: Path,
                                              fake_solc: tuple[Path, Version]) -> None:
    script, _ = fake_solc
    write_sources(tmp_path / "src", {
        "Simple.sol": SIMPLE_08,
        "Bad.sol": SIMPLE_08.replace("value = 100;", "value = true;").replace(
            "Simple", "Bad"),
    })
    result = build_dir(tmp_path / "src", None, solc=str(script))
    reports = reports_by_unit(result)
    assert reports["Simple.sol"].ok
    bad = reports["Bad.sol"]
    assert not bad.ok and bad.stage == "compile"
    assert bad.error is not None and "TypeError" in bad.error


def test_user_compiler_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        backends.user_compiler(str(tmp_path / "no-solc-here"))


def test_user_compiler_not_solc(tmp_path: Path) -> None:
    impostor = tmp_path / "solc"
    impostor.write_text("#!/bin/sh\necho 'hello'\n", encoding="utf-8")
    impostor.chmod(0o755)
    with pytest.raises(ConfigError, match="does not answer `--version` like solc"):
        backends.user_compiler(str(impostor))


def test_cli_missing_solc_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_sources(tmp_path / "src", {"Simple.sol": SIMPLE_08})
    code = main(["compile", str(tmp_path / "src"), "--solc", str(tmp_path / "nope"),
                 "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2
    assert "contractml: error: --solc" in err and "no such file" in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- pragmas


def test_pragma_range_picks_the_newest_release_it_allows(tmp_path: Path) -> None:
    pragma = ">=0.6.0 <0.7.0"
    constraint = Constraint.parse(pragma)
    write_sources(tmp_path / "src", {
        "Six.sol": HEADER + f"pragma solidity {pragma};\n\ncontract Six {{\n"
                   "    function f(uint256 x) external pure returns (uint256) {\n"
                   "        return x + 1;\n    }\n}\n"})
    result = build_dir(tmp_path / "src", tmp_path / "cache")
    report = result.files[0]
    assert report.ok, report.error
    # The newest release the pragma allows, whatever is installed on this machine.
    assert report.outcome.version == max(v for v in SOLCJS_VERSIONS
                                         if constraint.satisfied_by(v))
    assert report.record is not None and report.record.solc_version == "0.6.12"


@pytest.fixture
def only_06_and_07(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[
        tuple[Version, Version]]:
    """A solc-js folder holding just the newest installed 0.6.x and 0.7.x (symlinks into
    the shared folder), no native solc, downloads forbidden."""
    v06, p06 = _solcjs_package((0, 6))
    v07, p07 = _solcjs_package((0, 7))
    if (v06, v07) != (Version(0, 6, 12), Version(0, 7, 6)):
        pytest.skip("needs solc-js 0.6.12 and 0.7.6 installed")
    folder = tmp_path / "solcjs-06-07"
    for version, package in ((v06, p06), (v07, p07)):
        os.makedirs(folder / str(version) / "node_modules")
        (folder / str(version) / "node_modules" / "solc").symlink_to(package)
    monkeypatch.setenv("CONTRACTML_SOLCJS_DIR", str(folder))
    monkeypatch.setattr(backends, "installed_native", lambda: {})
    monkeypatch.setattr(backends, "install_solcjs", _forbidden)
    monkeypatch.setattr(backends, "_try_solcx_install", lambda version: None)
    assert backends.installed_versions() == {v06, v07}
    yield v06, v07


CONTRACT_BODY = """
contract {name} {{
    uint256 public n;

    function f(uint256 x) external returns (uint256) {{
        n = x;
        return x * 2;
    }}
}}
"""


def _contract(name: str, pragma: str, imports: str = "") -> str:
    return HEADER + f"pragma solidity {pragma};\n{imports}" + CONTRACT_BODY.format(name=name)


def test_newest_allowed_version_and_closure_constrains(
        tmp_path: Path, only_06_and_07: tuple[Version, Version]) -> None:
    v06, v07 = only_06_and_07
    write_sources(tmp_path / "src", {
        # Any of 0.6-0.7 would do: the newest release, 0.7.6.
        "Wide.sol": _contract("Wide", ">=0.6.0 <0.8.0"),
        # Same pragma, but it imports a ^0.6.0 file: the closure allows only 0.6.
        "WideImporter.sol": _contract("WideImporter", ">=0.6.0 <0.8.0",
                                      'import "./shared/Six.sol";\n'),
        "shared/Six.sol": _contract("Six", "^0.6.0"),
    })
    result = build_dir(tmp_path / "src", tmp_path / "cache")
    reports = reports_by_unit(result)
    assert all(r.ok for r in result.files), [r.error for r in result.files]
    assert reports["Wide.sol"].outcome.version == v07
    assert reports["WideImporter.sol"].outcome.version == v06
    assert reports["shared/Six.sol"].outcome.version == v06
    assert reports["Wide.sol"].outcome.compiler == f"solc {v07} (solc-js)"
    # One solc run per version.
    assert reports["WideImporter.sol"].outcome.batch_size == 2
    assert reports["Wide.sol"].outcome.batch_size == 1


def test_installed_versions_do_not_change_the_choice(
        tmp_path: Path, only_06_and_07: tuple[Version, Version]) -> None:
    """With only 0.6 and 0.7 installed, a file that allows 0.8 still asks for 0.8.x
    (offline: and says so) instead of taking the installed 0.7.6."""
    write_sources(tmp_path / "src", {"Wide.sol": _contract("Wide", ">=0.6.0 <0.9.0")})
    messages = _offline_build(tmp_path / "src", tmp_path / "cache")
    newest = max(v for v in SOLCJS_VERSIONS if v < Version(0, 9, 0))
    assert any(f"solc {newest} is needed" in m for m in messages), messages


def test_offline_pragma_with_no_installed_match_fails_naming_it(
        tmp_path: Path, only_06_and_07: tuple[Version, Version]) -> None:
    v06, _ = only_06_and_07
    write_sources(tmp_path / "src", {
        "Eight.sol": _contract("Eight", "^0.8.0"),
        "Six.sol": _contract("Six", "^0.6.0"),
    })
    project = discover([tmp_path / "src"])
    result: BuildResult = build(project, CompileOptions(cache_dir=tmp_path / "cache",
                                                        offline=True))
    reports = reports_by_unit(result)
    assert reports["Six.sol"].ok and reports["Six.sol"].outcome.version == v06
    eight = reports["Eight.sol"]
    assert not eight.ok and eight.stage == "compile"
    assert eight.error is not None
    assert "^0.8.0" in eight.error and "installed" in eight.error
