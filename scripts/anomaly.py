"""Measure the anomaly score of a pretrained trunk: how well "unlike deployed code"
separates vulnerable from safe functions (ROC AUC).

    .venv/bin/python scripts/anomaly.py --pretrained DIR [--data DIR] [--smartbugs]
        [--out docs/benchmarks/anomaly.md]

The Gaussian (`contractml.model.pretrain.AnomalyModel`) is fitted on the seed functions
of the `train` split's weak negatives: unmodified functions of deployed contracts. The
AUC is then measured on:

- the `val` split's real-host graphs: each injected (vulnerable) function against the
  unmodified and safe-twin functions of held-out hosts;
- the development set (datasets/devset/): a function is vulnerable when one of its
  statements lies within a line of a labelled vulnerability;
- with `--smartbugs`, SmartBugs curated (the dataset's `test` split, each graph's seed
  function labelled by the build): an evaluation set, measured once per trunk.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "scripts"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))


def devset_functions(corpus, truth) -> tuple[list, list[bool]]:  # type: ignore[no-untyped-def]
    """Each devset graph and whether its seed function holds a labelled line (±1)."""
    graphs, labels = [], []
    for graph in corpus.graphs:
        lines = {line for vulns in truth[graph.source_id].values() for v in vulns
                 for line in v}
        seed_lines = graph.src_lines[graph.seed]
        vulnerable = any(any(start - 1 <= line <= end + 1 for line in lines)
                         for start, end in seed_lines.tolist())
        graphs.append(graph)
        labels.append(vulnerable)
    return graphs, labels


def main(argv: list[str] | None = None) -> int:
    from datasets.build import default_out

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pretrained", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--smartbugs", action="store_true",
                        help="also measure on SmartBugs curated (evaluation: once per trunk)")
    parser.add_argument("--out", type=Path, default=None, help="Markdown report")
    args = parser.parse_args(argv)

    import numpy as np
    import torch
    from pretrain import load_pretrained

    from contractml.model.batching import PackedGraphs
    from contractml.model.pretrain import AnomalyModel, function_embeddings, roc_auc
    from contractml.model.training import corpus_of, make_model
    from datasets import evaluation as ev
    from datasets import store

    torch.set_num_threads(2)
    started = time.perf_counter()
    config = json.loads((args.pretrained / "pretrain.json").read_text(encoding="utf-8"))
    hparams, in_dim = config["hparams"], config["in_dim"]
    model = make_model(in_dim, hparams)
    from contractml.model.pretrain import load_trunk

    load_trunk(model, load_pretrained(args.pretrained, in_dim, hparams))
    model.eval()
    reverse = bool(hparams.get("reverse_edges", True))
    data = args.data or default_out()

    torch.manual_seed(0)
    untrained = make_model(in_dim, hparams).eval()  # same shape, seeded start

    def embed(graphs: list, net: Any = model) -> torch.Tensor:
        return function_embeddings(net, PackedGraphs(graphs, in_dim, reverse,
                                                     with_targets=False))

    def sizes(graphs: list) -> np.ndarray:
        """Statements in each seed function (a baseline: size alone)."""
        packed = PackedGraphs(graphs, in_dim, reverse, with_targets=False)
        fn = packed.fn_of_node.numpy() + np.repeat(packed.fn_start, packed.nodes)
        counts = np.bincount(fn, minlength=int(packed.functions.sum()))
        return counts[packed.seed_fn.numpy()].astype(np.float64)

    def seed_labels(graphs: list) -> np.ndarray:
        packed = PackedGraphs(graphs, in_dim, reverse)
        assert packed.y_fn is not None
        return (packed.y_fn[packed.seed_fn].sum(1) > 0).numpy()

    train = [g for g in store.load(data / "train")
             if corpus_of(g) == "realhosts" and float(g.get("weight", 1.0)) < 1.0]
    anomaly = AnomalyModel.fit(embed(train))
    baseline = AnomalyModel.fit(embed(train, untrained))
    rows: list[tuple[str, int, int, float, float, float]] = []

    def measure(name: str, graphs: list, labels: np.ndarray) -> None:
        rows.append((name, int(labels.sum()), int((~labels).sum()),
                     roc_auc(anomaly.score(embed(graphs)).numpy(), labels),
                     roc_auc(baseline.score(embed(graphs, untrained)).numpy(), labels),
                     roc_auc(sizes(graphs), labels)))

    val = [g for g in store.load(data / "val") if corpus_of(g) == "realhosts"]
    measure("held-out real hosts (val split)", val, seed_labels(val))

    corpus = ev.devset_corpus()
    graphs, dev_labels = devset_functions(corpus, ev.devset_truth())
    measure("development set", graphs, np.asarray(dev_labels))

    if args.smartbugs:
        test = store.load(data / "test")
        measure("SmartBugs curated (test split)", test, seed_labels(test))

    command = "python scripts/anomaly.py " + " ".join(argv if argv is not None
                                                       else sys.argv[1:])
    lines = [f"Command: `{command}`  ",
             f"Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; "
             f"{time.perf_counter() - started:.0f} s wall.  ",
             f"Trunk: `{args.pretrained}` (sha256 `{config['trunk_sha256'][:12]}`), fitted on "
             f"{len(train)} unmodified deployed functions (train split weak negatives).", "",
             "| functions | vulnerable | safe | ROC AUC, pretrained trunk | "
             "ROC AUC, same network untrained | ROC AUC, statements in the function |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {name} | {p} | {n} | {auc:.3f} | {plain:.3f} | {size:.3f} |"
              for name, p, n, auc, plain, size in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
