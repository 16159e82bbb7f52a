"""The network: shapes, edge-type awareness, learning, seeding, batching."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.nn import functional as F

from contractml.graph import schema
from contractml.graph.builder import AddReverseEdges
from contractml.model import CATEGORIES
from contractml.model.batching import PackedGraphs
from contractml.model.gnn import ARCHS, ContractGNN, NetConfig
from contractml.model.training import forward_batch, make_model
from tests.model.helpers import synthetic_graph

WIDTH = len(schema.feature_names(True))


def _model(arch: str, seed: int = 0) -> ContractGNN:
    torch.manual_seed(seed)
    return make_model(WIDTH, {"arch": arch, "hidden": 16, "layers": 2, "dropout": 0.0,
                              "heads": 2, "reverse_edges": True})


@pytest.mark.parametrize("arch", ARCHS)
def test_output_shapes(arch: str) -> None:
    graphs = [synthetic_graph(i, nodes=5 + i, functions=1 + i % 3) for i in range(4)]
    packed = PackedGraphs(graphs, WIDTH, reverse_edges=True)
    batch = packed.batch(np.arange(4))
    model = _model(arch).eval()
    node, function = forward_batch(model, batch)
    assert node.shape == (sum(g.num_nodes for g in graphs), len(CATEGORIES))
    assert function.shape == (sum(g.num_functions for g in graphs), len(CATEGORIES))
    assert torch.isfinite(node).all() and torch.isfinite(function).all()


@pytest.mark.parametrize("arch", ARCHS)
def test_edge_types_change_the_output(arch: str) -> None:
    graph = synthetic_graph(1)
    model = _model(arch).eval()
    retyped = graph.clone()
    retyped.edge_type = (graph.edge_type + 1) % schema.NUM_EDGE_TYPES
    outputs = []
    for g in (graph, retyped):
        batch = PackedGraphs([g], WIDTH, reverse_edges=True).batch([0])
        outputs.append(forward_batch(model, batch)[0])
    assert torch.equal(PackedGraphs([graph], WIDTH, True).batch([0]).edge_index,
                       PackedGraphs([retyped], WIDTH, True).batch([0]).edge_index)
    assert not torch.allclose(outputs[0], outputs[1], atol=1e-5)


def test_unknown_architecture_refused() -> None:
    with pytest.raises(ValueError, match="unknown architecture"):
        ContractGNN(NetConfig(in_dim=4, num_categories=9, num_edge_types=14, arch="mlp"))


def test_packing_matches_add_reverse_edges_and_batching_is_local() -> None:
    graphs = [synthetic_graph(i, nodes=6 + i) for i in range(3)]
    packed = PackedGraphs(graphs, WIDTH, reverse_edges=True)
    batch = packed.batch([2, 0])
    first = AddReverseEdges()(graphs[2])
    e = first.edge_index.size(1)
    assert torch.equal(batch.edge_index[:, :e], first.edge_index)
    assert torch.equal(batch.edge_type[:e], first.edge_type)
    # graph 0 follows graph 2: its node numbers are shifted by graph 2's node count
    second = AddReverseEdges()(graphs[0])
    assert torch.equal(batch.edge_index[:, e:], second.edge_index + graphs[2].num_nodes)
    assert torch.equal(batch.fn_of_node[graphs[2].num_nodes:],
                       graphs[0].fn_of_node + graphs[2].num_functions)
    assert graphs[0].edge_type.max() < schema.NUM_EDGE_TYPES  # originals untouched
    # a graph scores the same alone or batched with others
    model = _model("rgcn").eval()
    with torch.no_grad():
        together = forward_batch(model, batch)[0][graphs[2].num_nodes:]
        alone = forward_batch(model, packed.batch([0]))[0]
    assert torch.allclose(together, alone, atol=1e-5)


def test_a_few_steps_reduce_the_loss() -> None:
    graphs = [synthetic_graph(i, nodes=10, functions=2) for i in range(6)]
    batch = PackedGraphs(graphs, WIDTH, reverse_edges=True).batch(np.arange(6))
    model = _model("rgcn")
    optimiser = torch.optim.Adam(model.parameters(), lr=0.01)

    def loss() -> torch.Tensor:
        node, function = forward_batch(model, batch)
        return (F.binary_cross_entropy_with_logits(node[batch.seed], batch.y[batch.seed])
                + F.binary_cross_entropy_with_logits(function[batch.seed_function],
                                                     batch.y_fn[batch.seed_function]))

    before = loss().item()
    for _ in range(15):
        optimiser.zero_grad()
        value = loss()
        value.backward()
        optimiser.step()
    assert loss().item() < 0.7 * before


def test_same_seed_same_weights() -> None:
    a, b, c = _model("gine", seed=3), _model("gine", seed=3), _model("gine", seed=4)
    for (name, p), (_, q) in zip(a.state_dict().items(), b.state_dict().items(), strict=True):
        assert torch.equal(p, q), name
    assert any(not torch.equal(p, q) for p, q in zip(a.state_dict().values(),
                                                      c.state_dict().values(), strict=True))


def test_ignored_and_merged_features() -> None:
    names = list(schema.feature_names(True))
    hparams = {"arch": "gine", "hidden": 16, "layers": 1, "dropout": 0.0,
               "ignore_features": ["solc:*"],
               "merge_features": {"fn:visibility:external": "fn:visibility:public"}}
    torch.manual_seed(0)
    model = make_model(WIDTH, hparams).eval()
    assert sorted(model.config.zero_features) == [i for i, n in enumerate(names)
                                                  if n.startswith("solc:")]
    graph = synthetic_graph(2)
    solc, external, public = (names.index(n) for n in (
        "solc:0.8", "fn:visibility:external", "fn:visibility:public"))
    variants = []
    for column in (None, solc, external, public):
        g = graph.clone()
        g.x[:, [solc, external, public]] = 0
        if column is not None:
            g.x[:, column] = 1
        batch = PackedGraphs([g], WIDTH, True).batch([0])
        with torch.no_grad():
            variants.append(forward_batch(model, batch)[0])
    assert torch.equal(variants[0], variants[1])  # solc columns are ignored
    assert torch.equal(variants[2], variants[3])  # external reads as public
    assert not torch.equal(variants[0], variants[3])
    # the maps survive the JSON round trip of the network description
    assert NetConfig.from_dict(model.config.to_dict()) == model.config


def test_ensemble_averages_its_members_logits() -> None:
    from contractml.model.gnn import Ensemble, build_net

    members = [_model("gatv2", seed=s).eval() for s in (0, 1, 2)]
    config = NetConfig.from_dict({**members[0].config.to_dict(), "members": 3})
    ensemble = Ensemble(config, members).eval()
    batch = PackedGraphs([synthetic_graph(3)], WIDTH, True).batch([0])
    with torch.no_grad():
        outputs = [forward_batch(m, batch) for m in members]
        node, function = forward_batch(ensemble, batch)
    assert torch.allclose(node, torch.stack([o[0] for o in outputs]).mean(0))
    assert torch.allclose(function, torch.stack([o[1] for o in outputs]).mean(0))
    assert not torch.allclose(node, outputs[0][0])
    # the description builds the same network again (what a checkpoint loads)
    rebuilt = build_net(NetConfig.from_dict(ensemble.config.to_dict()))
    rebuilt.load_state_dict(ensemble.state_dict(), strict=True)
    assert isinstance(rebuilt, Ensemble) and len(rebuilt.members) == 3
    with pytest.raises(ValueError, match="3 members"):
        Ensemble(config, members[:2])


def test_group_dropout_acts_in_training_only() -> None:
    from contractml.model.training import feature_groups

    names = schema.feature_names(True)
    groups = feature_groups(WIDTH)
    assert len(groups) == WIDTH
    assert groups[names.index("ir:Binary")] == groups[names.index("ir:Index")]
    assert groups[names.index("ir:Binary")] != groups[names.index("flow:input")]
    torch.manual_seed(0)
    model = make_model(WIDTH, {"arch": "gine", "hidden": 16, "layers": 1, "dropout": 0.0,
                               "input_dropout": 0.0, "group_dropout": 0.5})
    assert model.config.feature_groups == tuple(groups)
    batch = PackedGraphs([synthetic_graph(4)], WIDTH, True).batch([0])
    model.eval()
    with torch.no_grad():
        first, second = forward_batch(model, batch)[0], forward_batch(model, batch)[0]
    assert torch.equal(first, second)
    model.train()
    with torch.no_grad():
        dropped = forward_batch(model, batch)[0]
    assert not torch.allclose(first, dropped)
