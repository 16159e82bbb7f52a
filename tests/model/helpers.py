"""Small synthetic graphs for network and checkpoint tests (real contracts are used where
Slither is involved: see test_scoring.py)."""

from __future__ import annotations

import torch

from contractml.graph import schema
from contractml.graph.builder import CodeGraph
from contractml.model import CATEGORIES


def synthetic_graph(seed: int, nodes: int = 12, functions: int = 2,
                    with_detectors: bool = True, edges: int = 20) -> CodeGraph:
    """A random graph shaped like the dataset's: binary features, typed edges, a seed
    function (function 0) and targets that depend on the features (so a model can learn
    them)."""
    g = torch.Generator().manual_seed(seed)
    width = len(schema.feature_names(with_detectors))
    x = (torch.rand((nodes, width), generator=g) < 0.08).float()
    fn_of_node = torch.sort(torch.randint(0, functions, (nodes,), generator=g)).values
    fn_of_node[0] = 0
    fn_of_node[-1] = functions - 1
    edge_index = torch.randint(0, nodes, (2, edges), generator=g)
    edge_type = torch.randint(0, schema.NUM_EDGE_TYPES, (edges,), generator=g)
    c = len(CATEGORIES)
    y = (x[:, :c] > 0).float()  # category j <-> feature j
    y_fn = torch.stack([y[fn_of_node == f].amax(0) if bool((fn_of_node == f).any())
                        else torch.zeros(c) for f in range(functions)])
    graph = CodeGraph(x=x, edge_index=edge_index, edge_type=edge_type, fn_of_node=fn_of_node,
                      seed=fn_of_node == 0, y=y, y_fn=y_fn,
                      src_lines=torch.stack([torch.arange(nodes), torch.arange(nodes)], 1),
                      num_functions=functions, functions=[f"f{i}" for i in range(functions)],
                      files=["a.sol"])
    graph.num_nodes = nodes
    return graph
