"""Print the dataset card's tables from a built manifest.

    .venv/bin/python -m datasets.card [MANIFEST]   (default: the build's default output)
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from datasets.build import default_out
from datasets.labels import CATEGORIES


def tables(manifest: dict) -> str:
    items = manifest["items"]
    lines = ["| corpus | train | val | test | excluded | failed |", "|---|---|---|---|---|---|"]
    by_corpus: dict[str, Counter] = defaultdict(Counter)
    for item in items:
        by_corpus[item["corpus"]][item["split"]] += 1
    for corpus, counts in sorted(by_corpus.items()):
        lines.append(f"| {corpus} | {counts['train']} | {counts['val']} | {counts['test']} | "
                     f"{counts['excluded']} | {counts['failed']} |")
    stats = manifest["stats"]
    lines += ["", "Labelled files / functions (function graphs whose own function is labelled) "
              "/ statements (CFG nodes), per category and split; `lost` counts files whose "
              "labels for the category fall on no CFG node (e.g. a label on a state variable "
              "declaration without initialiser):", "",
              "| category | " + " | ".join(f"{s} files / fns / nodes" for s in sorted(stats))
              + " |", "|---|" + "---|" * len(stats)]
    for category in CATEGORIES:
        cells = []
        for split in sorted(stats):
            s = stats[split]
            lost = s.get(f"lost:{category}", 0)
            cells.append(f"{s.get(f'files:{category}', 0)} / "
                         f"{s.get(f'functions:{category}', 0)} / "
                         f"{s.get(f'nodes:{category}', 0)}"
                         + (f" (lost {lost})" if lost else ""))
        lines.append(f"| {category} | " + " | ".join(cells) + " |")
    lines.append("| all functions | " + " | ".join(str(stats[s].get("functions", 0))
                                                     for s in sorted(stats)) + " |")
    lines += ["", f"Built in {manifest['seconds']} s (seed {manifest['seed']})."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else default_out() / "manifest.json"
    print(tables(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
