"""The front end in worker processes gives the same records as one process."""

from __future__ import annotations

from pathlib import Path

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.pipeline import CHUNK_TARGETS, build
from tests.conftest import write_sources

_TEMPLATE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract C{n} {{
    mapping(address => uint256) public balances;
    function put() external payable {{ balances[msg.sender] += msg.value + {n}; }}
    function take(uint256 a) external {{
        require(balances[msg.sender] >= a);
        (bool ok, ) = msg.sender.call{{value: a}}("");
        require(ok);
        balances[msg.sender] -= a;
    }}
}}
"""


def test_workers_match_serial(tmp_path: Path) -> None:
    count = CHUNK_TARGETS + 4  # two independent chunks
    root = write_sources(tmp_path / "p", {f"c{n}.sol": _TEMPLATE.format(n=n)
                                          for n in range(count)})
    project = discover([root])
    serial = build(project, CompileOptions(cache_dir=tmp_path / "a", jobs=1))
    parallel = build(project, CompileOptions(cache_dir=tmp_path / "b", jobs=2))
    assert [f.ok for f in parallel.files] == [True] * count
    assert [f.record for f in serial.files] == [f.record for f in parallel.files]
    # the workers wrote the record cache: a warm run reads every file from it
    warm = build(project, CompileOptions(cache_dir=tmp_path / "b", jobs=2))
    assert all(f.frontend_cached for f in warm.files)
    assert [f.record for f in warm.files] == [f.record for f in parallel.files]


def test_files_that_import_each_other_keep_their_own_records(tmp_path: Path) -> None:
    """Two files with the same import closure must not share a cache entry."""
    root = write_sources(tmp_path / "p", {
        "A.sol": 'pragma solidity ^0.8.0;\nimport "./B.sol";\ncontract A { function a() '
                 'external pure returns (uint256) { return 1; } }\n',
        "B.sol": 'pragma solidity ^0.8.0;\nimport "./A.sol";\ncontract B { function b() '
                 'external pure returns (uint256) { return 2; } }\n'})
    project = discover([root])
    for _ in range(2):  # cold, then every record from the cache
        result = build(project, CompileOptions(cache_dir=tmp_path / "c", jobs=1))
        records = {f.outcome.unit_name: f.record for f in result.files}
        assert records["A.sol"] is not None and records["B.sol"] is not None
        assert records["A.sol"].file == "A.sol" and records["B.sol"].file == "B.sol"
        assert [c.name for c in records["A.sol"].contracts] == ["A"]
    assert all(f.frontend_cached for f in result.files)
