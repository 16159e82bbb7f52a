"""unchecked-call: a low-level call or send whose result is ignored."""

from __future__ import annotations

from contractml.analysis.context import FileFacts
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord


def _handled(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return node.id in facts.of(function).handled_statements


HANDLED_RESULT = Definition(
    id="unchecked-call.handled-result", category="unchecked-call", kind="exclude",
    summary="A statement whose low-level calls and sends all have their success flag "
            "handled (checked, returned, stored, emitted or passed on) is no unchecked "
            "call.",
    explanation="handles the success flag of every call it makes",
    precision=None, measured_on="the taxonomy's definition (the result is ignored)",
    matches=_handled)
