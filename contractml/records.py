"""Plain records of what the front end found: contracts -> functions -> CFG nodes -> SlithIR.

These are what the graph layer consumes. They hold no Slither objects (so they can be
cached as JSON and read without importing Slither). Identifier names appear only in
`name`/`text` fields and in variable keys, which link uses to definitions; features must
never be computed from them.

Variable keys: `state:<Contract>.<name>`, `local:<name>`, `tmp:<name>` (SlithIR
temporaries, references and tuples), `env:<msg.sender|block.timestamp|...>`,
`const:<type>` (literal constants), `other:<name>`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

#: Bump when a record's fields change; part of every front-end cache key.
RECORDS_VERSION = 8


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


class _Record:
    """What every record shares: it pickles as its class and its field values in order,
    several times faster than the default for a frozen dataclass (records cross process
    boundaries: from the Slither workers to the scan, and from the scan to the scoring
    process), and `plain()` turns it into JSON-ready values without `asdict`'s deep
    copies."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), tuple([getattr(self, name) for name in _field_names(type(self))]))


def plain(value: Any) -> Any:
    """A record (or a value holding records) as dicts, lists and scalars, for JSON."""
    if isinstance(value, _Record):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Span(_Record):
    file: str  # path relative to the project root (posix)
    start_line: int
    end_line: int
    #: 1-based columns in characters (Unicode code points) of the first and of the last
    #: character (inclusive), each on its own line (solc counts bytes; see frontend._span)
    start_column: int
    end_column: int


@dataclass(frozen=True)
class IROp(_Record):
    op: str  # SlithIR operation class name, e.g. "LowLevelCall", "Binary", "SolidityCall"
    text: str  # str(ir), for explanations only
    lvalue: str | None
    reads: tuple[str, ...]
    #: Solidity type of each read, aligned with `reads` ("" where it has none).
    read_types: tuple[str, ...] = ()
    #: Solidity type of the lvalue ("" where there is none).
    lvalue_type: str = ""
    #: Kind-specific facts, e.g. {"function": "delegatecall", "value": True} for a
    #: LowLevelCall, {"operator": "+"} for a Binary, {"callee": "<function id>"} for calls;
    #: any operation: {"constants": [[read index, value], ...]} for each read that is an
    #: integer literal or an integer `constant` state variable (values, never names);
    #: a Member: {"member": "<field>"}, so that analyses can tell a struct's fields
    #: apart (compared for identity only, never read for meaning).
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NodeRecord(_Record):
    id: int  # Slither's node_id, unique within the function
    type: str  # Slither NodeType value, e.g. "EXPRESSION", "IF", "BEGIN_LOOP"
    span: Span
    sons: tuple[int, ...]
    son_true: int | None
    son_false: int | None
    irs: tuple[IROp, ...]
    checked: bool  # arithmetic reverts on overflow here (>=0.8 outside `unchecked`)
    in_loop: bool
    state_read: tuple[str, ...]
    state_written: tuple[str, ...]
    locals_read: tuple[str, ...]
    locals_written: tuple[str, ...]
    env_read: tuple[str, ...]  # solidity variables, e.g. "msg.sender", "block.timestamp"
    text: str  # the node's expression, for explanations only
    #: Slither detectors (their ARGUMENT) that reported this node; empty unless the
    #: front end ran with detectors.
    detectors: tuple[str, ...] = ()


@dataclass(frozen=True)
class FunctionRecord(_Record):
    id: str  # "<Contract>.<signature>", unique in the compilation
    name: str
    contract: str
    declared_in: str  # contract that declares it (differs for inherited code)
    kind: str  # "function" | "modifier" | "constructor" | "fallback" | "receive"
    visibility: str
    payable: bool
    view: bool
    pure: bool
    implemented: bool
    modifiers: tuple[str, ...]  # function ids of modifiers applied
    span: Span
    entry: int | None
    nodes: tuple[NodeRecord, ...]
    #: the parameters' local keys (`local:<name>`) in declaration order; an unnamed
    #: parameter is `local:` (nothing reads it)
    parameters: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContractRecord(_Record):
    name: str
    kind: str  # "contract" | "interface" | "library" | "abstract"
    span: Span
    inherits: tuple[str, ...]
    state_variables: tuple[tuple[str, str], ...]  # (key, solidity type)
    functions: tuple[FunctionRecord, ...]


@dataclass(frozen=True)
class ImportHit(_Record):
    """A node of another file that Slither reported while analysing this record's file:
    a result whose elements all lie in this file's import closure, on a node of a file
    it imports (a base contract's state write that this file's function reaches after an
    external call, say). The imported file's own analysis cannot see it; the build adds
    it to that file's record when both are scanned together."""

    file: str  # the imported file's unit name
    function: str  # "<contract>.<signature>" as Slither reports the node's function
    line: int  # the node's first line
    detectors: tuple[str, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportHit:
        return cls(**{**data, "detectors": tuple(data["detectors"])})


@dataclass(frozen=True)
class FileRecord(_Record):
    file: str  # path relative to the project root
    unit_name: str
    solc_version: str
    contracts: tuple[ContractRecord, ...]
    #: Functions and modifiers declared in other files that this file's functions call
    #: (internally, through a library, as a modifier) or inherit, at any depth: the
    #: analysis facts read them (what a helper of a base contract writes or calls);
    #: they are never scored nor reported from this record.
    context: tuple[FunctionRecord, ...] = ()
    #: Slither's hits, from this file's analysis, on nodes of the files it imports.
    import_hits: tuple[ImportHit, ...] = ()

    @property
    def function_count(self) -> int:
        return sum(len(c.functions) for c in self.contracts)

    @property
    def node_count(self) -> int:
        return sum(len(f.nodes) for c in self.contracts for f in c.functions)

    def to_json(self) -> dict[str, Any]:
        return plain(self)  # type: ignore[no-any-return]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileRecord:
        def span(d: dict[str, Any]) -> Span:
            return Span(**d)

        def node(d: dict[str, Any]) -> NodeRecord:
            return NodeRecord(
                **{**d, "span": span(d["span"]), "sons": tuple(d["sons"]),
                   "irs": tuple(IROp(**{**i, "reads": tuple(i["reads"]),
                                        "read_types": tuple(i["read_types"])})
                                for i in d["irs"]),
                   **{k: tuple(d[k]) for k in ("state_read", "state_written", "locals_read",
                                               "locals_written", "env_read", "detectors")}})

        def function(d: dict[str, Any]) -> FunctionRecord:
            return FunctionRecord(**{**d, "span": span(d["span"]),
                                     "modifiers": tuple(d["modifiers"]),
                                     "parameters": tuple(d.get("parameters", ())),
                                     "nodes": tuple(node(n) for n in d["nodes"])})

        def contract(d: dict[str, Any]) -> ContractRecord:
            return ContractRecord(**{**d, "span": span(d["span"]),
                                     "inherits": tuple(d["inherits"]),
                                     "state_variables": tuple(tuple(v) for v in
                                                              d["state_variables"]),
                                     "functions": tuple(function(f) for f in d["functions"])})

        return cls(file=data["file"], unit_name=data["unit_name"],
                   solc_version=data["solc_version"],
                   contracts=tuple(contract(c) for c in data["contracts"]),
                   context=tuple(function(f) for f in data.get("context", ())),
                   import_hits=tuple(ImportHit.from_json(h)
                                     for h in data.get("import_hits", ())))


def _signature_key(function: FunctionRecord) -> str:
    """`ImportHit.function` for a function declared in a record's contract."""
    signature = function.id[len(function.declared_in) + 1:] if function.declared_in \
        else function.id
    return f"{function.contract}.{signature}"


def with_import_hits(record: FileRecord, hits: Iterable[ImportHit]) -> FileRecord:
    """The record with the detector hits other files' analyses gave its nodes added."""
    wanted: dict[tuple[str, int], set[str]] = {}
    for hit in hits:
        if hit.file == record.unit_name:
            wanted.setdefault((hit.function, hit.line), set()).update(hit.detectors)
    if not wanted:
        return record

    def node(function_key: str, n: NodeRecord) -> NodeRecord:
        extra = wanted.get((function_key, n.span.start_line))
        if not extra or extra <= set(n.detectors):
            return n
        return replace(n, detectors=tuple(sorted(extra | set(n.detectors))))

    def function(f: FunctionRecord) -> FunctionRecord:
        key = _signature_key(f)
        return replace(f, nodes=tuple(node(key, n) for n in f.nodes))

    return replace(record, contracts=tuple(
        replace(c, functions=tuple(function(f) for f in c.functions))
        for c in record.contracts))
