"""Benchmark graph building against Slither's own parse + IR on the same files.

Writes docs/benchmarks/graphs.md:

    .venv/bin/python scripts/bench_graphs.py --out docs/benchmarks/graphs.md

For each corpus: compile (cached, not measured here), run the front end without a
record cache and take Slither's own parse + IR time from it, then build every function
graph and every contract graph from the records and time that, per CFG node.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def measure(corpus: str) -> dict:
    from contractml.compile.driver import CompileOptions
    from contractml.compile.project import discover
    from contractml.graph.builder import contract_graphs, function_graphs
    from contractml.pipeline import build
    from datasets.corpora import openzeppelin_files, smartbugs_files

    files = smartbugs_files() if corpus == "smartbugs" else openzeppelin_files()
    project = discover([str(p) for p in files])
    with tempfile.TemporaryDirectory() as tmp:
        built = build(project, CompileOptions(cache_dir=Path(tmp)))
    records = [r.record for r in built.files if r.record is not None]
    nodes = sum(r.node_count for r in records)
    gc.collect()
    t0 = time.perf_counter()
    functions = function_graphs(records)
    t1 = time.perf_counter()
    gc.collect()
    t1 = time.perf_counter()
    contracts = contract_graphs(records)
    t2 = time.perf_counter()
    return {"corpus": corpus, "files": len(records), "nodes": nodes,
            "slither": built.slither_seconds, "frontend": built.frontend_seconds,
            "function_graphs": len(functions), "function_seconds": t1 - t0,
            "contract_graphs": len(contracts), "contract_seconds": t2 - t1,
            "graph_nodes": sum(g.num_nodes for g in functions)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "docs/benchmarks/graphs.md")
    parser.add_argument("--corpora", default="smartbugs,openzeppelin")
    args = parser.parse_args(argv)
    rows = [measure(c) for c in args.corpora.split(",")]
    lines = [
        "# Graph-building benchmark", "",
        "Made by `.venv/bin/python scripts/bench_graphs.py --out docs/benchmarks/graphs.md` "
        "on this 2-core machine (one process, one core used).", "",
        "Slither parse + IR: Slither's own time inside the front end (crytic-compile "
        "platform over our solc output, AST parsing, SlithIR, SSA), without our record "
        "extraction. Graph building: records -> `CodeGraph` tensors for every function "
        "graph (function + linked callees) and every contract graph.", "",
        "| corpus | files | CFG nodes | Slither parse+IR s | front end s (with extraction) "
        "| function graphs | build s | µs/node | contract graphs | build s "
        "| graphs / Slither |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        total = r["function_seconds"] + r["contract_seconds"]
        lines.append(
            f"| {r['corpus']} | {r['files']} | {r['nodes']} | {r['slither']:.2f} | "
            f"{r['frontend']:.2f} | {r['function_graphs']} | {r['function_seconds']:.2f} | "
            f"{1e6 * r['function_seconds'] / max(1, r['nodes']):.0f} | "
            f"{r['contract_graphs']} | {r['contract_seconds']:.2f} | "
            f"{100 * total / r['slither']:.1f}% |")
    lines += ["", "Target: graph building at most 10% of Slither's parse + IR time.", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
