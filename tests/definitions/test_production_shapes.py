"""Shapes of production code that are not the defect they resemble, each beside a twin
where the defect is real: the twin still reports, the production shape does not."""

from __future__ import annotations

import numpy as np

from contractml.analysis.context import node_index
from contractml.definitions import Definitions
from contractml.fusion import fuse
from contractml.graph.builder import function_graphs
from contractml.localize import Thresholds
from contractml.records import FileRecord
from contractml.rules import CATEGORIES

THRESHOLDS = Thresholds(node=dict.fromkeys(CATEGORIES, 0.5),
                        function=dict.fromkeys(CATEGORIES, 0.0))


def _found(records: list[FileRecord], category: str,
           definitions: Definitions | None = None) -> set[tuple[str, str, int]]:
    """(contract, function, line) of every statement fused into a finding of `category`
    when the network scores every statement 1.0 for it (so only the exclusions decide).
    `definitions`: those over every record's nodes unless given."""
    nodes = node_index(records)
    if definitions is None:
        definitions = Definitions(nodes)
    column = CATEGORIES.index(category)
    out: set[tuple[str, str, int]] = set()
    for graph in function_graphs(records):
        node = np.zeros((graph.num_nodes, len(CATEGORIES)), dtype=np.float32)
        node[:, column] = 1.0
        function = np.ones((int(graph.num_functions), len(CATEGORIES)), dtype=np.float32)
        for region in fuse(graph, node, function, THRESHOLDS, CATEGORIES, nodes,
                           definitions=definitions, evidence="network"):
            if region.category == category:
                out |= {(region.contract, region.function, h.start_line) for h in region.hits}
    return out


def test_a_lock_on_every_entry_point_rules_out_reentrancy_below_it(
        locks: list[FileRecord]) -> None:
    found = _found(locks, "reentrancy")
    locked = {(c, f) for c, f, _ in found if c == "LockedVault"}
    assert locked == set()
    # the twin without a lock reports the call and the write after it
    assert {("OpenVault", "_pay", 46), ("OpenVault", "_pay", 48)} <= found
    # one entry point without the lock reaches the helper: it still reports
    assert ("HalfLockedVault", "_pay", 60) in found
    # the lock modifier's own statements are not reentrancy either
    assert not {f for c, f, _ in found if f in ("withdraw", "_withdraw", "_settle")
                and c == "LockedVault"}


def _named(records: list[FileRecord], definition_id: str) -> set[tuple[str, str, int]]:
    """(contract, function, line) of every statement the definition names."""
    from contractml.definitions import BY_ID

    nodes = node_index(records)
    facts = Definitions(nodes).facts
    definition = BY_ID[definition_id]
    return {(function.contract, function.name, node.span.start_line)
            for function, node in nodes.values() if definition.matches(facts, function, node)}


def test_authorisation_in_a_helper_at_any_depth_guards_the_function(
        helpers: list[FileRecord]) -> None:
    named = _named(helpers, "access-control.unguarded-authority-write")
    # RouterBase.setRouter checks through _checkCaller -> the virtual _onlyRouterOwner
    # that Router implements; Router.transferOwnership two helpers down
    assert not {(c, f) for c, f, _ in named if c in ("RouterBase", "Router")}
    # the twin's helper checks no sender: both writes of an authority are reported
    assert {("OpenRouter", "setRouter", 45), ("OpenRouter", "transferOwnership", 49)} <= named


def test_a_proxys_set_up_is_no_unsafe_delegatecall(proxies: list[FileRecord]) -> None:
    found = _found(proxies, "unsafe-delegatecall")
    # the delegatecalls of the constructor and of the initializer's helper are left out
    assert not {line for _, _, line in found} & {7, 20}
    assert not {f for _, f, _ in found} & {"constructor", "initialize", "_setUp"}
    assert ("Proxy", "run", 24) in found
    assert _named(proxies, "unsafe-delegatecall.caller-chosen-target") >= {
        ("Proxy", "run", 24)}
    assert not {f for _, f, _ in _named(proxies, "unsafe-delegatecall.caller-chosen-target")
                if f in ("constructor", "initialize", "_setUp")}


def test_tx_origin_compared_with_the_sender_or_a_constant_is_no_finding(
        origins_checks: list[FileRecord]) -> None:
    found = _found(origins_checks, "access-control")
    lines = {line for _, _, line in found}
    assert 5 not in lines and 8 not in lines  # EOA check, simulation check
    assert 11 in lines  # authorisation by tx.origin: still reported


def test_inline_assembly_is_no_overflow_and_no_reentrancy_without_a_call(
        assembly: list[FileRecord]) -> None:
    arithmetic = {line for _, _, line in _found(assembly, "arithmetic")}
    assert not arithmetic & {11, 12}  # sub(returndatasize(), 0x04), add(size, 1)
    assert 16 in arithmetic  # unchecked subtraction outside assembly
    reentrancy = {line for _, _, line in _found(assembly, "reentrancy")}
    assert 6 not in reentrancy  # extcodesize
    assert 20 in reentrancy  # a call in assembly


def test_inline_assembly_on_memory_alone_is_no_access_control(
        assembly: list[FileRecord]) -> None:
    found = {(f, line) for _, f, line in _found(assembly, "access-control")}
    assert ("stash", 26) not in found  # mstore(0x40, v)
    assert {("stash", 27), ("stash", 29)} <= found  # sstore in assembly, a state write


def test_effects_before_interactions_is_no_reentrancy(credits: list[FileRecord]) -> None:
    found = _found(credits, "reentrancy")
    assert not {(f, line) for _, f, line in found if f == "claim"}
    assert {("claimLate", 13), ("claimLate", 15)} <= {(f, line) for _, f, line in found}
    assert ("claimViaHelper", 20) in {(f, line) for _, f, line in found}
    # a helper whose only caller settles before calling it: nothing; a helper whose
    # caller writes after calling it: its call still reports
    assert not {(f, line) for _, f, line in found if f in ("claimSafe", "_sendOnly")}
    assert ("_send", 23) in {(f, line) for _, f, line in found}


def test_a_function_that_changes_nothing_is_no_access_control(
        credits: list[FileRecord]) -> None:
    lines = {line for _, _, line in _found(credits, "access-control")}
    assert 27 not in lines  # revert(): nothing to reach
    assert 29 in lines  # the unguarded setter still reports


def test_a_batch_loop_that_writes_before_each_call_is_no_reentrancy(
        batches: list[FileRecord]) -> None:
    found = {(f, line) for _, f, line in _found(batches, "reentrancy")}
    # each iteration settles, then pays through a helper: nothing, in the loop or helper
    assert not {(f, line) for f, line in found if f in ("claimAll", "_pay")}
    # the same iteration writes after its call; a write after the loop; a balance read
    # once and carried through the iterations: each still reports
    assert {("claimAllLate", 21), ("claimAllLate", 22)} <= found
    assert ("claimAllThenCount", 31) in found
    assert ("spendCarried", 37) in found
    assert ("_send", 42) in found
    assert not {(f, line) for f, line in found if f in ("settleAndPay", "_settleAndPay")}


def _found_per_file(records: list[FileRecord], category: str, file: str,
                    with_context: bool = True) -> set[tuple[str, int]]:
    """`_found`, reading `file` against its own record (and its `context`) alone, as
    `contractml scan` does."""
    record = next(r for r in records if r.file.endswith(file))
    definitions = Definitions(node_index([record]),
                              record.context if with_context else ())
    return {(f, line) for _, f, line in _found([record], category, definitions)}


def test_a_base_contracts_helper_in_another_file_is_known(
        cross_file: list[FileRecord]) -> None:
    vault = next(r for r in cross_file if r.file.endswith("Vault.sol"))
    assert "Ledger._settle(address)" in {f.id for f in vault.context}
    found = _found_per_file(cross_file, "reentrancy", "Vault.sol")
    # settled by the base's helper before the call: nothing
    assert not {line for f, line in found if f == "withdraw"}
    assert ("withdrawThenSettle", 14) in found  # the helper runs after the call
    # without the context the helper is unknown, so it counts as calling and writing
    blind = _found_per_file(cross_file, "reentrancy", "Vault.sol", with_context=False)
    assert {line for f, line in blind if f == "withdraw"}


def test_a_view_call_cannot_call_back_to_change_state(cross_file: list[FileRecord]) -> None:
    found = _found_per_file(cross_file, "reentrancy", "Vault.sol")
    assert not {line for f, line in found if f == "record"}
    assert {("recordPoked", 21), ("recordPoked", 22)} & found
    # in a function that does write after a call, the view call itself is still no
    # reentrancy; the call that can call back and the write after it are
    liquidate = {line for f, line in found if f == "liquidate"}
    assert 25 not in liquidate
    assert {26, 28} <= liquidate


def test_a_block_number_that_picks_whose_turn_it_is_is_no_randomness(
        turns: list[FileRecord]) -> None:
    found = {(f, line) for _, f, line in _found(turns, "bad-randomness")}
    assert not {line for f, line in found if f == "run"}
    assert ("flip", 11) in found  # a payout on the block number's parity still reports
