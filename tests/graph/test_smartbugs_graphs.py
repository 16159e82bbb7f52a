"""Property check over every SmartBugs curated contract: graphs are well formed."""

from __future__ import annotations

import pytest
import torch

from contractml.graph.builder import contract_graphs, function_graphs
from contractml.pipeline import BuildResult

pytestmark = pytest.mark.slow


def test_every_graph_is_well_formed(smartbugs_build: BuildResult) -> None:
    checked = 0
    for report in smartbugs_build.files:
        if report.record is None:
            continue
        lines_in_file = report.outcome.path.read_bytes().count(b"\n") + 1
        spans = {f.id: f.span for c in report.record.contracts for f in c.functions}
        for graph in [*function_graphs([report.record]), *contract_graphs([report.record])]:
            assert graph.x.shape[0] == graph.num_nodes > 0
            assert not torch.isnan(graph.x).any()
            if graph.edge_index.numel():
                assert int(graph.edge_index.min()) >= 0
                assert int(graph.edge_index.max()) < graph.num_nodes
            assert graph.edge_type.shape[0] == graph.edge_index.shape[1]
            for i in range(graph.num_nodes):
                first, last = (int(v) for v in graph.src_lines[i])
                assert 1 <= first <= last <= lines_in_file
                span = spans[graph.functions[int(graph.fn_of_node[i])]]
                assert span.start_line <= first and last <= span.end_line, (
                    report.outcome.unit_name, graph.functions[int(graph.fn_of_node[i])])
            checked += 1
    assert checked > 500
