"""unsafe-delegatecall: a `delegatecall` to an address the caller controls."""

from __future__ import annotations

from contractml.analysis.context import FileFacts
from contractml.analysis.dataflow import DELEGATING
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord


def _caller_chosen_target(facts: FileFacts, function: FunctionRecord,
                          node: NodeRecord) -> bool:
    return any(ir.op == "LowLevelCall" and ir.attrs.get("function") in DELEGATING
               for ir in node.irs) \
        and node.id in facts.of(function).caller_chosen_delegatecalls


def _setup_only(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return function.id in facts.setup_only


CALLER_CHOSEN_TARGET = Definition(
    id="unsafe-delegatecall.caller-chosen-target", category="unsafe-delegatecall",
    kind="include",
    summary="A `delegatecall` or `callcode` whose target derives from the caller's input, "
            "in a public or external function that checks no sender (a modifier that "
            "never reads `msg.sender` is no check) and runs more than once.",
    explanation="delegates to a target the caller chooses, in a function that checks no "
                "sender",
    precision=0.9804,
    measured_on="training split: 50 of 50 statements labelled (Laplace 50/51); "
                "validation 10 of 10",
    matches=_caller_chosen_target)

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
