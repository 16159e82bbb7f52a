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
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    from datasets.build import default_out

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pretrained", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--smartbugs", action="store_true",
                        help="also measure on SmartBugs curated (evaluation: once per trunk)")
    parser.add_argument("--out", type=Path, default=None, help="Markdown report")
    parser.add_argument("--attach", type=Path, default=None, metavar="MODEL_DIR",
                        help="write the trunk and the fitted Gaussian into this model "
                             "folder (anomaly.safetensors and the `anomaly` entry of its "
                             "model.json, with the AUCs measured here)")
    args = parser.parse_args(argv)

    import numpy as np
    import torch

    from contractml.model.batching import PackedGraphs
    from contractml.model.pretrain import (
        AnomalyModel,
        deployed,
        function_embeddings,
        load_pretrained,
        load_trunk,
        roc_auc,
    )
    from contractml.model.training import make_model
    from datasets import evaluation as ev
    from datasets import store

    torch.set_num_threads(2)
    started = time.perf_counter()
    try:
        state, config = load_pretrained(args.pretrained)
    except ValueError as error:
        raise SystemExit(str(error)) from None
    hparams, in_dim = config["hparams"], config["in_dim"]
    model = make_model(in_dim, hparams)
    load_trunk(model, state)
    model.eval()
    torch.manual_seed(0)
    untrained = make_model(in_dim, hparams).eval()  # same shape, seeded start
    reverse = bool(hparams.get("reverse_edges", True))
    data = args.data or default_out()

    def pack(graphs: list, targets: bool = True) -> PackedGraphs:
        return PackedGraphs(graphs, in_dim, reverse, with_targets=targets)

    def sizes(packed: PackedGraphs) -> np.ndarray:
        """Statements in each seed function (a baseline: size alone)."""
        fn = packed.fn_of_node.numpy() + np.repeat(packed.fn_start, packed.nodes)
        counts = np.bincount(fn, minlength=int(packed.functions.sum()))
        return counts[packed.seed_fn.numpy()].astype(np.float64)

    def seed_labels(packed: PackedGraphs) -> np.ndarray:
        assert packed.y_fn is not None
        return (packed.y_fn[packed.seed_fn].sum(1) > 0).numpy()

    train = [g for g in deployed(store.load(data / "train"))
             if float(g.get("weight", 1.0)) < 1.0]
    packed_train = pack(train, targets=False)
    anomaly = AnomalyModel.fit(function_embeddings(model, packed_train))
    baseline = AnomalyModel.fit(function_embeddings(untrained, packed_train))
    rows: list[tuple[str, int, int, float, float, float]] = []

    def measure(name: str, packed: PackedGraphs, labels: np.ndarray) -> None:
        rows.append((name, int(labels.sum()), int((~labels).sum()),
                     roc_auc(anomaly.score(function_embeddings(model, packed)).numpy(),
                             labels),
                     roc_auc(baseline.score(function_embeddings(untrained, packed)).numpy(),
                             labels),
                     roc_auc(sizes(packed), labels)))

    val = pack(deployed(store.load(data / "val")))
    measure("held-out real hosts (val split)", val, seed_labels(val))

    corpus = ev.devset_corpus()
    dev_labels = np.asarray([bool(y.any()) for y in
                             ev.seed_statement_labels(corpus, ev.devset_truth())])
    measure("development set", pack(corpus.graphs, targets=False), dev_labels)

    if args.smartbugs:
        test = pack(store.load(data / "test"))
        measure("SmartBugs curated (test split)", test, seed_labels(test))

    command = "python scripts/anomaly.py " + " ".join(argv if argv is not None
                                                       else sys.argv[1:])
    if args.attach is not None:
        from contractml.model.anomaly import attach

        entry = attach(args.attach, state, anomaly, {
            "in_dim": in_dim, "hparams": hparams, "trunk_sha256": config["trunk_sha256"],
            "fitted_on": len(train),
            "measured": {name: {"vulnerable": p, "safe": n, "roc_auc": round(auc, 4)}
                         for name, p, n, auc, _, _ in rows},
            "command": command})
        print(f"attached to {args.attach}: anomaly.safetensors sha256 "
              f"{entry['weights_sha256'][:12]}", file=sys.stderr)
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
