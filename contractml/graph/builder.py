"""Front-end records -> torch_geometric graphs that remember their source lines.

Granularity (a choice, documented in docs/graphs.md):
- a *function graph* holds one function, its modifiers and every function it reaches
  through internal or library calls (transitively), each once, linked by CALL/RETURN and
  MODIFIER edges (callees are linked, not inlined);
- a *contract graph* holds every function and modifier the contract declares, plus the
  callees they reach the same way.
`seed` marks the nodes of the functions the graph was built for; the others are context.
External calls are not linked to code (the callee is unknown); their kind is a feature.

Node attributes: `x` (features), `src_lines` [N, 2] (first and last line), `node_id`
(Slither's id in its function), `fn_of_node` (index into `functions`, offset per graph
when batched, like `file_of_node` into `files`), `seed`. Graph attributes: `functions`,
`contracts` (per function), `files`, `num_functions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import torch
from torch_geometric.data import Data
from torch_geometric.transforms import BaseTransform

from contractml.analysis.callgraph import authorising, sender_free, state_writers
from contractml.analysis.context import FileFacts, node_index
from contractml.analysis.dataflow import FunctionFacts, callees
from contractml.graph import schema
from contractml.graph.features import active_features
from contractml.graph.schema import EdgeType
from contractml.records import ContractRecord, FileRecord, FunctionRecord


class CodeGraph(Data):
    """A `Data` whose per-graph indices into `functions`/`files` shift when batched."""

    def __inc__(self, key: str, value: Any, *args: Any, **kwargs: Any) -> Any:
        if key == "fn_of_node":
            return int(self.num_functions)
        if key == "file_of_node":
            return len(self.files)
        return super().__inc__(key, value, *args, **kwargs)


@dataclass(frozen=True)
class _Located:
    function: FunctionRecord
    contract: str
    file: str
    solc_version: str


class FunctionIndex:
    """Every function of a set of records, by id, with where it lives."""

    def __init__(self, records: Iterable[FileRecord],
                 file_facts: FileFacts | None = None) -> None:
        self.functions: dict[str, _Located] = {}
        self.contracts: list[tuple[FileRecord, ContractRecord]] = []
        records_list = list(records)
        for record in records_list:
            for contract in record.contracts:
                self.contracts.append((record, contract))
                for function in contract.functions:
                    self.functions.setdefault(function.id, _Located(
                        function, contract.name, record.file, record.solc_version))
        self.writes_state = state_writers({k: v.function for k, v in self.functions.items()})
        self._context = {f.id: f for record in records_list for f in record.context}
        #: the call-graph facts the definitions read, for the `fact:` features (the
        #: scan passes the instance its definitions use, so each is computed once)
        self.file_facts = file_facts or FileFacts(node_index(records_list),
                                                  tuple(self._context.values()))
        self._facts: dict[str, FunctionFacts] = {}
        self._features: dict[tuple[str, bool], list[list[int]]] = {}
        self._positions: dict[str, dict[int, int]] = {}

    def position(self, function_id: str, node_id: int) -> int:
        """Where node `node_id` sits in its function's `nodes` (its row in the function)."""
        if function_id not in self._positions:
            nodes = self.functions[function_id].function.nodes
            self._positions[function_id] = {n.id: i for i, n in enumerate(nodes)}
        return self._positions[function_id][node_id]

    @cached_property
    def _sender_free(self) -> frozenset[str]:
        """Modifiers that never read the sender (`callgraph.sender_free`) over every
        function of the records, those without a body too: a modifier whose only
        callee is a declared, unimplemented function counts as sender-free here, where
        `FileFacts.sender_free` (over implemented functions) counts it as reading the
        sender."""
        return sender_free({k: v.function for k, v in self.functions.items()})

    @cached_property
    def _authorising(self) -> frozenset[str]:
        """Helpers that authorise the sender, over these functions and the records'
        context (`FileFacts.authorising`)."""
        return authorising({**self._context,
                            **{k: v.function for k, v in self.functions.items()}})

    def facts(self, function_id: str) -> FunctionFacts:
        if function_id not in self._facts:
            self._facts[function_id] = FunctionFacts(
                self.functions[function_id].function, self.writes_state,
                sender_free=self._sender_free, authorising=self._authorising)
        return self._facts[function_id]

    def features(self, function_id: str, with_detectors: bool) -> list[list[int]]:
        """Active feature positions of the function's nodes (they do not depend on the
        graph)."""
        key = (function_id, with_detectors)
        if key not in self._features:
            located = self.functions[function_id]
            facts = self.facts(function_id)
            self._features[key] = [
                active_features(node, located.function, facts, located.solc_version,
                                with_detectors, self.file_facts)
                for node in located.function.nodes]
        return self._features[key]

    def reach(self, seeds: Sequence[str]) -> list[str]:
        """`seeds` then every function they reach by internal/library calls or modifiers,
        each once, in a deterministic order."""
        order: dict[str, None] = {}
        stack = list(reversed(seeds))
        while stack:
            current = stack.pop()
            if current in order or current not in self.functions:
                continue
            order[current] = None
            located = self.functions[current].function
            nexts = list(located.modifiers)
            for node in located.nodes:
                nexts.extend(callees(node))
            stack.extend(reversed(nexts))
        return list(order)


def _exits(function: FunctionRecord) -> list[int]:
    known = {n.id for n in function.nodes}
    return [n.id for n in function.nodes if not any(s in known for s in n.sons)]


def build_graph(index: FunctionIndex, seeds: Sequence[str], with_detectors: bool = False
                ) -> CodeGraph:
    """One graph over `seeds` and the functions they reach."""
    members = index.reach(seeds)
    seed_set = set(seeds)
    offsets: dict[str, int] = {}
    files: list[str] = []
    features: list[list[int]] = []
    lines: list[tuple[int, int]] = []
    node_ids: list[int] = []
    fn_of_node: list[int] = []
    file_of_node: list[int] = []
    seed_mask: list[bool] = []
    for number, fid in enumerate(members):
        located = index.functions[fid]
        if located.file not in files:
            files.append(located.file)
        offsets[fid] = len(features)
        features.extend(index.features(fid, with_detectors))
        for node in located.function.nodes:
            lines.append((node.span.start_line, node.span.end_line))
            node_ids.append(node.id)
            fn_of_node.append(number)
            if node.span.file not in files:
                files.append(node.span.file)
            file_of_node.append(files.index(node.span.file))
            seed_mask.append(fid in seed_set)

    edges: list[tuple[int, int, int]] = []
    for fid in members:
        edges.extend(_function_edges(index, fid, offsets))
    edges.extend(_state_edges(index, members, offsets))
    edges = sorted(set(edges))
    width = len(schema.feature_names(with_detectors))
    edge_array = np.asarray(edges, dtype=np.int64).reshape(-1, 3)
    graph = CodeGraph(
        x=torch.from_numpy(_dense(features, width)),
        edge_index=torch.from_numpy(np.ascontiguousarray(edge_array[:, :2].T)),
        edge_type=torch.from_numpy(np.ascontiguousarray(edge_array[:, 2])),
        src_lines=torch.from_numpy(np.asarray(lines, dtype=np.int64).reshape(-1, 2)),
        node_id=torch.from_numpy(np.asarray(node_ids, dtype=np.int64)),
        fn_of_node=torch.from_numpy(np.asarray(fn_of_node, dtype=np.int64)),
        file_of_node=torch.from_numpy(np.asarray(file_of_node, dtype=np.int64)),
        seed=torch.from_numpy(np.asarray(seed_mask, dtype=np.bool_)),
        functions=list(members),
        contracts=[index.functions[f].contract for f in members],
        files=files,
        num_functions=len(members),
    )
    graph.num_nodes = len(features)
    return graph


def _function_edges(index: FunctionIndex, fid: str, offsets: dict[str, int]
                    ) -> list[tuple[int, int, int]]:
    function = index.functions[fid].function
    base = offsets[fid]
    position = {n.id: base + i for i, n in enumerate(function.nodes)}
    edges: list[tuple[int, int, int]] = []
    for node in function.nodes:
        here = position[node.id]
        for son in node.sons:
            if son not in position:
                continue
            if son == node.son_true and node.son_false is not None:
                kind = EdgeType.CFG_TRUE
            elif son == node.son_false and node.son_true is not None:
                kind = EdgeType.CFG_FALSE
            else:
                kind = EdgeType.CFG_NEXT
            edges.append((here, position[son], int(kind)))
        for ir in node.irs:
            callee = ir.attrs.get("callee")
            if ir.op not in ("InternalCall", "LibraryCall") or callee not in offsets:
                continue
            target = index.functions[str(callee)].function
            if target.entry is None:
                continue
            entry = offsets[str(callee)] + index.position(str(callee), target.entry)
            is_modifier = bool(ir.attrs.get("modifier"))
            edges.append((here, entry, int(EdgeType.MODIFIER if is_modifier
                                           else EdgeType.CALL)))
            if not is_modifier:
                for exit_id in _exits(target):
                    edges.append((offsets[str(callee)] + index.position(str(callee), exit_id), here,
                                  int(EdgeType.RETURN)))
    for modifier_id in function.modifiers:
        if modifier_id not in offsets:
            continue
        modifier = index.functions[modifier_id].function
        if modifier.entry is not None and function.entry is not None:
            edges.append((position[function.entry],
                          offsets[modifier_id] + index.position(modifier_id, modifier.entry),
                          int(EdgeType.MODIFIER)))
        for node in modifier.nodes:
            if node.type == "_" and function.entry is not None:
                edges.append((offsets[modifier_id] + index.position(modifier_id, node.id),
                              position[function.entry], int(EdgeType.MODIFIER)))
    for source, target in index.facts(fid).data_edges:
        edges.append((position[source], position[target], int(EdgeType.DATA)))
    return edges


def _state_edges(index: FunctionIndex, members: Sequence[str], offsets: dict[str, int]
                 ) -> list[tuple[int, int, int]]:
    """DATA edges between functions: a node that writes a state variable -> every node of
    another function in the graph that reads it (any call order may link them)."""
    writers: dict[str, list[tuple[str, int]]] = {}
    readers: dict[str, list[tuple[str, int]]] = {}
    for fid in members:
        for i, node in enumerate(index.functions[fid].function.nodes):
            for key in node.state_written:
                writers.setdefault(key, []).append((fid, offsets[fid] + i))
            for key in node.state_read:
                readers.setdefault(key, []).append((fid, offsets[fid] + i))
    edges = []
    for key, written in writers.items():
        for writer_fn, source in written:
            for reader_fn, target in readers.get(key, ()):
                if reader_fn != writer_fn:
                    edges.append((source, target, int(EdgeType.DATA)))
    return edges



def function_graphs(records: Iterable[FileRecord], with_detectors: bool = False,
                    only: Iterable[str] | None = None,
                    file_facts: FileFacts | None = None) -> list[CodeGraph]:
    """One graph per implemented function and modifier of the records' own files.
    `file_facts`: the records' `FileFacts` when the caller has them already."""
    records = list(records)
    index = FunctionIndex(records, file_facts)
    wanted = {r.file for r in records} if only is None else set(only)
    graphs = []
    for record, contract in index.contracts:
        if record.file not in wanted:
            continue
        for function in contract.functions:
            if function.implemented and function.nodes:
                graphs.append(build_graph(index, [function.id], with_detectors))
    return graphs


def contract_graphs(records: Iterable[FileRecord], with_detectors: bool = False
                    ) -> list[CodeGraph]:
    """One graph per contract with at least one implemented function."""
    index = FunctionIndex(list(records))
    graphs = []
    for _record, contract in index.contracts:
        seeds = [f.id for f in contract.functions if f.implemented and f.nodes]
        if seeds:
            graphs.append(build_graph(index, seeds, with_detectors))
    return graphs


def _dense(active: list[list[int]], width: int) -> np.ndarray:
    matrix = np.zeros((len(active), width), dtype=np.float32)
    rows = [r for r, on in enumerate(active) for _ in on]
    cols = [c for on in active for c in on]
    matrix[rows, cols] = 1.0
    return matrix


class AddReverseEdges(BaseTransform):
    """Adds every edge reversed, typed `schema.REVERSE_OFFSET + type`."""

    def forward(self, data: Data) -> Data:
        reversed_index = data.edge_index.flip(0)
        data.edge_index = torch.cat([data.edge_index, reversed_index], dim=1)
        data.edge_type = torch.cat([data.edge_type,
                                    data.edge_type + schema.REVERSE_OFFSET])
        return data
