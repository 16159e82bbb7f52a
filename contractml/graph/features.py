"""Node features: small pure functions, one per block of `schema.FEATURES`.

Each block function takes the node (and what it needs besides) and returns the names of
the features that are on; `node_features` assembles them into one vector in schema
order. No function here looks at identifier names, comments or source text.
"""

from __future__ import annotations

from collections.abc import Iterable

from contractml.analysis.context import FileFacts
from contractml.analysis.dataflow import (
    REENTRANT_LOW_LEVEL,
    FunctionFacts,
    builtin_name,
    comparisons,
    is_check,
    is_external_call,
    operand_kinds,
)
from contractml.graph import schema
from contractml.records import FunctionRecord, NodeRecord

_INDEX = {name: i for i, name in enumerate(schema.BASE_FEATURES)}
_DETECTOR_INDEX = {name: i for i, name in enumerate(schema.DETECTOR_FEATURES)}


def node_type(node: NodeRecord) -> list[str]:
    kind = node.type if node.type in schema.NODE_TYPES else "other"
    return [f"node:{kind}"]


def ir_ops(node: NodeRecord) -> list[str]:
    return [f"ir:{ir.op}" for ir in node.irs if ir.op in schema.IR_OPS]


def call_kinds(node: NodeRecord) -> list[str]:
    on = []
    for ir in node.irs:
        if ir.op == "LowLevelCall":
            name = str(ir.attrs.get("function", ""))
            if name in ("call", "delegatecall", "staticcall", "callcode"):
                on.append(f"call:{name}")
        elif ir.op in ("Send", "Transfer"):
            on.append(f"call:{ir.op.lower()}")
        elif ir.op == "HighLevelCall":
            on.append("call:high_level")
        elif ir.op == "LibraryCall":
            on.append("call:library")
        elif ir.op in ("InternalCall", "InternalDynamicCall"):
            on.append("call:internal")
        elif ir.op == "NewContract":
            on.append("call:new_contract")
        if ir.attrs.get("value"):
            on.append("call:value")
    return on


def call_result(node: NodeRecord, facts: FunctionFacts) -> list[str]:
    if node.id not in facts.call_results:
        return []
    used, checked = facts.call_results[node.id]
    on = (["result:used"] if used else []) + (["result:checked"] if checked else [])
    unchecked_kind = any(
        ir.op == "Send" or (ir.op == "LowLevelCall"
                            and ir.attrs.get("function") in REENTRANT_LOW_LEVEL)
        for ir in node.irs)
    if unchecked_kind and not checked:
        on.append("result:ignored")
    return on


def state_access(node: NodeRecord, facts: FunctionFacts) -> list[str]:
    on = []
    if node.state_read:
        on.append("state:read")
    if node.state_written:
        on.append("state:written")
    if node.id in facts.written_after_call:
        on.append("state:written_after_call")
    if node.id in facts.call_before_write:
        on.append("state:call_before_write")
    return on


def environment(node: NodeRecord) -> list[str]:
    names = {key.partition(":")[2] for key in node.env_read if key.startswith("env:")}
    return [f"env:{n}" for n in schema.ENV_SOURCES if n in names]


def builtins(node: NodeRecord) -> list[str]:
    called = {builtin_name(ir) for ir in node.irs if ir.op == "SolidityCall"}
    return [f"builtin:{b}" for b in schema.BUILTINS if b in called]


def comparison_operands(node: NodeRecord, facts: FunctionFacts) -> list[str]:
    kinds: set[str] = set()
    compared = comparisons(node)
    for found in compared:
        kinds |= found
    on = [f"cmp:{k}" for k in schema.COMPARE_OPERANDS if k in kinds]
    if node.id in facts.sender_guard_nodes:
        on.append("guard:sender_vs_state")
    if compared and any(is_check(ir) for ir in node.irs):
        on.append("guard:in_require")
    return on


def arithmetic(node: NodeRecord) -> list[str]:
    ops = {str(ir.attrs.get("operator")) for ir in node.irs if ir.op == "Binary"}
    on = [f"arith:{op}" for op in schema.ARITH_OPS if op in ops]
    if on and not node.checked:
        on.append("arith:unchecked")
    return on


def compiler_line(solc_version: str) -> list[str]:
    line = ".".join(solc_version.split(".")[:2])
    return [f"solc:{line if line in schema.SOLC_LINES else 'other'}"]


def loop(node: NodeRecord) -> list[str]:
    on = []
    if node.in_loop:
        on.append("loop:member")
        if any(is_external_call(ir) for ir in node.irs):
            on.append("loop:call_in_loop")
    if node.type == "IF_LOOP":
        on.append(f"loop:bound:{loop_bound(node)}")
    return on


def loop_bound(node: NodeRecord) -> str:
    """What a loop condition compares its counter against."""
    lengths = [ir for ir in node.irs if ir.op == "Length"
               or (ir.op == "Member" and ir.lvalue_type.startswith("uint")
                   and any(t.endswith("[]") for t in ir.read_types))]
    if lengths:
        from_state = any("state" in operand_kinds(node, r) for ir in lengths for r in ir.reads)
        return "storage_length" if from_state else "length"
    kinds: set[str] = set()
    for found in comparisons(node):
        kinds |= found
    if "state" in kinds:
        return "state"
    if "local" in kinds:
        return "parameter_or_local"
    if kinds == {"constant"} or kinds == {"constant", "local"}:
        return "constant"
    return "other" if kinds else "constant"


def function_context(function: FunctionRecord, facts: FunctionFacts) -> list[str]:
    on = []
    if function.visibility in schema.VISIBILITIES:
        on.append(f"fn:visibility:{function.visibility}")
    on.append(f"fn:kind:{function.kind}")
    if function.payable:
        on.append("fn:payable")
    if function.view or function.pure:
        on.append("fn:view_or_pure")
    if function.modifiers:
        on.append("fn:has_modifiers")
    if facts.guarded:
        on.append("fn:guarded")
    return on


def analysis_facts(node: NodeRecord, function: FunctionRecord, facts: FunctionFacts,
                   file_facts: FileFacts | None) -> list[str]:
    """The taxonomy facts of `schema.FACTS` and `schema.FUNCTION_FACTS` that hold for
    the node and its function; those over the file's call graph only with `file_facts`."""
    named = [
        ("short_time_window", facts.short_time_windows),
        ("stored_underflow", facts.stored_underflows),
        ("stored_party_failure", facts.stored_party_failures),
        ("drawn_reduction", facts.drawn_reductions),
        ("drawn_number", facts.drawn_numbers),
        ("revealed_secret_claim", facts.revealed_secret_claims),
        ("caller_chosen_delegatecall", facts.caller_chosen_delegatecalls),
        ("handled_result", facts.handled_statements),
        ("assembly", facts.assembly_nodes),
        ("unguarded_subtraction", facts.unguarded_subtractions),
    ]
    on = [f"fact:{name}" for name, nodes in named if node.id in nodes]
    if function.kind != "constructor" and facts.open_to_anyone:
        on.append("fn:open_to_anyone")
    if file_facts is None:
        return on
    if node.id in file_facts.callbacks(function):
        on.append("fact:callback_before_update")
    if node.state_written and node.id in file_facts.authority_writes(function):
        on.append("fact:unguarded_authority_write")
    if node.id in file_facts.unbounded_loops(function):
        on.append("fact:unbounded_shared_loop")
    for name, functions in (("lock_held", file_facts.lock_held),
                            ("settled_before_calls", file_facts.settled_before_calls),
                            ("effect_free", file_facts.effect_free),
                            ("setup_only", file_facts.setup_only)):
        if function.id in functions:
            on.append(f"fn:{name}")
    return on


def node_features(node: NodeRecord, function: FunctionRecord, facts: FunctionFacts,
                  solc_version: str, with_detectors: bool = False) -> list[float]:
    """The node's feature vector, in `schema.feature_names(with_detectors)` order."""
    vector = [0.0] * len(schema.feature_names(with_detectors))
    for index in active_features(node, function, facts, solc_version, with_detectors):
        vector[index] = 1.0
    return vector


def active_features(node: NodeRecord, function: FunctionRecord, facts: FunctionFacts,
                    solc_version: str, with_detectors: bool = False,
                    file_facts: FileFacts | None = None) -> list[int]:
    """Positions of the node's features that are on (all features are 0/1)."""
    blocks: Iterable[str] = (
        *node_type(node), *ir_ops(node), *call_kinds(node), *call_result(node, facts),
        *state_access(node, facts), *environment(node), *builtins(node),
        *comparison_operands(node, facts), *arithmetic(node), *compiler_line(solc_version),
        *loop(node), *function_context(function, facts), *facts.flow(node),
        *analysis_facts(node, function, facts, file_facts))
    active = sorted({_INDEX[name] for name in blocks})
    if with_detectors:
        offset = len(schema.BASE_FEATURES)
        for argument in node.detectors:
            index = _DETECTOR_INDEX.get(f"detector:{argument}")
            if index is not None:
                active.append(offset + index)
    return active
