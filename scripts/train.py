"""Train the scorer on the dataset's `train` split, stop/calibrate/threshold on `val`, and
write a checkpoint (model.safetensors + model.json), a JSON log of epochs and a
training-curve PNG.

    .venv/bin/python scripts/train.py --out DIR [--hparams FILE] [--seed N]
        [--no-detectors] [--max-minutes M] [--data DIR] [--log-dir DIR]
        [--pretrained DIR]

The `test` split (SmartBugs curated) is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _sha256(path: Path) -> str:
    from contractml.model.checkpoint import sha256_file

    return sha256_file(path)


def load_split(data: Path, split: str, with_detectors: bool) -> list:
    """One split's graphs; refuses stores without detector features when they are asked."""
    from datasets import store

    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    if with_detectors and not manifest.get("with_detectors"):
        raise SystemExit(f"{data}: the datasets were built without detector features; "
                         "rebuild them or pass --no-detectors")
    return store.load(data / split)


def data_fingerprint(data: Path, splits: list[str]) -> dict:
    out = {"dir": str(data), "manifest_sha256": _sha256(data / "manifest.json"),
           "splits": {}}
    for split in splits:
        out["splits"][split] = {suffix.lstrip("."): _sha256((data / split).with_suffix(suffix))
                                for suffix in (".safetensors", ".json")}
    return out


def leave_out(graphs: list, names: list[str]) -> list:
    """`graphs` without the sources in `names`, without the graphs the definitions
    labelled (`teacher`) when `teachers` is one of them, without the weak negatives (the
    other graphs weighing less than 1) when `weak-negatives` is one of them, and, for a
    name `SOURCE:CATEGORY`, without the graphs of SOURCE that carry a label of CATEGORY
    (a statement's or the seed function's; their safe twins stay)."""
    from contractml.model.training import corpus_of
    from datasets.labels import CATEGORIES

    columns: list[tuple[str, int]] = []  # (source, category column) per SOURCE:CATEGORY
    for name in (n for n in names if ":" in n):
        source, category = name.split(":", 1)
        if category not in CATEGORIES:
            raise SystemExit(f"--without: unknown category {category!r} "
                             f"(one of {', '.join(CATEGORIES)})")
        columns.append((source, CATEGORIES.index(category)))
    sources = {n for n in names if ":" not in n} - {"weak-negatives", "teachers"}
    weak, teachers = "weak-negatives" in names, "teachers" in names

    def kept(graph: Any) -> bool:
        corpus = corpus_of(graph)
        taught = "teacher" in graph
        if corpus in sources or (teachers and taught) or (
                weak and float(graph.get("weight", 1.0)) < 1.0 and not taught):
            return False
        return not any(corpus == source and (bool((graph.y[:, c] > 0).any())
                                             or bool(graph.y_fn[0, c] > 0))
                       for source, c in columns)

    return [g for g in graphs if kept(g)]


def scale_weights(graphs: list, specs: list[str], unlabelled_only: bool) -> list:
    """`graphs` with the weight of each graph of a source named in `specs` (`SOURCE=W`;
    with `unlabelled_only` only its graphs without a statement or function target)
    multiplied by W (in place); W = 0 leaves those graphs out."""
    from contractml.model.training import corpus_of

    factors: dict[str, float] = {}
    for spec in specs:
        source, _, value = spec.partition("=")
        try:
            factors[source] = float(value)
        except ValueError:
            raise SystemExit(f"expected SOURCE=W, got {spec!r}") from None
        if factors[source] < 0:
            raise SystemExit(f"W must be >= 0, got {spec!r}")
    out = []
    for graph in graphs:
        factor = factors.get(corpus_of(graph))
        if factor is None or (unlabelled_only
                               and (bool(graph.y.any()) or bool(graph.y_fn.any()))):
            out.append(graph)
        elif factor > 0:
            graph.weight = float(graph.get("weight", 1.0)) * factor
            out.append(graph)
    return out


def main(argv: list[str] | None = None) -> int:
    from datasets.build import default_out

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="checkpoint folder")
    parser.add_argument("--hparams", type=Path, default=None,
                        help="hyperparameters JSON (default: contractml/model/hparams.json)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-detectors", action="store_true",
                        help="train on the base features only (first columns of x)")
    parser.add_argument("--max-minutes", type=float, default=None,
                        help="wall-clock budget for the epochs (default: hparams max_minutes)")
    parser.add_argument("--max-epochs", type=int, default=None)
    parser.add_argument("--train-subset", type=int, default=None,
                        help="use only the first N training graphs (smoke runs)")
    parser.add_argument("--data", type=Path, default=None,
                        help="dataset folder (default: ~/.cache/contractml/datasets/v1)")
    parser.add_argument("--log-dir", type=Path, default=None,
                        help="where training_log.json and training_curve.png go "
                             "(default: --out)")
    parser.add_argument("--name", default=None, help="model name stored in model.json")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--without", action="append", default=[],
                        help="leave out a training source (`realhosts`, `solidifi`, "
                             "`generated`, ...), `teachers` (deployed functions labelled "
                             "by the definitions), `weak-negatives` (the other graphs "
                             "weighing less than 1) or `SOURCE:CATEGORY` (that source's "
                             "graphs labelled "
                             "with the category); repeatable, for ablations")
    parser.add_argument("--unlabelled-weight", action="append", default=[],
                        metavar="SOURCE=W",
                        help="multiply the training weight of SOURCE's graphs that carry no "
                             "label at all by W (0 leaves them out); repeatable, for "
                             "ablations")
    parser.add_argument("--source-weight", action="append", default=[], metavar="SOURCE=W",
                        help="multiply the training weight of every graph of SOURCE by W "
                             "(after corpus balance has shared the positives out); "
                             "repeatable, for ablations")
    parser.add_argument("--pretrained", type=Path, default=None,
                        help="start every member's trunk from scripts/pretrain.py's output")
    args = parser.parse_args(argv)

    import torch

    from contractml.model import HPARAMS_PATH, checkpoint
    from contractml.model.training import plot_history, train_ensemble

    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    hparams_path = args.hparams or HPARAMS_PATH
    hparams = json.loads(hparams_path.read_text(encoding="utf-8"))
    if args.max_epochs is not None:
        hparams["max_epochs"] = args.max_epochs
    with_detectors = not args.no_detectors
    data = args.data or default_out()
    train_graphs = load_split(data, "train", with_detectors)
    if args.train_subset is not None:
        train_graphs = train_graphs[:args.train_subset]
    if args.without:
        train_graphs = leave_out(train_graphs, args.without)
    if args.unlabelled_weight:
        train_graphs = scale_weights(train_graphs, args.unlabelled_weight,
                                     unlabelled_only=True)
    if args.source_weight:
        train_graphs = scale_weights(train_graphs, args.source_weight, unlabelled_only=False)
    val_graphs = load_split(data, "val", with_detectors)
    print(f"loaded {len(train_graphs)} train, {len(val_graphs)} val graphs in "
          f"{time.perf_counter() - started:.1f}s", file=sys.stderr)

    init_state = None
    if args.pretrained is not None:
        from contractml.graph import schema
        from contractml.model.pretrain import load_pretrained

        try:
            init_state, pretrained = load_pretrained(
                args.pretrained, len(schema.feature_names(with_detectors)), hparams)
        except ValueError as error:
            raise SystemExit(str(error)) from None
        hparams["pretrained"] = {"dir": str(args.pretrained),
                                 "trunk_sha256": pretrained["trunk_sha256"]}
    result = train_ensemble(train_graphs, val_graphs, hparams, seed=args.seed,
                   with_detectors=with_detectors, max_minutes=args.max_minutes,
                   log=lambda message: print(message, file=sys.stderr, flush=True),
                   init_state=init_state)
    name = args.name or ("contractml-gnn-" + ("detectors" if with_detectors else "base"))
    meta = checkpoint.CheckpointMeta(
        name=name, with_detectors=with_detectors, net=result.net, hparams=result.hparams,
        calibration=result.calibration, thresholds=result.thresholds,
        data=data_fingerprint(data, ["train", "val"]),
        metrics={"val": result.metrics, "best_epoch": result.best_epoch,
                 "epochs_run": len(result.history), "stopped": result.stopped,
                 "train_seconds": round(result.seconds, 1),
                 "train_graphs": len(train_graphs), "val_graphs": len(val_graphs)},
        seed=args.seed, function_gate=bool(hparams.get("function_gate", True)))
    checkpoint.save(args.out, result.model, meta)
    log_dir = args.log_dir or args.out
    log_dir.mkdir(parents=True, exist_ok=True)
    wall = time.perf_counter() - started
    log = {"command": " ".join(["scripts/train.py", *(argv if argv is not None
                                                      else sys.argv[1:])]),
           "name": name, "seed": args.seed, "with_detectors": with_detectors,
           "hparams": result.hparams, "epochs": result.history,
           "best_epoch": result.best_epoch, "stopped": result.stopped,
           "train_seconds": round(result.seconds, 1), "wall_seconds": round(wall, 1),
           "threads": args.threads, "pos_weight": result.extra.get("pos_weight"),
           "val": result.metrics}
    (log_dir / "training_log.json").write_text(json.dumps(log, indent=1) + "\n",
                                               encoding="utf-8")
    plot_history(result.history, log_dir / "training_curve.png",
                 title=f"{name} ({result.net['arch']}), seed {args.seed}")
    size = sum((args.out / f).stat().st_size for f in (checkpoint.WEIGHTS, checkpoint.META))
    print(f"wrote {args.out} ({size / 1e6:.2f} MB) in {wall:.0f}s; best epoch "
          f"{result.best_epoch}; val node macro F1 {result.metrics['node']['macro_f1']:.3f}, "
          f"function macro F1 {result.metrics['function']['macro_f1']:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
