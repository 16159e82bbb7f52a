"""Pretrain the network's trunk on deployed code (masked node features) and save it for
`scripts/train.py --pretrained DIR`.

    .venv/bin/python scripts/pretrain.py --out DIR [--data DIR] [--minutes M] [--epochs E]
        [--seed N] [--no-detectors] [--hparams FILE] [--mask-rate R]

The graphs are the dataset's real-host graphs (`realhosts/...`: deployed contracts of
the SmartBugs wild sample and the training packages' files, with and without an
injected edit) of the `train` split; their labels are not read. Validation is the
`val` split's real-host graphs. Writes `trunk.safetensors` (the trunk's parameters) and
`pretrain.json` (hyperparameters, input width, epochs, seconds, the data's manifest
hash). `contractml.model.pretrain` has the method.
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


def main(argv: list[str] | None = None) -> int:
    from datasets.build import default_out

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--hparams", type=Path, default=None)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mask-rate", type=float, default=0.15)
    parser.add_argument("--no-detectors", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=30,
                        help="at most this many epochs (with a --minutes budget that does "
                             "not bind, a run is reproducible from its seed)")
    args = parser.parse_args(argv)

    import torch

    from contractml.graph import schema
    from contractml.model import HPARAMS_PATH
    from contractml.model.checkpoint import sha256_file
    from contractml.model.pretrain import deployed, pretrain, save_pretrained
    from contractml.model.training import make_model
    from datasets import store

    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    hparams = json.loads((args.hparams or HPARAMS_PATH).read_text(encoding="utf-8"))
    data = args.data or default_out()
    with_detectors = not args.no_detectors
    in_dim = len(schema.feature_names(with_detectors))
    train_graphs = deployed(store.load(data / "train"))
    val_graphs = deployed(store.load(data / "val"))
    print(f"{len(train_graphs)} train and {len(val_graphs)} validation real-host graphs",
          file=sys.stderr)
    torch.manual_seed(args.seed)  # the trunk's starting weights follow the seed too
    model = make_model(in_dim, hparams)
    result = pretrain(model, train_graphs, val_graphs,
                      reverse_edges=bool(hparams.get("reverse_edges", True)), seed=args.seed,
                      max_minutes=args.minutes, max_epochs=args.epochs,
                      mask_rate=args.mask_rate,
                      batch_nodes=int(hparams.get("batch_nodes", 4096)),
                      log=lambda m: print(m, file=sys.stderr, flush=True))
    save_pretrained(args.out, result.state, {
        "format": 1, "in_dim": in_dim, "with_detectors": with_detectors,
        "hparams": hparams, "seed": args.seed, "mask_rate": args.mask_rate,
        "graphs": {"train": len(train_graphs), "val": len(val_graphs)},
        "data": {"dir": str(data), "manifest_sha256": sha256_file(data / "manifest.json")},
        "history": result.history, "best_epoch": result.best_epoch,
        "seconds": round(result.seconds, 1),
        "command": " ".join(["scripts/pretrain.py",
                             *(argv if argv is not None else sys.argv[1:])])})
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f}s, best epoch "
          f"{result.best_epoch}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
