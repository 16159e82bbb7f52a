"""A file Slither cannot read in one form does not sink the others, and the detector
feature block carries Slither's own findings."""

from __future__ import annotations

from pathlib import Path

import torch

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.graph import schema
from contractml.graph.builder import FunctionIndex, build_graph
from contractml.pipeline import build
from tests.conftest import reports_by_unit, write_sources

# Slither 0.11's compact-AST reader cannot fold `2**64` in an array length (NotConstant);
# its legacy-AST reader can.
HARD = """\
pragma solidity ^0.4.24;
contract Hard {
    struct R { uint a; }
    R[2**64] public rs;
    function f(uint i) public view returns (uint) { return rs[i].a; }
}
"""
PLAIN = """\
pragma solidity ^0.4.24;
contract Plain {
    uint x;
    function g(uint a) public { x = x + a; }
}
"""
REENTRANT = """\
pragma solidity ^0.8.0;
contract Pool {
    mapping(address => uint256) private shares;
    function exit() external {
        uint256 owed = shares[msg.sender];
        (bool ok, ) = msg.sender.call{value: owed}("");
        require(ok);
        shares[msg.sender] = 0;
    }
}
"""


def test_unreadable_compact_ast_falls_back_and_others_pass(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "src", {"Hard.sol": HARD, "Plain.sol": PLAIN})
    options = CompileOptions(cache_dir=tmp_path / "cache")
    first = reports_by_unit(build(discover([root]), options))
    assert first["Plain.sol"].ok and not first["Plain.sol"].warnings
    hard = first["Hard.sol"]
    assert hard.ok, hard.error
    assert hard.warnings == ["Slither could not read solc's compact AST; analysed from "
                             "the legacy AST"]
    assert hard.record is not None
    assert [f.name for c in hard.record.contracts for f in c.functions] == ["f"]
    again = reports_by_unit(build(discover([root]), options))
    assert again["Hard.sol"].frontend_cached
    assert again["Hard.sol"].warnings == hard.warnings  # the warning survives the cache


def test_detector_block(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "src", {"Pool.sol": REENTRANT})
    result = build(discover([root]), CompileOptions(cache_dir=None), detectors=True)
    (report,) = result.files
    assert report.record is not None
    (exit_fn,) = [f for c in report.record.contracts for f in c.functions
                  if f.name == "exit"]
    call = next(n for n in exit_fn.nodes if any(ir.op == "LowLevelCall" for ir in n.irs))
    assert "reentrancy-eth" in call.detectors and "low-level-calls" in call.detectors
    graph = build_graph(FunctionIndex([report.record]), [exit_fn.id], with_detectors=True)
    assert graph.x.shape[1] == len(schema.BASE_FEATURES) + len(schema.DETECTORS)
    column = len(schema.BASE_FEATURES) + schema.DETECTORS.index("reentrancy-eth")
    row = exit_fn.nodes.index(call)
    assert graph.x[row, column] == 1.0
    plain = build_graph(FunctionIndex([report.record]), [exit_fn.id])
    assert torch.equal(plain.x, graph.x[:, :len(schema.BASE_FEATURES)])
