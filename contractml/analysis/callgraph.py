"""Facts over a file's call graph: which functions and modifiers read the sender, write
state or call back a caller, themselves or through what they call internally, and which
state arrays anyone can grow without a cap.

Each fact is a fixed point over internal and library calls (`callees`); a callee whose
record is not at hand counts as the fact says (`unknown`).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping

from contractml.analysis.dataflow import (
    SENDERS,
    FunctionFacts,
    builtin_name,
    callees,
    calls_back,
    forwards,
    is_check,
    is_reentrant_call,
    propagate,
)
from contractml.records import FunctionRecord, IROp, NodeRecord


def _closure(functions: Mapping[str, FunctionRecord],
             own: Callable[[FunctionRecord], Iterable[str]],
             with_modifiers: bool = False) -> dict[str, set[str]]:
    """function id -> `own` of it united with `own` of everything it calls internally
    (and, `with_modifiers`, of its modifiers), transitively."""
    out = {fid: set(own(f)) for fid, f in functions.items()}
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


def _over_calls(functions: Mapping[str, FunctionRecord],
                holds: Callable[[FunctionRecord], bool], unknown: bool,
                calls: Mapping[str, set[str]] | None = None) -> dict[str, bool]:
    """function id -> `holds` for it or for anything it calls internally (internal and
    library calls, or the edges `calls` when given), transitively; a callee not in
    `functions` counts as `unknown`."""
    result = {fid: holds(f) for fid, f in functions.items()}
    if calls is None:
        calls = {fid: {c for n in f.nodes for c in callees(n)}
                 for fid, f in functions.items()}
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
    grown = _closure(functions, lambda f: facts_of(f).grown_lists)
    if not any(grown.values()):
        return frozenset()
    capped = _closure(functions, lambda f: facts_of(f).capped_lists, with_modifiers=True)
    found: set[str] = set()
    for fid, function in functions.items():
        if not grown[fid] or function.visibility not in ("public", "external") \
                or function.kind == "constructor":
            continue
        facts = facts_of(function)
        if not (facts.restricting_modifiers or facts.checks_authority):
            found |= grown[fid] - capped[fid]
    return frozenset(found)


#: The pseudo state variable that transient storage (`tload`/`tstore`) reads and writes:
#: slots are not told apart.
TRANSIENT = "transient:slot"


def _solidity_call(ir: IROp, name: str) -> bool:
    return ir.op == "SolidityCall" and builtin_name(ir) == name


def _checked_state(node: NodeRecord) -> set[str]:
    """State the node reads in a check (a condition, `require`, `assert`), transient
    storage included."""
    if not any(is_check(ir) for ir in node.irs):
        return set()
    found = set(node.state_read)
    if any(_solidity_call(ir, "tload") for ir in node.irs):
        found.add(TRANSIENT)
    return found


def _written_state(node: NodeRecord) -> set[str]:
    found = set(node.state_written)
    if any(_solidity_call(ir, "tstore") for ir in node.irs):
        found.add(TRANSIENT)
    return found


def _through_calls(functions: Mapping[str, FunctionRecord],
                   own: Callable[[NodeRecord], set[str]]) -> dict[str, set[str]]:
    """function id -> `own` over its nodes and, transitively, over those of everything
    it calls internally."""
    return _closure(functions, lambda f: {key for n in f.nodes for key in own(n)})


def _over(nodes: list[NodeRecord], own: Callable[[NodeRecord], set[str]],
          through: Mapping[str, set[str]]) -> set[str]:
    """`own` over `nodes` and `through` (a `_through_calls` result) over their callees."""
    keys: set[str] = set()
    for node in nodes:
        keys |= own(node)
        for callee in callees(node):
            keys |= through.get(callee, set())
    return keys


#: modifier id -> (state checked before `_`, written before `_`, written after `_`).
ModifierState = Mapping[str, tuple[set[str], set[str], set[str]]]


def modifier_state(functions: Mapping[str, FunctionRecord]
                   ) -> dict[str, tuple[set[str], set[str], set[str]]]:
    """modifier id -> (state it checks before `_`, state it writes before `_`, state it
    writes after `_`), through what it calls."""
    checked = _through_calls(functions, _checked_state)
    written = _through_calls(functions, _written_state)
    out: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for fid, function in functions.items():
        if function.kind != "modifier":
            continue
        facts = FunctionFacts(function)
        placeholders = [n.id for n in function.nodes if n.type == "_"]
        if not placeholders:
            continue
        before = [facts.nodes[n] for n in
                  facts.reach(placeholders, reverse=True) - set(placeholders)]
        after = [facts.nodes[n] for n in facts.reach(placeholders) - set(placeholders)]
        out[fid] = (_over(before, _checked_state, checked),
                    _over(before, _written_state, written),
                    _over(after, _written_state, written))
    return out


def once_modifiers(states: ModifierState) -> frozenset[str]:
    """Modifiers that let a function run once: before `_` they check a state variable
    and set it, and never reset it after (`require(!initialized); initialized = true;
    _;`, OpenZeppelin's `initializer`), from `modifier_state`."""
    return frozenset(fid for fid, (checked, before, after) in states.items()
                     if (checked & before) - after)


def lock_modifiers(states: ModifierState) -> frozenset[str]:
    """Modifiers that hold a reentrancy lock: before the placeholder `_` they check a
    state variable (or transient storage) and write it, after `_` they write it again,
    themselves or through what they call (`require(!locked); locked = true; _; locked =
    false;`, or helpers doing the same, as OpenZeppelin's `nonReentrant`), from
    `modifier_state`."""
    return frozenset(fid for fid, (checked, before, after) in states.items()
                     if checked & before & after)


def lock_held(functions: Mapping[str, FunctionRecord], locks: frozenset[str],
              constructors: bool = False, seeds: Iterable[str] = (),
              among: Container[str] | None = None) -> frozenset[str]:
    """Functions that only ever run under one of the modifiers `locks` (or, with
    `constructors`, in a constructor; or in one of `seeds`): those with such a modifier,
    and internal or private functions (of `among`, when given) called only from such
    functions (at any depth, with at least one caller in `functions`)."""
    held = {fid for fid, f in functions.items()
            if any(m in locks for m in f.modifiers)
            or (constructors and f.kind == "constructor")} | set(seeds)
    callers: dict[str, set[str]] = {}
    for fid, function in functions.items():
        for node in function.nodes:
            for callee in callees(node):
                callers.setdefault(callee, set()).add(fid)
    changed = True
    while changed:
        changed = False
        for fid, function in functions.items():
            if (fid not in held and function.visibility in ("internal", "private")
                    and function.kind == "function" and callers.get(fid)
                    and (among is None or fid in among) and callers[fid] <= held):
                held.add(fid)
                changed = True
    return frozenset(held)


def authorising(functions: Mapping[str, FunctionRecord]) -> frozenset[str]:
    """Ids of the functions and modifiers that authorise the sender
    (`FunctionFacts.authorises_by`: `msg.sender` compared with, or checked as a key of,
    a stored authority), themselves or through what they call internally, at any depth.
    A call of a function declared without a body (a virtual helper) reaches every
    implemented function of the same signature, as dispatch in a derived contract does."""
    by_signature: dict[str, set[str]] = {}
    for fid, function in functions.items():
        if function.implemented:
            by_signature.setdefault(fid.split(".", 1)[-1], set()).add(fid)
    calls: dict[str, set[str]] = {}
    for fid, function in functions.items():
        targets = {c for n in function.nodes for c in callees(n)}
        for target in list(targets):
            known = functions.get(target)
            if known is None or not known.implemented:
                targets |= by_signature.get(target.split(".", 1)[-1], set())
        calls[fid] = targets
    result = _over_calls(functions, lambda f: bool(FunctionFacts(f).authorises_by),
                         unknown=False, calls=calls)
    # an unimplemented helper authorises when its implementations do
    for fid, function in functions.items():
        if not function.implemented and any(
                result.get(t, False) for t in by_signature.get(fid.split(".", 1)[-1], ())):
            result[fid] = True
    return frozenset(fid for fid, yes in result.items() if yes)


def _calls_back(ir: IROp) -> bool:
    """A call that can call back and change state: `is_reentrant_call` but not a
    STATICCALL (a view or pure function of another contract, `static`), or `call`,
    `callcode` or `delegatecall` in inline assembly."""
    return (is_reentrant_call(ir) and not ir.attrs.get("static")) or (
        ir.op == "SolidityCall" and builtin_name(ir) in ("call", "callcode", "delegatecall"))


def updates_after_calls(functions: Mapping[str, FunctionRecord]) -> frozenset[str]:
    """Ids of the functions in which some path writes state after a call that can call
    back (`_calls_back`), counting a call of an internal function that makes one,
    and a write by an internal function, at any depth; a callee whose record is not at
    hand counts as doing both. A statement that makes such a call counts as writing
    after it when it writes state itself (`x = token.transfer(...)`), when a function
    it calls does so (at any depth), or when it calls out directly and a callee writes;
    an internal callee that writes before its own calls and nothing after them does
    not. In a loop, a write that comes after a call only in a later iteration (each
    iteration writes, then calls) is not after it, unless a local carries a value read
    from state from one iteration to the next
    (`FunctionFacts.carries_state_across_iterations`): each iteration reads the state
    afresh, after the calls of the one before."""
    calls_out = _over_calls(functions, lambda f: any(_calls_back(ir) for n in f.nodes
                                                     for ir in n.irs), unknown=True)
    writes = _over_calls(functions, lambda f: any(n.state_written for n in f.nodes),
                         unknown=True)
    found: set[str] = set()
    #: function -> the callees of its calling statements: it is late once one of them is
    waits_on: dict[str, set[str]] = {}
    for fid, function in functions.items():
        calling = [n for n in function.nodes
                   if any(_calls_back(ir) for ir in n.irs)
                   or any(calls_out.get(c, True) for c in callees(n))]
        if not calling:
            continue
        facts = FunctionFacts(function)
        writing = {n.id for n in function.nodes
                   if n.state_written or any(writes.get(c, True) for c in callees(n))}
        after = facts.reach_after((n.id for n in calling), strictly_after=True,
                                  across_iterations=facts.carries_state_across_iterations)
        if after & writing or any(
                n.state_written
                or any(c not in functions for c in callees(n))
                or (any(_calls_back(ir) for ir in n.irs)
                    and any(writes.get(c, True) for c in callees(n)))
                for n in calling):
            found.add(fid)
        else:
            waits_on[fid] = {c for n in calling for c in callees(n)}
    changed = True
    while changed:
        changed = False
        for fid, targets in waits_on.items():
            if fid not in found and targets & found:
                found.add(fid)
                changed = True
    return frozenset(found)


#: Operations with an effect outside the function's own memory and stack.
_EFFECTS = frozenset({"LowLevelCall", "HighLevelCall", "Send", "Transfer", "NewContract",
                      "EventCall"})
_EFFECT_BUILTINS = frozenset({"selfdestruct", "suicide", "sstore", "tstore", "call",
                              "callcode", "delegatecall", "staticcall", "create", "create2",
                              "log0", "log1", "log2", "log3", "log4"})


def node_has_effect(node: NodeRecord) -> bool:
    """Whether the statement itself writes state or has an effect beyond the function's
    own memory and stack (an external call, ether, a new contract, an event, a storage
    or transient store, a log, a call or creation or `selfdestruct` in assembly)."""
    return bool(node.state_written) or any(
        ir.op in _EFFECTS or (ir.op == "SolidityCall" and builtin_name(ir) in _EFFECT_BUILTINS)
        for ir in node.irs)


def effect_free(functions: Mapping[str, FunctionRecord]) -> frozenset[str]:
    """Ids of the functions that write no state, call out to no one (no external,
    low-level or library call to code not at hand), send no ether, emit nothing and
    never `selfdestruct`, themselves or through what they call internally: whatever
    their checks say, calling them changes nothing (`revert NotImplemented();`)."""
    def effects(function: FunctionRecord) -> bool:
        return any(node_has_effect(n) for n in function.nodes)

    has = _over_calls(functions, effects, unknown=True)
    return frozenset(fid for fid, yes in has.items() if not yes)
