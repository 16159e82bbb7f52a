"""The category definitions: the taxonomy read as facts over the analysis layer.

`DEFINITIONS` lists every definition (`base.Definition`); `contractml rules`,
docs/rules.md and the SARIF rule help are generated from it. `Definitions` applies them
to one file's records for the fusion step (`contractml.fusion`).
"""

from __future__ import annotations

from collections.abc import Sequence

from contractml.analysis.context import FileFacts, NodeIndex
from contractml.definitions import (
    access_control,
    arithmetic,
    bad_randomness,
    denial_of_service,
    front_running,
    reentrancy,
    time_manipulation,
    unchecked_call,
    unsafe_delegatecall,
)
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord

#: Every definition, in the order the fusion step tries them within a category.
DEFINITIONS: tuple[Definition, ...] = (
    reentrancy.CALLBACK_BEFORE_UPDATE,
    reentrancy.LOCK_HELD,
    reentrancy.ASSEMBLY_WITHOUT_CALL,
    reentrancy.STATIC_CALLS_ONLY,
    reentrancy.EFFECTS_BEFORE_INTERACTIONS,
    access_control.TX_ORIGIN_AUTHORISATION,
    access_control.UNGUARDED_AUTHORITY_WRITE,
    access_control.ORIGIN_IS_NO_AUTHORISATION,
    access_control.NO_EFFECT,
    access_control.MEMORY_ONLY_ASSEMBLY,
    arithmetic.UNCHECKED_CALLER_AMOUNT,
    arithmetic.CANNOT_WRAP,
    arithmetic.IN_ASSEMBLY,
    unchecked_call.HANDLED_RESULT,
    denial_of_service.UNBOUNDED_SHARED_LIST_LOOP,
    denial_of_service.STORED_PARTY_FAILURE_IN_LOOP,
    bad_randomness.CHAIN_DATA_REDUCED,
    bad_randomness.CHAIN_DATA_NUMBER,
    bad_randomness.TURN_TAKING,
    front_running.REVEALED_SECRET_CLAIM,
    front_running.UNBOUNDED_PRICE,
    front_running.UNBOUND_CLAIM,
    time_manipulation.SHORT_TIMESTAMP_WINDOW,
    time_manipulation.TIMED_RACE,
    unsafe_delegatecall.CALLER_CHOSEN_TARGET,
    unsafe_delegatecall.CALLER_PLACED_TARGET,
    unsafe_delegatecall.SETUP_ONLY,
)

BY_ID: dict[str, Definition] = {d.id: d for d in DEFINITIONS}


def of_category(category: str, kind: str | None = None) -> tuple[Definition, ...]:
    """The definitions of a category (of one kind, when given), in registry order."""
    return tuple(d for d in DEFINITIONS
                 if d.category == category and (kind is None or d.kind == kind))


_INCLUDING = {c: of_category(c, "include") for c in {d.category for d in DEFINITIONS}}
_EXCLUDING = {c: of_category(c, "exclude") for c in {d.category for d in DEFINITIONS}}


class Definitions:
    """The definitions applied to the functions of `nodes` (one compilation's
    `analysis.context.node_index`). Facts are cached per file and function, so one
    instance serves every graph scored over the same `nodes`."""

    def __init__(self, nodes: NodeIndex | None = None,
                 context: Sequence[FunctionRecord] = (),
                 facts: FileFacts | None = None) -> None:
        self.facts = facts or FileFacts(nodes, context)

    def including(self, category: str, function: FunctionRecord,
                  node: NodeRecord) -> list[Definition]:
        """The `include` definitions of `category` that name the statement."""
        return [d for d in _INCLUDING.get(category, ())
                if d.matches(self.facts, function, node)]

    def excluding(self, category: str, function: FunctionRecord,
                  node: NodeRecord) -> list[Definition]:
        """The `exclude` definitions of `category` that rule the statement out."""
        return [d for d in _EXCLUDING.get(category, ())
                if d.matches(self.facts, function, node)]


__all__ = ["BY_ID", "DEFINITIONS", "Definition", "Definitions", "of_category"]
