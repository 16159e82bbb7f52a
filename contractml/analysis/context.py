"""One file's analysis facts, computed on first use and cached.

The category definitions (`contractml.definitions`) read per-function facts
(`dataflow.FunctionFacts`) and facts over the file's call graph (`callgraph`): which
modifiers never read the sender, which variables the file's sender checks read, which
functions call back a caller, which state arrays anyone can grow. `FileFacts` computes
each of them at most once per file, and only when some definition asks, so one instance
serves every graph scored over the same records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

from contractml.analysis.callgraph import (
    authorising,
    caller_hooks,
    effect_free,
    lock_held,
    lock_modifiers,
    modifier_state,
    once_modifiers,
    open_lists,
    sender_free,
    state_writers,
    updates_after_calls,
)
from contractml.analysis.claims import unbound_claims
from contractml.analysis.control import CallerControl, caller_control, open_memberships
from contractml.analysis.dataflow import (
    ARITHMETIC,
    FunctionFacts,
    authority_variables,
    authority_writes,
    callbacks_before_updates,
)
from contractml.analysis.prices import price_races
from contractml.analysis.races import timed_races
from contractml.records import FileRecord, FunctionRecord, NodeRecord

#: (function id, node id) -> (function, node), over the functions of one compilation.
NodeIndex = Mapping[tuple[str, int], tuple[FunctionRecord, NodeRecord]]


def node_index(records: Sequence[FileRecord]
               ) -> dict[tuple[str, int], tuple[FunctionRecord, NodeRecord]]:
    """(function id, node id) -> (function, node) over every function of the records."""
    out: dict[tuple[str, int], tuple[FunctionRecord, NodeRecord]] = {}
    for record in records:
        for contract in record.contracts:
            for function in contract.functions:
                for node in function.nodes:
                    out.setdefault((function.id, node.id), (function, node))
    return out


def can_wrap(node: NodeRecord) -> bool:
    """The statement holds an operator that can overflow without reverting (`+`, `-`,
    `*`, `**`, `<<` before 0.8 or inside `unchecked {}`), or an internal or library call
    (whose callee could)."""
    return any(ir.op in ("InternalCall", "LibraryCall")
               or (ir.op == "Binary" and not node.checked
                   and ir.attrs.get("operator") in ARITHMETIC) for ir in node.irs)


class FileFacts:
    """The facts of the functions in `nodes` (`node_index`), cached per function."""

    def __init__(self, nodes: NodeIndex | None = None,
                 context: Sequence[FunctionRecord] = ()) -> None:
        self._nodes = nodes or {}
        self._context = tuple(context)
        self._facts: dict[str, FunctionFacts] = {}
        self._per_function: dict[tuple[str, str], object] = {}

    @cached_property
    def functions(self) -> dict[str, FunctionRecord]:
        return {f.id: f for f, _ in self._nodes.values()}

    @cached_property
    def reachable(self) -> dict[str, FunctionRecord]:
        """`functions` and the records' `context`: what they call or inherit from other
        files. The call-graph facts (locks, authorisation helpers, writes after calls,
        set-up only) read these, so a helper of a base contract is known, not guessed."""
        return {**{f.id: f for f in self._context}, **self.functions}

    @cached_property
    def sender_free(self) -> frozenset[str]:
        """Modifiers and functions that never read the sender (`callgraph.sender_free`)."""
        return sender_free(self.functions)

    @cached_property
    def authorising(self) -> frozenset[str]:
        """Functions that authorise the sender, also through helpers
        (`callgraph.authorising`)."""
        return authorising(self.reachable)

    def of(self, function: FunctionRecord) -> FunctionFacts:
        """The function's own facts, with the file's `sender_free` modifiers (and the
        `open_modifiers`, which restrict nobody either) and authorising helpers."""
        if function.id not in self._facts:
            self._facts[function.id] = FunctionFacts(
                function, sender_free=self.sender_free | self.open_modifiers,
                authorising=self.authorising)
        return self._facts[function.id]

    @cached_property
    def open_modifiers(self) -> frozenset[str]:
        """Membership modifiers anyone passes after calling an open function that enrols
        the sender (`control.open_memberships`), with "anyone can call" as it stands
        without them."""
        def entries() -> frozenset[str]:
            plain: dict[str, FunctionFacts] = {}

            def facts_of(function: FunctionRecord) -> FunctionFacts:
                if function.id not in plain:
                    plain[function.id] = FunctionFacts(
                        function, sender_free=self.sender_free,
                        authorising=self.authorising)
                return plain[function.id]

            return caller_control(self.reachable, facts_of, self.setup_only).entries
        return open_memberships(self.reachable, entries)

    def _cached(self, name: str, function: FunctionRecord, make: object) -> object:
        key = (name, function.id)
        if key not in self._per_function:
            self._per_function[key] = make()  # type: ignore[operator]
        return self._per_function[key]

    @cached_property
    def _authorities(self) -> dict[str, frozenset[str]]:
        by_file: dict[str, list[FunctionRecord]] = {}
        for function in self.functions.values():
            by_file.setdefault(function.span.file, []).append(function)
        return {file: authority_variables(map(self.of, functions))
                for file, functions in by_file.items()}

    def authorities(self, file: str) -> frozenset[str]:
        """The state variables the sender checks of the source file `file` read
        (`dataflow.authority_variables`)."""
        return self._authorities.get(file, frozenset())

    def authority_writes(self, function: FunctionRecord) -> frozenset[int]:
        """`dataflow.authority_writes` against the function's file's authorities."""
        return self._cached("authority", function, lambda: authority_writes(  # type: ignore[return-value]
            self.of(function), self.authorities(function.span.file)))

    @cached_property
    def caller_hooks(self) -> frozenset[str]:
        """Functions that call back the caller or a parameter (`callgraph.caller_hooks`)."""
        return caller_hooks(self.functions, self.of)

    @cached_property
    def state_writing_modifiers(self) -> frozenset[str]:
        """Modifiers that write state, themselves or through what they call: a
        reentrancy lock is one."""
        writers = state_writers(self.functions)
        return frozenset(fid for fid, f in self.functions.items()
                         if f.kind == "modifier" and writers[fid])

    def callbacks(self, function: FunctionRecord) -> frozenset[int]:
        """`dataflow.callbacks_before_updates` with the file's hooks and locks."""
        return self._cached("callbacks", function, lambda: callbacks_before_updates(  # type: ignore[return-value]
            self.of(function), self.caller_hooks, self.state_writing_modifiers))

    @cached_property
    def lock_held(self) -> frozenset[str]:
        """Functions that only run under a reentrancy lock (`callgraph.lock_held`)."""
        return lock_held(self.reachable, lock_modifiers(self._modifier_state))

    @cached_property
    def updates_after_calls(self) -> frozenset[str]:
        """Functions that write state after a call that can call back
        (`callgraph.updates_after_calls`)."""
        return updates_after_calls(self.reachable)

    @cached_property
    def settled_before_calls(self) -> frozenset[str]:
        """Functions after whose calls that can call back no state is written, on any
        path that reaches them: a public or external function that writes nothing after
        such a call (`updates_after_calls`), and an internal or private one that writes
        nothing after its own calls and whose every caller, up to the entry points, does
        not write after calling it either."""
        late = self.updates_after_calls
        entry = {fid for fid, f in self.reachable.items()
                 if f.visibility in ("public", "external") and fid not in late}
        internal = {fid for fid, f in self.reachable.items()
                    if f.visibility in ("internal", "private") and f.kind == "function"
                    and fid not in late}
        return lock_held(self.reachable, frozenset(), seeds=entry, among=internal)

    @cached_property
    def effect_free(self) -> frozenset[str]:
        """Functions that change nothing and hand control to no one: no state write, no
        external or low-level call, no ether sent, no `selfdestruct`, no event, themselves
        or through what they call internally (`callgraph.effect_free`)."""
        return effect_free(self.functions)

    @cached_property
    def setup_only(self) -> frozenset[str]:
        """Functions that only run at deployment or set-up: constructors, functions with
        a one-time modifier (`callgraph.once_modifiers`), and internal functions only
        they call."""
        return lock_held(self.reachable, once_modifiers(self._modifier_state),
                         constructors=True)

    @cached_property
    def caller_control(self) -> CallerControl:
        """What a caller controls through helpers, answers of contracts it names and
        storage anyone writes (`control.caller_control`), over the reachable functions."""
        return caller_control(self.reachable, self.of, self.setup_only,
                              self.open_modifiers)

    def caller_placed_delegatecalls(self, function: FunctionRecord) -> frozenset[int]:
        """`delegatecall`s of the function whose target a caller controls
        (`CallerControl.delegatecalls`)."""
        return self.caller_control.delegatecalls(function)

    @cached_property
    def _timed_races(self) -> dict[str, frozenset[int]]:
        return timed_races(self.reachable)

    def timed_races(self, function: FunctionRecord) -> frozenset[int]:
        """Comparisons of two durations of the chain clock that decide control flow, in
        a function that stores the sender (`races.timed_races`)."""
        return self._timed_races.get(function.id, frozenset())

    @cached_property
    def _unbound_claims(self) -> dict[str, frozenset[int]]:
        return unbound_claims(self.reachable, lambda: self.caller_control.entries)

    def unbound_claims(self, function: FunctionRecord) -> frozenset[int]:
        """Proofs that do not name the claimant, and the rewards they earn the sender
        (`claims.unbound_claims`)."""
        return self._unbound_claims.get(function.id, frozenset())

    @cached_property
    def _price_races(self) -> dict[str, frozenset[int]]:
        return price_races(self.reachable, lambda: self.caller_control.entries,
                           lambda: self.setup_only, lambda: self.effect_free, self.of)

    def price_races(self, function: FunctionRecord) -> frozenset[int]:
        """Statements that apply a price another transaction can move to the caller's
        amount, with no bound from the caller (`prices.price_races`)."""
        return self._price_races.get(function.id, frozenset())

    @cached_property
    def _modifier_state(self) -> dict[str, tuple[set[str], set[str], set[str]]]:
        """What each modifier checks and writes around `_` (`callgraph.modifier_state`),
        shared by the lock and the one-time analyses."""
        return modifier_state(self.reachable)

    @cached_property
    def open_lists(self) -> frozenset[str]:
        """State arrays anyone can grow without a cap (`callgraph.open_lists`)."""
        return open_lists(self.functions, self.of)

    def unbounded_loops(self, function: FunctionRecord) -> frozenset[int]:
        """Loop conditions of the function as long as one of `open_lists`."""
        return self._cached("loops", function,  # type: ignore[return-value]
                            lambda: self.of(function).loops_over(self.open_lists))

    def may_wrap(self, function: FunctionRecord) -> bool:
        """Some statement of the function can wrap (`can_wrap`)."""
        return self._cached("wraps", function,  # type: ignore[return-value]
                            lambda: any(map(can_wrap, function.nodes)))
