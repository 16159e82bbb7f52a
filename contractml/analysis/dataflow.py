"""Analyses over one function's records that features and edges need: CFG reachability
around external calls, def -> use edges, where call results go, sender guards.

Everything here reads IR operation kinds, variable kinds (state/local/env/const) and the
CFG; variable keys only link definitions to uses.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from contractml.records import FunctionRecord, IROp, NodeRecord

COMPARISONS = frozenset({"<", ">", "<=", ">=", "==", "!="})
REENTRANT_LOW_LEVEL = frozenset({"call", "callcode", "delegatecall"})
#: Low-level calls that run the callee's code on this contract's storage.
DELEGATING = frozenset({"delegatecall", "callcode"})
ARITHMETIC = frozenset({"+", "-", "*", "**", "<<"})
#: Environment values a miner or validator can see or move: chain data.
CHAIN_ENV = frozenset({"block.timestamp", "now", "block.number", "block.difficulty",
                       "block.prevrandao", "block.coinbase", "block.gaslimit"})
#: Environment values the caller chooses.
CALLER_ENV = frozenset({"msg.value", "msg.data"})
#: Calls that report failure through a returned flag instead of reverting.
FLAG_CALLS = frozenset({"Send", "LowLevelCall"})
CALL_OPS = frozenset({"LowLevelCall", "HighLevelCall", "LibraryCall", "Send", "Transfer",
                      "InternalCall", "InternalDynamicCall", "NewContract"})
#: How far a block producer can move the timestamp, as security write-ups cite it (900 s,
#: 15 minutes): a window of time this short or shorter is one it can move
#: (docs/benchmarks/devset-notes.md).
MINER_DRIFT_SECONDS = 900
TIMESTAMP = frozenset({"env:block.timestamp", "env:now"})
#: Hash builtins: a caller who sends their preimage reveals it.
HASHES = frozenset({"keccak256", "sha3", "sha256", "ripemd160"})
#: Chain data a block producer offers as nothing but entropy: read straight,
#: it is already a drawn number (the timestamp and the block number count only hashed).
ENTROPY_ENV = frozenset({"env:block.difficulty", "env:block.prevrandao",
                         "env:block.coinbase"})
#: Integer types (`uint8`, `uint256`, `int`).
#: An integer type as the records name it.
INTEGER = re.compile(r"u?int\d*$")
#: Operations that carry a value on unchanged (to a local, a temporary, a new type).
#: Operations that pass a value on unchanged (but for its type).
PASSES = frozenset({"Assignment", "TypeConversion"})
#: Arithmetic that shifts a time by an offset.
_OFFSETS = frozenset({"+", "-"})


def builtin_name(ir: IROp) -> str:
    """`require(bool,string)` -> `require`."""
    return str(ir.attrs.get("function", "")).split("(", 1)[0]


def env_origins(name: str) -> frozenset[str]:
    """`chain` for block data, `input` for what the caller sends, else nothing."""
    if name in CHAIN_ENV:
        return frozenset({"chain"})
    return frozenset({"input"}) if name in CALLER_ENV else frozenset()


def reads_blockhash(ir: IROp) -> bool:
    return ir.op == "SolidityCall" and "blockhash" in builtin_name(ir)


def is_check(ir: IROp) -> bool:
    """A condition that decides control flow or reverts."""
    return ir.op == "Condition" or (ir.op == "SolidityCall"
                                    and builtin_name(ir) in ("require", "assert"))


def function_irs(function: FunctionRecord) -> list[IROp]:
    """Every operation of the function, node by node."""
    return [ir for node in function.nodes for ir in node.irs]


def propagate(starts: Iterable[str], irs: Iterable[IROp],
               through: Callable[[IROp], bool] | None = None) -> set[str]:
    """`starts` and every variable an operation assigns from one already reached, to a
    fixed point; only through the operations `through` accepts, when given."""
    reached = set(starts)
    irs = list(irs)
    changed = True
    while changed:
        changed = False
        for ir in irs:
            if (ir.lvalue and ir.lvalue not in reached and reached & set(ir.reads)
                    and (through is None or through(ir))):
                reached.add(ir.lvalue)
                changed = True
    return reached


def _flag_read(start: str, irs: list[IROp]) -> bool:
    """A call's success flag (`start`, its lvalue), followed through `forwards`, is read
    by an operation that does not merely forward it (nor unpack another tuple element)."""
    flag = propagate({start}, irs, forwards)
    return any(flag & set(ir.reads) and not forwards(ir)
               and not (ir.op == "Unpack" and ir.lvalue_type != "bool") for ir in irs)


def forwards(ir: IROp) -> bool:
    """Passes a value on unchanged to a local or temporary (a call's success flag
    through `bool ok = ...`, `(bool ok, ) = ...` or a conversion)."""
    if not ir.lvalue or not ir.lvalue.startswith(("local:", "tmp:")):
        return False
    if ir.op == "Unpack":
        return ir.lvalue_type == "bool"
    return ir.op in ("Assignment", "TypeConversion")


def short_constants(ir: IROp) -> frozenset[int]:
    """Indices of the reads that are integer constants in (0, MINER_DRIFT_SECONDS]."""
    return frozenset(i for i, value in ir.attrs.get("constants", ())
                     if 0 < value <= MINER_DRIFT_SECONDS)


def _through(operators: frozenset[str]) -> Callable[[IROp], bool]:
    """Accepts the operations that pass a value on, and binary `operators`."""
    return lambda ir: ir.op in PASSES or (ir.op == "Binary"
                                           and ir.attrs.get("operator") in operators)


def _coarse(ir: IROp) -> bool:
    """A division by an integer constant longer than MINER_DRIFT_SECONDS (`/ 1 hours`)."""
    return ir.op == "Binary" and ir.attrs.get("operator") == "/" and any(
        i == 1 and value > MINER_DRIFT_SECONDS for i, value in ir.attrs.get("constants", ()))


def is_reentrant_call(ir: IROp) -> bool:
    """An external call that hands control to code that can call back."""
    if ir.op == "LowLevelCall":
        return ir.attrs.get("function") in REENTRANT_LOW_LEVEL
    return ir.op == "HighLevelCall"


def is_external_call(ir: IROp) -> bool:
    return ir.op in ("LowLevelCall", "HighLevelCall", "Send", "Transfer", "NewContract")


def callees(node: NodeRecord) -> list[str]:
    return [str(ir.attrs["callee"]) for ir in node.irs
            if ir.op in ("InternalCall", "LibraryCall") and "callee" in ir.attrs]


@dataclass
class FunctionFacts:
    function: FunctionRecord
    #: function id -> whether it (or anything it calls internally) writes state
    writes_state: Mapping[str, bool] = field(default_factory=dict)
    #: ids of the modifiers that restrict nobody: those known never to read the sender
    #: (`sender_free`) and, from `FileFacts`, the memberships anyone can take
    #: (`control.open_memberships`); any other modifier counts as a guard for the
    #: definitions' "anyone can call"
    sender_free: frozenset[str] = frozenset()
    #: ids of the functions that authorise the sender, themselves or through what they
    #: call (`callgraph.authorising`): calling one is an authorisation check
    authorising: frozenset[str] = frozenset()

    @cached_property
    def nodes(self) -> dict[int, NodeRecord]:
        return {n.id: n for n in self.function.nodes}

    @cached_property
    def irs(self) -> list[IROp]:
        """Every operation of the function, node by node."""
        return function_irs(self.function)

    @cached_property
    def successors(self) -> dict[int, tuple[int, ...]]:
        nodes = self.nodes
        return {n.id: tuple(s for s in n.sons if s in nodes) for n in nodes.values()}

    @cached_property
    def predecessors(self) -> dict[int, tuple[int, ...]]:
        preds: dict[int, list[int]] = {n: [] for n in self.nodes}
        for node, sons in self.successors.items():
            for son in sons:
                preds[son].append(node)
        return {n: tuple(p) for n, p in preds.items()}

    def _successors(self, node_id: int) -> tuple[int, ...]:
        return self.successors[node_id]

    def reach(self, starts: Iterable[int], reverse: bool = False) -> set[int]:
        step = self.predecessors if reverse else self.successors
        seen: set[int] = set()
        queue = deque(starts)
        while queue:
            current = queue.popleft()
            if current in seen:
                continue
            seen.add(current)
            queue.extend(step[current])
        return seen

    @cached_property
    def back_edges(self) -> frozenset[tuple[int, int]]:
        """CFG edges that close a loop: from a node to one on the depth-first path from
        the entry that reaches it (the loop's head)."""
        entry = self.function.entry
        if entry is None or entry not in self.nodes:
            return frozenset()
        found: set[tuple[int, int]] = set()
        on_path: set[int] = {entry}
        done: set[int] = set()
        stack: list[tuple[int, Iterator[int]]] = [(entry, iter(self.successors[entry]))]
        while stack:
            node, sons = stack[-1]
            son = next(sons, None)
            if son is None:
                stack.pop()
                on_path.discard(node)
                done.add(node)
            elif son in on_path:
                found.add((node, son))
            elif son not in done:
                on_path.add(son)
                stack.append((son, iter(self.successors[son])))
        return frozenset(found)

    @cached_property
    def loop_bodies(self) -> dict[int, frozenset[int]]:
        """Loop head -> the nodes of its loop: the head and every node that reaches one
        of its back edges' tails without passing the head."""
        bodies: dict[int, set[int]] = {}
        for tail, head in self.back_edges:
            body = bodies.setdefault(head, {head})
            queue = deque([tail])
            while queue:
                current = queue.popleft()
                if current in body:
                    continue
                body.add(current)
                queue.extend(self.predecessors[current])
        return {head: frozenset(body) for head, body in bodies.items()}

    def reach_within_iteration(self, starts: Iterable[int], strictly_after: bool = False
                               ) -> set[int]:
        """`reach` without starting a loop's next iteration: a path that returns to a
        loop's head over a back edge goes on only to where the loop ends (its head's
        successors outside the loop), so what the loop's body does before a node in a
        later iteration is not counted as after it. `strictly_after`: from the starts'
        successors (a start counts only where a path comes back to it)."""
        seen: set[int] = set()
        exits_seen: set[int] = set()
        queue: deque[tuple[int, bool]] = deque(
            ((t, (s, t) in self.back_edges) for s in starts for t in self.successors[s])
            if strictly_after else ((s, False) for s in starts))
        while queue:
            current, closing = queue.popleft()
            if closing:
                if current in exits_seen:
                    continue
                exits_seen.add(current)
                body = self.loop_bodies.get(current, frozenset())
                queue.extend((s, False) for s in self.successors[current] if s not in body)
                continue
            if current in seen:
                continue
            seen.add(current)
            queue.extend((s, (current, s) in self.back_edges)
                         for s in self.successors[current])
        return seen | exits_seen

    @cached_property
    def carries_state_across_iterations(self) -> bool:
        """Whether a local variable holding a value read from state (directly in this
        function, through assignments and arithmetic; call results are not followed)
        reaches a read of it in a later iteration of a loop: a value read before one
        iteration's calls and used after them."""
        from_state: set[str] = set()
        irs = self.irs
        changed = True
        while changed:
            changed = False
            for ir in irs:
                if (ir.lvalue and ir.lvalue not in from_state and ir.op not in CALL_OPS
                        and any(r.startswith("state:") or r in from_state
                                for r in ir.reads)):
                    from_state.add(ir.lvalue)
                    changed = True
        carried = {k for k in from_state if k.startswith("local:")}
        if not carried or not self.back_edges:
            return False
        for node in self.function.nodes:
            for key in carried.intersection(node.locals_written):
                seen: set[tuple[int, bool]] = set()
                queue = deque((s, (node.id, s) in self.back_edges)
                              for s in self.successors[node.id])
                while queue:
                    current, crossed = queue.popleft()
                    if (current, crossed) in seen:
                        continue
                    seen.add((current, crossed))
                    here = self.nodes[current]
                    if crossed and key in here.locals_read:
                        return True
                    if key in here.locals_written:
                        continue  # redefined: the earlier value ends here
                    queue.extend((s, crossed or (current, s) in self.back_edges)
                                 for s in self.successors[current])
        return False

    def node_writes_state(self, node: NodeRecord) -> bool:
        return bool(node.state_written) or any(self.writes_state.get(c, False)
                                               for c in callees(node))

    @cached_property
    def assembly_nodes(self) -> frozenset[int]:
        """Nodes inside an inline assembly block: reached from an `INLINE ASM` node
        before its `END INLINE ASM`."""
        starts = [n.id for n in self.nodes.values() if n.type == "INLINE ASM"]
        inside: set[int] = set()
        queue = deque(s for start in starts for s in self.successors[start])
        while queue:
            current = queue.popleft()
            if current in inside or self.nodes[current].type in ("END INLINE ASM",
                                                                  "INLINE ASM"):
                continue
            inside.add(current)
            queue.extend(self.successors[current])
        return frozenset(inside)

    @cached_property
    def reentrant_calls(self) -> set[int]:
        return {n.id for n in self.nodes.values() if any(map(is_reentrant_call, n.irs))}

    def reach_after(self, starts: Iterable[int], strictly_after: bool = False,
                    across_iterations: bool = True) -> set[int]:
        """`reach` (`across_iterations`) or `reach_within_iteration`, from the starts
        or (`strictly_after`) from their successors."""
        starts = list(starts)
        if not across_iterations:
            return self.reach_within_iteration(starts, strictly_after)
        return self.reach([t for s in starts for t in self.successors[s]]
                          if strictly_after else starts)

    @cached_property
    def after_call(self) -> set[int]:
        """Nodes reachable on some path after a re-entrant external call."""
        return self.reach(s for c in sorted(self.reentrant_calls) for s in
                           self._successors(c))

    @cached_property
    def written_after_call(self) -> set[int]:
        return {n for n in self.after_call if self.node_writes_state(self.nodes[n])}

    @cached_property
    def call_before_write(self) -> set[int]:
        writers = [n.id for n in self.nodes.values() if self.node_writes_state(n)]
        can_reach_write = self.reach(writers, reverse=True)
        return {c for c in self.reentrant_calls
                if any(s in can_reach_write for s in self._successors(c))}

    @cached_property
    def call_results(self) -> dict[int, tuple[bool, bool]]:
        """node id -> (result used, result checked) for nodes whose calls return a value."""
        irs = self.irs
        results: dict[int, tuple[bool, bool]] = {}
        for node in self.function.nodes:
            starts = {ir.lvalue for ir in node.irs if ir.op in CALL_OPS and ir.lvalue}
            if not starts:
                continue
            tainted = propagate(starts, irs)
            used = any(tainted & set(ir.reads) for ir in irs
                       if not (ir.op in CALL_OPS and ir.lvalue in starts))
            checked = any(is_check(ir) and tainted & set(ir.reads) for ir in irs)
            results[node.id] = (used, checked)
        return results

    @cached_property
    def handled_results(self) -> frozenset[int]:
        """Nodes whose every low-level call and send has its success flag handled: the
        flag, followed through locals and temporaries (assignment, tuple unpacking into a
        `bool`, type conversion), is read by any other operation: a condition,
        `require`/`assert`, a return, an argument of a call or event, an operator, a
        state write. What the taxonomy's unchecked-call ("the result ... is ignored")
        excludes. Nodes with no such call are not in the set."""
        irs = self.irs
        handled: set[int] = set()
        for node in self.function.nodes:
            calls = [ir for ir in node.irs if ir.op in FLAG_CALLS]
            if calls and all(ir.lvalue and _flag_read(ir.lvalue, irs) for ir in calls):
                handled.add(node.id)
        return frozenset(handled)

    @cached_property
    def handled_statements(self) -> frozenset[int]:
        """`handled_results` and the nodes without a low-level call or send that start
        on the same line as one of them: Slither makes the declaration of `(bool ok, ) =
        target.call(...)` a node of its own."""
        lines = {self.nodes[n].span.start_line for n in self.handled_results}
        return self.handled_results | frozenset(
            n.id for n in self.function.nodes if n.span.start_line in lines
            and not any(ir.op in FLAG_CALLS for ir in n.irs))

    @cached_property
    def data_edges(self) -> list[tuple[int, int]]:
        """(definition node, use node) for locals and state variables, where the
        definition reaches the use along the CFG without being overwritten. Parameters
        and state variables read before any write are defined at the entry node."""
        defs: dict[str, list[int]] = {}
        uses: dict[str, set[int]] = {}
        for node in self.function.nodes:
            for key in (*node.locals_written, *node.state_written):
                defs.setdefault(key, []).append(node.id)
            for key in (*node.locals_read, *node.state_read):
                uses.setdefault(key, set()).add(node.id)
        entry = self.function.entry
        edges: set[tuple[int, int]] = set()
        for key, use_nodes in uses.items():
            writers = set(defs.get(key, ()))
            sources = sorted(writers) + ([entry] if entry is not None and entry not in writers
                                         else [])
            for source in sources:
                seen: set[int] = set()
                queue = deque(self._successors(source))
                while queue:
                    current = queue.popleft()
                    if current in seen:
                        continue
                    seen.add(current)
                    if current in use_nodes and current != source:
                        edges.add((source, current))
                    if current in writers:
                        continue  # redefined: this definition stops here
                    queue.extend(self._successors(current))
        return sorted(edges)

    @cached_property
    def derived(self) -> dict[str, frozenset[str]]:
        """Variable key -> the origins (`chain`, `input`) its value can come from,
        following assignments, arithmetic, hashes and conversions through temporaries,
        locals and the state variables this function writes. Flow-insensitive: a variable
        that holds a derived value anywhere in the function counts as derived everywhere.
        Call results start nothing (what a callee returns is not followed)."""
        origins: dict[str, set[str]] = {key: {"input"} for key in self._inputs}
        irs = self.irs
        changed = True
        while changed:
            changed = False
            for ir in irs:
                if not ir.lvalue or ir.op in CALL_OPS:
                    continue
                found = {"chain"} if reads_blockhash(ir) else set()
                for read in ir.reads:
                    kind, _, name = read.partition(":")
                    found |= env_origins(name) if kind == "env" else origins.get(read, set())
                current = origins.setdefault(ir.lvalue, set())
                if not found <= current:
                    current |= found
                    changed = True
        return {key: frozenset(v) for key, v in origins.items() if v}

    @cached_property
    def _inputs(self) -> frozenset[str]:
        """Locals read but never written in the function: its parameters."""
        read = {k for n in self.function.nodes for k in n.locals_read}
        written = {k for n in self.function.nodes for k in n.locals_written}
        return frozenset(read - written)

    @cached_property
    def compared(self) -> frozenset[str]:
        """Variable keys some comparison in the function reads (bounds, checks)."""
        return frozenset(k for n in self.function.nodes for ir in n.irs
                         if ir.op == "Binary" and ir.attrs.get("operator") in COMPARISONS
                         for k in ir.reads)

    def origins(self, key: str) -> frozenset[str]:
        """Where a read value can come from: `chain`, `input` or neither."""
        kind, _, name = key.partition(":")
        return env_origins(name) if kind == "env" else self.derived.get(key, frozenset())

    def flow(self, node: NodeRecord) -> set[str]:
        """The node's data-flow facts (schema `flow:*`): which origins its reads carry,
        and what it does with chain-derived or caller-chosen values."""
        on: set[str] = set()
        for ir in node.irs:
            read = {"chain"} if reads_blockhash(ir) else set()
            for key in ir.reads:
                read |= self.origins(key)
            if "chain" in read:
                on.add("flow:chain")
            if "input" in read:
                on.add("flow:input")
            if ir.op == "Binary":
                operator = ir.attrs.get("operator")
                if operator == "%" and "chain" in read:
                    on.add("flow:chain_modulo")
                if operator in ARITHMETIC and "input" in read:
                    on.add("flow:input_arith")
                    direct = [k for k in ir.reads if k.partition(":")[0] in ("local", "env")
                              and "input" in self.origins(k)]
                    if any(k not in self.compared for k in direct):
                        on.add("flow:input_arith_unbounded")
            if is_check(ir) and "chain" in read:
                on.add("flow:chain_decides")
            if ir.op in ("LowLevelCall", "HighLevelCall", "Send", "Transfer"):
                destination = ir.attrs.get("destination")
                if isinstance(destination, str) and "input" in self.origins(destination):
                    on.add("flow:input_target")
        if node.state_written and any(ir.op == "Binary" and ir.attrs.get("operator")
                                      in ARITHMETIC for ir in node.irs):
            on.add("flow:arith_to_state")
        return on

    @cached_property
    def sender_guard_nodes(self) -> set[int]:
        return {n.id for n in self.nodes.values() if sender_guard(n)}

    @property
    def guarded(self) -> bool:
        return bool(self.function.modifiers) or bool(self.sender_guard_nodes)

    @property
    def open_to_anyone(self) -> bool:
        """Public or external, with no sender check (`sender_guard`), no call of a helper
        that authorises the sender (`calls_authorising`) and no modifier but those that
        never read the sender (`sender_free`: `inPhase(...)`, `nonReentrant`)."""
        return (self.function.visibility in ("public", "external")
                and not self.sender_guard_nodes and not self.restricting_modifiers
                and not self.calls_authorising)

    @cached_property
    def calls_authorising(self) -> bool:
        """The function calls, internally, a function of `authorising` (`_onlyOwner()`,
        `_checkRole(role)`: a helper that reverts unless the sender passes)."""
        return any(callee in self.authorising for node in self.function.nodes
                   for callee in callees(node))

    @property
    def restricting_modifiers(self) -> bool:
        """A modifier that reads the sender, or one not known (`sender_free`)."""
        return any(m not in self.sender_free for m in self.function.modifiers)

    @cached_property
    def authorises_by(self) -> frozenset[str]:
        """The state variables the function's statements authorise the sender by
        (`authority_reads`), also read through a local (`require(msg.sender ==
        g.beneficiary)`, `g` a pointer into `grants`."""
        pointers = local_sources(self.function)
        return frozenset(key for node in self.function.nodes
                         for key in authority_reads(node, pointers))

    @property
    def checks_authority(self) -> bool:
        """Some statement authorises the sender (`authorises_by`), also the checks
        through a local that `sender_guard` does not see, or a helper it calls does
        (`calls_authorising`)."""
        return bool(self.authorises_by) or self.calls_authorising

    @cached_property
    def caller_chosen_delegatecalls(self) -> frozenset[int]:
        """Nodes with a `delegatecall` or `callcode` whose destination derives from the
        caller's input (a parameter or `msg.data`, as `flow:input_target`), in a function
        `open_to_anyone` other than a constructor (a proxy's deployer picks its
        implementation there): the taxonomy's unsafe-delegatecall, an address the caller
        controls."""
        if not self.open_to_anyone or self.function.kind == "constructor":
            return frozenset()
        return frozenset(
            node.id for node in self.function.nodes for ir in node.irs
            if ir.op == "LowLevelCall" and ir.attrs.get("function") in DELEGATING
            and isinstance(ir.attrs.get("destination"), str)
            and "input" in self.origins(ir.attrs["destination"]))

    @cached_property
    def short_time_windows(self) -> frozenset[int]:
        """Nodes that use the timestamp at a scale a block producer can move (the
        taxonomy's time-manipulation, "at a granularity a miner can move"): a comparison
        reading a timestamp-derived value and a short window (`now - start < 45`,
        `block.timestamp <= last + WINDOW`, `now % 60 < 10`), or a timestamp-derived value
        divided or taken modulo by a short constant (`(now - opensAt) / 30`).
        Timestamp-derived: from `block.timestamp` / `now` through assignments, conversions
        and arithmetic (no call, hash or other builtin), but not through a division by a
        period longer than MINER_DRIFT_SECONDS (`/ 1 hours` counts hours).
        Short window: an integer constant in (0, MINER_DRIFT_SECONDS], or a value made
        from one by `+`, `-`, `%` and passed on by assignments and conversions.
        Flow-insensitive, as `derived`."""
        irs = self.irs
        carries = _through(ARITHMETIC | {"/", "%"})
        timed = propagate(TIMESTAMP, irs, lambda ir: carries(ir) and not _coarse(ir))
        makes_window = _through(_OFFSETS | {"%"})
        made = {ir.lvalue for ir in irs if ir.lvalue and short_constants(ir)
                and makes_window(ir)}
        windows = propagate(made, irs, _through(_OFFSETS))
        named: set[int] = set()
        for node in self.function.nodes:
            for ir in node.irs:
                if ir.op != "Binary" or not timed & set(ir.reads):
                    continue
                operator, short = ir.attrs.get("operator"), short_constants(ir)
                if operator in COMPARISONS and (short or windows & set(ir.reads)):
                    named.add(node.id)
                elif operator in ("/", "%") and ir.reads[0] in timed and 1 in short:
                    named.add(node.id)
        return frozenset(named)

    @cached_property
    def stored_party_failures(self) -> frozenset[int]:
        """Nodes inside a loop with a call whose failure reverts the transaction
        (`reverts_on_failure`) to a party taken from storage: its destination, or for a
        high-level call one of its `address` arguments, is an element of a state array or
        mapping (through indexing, members, local storage pointers and conversions). The
        taxonomy's denial-of-service, "one failing party blocks everyone"."""
        irs = self.irs
        picked = propagate(
            {ir.lvalue for ir in irs if ir.op == "Index" and ir.lvalue and ir.reads
             and ir.reads[0].startswith("state:")}, irs,
            lambda ir: ir.op in PASSES or ir.op in ("Index", "Member"))
        named: set[int] = set()
        for node in self.function.nodes:
            if not node.in_loop:
                continue
            for ir in node.irs:
                parties = {ir.attrs.get("destination")}
                if ir.op == "HighLevelCall":  # and its address arguments
                    parties |= {key for key, kind in zip(ir.reads, ir.read_types,
                                                         strict=False)
                                if kind in ("address", "address payable")}
                if picked & parties and reverts_on_failure(ir, irs):
                    named.add(node.id)
        return frozenset(named)

    @cached_property
    def list_lengths(self) -> dict[str, frozenset[str]]:
        """Temporaries holding the length of a *shared list*: a state variable that is
        itself a dynamic array (`list.length`, also through a local storage pointer to
        that variable) -> that variable. An array reached through an index
        or a member of a stored value (`invoices[id].payees`) is a per-key list, not a
        shared one."""
        irs = self.irs
        if not any(ir.op == "Length" for ir in irs):
            return {}
        pointers: dict[str, set[str]] = {}
        for ir in irs:
            if (ir.op == "Assignment" and ir.lvalue and ir.lvalue.startswith("local:")
                    and ir.reads and ir.reads[0].startswith("state:")):
                pointers.setdefault(ir.lvalue, set()).add(ir.reads[0])
        out: dict[str, set[str]] = {}
        for ir in irs:
            if ir.op == "Length" and ir.lvalue and ir.reads:
                held = ir.reads[0]
                sources = {held} if held.startswith("state:") else pointers.get(held, set())
                if sources:
                    out.setdefault(ir.lvalue, set()).update(sources)
        return {key: frozenset(v) for key, v in out.items()}

    def _of_lengths(self, lists: Iterable[str]) -> set[str]:
        """The values derived from the lengths of `lists` (state variables) through
        assignments, conversions and arithmetic (`j = list.length - 1`)."""
        wanted = set(lists)
        starts = {key for key, sources in self.list_lengths.items() if sources & wanted}
        return propagate(starts, self.irs, _through(ARITHMETIC)) if starts else set()

    @cached_property
    def grown_lists(self) -> frozenset[str]:
        """State arrays the function grows itself: it assigns an array's length a value
        made from that length by `+` (`list.push(x)`, which SlithIR writes so, and
        `list.length++`; a pop or `length--` shrinks)."""
        grown: set[str] = set()
        for source in set().union(*self.list_lengths.values()):
            lengths = {k for k, sources in self.list_lengths.items() if source in sources}
            copies = propagate(lengths, self.irs, lambda ir: ir.op in PASSES)
            plus = {ir.lvalue for ir in self.irs if ir.op == "Binary" and ir.lvalue
                    and ir.attrs.get("operator") == "+" and copies & set(ir.reads)}
            made = propagate(plus, self.irs, lambda ir: ir.op in PASSES)
            if any(ir.lvalue in lengths and (ir.lvalue in plus or made & set(ir.reads))
                   for ir in self.irs):
                grown.add(source)
        return frozenset(grown)

    @cached_property
    def capped_lists(self) -> frozenset[str]:
        """State arrays whose length (or a value derived from it) a comparison outside a
        loop condition reads: a cap (`require(list.length < MAX)`) or a bounds check."""
        lists = set().union(*self.list_lengths.values())
        if not lists:
            return frozenset()
        capped: set[str] = set()
        for source in lists:
            derived = self._of_lengths({source})
            if any(node.type != "IF_LOOP" and ir.op == "Binary"
                   and ir.attrs.get("operator") in COMPARISONS and derived & set(ir.reads)
                   for node in self.function.nodes for ir in node.irs):
                capped.add(source)
        return frozenset(capped)

    def loops_over(self, lists: frozenset[str]) -> frozenset[int]:
        """Loop conditions (`IF_LOOP` nodes) that read a value derived from the length of
        one of `lists` (state variables): a loop as long as a stored array.
        None in a constructor or in a public or external `view`/`pure` function (a getter
        runs off-chain); an internal `view` helper runs inside its callers' transactions."""
        function = self.function
        if (not lists or function.kind == "constructor"
                or (function.visibility in ("public", "external")
                    and (function.view or function.pure))):
            return frozenset()
        derived = self._of_lengths(lists)
        return frozenset(node.id for node in function.nodes if node.type == "IF_LOOP"
                         and any(derived & set(ir.reads) for ir in node.irs))

    @cached_property
    def drawn(self) -> frozenset[str]:
        """Values drawn from chain data: the result of a hash
        (`HASHES`) of a value derived from chain data (`derived`'s `chain`: the
        timestamp, block number, coinbase, `blockhash(...)`, ...), or `blockhash(...)` or
        `ENTROPY_ENV` read straight, and what assignments, conversions, arithmetic and
        further hashes make from one (no call, element or member). `now % 15` (no hash)
        is not drawn: a clock, the time-manipulation definition's window.
        Flow-insensitive, as `derived`."""
        irs = self.irs
        starts = {ir.lvalue for ir in irs if ir.lvalue and (
            reads_blockhash(ir) or (ir.op == "SolidityCall" and builtin_name(ir) in HASHES
                                    and any("chain" in self.origins(r) for r in ir.reads)))}
        return frozenset(propagate(
            starts | ENTROPY_ENV, irs,
            lambda ir: ir.op not in CALL_OPS and ir.op not in ("Index", "Member")))

    @cached_property
    def picks_turns(self) -> bool:
        """The function reduces chain data by `%` only to pick whose turn it is, and
        draws nothing (`drawn`): every such `%` of a value derived from chain data (the
        block number, the timestamp) selects an element (`list[i]`) that is compared
        with the sender (`keepers[block.number % n] == msg.sender`). A schedule that
        rotates work between parties: nothing is won by the number itself."""
        irs = self.irs
        drawn = self.drawn
        if any(drawn & set(ir.reads) for ir in irs):
            return False
        reductions = [ir for ir in irs if ir.op == "Binary" and ir.lvalue
                      and ir.attrs.get("operator") == "%"
                      and any("chain" in self.origins(r) for r in ir.reads)]
        if not reductions:
            return False
        senders = propagate(SENDERS, irs, forwards)
        for reduction in reductions:
            picked = propagate({str(reduction.lvalue)}, irs, forwards)
            elements = {str(ir.lvalue) for ir in irs if ir.op == "Index" and ir.lvalue
                        and picked & set(ir.reads[1:])}  # list[i]: i is the index
            if not any(ir.op == "Binary" and ir.attrs.get("operator") in ("==", "!=")
                       and elements & set(ir.reads) and senders & set(ir.reads)
                       for ir in irs):
                return False
        return True

    @cached_property
    def drawn_reductions(self) -> frozenset[int]:
        """Nodes that reduce a number drawn from chain data (`drawn`) to a range by `%`,
        the dividend drawn (the taxonomy's bad-randomness)."""
        return self._drawn_uses(lambda ir: ir.op == "Binary"
                                and ir.attrs.get("operator") == "%")

    @cached_property
    def drawn_numbers(self) -> frozenset[int]:
        """Nodes that convert a value drawn from chain data (`drawn`) to an integer type
        (`uint256(keccak256(abi.encodePacked(block.timestamp)))`, `uint8(...)`): a
        random number made from block values. A hash kept as `bytes32` is an
        identifier and is not named."""
        return self._drawn_uses(lambda ir: ir.op == "TypeConversion"
                                and bool(INTEGER.match(ir.lvalue_type)))

    def _drawn_uses(self, use: Callable[[IROp], bool]) -> frozenset[int]:
        """Nodes with an operation `use` accepts whose first read is `drawn`."""
        if not any(map(use, self.irs)):
            return frozenset()  # most functions: `drawn` is never built
        drawn = self.drawn
        return frozenset(node.id for node in self.function.nodes for ir in node.irs
                         if use(ir) and ir.reads and ir.reads[0] in drawn)

    @cached_property
    def stored_underflows(self) -> frozenset[int]:
        """Nodes with a subtraction that can wrap (before 0.8 or inside `unchecked {}`)
        of a value the caller chooses, unchecked, from a stored one, in a function anyone
        can call, other than a constructor: the taxonomy's arithmetic, a caller taking
        more out of a stored quantity than it holds.
        Callable by anyone: public or external, no modifier, no authorisation check
        (`checks_authority`; a balance check is none).
        Stored: a state variable, or an entry or member of one, through local storage
        pointers, copies and conversions (`_elements`). Caller-chosen: a parameter
        (`_inputs`), or an element or member of one (`amounts[i]`), passed on to locals
        and temporaries; never `msg.value`, nor a storage entry a parameter picks.
        Unchecked: no comparison in the function reads the parameter's value passed on
        unchanged (`forwards`), other than a non-zero check (`amount > 0`: a constant of
        at most 1); a comparison of the result (`require(balance - value >= 0)`) bounds
        nothing."""
        function = self.function
        if (function.visibility not in ("public", "external") or self.restricting_modifiers
                or function.kind == "constructor"
                or self.checks_authority):
            return frozenset()
        irs = self.irs
        bounded = {key for ir in irs if ir.op == "Binary"
                   and ir.attrs.get("operator") in COMPARISONS
                   and not any(value <= 1 for _, value in ir.attrs.get("constants", ()))
                   for key in ir.reads}
        chosen: set[str] = set()
        for parameter in self._inputs:
            if not propagate({parameter}, irs, forwards) & bounded:
                chosen |= _elements({parameter}, irs)
        if not chosen:
            return frozenset()
        stored = _elements({key for ir in irs for key in ir.reads
                            if key.startswith("state:")}, irs)
        return frozenset(
            node.id for node in self.function.nodes if not node.checked
            and any(ir.op == "Binary" and ir.attrs.get("operator") == "-"
                    and len(ir.reads) == 2 and ir.reads[0] in stored
                    and ir.reads[1] in chosen for ir in node.irs))

    @cached_property
    def denoted(self) -> dict[str, object]:
        """Variable key -> what it denotes, for matching a subtraction's operands with a
        comparison's: an element `m[k]` (an `Index` temporary) is its base and key, a
        member its base (fields not told apart), a temporary copy or a local assigned
        exactly once what it was assigned; anything else itself."""
        return _denotations(self.irs, fields=False)

    @cached_property
    def denoted_fields(self) -> dict[str, object]:
        """As `denoted`, with a member its base and its field (`best.price` and
        `best.amount` differ)."""
        return _denotations(self.irs, fields=True)

    @cached_property
    def unguarded_subtractions(self) -> frozenset[int]:
        """Nodes with a subtraction that can wrap (before 0.8 or inside `unchecked {}`)
        and that nothing in the function bounds: the taxonomy's arithmetic, a value
        taken from another that may hold less.
        Bounded: a comparison reads both operands (`require(balance >= amount)` guards
        `balance - amount`; a comparison of the result, `balance - amount >= 0`, or of
        one operand with something else guards nothing); operands are matched by what
        they denote (`denoted`), so a check on `balances[from]` guards a later
        `balances[from] -= value`. Also bounded: a subtrahend made from the minuend
        (`msg.value - msg.value / 10`, `pot - cut` with `cut = pot * bps / 1e4`), a
        subtrahend the function also takes, bounded, from another value (the total
        after the holder's own balance: `totalDeposits -= amount`), a minuend that only
        grows (block number or time, an array length), constants on both sides, and a
        total kept beside stored entries: a state variable itself (not an entry of one)
        less a stored entry or member, or less a constant (`totalStake -= f.stake`,
        `memberCount -= 1`), which the entries' own accounting bounds."""
        irs = self.irs
        denoted = self.denoted

        def of(key: str) -> object:
            return denoted.get(key, key)

        compared = [{of(k) for k in ir.reads} for ir in irs if ir.op == "Binary"
                    and ir.attrs.get("operator") in COMPARISONS]
        carries = _through(ARITHMETIC | {"/", "%"})
        grown = propagate({f"env:{name}" for name in CHAIN_ENV} | {
            ir.lvalue for ir in irs if ir.op == "Length" and ir.lvalue}, irs, carries)
        subtractions = [(node, ir) for node in self.function.nodes if not node.checked
                        for ir in node.irs if ir.op == "Binary"
                        and ir.attrs.get("operator") == "-" and len(ir.reads) == 2]

        def guarded(minuend: str, subtrahend: str) -> bool:
            pair = {of(minuend), of(subtrahend)}
            return any(pair <= reads for reads in compared)

        taken = {of(ir.reads[1]) for _, ir in subtractions if guarded(*ir.reads)}

        def stored(key: str) -> bool:
            value = of(key)
            while isinstance(value, tuple):
                value = value[1]
            return isinstance(value, str) and value.startswith("state:")

        def total_less_entry(minuend: str, subtrahend: str) -> bool:
            return of(minuend) == minuend and minuend.startswith("state:") and (
                subtrahend.startswith("const:") or (of(subtrahend) != subtrahend
                                                    and stored(subtrahend)))

        named: set[int] = set()
        for node, ir in subtractions:
            minuend, subtrahend = ir.reads
            if (guarded(minuend, subtrahend) or of(subtrahend) in taken
                    or total_less_entry(minuend, subtrahend)
                    or all(k.startswith("const:") for k in ir.reads)
                    or minuend in grown
                    or subtrahend in propagate({minuend}, irs, carries)):
                continue
            named.add(node.id)
        return frozenset(named)

    @cached_property
    def revealed_secret_claims(self) -> frozenset[int]:
        """In a function `open_to_anyone` that hashes (`HASHES`) a value derived from a
        parameter and not from the sender (through assignments, conversions,
        `abi.encode*`): the nodes that compare that hash (`==`, `!=`; a hash used as a
        storage key is a name, not a secret), and the nodes that pay the
        sender (`transfer`, `send`, a low-level call with value to `msg.sender`, also
        converted) or store the sender in state; nothing when no node pays or stores
        the sender (a commitment check: copying the preimage wins nothing). The
        taxonomy's front-running, a revealed secret: whoever copies the pending preimage
        first is paid."""
        irs = self.irs
        if not any(ir.op == "SolidityCall" and builtin_name(ir) in HASHES for ir in irs) \
                or not self.open_to_anyone:
            return frozenset()

        def carries(ir: IROp) -> bool:
            return ir.op in PASSES or (ir.op == "SolidityCall"
                                        and builtin_name(ir).startswith("abi.encode"))

        chosen = propagate(self._inputs, irs, carries)
        senders = propagate(SENDERS, irs, carries)
        hashed = {ir.lvalue for ir in irs if ir.op == "SolidityCall" and ir.lvalue
                  and builtin_name(ir) in HASHES and chosen & set(ir.reads)
                  and not senders & set(ir.reads)}
        secret = propagate(hashed, irs, forwards)
        checks = {node.id for node in self.function.nodes for ir in node.irs
                  if ir.op == "Binary" and ir.attrs.get("operator") in ("==", "!=")
                  and secret & set(ir.reads)}
        if not checks:
            return frozenset()
        sender = propagate({"env:msg.sender"}, irs, forwards)
        named: set[int] = set()
        for node in self.function.nodes:
            for ir in node.irs:
                pays = (ir.op in ("Transfer", "Send") or (ir.op == "LowLevelCall"
                                                         and ir.attrs.get("value"))
                        ) and ir.attrs.get("destination") in sender
                stores = (ir.op == "Assignment" and bool(node.state_written)
                          and bool(sender & set(ir.reads)) and ir.lvalue is not None
                          and ir.lvalue.startswith(("state:", "tmp:REF")))
                if pays or stores:
                    named.add(node.id)
        # a check with nothing for the sender after it is a commitment (a keeper or
        # oracle callback verifying what was committed): copying it wins nothing
        return frozenset(named | checks) if named else frozenset()


def _denotations(irs: list[IROp], fields: bool) -> dict[str, object]:
    """`FunctionFacts.denoted` (and `denoted_fields`, with `fields`)."""
    defined: dict[str, int] = {}
    for ir in irs:
        if ir.lvalue:
            defined[ir.lvalue] = defined.get(ir.lvalue, 0) + 1
    sources: dict[str, tuple[str, tuple[str, ...], str]] = {}
    for ir in irs:
        key = ir.lvalue
        if not key or not ir.reads or key in sources:
            continue
        if ir.op == "Index" and len(ir.reads) == 2:
            sources[key] = ("[]", ir.reads, "")
        elif ir.op == "Member":
            sources[key] = (".", ir.reads[:1],
                            str(ir.attrs.get("member", "")) if fields else "")
        elif ir.op in PASSES and (key.startswith("tmp:") or defined[key] == 1):
            sources[key] = ("=", ir.reads[:1], "")
    out: dict[str, object] = {}

    def denote(key: str, depth: int = 0) -> object:
        if key in out:
            return out[key]
        if key not in sources or depth > 16:
            return key
        kind, reads, field_name = sources[key]
        inner = tuple(denote(r, depth + 1) for r in reads)
        value: object = inner[0] if kind == "=" else (
            (kind, *inner, field_name) if field_name else (kind, *inner))
        out[key] = value
        return value

    for key in sources:
        denote(key)
    return out


def _elements(starts: Iterable[str], irs: list[IROp]) -> set[str]:
    """`starts`, what they are passed on to (`forwards`: locals, temporaries,
    conversions), and the elements and members read out of them (`list[i]`,
    `order.qty`: an `Index` or `Member` of a value already reached), to a fixed point.
    An index does not carry: `balances[key]` holds storage's value, not the key's."""
    reached = set(starts)
    changed = True
    while changed:
        changed = False
        for ir in irs:
            if not ir.lvalue or ir.lvalue in reached or not ir.reads:
                continue
            if ((forwards(ir) and reached & set(ir.reads))
                    or (ir.op in ("Index", "Member") and ir.reads[0] in reached)):
                reached.add(ir.lvalue)
                changed = True
    return reached


def reverts_on_failure(ir: IROp, irs: Iterable[IROp]) -> bool:
    """A `transfer`, or a `send`, low-level call or (non-library) high-level call whose
    returned flag reaches a `require`/`assert` or a condition (through `forwards` and
    `!`): the call's failure reverts the whole transaction."""
    if ir.op == "Transfer":
        return True
    if ir.op not in ("Send", "LowLevelCall", "HighLevelCall") or not ir.lvalue:
        return False
    irs = list(irs)
    flag = propagate({ir.lvalue}, irs, lambda o: forwards(o) or (
        o.op == "Unary" and o.attrs.get("operator") == "!"))
    return any(is_check(o) and flag & set(o.reads) for o in irs)


def operand_kinds(node: NodeRecord, key: str, depth: int = 0) -> set[str]:
    """What a value read in `node` comes from (see schema.COMPARE_OPERANDS)."""
    kind, _, name = key.partition(":")
    if kind == "env":
        return {{"msg.sender": "sender", "tx.origin": "origin", "block.timestamp": "time",
                 "now": "time", "block.number": "block", "msg.value": "value"}.get(name,
                                                                                   "block")}
    if kind == "state":
        return {"state"}
    if kind == "const":
        return {"constant"}
    if kind == "local":
        return {"local"}
    if kind != "tmp" or depth > 6:
        return set()
    found: set[str] = set()
    for ir in node.irs:
        if ir.lvalue != key:
            continue
        if ir.op in CALL_OPS:
            found.add("call_result")
        elif ir.op == "SolidityCall":
            name = builtin_name(ir)
            found.add("balance" if name == "balance" else "block" if "blockhash" in name
                      else "call_result")
        else:
            for read in ir.reads:
                found |= operand_kinds(node, read, depth + 1)
    return found


def comparisons(node: NodeRecord) -> list[set[str]]:
    """Operand kinds of each comparison in the node."""
    out = []
    for ir in node.irs:
        if ir.op == "Binary" and ir.attrs.get("operator") in COMPARISONS:
            kinds: set[str] = set()
            for read in ir.reads:
                kinds |= operand_kinds(node, read)
            out.append(kinds)
    return out


def sender_guard(node: NodeRecord) -> bool:
    """msg.sender / tx.origin compared with (or used as a key into) state, deciding
    control flow in this node."""
    if not any(is_check(ir) for ir in node.irs):
        return False
    for kinds in comparisons(node):
        if kinds & {"sender", "origin"} and "state" in kinds:
            return True
    for ir in node.irs:
        if ir.op == "Index":
            kinds: set[str] = set()
            for read in ir.reads:
                kinds |= operand_kinds(node, read)
            if "state" in kinds and kinds & {"sender", "origin"}:
                return True
    return False


def origin_only_compared_with_sender_or_constant(node: NodeRecord) -> bool:
    """The statement reads `tx.origin` only to compare it (`==`, `!=`) with `msg.sender`
    or a constant: an EOA check (`tx.origin == msg.sender`) or a simulation check
    (`tx.origin != address(0)`), no authorisation."""
    uses = [ir for ir in node.irs if "env:tx.origin" in ir.reads]
    if not uses:
        return False
    for ir in uses:
        if not (ir.op == "Binary" and ir.attrs.get("operator") in ("==", "!=")):
            return False
        others: set[str] = set()
        for read in ir.reads:
            if read != "env:tx.origin":
                others |= operand_kinds(node, read)
        if not others or others - {"sender", "constant"}:
            return False
    return True


def origin_authorisation(node: NodeRecord) -> bool:
    """The statement authorises by `tx.origin` (the taxonomy's access-control, SWC-115;
    SWC-115): it compares `tx.origin` (`==`, `!=`) with a value that is
    neither `msg.sender` (`tx.origin == msg.sender` turns contracts away, it trusts no
    one) nor a constant (`address(0)`), or it checks or returns a stored entry keyed by
    `tx.origin` (`require(isAdmin[tx.origin])`)."""
    checks = any(is_check(ir) or ir.op == "Return" for ir in node.irs)
    for ir in node.irs:
        if "env:tx.origin" not in ir.reads:
            continue
        others: set[str] = set()
        for read in ir.reads:
            if read != "env:tx.origin":
                others |= operand_kinds(node, read)
        if ir.op == "Binary" and ir.attrs.get("operator") in ("==", "!="):
            if others - {"sender", "constant"}:
                return True
        elif ir.op == "Index" and checks and "state" in others:
            return True
    return False


def calls_back(ir: IROp, destinations: set[str]) -> bool:
    """A low-level `call` or a high-level (non-library) call to one of `destinations`:
    code there runs and can call back (`transfer` and `send` forward 2300 gas only)."""
    return ((ir.op == "LowLevelCall" and ir.attrs.get("function") == "call")
            or ir.op == "HighLevelCall") and ir.attrs.get("destination") in destinations


def callbacks_before_updates(facts: FunctionFacts, hooks: frozenset[str],
                             locks: frozenset[str]) -> frozenset[int]:
    """The taxonomy's reentrancy, a callback to the caller before a state update. In a
    public or external function other than a constructor,
    with no restricting modifier, no authorisation check (`checks_authority`; a limit or
    balance keyed by the sender is none) and no modifier in `locks` (modifiers that write
    state, a reentrancy lock among them): the nodes that call back `msg.sender`
    (`calls_back`, the destination passed on from it) or call internally, with a value
    passed on from `msg.sender`, a function of `hooks` (`caller_hooks`); and, for each,
    the nodes reachable after it that write a state variable read by a node from which
    the call is reachable (the call included)."""
    function = facts.function
    if (function.visibility not in ("public", "external") or function.kind == "constructor"
            or facts.restricting_modifiers or facts.checks_authority
            or any(m in locks for m in function.modifiers)):
        return frozenset()
    sender = propagate({"env:msg.sender"}, facts.irs, forwards)
    calls = [node.id for node in function.nodes if any(
        calls_back(ir, sender) or (ir.op == "InternalCall" and ir.attrs.get("callee") in hooks
                                   and bool(sender & set(ir.reads)))
        for ir in node.irs)]
    named: set[int] = set()
    nodes = facts.nodes
    for call in calls:
        relied = {key for n in facts.reach([call], reverse=True) for key in nodes[n].state_read}
        late = {n for n in facts.reach(facts.successors[call])
                if relied & set(nodes[n].state_written)}
        if late:
            named |= late | {call}
    return frozenset(named)


SENDERS = frozenset({"env:msg.sender", "env:tx.origin"})


def _state_sources(node: NodeRecord, key: str, depth: int = 0,
                   pointers: Mapping[str, set[str]] | None = None) -> set[str]:
    """The state variables a value read in `node` comes from, following the node's own
    temporaries and references (`owner`, `jobs[id].keeper` -> `jobs`), and with
    `pointers` (`local_sources`) a local to what it is assigned from (`g.beneficiary`
    after `Grant storage g = grants[id]` -> `grants`)."""
    if key.startswith("state:"):
        return {key}
    if pointers is not None and key.startswith("local:"):
        return set(pointers.get(key, ()))
    if depth > 8 or not key.startswith("tmp:"):
        return set()
    found: set[str] = set()
    for ir in node.irs:
        if ir.lvalue == key and ir.op in ("Index", "Member", "TypeConversion", "Assignment",
                                          "Length", "Unary"):
            for read in ir.reads:
                if read != key:
                    found |= _state_sources(node, read, depth + 1, pointers)
    return found


def local_sources(function: FunctionRecord) -> dict[str, set[str]]:
    """Local -> the state variables assigned to it anywhere in the function (a storage
    pointer or a copy: `Grant storage g = grants[id]` -> `grants`), through the
    assigning statement's temporaries. Flow-insensitive."""
    out: dict[str, set[str]] = {}
    for node in function.nodes:
        for ir in node.irs:
            if ir.lvalue and ir.lvalue.startswith("local:") and ir.op in PASSES:
                for read in ir.reads:
                    out.setdefault(ir.lvalue, set()).update(_state_sources(node, read))
    return out


def authority_reads(node: NodeRecord, pointers: Mapping[str, set[str]] | None = None
                    ) -> set[str]:
    """State variables this node uses to authorise the sender: `msg.sender` or
    `tx.origin` compared (`==`, `!=`) with a value read from them, or their boolean
    entry for the sender checked or returned (`require(isMinter[msg.sender])`). Balance
    comparisons (`balances[msg.sender] >= amount`) are not authorisation. With
    `pointers` (`local_sources`), a value read through a local counts as read from the
    state it was assigned from (`msg.sender == g.beneficiary`, `g` a pointer into
    `grants`)."""
    found: set[str] = set()
    checks = any(is_check(ir) or ir.op == "Return" for ir in node.irs)
    for ir in node.irs:
        reads = set(ir.reads)
        if not reads & SENDERS:
            continue
        compared = ir.op == "Binary" and ir.attrs.get("operator") in ("==", "!=")
        if compared or (ir.op == "Index" and ir.lvalue_type == "bool" and checks):
            for read in reads - SENDERS:
                found |= _state_sources(node, read, pointers=pointers)
    return found


def authority_variables(functions: Iterable[FunctionFacts]) -> frozenset[str]:
    """The state variables some function or modifier of these uses to authorise the
    sender (`FunctionFacts.authorises_by`, through locals assigned from state)."""
    return frozenset().union(*(facts.authorises_by for facts in functions))


def authority_writes(facts: FunctionFacts, authorities: frozenset[str]) -> frozenset[int]:
    """Nodes of a non-constructor function `open_to_anyone` which rewrite an authority
    variable: a plain variable (`owner = x`), or an entry of a mapping or array picked by
    the caller's input (`isMinter[account] = true`); never the entry keyed by the sender
    itself (self-registration: `joined[msg.sender] = true`), nor in a one-time
    initialiser (`runs_once`), nor in a function that checks the sender through a local
    (`FunctionFacts.checks_authority`)."""
    function = facts.function
    if (not facts.open_to_anyone or function.kind == "constructor" or not authorities
            or runs_once(function) or facts.checks_authority):
        return frozenset()
    out = set()
    for node in function.nodes:
        written = set(node.state_written) & authorities
        if not written:
            continue
        direct = any(ir.lvalue in written for ir in node.irs)
        # the references the node writes through (`isMinter[a] = ...`, `g.holder = ...`)
        targets = {ir.lvalue for ir in node.irs if ir.lvalue
                   and ir.lvalue.startswith("tmp:REF") and ir.op not in ("Index", "Member")}
        picked = _chain(node, targets)
        by_sender = any(ir.op == "Index" and set(ir.reads) & SENDERS for ir in picked)
        by_input = any("input" in facts.origins(read) for ir in picked for read in ir.reads
                       if read not in SENDERS)
        if direct or (by_input and not by_sender):
            out.add(node.id)
    return frozenset(out)


def _chain(node: NodeRecord, refs: set[str]) -> list[IROp]:
    """The node's `Index` and `Member` operations that make the references `refs`
    (`jobs[id].keeper` -> the Member and the Index under it)."""
    out: list[IROp] = []
    todo = set(refs)
    seen: set[str] = set()
    while todo:
        ref = todo.pop()
        seen.add(ref)
        for ir in node.irs:
            if ir.lvalue == ref and ir.op in ("Index", "Member"):
                out.append(ir)
                todo |= {r for r in ir.reads if r.startswith("tmp:REF") and r not in seen}
    return out


def runs_once(function: FunctionRecord) -> bool:
    """The function checks a state variable that it also writes (`require(!setUp);
    setUp = true;`, `require(admin == address(0)); admin = x;`): a one-time initialiser."""
    checked = {key for node in function.nodes if any(is_check(ir) for ir in node.irs)
               for key in node.state_read}
    return any(checked & set(node.state_written) for node in function.nodes)
