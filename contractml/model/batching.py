"""Many graphs packed once into flat tensors, then cut into batches without Python loops.

`pack(graphs, in_dim, reverse_edges)` concatenates node features (sliced to the first
`in_dim` columns), edges (reversed with `AddReverseEdges` when asked), function indices
and, when present, targets; `PackedGraphs.batch(indices)` gathers any subset of graphs
into one `GraphBatch` with node/edge/function indices renumbered, using index arithmetic
only. Batching the same graphs in the same order always gives the same tensors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor

from contractml.graph.builder import AddReverseEdges, CodeGraph


@dataclass
class GraphBatch:
    x: Tensor  # [N, in_dim] float32
    edge_index: Tensor  # [2, E], batch-wide node numbers
    edge_type: Tensor  # [E]
    fn_of_node: Tensor  # [N], batch-wide function numbers
    num_functions: int
    seed: Tensor  # [N] bool
    seed_function: Tensor  # [F] bool: the function holds seed nodes
    node_ptr: Tensor  # [B+1] where each graph's nodes start
    fn_ptr: Tensor  # [B+1] where each graph's functions start
    y: Tensor | None  # [N, C]
    y_fn: Tensor | None  # [F, C]


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of arange(s, s + n) for each (s, n), vectorised."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.repeat(starts, lengths) + (np.arange(total, dtype=np.int64) - offsets)


class PackedGraphs:
    """Flat tensors for a list of graphs (see the module docstring)."""

    def __init__(self, graphs: Sequence[CodeGraph], in_dim: int, reverse_edges: bool,
                 with_targets: bool = True) -> None:
        transform = AddReverseEdges() if reverse_edges else None
        xs, edges, types, fns, seeds, ys, yfs = [], [], [], [], [], [], []
        nodes, nedges, nfns = [], [], []
        for graph in graphs:
            if graph.x.size(1) < in_dim:
                raise ValueError(f"graph has {graph.x.size(1)} feature columns, "
                                 f"the model needs {in_dim}")
            g = transform(graph) if transform is not None else graph
            xs.append(g.x[:, :in_dim])
            edges.append(g.edge_index)
            types.append(g.edge_type)
            fns.append(g.fn_of_node)
            seeds.append(g.seed)
            nodes.append(int(g.num_nodes))
            nedges.append(int(g.edge_index.size(1)))
            nfns.append(int(g.num_functions))
            if with_targets:
                ys.append(g.y)
                yfs.append(g.y_fn)
        x = torch.cat(xs) if xs else torch.zeros((0, in_dim))
        # features are 0/1: keep them small in memory, as float32 per batch
        self.binary = bool(((x == 0) | (x == 1)).all())
        self.x = x.to(torch.uint8) if self.binary else x.float()
        self.edge_index = torch.cat(edges, 1) if edges else torch.zeros((2, 0), dtype=torch.long)
        self.edge_type = torch.cat(types) if types else torch.zeros(0, dtype=torch.long)
        self.fn_of_node = torch.cat(fns) if fns else torch.zeros(0, dtype=torch.long)
        self.seed = torch.cat(seeds) if seeds else torch.zeros(0, dtype=torch.bool)
        self.y = torch.cat(ys).float() if with_targets and ys else None
        self.y_fn = torch.cat(yfs).float() if with_targets and yfs else None
        self.nodes = np.asarray(nodes, dtype=np.int64)
        self.edges = np.asarray(nedges, dtype=np.int64)
        self.functions = np.asarray(nfns, dtype=np.int64)
        self.node_start = np.cumsum(self.nodes) - self.nodes
        self.edge_start = np.cumsum(self.edges) - self.edges
        self.fn_start = np.cumsum(self.functions) - self.functions
        # a function is a seed function when one of its nodes is a seed
        fn_global = self.fn_of_node + torch.from_numpy(np.repeat(self.fn_start, self.nodes))
        seed_fn = torch.zeros(int(self.functions.sum()), dtype=torch.bool)
        seed_fn[fn_global[self.seed]] = True
        self.seed_fn = seed_fn

    def __len__(self) -> int:
        return len(self.nodes)

    def batch(self, indices: Sequence[int] | np.ndarray) -> GraphBatch:
        idx = np.asarray(indices, dtype=np.int64)
        n, e, f = self.nodes[idx], self.edges[idx], self.functions[idx]
        node_sel = torch.from_numpy(_ranges(self.node_start[idx], n))
        edge_sel = torch.from_numpy(_ranges(self.edge_start[idx], e))
        fn_sel = torch.from_numpy(_ranges(self.fn_start[idx], f))
        new_node_start = np.cumsum(n) - n
        new_fn_start = np.cumsum(f) - f
        edge_shift = torch.from_numpy(np.repeat(new_node_start, e))
        fn_shift = torch.from_numpy(np.repeat(new_fn_start, n))
        return GraphBatch(
            x=self.x[node_sel].float(),
            edge_index=self.edge_index[:, edge_sel] + edge_shift,
            edge_type=self.edge_type[edge_sel],
            fn_of_node=self.fn_of_node[node_sel] + fn_shift,
            num_functions=int(f.sum()),
            seed=self.seed[node_sel],
            seed_function=self.seed_fn[fn_sel],
            node_ptr=torch.from_numpy(np.concatenate([[0], np.cumsum(n)])),
            fn_ptr=torch.from_numpy(np.concatenate([[0], np.cumsum(f)])),
            y=self.y[node_sel] if self.y is not None else None,
            y_fn=self.y_fn[fn_sel] if self.y_fn is not None else None,
        )

    def batches_by_size(self, max_nodes: int, order: np.ndarray | None = None
                        ) -> list[np.ndarray]:
        """Consecutive groups of graphs (in `order`) of at most `max_nodes` nodes each
        (a bigger graph goes alone)."""
        order = np.arange(len(self)) if order is None else order
        groups: list[np.ndarray] = []
        current: list[int] = []
        size = 0
        for i in order.tolist():
            k = int(self.nodes[i])
            if current and size + k > max_nodes:
                groups.append(np.asarray(current, dtype=np.int64))
                current, size = [], 0
            current.append(i)
            size += k
        if current:
            groups.append(np.asarray(current, dtype=np.int64))
        return groups
