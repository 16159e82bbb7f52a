"""Caller control over a file's call graph: which values a caller of the contract can
choose, through the paths a one-function analysis (`FunctionFacts.derived`) does not see.

A value is *caller-controlled* when it derives (assignments, conversions, arithmetic,
struct construction, members and entries of a controlled value) from:

- a parameter of a function anyone can call (`callable_by_anyone`), or `msg.data`;
- a parameter of an internal function or modifier at a position where a function anyone
  can reach passes a controlled value (`_route(resolver, ...)`, `onlyIf(flag)`);
- the answer of an external call to a controlled address (`IResolver(resolver).railFor()`);
- an entry of a mapping or array that a function anyone can reach writes with a
  controlled value (`hookOf[msg.sender] = hook` in an open `setHook`, a plugin anyone
  publishes), read anywhere in the same contract. A plain variable anyone overwrites (an
  implementation slot behind an unguarded `upgradeTo`) is not counted: that write is
  the defect, access-control's, and it takes the contract over for every caller at once.

A modifier restricts nobody when all it checks of the sender is its entry of one state
mapping and a function anyone can call writes that entry for the sender
(`open_memberships`: `onlyMember` after an open `join`): membership anyone can take is
no authorisation, so functions behind it are open too.

An entry of a mapping or array is controlled only when the mapping or array is: choosing
which entry of a table the owner fills (`targets[id]`) controls no address.
Flow-insensitive within a function, and a fixed point over the contract's functions, so
a write anywhere taints every read of the variable in that contract.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from contractml.analysis.dataflow import (
    CALL_OPS,
    DELEGATING,
    SENDERS,
    FunctionFacts,
    callees,
    function_irs,
    local_sources,
)
from contractml.records import FunctionRecord, IROp, NodeRecord

#: Environment values a caller chooses outright (an address can be encoded in them).
_CALLER_DATA = frozenset({"env:msg.data"})
#: Operations that read an element of their first operand.
_SELECTS = frozenset({"Index", "Member"})


@dataclass(frozen=True)
class CallerControl:
    #: public or external functions anyone can call (`callable_by_anyone`)
    entries: frozenset[str]
    #: function and modifier ids a caller can run: open entry points and what they reach
    runnable: frozenset[str]
    #: function id -> the variable keys caller-controlled in it
    controlled: Mapping[str, frozenset[str]]
    #: (contract, state key) pairs some runnable function writes with a controlled value
    stored: frozenset[tuple[str, str]]

    def delegatecalls(self, function: FunctionRecord) -> frozenset[int]:
        """Nodes of a runnable function with a `delegatecall` or `callcode` whose
        destination is caller-controlled."""
        if function.id not in self.runnable:
            return frozenset()
        return frozenset(
            node.id for node in function.nodes for ir in node.irs
            if ir.op == "LowLevelCall" and ir.attrs.get("function") in DELEGATING
            and self._controlled_destination(function, ir))

    def holds(self, function: FunctionRecord, node: NodeRecord) -> bool:
        """Some call of the node has a caller-controlled destination, whoever can run
        the function."""
        return any(self._controlled_destination(function, ir) for ir in node.irs)

    def _controlled_destination(self, function: FunctionRecord, ir: IROp) -> bool:
        key = ir.attrs.get("destination")
        return isinstance(key, str) and (
            key in self.controlled.get(function.id, frozenset())
            or (function.contract, key) in self.stored)


def callable_by_anyone(facts: FunctionFacts, setup_only: frozenset[str],
                       restricting: frozenset[str]) -> bool:
    """Public or external, not a constructor or set-up only, with no authorisation check
    (`FunctionFacts.checks_authority`: balance checks are no authorisation), no
    comparison of the sender (`msg.sender != admin()`) and no modifier among
    `restricting`."""
    function = facts.function
    return (function.visibility in ("public", "external")
            and function.kind not in ("constructor", "modifier")
            and function.id not in setup_only and not facts.checks_authority
            and not _compares_sender(function)
            and not restricting.intersection(function.modifiers))


def _compares_sender(function: FunctionRecord) -> bool:
    return any(ir.op == "Binary" and ir.attrs.get("operator") in ("==", "!=")
               and SENDERS & set(ir.reads) for node in function.nodes for ir in node.irs)


def restricts(facts: FunctionFacts) -> bool:
    """A modifier lets only some callers through: it checks authority
    (`FunctionFacts.checks_authority`), or before its `_` a statement reads the sender
    (`if (msg.sender == admin())`, `require(isAllowed(msg.sender))`) or calls a helper
    that reads it (`_checkOwner()`: not in `sender_free`). A modifier that reads the
    sender only after `_` (a hook it runs for the caller) restricts nobody."""
    if facts.checks_authority:
        return True
    placeholders = [n.id for n in facts.function.nodes if n.type == "_"]
    before = facts.reach(placeholders, reverse=True) - set(placeholders)
    return any(
        any(SENDERS & set(ir.reads) for ir in facts.nodes[n].irs)
        or any(callee not in facts.sender_free for callee in callees(facts.nodes[n]))
        for n in before)


def _sender_entry(ir: IROp) -> str | None:
    """The state mapping an operation takes the sender's entry of (`members[msg.sender]`),
    or None."""
    if (ir.op == "Index" and len(ir.reads) == 2 and ir.lvalue
            and ir.reads[1] == "env:msg.sender" and ir.reads[0].startswith("state:")
            and ir.read_types[:1] and ir.read_types[0].startswith("mapping(")):
        return ir.reads[0]
    return None


def membership_keys(modifier: FunctionRecord) -> frozenset[tuple[str, str]]:
    """What a modifier reads of the sender's entry of one state mapping, when that is
    its only use of the sender and it calls nothing: {(mapping, member)} for
    `require(members[msg.sender].active)`, {(mapping, "")} for
    `require(isPlayer[msg.sender])`; empty otherwise."""
    entries: dict[str, str] = {}  # the Index temporary -> the mapping
    read: set[tuple[str, str]] = set()
    for node in modifier.nodes:
        for ir in node.irs:
            if ir.op in CALL_OPS or ir.op in ("InternalCall", "LibraryCall"):
                return frozenset()
            mapping = _sender_entry(ir)
            if mapping is not None and ir.lvalue:
                entries[ir.lvalue] = mapping
            elif SENDERS & set(ir.reads):
                return frozenset()
    for node in modifier.nodes:
        for ir in node.irs:
            for key in ir.reads:
                if key not in entries:
                    continue
                if ir.op == "Member" and ir.reads[0] == key:
                    read.add((entries[key], str(ir.attrs.get("member", ""))))
                else:
                    read.add((entries[key], ""))
    return frozenset(read) if len({m for m, _ in read}) == 1 else frozenset()


def _sender_entry_writes(function: FunctionRecord) -> set[tuple[str, str]]:
    """(mapping, member) pairs the function writes of the sender's entry:
    (`members`, "") for the whole entry (`members[msg.sender] = Member(...)`,
    `isPlayer[msg.sender] = true`), (`members`, "active") for one member."""
    written: set[tuple[str, str]] = set()
    for node in function.nodes:
        entries = {ir.lvalue: mapping for ir in node.irs
                   if ir.lvalue and (mapping := _sender_entry(ir)) in node.state_written}
        if not entries:
            continue
        members = {ir.lvalue: (entries[ir.reads[0]], str(ir.attrs.get("member", "")))
                   for ir in node.irs if ir.op == "Member" and ir.lvalue
                   and ir.reads[:1] and ir.reads[0] in entries}
        for ir in node.irs:
            if ir.op in ("Index", "Member") or not ir.lvalue:
                continue
            if ir.lvalue in entries:
                written.add((entries[ir.lvalue], ""))
            elif ir.lvalue in members:
                written.add(members[ir.lvalue])
    return written


def open_memberships(functions: Mapping[str, FunctionRecord],
                     entries: Callable[[], frozenset[str]]) -> frozenset[str]:
    """Modifiers that restrict nobody: their only use of the sender is what they read of
    its entry of one state mapping (`membership_keys`), and functions of `entries`
    (anyone can call them) write it, whole or that member (`members[msg.sender] =
    ...` in an open `join`). `entries` is called only when some modifier has the
    shape."""
    candidates = {fid: keys for fid, f in functions.items() if f.kind == "modifier"
                  and (keys := membership_keys(f))}
    if not candidates:
        return frozenset()
    written: set[tuple[str, str]] = set()
    for fid in entries():
        if fid in functions:
            written |= _sender_entry_writes(functions[fid])
    return frozenset(fid for fid, keys in candidates.items()
                     if all(key in written or (key[0], "") in written for key in keys))


def caller_control(functions: Mapping[str, FunctionRecord],
                   facts_of: Callable[[FunctionRecord], FunctionFacts],
                   setup_only: frozenset[str],
                   open_modifiers: frozenset[str] = frozenset()) -> CallerControl:
    """The fixed point described in the module doc over `functions` (one compilation).
    `open_modifiers` restrict nobody (`open_memberships`)."""
    # a modifier whose record is not at hand is taken to restrict
    restricting = frozenset(m for f in functions.values() for m in f.modifiers
                            if m not in open_modifiers and (
                                m not in functions or restricts(facts_of(functions[m]))))
    entries = {fid for fid, f in functions.items()
               if callable_by_anyone(facts_of(f), setup_only, restricting)}
    controlled: dict[str, set[str]] = {
        fid: {*functions[fid].parameters, *_CALLER_DATA} - {"local:"} for fid in entries}
    runnable = set(entries)
    stored: set[tuple[str, str]] = set()
    pointers = {fid: local_sources(f) for fid, f in functions.items()}
    collections = _collections(functions)
    changed = True
    while changed:
        changed = False
        for fid in sorted(runnable):
            function = functions[fid]
            held = controlled.setdefault(fid, set())
            before = len(held)
            _spread(function, held, stored)
            changed |= len(held) != before
            for node in function.nodes:
                for ir in node.irs:
                    # a write of a controlled value into the contract's storage
                    if (ir.lvalue and ir.op not in _SELECTS and ir.op not in CALL_OPS
                            and _reads_controlled(function, ir.reads, held, stored)):
                        for state in stored_into(node, ir.lvalue, pointers[fid]):
                            if state in node.state_written and state in collections \
                                    and (function.contract, state) not in stored:
                                stored.add((function.contract, state))
                                changed = True
                    # a call of an internal function or modifier: it becomes runnable,
                    # with the positions passed a controlled value
                    callee = ir.attrs.get("callee")
                    if ir.op != "InternalCall" or callee not in functions:
                        continue
                    if callee not in runnable:
                        runnable.add(callee)
                        changed = True
                    target = controlled.setdefault(str(callee), set())
                    for argument, parameter in zip(ir.reads, functions[callee].parameters,
                                                   strict=False):
                        if parameter != "local:" and parameter not in target \
                                and _reads_controlled(function, (argument,), held, stored):
                            target.add(parameter)
                            changed = True
        # a modifier applied to a runnable function runs whenever it does
        for fid in sorted(runnable):
            for modifier in functions[fid].modifiers:
                if modifier in functions and modifier not in runnable:
                    runnable.add(modifier)
                    changed = True
    return CallerControl(
        entries=frozenset(entries), runnable=frozenset(runnable),
        controlled={fid: frozenset(keys) for fid, keys in controlled.items()},
        stored=frozenset(stored))


def _collections(functions: Mapping[str, FunctionRecord]) -> frozenset[str]:
    """State keys of mappings and arrays, from the types the functions read them with."""
    return frozenset(
        key for f in functions.values() for node in f.nodes for ir in node.irs
        for key, kind in zip(ir.reads, ir.read_types, strict=False)
        if key.startswith("state:") and (kind.startswith("mapping(") or kind.endswith("]")))


def stored_into(node: NodeRecord, key: str, pointers: Mapping[str, set[str]],
                depth: int = 0) -> set[str]:
    """The state variables an assignment to `key` in `node` stores into: the variable
    itself, the mapping or array of an entry (`hookOf[msg.sender]`), the struct of a
    member (`plugins[n].implementation`), through the node's references and a local
    storage pointer (`local_sources`). Index keys are read, not written."""
    if key.startswith("state:"):
        return {key}
    if key.startswith("local:"):
        return set(pointers.get(key, ()))
    if depth > 8 or not key.startswith("tmp:"):
        return set()
    for ir in node.irs:
        if ir.lvalue == key and ir.op in _SELECTS and ir.reads:
            return stored_into(node, ir.reads[0], pointers, depth + 1)
    return set()


def _reads_controlled(function: FunctionRecord, reads: tuple[str, ...],
                      held: set[str], stored: set[tuple[str, str]]) -> bool:
    return any(key in held or (function.contract, key) in stored for key in reads)


def _spread(function: FunctionRecord, held: set[str],
            stored: set[tuple[str, str]]) -> None:
    """Add to `held` every variable of the function a controlled value reaches."""
    irs = function_irs(function)
    changed = True
    while changed:
        changed = False
        for ir in irs:
            if not ir.lvalue or ir.lvalue in held:
                continue
            if ir.op in _SELECTS:
                taken = _reads_controlled(function, ir.reads[:1], held, stored)
            elif ir.op == "HighLevelCall":
                destination = ir.attrs.get("destination")
                taken = isinstance(destination, str) and _reads_controlled(
                    function, (destination,), held, stored)
            elif ir.op in CALL_OPS:
                taken = False
            else:
                taken = _reads_controlled(function, ir.reads, held, stored)
            if taken:
                held.add(ir.lvalue)
                changed = True

