"""Builds of the fixture projects: real solc, real Slither, one report per target."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractml.compile.versions import Version
from contractml.pipeline import BuildResult
from tests.conftest import (
    FIXTURES,
    build_dir,
    reports_by_unit,
)

VERSION_DIRS = {"v04": (0, 4), "v05": (0, 5), "v06": (0, 6), "v07": (0, 7), "v08": (0, 8)}
VERSION_TARGETS = ["contracts/Helper.sol", "contracts/Main.sol", "contracts/Other.sol",
                   "deps/mathlib/SafeOps.sol"]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fixtures-cache")


@pytest.fixture(scope="module")
def version_builds(cache_dir: Path) -> dict[str, BuildResult]:
    return {name: build_dir(FIXTURES / "versions" / name, cache_dir) for name in VERSION_DIRS}


@pytest.fixture(scope="module")
def foundry_build(cache_dir: Path) -> BuildResult:
    return build_dir(FIXTURES / "foundry", cache_dir)


@pytest.fixture(scope="module")
def foundry_with_tests(cache_dir: Path) -> BuildResult:
    return build_dir(FIXTURES / "foundry", cache_dir, keep_tests=True)


@pytest.fixture(scope="module")
def hardhat_build(cache_dir: Path) -> BuildResult:
    return build_dir(FIXTURES / "hardhat", cache_dir)


@pytest.fixture(scope="module")
def broken_build(cache_dir: Path) -> BuildResult:
    return build_dir(FIXTURES / "broken", cache_dir)


def _failures(result: BuildResult) -> dict[str, str | None]:
    return {r.outcome.unit_name: r.error for r in result.files if not r.ok}


# --------------------------------------------------------------------------- versions


@pytest.mark.parametrize("name", VERSION_DIRS)
def test_version_fixture_targets_and_compiler(name: str,
                                              version_builds: dict[str, BuildResult]) -> None:
    result = version_builds[name]
    assert result.project.remappings[0].prefix == "mathlib/"
    assert list(reports_by_unit(result)) == VERSION_TARGETS
    major_minor = VERSION_DIRS[name]
    for report in result.files:
        version = report.outcome.version
        assert version is not None, report.error
        assert (version.major, version.minor) == major_minor, report.outcome.unit_name
        assert report.outcome.compiler == f"solc {version} (solc-js)" or \
            report.outcome.compiler == f"solc {version} (native)"


@pytest.mark.parametrize("name", VERSION_DIRS)
def test_version_fixture_files_without_remapped_imports_parse(
        name: str, version_builds: dict[str, BuildResult]) -> None:
    reports = reports_by_unit(version_builds[name])
    plain = [u for u, r in reports.items() if '"mathlib/' not in r.outcome.path.read_text()]
    assert {"contracts/Helper.sol", "deps/mathlib/SafeOps.sol"} <= set(plain)
    for unit in plain:
        report = reports[unit]
        assert report.ok, report.error
        assert report.stage is None and report.error is None
        assert report.record is not None and report.record.file == unit
        assert report.record.solc_version == str(report.outcome.version)
        assert report.record.node_count > 0


@pytest.mark.parametrize("name", VERSION_DIRS)
def test_version_fixture_every_target_ok(name: str,
                                         version_builds: dict[str, BuildResult]) -> None:
    result = version_builds[name]
    assert _failures(result) == {}
    # Nothing failed, so nothing was split off: one solc run for the four targets.
    assert {r.outcome.batch_size for r in result.files} == {4}


@pytest.mark.parametrize("name", VERSION_DIRS)
def test_version_fixture_main_record(name: str,
                                     version_builds: dict[str, BuildResult]) -> None:
    result = version_builds[name]
    report = reports_by_unit(result)["contracts/Main.sol"]
    assert report.ok, report.error
    record = report.record
    assert record is not None
    assert [c.name for c in record.contracts] == ["Main"]
    assert record.function_count > 0 and record.node_count > 0
    line_counts: dict[str, int] = {}
    for contract in record.contracts:
        for function in contract.functions:
            for node in function.nodes:
                span = node.span
                if not function.name.startswith("slither"):
                    # Code written in Main.sol maps back to Main.sol.
                    assert span.file == record.file, (function.id, span)
                if span.file not in line_counts:
                    text = (result.project.root / span.file).read_text(encoding="utf-8")
                    line_counts[span.file] = len(text.splitlines())
                assert 1 <= span.start_line <= span.end_line <= line_counts[span.file], \
                    (function.id, node.type, span)


# --------------------------------------------------------------------------- frameworks


def test_hardhat_builds(hardhat_build: BuildResult) -> None:
    assert hardhat_build.project.kind == "hardhat"
    assert _failures(hardhat_build) == {}
    reports = reports_by_unit(hardhat_build)
    assert list(reports) == ["contracts/Market.sol", "contracts/Token.sol"]
    token = reports["contracts/Token.sol"].record
    assert token is not None
    assert [(c.name, c.kind) for c in token.contracts] == [("Token", "contract")]
    assert "BaseToken" in token.contracts[0].inherits
    names = {f.name for f in token.contracts[0].functions}
    assert {"mint", "burn", "airdrop", "setMinter"} <= names
    market = reports["contracts/Market.sol"].record
    assert market is not None and market.node_count > 0
    for report in hardhat_build.files:
        assert report.outcome.version is not None
        assert report.outcome.version >= Version(0, 8, 20)  # ^0.8.20 in both files


def test_foundry_builds(foundry_build: BuildResult) -> None:
    assert foundry_build.project.kind == "foundry"
    assert list(reports_by_unit(foundry_build)) == ["src/Vault.sol", "src/utils/Math.sol"]
    assert _failures(foundry_build) == {}
    vault = reports_by_unit(foundry_build)["src/Vault.sol"].record
    assert vault is not None
    assert vault.contracts[0].name == "Vault"
    assert "Ownable" in vault.contracts[0].inherits


def test_foundry_library_without_remapped_imports_builds(foundry_build: BuildResult) -> None:
    math = reports_by_unit(foundry_build)["src/utils/Math.sol"]
    assert math.ok, math.error
    assert math.record is not None
    assert [(c.name, c.kind) for c in math.record.contracts] == [("Math", "library")]
    assert {f.name for f in math.record.contracts[0].functions} == {"mulDiv", "min", "sqrt"}


def test_foundry_tests_and_scripts_fail_on_missing_forge_std(
        foundry_with_tests: BuildResult) -> None:
    reports = reports_by_unit(foundry_with_tests)
    assert list(reports) == ["script/Deploy.s.sol", "src/Vault.sol", "src/utils/Math.sol",
                             "test/Vault.t.sol"]
    for unit, missing in (("test/Vault.t.sol", "forge-std/Test.sol"),
                          ("script/Deploy.s.sol", "forge-std/Script.sol")):
        report = reports[unit]
        assert not report.ok
        assert report.stage == "compile"
        assert report.record is None
        assert report.error is not None
        assert "forge-std" in report.error and missing in report.error
    assert reports["src/utils/Math.sol"].ok


def test_foundry_sources_pass_beside_failing_tests(foundry_with_tests: BuildResult) -> None:
    reports = reports_by_unit(foundry_with_tests)
    assert reports["src/Vault.sol"].ok, reports["src/Vault.sol"].error
    assert reports["src/utils/Math.sol"].ok


# --------------------------------------------------------------------------- broken


def test_broken_folder_reports_every_file(broken_build: BuildResult) -> None:
    reports = reports_by_unit(broken_build)
    assert list(reports) == ["impossible_pragma.sol", "no_pragma.sol", "ok.sol",
                             "syntax_error.sol", "type_error.sol"]
    assert {u for u, r in reports.items() if r.ok} == {"ok.sol", "no_pragma.sol"}
    assert set(_failures(broken_build)) == {"impossible_pragma.sol", "syntax_error.sol",
                                            "type_error.sol"}
    for report in broken_build.files:
        if report.ok:
            assert report.record is not None and report.error is None
            assert report.record.node_count > 0
        else:
            assert report.record is None
            assert report.stage == "compile"
            assert report.error and report.outcome.error == report.error


def test_broken_ok_files(broken_build: BuildResult) -> None:
    reports = reports_by_unit(broken_build)
    ok = reports["ok.sol"].record
    assert ok is not None
    assert [c.name for c in ok.contracts] == ["Ok"]
    assert {f.name for f in ok.contracts[0].functions} >= {"constructor", "add"}
    assert reports["ok.sol"].outcome.warnings == []
    no_pragma = reports["no_pragma.sol"]
    assert no_pragma.record is not None
    assert [c.name for c in no_pragma.record.contracts] == ["NoPragma"]
    assert any("pragma" in w for w in no_pragma.outcome.warnings)
    # Without a pragma any compiler will do; one was picked and named.
    assert no_pragma.outcome.version is not None and no_pragma.outcome.compiler


def test_broken_syntax_error_has_solc_message(broken_build: BuildResult) -> None:
    report = reports_by_unit(broken_build)["syntax_error.sol"]
    assert report.error is not None
    assert "ParserError" in report.error
    assert "syntax_error.sol:9" in report.error  # solc's location, line 9
    # solc's verdict on this file alone: no other file is named.
    assert "type_error.sol" not in report.error and "ok.sol" not in report.error
    assert report.outcome.compiler and "solc 0.8." in report.outcome.compiler


def test_broken_type_error_has_solc_message(broken_build: BuildResult) -> None:
    report = reports_by_unit(broken_build)["type_error.sol"]
    assert report.error is not None
    assert "TypeError" in report.error
    assert "not implicitly convertible" in report.error
    assert "ParserError" not in report.error  # the parse error of another file is not here
    assert "syntax_error.sol" not in report.error


def test_broken_impossible_pragma_names_it(broken_build: BuildResult) -> None:
    report = reports_by_unit(broken_build)["impossible_pragma.sol"]
    assert report.error is not None
    assert "^0.3.0" in report.error
    assert "pragma" in report.error
    # No compiler was ever run for it.
    assert report.outcome.version is None and report.outcome.compiler is None
