"""Races ranked by the chain clock: comparisons of two durations measured with
`block.timestamp`, over a file's call graph.

Only functions that store the sender (a new leader, the closest guess) are searched:
the comparison ranks callers. A *moment* is `block.timestamp` / `now`, a value made from
one by assignments, conversions and `+`, a state variable some function writes with a
moment (an entry or member of one counts as the variable), or an internal function's
parameter passed one. A *duration* is the result of a `-` with a moment among its
operands, passed on by assignments, conversions, `+` and `-`, a state variable written
with a duration, or the result of an internal call whose callee returns one. Comparing a
duration with a duration (`reaction < bestReaction`, `miss < bestMiss`) ranks callers by
seconds a block producer can move; a deadline (a moment against a moment) or a cooldown
(a duration against a constant) is not a race.
"""

from __future__ import annotations

from collections.abc import Mapping

from contractml.analysis.control import stored_into
from contractml.analysis.dataflow import PASSES, TIMESTAMP, is_check, local_sources
from contractml.records import FunctionRecord, IROp, NodeRecord

#: Comparisons that rank.
ORDER = frozenset({"<", "<=", ">", ">="})


def timed_races(functions: Mapping[str, FunctionRecord]) -> dict[str, frozenset[int]]:
    """Function id -> nodes with a comparison of two durations that decides control
    flow (module doc), to a fixed point over `functions`."""
    if not any(TIMESTAMP & set(ir.reads) for f in functions.values() for node in f.nodes
               for ir in node.irs):
        return {}
    moments: dict[str, set[str]] = {fid: set(TIMESTAMP) for fid in functions}
    durations: dict[str, set[str]] = {fid: set() for fid in functions}
    stored_moments: set[str] = set()
    stored_durations: set[str] = set()
    returns_duration: set[str] = set()
    pointers = {fid: local_sources(f) for fid, f in functions.items()}
    changed = True
    while changed:
        changed = False
        for fid, function in functions.items():
            moment, duration = moments[fid], durations[fid]
            before = (len(moment), len(duration))
            _spread(function, moment, duration, stored_moments, stored_durations,
                    returns_duration)
            changed |= (len(moment), len(duration)) != before
            for node in function.nodes:
                for ir in node.irs:
                    if ir.op == "Return" and set(ir.reads) & duration \
                            and fid not in returns_duration:
                        returns_duration.add(fid)
                        changed = True
                    if ir.op == "InternalCall" and ir.attrs.get("callee") in functions:
                        callee = str(ir.attrs["callee"])
                        for argument, parameter in zip(
                                ir.reads, functions[callee].parameters, strict=False):
                            if argument in moment and parameter != "local:" \
                                    and parameter not in moments[callee]:
                                moments[callee].add(parameter)
                                changed = True
                    if not ir.lvalue or ir.op in ("Index", "Member"):
                        continue
                    for state in _stored(node, ir.lvalue, pointers[fid]):
                        for held, store in ((moment, stored_moments),
                                            (duration, stored_durations)):
                            if set(ir.reads) & held and state not in store:
                                store.add(state)
                                changed = True
    out: dict[str, frozenset[int]] = {}
    for fid, function in functions.items():
        if not _ranks_sender(function, pointers[fid]):
            continue
        duration = durations[fid]
        named = frozenset(node.id for node in function.nodes
                          if any(_race(ir, node, duration) for ir in node.irs))
        if named:
            out[fid] = named
    return out


def _ranks_sender(function: FunctionRecord, pointers: Mapping[str, set[str]]) -> bool:
    """The function stores `msg.sender` (a new leader, a closest guess)."""
    return any(ir.lvalue and "env:msg.sender" in ir.reads and ir.op in PASSES
               and _stored(node, ir.lvalue, pointers)
               for node in function.nodes for ir in node.irs)


def _race(ir: IROp, node: NodeRecord, duration: set[str]) -> bool:
    return (ir.op == "Binary" and ir.attrs.get("operator") in ORDER
            and len(ir.reads) == 2 and all(r in duration for r in ir.reads)
            and ir.lvalue is not None
            and any(is_check(other) and ir.lvalue in other.reads for other in node.irs))


def _spread(function: FunctionRecord, moment: set[str], duration: set[str],
            stored_moments: set[str], stored_durations: set[str],
            returns_duration: set[str]) -> None:
    """Add to `moment` and `duration` what the function's operations make of them."""
    irs = [ir for node in function.nodes for ir in node.irs]
    changed = True
    while changed:
        changed = False
        for ir in irs:
            if not ir.lvalue:
                continue
            reads = set(ir.reads)
            if ir.op in ("Index", "Member"):
                base = ir.reads[:1]
                is_moment = bool(set(base) & (moment | stored_moments))
                is_duration = bool(set(base) & (duration | stored_durations))
            else:
                moments_read = reads & (moment | stored_moments)
                durations_read = reads & (duration | stored_durations)
                operator = ir.attrs.get("operator") if ir.op == "Binary" else None
                is_moment = bool(moments_read) and (ir.op in PASSES or operator == "+") \
                    and not durations_read
                is_duration = (operator == "-" and bool(moments_read | durations_read)) \
                    or (bool(durations_read) and (ir.op in PASSES or operator == "+")) \
                    or (ir.op == "InternalCall"
                        and ir.attrs.get("callee") in returns_duration)
            for flag, held in ((is_moment, moment), (is_duration, duration)):
                if flag and ir.lvalue not in held:
                    held.add(ir.lvalue)
                    changed = True


def _stored(node: NodeRecord, key: str, pointers: Mapping[str, set[str]]) -> set[str]:
    """The state variables the node writes through an assignment to `key`
    (`control.stored_into`)."""
    return stored_into(node, key, pointers) & set(node.state_written)
