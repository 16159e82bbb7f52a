"""How precise each definition that names statements outright is on the labelled data.

    .venv/bin/python scripts/definition_precision.py [--category C] [--definition ID]
                                                     [--show-false N]

An `include` definition (`contractml.definitions`) reports a statement whatever the
network says. Each one is scored with its Laplace-smoothed precision on the training
split (its `precision` and `measured_on`): of the statements it names in
the split's files, how many carry the category's label (a labelled line inside the
statement, as `datasets.labels.node_targets` counts it), over named + 1. This script
measures that for the training and validation splits of the dataset build, per corpus
(SolidiFI, the generator), and lists false ones with `--show-false`.

An `exclude` definition, named with `--definition`, is measured the same way: the
statements it rules out and how many of them carry the category's label (the labelled
statements it would drop; `--show-false` then lists the unlabelled ones).

Needs the dataset build first (`python -m datasets.build`), whose manifest gives each
file's split; the files are compiled through the same cache, so a build that has run
makes this take seconds (33-35 s for one definition on the 3,270 train/validation files).
After a change of `records.RECORDS_VERSION` the first run makes every file's records
again, with every detector: 2,482 s on the project's 2-core machine (session 30, part of
it beside another job). SmartBugs and the development set are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contractml.analysis.context import node_index  # noqa: E402
from contractml.compile.backends import default_cache_dir  # noqa: E402
from contractml.compile.driver import CompileOptions  # noqa: E402
from contractml.definitions import DEFINITIONS, Definition, Definitions  # noqa: E402
from contractml.localize import node_lines  # noqa: E402
from contractml.records import FileRecord  # noqa: E402
from datasets import solidifi  # noqa: E402
from datasets.build import compile_corpus, default_out, generated_files  # noqa: E402
from datasets.labels import LabelledFile  # noqa: E402

SPLITS = ("train", "val")


INCLUDING = tuple(d for d in DEFINITIONS if d.kind == "include")


def named_statements(record: FileRecord, definition: Definition
                     ) -> dict[tuple[int, int, int], str]:
    """(first line, last line, first column) -> statement text, for every statement of
    the file the definition names (inherited copies of a function once)."""
    nodes = node_index([record])
    facts = Definitions(nodes).facts
    out: dict[tuple[int, int, int], str] = {}
    for function, node in nodes.values():
        if node_lines(node) is None:
            continue
        if definition.matches(facts, function, node):
            span = node.span
            out[(span.start_line, span.end_line, span.start_column)] = node.text
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--category", action="append",
                        choices=sorted({d.category for d in INCLUDING}),
                        help="the include definitions of this category (default: every one)")
    parser.add_argument("--definition", action="append",
                        choices=[d.id for d in DEFINITIONS],
                        help="one definition, include or exclude (repeatable)")
    parser.add_argument("--dataset", type=Path, default=None,
                        help="the dataset build's folder (default: the build's default)")
    parser.add_argument("--show-false", type=int, default=0, metavar="N",
                        help="list up to N named statements without the label, per split")
    args = parser.parse_args(argv)
    out = args.dataset or default_out()
    manifest_path = out / "manifest.json"
    if not manifest_path.is_file():
        print(f"error: no dataset build at {out}: run `python -m datasets.build` first",
              file=sys.stderr)
        return 2
    started = time.perf_counter()
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    split_of = {item["id"]: item["split"] for item in manifest["items"]}
    files: list[LabelledFile] = [f for f in solidifi.load() if split_of.get(f.id) in SPLITS]
    if any(i["corpus"] == "generated" for i in manifest["items"]):
        files += [f for f in generated_files(out, manifest["seed"], None)
                  if split_of.get(f.id) in SPLITS]
    # one corpus at a time, as the build compiles them: the same project roots, so the
    # same cache entries
    options = CompileOptions(cache_dir=default_cache_dir())
    compiled: dict[str, FileRecord | str] = {}
    for corpus in sorted({f.corpus for f in files}):
        compiled.update(compile_corpus([f for f in files if f.corpus == corpus], options,
                                       detectors=bool(manifest.get("with_detectors", True))))
    chosen = [d for d in (DEFINITIONS if args.definition else INCLUDING)
              if (not args.category or d.category in args.category)
              and (not args.definition or d.id in args.definition)]
    print(f"dataset {out} (seed {manifest['seed']}); {len(files)} train/val files; "
          f"compiled in {time.perf_counter() - started:.1f}s\n")
    print("| definition | split | corpus | named | labelled | precision | Laplace |")
    print("|---|---|---|---|---|---|---|")
    false_ones: dict[tuple[str, str], list[str]] = {}
    for definition in chosen:
        category = definition.category
        counts: Counter[tuple[str, str, str]] = Counter()
        for f in files:
            record = compiled.get(f.id)
            if not isinstance(record, FileRecord):
                continue
            split = split_of[f.id]
            lines = f.labels.get(category, frozenset())
            for (first, last, _column), text in sorted(named_statements(record,
                                                                        definition).items()):
                hit = any(first <= line <= last for line in lines)
                counts[(split, f.corpus, "named")] += 1
                counts[(split, f.corpus, "labelled")] += int(hit)
                if not hit:
                    false_ones.setdefault((definition.id, split), []).append(
                        f"{f.id}:{first}: {text[:100]}")
        for split in SPLITS:
            corpora = sorted({c for s, c, _ in counts if s == split})
            for corpus in [*corpora, "all"]:
                pick = corpora if corpus == "all" else [corpus]
                named = sum(counts[(split, c, "named")] for c in pick)
                labelled = sum(counts[(split, c, "labelled")] for c in pick)
                precision = f"{labelled / named:.2f}" if named else "–"
                print(f"| {definition.id} | {split} | {corpus} | {named} | {labelled} | "
                      f"{precision} | {labelled / (named + 1):.4f} |")
    for (category, split), items in sorted(false_ones.items()):
        if args.show_false:
            print(f"\n{category}, {split}: {len(items)} named without the label")
            for item in items[:args.show_false]:
                print(f"  {item}")
    print(f"\n{time.perf_counter() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
