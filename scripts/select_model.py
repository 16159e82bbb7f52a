"""Compare message-passing layers under equal budgets on train -> val, and write the table.

    .venv/bin/python scripts/select_model.py --out docs/benchmarks/model_selection.md \
        [--archs rgcn,gine,gatv2] [--minutes 4] [--train-subset N] [--seed 0]

Every candidate is one network (`members` is ignored: the shipped recipe's ensembles were
compared on the development set instead, docs/benchmarks/devset-notes.md round 11) with the
same hyperparameters (contractml/model/hparams.json, with `arch` replaced), the same
training graphs, the same wall-clock budget for its epochs and the same seed; the epoch
with the best validation score is kept. Validation only: the test split is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _fmt(value: float) -> str:
    return "-" if value != value else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    from datasets import store
    from datasets.build import default_out

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--archs", default="rgcn,gine,gatv2")
    parser.add_argument("--minutes", type=float, default=4.0)
    parser.add_argument("--train-subset", type=int, default=None,
                        help="every k-th training graph so that N remain (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hparams", type=Path, default=None)
    parser.add_argument("--no-detectors", action="store_true")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)

    import torch

    from contractml.model import CATEGORIES, HPARAMS_PATH
    from contractml.model.training import train

    torch.set_num_threads(args.threads)
    data = args.data or default_out()
    base = json.loads((args.hparams or HPARAMS_PATH).read_text(encoding="utf-8"))
    train_graphs = store.load(data / "train")
    if args.train_subset:
        step = max(1, len(train_graphs) // args.train_subset)
        train_graphs = train_graphs[::step][:args.train_subset]
    val_graphs = store.load(data / "val")
    rows = []
    for arch in args.archs.split(","):
        hparams = {**base, "arch": arch, "max_epochs": 1000, "patience": 1000}
        print(f"== {arch}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        result = train(train_graphs, val_graphs, hparams, seed=args.seed,
                       with_detectors=not args.no_detectors, max_minutes=args.minutes,
                       log=lambda m: print(m, file=sys.stderr, flush=True))
        seconds = [h["epoch_seconds"] for h in result.history]
        rows.append({"arch": arch, "params": result.metrics["parameters"],
                     "epochs": len(result.history), "best_epoch": result.best_epoch,
                     "sec_per_epoch": sum(seconds) / len(seconds),
                     "seconds": time.perf_counter() - t0, "metrics": result.metrics})
    command = ("scripts/select_model.py " + " ".join(argv if argv is not None
                                                     else sys.argv[1:]))
    lines = [
        "# Model selection: message-passing layers on train -> val",
        "",
        f"Command: `.venv/bin/python {command}`",
        "",
        f"Equal budget per candidate (one network, not the shipped recipe's ensemble): "
        f"{args.minutes:g} minutes of epochs, seed {args.seed}, "
        f"{len(train_graphs)} training graphs, {len(val_graphs)} validation graphs, "
        f"{'base' if args.no_detectors else 'base + detector'} features, "
        f"{args.threads} CPU threads (shared 2-core machine: timings are indicative). "
        "Other hyperparameters from `contractml/model/hparams.json`. Metrics are on the "
        "validation split at the best epoch: AP = average precision (area under the "
        "precision-recall curve), F1 = the best F1 over thresholds on validation "
        "(seed statements for `node`, seed functions for `function`). The test split is "
        "never used.",
        "",
        "Shared hyperparameters: `" + json.dumps({k: v for k, v in base.items()
                                                   if k not in ("arch", "max_epochs",
                                                                "patience", "max_minutes",
                                                                "members")},
                                                  sort_keys=True) + "`.",
        "",
        "| arch | parameters | s / epoch | epochs (best) | node macro AP | node macro F1 "
        "| function macro AP | function macro F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        m = row["metrics"]
        lines.append(f"| {row['arch']} | {row['params']:,} | {row['sec_per_epoch']:.0f} | "
                     f"{row['epochs']} ({row['best_epoch']}) | {_fmt(m['node']['macro_ap'])} "
                     f"| {_fmt(m['node']['macro_f1'])} | {_fmt(m['function']['macro_ap'])} | "
                     f"{_fmt(m['function']['macro_f1'])} |")
    for head in ("node", "function"):
        lines += ["", f"Per category, {head} level (AP / best F1):", "",
                  "| category | positives | " + " | ".join(r["arch"] for r in rows) + " |",
                  "|---|---|" + "---|" * len(rows)]
        for category in CATEGORIES:
            positives = rows[0]["metrics"][head]["categories"][category]["positives"]
            cells = []
            for row in rows:
                entry = row["metrics"][head]["categories"][category]
                cells.append(f"{_fmt(entry['ap'])} / {_fmt(entry['f1'])}")
            lines.append(f"| {category} | {positives} | " + " | ".join(cells) + " |")
    best = max(rows, key=lambda r: r["metrics"]["val_score"])
    lines += ["", f"Best by the validation score (mean of node and function macro AP): "
              f"**{best['arch']}**.", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    (args.out.with_suffix(".json")).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
