"""denial-of-service: one failing party blocks everyone, or a loop outgrows a block."""

from __future__ import annotations

from contractml.analysis.context import FileFacts
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord


def _unbounded_loop(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return node.type == "IF_LOOP" and node.id in facts.unbounded_loops(function)


def _stored_party_failure(facts: FileFacts, function: FunctionRecord,
                          node: NodeRecord) -> bool:
    return node.in_loop and node.id in facts.of(function).stored_party_failures


UNBOUNDED_SHARED_LIST_LOOP = Definition(
    id="denial-of-service.unbounded-shared-list-loop", category="denial-of-service",
    kind="include",
    summary="The condition of a loop as long as a state array that a function anyone "
            "can call grows (also through an internal helper) with no cap on its length.",
    explanation="loops over a stored list that anyone can make longer without bound; "
                "once the list is long enough the loop needs more gas than a block holds, "
                "and every call that runs it fails",
    precision=0.8571,
    measured_on="development set: 6 of 6 statements labelled (Laplace 6/7); the "
                "training data labels no loop condition",
    matches=_unbounded_loop)

STORED_PARTY_FAILURE_IN_LOOP = Definition(
    id="denial-of-service.stored-party-failure-in-loop", category="denial-of-service",
    kind="include",
    summary="A call inside a loop, whose failure reverts the transaction, to a party "
            "taken from storage.",
    explanation="calls a party taken from storage, and when that one party fails the "
                "whole loop reverts for everyone",
    precision=0.8642,
    measured_on="training split: 140 of 161 statements labelled (Laplace 140/162; the 21 "
                "others are SolidiFI payment loops, a corpus without this category's "
                "labels)",
    matches=_stored_party_failure)
