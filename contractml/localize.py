"""Model scores -> regions of at most ten lines, each with the statements that drove it.

One rule, used by `contractml scan` and by the evaluator alike:

- a statement (a CFG node of the graph's own function, `seed`) is a candidate for a
  category when its calibrated node score reaches the category's node threshold, and the
  function's score reaches the function threshold (the function head gates the node head;
  a model whose JSON says `"function_gate": false`, as the shipped default, has every
  function threshold at 0: `checkpoint.effective_thresholds`);
- entry nodes count by their header line only, loop and merge markers never (their spans
  cover whole bodies), exactly as in the labels;
- candidates of one function and category, in line order, join one region while the
  region stays within `MAX_REGION_LINES` lines; a region's score is its best node's;
- a statement where a Slither detector rule fires (`contractml.detector_rules`: a
  detector that was precise on the training data) is a candidate whatever the
  thresholds, scored with the better of the rule's precision and the model's score;
- what the taxonomy's definitions exclude is never a candidate, whatever a score or a
  detector rule says (`Definitions`; docs/benchmarks/devset-notes.md, rounds 26-27): for
  unchecked-call ("the result is ignored") a statement whose low-level calls and sends
  all have their success flag handled (`dataflow.FunctionFacts.handled_statements`:
  returned, checked, passed on, stored); for arithmetic (overflow before 0.8 or inside
  `unchecked {}`) a statement with no operator that can wrap there and no call that
  could hold one, or the entry of a function without such a statement;
- what a taxonomy definition names outright is a candidate whatever the thresholds
  (`Definitions.include`; devset-notes.md, round 28): for unsafe-delegatecall ("to an
  address the caller controls") a `delegatecall`/`callcode` whose destination derives
  from the caller's input in a public or external function that checks no sender
  (`dataflow.FunctionFacts.caller_chosen_delegatecalls`); for access-control ("owner
  change ... that anyone can reach", round 29) a statement that rewrites an authority
  variable (one the file's authorisation checks read: `msg.sender == owner`,
  `require(isMinter[msg.sender])`, also through a local pointer, round 39) in a public or
  external function that checks no sender (round 39: not even through a pointer) and is
  no one-time initialiser, unless it writes the sender's own entry
  (`dataflow.authority_writes`), and ("authorisation by tx.origin", round 42) a
  comparison of `tx.origin` with an account, or a checked or returned entry keyed by it
  (`dataflow.origin_authorisation`); for time-manipulation ("at a granularity a miner can
  move", round 30) a comparison of a timestamp-derived value with a window of at most
  15 minutes, or that value divided or taken modulo by one
  (`dataflow.FunctionFacts.short_time_windows`); for denial-of-service ("one failing
  party blocks everyone", round 31) a call inside a loop whose failure reverts the
  transaction, to a party taken from storage
  (`dataflow.FunctionFacts.stored_party_failures`), and ("unbounded loop in a shared
  path", rounds 52-53) the condition of a loop as long as a state array that anyone can
  grow without a cap (`dataflow.open_lists`, `FunctionFacts.loops_over`); for
  arithmetic ("pre-0.8 arithmetic without checks", round 36) a subtraction that can
  wrap of an amount the caller passes, which no comparison in the function reads, from
  a stored value, in a public or external function with no authorisation check
  (`dataflow.FunctionFacts.stored_underflows`); for front-running ("revealed secrets",
  rounds 43-44) the comparison of a hash of the caller's input (not of the sender) and
  the statements that pay or record the sender, in a function anyone can call
  (`dataflow.FunctionFacts.revealed_secret_claims`); for bad-randomness ("randomness
  drawn from chain data", rounds 46 and 49) a `%` of a hash of chain data, or of
  `blockhash`, difficulty, prevrandao or coinbase read straight, and a conversion of such
  a value to an integer type (`dataflow.FunctionFacts.drawn_reductions`,
  `drawn_numbers`); for reentrancy ("state is read or written after an external call
  that can call back", rounds 50-51) a call that runs the caller's code (a `call` or a
  contract call on `msg.sender`, or a helper that calls back what it is given) and the
  later writes of state read before it, in a public or external function with no
  authorisation check and no modifier that writes state
  (`dataflow.callbacks_before_updates`); each scored with its rule's training
  precision (`INCLUDED`, measured by `scripts/definition_precision.py`), except round
  53's loops, which no training statement labels, scored with their development-set
  precision (`Definitions.precision`);
- for these rules, a modifier that never reads `msg.sender` or `tx.origin`, itself or
  through what it calls (`dataflow.sender_free`: a phase, pause or reentrancy check), is
  no sender check (round 41); any other modifier is;
- the same region reached through several contracts (inherited code) is kept once, with
  its best score.

No torch here: scores arrive as numpy arrays.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from contractml.graph.dataflow import (
    ARITHMETIC,
    DELEGATING,
    FunctionFacts,
    authority_variables,
    authority_writes,
    callbacks_before_updates,
    caller_hooks,
    open_lists,
    origin_authorisation,
    sender_free,
    state_writers,
)
from contractml.records import FileRecord, FunctionRecord, NodeRecord

#: A finding's region spans at most this many lines (the evaluation's unit too).
MAX_REGION_LINES = 10

#: No statement scoring below this is ever reported, whatever a model's thresholds say
#: (a threshold fitted on too few validation positives can collapse towards 0).
MIN_THRESHOLD = 0.05

#: Category -> score of a statement its definition names (`Definitions.include`): the
#: rule's Laplace-smoothed precision on the training split, as for the detector rules
#: (devset-notes.md, rounds 28-31, 36, 42, 44, 46, 49 and 51; `scripts/definition_precision.py`).
#: unsafe-delegatecall: train store `d814c7092210`, 50 of 50 statements it fires on
#: labelled, 50 / 51 (validation 10 of 10).
#: access-control: the training split's 2,760 files, 54 of 54, 54 / 55 (validation 11 of
#: 18: 7 false in one SolidiFI base contract, a first-come registration); with round 42
#: (tx.origin) 1,180 of 1,187, 1,180 / 1,188 (validation 254 of 261).
#: time-manipulation (round 30): 367 of 374, 367 / 375 (SolidiFI 237 of 244; validation 70
#: of 70). denial-of-service (round 31): 140 of 161, 140 / 162 (the 21 false are SolidiFI
#: payment loops, a corpus without that category's labels; validation names none); round
#: 53's loops are scored apart (`UNBOUNDED_LOOP_PRECISION`).
#: arithmetic (round 36): 585 of 585, 585 / 586 (SolidiFI 478 of 478; validation 100 of
#: 100). front-running (rounds 43-44): 1,212 of 1,300, 1,212 / 1,301 (the generator labels
#: the check, not the payment: 40 of 98; validation 264 of 300). bad-randomness (round
#: 46, with round 49): 60 of 60, 60 / 61, all from the generator (SolidiFI names none;
#: validation 20 of 20).
#: reentrancy (round 51): 897 of 898, 897 / 899 (SolidiFI 577 of 578; validation 164 of
#: 164).
INCLUDED: dict[str, float] = {"unsafe-delegatecall": 0.9804, "access-control": 0.9933,
                              "time-manipulation": 0.9787, "denial-of-service": 0.8642,
                              "arithmetic": 0.9983, "front-running": 0.9316,
                              "bad-randomness": 0.9836, "reentrancy": 0.9978}
#: Round 53 (a loop as long as a shared list anyone grows, denial-of-service) has no
#: labelled training statement to measure: the generator labels the payment inside its
#: loop, never the loop, and keeps the same loop in its safe twins (devset-notes.md, round
#: 52). Its score is its precision on the development set instead, the only labelled data
#: here that follows the taxonomy on this point: 6 of 6 named, 6 / 7.
UNBOUNDED_LOOP_PRECISION = 0.8571

#: What denial-of-service's second definition (rounds 52-53) saw: `Definitions.why`.
UNBOUNDED_LOOP_WHY = ("it loops over a stored list that anyone can make longer without "
                      "bound; once the list is long enough the loop needs more gas than a "
                      "block holds, and every call that runs it fails")

#: Category -> what its definition saw in a statement `Definitions.include` names.
INCLUDED_WHY: dict[str, str] = {
    "unsafe-delegatecall": "the caller chooses the target and the function checks no sender",
    "access-control": "it rewrites a variable the contract's sender checks read, in a "
                      "function that checks no sender",
    "time-manipulation": "it compares or divides block.timestamp at a scale of seconds (a "
                         "window of at most 15 minutes), which a block producer can move",
    "denial-of-service": "it calls a party taken from storage, and when that one party "
                         "fails the whole loop reverts for everyone",
    "arithmetic": "it subtracts an amount the caller chooses, which nothing checks, from "
                  "a stored value, where the subtraction wraps instead of reverting",
    "reentrancy": "it lets the caller's code run (a call to msg.sender) before the state "
                  "the function relied on is updated, so the caller can re-enter first",
    "bad-randomness": "it makes a number from chain data (a hash of block values, or "
                      "blockhash/difficulty/coinbase) or reduces one to a range, which "
                      "anyone can compute and a block producer can choose",
    "front-running": "the function checks a secret the caller reveals (a preimage of a "
                     "hash) and pays or records the caller: whoever copies the pending "
                     "transaction first wins",
}

#: What access-control's second definition (round 42) saw: `Definitions.why`.
ORIGIN_WHY = ("it authorises by tx.origin, which any contract the account calls can "
              "pass on")

#: Node types whose span is a statement (labels and findings use the same set).
STATEMENT_TYPES = frozenset({"EXPRESSION", "RETURN", "NEW VARIABLE", "IF", "IF_LOOP", "THROW",
                             "INLINE ASM", "TRY", "_"})

_ENV_REASONS = {
    "block.timestamp": "reads block.timestamp", "now": "reads block.timestamp (now)",
    "block.number": "reads block.number", "block.difficulty": "reads block.difficulty",
    "block.prevrandao": "reads block.prevrandao", "block.coinbase": "reads block.coinbase",
    "tx.origin": "uses tx.origin", "msg.value": "uses msg.value",
}


@dataclass(frozen=True)
class NodeHit:
    """A statement with its score for one category."""

    function_id: str
    node_id: int
    file: str
    start_line: int
    end_line: int
    start_column: int
    end_column: int
    score: float


@dataclass
class Region:
    category: str
    file: str
    start_line: int
    end_line: int
    start_column: int
    end_column: int
    score: float  # best calibrated node score inside
    function_score: float
    contract: str
    function: str  # function/modifier name
    function_id: str
    hits: list[NodeHit] = field(default_factory=list)  # the candidates inside
    context: list[NodeHit] = field(default_factory=list)  # best other nodes of the function

    def key(self) -> tuple[str, str, int, int]:
        return (self.category, self.file, self.start_line, self.end_line)


@dataclass(frozen=True)
class Thresholds:
    node: Mapping[str, float]
    function: Mapping[str, float]


def _node_lines(node: NodeRecord) -> tuple[int, int] | None:
    if node.type == "ENTRY_POINT":
        return node.span.start_line, node.span.start_line
    if node.type in STATEMENT_TYPES:  # a longer statement: its first lines
        return node.span.start_line, min(node.span.end_line,
                                         node.span.start_line + MAX_REGION_LINES - 1)
    return None


def regions_for_graph(graph: object, node_scores: np.ndarray, function_scores: np.ndarray,
                      thresholds: Thresholds, categories: Sequence[str],
                      nodes: Mapping[tuple[str, int], tuple[FunctionRecord, NodeRecord]],
                      floor: float | None = None, rule_scores: np.ndarray | None = None,
                      definitions: Definitions | bool = True) -> list[Region]:
    """Regions of one scored graph (`graph` is a CodeGraph).

    `nodes` maps (function id, node id) to the records. With `floor`, every statement
    scoring at least `floor` is a candidate and no function gate applies (for
    precision-recall sweeps); the threshold rule applies otherwise. `rule_scores`
    [N, C] (`contractml.detector_rules`): a statement where a detector rule fires is a
    candidate whatever the thresholds, and its score is the better of the two.
    `definitions`: the taxonomy's definitions (`Definitions`) over `nodes`; pass one
    made once when scoring many graphs of the same `nodes`, or False to leave them out
    (Slither's baseline, whose scores are its detectors alone).
    """
    seed = graph.seed.numpy()  # type: ignore[attr-defined]
    fn_of_node = graph.fn_of_node.numpy()  # type: ignore[attr-defined]
    node_ids = graph.node_id.numpy()  # type: ignore[attr-defined]
    functions: list[str] = graph.functions  # type: ignore[attr-defined]
    regions: list[Region] = []
    taxonomy = (definitions if isinstance(definitions, Definitions)
                else Definitions(nodes) if definitions else None)
    for c, category in enumerate(categories):
        by_function: dict[int, list[NodeHit]] = {}
        scored: dict[int, list[NodeHit]] = {}
        for i in np.flatnonzero(seed):
            fn = int(fn_of_node[i])
            located = nodes.get((functions[fn], int(node_ids[i])))
            if located is None:
                continue
            lines = _node_lines(located[1])
            if lines is None:
                continue
            function_record, node = located
            span = node.span
            if node.type == "ENTRY_POINT":  # the header line, from the `function` keyword
                start_column, end_column = function_record.span.start_column, 0
            else:
                start_column = span.start_column
                end_column = span.end_column if lines[1] == span.end_line else 0
            hit = NodeHit(function_id=functions[fn], node_id=int(node_ids[i]), file=span.file,
                          start_line=lines[0], end_line=lines[1], start_column=start_column,
                          end_column=end_column, score=float(node_scores[i, c]))
            rule = float(rule_scores[i, c]) if rule_scores is not None else 0.0
            if taxonomy is not None and taxonomy.include(category, function_record, node):
                rule = max(rule, taxonomy.precision(category, node)[0])
            if rule > hit.score:
                hit = dataclasses.replace(hit, score=rule)
            scored.setdefault(fn, []).append(hit)
            if floor is not None:
                candidate = hit.score >= floor
            else:
                candidate = rule > 0 or (
                    hit.score >= max(thresholds.node[category], MIN_THRESHOLD)
                    and float(function_scores[fn, c]) >= thresholds.function[category])
            # the definitions' data flow runs only for the few statements that pass
            if candidate and not (taxonomy is not None
                                  and taxonomy.exclude(category, function_record, node)):
                by_function.setdefault(fn, []).append(hit)
        for fn, hits in by_function.items():
            function = nodes[(hits[0].function_id, hits[0].node_id)][0]
            others = sorted(scored[fn], key=lambda h: (-h.score, h.start_line))
            for group in _group(hits):
                inside = {(h.function_id, h.node_id) for h in group}
                regions.append(Region(
                    category=category, file=group[0].file,
                    start_line=group[0].start_line,
                    end_line=max(h.end_line for h in group),
                    start_column=group[0].start_column,
                    end_column=max(group, key=lambda h: h.end_line).end_column,
                    score=max(h.score for h in group),
                    function_score=float(function_scores[fn, c]),
                    contract=function.contract, function=function.name,
                    function_id=function.id, hits=group,
                    context=[h for h in others if (h.function_id, h.node_id) not in inside][:3]))
    return regions


def can_wrap(node: NodeRecord) -> bool:
    """The statement holds an operator that can overflow without reverting (`+`, `-`,
    `*`, `**`, `<<` before 0.8 or inside `unchecked {}`), or an internal or library call
    (whose callee could)."""
    return any(ir.op in ("InternalCall", "LibraryCall")
               or (ir.op == "Binary" and not node.checked
                   and ir.attrs.get("operator") in ARITHMETIC) for ir in node.irs)


class Definitions:
    """What the taxonomy's definitions exclude or name outright (module docstring), over
    the functions of `nodes` (`node_index`), whose authorisation checks make each file's
    authority variables (`dataflow.authority_variables`). Facts are cached per function,
    so one instance serves every graph scored over the same `nodes`."""

    def __init__(self, nodes: Mapping[tuple[str, int], tuple[FunctionRecord, NodeRecord]]
                 | None = None) -> None:
        self._nodes = nodes or {}
        self._facts: dict[str, FunctionFacts] = {}
        self._wraps: dict[str, bool] = {}
        self._authority_writes: dict[str, frozenset[int]] = {}
        self._authorities: dict[str, frozenset[str]] | None = None
        #: modifiers and functions that never read the sender (`dataflow.sender_free`)
        self._sender_free: frozenset[str] | None = None
        #: (functions that call back a caller, modifiers that write state) (round 50)
        self._hooks_locks: tuple[frozenset[str], frozenset[str]] | None = None
        self._callbacks: dict[str, frozenset[int]] = {}
        #: state arrays anyone can grow without bound (`dataflow.open_lists`), and per
        #: function the loop conditions as long as one of them (round 52)
        self._open_lists: frozenset[str] | None = None
        self._unbounded_loops: dict[str, frozenset[int]] = {}

    def _of(self, function: FunctionRecord) -> FunctionFacts:
        if function.id not in self._facts:
            if self._sender_free is None:
                self._sender_free = sender_free({f.id: f for f, _ in self._nodes.values()})
            self._facts[function.id] = FunctionFacts(function, sender_free=self._sender_free)
        return self._facts[function.id]

    def include(self, category: str, function: FunctionRecord, node: NodeRecord) -> bool:
        if category == "unsafe-delegatecall":
            return any(ir.op == "LowLevelCall" and ir.attrs.get("function") in DELEGATING
                       for ir in node.irs) \
                and node.id in self._of(function).caller_chosen_delegatecalls
        if category == "reentrancy":
            if not (node.state_written or any(ir.op in ("LowLevelCall", "HighLevelCall",
                                                        "InternalCall")
                                              for ir in node.irs)):
                return False
            if function.id not in self._callbacks:
                if self._hooks_locks is None:
                    functions = {f.id: f for f, _ in self._nodes.values()}
                    writers = state_writers(functions)
                    self._hooks_locks = (caller_hooks(functions, self._of), frozenset(
                        fid for fid, f in functions.items()
                        if f.kind == "modifier" and writers[fid]))
                self._callbacks[function.id] = callbacks_before_updates(
                    self._of(function), *self._hooks_locks)
            return node.id in self._callbacks[function.id]
        if category == "access-control":
            if origin_authorisation(node):
                return True
            if not node.state_written:
                return False
            if function.id not in self._authority_writes:
                self._authority_writes[function.id] = authority_writes(
                    self._of(function), self._file_authorities(function.span.file))
            return node.id in self._authority_writes[function.id]
        # cheap checks on the node first: most functions never build these facts
        if category == "time-manipulation":
            return any(ir.op == "Binary" for ir in node.irs) \
                and node.id in self._of(function).short_time_windows
        if category == "denial-of-service":
            if node.type == "IF_LOOP":  # round 52: a loop as long as a list anyone grows
                if function.id not in self._unbounded_loops:
                    if self._open_lists is None:
                        self._open_lists = open_lists(
                            {f.id: f for f, _ in self._nodes.values()}, self._of)
                    self._unbounded_loops[function.id] = self._of(function).loops_over(
                        self._open_lists)
                if node.id in self._unbounded_loops[function.id]:
                    return True
            return node.in_loop and node.id in self._of(function).stored_party_failures
        if category == "front-running":
            return any(ir.op in ("Binary", "Assignment", "Transfer", "Send", "LowLevelCall")
                       for ir in node.irs) \
                and node.id in self._of(function).revealed_secret_claims
        if category == "bad-randomness":
            ops = {ir.op for ir in node.irs}
            return ("Binary" in ops and node.id in self._of(function).drawn_reductions) \
                or ("TypeConversion" in ops and node.id in self._of(function).drawn_numbers)
        if category == "arithmetic":
            return not node.checked and any(
                ir.op == "Binary" and ir.attrs.get("operator") == "-"
                for ir in node.irs) and node.id in self._of(function).stored_underflows
        return False

    def why(self, category: str, node: NodeRecord) -> str:
        """What the definition saw in a statement `include` names."""
        if category == "access-control" and origin_authorisation(node):
            return ORIGIN_WHY
        if category == "denial-of-service" and node.type == "IF_LOOP":
            return UNBOUNDED_LOOP_WHY
        return INCLUDED_WHY[category]

    @staticmethod
    def precision(category: str, node: NodeRecord) -> tuple[float, str]:
        """The score of a statement `include` names, and the data it was measured on:
        the rule's precision on the training split (`INCLUDED`), or for round 53's loops,
        which training cannot measure, on the development set."""
        if category == "denial-of-service" and node.type == "IF_LOOP":
            return UNBOUNDED_LOOP_PRECISION, "the development set's"
        return INCLUDED[category], "training"

    def _file_authorities(self, file: str) -> frozenset[str]:
        if self._authorities is None:
            by_file: dict[str, dict[str, FunctionRecord]] = {}
            for function, _node in self._nodes.values():
                by_file.setdefault(function.span.file, {})[function.id] = function
            self._authorities = {f: authority_variables(map(self._of, functions.values()))
                                 for f, functions in by_file.items()}
        return self._authorities.get(file, frozenset())

    def exclude(self, category: str, function: FunctionRecord, node: NodeRecord) -> bool:
        if category == "unchecked-call":
            return node.id in self._of(function).handled_statements
        if category == "arithmetic":
            if node.type != "ENTRY_POINT":
                return not can_wrap(node)
            if function.id not in self._wraps:
                self._wraps[function.id] = any(map(can_wrap, function.nodes))
            return not self._wraps[function.id]
        return False


def _group(hits: list[NodeHit]) -> list[list[NodeHit]]:
    """Split line-ordered hits of one function into runs of at most MAX_REGION_LINES."""
    groups: list[list[NodeHit]] = []
    for hit in sorted(hits, key=lambda h: (h.file, h.start_line, h.end_line, h.node_id)):
        current = groups[-1] if groups else None
        if (current and current[0].file == hit.file
                and max(hit.end_line, current[-1].end_line) - current[0].start_line
                < MAX_REGION_LINES):
            current.append(hit)
        else:
            groups.append([hit])
    return groups


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


def dedupe(regions: Sequence[Region]) -> list[Region]:
    """One region per (category, file, lines): inherited code scored in several
    contracts, or a callee scored as its own seed and as context, is reported once."""
    best: dict[tuple[str, str, int, int], Region] = {}
    for region in regions:
        key = region.key()
        kept = best.get(key)
        if kept is None or (region.score, region.function_score) > (kept.score,
                                                                    kept.function_score):
            best[key] = region
    return sorted(best.values(), key=lambda r: (r.file, r.start_line, r.end_line, r.category))


def reason(node: NodeRecord) -> str:
    """A short, factual description of what a statement does (from its IR)."""
    parts: list[str] = []
    for ir in node.irs:
        op, attrs = ir.op, ir.attrs
        if op == "LowLevelCall":
            kind = attrs.get("function", "call")
            parts.append(f"low-level {kind}" + (" sending ether" if attrs.get("value") else ""))
        elif op in ("Send", "Transfer"):
            parts.append(f"ether {op.lower()}")
        elif op == "HighLevelCall" and not attrs.get("library"):
            parts.append("external call" + (" sending ether" if attrs.get("value") else ""))
        elif op == "SolidityCall":
            name = str(attrs.get("function", ""))
            if name.startswith(("selfdestruct", "suicide")):
                parts.append("selfdestruct")
            elif name.startswith("blockhash") or name.startswith("block.blockhash"):
                parts.append("reads blockhash")
            elif name.startswith(("require", "assert")):
                parts.append("guard (" + name.split("(")[0] + ")")
        elif op == "Binary" and attrs.get("operator") in ("+", "-", "*", "**") \
                and not node.checked:
            parts.append(f"unchecked arithmetic ({attrs['operator']})")
    for env in node.env_read:
        if env in _ENV_REASONS:
            parts.append(_ENV_REASONS[env])
    if node.state_written:
        names = ", ".join(sorted({k.split(".", 1)[-1] for k in node.state_written})[:3])
        parts.append(f"writes state ({names})")
    if node.in_loop:
        parts.append("inside a loop")
    unique = list(dict.fromkeys(parts))
    if unique:
        return "; ".join(unique)
    text = " ".join(node.text.split())
    return text[:80] if text else node.type.lower()
