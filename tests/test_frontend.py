"""The front end's records on a small project-written contract: exact kinds, lines,
CFG edges, SlithIR facts and flags."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path

import pytest

from contractml.records import FileRecord, FunctionRecord, NodeRecord
from tests.conftest import build_dir, write_sources

VAULT = """\
pragma solidity ^0.8.0;

contract Vault {
    mapping(address => uint256) public balances;
    address public owner;

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        balances[msg.sender] = 0;
    }

    function sweep(address payable to) external onlyOwner {
        selfdestruct(to);
    }

    function sum(uint256[] calldata xs) external pure returns (uint256 total) {
        for (uint256 i = 0; i < xs.length; i++) {
            unchecked { total += xs[i]; }
        }
    }

    receive() external payable {}
}
"""


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> FileRecord:
    root = write_sources(tmp_path_factory.mktemp("vault"), {"Vault.sol": VAULT})
    result = build_dir(root, None)
    (report,) = result.files
    assert report.record is not None, report.error
    return report.record


def _function(record: FileRecord, name: str) -> FunctionRecord:
    (contract,) = record.contracts
    return next(f for f in contract.functions if f.name == name)


def _node_at(function: FunctionRecord, line: int, kind: str | None = None) -> NodeRecord:
    (node,) = [n for n in function.nodes if n.span.start_line == line
               and n.type != "ENTRY_POINT" and (kind is None or n.type == kind)]
    return node


def test_contract_and_kinds(vault: FileRecord) -> None:
    (contract,) = vault.contracts
    assert (contract.name, contract.kind, contract.span.start_line,
            contract.span.end_line) == ("Vault", "contract", 3, 38)
    kinds = {f.name: f.kind for f in contract.functions}
    assert kinds["onlyOwner"] == "modifier"
    assert kinds["constructor"] == "constructor"
    assert kinds["receive"] == "receive"
    assert kinds["withdraw"] == "function"
    assert ("state:Vault.balances", "mapping(address => uint256)") in contract.state_variables


def test_withdraw_call_then_write(vault: FileRecord) -> None:
    withdraw = _function(vault, "withdraw")
    assert (withdraw.span.start_line, withdraw.span.end_line) == (20, 25)
    read = _node_at(withdraw, 21)
    declare = _node_at(withdraw, 22, "NEW VARIABLE")
    call = _node_at(withdraw, 22, "EXPRESSION")
    assert read.sons == (declare.id,) and declare.sons == (call.id,)
    check = _node_at(withdraw, 23)
    write = _node_at(withdraw, 24)
    assert "state:Vault.balances" in read.state_read
    (low,) = [ir for ir in call.irs if ir.op == "LowLevelCall"]
    assert low.attrs["function"] == "call" and low.attrs["value"] is True
    assert "local:amount" in low.reads
    assert call.sons == (check.id,) and check.sons == (write.id,)
    assert any(ir.op == "SolidityCall" and ir.attrs["function"].startswith("require")
               for ir in check.irs)
    assert write.state_written == ("state:Vault.balances",)
    assert "env:msg.sender" in write.env_read


def test_deposit_reads_value_and_sender(vault: FileRecord) -> None:
    deposit = _function(vault, "deposit")
    assert deposit.payable
    node = _node_at(deposit, 17)
    assert {"env:msg.sender", "env:msg.value"} <= set(node.env_read)
    assert any(ir.op == "Binary" and ir.attrs["operator"] == "+" for ir in node.irs)


def test_modifier_and_selfdestruct(vault: FileRecord) -> None:
    sweep = _function(vault, "sweep")
    assert sweep.modifiers == ("Vault.onlyOwner()",)
    node = _node_at(sweep, 28)
    assert any(ir.op == "SolidityCall" and ir.attrs["function"].startswith("selfdestruct")
               for ir in node.irs)


def test_loop_membership_and_unchecked(vault: FileRecord) -> None:
    loop = _function(vault, "sum")
    body = _node_at(loop, 33)
    assert body.in_loop and not body.checked
    condition = next(n for n in loop.nodes if n.type == "IF_LOOP")
    assert condition.in_loop and condition.checked
    assert condition.son_true is not None and condition.son_false is not None
    after = {n.id: n for n in loop.nodes}[condition.son_false]
    assert after.type == "END_LOOP"
    increment = next(n for n in loop.nodes if n.text == "i ++")
    assert increment.in_loop and increment.sons == (condition.id,)
    outside = {"ENTRY_POINT", "BEGIN_LOOP", "END_LOOP", "RETURN", "NEW VARIABLE"}
    assert not any(n.in_loop for n in loop.nodes if n.type in outside)


def test_every_node_lies_in_its_function(vault: FileRecord) -> None:
    (contract,) = vault.contracts
    for function in contract.functions:
        for node in function.nodes:
            assert node.span.file == "Vault.sol"
            if function.kind != "function" or node.type == "ENTRY_POINT":
                continue
            assert function.span.start_line <= node.span.start_line <= node.span.end_line \
                <= function.span.end_line


def test_records_round_trip_through_json(vault: FileRecord) -> None:
    assert FileRecord.from_json(vault.to_json()) == vault
    # every field, nested records as dicts: what `dataclasses.asdict` gives
    assert json.dumps(vault.to_json(), sort_keys=True) == json.dumps(
        dataclasses.asdict(vault), sort_keys=True)


def test_records_round_trip_through_pickle(vault: FileRecord) -> None:
    """Records travel between processes (Slither workers, the scoring process) as
    pickles of their field values."""
    back = pickle.loads(pickle.dumps(vault))
    assert back == vault and type(back.contracts[0].functions[0].nodes[0]) is NodeRecord


def test_legacy_compiler_records(tmp_path: Path) -> None:
    source = ("pragma solidity ^0.4.24;\ncontract Old {\n    uint x;\n"
              "    function f(uint a) public {\n        x = x + a;\n    }\n}\n")
    result = build_dir(write_sources(tmp_path, {"Old.sol": source}), None)
    (report,) = result.files
    assert report.record is not None and report.record.solc_version.startswith("0.4.")
    f = _function(report.record, "f")
    node = _node_at(f, 5)
    assert not node.checked  # 0.4 arithmetic never reverts on overflow
    assert node.state_written == ("state:Old.x",)
