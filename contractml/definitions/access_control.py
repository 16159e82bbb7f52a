"""access-control: authority that anyone can take, and authorisation by tx.origin."""

from __future__ import annotations

from contractml.analysis.callgraph import node_has_effect
from contractml.analysis.context import FileFacts
from contractml.analysis.dataflow import (
    builtin_name,
    origin_authorisation,
    origin_only_compared_with_sender_or_constant,
)
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord


def _tx_origin(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return origin_authorisation(node)


def _unguarded_authority_write(facts: FileFacts, function: FunctionRecord,
                               node: NodeRecord) -> bool:
    return bool(node.state_written) and node.id in facts.authority_writes(function)


def _no_effect(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return function.id in facts.effect_free and not any(
        "env:tx.origin" in ir.reads for n in function.nodes for ir in n.irs)


def _memory_only_assembly(facts: FileFacts, function: FunctionRecord,
                          node: NodeRecord) -> bool:
    return (node.id in facts.of(function).assembly_nodes and not node_has_effect(node)
            and not any("env:tx.origin" in ir.reads
                        or (ir.op == "SolidityCall" and builtin_name(ir) == "origin")
                        or ir.op in ("InternalCall", "LibraryCall")
                        for ir in node.irs))


def _origin_check(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return origin_only_compared_with_sender_or_constant(node)


TX_ORIGIN_AUTHORISATION = Definition(
    id="access-control.tx-origin-authorisation", category="access-control",
    kind="include",
    summary="A comparison of `tx.origin` with an account (neither `msg.sender` nor a "
            "constant), or a checked or returned stored entry keyed by `tx.origin` "
            "(SWC-115).",
    explanation="authorises by tx.origin, which any contract the account calls can pass on",
    precision=0.9933,
    measured_on="training split, together with access-control.unguarded-authority-write: "
                "1,180 of 1,187 statements labelled (Laplace 1,180/1,188); validation "
                "254 of 261",
    matches=_tx_origin)

UNGUARDED_AUTHORITY_WRITE = Definition(
    id="access-control.unguarded-authority-write", category="access-control",
    kind="include",
    summary="A statement that rewrites a variable the file's sender checks read (an "
            "owner, a role map; also through a local pointer), in a public or external "
            "function that checks no sender and runs more than once, unless it writes "
            "the sender's own entry.",
    explanation="rewrites a variable the contract's sender checks read, in a function "
                "that checks no sender",
    precision=0.9933,
    measured_on="training split, together with access-control.tx-origin-authorisation: "
                "1,180 of 1,187 statements labelled (Laplace 1,180/1,188; this definition "
                "alone 54 of 54); validation 254 of 261",
    matches=_unguarded_authority_write)

ORIGIN_IS_NO_AUTHORISATION = Definition(
    id="access-control.origin-eoa-or-simulation-check", category="access-control",
    kind="exclude",
    summary="A statement that reads `tx.origin` only to compare it with `msg.sender` (an "
            "externally-owned-account check) or a constant (`tx.origin != address(0)`, an "
            "off-chain simulation check) authorises no one.",
    explanation="compares tx.origin only with msg.sender or a constant",
    precision=None, measured_on="the taxonomy's definition (authorisation by tx.origin "
                                "trusts the origin's identity)",
    matches=_origin_check)

NO_EFFECT = Definition(
    id="access-control.no-effect", category="access-control", kind="exclude",
    summary="A statement of a function that changes nothing and hands control to no one "
            "(no state write, external call, ether, event or `selfdestruct`, itself or "
            "through what it calls; a hook that only reverts) and does not read "
            "`tx.origin`: there is no privileged action to reach.",
    explanation="belongs to a function that changes nothing",
    precision=None, measured_on="the taxonomy's definition (a privileged action reachable "
                                "by anyone)",
    matches=_no_effect)

MEMORY_ONLY_ASSEMBLY = Definition(
    id="access-control.memory-only-assembly", category="access-control", kind="exclude",
    summary="An inline assembly statement that works only on memory and the stack "
            "(`mstore(0x40, m)`, `let v := mload(p)`): no storage write, call, contract "
            "creation, log or `selfdestruct`, no call of a function, and no `origin()` "
            "or `tx.origin`. Nothing privileged happens there, whoever runs it.",
    explanation="is inline assembly that only works on memory",
    precision=None, measured_on="the taxonomy's definition (a privileged action reachable "
                                "by anyone)",
    matches=_memory_only_assembly)
