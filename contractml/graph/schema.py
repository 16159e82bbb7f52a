"""The graph schema: node kinds, edge kinds and the node-feature vocabulary.

Every checkpoint stores `SCHEMA_VERSION` and `vocabulary_hash()`; a model is only ever
fed graphs built with the vocabulary it was trained on. Nothing here, and no feature,
comes from identifier names or comments: features read SlithIR operations, types,
Solidity built-ins and the CFG's structure.

Feature layout (`FEATURES`, in this order; every feature is 0/1 unless noted):

- `node:<type>`: the Slither node type (one-hot over `NODE_TYPES`, last slot "other").
- `ir:<op>`: the SlithIR operations the node holds (multi-hot over `IR_OPS`).
- `call:<kind>`: calls the node makes (`CALL_KINDS`): low-level `call`, `delegatecall`,
  `staticcall`, `callcode`, `send`, `transfer`, `high_level` (external, not a library),
  `library`, `internal`, `new_contract`; `call:value` when ether goes with a call.
- `result:<...>`: for calls with a return value: `used` (read anywhere later) and
  `checked` (flows into a condition, `require` or `assert`); `result:ignored` for a
  low-level call/send whose result is never checked.
- `state:<...>`: `read`, `written`, `written_after_call` (a state write, here or in an
  internal callee, reachable on some CFG path from a re-entrant external call),
  `call_before_write` (this node is such a call).
- `env:<name>`: environment values read (`ENV_SOURCES`).
- `builtin:<name>`: Solidity built-in functions called (`BUILTINS`).
- `cmp:<operand>`: what the node's comparisons compare (`COMPARE_OPERANDS`), and
  `guard:sender_vs_state` (msg.sender or tx.origin compared with a state variable),
  `guard:in_require` (that comparison feeds a require/assert/condition here).
- `arith:<op>`: arithmetic operators (`ARITH_OPS`); `arith:unchecked` when one of them
  cannot revert on overflow (before 0.8, or inside `unchecked {}`).
- `solc:<line>`: the compiler line the file was compiled with (0.4 ... 0.8).
- `loop:<...>`: `member` (the loop repeats this node), `call_in_loop` (an external call
  the loop repeats); for a loop condition, `bound:<kind>` over `LOOP_BOUNDS`.
- `fn:<...>`: the enclosing function, broadcast to its nodes: visibility, kind,
  `payable`, `view_or_pure`, `has_modifiers`, `guarded` (a modifier applies or some
  statement checks the sender against state).
- `flow:<...>` (schema 2): data flow within the function, through temporaries, locals
  and the state it writes: `chain` (reads a value derived from block data or blockhash),
  `input` (from a parameter, msg.value or msg.data), `chain_modulo` (takes such a chain
  value modulo something), `chain_decides` (a condition or require reads one),
  `input_arith` (overflowing arithmetic on a caller-chosen value),
  `input_arith_unbounded` (... where a parameter or msg.value operand is compared
  nowhere in the function), `arith_to_state`
  (arithmetic whose node writes state), `input_target` (an external call's destination
  is caller-chosen).
- `fact:<...>` (schema 3): the analysis layer's taxonomy facts about the node
  (`dataflow.FunctionFacts`, the ones the category definitions read), so the network
  weighs them with everything else: `short_time_window`, `stored_underflow`,
  `stored_party_failure`, `drawn_reduction`, `drawn_number`, `revealed_secret_claim`,
  `caller_chosen_delegatecall`, `handled_result`, `assembly`, `unguarded_subtraction`,
  and over the file's call graph (`context.FileFacts`) `callback_before_update`,
  `unguarded_authority_write`, `unbounded_shared_loop`; and of the function,
  `fn:open_to_anyone` (public or external, no restricting modifier, no sender check,
  not a constructor), `fn:lock_held`, `fn:settled_before_calls`, `fn:effect_free`,
  `fn:setup_only`.
- optional `detector:<argument>`: Slither detector hits (`DETECTORS`), switchable.
"""

from __future__ import annotations

import hashlib
import json
from enum import IntEnum

SCHEMA_VERSION = 3

NODE_TYPES: tuple[str, ...] = (
    "ENTRY_POINT", "EXPRESSION", "RETURN", "IF", "NEW VARIABLE", "INLINE ASM",
    "END INLINE ASM", "IF_LOOP", "END_IF", "BEGIN_LOOP", "END_LOOP", "THROW", "BREAK",
    "CONTINUE", "_", "TRY", "CATCH", "OTHER_ENTRYPOINT", "other",
)

IR_OPS: tuple[str, ...] = (
    "Assignment", "Binary", "Condition", "Delete", "EventCall", "HighLevelCall", "Index",
    "InitArray", "InternalCall", "InternalDynamicCall", "LibraryCall", "LowLevelCall",
    "Member", "NewArray", "NewElementaryType", "NewContract", "NewStructure", "Return",
    "Send", "SolidityCall", "Transfer", "TypeConversion", "Unary", "Unpack", "Length",
    "Nop",
)

CALL_KINDS: tuple[str, ...] = (
    "call", "delegatecall", "staticcall", "callcode", "send", "transfer", "high_level",
    "library", "internal", "new_contract", "value",
)

#: Environment values, by the name Slither gives the Solidity variable.
ENV_SOURCES: tuple[str, ...] = (
    "msg.sender", "msg.value", "msg.data", "msg.sig", "tx.origin", "tx.gasprice",
    "block.timestamp", "now", "block.number", "block.difficulty", "block.prevrandao",
    "block.coinbase", "block.gaslimit", "block.basefee", "block.chainid", "this",
)

#: Built-in functions, by Slither's name prefix (before the parenthesis).
BUILTINS: tuple[str, ...] = (
    "require", "assert", "revert", "selfdestruct", "suicide", "blockhash",
    "block.blockhash", "keccak256", "sha3", "sha256", "ripemd160", "ecrecover", "gasleft",
    "abi.encodePacked", "abi.encode", "abi.decode", "balance",
)

COMPARE_OPERANDS: tuple[str, ...] = (
    "sender", "origin", "time", "block", "value", "balance", "state", "constant", "local",
    "call_result",
)

ARITH_OPS: tuple[str, ...] = ("+", "-", "*", "/", "%", "**", "<<", ">>")

SOLC_LINES: tuple[str, ...] = ("0.4", "0.5", "0.6", "0.7", "0.8", "other")

#: Data-flow facts (`dataflow.FunctionFacts.flow`): what the node reads carries and does.
FLOW: tuple[str, ...] = (
    "chain", "input", "chain_modulo", "chain_decides", "input_arith",
    "input_arith_unbounded", "arith_to_state", "input_target",
)

#: Taxonomy facts of the analysis layer (`dataflow.FunctionFacts`), per node.
FACTS: tuple[str, ...] = (
    "short_time_window", "stored_underflow", "stored_party_failure", "drawn_reduction",
    "drawn_number", "revealed_secret_claim", "caller_chosen_delegatecall", "handled_result",
    "assembly", "unguarded_subtraction", "callback_before_update",
    "unguarded_authority_write", "unbounded_shared_loop",
)
#: Function facts over the file's call graph (`context.FileFacts`), on every node.
FUNCTION_FACTS: tuple[str, ...] = (
    "open_to_anyone", "lock_held", "settled_before_calls", "effect_free", "setup_only",
)

LOOP_BOUNDS: tuple[str, ...] = (
    "constant", "storage_length", "length", "state", "parameter_or_local", "other",
)

VISIBILITIES: tuple[str, ...] = ("public", "external", "internal", "private")
FUNCTION_KINDS: tuple[str, ...] = ("function", "modifier", "constructor", "fallback",
                                   "receive")

#: Slither 0.11 detector arguments usable as features. `naming-convention` is left out:
#: it judges identifier names, which no feature may use.
DETECTORS: tuple[str, ...] = (
    "abiencoderv2-array", "arbitrary-send-erc20", "arbitrary-send-erc20-permit",
    "arbitrary-send-eth", "array-by-reference", "assembly", "assert-state-change",
    "backdoor", "boolean-cst", "boolean-equal", "cache-array-length", "calls-loop",
    "chainlink-feed-registry", "chronicle-unchecked-price", "constable-states",
    "constant-function-asm", "constant-function-state", "controlled-array-length",
    "controlled-delegatecall", "costly-loop", "cyclomatic-complexity", "dead-code",
    "delegatecall-loop", "deprecated-standards", "divide-before-multiply",
    "domain-separator-collision", "encode-packed-collision", "enum-conversion",
    "erc20-indexed", "erc20-interface", "erc721-interface", "events-access",
    "events-maths", "external-function", "function-init-state",
    "gelato-unprotected-randomness", "immutable-states", "incorrect-equality",
    "incorrect-exp", "incorrect-modifier", "incorrect-return", "incorrect-shift",
    "incorrect-unary", "incorrect-using-for", "locked-ether", "low-level-calls",
    "mapping-deletion", "missing-inheritance", "missing-zero-check",
    "msg-value-in-nonpayable", "msg-value-loop", "multiple-constructors", "name-reused",
    "optimism-deprecation", "out-of-order-retryable", "pragma", "protected-vars",
    "public-mappings-nested", "pyth-deprecated-functions", "pyth-unchecked-confidence",
    "pyth-unchecked-publishtime", "redundant-statements", "reentrancy-balance",
    "reentrancy-benign", "reentrancy-eth", "reentrancy-events", "reentrancy-no-eth",
    "reentrancy-unlimited-gas", "return-bomb", "return-leave", "reused-constructor",
    "rtlo", "shadowing-abstract", "shadowing-builtin", "shadowing-local",
    "shadowing-state", "solc-version", "storage-array", "suicidal",
    "tautological-compare", "tautology", "timestamp", "too-many-digits", "tx-origin",
    "unchecked-lowlevel", "unchecked-send", "unchecked-transfer",
    "unimplemented-functions", "unindexed-event-address", "uninitialized-fptr-cst",
    "uninitialized-local", "uninitialized-state", "uninitialized-storage",
    "unprotected-upgrade", "unused-return", "unused-state", "var-read-using-this",
    "variable-scope", "void-cst", "weak-prng", "write-after-write",
)


class EdgeType(IntEnum):
    """Edge kinds. `AddReverseEdges` adds `REVERSE_OFFSET + t` for each."""

    CFG_NEXT = 0  # successor of a node with one way out
    CFG_TRUE = 1  # IF / IF_LOOP: the branch taken when the condition holds
    CFG_FALSE = 2  # ... and when it does not
    DATA = 3  # a definition of a local, temporary or state variable -> a use it reaches
    CALL = 4  # internal or library call -> callee's entry
    RETURN = 5  # callee's exits -> the calling node
    MODIFIER = 6  # modifier invocation -> modifier entry; placeholder `_` -> the body


NUM_EDGE_TYPES = len(EdgeType)
REVERSE_OFFSET = NUM_EDGE_TYPES


def _names(prefix: str, values: tuple[str, ...]) -> list[str]:
    return [f"{prefix}:{v}" for v in values]


BASE_FEATURES: tuple[str, ...] = tuple(
    _names("node", NODE_TYPES)
    + _names("ir", IR_OPS)
    + _names("call", CALL_KINDS)
    + ["result:used", "result:checked", "result:ignored"]
    + ["state:read", "state:written", "state:written_after_call", "state:call_before_write"]
    + _names("env", ENV_SOURCES)
    + _names("builtin", BUILTINS)
    + _names("cmp", COMPARE_OPERANDS) + ["guard:sender_vs_state", "guard:in_require"]
    + _names("arith", ARITH_OPS) + ["arith:unchecked"]
    + _names("solc", SOLC_LINES)
    + ["loop:member", "loop:call_in_loop"] + _names("loop:bound", LOOP_BOUNDS)
    + _names("fn:visibility", VISIBILITIES) + _names("fn:kind", FUNCTION_KINDS)
    + ["fn:payable", "fn:view_or_pure", "fn:has_modifiers", "fn:guarded"]
    + _names("flow", FLOW)
    + _names("fact", FACTS) + _names("fn", FUNCTION_FACTS)
)
DETECTOR_FEATURES: tuple[str, ...] = tuple(_names("detector", DETECTORS))


def feature_names(with_detectors: bool = False) -> tuple[str, ...]:
    return BASE_FEATURES + (DETECTOR_FEATURES if with_detectors else ())


def vocabulary_hash(with_detectors: bool = False) -> str:
    """SHA-256 over the schema version, edge kinds and feature names, in order."""
    payload = {"schema": SCHEMA_VERSION, "edges": [e.name for e in EdgeType],
               "features": list(feature_names(with_detectors))}
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()
