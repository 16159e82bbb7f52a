"""Estimate the Slither-detector rules on the training split and store them in a model.

    .venv/bin/python scripts/detector_rules.py --model contractml/model/default

Reads `~/.cache/contractml/datasets/v1/train` (never validation or SmartBugs), less the
sources the model was trained without (`--without`, as `scripts/train.py` takes it, so the
rules are measured on the network's own training data), keeps each
detector whose hits were labelled with a category in at least 80 % of at least 50
training statements (`contractml.detector_rules`), and writes the table into the model's
`model.json` under `detector_rules` (the weights, and so their pinned SHA-256, do not
change). Prints the table.

Also writes `detector_confirm` (`contractml.detector_rules.Confirmation`): every
detector mapped to the taxonomy proposes, the network confirms at `--confirm-fraction`
(default 0.5, chosen on the development set: docs/benchmarks/devset-notes.md, round 13)
of each category's node threshold; `--no-confirm` leaves it out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from contractml.detector_rules import (
        MIN_PRECISION,
        MIN_SUPPORT,
        default_confirmation,
        estimate,
    )
    from contractml.model import CATEGORIES
    from datasets import store
    from datasets.build import default_out

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--without", action="append", default=[],
                        help="leave a source out of the estimate, as scripts/train.py does")
    parser.add_argument("--confirm-fraction", type=float, default=0.5)
    parser.add_argument("--no-confirm", action="store_true")
    args = parser.parse_args(argv)
    if not 0 < args.confirm_fraction <= 1:
        parser.error("--confirm-fraction must be in (0, 1]")
    data = args.data or default_out()
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    if not manifest.get("with_detectors"):
        raise SystemExit(f"{data}: datasets built without detector features")
    graphs = store.load(data / "train")
    if args.without:
        from scripts.train import leave_out

        graphs = leave_out(graphs, args.without)
    table = estimate(graphs, CATEGORIES)
    meta_path = args.model / "model.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["detector_rules"] = table
    meta["detector_rules_estimated_on"] = {
        "split": "train", "without": sorted(args.without),
        "min_precision": MIN_PRECISION, "min_support": MIN_SUPPORT,
        "manifest_sha256": meta.get("data", {}).get("manifest_sha256", "")}
    meta.pop("detector_confirm", None)
    if not args.no_confirm:
        meta["detector_confirm"] = default_confirmation(args.confirm_fraction)
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    for name, per_category in sorted(table.items()):
        print(f"{name:28s} " + ", ".join(f"{c} {p:.2f}" for c, p in per_category.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
