"""Batching by compiler version, isolation of a broken file, and the compile/front-end
caches, on small projects written here and compiled for real."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contractml.pipeline import BuildResult
from tests.conftest import build_dir, reports_by_unit, write_sources

HEADER = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\n"

FOUR = {
    "Lib.sol": HEADER + """
library Lib {
    function double(uint256 x) internal pure returns (uint256) {
        return x * 2;
    }
}
""",
    "Uses.sol": HEADER + """
import "./Lib.sol";

contract Uses {
    using Lib for uint256;
    uint256 public total;

    function add(uint256 x) external {
        total += x.double();
    }
}
""",
    "Counter.sol": HEADER + """
contract Counter {
    uint256 public count;

    function inc() external {
        count += 1;
    }

    function reset() external {
        if (count > 10) {
            count = 0;
        }
    }
}
""",
    "Bank.sol": HEADER + """
contract Bank {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(balances[msg.sender] >= amount, "low");
        balances[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
    }
}
""",
}

BROKEN = HEADER + """
contract Broken {
    function f() external pure returns (uint256) {
        return 1
    }
}
"""


def _snapshot(result: BuildResult) -> dict[str, tuple[int, int, int]]:
    out = {}
    for unit, report in reports_by_unit(result).items():
        assert report.record is not None, report.error
        out[unit] = (len(report.record.contracts), report.record.function_count,
                     report.record.node_count)
    return out


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sources(tmp_path_factory.mktemp("four"), FOUR)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("four-cache")


@pytest.fixture(scope="module")
def first(project: Path, cache: Path) -> BuildResult:
    return build_dir(project, cache)


@pytest.fixture(scope="module")
def second(project: Path, cache: Path, first: BuildResult) -> BuildResult:
    return build_dir(project, cache)


def test_one_solc_run_for_four_files(first: BuildResult) -> None:
    assert sorted(reports_by_unit(first)) == ["Bank.sol", "Counter.sol", "Lib.sol", "Uses.sol"]
    for report in first.files:
        assert report.ok, report.error
        assert report.outcome.batch_size == 4
        assert report.outcome.cached is False
        assert report.frontend_cached is False
    # The four share one compiled unit, hence one compiler and version.
    units = {id(r.outcome.unit) for r in first.files}
    assert len(units) == 1
    assert len({r.outcome.compiler for r in first.files}) == 1
    # A file's record holds only its own contracts.
    records = {u: r.record for u, r in reports_by_unit(first).items()}
    assert [c.name for c in records["Uses.sol"].contracts] == ["Uses"]  # type: ignore[union-attr]
    assert [c.name for c in records["Lib.sol"].contracts] == ["Lib"]  # type: ignore[union-attr]


def test_second_build_comes_from_the_caches(first: BuildResult, second: BuildResult) -> None:
    for report in second.files:
        assert report.ok, report.error
        assert report.outcome.cached is True
        assert report.frontend_cached is True
        assert report.outcome.compiler == reports_by_unit(first)[
            report.outcome.unit_name].outcome.compiler
    assert _snapshot(second) == _snapshot(first)
    # Same records, field for field.
    for unit, report in reports_by_unit(second).items():
        assert report.record == reports_by_unit(first)[unit].record


def test_no_cache_dir_means_no_caching(project: Path, first: BuildResult) -> None:
    result = build_dir(project, None)
    assert all(r.ok and not r.outcome.cached and not r.frontend_cached for r in result.files)
    assert _snapshot(result) == _snapshot(first)


def test_broken_fifth_file_is_isolated(tmp_path: Path, first: BuildResult) -> None:
    write_sources(tmp_path, {**FOUR, "Broken.sol": BROKEN})
    result = build_dir(tmp_path, tmp_path / "cache")
    reports = reports_by_unit(result)
    broken = reports.pop("Broken.sol")
    assert not broken.ok
    assert broken.stage == "compile"
    assert broken.error is not None
    assert "ParserError" in broken.error and "Expected ';'" in broken.error
    assert "Broken.sol:7" in broken.error  # the `}` after `return 1`
    # solc's verdict on Broken.sol alone: no other file is named in its message
    assert not any(f"{name}:" in broken.error for name in FOUR)
    # The other four compiled again together, and their records are what they were.
    for report in reports.values():
        assert report.ok, report.error
        assert report.outcome.batch_size == 4
    assert {u: (len(r.record.contracts), r.record.function_count, r.record.node_count)
            for u, r in reports.items() if r.record} == _snapshot(first)


def test_changed_import_invalidates_only_its_importers(tmp_path: Path) -> None:
    write_sources(tmp_path, FOUR)
    cache = tmp_path / ".cache"
    before = build_dir(tmp_path, cache)
    assert all(r.ok for r in before.files)

    lib = tmp_path / "Lib.sol"
    lib.write_text(lib.read_text().replace(
        "}\n}\n", "}\n\n    function triple(uint256 x) internal pure returns (uint256) {\n"
                  "        return x * 3;\n    }\n}\n"), encoding="utf-8")
    after = build_dir(tmp_path, cache)
    reports = reports_by_unit(after)
    assert all(r.ok for r in after.files), [r.error for r in after.files]
    # Lib.sol changed and Uses.sol imports it: both compiled and parsed again.
    for unit in ("Lib.sol", "Uses.sol"):
        assert reports[unit].outcome.cached is False, unit
        assert reports[unit].frontend_cached is False, unit
        assert reports[unit].outcome.batch_size == 2
    # Unrelated files came from the caches.
    for unit in ("Counter.sol", "Bank.sol"):
        assert reports[unit].outcome.cached is True, unit
        assert reports[unit].frontend_cached is True, unit
    lib_record = reports["Lib.sol"].record
    assert lib_record is not None
    assert {f.name for f in lib_record.contracts[0].functions} == {"double", "triple"}
    old_lib = reports_by_unit(before)["Lib.sol"].record
    assert old_lib is not None and lib_record.function_count == old_lib.function_count + 1


def test_corrupt_cache_entry_is_recompiled(tmp_path: Path) -> None:
    write_sources(tmp_path, {"Counter.sol": FOUR["Counter.sol"]})
    cache = tmp_path / ".cache"
    first = build_dir(tmp_path, cache)
    assert first.files[0].ok
    entries = list((cache / "compile").rglob("*.json.gz"))
    assert len(entries) == 1
    entries[0].write_bytes(b"not gzip")
    shutil.rmtree(cache / "frontend")
    again = build_dir(tmp_path, cache)
    report = again.files[0]
    assert report.ok, report.error
    assert report.outcome.cached is False and report.frontend_cached is False
    assert _snapshot(again) == _snapshot(first)
