"""The front end: solc output -> Slither -> plain `FileRecord`s.

This is the only module that imports Slither (and crytic-compile). It hands Slither the
output the compile layer already produced, through a crytic-compile platform of our own,
so solc never runs twice, then walks contracts -> functions and modifiers -> CFG nodes ->
SlithIR and copies what the graph layer needs into records.
"""

from __future__ import annotations

import bisect
import gc
import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crytic_compile import CryticCompile
from crytic_compile.compilation_unit import CompilationUnit
from crytic_compile.compiler.compiler import CompilerVersion
from crytic_compile.platform.abstract_platform import AbstractPlatform
from crytic_compile.platform.types import Type
from crytic_compile.utils.naming import Filename
from crytic_compile.utils.natspec import Natspec
from slither import Slither
from slither.core.cfg.node import Node, NodeType
from slither.core.declarations import (
    Contract,
    Function,
    FunctionContract,
    Modifier,
    SolidityFunction,
    SolidityVariable,
)
from slither.core.variables.local_variable import LocalVariable
from slither.core.variables.state_variable import StateVariable
from slither.slithir import operations as ops
from slither.slithir.variables import Constant
from slither.visitors.expression.constants_folding import ConstantFolding

from contractml.compile.deep import DEEP_RECURSION_LIMIT, call_deep
from contractml.compile.driver import CompiledUnit
from contractml.compile.versions import Version
from contractml.records import (
    ContractRecord,
    FileRecord,
    FunctionRecord,
    ImportHit,
    IROp,
    NodeRecord,
    Span,
)

#: The first solc that calls view and pure functions of other contracts with STATICCALL.
STATICCALL_FROM = Version(0, 5, 0)

LOG = logging.getLogger(__name__)

# Slither logs every detector/parsing hiccup at INFO/WARNING; keep our output clean.
for _name in ("Slither", "CryticCompile", "SlitherSolcParsing"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


class FrontendError(Exception):
    """Slither could not parse an output the compiler accepted. `culprit` is the absolute
    path of the file Slither was working on when it failed, when that can be told."""

    def __init__(self, message: str, culprit: str | None = None) -> None:
        super().__init__(message)
        self.culprit = culprit


def _culprit(exc: BaseException) -> str | None:
    """The file of the innermost contract or function Slither was processing."""
    tb = exc.__traceback__
    found: str | None = None
    while tb is not None:
        for name in ("func", "function", "contract", "contract_parser"):
            value = tb.tb_frame.f_locals.get(name)
            value = getattr(value, "underlying_contract", value)
            mapping = getattr(value, "source_mapping", None)
            filename = getattr(getattr(mapping, "filename", None), "absolute", None)
            if filename:
                found = filename
                break
        tb = tb.tb_next
    return found


def _contract_names(asts: Iterable[dict[str, Any] | None]) -> dict[int, str]:
    """Contract id -> the contract's declared name, over every compact source AST."""
    names: dict[int, str] = {}
    for ast in asts:
        if not ast or ast.get("nodeType") != "SourceUnit":
            continue
        for node in ast.get("nodes", ()):
            if node.get("nodeType") == "ContractDefinition" and "id" in node:
                names[node["id"]] = node.get("name", "")
    return names


def canonical_base_names(ast: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    """The source AST with each base contract written under the name it was declared
    with (`contract C is Outer` with `Outer` an alias of `Base`: `Base`), where the base
    is named through an import alias or a module (`Lib.Base`).

    Slither looks an inheritance specifier up by the name written in the source, in the
    file's scope and one alias deep, and stops with `AssertionError: Contract Outer not
    found` when the name is an alias of an alias (`import {Inner as Outer}` where the
    imported file has `import {Base as Inner}`) or a module member (`import * as Lib`,
    `Lib.Base`). A file's scope holds every contract its `exportedSymbols` name, under
    the declared name, so the declared name is found. A base is left as written when
    another contract of the same name is visible in the file (the file exports that name
    for a different declaration). Returns `ast` itself when nothing changes, else a copy.
    """
    if ast.get("nodeType") != "SourceUnit":
        return ast
    exported: dict[str, list[int]] = ast.get("exportedSymbols") or {}
    changes: list[tuple[int, int, str]] = []  # (node index, base index, declared name)
    for i, node in enumerate(ast.get("nodes", ())):
        if node.get("nodeType") != "ContractDefinition":
            continue
        for j, base in enumerate(node.get("baseContracts", ())):
            name_node = base.get("baseName") or {}
            ref = name_node.get("referencedDeclaration")
            declared = names.get(ref) if isinstance(ref, int) else None
            written = name_node.get("name")
            if not declared or written is None or written == declared:
                continue
            if declared in exported and ref not in exported[declared]:
                continue  # the declared name means another contract in this file
            changes.append((i, j, declared))
    if not changes:
        return ast
    out = dict(ast)
    out["nodes"] = list(ast["nodes"])
    for i, j, declared in changes:
        contract = dict(out["nodes"][i])
        bases = list(contract["baseContracts"])
        base = dict(bases[j])
        base["baseName"] = {**base["baseName"], "name": declared}
        bases[j] = base
        contract["baseContracts"] = bases
        out["nodes"][i] = contract
    return out


class _Precompiled(AbstractPlatform):
    """A crytic-compile platform that serves an existing standard-JSON output."""

    NAME = "contractml"
    PROJECT_URL = "https://github.com/contractml/contractml"
    TYPE = Type.SOLC_STANDARD_JSON
    HIDE = True

    def __init__(self, root: Path, unit: CompiledUnit) -> None:
        super().__init__(str(root))
        self._root = root
        self._unit = unit

    def _filename(self, unit_name: str) -> Filename:
        path = self._unit.files[unit_name]
        try:
            relative = path.relative_to(self._root).as_posix()
        except ValueError:
            relative = path.as_posix()
        return Filename(absolute=str(path), used=unit_name, relative=relative,
                        short=relative)

    def compile(self, crytic_compile: CryticCompile, **_kwargs: str) -> None:
        output = self._unit.output
        compilation_unit = CompilationUnit(crytic_compile, "contractml")
        compilation_unit.compiler_version = CompilerVersion(
            compiler="solc", version=str(self._unit.compiler.version), optimized=False)
        sources = sorted(output.get("sources", {}).items(), key=lambda kv: kv[1].get("id", 0))
        names = _contract_names(info.get("ast") for _, info in sources)
        for unit_name, info in sources:
            source_unit = compilation_unit.create_source_unit(self._filename(unit_name))
            ast = info.get("ast")
            source_unit.ast = (canonical_base_names(ast, names) if ast is not None
                               else info.get("legacyAST"))
        for unit_name, contracts in output.get("contracts", {}).items():
            filename = self._filename(unit_name)
            source_unit = compilation_unit.create_source_unit(filename)
            for name, info in contracts.items():
                source_unit.add_contract_name(name)
                compilation_unit.filename_to_contracts[filename].add(name)
                source_unit.abis[name] = info.get("abi", [])
                source_unit.natspec[name] = Natspec({}, {})
                for table in (source_unit.bytecodes_init, source_unit.bytecodes_runtime):
                    table[name] = ""
                for maps in (source_unit.srcmaps_init, source_unit.srcmaps_runtime):
                    maps[name] = []
        crytic_compile.src_content = {str(self._unit.files[u]): t
                                      for u, t in self._unit.texts.items()}

    def clean(self, **_kwargs: str) -> None:
        return None

    @staticmethod
    def is_supported(target: str, **kwargs: str) -> bool:
        return False

    def is_dependency(self, path: str) -> bool:
        return "node_modules" in Path(path).parts or "lib" in Path(path).parts

    def _guessed_tests(self) -> list[str]:
        return []


@dataclass
class FrontendResult:
    records: dict[str, FileRecord]  # by target unit name
    seconds: float  # Slither parse + IR (+ detectors) + extraction
    slither_seconds: float = 0.0  # Slither's own parse + IR, and detectors if asked


def analyse(unit: CompiledUnit, root: Path, targets: Iterable[str] | None = None,
            detectors: bool | frozenset[str] = False) -> FrontendResult:
    """Run Slither over one compiled unit and return records for the targets. With
    `detectors` True every Slither detector runs too, with a set of detector names
    (their `--detect` arguments) those only; each node records which of them reported it.

    Runs with a large stack and recursion limit (deeply nested expressions); input nested
    deeper still ends in a `FrontendError`.
    """
    # Slither's object graph is cyclic and large: one full collection once it is garbage
    # frees it before the records are written and sent, so those later steps do not pay
    # for walking it.
    try:
        return call_deep(_analyse, unit, root, targets, detectors)
    except RecursionError:
        raise FrontendError(f"nesting too deep to analyse (over {DEEP_RECURSION_LIMIT:,} "
                            "levels of recursion in Slither or in reading its result)"
                            ) from None
    finally:
        gc.collect()


def _analyse(unit: CompiledUnit, root: Path, targets: Iterable[str] | None,
             detectors: bool | frozenset[str]) -> FrontendResult:
    start = time.perf_counter()
    wanted = list(targets if targets is not None else unit.targets)
    unit.output  # noqa: B018 - a cached output that cannot be read fails here, clearly
    try:
        crytic = CryticCompile(_Precompiled(root, unit))
        slither = Slither(crytic, disallow_partial=False)
    except Exception as exc:  # Slither raises many types on what it cannot parse
        raise FrontendError(f"Slither could not parse the compiler output: "
                            f"{type(exc).__name__}: {exc}".rstrip(": "),
                            culprit=_culprit(exc)) from exc
    results = _detector_results(slither, None if detectors is True else detectors
                                ) if detectors else []
    slither_seconds = time.perf_counter() - start
    by_path: dict[str, list[Contract]] = {}
    for compilation_unit in slither.compilation_units:
        for contract in compilation_unit.contracts:
            by_path.setdefault(contract.source_mapping.filename.absolute, []).append(contract)
    records: dict[str, FileRecord] = {}
    where = _Where(root, {str(unit.files[u]): text for u, text in unit.texts.items()},
                   static_calls=unit.compiler.version >= STATICCALL_FROM)
    unit_names = {str(path): name for name, path in unit.files.items()}
    for unit_name in wanted:
        absolute = str(unit.files[unit_name])
        contracts = sorted(by_path.get(absolute, []),
                           key=lambda c: c.source_mapping.start)
        closure = {absolute, *(str(unit.files[u]) for u in unit.closures.get(unit_name, ()))}
        hits = _hits_within(results, closure)
        records[unit_name] = FileRecord(
            file=_relative(unit.files[unit_name], root), unit_name=unit_name,
            solc_version=str(unit.compiler.version),
            contracts=tuple(_contract(c, where, hits) for c in contracts),
            context=tuple(_function(f, where, {}) for f in _context_functions(contracts)),
            import_hits=tuple(
                ImportHit(file=unit_names[path], function=function, line=line,
                          detectors=tuple(sorted(checks)))
                for (path, function, line), checks in sorted(hits.items())
                if path != absolute and path in unit_names))
    return FrontendResult(records=records, seconds=time.perf_counter() - start,
                          slither_seconds=slither_seconds)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


class _Where:
    """The scan root and the texts compiled, to turn solc's byte offsets into columns."""

    def __init__(self, root: Path, texts: dict[str, str], static_calls: bool = False) -> None:
        self.root = root
        self._texts = texts
        #: calls to view and pure functions compile to STATICCALL (solc 0.5.0 on)
        self.static_calls = static_calls
        self._encoded: dict[str, tuple[bytes, list[int]]] = {}

    def _file(self, path: str) -> tuple[bytes, list[int]] | None:
        if path not in self._encoded:
            text = self._texts.get(path)
            if text is None:
                return None
            data = text.encode("utf-8")
            # line starts as crytic-compile counts lines (bytes.splitlines: \n, \r, \r\n)
            starts = [0, *(m.end() for m in _LINE_BREAK.finditer(data))]
            self._encoded[path] = (data, starts)
        return self._encoded[path]

    def columns(self, path: str, start: int, length: int) -> tuple[int, int] | None:
        """1-based character (code point) columns of the first and last character of the
        byte range [start, start + length), each on its own line; None if unknown."""
        found = self._file(path)
        if found is None or start < 0 or start + length > len(found[0]):
            return None
        data, starts = found
        last = start + max(length, 1) - 1

        def column(offset: int, end: int) -> int:
            line_start = starts[bisect.bisect_right(starts, offset) - 1]
            return len(data[line_start:end].decode("utf-8", errors="replace"))

        first = column(start, start) + 1
        return first, (column(last, start + length) if length > 0 else first)


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def _span(obj: Any, where: _Where) -> Span:
    """Lines as Slither counts them; columns 1-based in characters (code points), the end
    column inclusive (solc's offsets and Slither's columns count bytes)."""
    mapping = obj.source_mapping
    lines = mapping.lines or [0]
    absolute = mapping.filename.absolute
    columns = where.columns(absolute, int(mapping.start), int(mapping.length))
    start_column, end_column = columns or (mapping.starting_column,
                                           max(mapping.ending_column - 1, 0))
    return Span(file=_relative(Path(absolute), where.root),
                start_line=min(lines), end_line=max(lines),
                start_column=start_column, end_column=end_column)


#: (absolute file, function canonical name, first line) -> detector arguments
_Hits = dict[tuple[str, str, int], set[str]]


@dataclass(frozen=True)
class _Result:
    """One detector result: its check, the files its elements lie in, and its nodes
    keyed as `_Hits` keys them."""

    check: str
    files: frozenset[str]
    nodes: tuple[tuple[str, str, int], ...]


def _detector_results(slither: Slither, names: frozenset[str] | None) -> list[_Result]:
    """Run Slither's detectors (all, or those with these arguments); keep the results
    that name nodes."""
    from slither.detectors import all_detectors
    from slither.detectors.abstract_detector import AbstractDetector

    for name in sorted(dir(all_detectors)):
        obj = getattr(all_detectors, name)
        if (isinstance(obj, type) and issubclass(obj, AbstractDetector)
                and (names is None or obj.ARGUMENT in names)):
            slither.register_detector(obj)
    found: list[_Result] = []
    for results in slither.run_detectors():
        for result in results:
            files: set[str] = set()
            nodes: list[tuple[str, str, int]] = []
            for element in result.get("elements", []):
                mapping = element.get("source_mapping", {})
                if mapping.get("filename_absolute"):
                    files.add(mapping["filename_absolute"])
                if element.get("type") != "node":
                    continue
                parent = element.get("type_specific_fields", {}).get("parent", {})
                lines = mapping.get("lines") or []
                if not lines or parent.get("type") != "function":
                    continue
                signature = parent.get("type_specific_fields", {}).get("signature", "")
                contract = (parent.get("type_specific_fields", {}).get("parent", {})
                            .get("name", ""))
                nodes.append((mapping.get("filename_absolute", ""),
                              f"{contract}.{signature}", min(lines)))
            if nodes:
                found.append(_Result(result["check"], frozenset(files), tuple(nodes)))
    return found


def _hits_within(results: list[_Result], closure: set[str]) -> _Hits:
    """The node hits of the results whose elements all lie in `closure` (a target's
    import closure): what Slither reports for that target whichever other files it
    analyses beside it, so that a record does not depend on the batch it came from."""
    hits: _Hits = {}
    for result in results:
        if result.files <= closure:
            for key in result.nodes:
                hits.setdefault(key, set()).add(result.check)
    return hits


def _context_functions(contracts: list[Contract]) -> list[Function]:
    """The functions and modifiers declared outside `contracts` that theirs call
    (internally, through a library, or as a modifier) or inherit, at any depth, one per
    function id: inherited ones as the file's contract sees them (virtual calls resolved
    in its hierarchy)."""
    here = set(contracts)

    def declared_here(function: Function) -> bool:
        return getattr(function, "contract_declarer", None) in here

    found: dict[str, Function] = {}
    queue: list[Function] = []
    for contract in contracts:
        for function in contract.functions_and_modifiers:
            if function.contract_declarer == contract:
                queue.append(function)
            elif not declared_here(function) and function_id(function) not in found:
                found[function_id(function)] = function
                queue.append(function)
    while queue:
        function = queue.pop()
        targets = [*(ir.function for ir in function.internal_calls),
                   *(ir.function for ir in function.library_calls),
                   *(m for m in function.modifiers)]
        for target in targets:
            if not isinstance(target, Function) or declared_here(target):
                continue
            key = function_id(target)
            if key not in found:
                found[key] = target
                queue.append(target)
    return [found[k] for k in sorted(found)]


def _contract(contract: Contract, where: _Where, hits: _Hits) -> ContractRecord:
    if contract.is_interface:
        kind = "interface"
    elif contract.is_library:
        kind = "library"
    elif getattr(contract, "is_abstract", False):
        kind = "abstract"
    else:
        kind = "contract"
    functions = [f for f in contract.functions_and_modifiers if f.contract_declarer == contract]
    return ContractRecord(
        name=contract.name, kind=kind, span=_span(contract, where),
        inherits=tuple(c.name for c in contract.inheritance),
        state_variables=tuple((_var_key(v), str(v.type))
                              for v in contract.state_variables_declared),
        functions=tuple(_function(f, where, hits) for f in
                        sorted(functions, key=lambda f: f.source_mapping.start)))


def function_id(function: Function) -> str:
    if isinstance(function, FunctionContract):
        return f"{function.contract_declarer.name}.{function.full_name}"
    return function.full_name


def _function(function: Function, where: _Where, hits: _Hits) -> FunctionRecord:
    if isinstance(function, Modifier):
        kind = "modifier"
    elif function.is_constructor:
        kind = "constructor"
    elif function.is_fallback:
        kind = "fallback"
    elif function.is_receive:
        kind = "receive"
    else:
        kind = "function"
    nodes = sorted(function.nodes, key=lambda n: n.node_id)
    node_records = tuple(_node(n, where, _node_hits(n, function, hits)) for n in nodes)
    span = _span(function, where)
    if getattr(function, "is_constructor_variables", False):
        # Slither's synthetic initialiser of state variables: its nodes are the
        # declarations, so its span is theirs.
        kind = "constructor"
        spans = [n.span for n in node_records if n.type != "ENTRY_POINT"] or [span]
        span = Span(file=spans[0].file, start_line=min(s.start_line for s in spans),
                    end_line=max(s.end_line for s in spans),
                    start_column=spans[0].start_column, end_column=spans[-1].end_column)
    return FunctionRecord(
        id=function_id(function), name=function.name,
        contract=function.contract.name if isinstance(function, FunctionContract) else "",
        declared_in=(function.contract_declarer.name
                     if isinstance(function, FunctionContract) else ""),
        kind=kind, visibility=function.visibility, payable=function.payable,
        view=function.view, pure=function.pure, implemented=function.is_implemented,
        modifiers=tuple(function_id(m.modifier) for m in function.modifiers_statements
                        if isinstance(m.modifier, Function)),
        span=span,
        entry=function.entry_point.node_id if function.entry_point else None,
        nodes=node_records,
        parameters=tuple(f"local:{p.name}" for p in function.parameters))


def _checked(node: Node) -> bool:
    scope = node.scope
    return bool(getattr(scope, "is_checked", True))


def _node_hits(node: Node, function: Function, hits: _Hits) -> tuple[str, ...]:
    if not hits or not node.source_mapping.lines:
        return ()
    contract = function.contract.name if isinstance(function, FunctionContract) else ""
    key = (node.source_mapping.filename.absolute, f"{contract}.{function.full_name}",
           min(node.source_mapping.lines))
    return tuple(sorted(hits.get(key, ())))


def _node(node: Node, where: _Where, detectors: tuple[str, ...] = ()) -> NodeRecord:
    return NodeRecord(
        id=node.node_id, type=node.type.value, span=_span(node, where),
        sons=tuple(s.node_id for s in node.sons),
        son_true=node.son_true.node_id if node.son_true else None,
        son_false=node.son_false.node_id if node.son_false else None,
        irs=tuple(_ir(ir, where.static_calls) for ir in node.irs),
        checked=_checked(node),
        in_loop=_inside_loop(node),
        state_read=_keys(node.state_variables_read),
        state_written=_keys(node.state_variables_written),
        locals_read=_keys(node.local_variables_read),
        locals_written=_keys(node.local_variables_written),
        env_read=_keys(node.solidity_variables_read),
        text=str(node.expression) if node.expression is not None else "",
        detectors=detectors)


def _inside_loop(node: Node) -> bool:
    """True for the nodes a loop repeats (its condition, body and increment): a
    BEGIN_LOOP dominates them and its END_LOOP does not. BEGIN_LOOP and END_LOOP
    themselves run once and are outside."""
    if node.type in (NodeType.STARTLOOP, NodeType.ENDLOOP):
        return False
    depth = 0
    for dominator in node.dominators:  # a count: the order does not matter
        if dominator.type == NodeType.STARTLOOP:
            depth += 1
        elif dominator.type == NodeType.ENDLOOP:
            depth -= 1
    return depth > 0


def _keys(variables: Iterable[Any]) -> tuple[str, ...]:
    return tuple(sorted({_var_key(v) for v in variables if v is not None}))


def _var_key(variable: Any) -> str:
    if isinstance(variable, StateVariable):
        return f"state:{variable.canonical_name}"
    if isinstance(variable, LocalVariable):
        return f"local:{variable.name}"
    if isinstance(variable, SolidityVariable):
        return f"env:{variable.name}"
    if isinstance(variable, Constant):
        return f"const:{variable.type}"
    name = getattr(variable, "name", None)
    if name is not None and type(variable).__name__ in (
            "TemporaryVariable", "ReferenceVariable", "TupleVariable",
            "TemporaryVariableSSA", "ReferenceVariableSSA", "TupleVariableSSA"):
        return f"tmp:{name}"
    return f"other:{name if name is not None else type(variable).__name__}"


def _ir(ir: ops.Operation, static_calls: bool = False) -> IROp:
    """The record of one SlithIR operation. With `static_calls`, a call to another
    contract's view or pure function or public getter is marked `static`: it runs as a
    STATICCALL, which changes no state, not even through calls back."""
    attrs: dict[str, Any] = {}
    if isinstance(ir, ops.LowLevelCall):
        attrs = {"function": str(ir.function_name), "value": ir.call_value is not None,
                 "destination": _var_key(ir.destination)}
    elif isinstance(ir, ops.HighLevelCall):  # includes LibraryCall
        callee = ir.function
        attrs = {"value": ir.call_value is not None, "destination": _var_key(ir.destination),
                 "library": isinstance(ir, ops.LibraryCall)}
        if isinstance(callee, Function):
            attrs["callee"] = function_id(callee)
        if static_calls and not isinstance(ir, ops.LibraryCall) and (
                isinstance(callee, StateVariable)
                or (isinstance(callee, Function) and (callee.view or callee.pure))):
            attrs["static"] = True
    elif isinstance(ir, ops.InternalCall):
        if isinstance(ir.function, Function):
            attrs = {"callee": function_id(ir.function),
                     "modifier": isinstance(ir.function, Modifier)}
    elif isinstance(ir, (ops.Send, ops.Transfer)):
        attrs = {"value": True, "destination": _var_key(ir.destination)}
    elif isinstance(ir, ops.SolidityCall):
        attrs = {"function": ir.function.name if isinstance(ir.function, SolidityFunction)
                 else str(ir.function)}
    elif isinstance(ir, ops.Binary):
        attrs = {"operator": str(ir.type.value)}
    elif isinstance(ir, ops.Unary):
        attrs = {"operator": str(ir.type.value)}
    elif isinstance(ir, ops.NewContract):
        attrs = {"value": ir.call_value is not None}
    elif isinstance(ir, ops.Member):
        # which field: the analyses tell a struct's fields apart by it, never read it
        attrs = {"member": str(ir.variable_right)}
    lvalue = getattr(ir, "lvalue", None)
    reads = [v for v in ir.read if v is not None]
    constants = [[i, value] for i, v in enumerate(reads)
                 if (value := _integer_constant(v)) is not None]
    if constants:
        attrs["constants"] = constants
    return IROp(op=type(ir).__name__, text=str(ir),
                lvalue=_var_key(lvalue) if lvalue is not None else None,
                reads=tuple(_var_key(v) for v in reads),
                read_types=tuple(_type_name(v) for v in reads),
                lvalue_type=_type_name(lvalue) if lvalue is not None else "", attrs=attrs)


def _integer_constant(variable: Any) -> int | None:
    """The value of an integer literal (units applied: `30 seconds` is 30) or of a
    `constant` state variable whose initial value folds to one; None for anything else."""
    if isinstance(variable, Constant):
        value = variable.value
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if not (isinstance(variable, StateVariable) and variable.is_constant
            and variable.expression is not None
            and str(variable.type).startswith(("uint", "int"))):
        return None
    try:
        folded = ConstantFolding(variable.expression, variable.type).result()
        value = Constant(str(folded.value), folded.type, folded.subdenomination).value
    except Exception:  # noqa: BLE001 - Slither raises its own and builtin errors here
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _type_name(variable: Any) -> str:
    kind = getattr(variable, "type", None)
    if kind is None or isinstance(kind, list):
        return ""
    return str(kind)
