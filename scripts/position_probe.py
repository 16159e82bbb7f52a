"""Does a network's score of a statement depend on where the statement sits? Move one
line of a contract elsewhere and score the statement in both copies.

    .venv/bin/python scripts/position_probe.py --file F --line N --after M
        --category C --model DIR [--model DIR ...]

Writes the contract as it is and a copy with line N moved to just after line M (a
one-line statement, moved within its function, so both copies compile), compiles both,
and prints each network's statement score for category C at that statement in each copy
(the sigmoid of the node head's logit, before calibration; no thresholds or rules).
Used for the real-host data's position bias (docs/benchmarks/training.md, "Real-host
data"):

    --file datasets/devset/contracts/ExpenseBoard.sol --line 95 --after 91
        --category unchecked-call
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def moved(text: str, line: int, after: int) -> tuple[str, int]:
    """`text` with 1-based `line` moved to just after `after`, and its new line number."""
    lines = text.split("\n")
    statement = lines.pop(line - 1)
    at = after if after < line else after - 1
    lines.insert(at, statement)
    return "\n".join(lines), at + 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--line", type=int, required=True)
    parser.add_argument("--after", type=int, required=True)
    parser.add_argument("--category", required=True)
    parser.add_argument("--model", type=Path, action="append", required=True)
    args = parser.parse_args(argv)

    import torch

    from contractml.model import CATEGORIES, checkpoint
    from contractml.model.batching import PackedGraphs
    from contractml.model.training import predict_logits
    from datasets import evaluation as ev

    if args.category not in CATEGORIES:
        raise SystemExit(f"unknown category {args.category!r}; one of {', '.join(CATEGORIES)}")
    column = CATEGORIES.index(args.category)
    text = args.file.read_text(encoding="utf-8")
    other, other_line = moved(text, args.line, args.after)
    with tempfile.TemporaryDirectory() as folder:
        paths = {"as-is.sol": (Path(folder) / "as-is.sol", args.line),
                 "moved.sol": (Path(folder) / "moved.sol", other_line)}
        for (path, _), body in zip(paths.values(), (text, other), strict=True):
            path.write_text(body, encoding="utf-8")
        corpus = ev._per_file_corpus("probe", [(k, p) for k, (p, _) in paths.items()])
        if corpus.failures:
            raise SystemExit(f"does not compile: {corpus.failures}")
        for model_path in args.model:
            model = checkpoint.load(model_path).model.eval()
            packed = PackedGraphs(corpus.graphs, model.config.in_dim, True,
                                  with_targets=False)
            node, _ = predict_logits(model, packed, 4096)
            probs = torch.sigmoid(node)
            found: dict[str, float] = {}
            offset = 0
            for graph in corpus.graphs:
                wanted = paths[graph.source_id][1]
                for i, (start, end) in enumerate(graph.src_lines.tolist()):
                    if bool(graph.seed[i]) and start <= wanted <= end:
                        found[graph.source_id] = max(found.get(graph.source_id, 0.0),
                                                     float(probs[offset + i, column]))
                offset += int(graph.num_nodes)
            print(f"{model_path}: line {args.line} as is "
                  f"{found.get('as-is.sol', float('nan')):.3f}, moved after line {args.after} "
                  f"{found.get('moved.sol', float('nan')):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
