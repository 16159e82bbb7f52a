"""Evaluate contractml beside Slither on SmartBugs curated; write docs/benchmarks/detection.md.

    .venv/bin/python scripts/evaluate.py [--model DIR] [--ablation DIR] [--oz]
                                         [--out docs/benchmarks/detection.md] [--no-model]

One run: compile SmartBugs curated (caches make this fast), build function graphs with
Slither-detector features, score them with the model (and the ablation model), turn
scores into regions with `contractml.localize` (the scan's rule), map Slither's node-level
detector results onto the taxonomy, and score everything with `datasets.evaluation`.
With `--oz`, also count false findings per 1,000 lines of OpenZeppelin Contracts.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import hashlib
import json
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from datasets import evaluation as ev  # noqa: E402
from datasets.labels import CATEGORIES  # noqa: E402

FLOORS = (0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6,
          0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99)
SLITHER = "Slither (mapped)"


class Tool:
    """One column: predictions on SmartBugs (and OpenZeppelin), maybe a PR sweep."""

    def __init__(self, name: str, sha256: str = "", path: str = "") -> None:
        self.name = name
        self.sha256 = sha256
        self.path = path
        self.preds: dict[str, list[ev.Prediction]] = {}
        self.result: ev.Result | None = None
        self.icse: ev.Result | None = None
        self.curves: dict[str, list[ev.PRPoint]] = {}
        self.oz: dict[str, list[ev.Prediction]] | None = None
        self.detail = ""


def _fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _model_files(path: str | None, scorer: Any) -> tuple[str, str]:
    """The model folder as shown in the report, and its weights' SHA-256."""
    info = getattr(scorer, "info", {}) or {}
    folder = Path(info.get("path") or path or ".")
    digest = str(info.get("sha256", ""))
    weights = folder / "model.safetensors"
    if not digest and weights.is_file():
        digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    try:
        shown = folder.resolve().relative_to(REPO).as_posix()
    except ValueError:
        shown = str(folder)
    return shown, digest or "?"


def _load_scorer(path: str | None) -> Any:
    from contractml.errors import ContractmlError

    try:
        from contractml.model.handle import ModelHandle
    except ImportError as exc:
        raise SystemExit(f"evaluate: error: contractml.model is not available ({exc}); "
                         "use --no-model for Slither alone") from None
    try:
        return ModelHandle(Path(path) if path else None)
    except ContractmlError as exc:
        raise SystemExit(f"evaluate: error: {exc.message}") from None


def _score_model(tool: Tool, scorer: Any, corpus: ev.Corpus, evaluator: ev.Evaluator,
                 sweep: bool = True) -> list[ev.Scores]:
    scores = ev.model_scores(scorer, corpus.graphs)
    tool.preds = ev.predictions(corpus, ev.regions(corpus, scores, ev.thresholds_of(scorer)))
    if sweep:
        tool.curves = evaluator.pr_curve(ev.sweep(corpus, scores, FLOORS))
    return scores


def evidence_split(tool: Tool, scorer: Any, corpus: ev.Corpus, scores: list[ev.Scores],
                   evaluator: ev.Evaluator) -> dict[str, ev.Result]:
    """The model's result under each `--evidence` value: `network`, `rules` and `all`
    (the tool's own predictions), on the same scores."""
    thresholds = ev.thresholds_of(scorer)
    out: dict[str, ev.Result] = {}
    for mode in ("network", "rules"):
        out[mode] = evaluator.evaluate(ev.predictions(corpus, ev.regions(
            corpus, scores, thresholds, evidence=mode)))
    assert tool.result is not None
    out["all"] = tool.result
    return out


def summary_split(split: dict[str, ev.Result]) -> str:
    """One line per evidence mode: found, findings, precision over all categories."""
    return "\n".join(
        f"--evidence {mode}: found {split[mode].line['all'].retrieved}, findings "
        f"{split[mode].line['all'].predicted}, P {_fmt(split[mode].line['all'].precision)}"
        for mode in ("network", "rules", "all"))


def evidence_table(split: dict[str, ev.Result], slither: Tool,
                   evaluator: ev.Evaluator) -> list[str]:
    """Per category at line level: found, findings and precision for `--evidence network`,
    `rules` and `all`, beside Slither's mapped detectors."""
    assert slither.result is not None
    columns = [*((f"--evidence {m}", split[m]) for m in ("network", "rules", "all")),
               (SLITHER, slither.result)]
    head = ["category", "n"] + [f"{name}: {what}" for name, _ in columns
                                for what in ("found", "findings", "P")]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for category in (*CATEGORIES, "all"):
        cells = []
        for _name, result in columns:
            m = result.line[category]
            cells += [str(m.retrieved), str(m.predicted), _fmt(m.precision)]
        n = evaluator.vulnerabilities(None if category == "all" else category)
        label = f"**{category}**" if category == "all" else category
        rows.append("| " + " | ".join([label, str(n), *cells]) + " |")
    return rows


EVIDENCE_NOTE = ("What each evidence source contributes, for the shipped model "
                 "(`contractml scan --evidence network|rules|all`): `network` is the graph "
                 "network alone (the exclusions still apply), `rules` the category "
                 "definitions and Slither's detector rules alone, `all` everything "
                 "(the scan's default; the confirmation of Slither's proposals by the "
                 "network needs both and counts only here).")


# ------------------------------------------------------------------------------ report


def _line_table(tools: Sequence[Tool], evaluator: ev.Evaluator, level: str) -> list[str]:
    head = ["category", "n"]
    for t in tools:
        head += [f"{t.name}: found" if level == "line" else f"{t.name}: files",
                 "findings" if level == "line" else "flagged", "P", "R", "F1"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for category in (*CATEGORIES, "all"):
        cells: list[str] = []
        for t in tools:
            assert t.result is not None
            m = (t.result.line if level == "line" else t.result.contract)[category]
            cells += [str(m.retrieved), str(m.predicted), _fmt(m.precision),
                      _fmt(m.recall), _fmt(m.f1)]
        n = (evaluator.vulnerabilities(None if category == "all" else category)
             if level == "line" else
             (sum(evaluator.labelled_files(c) for c in CATEGORIES) if category == "all"
              else evaluator.labelled_files(category)))
        label = f"**{category}**" if category == "all" else category
        rows.append("| " + " | ".join([label, str(n), *cells]) + " |")
    return rows


def _icse_table(tools: Sequence[Tool], icse: ev.Evaluator) -> list[str]:
    published = ev.PUBLISHED_ICSE2020
    head = (["category", "n (paper)", "n (here)"] + [f"{n} (paper)" for n in
                                                       ev.PUBLISHED_TOOLS]
            + [f"**{t.name}**" for t in tools])
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for category in (*[c for c in CATEGORIES if c in published], "total"):
        n_paper, counts = published[category]
        n_here = (icse.vulnerabilities(None) if category == "total"
                  else icse.vulnerabilities(category))
        ours = []
        for t in tools:
            assert t.icse is not None
            ours.append(str(ev.detections(t.icse)[category]))
        rows.append("| " + " | ".join([category, str(n_paper), str(n_here),
                                        *map(str, counts), *ours]) + " |")
    return rows


def _oz_table(tools: Sequence[Tool], kloc: float) -> list[str]:
    rows = ["| tool | findings | high | medium | low | high / kLOC | medium / kLOC | "
            "low / kLOC | by category |", "|---|---|---|---|---|---|---|---|---|"]
    for t in tools:
        if t.oz is None:
            continue
        counts = ev.severity_counts(t.oz)
        total = sum(counts.values())
        by_cat: dict[str, int] = {}
        for items in t.oz.values():
            for p in items:
                by_cat[p.category] = by_cat.get(p.category, 0) + 1
        cats = ", ".join(f"{c} {n}" for c, n in sorted(by_cat.items(), key=lambda x: -x[1]))
        rows.append(f"| {t.name} | {total} | {counts['high']} | {counts['medium']} | "
                    f"{counts['low']} | {counts['high'] / kloc:.2f} | "
                    f"{counts['medium'] / kloc:.2f} | {counts['low'] / kloc:.2f} | "
                    f"{cats or '–'} |")
    return rows


def _targets(main: Tool | None, slither: Tool, oz_kloc: float | None
             ) -> list[tuple[str, bool | None, str]]:
    if main is None or main.result is None or main.icse is None:
        return []
    assert slither.result is not None
    out: list[tuple[str, bool | None, str]] = []
    lost = [c for c in CATEGORIES if slither.result.line[c].retrieved
            and main.result.line[c].retrieved <= slither.result.line[c].retrieved]
    where = [c for c in CATEGORIES if slither.result.line[c].retrieved]
    detail = "; ".join(f"{c}: {main.result.line[c].retrieved} vs "
                       f"{slither.result.line[c].retrieved}" for c in where)
    out.append(("More labelled vulnerabilities found at line level than Slither, in every "
                "category where Slither finds any", not lost, detail or "Slither finds none"))
    dos = main.result.line["denial-of-service"].retrieved
    rnd = main.result.line["bad-randomness"].retrieved
    out.append(("More than 0 found in denial-of-service and bad-randomness", dos > 0 and rnd > 0,
                f"denial-of-service {dos}, bad-randomness {rnd}"))
    total = ev.detections(main.icse)["total"]
    out.append(("69-contract subset: at least 60 of 115 (all published tools together 48)",
                total >= 60, f"{total}"))
    p, ps = main.result.line["all"].precision, slither.result.line["all"].precision
    out.append(("Line-level precision at least Slither's mapped precision",
                None if p is None or ps is None else p >= ps,
                f"{_fmt(p)} vs {_fmt(ps)}"))
    if oz_kloc is not None and main.oz is not None:
        high = ev.severity_counts(main.oz)["high"] / oz_kloc
        out.append(("At most 1 high-severity finding per 1,000 lines of OpenZeppelin",
                    high <= 1.0, f"{high:.2f} per kLOC"))
    else:
        out.append(("At most 1 high-severity finding per 1,000 lines of OpenZeppelin", None,
                    "not measured (run with --oz)"))
    return out


def _plot(tools: Sequence[Tool], slither: Tool, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(3, 3, figsize=(12, 11))
    for ax, category in zip(axes.flat, CATEGORIES, strict=True):
        for t, style in zip(tools, ("-o", "--s", ":^"), strict=False):
            points = [p for p in t.curves.get(category, []) if p.precision is not None
                      and p.recall is not None]
            color = None
            if points:
                (line,) = ax.plot([p.recall for p in points], [p.precision for p in points],
                                  style, markersize=3, label=t.name)
                color = line.get_color()
            if t.result is not None:
                m = t.result.line[category]
                if m.precision is not None and m.recall is not None:
                    ax.plot([m.recall], [m.precision], "*", color=color or "k",
                            markeredgecolor="k", markersize=12)
        assert slither.result is not None
        m = slither.result.line[category]
        if m.precision is not None and m.recall is not None:
            ax.plot([m.recall], [m.precision], "rX", markersize=9, label=SLITHER)
        n = slither.result.line[category].relevant
        ax.set_title(f"{category} (n = {n})" if n else f"{category} (no labels)")
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.02, 1.02)
        ax.set_xlabel("recall (vulnerabilities found)")
        ax.set_ylabel("precision (findings)")
        ax.grid(alpha=0.3)
        if category == CATEGORIES[0]:
            ax.legend(fontsize=7, loc="lower left")
    fig.suptitle("SmartBugs curated, line level: precision-recall per category "
                 "(curve: score floor swept; star: shipped thresholds; "
                 "red X: Slither mapped)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def _mapping_table() -> list[str]:
    rows = ["| Slither detector | category | why |", "|---|---|---|"]
    for argument, (category, why) in sorted(ev.SLITHER_MAPPING.items(),
                                            key=lambda kv: (CATEGORIES.index(kv[1][0]),
                                                            kv[0])):
        rows.append(f"| `{argument}` | {category} | {why} |")
    rows += ["", "Left out on purpose:", "", "| Slither detector | why not |", "|---|---|"]
    for argument, why in sorted(ev.SLITHER_LEFT_OUT.items()):
        rows.append(f"| `{argument}` | {why} |")
    return rows


def _curve_table(tool: Tool) -> list[str]:
    points = tool.curves.get("all", [])
    if not points:
        return []
    rows = ["| floor | findings | found | P | R |", "|---|---|---|---|---|"]
    for p in points:
        if p.floor in (0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.99):
            rows.append(f"| {p.floor} | {p.findings} | {p.found} | {_fmt(p.precision)} | "
                        f"{_fmt(p.recall)} |")
    return rows


def render(command: str, tools: Sequence[Tool], slither: Tool, evaluator: ev.Evaluator,
           icse: ev.Evaluator, corpus: ev.Corpus, oz: tuple[int, float, int] | None,
           plot: str | None, seconds: float, consistency: str = "",
           oz_failures: dict[str, str] | None = None,
           split: dict[str, ev.Result] | None = None) -> str:
    main = next((t for t in tools if t.name == "contractml"), None)
    targets = _targets(main, slither, oz[1] / 1000 if oz else None)
    lines = [
        "# Detection: contractml beside Slither on SmartBugs curated",
        "",
        f"Command: `{command}`  ",
        f"Date: {datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%d %H:%M UTC')}; "
        f"{seconds:.0f} s wall on a 2-core machine.  ",
    ]
    for t in tools:
        if t.sha256:
            lines.append(f"{t.name}: `{t.path}` ({t.detail}), weights sha256 `{t.sha256}`.  ")
    if main is None:
        lines += ["", "**No model was evaluated in this run: only Slither's column.**"]
    lines += [
        "",
        f"SmartBugs curated ({len(corpus.files)} files, {evaluator.vulnerabilities()} "
        f"labelled vulnerabilities in the taxonomy; never trained, tuned or selected on); "
        f"{len(corpus.failures)} files failed to compile and count as found nothing"
        + (": " + ", ".join(sorted(corpus.failures)) if corpus.failures else "") + ".",
        "",
        "## How it is measured",
        "",
        "- Findings come from `contractml.localize` exactly as `contractml scan` makes them: "
        "statements at or above their category's node threshold in a function at or above "
        "its function threshold (0 for a model whose JSON says `function_gate: false`, as "
        "the shipped one does), plus statements where one of the model's detector rules "
        "fires (`contractml.detector_rules`, when the model has any), plus statements that "
        "a detector mapped to a category reports (table below) and the network scores at "
        "least the model's confirmation fraction of that category's node threshold "
        "(`detector_confirm`, when the model has it), grouped into regions "
        "of at most 10 lines, deduplicated (`contractml.fusion`, the scan's own step); "
        "what an exclusion definition rules out is never a finding (an unchecked-call "
        "whose result is handled, i.e. checked, returned, stored, emitted or passed on; "
        "arithmetic that cannot wrap), and what an include definition names always is "
        "(`contractml/definitions/`, listed by `contractml rules`: e.g. a delegatecall to "
        "a caller-chosen target, a rewrite of a variable the sender checks read in a "
        "function that checks no sender, a timestamp window of seconds, a number made "
        "from a hash of block values). "
        "Graphs are the test split's function graphs (`function_graphs([record], "
        "with_detectors=True)` per file, as `datasets/build.py` makes them; "
        f"{consistency}), each read against its own file's records and definitions, as "
        "the scan reads them (function ids are unique within one compilation only).",
        "- Slither (mapped): the same run's records; a statement is a Slither finding of a "
        "category when one of the detectors mapped to it (table below) reported that "
        "statement (its `detector:<argument>` feature is on), grouped into regions by the "
        "same `localize` rule, score 1.0. Only node-level results reach the records: "
        "detectors that report a whole function or contract only (e.g. `suicidal`) add "
        "nothing at line level.",
        "- Line level: a finding is true when its region, widened by 1 line each side, "
        "holds a labelled line of its category. Precision = true findings / findings. "
        "A *labelled vulnerability* is one entry of `vulnerabilities.json` (most list one "
        "line; a few list 2-5); it is found when any of its lines is matched by a finding "
        "of its category. Recall = found / labelled vulnerabilities. `all` sums over "
        "categories.",
        "- Contract level: a file is flagged for a category when it holds a finding of that "
        "category; true when the file is labelled for it. Precision = labelled files "
        "flagged / files flagged; recall = labelled files flagged / labelled files.",
        "",
        "## Targets (issue #5)",
        "",
    ]
    if targets:
        lines += ["| target | result | measured |", "|---|---|---|"]
        for text, met, detail in targets:
            verdict = "not measured" if met is None else ("**met**" if met else "**not met**")
            lines.append(f"| {text} | {verdict} | {detail} |")
    else:
        lines.append("Not assessed: no model in this run.")
    lines += ["", "## Line level, per category", "",
              "`found` = labelled vulnerabilities found (of n); `findings` = regions reported.",
              "", *_line_table(tools, evaluator, "line"), "",
              "Findings over 10 lines (a single statement longer than 10 lines; counted as "
              "findings that are never true): " + ", ".join(
                  f"{t.name} {t.result.line['all'].rejected}" for t in tools
                  if t.result is not None) + ".",
              ]
    if split:
        lines += ["", "## Evidence sources, per category", "", EVIDENCE_NOTE, "",
                  *evidence_table(split, slither, evaluator)]
    lines += ["", "## Contract (file) level, per category", "",
              "`files` = labelled files flagged (of n labelled files); `flagged` = files with "
              "a finding of the category; `all` sums (file, category) pairs.", "",
              *_line_table(tools, evaluator, "contract"),
              "", "## The ICSE 2020 subset (69 contracts)", "",
              "Labelled vulnerabilities found per category on the 69 contracts of "
              "`ICSE2020_curated_69.txt`, counted as the published table counts them (a "
              "vulnerability is detected when a finding of its category is at its line), "
              "beside Durieux et al.'s numbers (../../../shared/docs/anchors.md). `n (here)` "
              "counts `vulnerabilities.json` at the pinned commit, where "
              "FibonacciBalance.sol moved to access_control and some labels changed since "
              "the paper; the paper's total (115) also counts 4 vulnerabilities in "
              "`other`/`short_addresses`, which the taxonomy leaves out (3 of Slither's 20 "
              "published detections are there). Slither (mapped) is Slither 0.11.6 through the "
              "mapping below; the paper ran a 2019 Slither through SmartBugs' own mapping.",
              "", *_icse_table(tools, icse)]
    if oz:
        files, lines_of_code, failed = oz
        lines += ["", "## False findings on OpenZeppelin Contracts", "",
                  f"`@openzeppelin/contracts@{_oz_version()}` from npm, {files} non-mock "
                  f".sol files ({failed or 'none'} not analysed"
                  + (": " + "; ".join(f"{k}: {v}" for k, v in sorted(oz_failures.items()))
                     if oz_failures else "")
                  + f"), {lines_of_code:,} lines of code in the analysed files (non-blank, "
                  "non-comment). Treated as clean: every finding counts as false. Severity "
                  "per category as in taxonomy.md.", "", *_oz_table(tools, lines_of_code / 1000)]
    if plot:
        lines += ["", "## Precision-recall per category", "",
                  "Each curve point is a full run of the region rule with every statement "
                  "scoring at least the floor as a candidate (no function gate); the star "
                  "is the shipped thresholds (node and function gate).", "",
                  f"![precision-recall per category]({plot})", "",
                  f"Every point per category: `{Path(plot).with_suffix('.json').name}`.", ""]
        for t in tools:
            rises = sorted({c for c, pts in t.curves.items()
                            for a, b in zip(pts, pts[1:], strict=False) if b.found > a.found})
            if t.curves:
                lines += [f"{t.name}: recall never rises with the floor"
                          if not rises else
                          f"{t.name}: recall rises with the floor somewhere in "
                          f"{', '.join(rises)} (fewer candidates can merge into a region that "
                          "reaches a labelled line).", ""]
            table = _curve_table(t)
            if table:
                lines += [f"{t.name}, all categories:", "", *table, ""]
    lines += ["", "## Slither detectors mapped to the taxonomy", "",
              "Slither 0.11.6. Written for this evaluation from the detector arguments in "
              "`contractml.graph.schema.DETECTORS`. Slither has no detector for integer "
              "overflow (arithmetic) or transaction-order dependence (front-running): "
              "its columns there are empty by construction, as in the published table.", "",
              *_mapping_table(), ""]
    return "\n".join(lines)


def store_check(corpus: ev.Corpus) -> str:
    """Whether the graphs evaluated here are the dataset's `test` store (same features)."""
    from datasets import store
    from datasets.build import default_out

    path = default_out() / "test"
    if not path.with_suffix(".json").is_file():
        return "no test store to compare with"
    stored = store.load(path)
    if len(stored) != len(corpus.graphs):
        return f"differ: {len(stored)} graphs in the test store, {len(corpus.graphs)} here"
    key = [(str(g.source_id), g.functions[0]) for g in stored]
    mine = [(str(g.source_id), g.functions[0]) for g in corpus.graphs]
    if sorted(key) != sorted(mine):
        return "differ: other functions than the test store"
    by_key = {k: g for k, g in zip(mine, corpus.graphs, strict=True)}
    same = sum(1 for k, g in zip(key, stored, strict=True)
               if g.x.shape == by_key[k].x.shape and bool((g.x == by_key[k].x).all()))
    return (f"identical to the test store ({same} of {len(stored)} graphs, features "
            "compared)" if same == len(stored)
            else f"{len(stored) - same} of {len(stored)} graphs have other features than in "
            "the test store the models were trained beside: the front end changed after the "
            "store was built, and this evaluation uses today's graphs, as a scan would")


def _oz_version() -> str:
    from datasets.corpora import OPENZEPPELIN_VERSION

    return OPENZEPPELIN_VERSION


def summary(tools: Sequence[Tool]) -> str:
    out = []
    for t in tools:
        assert t.result is not None and t.icse is not None
        m = t.result.line["all"]
        parts = [f"{t.name:26s} line P {_fmt(m.precision)} R {_fmt(m.recall)} "
                 f"F1 {_fmt(m.f1)} ({m.retrieved}/{m.relevant} found, {m.predicted} "
                 f"findings); ICSE69 {ev.detections(t.icse)['total']}"]
        per = " ".join(f"{c[:6]}:{t.result.line[c].retrieved}" for c in CATEGORIES)
        parts.append(f"  {per}")
        if t.oz is not None:
            parts.append(f"  OZ {ev.severity_counts(t.oz)}")
        out.append("\n".join(parts))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None,
                        help="model folder (default: the shipped contractml/model/default)")
    parser.add_argument("--ablation", default=None,
                        help="a second model folder, e.g. trained without detector features")
    parser.add_argument("--no-model", action="store_true",
                        help="evaluate Slither (mapped) alone")
    parser.add_argument("--oz", action="store_true",
                        help="also count false findings on OpenZeppelin Contracts")
    parser.add_argument("--out", type=Path, default=REPO / "docs/benchmarks/detection.md")
    args = parser.parse_args(argv)
    command = "python scripts/evaluate.py " + " ".join(shlex.quote(a) for a in
                                                       (argv if argv is not None
                                                        else sys.argv[1:]))
    started = time.perf_counter()

    evaluator = ev.Evaluator(ev.smartbugs_truth())
    icse = evaluator.subset(ev.icse2020_subset())
    corpus = ev.smartbugs_corpus()
    consistency = store_check(corpus)
    print(f"smartbugs: {len(corpus.graphs)} graphs, {len(corpus.failures)} failed, "
          f"{consistency} ({time.perf_counter() - started:.0f}s)", file=sys.stderr)

    slither = Tool(SLITHER)
    slither_scores = ev.apply(ev.slither_scores, corpus.graphs)
    slither.preds = ev.predictions(corpus, ev.regions(corpus, slither_scores, None, floor=0.5,
                                                     definitions=False))

    models: list[tuple[Tool, Any]] = []
    main_scores: list[ev.Scores] = []
    if not args.no_model:
        scorer = _load_scorer(args.model)
        shown, digest = _model_files(args.model, scorer)
        models.append((Tool("contractml", digest, shown), scorer))
        if args.ablation:
            scorer = _load_scorer(args.ablation)
            shown, digest = _model_files(args.ablation, scorer)
            name = ("ablation: with detectors" if scorer.with_detectors
                    else "ablation: no detectors")
            models.append((Tool(name, digest, shown), scorer))
    for tool, scorer in models:
        info = getattr(scorer, "info", {}) or {}
        rules = getattr(scorer, "detector_rules", None) or {}
        confirm = getattr(scorer, "detector_confirm", None)
        tool.detail = (f"{info.get('name', '?')}, "
                       f"{'with' if scorer.with_detectors else 'without'} detector features, "
                       f"{len(rules)} detector rules, " + (
                           f"mapped detectors confirmed at {confirm.fraction:g} x the node "
                           "thresholds" if confirm is not None else "no confirmation"))
        scored = _score_model(tool, scorer, corpus, evaluator)
        if tool is models[0][0]:
            main_scores = scored
        print(f"{tool.name}: scored ({time.perf_counter() - started:.0f}s)", file=sys.stderr)

    tools = [t for t, _ in models] + [slither]
    for t in tools:
        t.result = evaluator.evaluate(t.preds)
        t.icse = icse.evaluate(icse.restrict(t.preds))
    split = None
    if models:
        tool, scorer = models[0]
        split = evidence_split(tool, scorer, corpus, main_scores, evaluator)
        print(summary_split(split), file=sys.stderr)

    oz_info = None
    oz_failures: dict[str, str] = {}
    if args.oz:
        oz = ev.openzeppelin_corpus()
        loc = sum(ev.code_lines(oz.paths[f]) for f in oz.files if f not in oz.failures)
        oz_info = (len(oz.files), loc, len(oz.failures))
        oz_failures = oz.failures
        oz_slither = ev.apply(ev.slither_scores, oz.graphs)
        slither.oz = ev.predictions(oz, ev.regions(oz, oz_slither, None, floor=0.5,
                                                       definitions=False))
        for tool, scorer in models:
            scores = ev.model_scores(scorer, oz.graphs)
            tool.oz = ev.predictions(oz, ev.regions(oz, scores, ev.thresholds_of(scorer)))
        print(f"openzeppelin: {len(oz.graphs)} graphs, {loc} lines "
              f"({time.perf_counter() - started:.0f}s)", file=sys.stderr)

    plot = None
    if models:
        png = args.out.parent / "detection-pr.png"
        args.out.parent.mkdir(parents=True, exist_ok=True)
        _plot([t for t, _ in models], slither, png)
        plot = png.name
        curves = {t.name: {c: [dataclasses.asdict(p) for p in pts]
                           for c, pts in t.curves.items()} for t, _ in models}
        png.with_suffix(".json").write_text(json.dumps(curves, indent=1) + "\n",
                                            encoding="utf-8")
    seconds = time.perf_counter() - started
    text = render(command, tools, slither, evaluator, icse, corpus, oz_info, plot, seconds,
                  consistency, oz_failures, split)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(summary(tools))
    main_tool = next((t for t, _ in models), None)
    for text_, met, detail in _targets(main_tool, slither,
                                       oz_info[1] / 1000 if oz_info else None):
        verdict = "n/a" if met is None else ("MET" if met else "NOT MET")
        print(f"[{verdict}] {text_}: {detail}")
    print(f"wrote {args.out} ({seconds:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
