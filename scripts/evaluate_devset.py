"""Evaluate models beside Slither on the project's hand-labelled development set.

    .venv/bin/python scripts/evaluate_devset.py [--model DIR]... [--out docs/benchmarks/devset.md]
                                                [--set devset|handwritten]

The development set (datasets/devset/, its README) is written for this project and is
never trained on. Unlike SmartBugs curated, which is for the final evaluation only, it
may be looked at while developing: per-file misses and false findings are listed, so
that a change to the data or the model can be judged without SmartBugs. Same rules as
scripts/evaluate.py: findings from `contractml.localize` (the scan's rule), Slither's
node-level detector results mapped to the taxonomy, scored by `datasets.evaluation`.

`--set handwritten` scores the hand-written contracts (datasets/handwritten/, 272 files)
the same way instead: a second realistic set, fair only for a model that was not trained
with them (`datasets.build --handwritten`).
"""

from __future__ import annotations

import argparse
import datetime
import shlex
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))

import evaluate as E  # noqa: E402

from datasets import evaluation as ev  # noqa: E402
from datasets.handwritten import LabelsError  # noqa: E402
from datasets.labels import CATEGORIES  # noqa: E402


def _misses(tool: E.Tool, evaluator: ev.Evaluator, truth: dict) -> list[str]:
    """Per file: labelled vulnerabilities not found, and findings that match no label."""
    assert tool.result is not None
    rows = ["| file | missed (category: lines) | false findings (category: lines) |",
            "|---|---|---|"]
    for file_id in evaluator.files:
        missed = [f"{c}: {','.join(map(str, lines))}"
                  for c, vulns in truth[file_id].items()
                  for k, lines in enumerate(vulns)
                  if (file_id, c, k) not in tool.result.found]
        false = [f"{p.category}: {p.start_line}-{p.end_line}"
                 for p in tool.preds.get(file_id, []) if not evaluator.is_true(file_id, p)]
        if missed or false:
            rows.append(f"| {file_id} | {'; '.join(missed) or '–'} | "
                        f"{'; '.join(false) or '–'} |")
    return rows


#: lower edges of the bands of (best score at a label / node threshold), highest first
BANDS = (1.0, 0.5, 0.2, float("-inf"))


def _scores_at_labels(tool: E.Tool, corpus: ev.Corpus, scores: list, truth: dict,
                      thresholds: ev.Thresholds) -> list[str]:
    """Per labelled vulnerability: the network's best node score among the statements
    within 1 line of its lines, that statement's function score, and whether it was
    found (by the network or a detector rule)."""
    import numpy as np

    best: dict[tuple[str, str, int], tuple[float, float]] = {}
    for graph, score in zip(corpus.graphs, scores, strict=True):
        node, function = score[0], score[1]  # the network's (detector rules aside)
        file_id = graph.source_id
        seed = graph.seed.numpy()
        spans = graph.src_lines.numpy()
        fn_of_node = graph.fn_of_node.numpy()
        for c, category in enumerate(CATEGORIES):
            for k, lines in enumerate(truth[file_id].get(category, [])):
                for i in np.flatnonzero(seed):
                    if any(spans[i, 0] - 1 <= v <= spans[i, 1] + 1 for v in lines):
                        value = (float(node[i, c]), float(function[fn_of_node[i], c]))
                        if value[0] > best.get((file_id, category, k), (-1.0, 0.0))[0]:
                            best[(file_id, category, k)] = value
    assert tool.result is not None
    rows = ["| category (node / function threshold) | file: lines | node score | "
            "function score | found |", "|---|---|---|---|---|"]
    bands = ["| category | labelled | >= 1 | 0.5-1 | 0.2-0.5 | < 0.2 |",
             "|---|---|---|---|---|---|"]
    total = [0] * len(BANDS)
    for category in CATEGORIES:
        head = (f"{category} ({thresholds.node[category]:.2f} / "
                f"{thresholds.function[category]:.2f})")
        counts = [0] * len(BANDS)
        for file_id in sorted(truth):
            for k, lines in enumerate(truth[file_id].get(category, [])):
                node_score, fn_score = best.get((file_id, category, k), (0.0, 0.0))
                found = "yes" if (file_id, category, k) in tool.result.found else "no"
                rows.append(f"| {head} | {file_id.split('/')[-1]}: "
                            f"{','.join(map(str, lines))} | {node_score:.3f} | "
                            f"{fn_score:.3f} | {found} |")
                ratio = node_score / thresholds.node[category]
                counts[next(b for b, low in enumerate(BANDS) if ratio >= low)] += 1
        if sum(counts):
            bands.append(f"| {category} | {sum(counts)} | "
                         + " | ".join(map(str, counts)) + " |")
            total = [t + c for t, c in zip(total, counts, strict=True)]
    bands.append(f"| all | {sum(total)} | " + " | ".join(map(str, total)) + " |")
    return [*rows, "", "The best node score at each labelled vulnerability divided by its "
            "category's node threshold, counted in bands (what a lower threshold could "
            "reach; findings also come from detector rules and the confirmation):", "",
            *bands]


#: --set: the title of the report, the set's labels and its corpus
SETS = {"devset": ("the development set (datasets/devset/)", ev.devset_truth,
                   ev.devset_corpus),
        "handwritten": ("the hand-written contracts (datasets/handwritten/)",
                        ev.handwritten_truth, ev.handwritten_corpus)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", action="append", default=None,
                        help="model folder (repeatable; default: the shipped model)")
    parser.add_argument("--out", type=Path, default=REPO / "docs/benchmarks/devset.md")
    parser.add_argument("--set", choices=tuple(SETS), default="devset",
                        help="which hand-labelled set (default: %(default)s)")
    args = parser.parse_args(argv)
    command = "python scripts/evaluate_devset.py " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    started = time.perf_counter()
    title, truth_of, corpus_of = SETS[args.set]
    try:
        truth = truth_of()
    except LabelsError as error:
        raise SystemExit(f"--set {args.set}: {error}") from None
    evaluator = ev.Evaluator(truth)
    corpus = corpus_of()

    tools: list[E.Tool] = []
    diagnostics: list[str] = []
    for path in args.model or [None]:
        scorer = E._load_scorer(path)
        shown, digest = E._model_files(path, scorer)
        tool = E.Tool(f"contractml ({shown})" if args.model and len(args.model) > 1
                      else "contractml", digest, shown)
        scores = E._score_model(tool, scorer, corpus, evaluator, sweep=False)
        tool.result = evaluator.evaluate(tool.preds)
        thresholds = ev.thresholds_of(scorer)
        diagnostics += [f"## {tool.name}: scores at the labelled lines", "",
                        *_scores_at_labels(tool, corpus, scores, truth, thresholds), ""]
        tools.append(tool)
        if len(tools) == 1:  # what the function gate costs on this set
            first_scorer, first_scores = scorer, scores
            ungated = E.Tool(f"{tool.name}, no function gate", digest, shown)
            ungated.preds = ev.predictions(corpus, ev.regions(corpus, scores, ev.Thresholds(
                node=thresholds.node, function={c: 0.0 for c in thresholds.function})))
            tools.append(ungated)
    slither = E.Tool(E.SLITHER)
    slither.preds = ev.predictions(corpus, ev.regions(
        corpus, ev.apply(ev.slither_scores, corpus.graphs), None, floor=0.5,
        definitions=False))
    tools.append(slither)
    for tool in tools:
        tool.result = evaluator.evaluate(tool.preds)
    split = E.evidence_split(tools[0], first_scorer, corpus, first_scores, evaluator)
    print(E.summary_split(split))

    seconds = time.perf_counter() - started
    now = datetime.datetime.now(datetime.UTC)
    lines = [
        f"# Detection on {title}", "",
        f"Command: `{command.strip()}`  ",
        f"Date: {now:%Y-%m-%d %H:%M} UTC; {seconds:.0f} s wall.  ",
        *[f"{t.name}: `{t.path}`, weights sha256 `{t.sha256[:12]}`  " for t in tools[:-1]],
        "",
        f"{len(corpus.files)} project-written files ({len(corpus.failures)} failed: "
        f"{', '.join(corpus.failures) or 'none'}), "
        f"{evaluator.vulnerabilities()} labelled vulnerabilities. Scored as in "
        "detection.md: a finding is true when its region, widened by 1 line each side, "
        "holds a labelled line of its category.", "",
        "## Line level", "", *E._line_table(tools, evaluator, "line"), "",
        "## Evidence sources, per category", "", E.EVIDENCE_NOTE.replace(
            "for the shipped model", f"for {tools[0].name}"), "",
        *E.evidence_table(split, slither, evaluator), "",
        "## Contract (file) level", "", *E._line_table(tools, evaluator, "contract"), "",
    ]
    lines += ["The `no function gate` column is the first model with every function "
              "threshold at 0 (a statement at or above its node threshold is reported "
              "whatever its function scored): what the gate costs and saves here.", ""]
    for tool in tools:
        lines += [f"## {tool.name}: misses and false findings", "",
                  *_misses(tool, evaluator, truth), ""]
    lines += diagnostics
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    for tool in tools:
        assert tool.result is not None
        m = tool.result.line["all"]
        print(f"{tool.name}: found {m.retrieved}/{evaluator.vulnerabilities()}, "
              f"{m.predicted} findings, P {E._fmt(m.precision)}")
    print(f"wrote {args.out} ({seconds:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
