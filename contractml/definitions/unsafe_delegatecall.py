"""unsafe-delegatecall: a `delegatecall` to an address the caller controls."""

from __future__ import annotations

from contractml.analysis.context import FileFacts
from contractml.analysis.dataflow import DELEGATING
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord


def _delegates(node: NodeRecord) -> bool:
    return any(ir.op == "LowLevelCall" and ir.attrs.get("function") in DELEGATING
               for ir in node.irs)


def _caller_chosen_target(facts: FileFacts, function: FunctionRecord,
                          node: NodeRecord) -> bool:
    """The function's own data flow finds the caller's input in the target
    (`caller_chosen_delegatecalls`), and caller control holds it too: an entry of a
    table only the owner fills, which the caller merely picks by index, is not the
    caller's target."""
    return _delegates(node) \
        and node.id in facts.of(function).caller_chosen_delegatecalls \
        and facts.caller_control.holds(function, node)


def _caller_placed_target(facts: FileFacts, function: FunctionRecord,
                          node: NodeRecord) -> bool:
    # the file-wide analysis runs only for a statement that delegates
    return _delegates(node) and node.id in facts.caller_placed_delegatecalls(function) \
        and node.id not in facts.of(function).caller_chosen_delegatecalls


def _setup_only(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return function.id in facts.setup_only


CALLER_CHOSEN_TARGET = Definition(
    id="unsafe-delegatecall.caller-chosen-target", category="unsafe-delegatecall",
    kind="include",
    summary="A `delegatecall` or `callcode` whose target derives from the caller's input "
            "(not an entry of a table only the owner fills that the caller merely picks "
            "by index), in a public or external function that checks no sender (a "
            "modifier that never reads `msg.sender` is no check) and runs more than once.",
    explanation="delegates to a target the caller chooses, in a function that checks no "
                "sender",
    precision=0.9804,
    measured_on="training split: 50 of 50 statements labelled (Laplace 50/51); "
                "validation 10 of 10",
    matches=_caller_chosen_target)

CALLER_PLACED_TARGET = Definition(
    id="unsafe-delegatecall.caller-placed-target", category="unsafe-delegatecall",
    kind="include",
    summary="A `delegatecall` or `callcode` that `caller-chosen-target` does not name, "
            "which a caller can run (a function with no authorisation check, sender "
            "comparison or modifier that checks the sender before `_`, or a helper or "
            "modifier one reaches), whose target the caller controls another way: "
            "passed on to an internal helper, returned by a contract the caller names, "
            "or read from a mapping or array such a function writes with the caller's "
            "value (`setHook(hook)` stores it, a modifier delegates to it).",
    explanation="delegates to a target the caller placed: passed through a helper, "
                "answered by a contract the caller names, or stored by anyone",
    precision=0.8,
    measured_on="development set: 4 of 4 statements labelled (Laplace 4/5); names none "
                "in the training or validation split, none in the 53 deployed contracts "
                "of the wild sample that hold a delegatecall",
    matches=_caller_placed_target)

SETUP_ONLY = Definition(
    id="unsafe-delegatecall.setup-only", category="unsafe-delegatecall", kind="exclude",
    summary="A statement of a constructor, of a function behind a one-time modifier (one "
            "that checks and sets a state variable before `_` and never resets it, as "
            "`initializer`), or of an internal function only those call, runs once, at "
            "deployment or set-up, with the target the deployer passes: a proxy's set-up, "
            "no delegatecall an attacker can steer.",
    explanation="runs only once, at deployment or set-up",
    precision=None, measured_on="the taxonomy's definition (the caller controls the "
                                "target)",
    matches=_setup_only)
