"""Facts over a file's call graph: which functions and modifiers read the sender, write
state or call back a caller, themselves or through what they call internally, and which
state arrays anyone can grow without a cap.

Each fact is a fixed point over internal and library calls (`callees`); a callee whose
record is not at hand counts as the fact says (`unknown`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from contractml.analysis.dataflow import (
    SENDERS,
    FunctionFacts,
    callees,
    calls_back,
    forwards,
    propagate,
)
from contractml.records import FunctionRecord


def _over_calls(functions: Mapping[str, FunctionRecord],
                holds: Callable[[FunctionRecord], bool], unknown: bool) -> dict[str, bool]:
    """function id -> `holds` for it or for anything it calls internally (internal and
    library calls), transitively; a callee not in `functions` counts as `unknown`."""
    result = {fid: holds(f) for fid, f in functions.items()}
    calls = {fid: {c for n in f.nodes for c in callees(n)} for fid, f in functions.items()}
    changed = True
    while changed:
        changed = False
        for fid, targets in calls.items():
            if not result[fid] and any(result.get(t, unknown) for t in targets):
                result[fid] = True
                changed = True
    return result


def sender_free(functions: Mapping[str, FunctionRecord]) -> frozenset[str]:
    """Ids of the functions and modifiers that read neither `msg.sender` nor `tx.origin`,
    themselves or through anything they call internally, transitively (a callee not in
    `functions` counts as reading it; `_msgSender()` reads it)."""
    reads = _over_calls(functions, lambda f: any(SENDERS & set(n.env_read) for n in f.nodes),
                        unknown=True)
    return frozenset(fid for fid, sender in reads.items() if not sender)


def state_writers(functions: Mapping[str, FunctionRecord]) -> dict[str, bool]:
    """function id -> writes state itself or through internal/library callees."""
    return _over_calls(functions, lambda f: any(n.state_written for n in f.nodes),
                       unknown=False)


def caller_hooks(functions: Mapping[str, FunctionRecord],
                 facts_of: Callable[[FunctionRecord], FunctionFacts] = FunctionFacts
                 ) -> frozenset[str]:
    """Ids of the functions that call back (`calls_back`) `msg.sender` or one of their
    parameters (passed on to locals, temporaries and conversions), themselves or through
    anything they call internally. `facts_of` gives a function's facts (a
    cache's, where the caller keeps one)."""
    def holds(function: FunctionRecord) -> bool:
        facts = facts_of(function)
        targets = propagate(facts._inputs | {"env:msg.sender"}, facts.irs, forwards)
        return any(calls_back(ir, targets) for ir in facts.irs)

    return frozenset(fid for fid, hooks in _over_calls(functions, holds, unknown=False).items()
                     if hooks)


def open_lists(functions: Mapping[str, FunctionRecord],
               facts_of: Callable[[FunctionRecord], FunctionFacts] = FunctionFacts
               ) -> frozenset[str]:
    """State arrays that anyone can make longer without bound: grown
    (`FunctionFacts.grown_lists`) by a public or external function other than a
    constructor, with no restricting modifier and no authorisation check
    (`checks_authority`, as the other definitions read "anyone can call"), itself or through
    what it calls internally, where neither it, its modifiers nor those callees compare
    the array's length (`capped_lists`)."""
    def closure(own: Callable[[FunctionFacts], frozenset[str]],
                with_modifiers: bool) -> dict[str, set[str]]:
        out = {fid: set(own(facts_of(f))) for fid, f in functions.items()}
        calls = {fid: {c for n in f.nodes for c in callees(n)}
                 | (set(f.modifiers) if with_modifiers else set())
                 for fid, f in functions.items()}
        changed = True
        while changed:
            changed = False
            for fid, targets in calls.items():
                for target in targets & out.keys():
                    if not out[target] <= out[fid]:
                        out[fid] |= out[target]
                        changed = True
        return out

    grown = closure(lambda facts: facts.grown_lists, with_modifiers=False)
    if not any(grown.values()):
        return frozenset()
    capped = closure(lambda facts: facts.capped_lists, with_modifiers=True)
    found: set[str] = set()
    for fid, function in functions.items():
        if not grown[fid] or function.visibility not in ("public", "external") \
                or function.kind == "constructor":
            continue
        facts = facts_of(function)
        if not (facts.restricting_modifiers or facts.checks_authority):
            found |= grown[fid] - capped[fid]
    return frozenset(found)
