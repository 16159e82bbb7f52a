"""Graphs from small project-written contracts: exact edges, flags and lines."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from torch_geometric.loader import DataLoader

from contractml.graph import schema
from contractml.graph.builder import (
    AddReverseEdges,
    CodeGraph,
    FunctionIndex,
    build_graph,
    contract_graphs,
    function_graphs,
)
from contractml.graph.schema import EdgeType
from contractml.records import FileRecord
from tests.conftest import compiled_records

BANK = """\
pragma solidity ^0.8.0;
contract Bank {
    mapping(address => uint256) private credit;
    address private owner;
    address payable[] private payees;
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function deposit() external payable { credit[msg.sender] += msg.value; }
    function withdraw() external {
        uint256 amount = credit[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        credit[msg.sender] = 0;
    }
    function pay(address payable to) external onlyOwner { to.send(1 ether); }
    function payAll() external {
        for (uint256 i = 0; i < payees.length; i++) { payees[i].transfer(1); }
    }
    function late() external view returns (bool) { return block.timestamp > 100; }
    function bump(uint256 a) external pure returns (uint256) { unchecked { return a + 1; } }
    function total(uint256 a) public pure returns (uint256) { return helper(a) * 2; }
    function helper(uint256 a) internal pure returns (uint256) { return a + 1; }
}
"""

# The same contract with every identifier renamed: features must not change.
RENAMED = (BANK.replace("Bank", "Zq").replace("credit", "m1").replace("owner", "v2")
           .replace("payees", "k3").replace("onlyOwner", "g4").replace("deposit", "f5")
           .replace("withdraw", "f6").replace("amount", "a7").replace("ok", "b8")
           .replace("payAll", "f9").replace("late", "f10").replace("bump", "f11")
           .replace("total", "f12").replace("helper", "f13").replace(" to)", " t14)")
           .replace("to.send", "t14.send").replace("pay(", "f15("))

OLD = """\
pragma solidity ^0.4.24;
contract Old {
    uint256 total;
    function add(uint256 a) public { total = total + a; }
    function early() public view returns (bool) { return now < 10; }
}
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> list[FileRecord]:
    return compiled_records(tmp_path_factory.mktemp("bank"), {"Bank.sol": BANK})


def _graph(records: list[FileRecord], name: str) -> CodeGraph:
    index = FunctionIndex(records)
    (fid,) = [f for f in index.functions if f.split(".")[1].startswith(name + "(")]
    return build_graph(index, [fid])


def _feature(graph: CodeGraph, node: int, name: str) -> bool:
    return bool(graph.x[node, schema.BASE_FEATURES.index(name)] == 1.0)


def _at(graph: CodeGraph, line: int, feature: str | None = None) -> int:
    found = [i for i in range(graph.num_nodes)
             if int(graph.src_lines[i, 0]) == line and graph.seed[i]
             and not _feature(graph, i, "node:ENTRY_POINT")
             and (feature is None or _feature(graph, i, feature))]
    assert len(found) == 1, (line, feature, found)
    return found[0]


def _edges(graph: CodeGraph, kind: EdgeType) -> set[tuple[int, int]]:
    mask = graph.edge_type == int(kind)
    return {(int(a), int(b)) for a, b in graph.edge_index[:, mask].t()}


def test_reentrant_withdraw_edges_and_flags(bank: list[FileRecord]) -> None:
    g = _graph(bank, "withdraw")
    read = _at(g, 9)
    call = _at(g, 10, "node:EXPRESSION")
    check = _at(g, 11)
    write = _at(g, 12)
    # data: the balance read defines `amount`, which the call sends
    assert (read, call) in _edges(g, EdgeType.DATA)
    # control: call -> require -> write
    assert {(call, check), (check, write)} <= _edges(g, EdgeType.CFG_NEXT)
    for name in ("call:call", "call:value", "state:call_before_write", "result:used",
                 "result:checked", "env:msg.sender"):
        assert _feature(g, call, name), name
    assert not _feature(g, call, "result:ignored")
    assert _feature(g, write, "state:written") and _feature(g, write, "state:written_after_call")
    assert not _feature(g, read, "state:written_after_call")
    assert _feature(g, read, "state:read")
    assert [int(v) for v in g.src_lines[call]] == [10, 10]
    assert g.functions == ["Bank.withdraw()"] and g.files == ["Bank.sol"]


def test_ignored_send_and_modifier_guard(bank: list[FileRecord]) -> None:
    g = _graph(bank, "pay")
    send = _at(g, 14, "ir:Send")
    assert _feature(g, send, "call:send") and _feature(g, send, "result:ignored")
    assert not _feature(g, send, "result:checked")
    assert _feature(g, send, "fn:has_modifiers") and _feature(g, send, "fn:guarded")
    assert g.functions == ["Bank.pay(address)", "Bank.onlyOwner()"]
    guard = [i for i in range(g.num_nodes) if _feature(g, i, "guard:sender_vs_state")]
    assert [int(g.src_lines[i, 0]) for i in guard] == [6]
    assert not bool(g.seed[guard[0]])  # the modifier is context, not a seed
    modifier_edges = _edges(g, EdgeType.MODIFIER)
    placeholder = next(i for i in range(g.num_nodes) if _feature(g, i, "node:_"))
    entry = next(i for i in range(g.num_nodes)
                 if g.seed[i] and _feature(g, i, "node:ENTRY_POINT"))
    assert (placeholder, entry) in modifier_edges
    assert any(a == entry for a, _ in modifier_edges)


def test_loop_over_storage_array(bank: list[FileRecord]) -> None:
    g = _graph(bank, "payAll")
    condition = _at(g, 16, "node:IF_LOOP")
    assert _feature(g, condition, "loop:bound:storage_length")
    assert _feature(g, condition, "loop:member")
    transfer = _at(g, 16, "ir:Transfer")
    assert _feature(g, transfer, "loop:call_in_loop") and _feature(g, transfer, "call:transfer")
    true_edges, false_edges = _edges(g, EdgeType.CFG_TRUE), _edges(g, EdgeType.CFG_FALSE)
    assert any(a == condition for a, _ in true_edges)
    assert any(a == condition for a, _ in false_edges)


def test_time_and_arithmetic_flags(bank: list[FileRecord], tmp_path: Path) -> None:
    late = _graph(bank, "late")
    node = _at(late, 18, "node:RETURN")
    assert _feature(late, node, "env:block.timestamp") and _feature(late, node, "cmp:time")
    bump = _graph(bank, "bump")
    add = _at(bump, 19, "arith:+")
    assert _feature(bump, add, "arith:unchecked") and _feature(bump, add, "solc:0.8")
    deposit = _graph(bank, "deposit")
    plus = _at(deposit, 7, "arith:+")
    assert not _feature(deposit, plus, "arith:unchecked")
    assert _feature(deposit, plus, "fn:payable") and _feature(deposit, plus, "env:msg.value")
    old = compiled_records(tmp_path, {"Old.sol": OLD})
    add_old = _graph(old, "add")
    node = _at(add_old, 4, "arith:+")
    assert _feature(add_old, node, "arith:unchecked") and _feature(add_old, node, "solc:0.4")
    early = _graph(old, "early")
    assert _feature(early, _at(early, 5, "node:RETURN"), "env:now")


def test_state_flows_between_functions_of_a_contract(bank: list[FileRecord]) -> None:
    (g,) = contract_graphs(bank)
    functions = g.functions
    deposit_write = next(
        i for i in range(g.num_nodes) if int(g.src_lines[i, 0]) == 7
        and functions[int(g.fn_of_node[i])] == "Bank.deposit()"
        and _feature(g, i, "state:written"))
    withdraw_read = next(
        i for i in range(g.num_nodes) if int(g.src_lines[i, 0]) == 9
        and functions[int(g.fn_of_node[i])] == "Bank.withdraw()")
    assert (deposit_write, withdraw_read) in _edges(g, EdgeType.DATA)
    # but not inside one function graph, which holds withdraw alone
    single = _graph(bank, "withdraw")
    assert single.functions == ["Bank.withdraw()"]


def test_internal_call_is_linked(bank: list[FileRecord]) -> None:
    g = _graph(bank, "total")
    assert g.functions == ["Bank.total(uint256)", "Bank.helper(uint256)"]
    call = _at(g, 20, "ir:InternalCall")
    helper_entry = next(i for i in range(g.num_nodes)
                        if not g.seed[i] and _feature(g, i, "node:ENTRY_POINT"))
    assert (call, helper_entry) in _edges(g, EdgeType.CALL)
    assert any(b == call for _, b in _edges(g, EdgeType.RETURN))


def test_features_ignore_identifier_names(bank: list[FileRecord], tmp_path: Path) -> None:
    renamed = compiled_records(tmp_path, {"Zq.sol": RENAMED})
    for a, b in zip(function_graphs(bank), function_graphs(renamed), strict=True):
        assert torch.equal(a.x, b.x)
        assert torch.equal(a.edge_index, b.edge_index)
        assert torch.equal(a.edge_type, b.edge_type)
        assert torch.equal(a.src_lines, b.src_lines)


def test_deterministic(bank: list[FileRecord]) -> None:
    first, second = contract_graphs(bank), contract_graphs(bank)
    for a, b in zip(first, second, strict=True):
        for key in ("x", "edge_index", "edge_type", "src_lines", "node_id", "fn_of_node"):
            assert torch.equal(a[key], b[key]), key
        assert a.functions == b.functions


def test_batching_with_loader(bank: list[FileRecord]) -> None:
    graphs = function_graphs(bank)
    batch = next(iter(DataLoader(graphs, batch_size=len(graphs))))
    assert batch.num_graphs == len(graphs)
    total_functions = sum(g.num_functions for g in graphs)
    assert int(batch.fn_of_node.max()) == total_functions - 1
    assert int(batch.edge_index.max()) < batch.num_nodes
    flat = [f for fs in batch.functions for f in fs]
    assert len(flat) == total_functions


def test_reverse_edges_transform(bank: list[FileRecord]) -> None:
    g = _graph(bank, "withdraw")
    n = g.edge_index.size(1)
    r = AddReverseEdges()(g.clone())
    assert r.edge_index.size(1) == 2 * n
    assert torch.equal(r.edge_index[:, n:], g.edge_index.flip(0))
    assert torch.equal(r.edge_type[n:], g.edge_type + schema.REVERSE_OFFSET)


def test_vocabulary_hash_is_stable() -> None:
    assert schema.vocabulary_hash() == schema.vocabulary_hash()
    assert schema.vocabulary_hash() != schema.vocabulary_hash(with_detectors=True)
    assert len(set(schema.feature_names(True))) == len(schema.feature_names(True))


FLOW = """pragma solidity 0.4.26;
contract Flow {
    uint256 total;
    uint256 seed;
    address owner; uint256 rounds;
    function roll() public view returns (bool) {
        uint256 value = uint256(blockhash(block.number - 1));
        return value % 2 == 0;
    }
    function mix(uint256 k) public {
        seed = uint256(keccak256(abi.encodePacked(now, k)));
        require(seed > 10);
    }
    function add(uint256 amount) public {
        total += amount;
        uint256 fixedStep = 3;
        rounds = rounds * fixedStep;
    }
    function run(address target, bytes data) public {
        target.delegatecall(data);
        owner.transfer(1);
    }
    function capped(uint256 amount) public {
        require(amount <= 100);
        total += amount;
    }
}
"""


def test_flow_features_follow_values_through_locals_and_state(tmp_path: Path) -> None:
    records = compiled_records(tmp_path, {"Flow.sol": FLOW})
    roll = _graph(records, "roll")
    read = _at(roll, 7)
    assert _feature(roll, read, "flow:chain")
    assert not _feature(roll, read, "flow:chain_modulo")  # no `%` here
    # `value % 2`: the blockhash came through a local, no block variable on this line
    ret = _at(roll, 8, "node:RETURN")
    assert not any(_feature(roll, ret, f"env:{e}") for e in schema.ENV_SOURCES)
    assert _feature(roll, ret, "flow:chain") and _feature(roll, ret, "flow:chain_modulo")
    assert not _feature(roll, ret, "flow:input")
    mix = _graph(records, "mix")
    check = _at(mix, 12)  # the state variable written from `now` decides the require
    assert _feature(mix, check, "flow:chain_decides")
    assert _feature(mix, _at(mix, 11), "flow:input")
    add = _graph(records, "add")
    plus = _at(add, 15)
    assert all(_feature(add, plus, f) for f in ("flow:input", "flow:input_arith",
                                                 "flow:input_arith_unbounded",
                                                 "flow:arith_to_state"))
    capped = _graph(records, "capped")  # the parameter is compared before it is added
    plus = _at(capped, 25)
    assert _feature(capped, plus, "flow:input_arith")
    assert not _feature(capped, plus, "flow:input_arith_unbounded")
    times = _at(add, 17)  # a constant local and untouched state: nothing caller-chosen
    assert _feature(add, times, "flow:arith_to_state")
    assert not _feature(add, times, "flow:input_arith")
    run = _graph(records, "run")
    assert _feature(run, _at(run, 20), "flow:input_target")
    assert not _feature(run, _at(run, 21), "flow:input_target")  # owner: state
