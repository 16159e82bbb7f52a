"""Print the dataset card's tables from a built manifest, and write `card.json`.

    .venv/bin/python -m datasets.card [MANIFEST] [--json datasets/card.json]
                                      [--measurements FILE.json]

`card.json` holds `real_hosts: {hosts, vulnerable_functions, safe_twins}` (hosts with at
least one kept pair, injected vulnerable functions that compiled, and their safe twins)
with the injection step's counts per category, operator and source, drops per operator
and failed hosts; the counts per corpus, split and category of the build; and whatever
`--measurements` holds (timings, peak RSS, whether the build was a sample).
"""

from __future__ import annotations

import argparse
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


def card_json(manifest: dict, measurements: dict | None = None) -> dict:
    """The machine-readable card of one build."""
    per_split: dict[str, Counter] = defaultdict(Counter)
    files: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(Counter))
    functions: dict[str, dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(Counter))
    for item in manifest["items"]:
        per_split[item["corpus"]][item["split"]] += 1
        for category in item["labels"]:
            files[item["corpus"]][category][item["split"]] += 1
            functions[item["corpus"]][category][item["split"]] += item.get(
                "labelled_functions", {}).get(category, 0)
    real = manifest.get("real_hosts") or {}
    weak: dict[str, Counter] = defaultdict(Counter)
    taught: dict[str, Counter] = defaultdict(Counter)
    for item in manifest["items"]:
        if item.get("weak_negatives"):
            weak[item["corpus"]][item["split"]] += item["weak_negatives"]
        for category, count in (item.get("teachers") or {}).items():
            taught[item["split"]][category] += count
    card = {
        "real_hosts": {
            "hosts": sum(real.get("hosts_with_pairs", {}).values()),
            "vulnerable_functions": real.get("pairs", 0),
            "safe_twins": real.get("pairs", 0),
            "hosts_attempted": real.get("hosts", 0),
            "hosts_failed": real.get("hosts_failed", 0),
            "hosts_skipped_per_source": real.get("hosts_skipped_per_source", {}),
            "skipped_because": real.get("skipped_because", ""),
            "hosts_with_pairs_per_source": real.get("hosts_with_pairs", {}),
            "pairs_per_source": real.get("per_source", {}),
            "pairs_per_category": real.get("per_category", {}),
            "pairs_per_operator": real.get("per_operator", {}),
            "dropped_per_operator": real.get("dropped_per_operator", {}),
            "mean_seconds_per_host": real.get("mean_seconds_per_host"),
            "failed": real.get("failed", []),
        },
        "weak_negative_graphs_per_corpus_and_split": {c: dict(v) for c, v in weak.items()},
        "teacher_functions_per_split_and_category": {s: dict(sorted(v.items()))
                                                     for s, v in sorted(taught.items())},
        "files_per_corpus_and_split": {c: dict(v) for c, v in sorted(per_split.items())},
        "labelled_files_per_corpus_category_split": {
            c: {k: dict(v) for k, v in sorted(cat.items())} for c, cat in sorted(files.items())},
        "labelled_functions_per_corpus_category_split": {
            c: {k: dict(v) for k, v in sorted(cat.items())}
            for c, cat in sorted(functions.items())},
        "stats_per_split": manifest["stats"],
        "build_seconds": manifest["seconds"],
        "seed": manifest["seed"],
    }
    card.update(measurements or {})
    return card


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest", nargs="?", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write card.json here")
    parser.add_argument("--measurements", type=Path, default=None,
                        help="a JSON object merged into card.json (timings, RSS, sample)")
    args = parser.parse_args(argv)
    path = args.manifest or default_out() / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    print(tables(manifest))
    if args.json is not None:
        extra = json.loads(args.measurements.read_text(encoding="utf-8")) \
            if args.measurements else None
        args.json.write_text(json.dumps(card_json(manifest, extra), indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
