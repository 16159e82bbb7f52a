"""The scorer network: typed-edge message passing, a statement head and a function head.

`ContractGNN` takes one (batched) graph's tensors and returns raw logits:

- `node` [N, C]: per statement (CFG node), one logit per category;
- `function` [F, C]: per function, from max+mean pooling of its nodes' final states
  (through `fn_of_node`) and an MLP.

The message-passing layer (`arch`) is one of:

- `rgcn`: relational GCN, one weight matrix per edge kind (optionally basis-decomposed);
- `gine`: GIN with an edge-kind embedding added to every message;
- `gatv2`: GATv2 attention whose scores and messages see an edge-kind embedding.

Every layer is residual with LayerNorm; `input_dropout` (training only) zeroes random
input features so that no single feature combination carries a prediction alone;
`zero_features` / `merge_features` hide input columns that are dataset shortcuts. Edge
kinds are 0..num_edge_types-1 (14 with `AddReverseEdges`). `group_dropout` (training
only) drops whole feature blocks per node. `Ensemble` averages the logits of
`members` such networks trained with other seeds (`build_net`). No I/O here;
`contractml.model.checkpoint` saves and loads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

import torch
from torch import Tensor, nn
from torch_geometric.nn import GATv2Conv, GINEConv, RGCNConv, global_max_pool, global_mean_pool

ARCHS: tuple[str, ...] = ("rgcn", "gine", "gatv2")


@dataclass(frozen=True)
class NetConfig:
    """What fixes the network's shape (stored in every checkpoint)."""

    in_dim: int
    num_categories: int
    num_edge_types: int
    arch: str = "rgcn"
    hidden: int = 64
    layers: int = 3
    dropout: float = 0.1
    heads: int = 4  # gatv2 only
    num_bases: int = 0  # rgcn only; 0 = a full matrix per edge kind
    input_dropout: float = 0.0  # training only: drops input features (robustness)
    #: input columns always zeroed (features the model must not use)
    zero_features: tuple[int, ...] = ()
    #: (source, target) columns: target becomes max(target, source), source is zeroed
    merge_features: tuple[tuple[int, int], ...] = ()
    #: training only: each node loses each feature group (`feature_groups`) with this
    #: probability, so no prediction can rest on one group's exact combination
    group_dropout: float = 0.0
    #: group id per input column (same length as the input), for `group_dropout`
    feature_groups: tuple[int, ...] = ()
    #: networks of this shape, trained apart (other seeds), whose logits are averaged
    members: int = 1

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> NetConfig:
        known = {f.name for f in fields(cls)}
        chosen = {k: v for k, v in values.items() if k in known}
        chosen["zero_features"] = tuple(int(i) for i in chosen.get("zero_features", ()))
        chosen["merge_features"] = tuple((int(a), int(b))
                                         for a, b in chosen.get("merge_features", ()))
        chosen["feature_groups"] = tuple(int(i) for i in chosen.get("feature_groups", ()))
        return cls(**chosen)

    def to_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values["zero_features"] = list(self.zero_features)
        values["merge_features"] = [list(pair) for pair in self.merge_features]
        values["feature_groups"] = list(self.feature_groups)
        return values


class _Layer(nn.Module):
    def __init__(self, config: NetConfig) -> None:
        super().__init__()
        h = config.hidden
        self.arch = config.arch
        if config.arch == "rgcn":
            self.conv: nn.Module = RGCNConv(h, h, config.num_edge_types,
                                            num_bases=config.num_bases or None, aggr="mean")
        elif config.arch == "gine":
            mlp = nn.Sequential(nn.Linear(h, h), nn.ReLU(), nn.Linear(h, h))
            self.conv = GINEConv(mlp, train_eps=True, edge_dim=h)
        elif config.arch == "gatv2":
            if h % config.heads:
                raise ValueError(f"hidden {h} is not a multiple of heads {config.heads}")
            self.conv = GATv2Conv(h, h // config.heads, heads=config.heads, edge_dim=h,
                                  add_self_loops=False)
        else:
            raise ValueError(f"unknown architecture {config.arch!r}; expected one of {ARCHS}")
        self.norm = nn.LayerNorm(h)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, h: Tensor, edge_index: Tensor, edge_type: Tensor,
                edge_attr: Tensor | None) -> Tensor:
        if self.arch == "rgcn":
            out = self.conv(h, edge_index, edge_type)
        else:
            out = self.conv(h, edge_index, edge_attr)
        return self.norm(h + self.dropout(torch.relu(out)))


class ContractGNN(nn.Module):
    def __init__(self, config: NetConfig) -> None:
        super().__init__()
        self.config = config
        h, c = config.hidden, config.num_categories
        for index in (*config.zero_features, *(i for pair in config.merge_features
                                               for i in pair)):
            if not 0 <= index < config.in_dim:
                raise ValueError(f"feature index {index} outside 0..{config.in_dim - 1}")
        if config.group_dropout and len(config.feature_groups) != config.in_dim:
            raise ValueError("group_dropout needs one feature group per input column")
        self.register_buffer("_groups", torch.tensor(config.feature_groups, dtype=torch.long),
                             persistent=False)
        self._num_groups = max(config.feature_groups, default=-1) + 1
        self.input_dropout = nn.Dropout(config.input_dropout)
        self.encoder = nn.Sequential(nn.Linear(config.in_dim, h), nn.ReLU(), nn.LayerNorm(h))
        self.edge_embedding = (nn.Embedding(config.num_edge_types, h)
                               if config.arch in ("gine", "gatv2") else None)
        self.layers = nn.ModuleList(_Layer(config) for _ in range(config.layers))
        self.node_head = nn.Sequential(nn.Linear(2 * h, h), nn.ReLU(),
                                       nn.Dropout(config.dropout), nn.Linear(h, c))
        self.function_head = nn.Sequential(nn.Linear(2 * h, h), nn.ReLU(),
                                           nn.Dropout(config.dropout), nn.Linear(h, c))

    def _canonical(self, x: Tensor) -> Tensor:
        """Apply `merge_features` and `zero_features` to the input columns."""
        config = self.config
        if not config.zero_features and not config.merge_features:
            return x
        x = x.clone()
        for source, target in config.merge_features:
            x[:, target] = torch.maximum(x[:, target], x[:, source])
            x[:, source] = 0
        if config.zero_features:
            x[:, list(config.zero_features)] = 0
        return x

    def embed(self, x: Tensor, edge_index: Tensor, edge_type: Tensor,
              canonical: bool = False) -> tuple[Tensor, Tensor]:
        """Node states `(final [N, H], input encoding [N, H])` of the message-passing
        trunk (what the heads and self-supervised pretraining read); `canonical`: `x`
        has been through `_canonical` already."""
        if not canonical:
            x = self._canonical(x)
        if self.training and self.config.group_dropout > 0:
            keep = (torch.rand(x.size(0), self._num_groups, device=x.device)
                    >= self.config.group_dropout)
            x = x * keep[:, self._groups].to(x.dtype)
        h0 = self.encoder(self.input_dropout(x))
        edge_attr = self.edge_embedding(edge_type) if self.edge_embedding is not None else None
        h = h0
        for layer in self.layers:
            h = layer(h, edge_index, edge_type, edge_attr)
        return h, h0

    def forward(self, x: Tensor, edge_index: Tensor, edge_type: Tensor, fn_of_node: Tensor,
                num_functions: int) -> tuple[Tensor, Tensor]:
        """Logits `(node [N, C], function [num_functions, C])`."""
        h, h0 = self.embed(x, edge_index, edge_type)
        node = self.node_head(torch.cat([h, h0], dim=1))
        pooled = torch.cat([global_max_pool(h, fn_of_node, size=num_functions),
                            global_mean_pool(h, fn_of_node, size=num_functions)], dim=1)
        return node, self.function_head(pooled)


class Ensemble(nn.Module):
    """`config.members` networks of one shape; the logits are their mean."""

    def __init__(self, config: NetConfig, members: Sequence[ContractGNN] | None = None
                 ) -> None:
        super().__init__()
        if config.members < 2:
            raise ValueError("an ensemble needs at least 2 members")
        self.config = config
        single = replace(config, members=1)
        self.members = nn.ModuleList(members if members is not None else
                                     (ContractGNN(single) for _ in range(config.members)))
        if len(self.members) != config.members:
            raise ValueError(f"{len(self.members)} networks for {config.members} members")

    def forward(self, x: Tensor, edge_index: Tensor, edge_type: Tensor, fn_of_node: Tensor,
                num_functions: int) -> tuple[Tensor, Tensor]:
        outputs = [m(x, edge_index, edge_type, fn_of_node, num_functions)
                   for m in self.members]
        return (torch.stack([o[0] for o in outputs]).mean(0),
                torch.stack([o[1] for o in outputs]).mean(0))


def build_net(config: NetConfig) -> ContractGNN | Ensemble:
    """The network a checkpoint's `net` describes."""
    return Ensemble(config) if config.members > 1 else ContractGNN(config)


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
