"""Processed graphs on disk without pickles: tensors in safetensors, the rest in JSON.

`save(path, graphs)` concatenates every graph's tensors and keeps per-graph offsets;
`load(path)` gives the `CodeGraph`s back, with `y` (node targets) and `y_fn` (function
targets) when the graphs had them, and `weight` (a training weight) and `teacher` (the
definitions that labelled a deployed function) on graphs that carry them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

from contractml.graph.builder import CodeGraph

STORE_VERSION = 1
_NODE_KEYS = ("x", "src_lines", "node_id", "fn_of_node", "file_of_node", "seed", "y")
_EDGE_KEYS = ("edge_type",)
_FN_KEYS = ("y_fn",)
_META_KEYS = ("functions", "contracts", "files", "num_functions", "source_id", "weight",
              "teacher")


def save(path: Path, graphs: Sequence[CodeGraph], info: dict | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, torch.Tensor] = {}
    present = [k for k in (*_NODE_KEYS, *_EDGE_KEYS, *_FN_KEYS)
               if graphs and all(k in g for g in graphs)]
    for key in present:
        tensors[key] = torch.cat([g[key] for g in graphs]).contiguous()
    tensors["edge_index"] = torch.cat([g.edge_index for g in graphs], dim=1).contiguous() \
        if graphs else torch.zeros((2, 0), dtype=torch.long)
    tensors["node_ptr"] = torch.tensor([0] + [g.num_nodes for g in graphs]).cumsum(0)
    tensors["edge_ptr"] = torch.tensor([0] + [g.edge_index.size(1) for g in graphs]).cumsum(0)
    tensors["fn_ptr"] = torch.tensor([0] + [int(g.num_functions) for g in graphs]).cumsum(0)
    save_file(tensors, str(path.with_suffix(".safetensors")))
    meta = {"version": STORE_VERSION, "keys": present, "info": info or {},
            "graphs": [{k: g[k] for k in _META_KEYS if k in g} for g in graphs]}
    path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")


def load(path: Path) -> list[CodeGraph]:
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    if meta.get("version") != STORE_VERSION:
        raise ValueError(f"{path}: graph store version {meta.get('version')}, "
                         f"expected {STORE_VERSION}; rebuild the datasets")
    tensors = load_file(str(path.with_suffix(".safetensors")))
    node_ptr, edge_ptr, fn_ptr = (tensors[k].tolist() for k in ("node_ptr", "edge_ptr",
                                                                  "fn_ptr"))
    graphs = []
    for i, extra in enumerate(meta["graphs"]):
        n0, n1, e0, e1, f0, f1 = (node_ptr[i], node_ptr[i + 1], edge_ptr[i],
                                  edge_ptr[i + 1], fn_ptr[i], fn_ptr[i + 1])
        values = {k: tensors[k][n0:n1] for k in meta["keys"] if k in _NODE_KEYS}
        values.update({k: tensors[k][e0:e1] for k in meta["keys"] if k in _EDGE_KEYS})
        values.update({k: tensors[k][f0:f1] for k in meta["keys"] if k in _FN_KEYS})
        graph = CodeGraph(edge_index=tensors["edge_index"][:, e0:e1], **values, **extra)
        graph.num_nodes = n1 - n0
        graphs.append(graph)
    return graphs


def info(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["info"]
