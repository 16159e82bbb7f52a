"""Threshold-free ranking of the development set's statements by a network alone:
average precision per category and its macro mean.

    .venv/bin/python scripts/devset_ap.py --model DIR [--model DIR ...]

A statement (a seed node of a function graph) is positive for a category when its lines,
widened by 1 each side, hold a labelled line of that category
(`datasets.evaluation.seed_statement_labels`). Unlike `evaluate_devset.py`, no
thresholds, definitions or detector rules take part: this compares how networks rank,
apart from calibration.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, action="append", required=True)
    args = parser.parse_args(argv)

    import numpy as np
    import torch

    from contractml.model import CATEGORIES, checkpoint
    from contractml.model.batching import PackedGraphs
    from contractml.model.training import average_precision, predict_logits
    from datasets import evaluation as ev

    torch.set_num_threads(2)
    corpus = ev.devset_corpus()
    y = np.concatenate(ev.seed_statement_labels(corpus, ev.devset_truth()))
    for path in args.model:
        model = checkpoint.load(path).model.eval()
        packed = PackedGraphs(corpus.graphs, model.config.in_dim, True, with_targets=False)
        node, _ = predict_logits(model, packed, 4096)
        scores = node[packed.seed].numpy()
        aps = [average_precision(scores[:, j], y[:, j]) for j in range(len(CATEGORIES))]
        print(f"{path}: macro AP {np.nanmean(aps):.3f} | "
              + " ".join(f"{c} {a:.2f}" for c, a in zip(CATEGORIES, aps, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
