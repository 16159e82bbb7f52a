"""arithmetic: overflow and underflow before 0.8 or inside `unchecked {}`."""

from __future__ import annotations

from contractml.analysis.context import FileFacts, can_wrap
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord


def _unchecked_caller_amount(facts: FileFacts, function: FunctionRecord,
                             node: NodeRecord) -> bool:
    return not node.checked and any(
        ir.op == "Binary" and ir.attrs.get("operator") == "-" for ir in node.irs) \
        and node.id in facts.of(function).stored_underflows


def _cannot_wrap(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    if node.type != "ENTRY_POINT":
        return not can_wrap(node)
    return not facts.may_wrap(function)


def _in_assembly(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return node.id in facts.of(function).assembly_nodes


UNCHECKED_CALLER_AMOUNT = Definition(
    id="arithmetic.unchecked-caller-amount", category="arithmetic", kind="include",
    summary="An amount the caller passes that nothing compares, subtracted where the "
            "subtraction can wrap from a stored value (`balances[msg.sender] -= value`), "
            "in a public or external function with no authorisation check.",
    explanation="subtracts an amount the caller chooses, which nothing checks, from a "
                "stored value, where the subtraction wraps instead of reverting",
    precision=0.9983,
    measured_on="training split: 585 of 585 statements labelled (Laplace 585/586); "
                "validation 100 of 100",
    matches=_unchecked_caller_amount)

CANNOT_WRAP = Definition(
    id="arithmetic.cannot-wrap", category="arithmetic", kind="exclude",
    summary="A statement with no operator that can wrap there (checked 0.8 arithmetic, "
            "division, comparisons) and no internal or library call that could hold one, "
            "or the header of a function without such a statement, is no overflow.",
    explanation="holds no arithmetic that can wrap",
    precision=None, measured_on="the taxonomy's definition (overflow needs an operator "
                                "that wraps)",
    matches=_cannot_wrap)

IN_ASSEMBLY = Definition(
    id="arithmetic.in-assembly", category="arithmetic", kind="exclude",
    summary="Arithmetic inside an inline assembly block (`sub(returndatasize(), 0x04)`) "
            "wraps by the language's definition and is written for it: the code asks for "
            "machine arithmetic, no overflow check was left out.",
    explanation="is inline assembly, whose arithmetic wraps by design",
    precision=None, measured_on="the taxonomy's definition (a check the language makes "
                                "is missing)",
    matches=_in_assembly)
