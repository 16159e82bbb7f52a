"""reentrancy: state read or written after an external call that can call back."""

from __future__ import annotations

from contractml.analysis.context import FileFacts
from contractml.analysis.dataflow import builtin_name
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord

_CALLS = frozenset({"LowLevelCall", "HighLevelCall", "InternalCall"})


def _callback_before_update(facts: FileFacts, function: FunctionRecord,
                            node: NodeRecord) -> bool:
    if not (node.state_written or any(ir.op in _CALLS for ir in node.irs)):
        return False
    return node.id in facts.callbacks(function)


def _lock_held(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return function.id in facts.lock_held


_ASSEMBLY_CALLS = ("call", "callcode", "delegatecall", "staticcall", "create", "create2",
                   "sstore", "tstore", "log0", "log1", "log2", "log3", "log4")


def _assembly_without_call(facts: FileFacts, function: FunctionRecord,
                           node: NodeRecord) -> bool:
    if node.id not in facts.of(function).assembly_nodes or node.state_written:
        return False
    return not any(ir.op in ("LowLevelCall", "HighLevelCall", "InternalCall", "LibraryCall",
                             "Send", "Transfer")
                   or (ir.op == "SolidityCall"
                       and str(ir.attrs.get("function", "")).split("(")[0] in _ASSEMBLY_CALLS)
                   for ir in node.irs)


_OTHER_CALLS = frozenset({"LowLevelCall", "InternalCall", "LibraryCall", "Send", "Transfer",
                          "NewContract"})


def _static_calls_only(facts: FileFacts, function: FunctionRecord,
                       node: NodeRecord) -> bool:
    if node.state_written:
        return False
    external = [ir for ir in node.irs if ir.op == "HighLevelCall"]
    return bool(external) and all(
        ir.attrs.get("static") and not ir.attrs.get("library") for ir in external
    ) and not any(
        ir.op in _OTHER_CALLS or (ir.op == "SolidityCall" and builtin_name(ir) in _ASSEMBLY_CALLS)
        for ir in node.irs)


def _effects_before_interactions(facts: FileFacts, function: FunctionRecord,
                                 node: NodeRecord) -> bool:
    return function.id in facts.settled_before_calls


CALLBACK_BEFORE_UPDATE = Definition(
    id="reentrancy.callback-before-update", category="reentrancy", kind="include",
    summary="In a public or external function with no authorisation check and no "
            "state-writing (lock) modifier, a call that runs the caller's code "
            "(`msg.sender.call{value: x}(\"\")`, a receiver hook on `msg.sender`, also "
            "through an internal helper) and the later writes of state read before it.",
    explanation="lets the caller's code run (a call to msg.sender) before the state the "
                "function relied on is updated, so the caller can re-enter first",
    precision=0.9978,
    measured_on="training split: 897 of 898 statements labelled (Laplace 897/899); "
                "validation 164 of 164",
    matches=_callback_before_update)

LOCK_HELD = Definition(
    id="reentrancy.lock-held", category="reentrancy", kind="exclude",
    summary="A statement of a function that only runs under a reentrancy lock (a modifier "
            "that checks and sets a state variable or transient storage before `_` and "
            "resets it after, itself or through helpers, such as OpenZeppelin's "
            "`nonReentrant`; or an internal function every caller of which holds one, at "
            "any depth) cannot be re-entered.",
    explanation="runs only under a reentrancy lock",
    precision=None, measured_on="the taxonomy's definition (a locked function cannot be "
                                "re-entered)",
    matches=_lock_held)

ASSEMBLY_WITHOUT_CALL = Definition(
    id="reentrancy.assembly-without-call", category="reentrancy", kind="exclude",
    summary="An inline assembly statement that makes no call and writes no storage "
            "(`extcodesize(account)`, `returndatasize()`) hands control to no one and "
            "changes no state: no reentrancy.",
    explanation="is inline assembly that neither calls out nor writes state",
    precision=None, measured_on="the taxonomy's definition (an external call that can "
                                "call back)",
    matches=_assembly_without_call)

STATIC_CALLS_ONLY = Definition(
    id="reentrancy.static-calls-only", category="reentrancy", kind="exclude",
    summary="A statement whose only calls are to other contracts' view or pure "
            "functions or public getters (a STATICCALL, solc 0.5.0 on), with no "
            "low-level, internal or library call, no ether sent and no state written "
            "(`uint256 price = oracle.price();`), hands control only to code that "
            "cannot change state and updates nothing: it is neither the call a "
            "re-entry comes through nor a stale write.",
    explanation="only calls view or pure functions (STATICCALL) and writes no state",
    precision=None, measured_on="the taxonomy's definition (an external call that can "
                                "call back, or state used after one)",
    matches=_static_calls_only)

EFFECTS_BEFORE_INTERACTIONS = Definition(
    id="reentrancy.effects-before-interactions", category="reentrancy", kind="exclude",
    summary="A function in which no path writes state after a call that can call back "
            "(itself or through what it calls internally, at any depth), and, for an "
            "internal one, whose every caller up to the entry points writes nothing after "
            "calling it, follows checks-effects-interactions: a re-entered call finds the "
            "state already updated. In a loop, each iteration counts on its own (a write "
            "that follows a call only in the next iteration, which reads the state "
            "afresh, is not after it), unless a local carries a value read from state "
            "from one iteration into the next. A call of another contract's view or pure "
            "function (a STATICCALL, solc 0.5.0 on) cannot call back to change state. "
            "Helpers declared in other files (base contracts, libraries) are read from "
            "the file's context.",
    explanation="writes no state after its external calls",
    precision=None, measured_on="the taxonomy's definition (state used after an "
                                "external call that can call back)",
    matches=_effects_before_interactions)
