"""One evaluator for every script: findings (regions of lines) against labelled lines.

Ground truth is `file id -> category -> labelled vulnerabilities`, each vulnerability a
set of lines (a bare int is a one-line vulnerability). For SmartBugs curated
(`smartbugs_truth`) one entry of `vulnerabilities.json` is one vulnerability, whatever
the number of lines it lists. Predictions are `file id -> [Prediction]`, each a region of
at most `MAX_REGION_LINES` lines of one category with a score.

Line level (per category, and `all` = summed over categories):
- a finding is true when its region, widened by `tolerance` (1) line on each side,
  contains a labelled line of its own category in its file;
- precision = true findings / findings;
- recall = labelled vulnerabilities found / labelled vulnerabilities, a vulnerability
  being found when a finding of its category matches (as above) any one of its lines.
Contract (file) level: a file is flagged for a category when it holds a finding of that
category; precision = labelled files flagged / files flagged, recall = labelled files
flagged / labelled files.

A region longer than `MAX_REGION_LINES` lines is rejected: it still counts as a finding
(the user sees it) but is never true and finds nothing (`Metrics.rejected` counts them).
Inputs are checked: unknown files or categories, empty or reversed regions and scores
outside [0, 1] raise `EvaluationError`.

Also here: the mapping of Slither's detectors onto the taxonomy (`SLITHER_MAPPING`), the
published ICSE 2020 table, and the glue that turns compiled corpora and node scores into
predictions through `contractml.fusion` (the same step as `contractml scan`). The
evaluator itself needs neither torch nor Slither; the glue imports them lazily.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from contractml import detector_rules
from contractml.definitions import Definitions
from contractml.fusion import DetectorEvidence, fuse
from contractml.localize import MAX_REGION_LINES, Region, Thresholds, dedupe
from datasets.labels import CATEGORIES, SMARTBUGS_FOLDERS

if TYPE_CHECKING:
    from contractml.graph.builder import CodeGraph
    from contractml.records import FileRecord, FunctionRecord, NodeRecord

#: Default severity per category (../shared/docs/taxonomy.md).
SEVERITY: dict[str, str] = {
    "reentrancy": "high", "access-control": "high", "unsafe-delegatecall": "high",
    "arithmetic": "high", "unchecked-call": "medium", "denial-of-service": "medium",
    "bad-randomness": "medium", "front-running": "medium", "time-manipulation": "low",
}

# --------------------------------------------------------------------------------------
# Slither's detectors on the taxonomy
# --------------------------------------------------------------------------------------

#: Slither detector ARGUMENT -> (category, why): `contractml.detector_rules`'s map, which the
#: scan's confirmation rule also uses.
SLITHER_MAPPING = detector_rules.SLITHER_MAPPING

#: Detectors that look related but are left out, and why (for the report).
SLITHER_LEFT_OUT: dict[str, str] = {
    "msg-value-loop": "msg.value reused in a loop credits ether twice: a logic error, "
                      "not denial of service",
    "divide-before-multiply": "precision loss, not overflow/underflow (arithmetic is "
                              "SWC-101 only)",
    "incorrect-shift": "shift operands swapped in assembly: an operator mistake, not "
                       "overflow",
    "incorrect-exp": "`^` written for `**`: an operator mistake, not overflow",
    "unchecked-transfer": "an ignored ERC-20 `transfer` result is not a low-level call",
    "unused-return": "ignored results of ordinary external calls, not low-level calls",
    "low-level-calls": "informational: flags every low-level call, checked or not",
    "incorrect-equality": "strict equality on balances/timestamps; no single category",
    "gelato-unprotected-randomness": "Gelato VRF request without access control; no "
                                     "SmartBugs analogue",
    "backdoor": "Slither's example detector: it matches a function *name*",
    "uninitialized-storage": "SmartBugs files it under `other`, outside the taxonomy",
    "locked-ether": "contract-level result only",
}
# Slither has no detector for arithmetic overflow or for front-running (transaction
# order dependence): those columns are empty for Slither by construction.


def slither_categories() -> dict[str, list[str]]:
    """category -> mapped detector arguments."""
    out: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for argument, (category, _why) in SLITHER_MAPPING.items():
        out[category].append(argument)
    return out


# --------------------------------------------------------------------------------------
# The evaluator
# --------------------------------------------------------------------------------------


class EvaluationError(ValueError):
    """Ground truth or predictions the evaluator refuses."""


@dataclass(frozen=True)
class Prediction:
    """One finding: a region of lines of one category in one file."""

    category: str
    start_line: int
    end_line: int
    score: float = 1.0


@dataclass(frozen=True)
class Metrics:
    """Counts behind precision and recall.

    `predicted`: findings (line level) or files flagged (contract level); `correct`: the
    true ones among them; `relevant`: labelled vulnerabilities or labelled files;
    `retrieved`: those found.
    """

    predicted: int
    correct: int
    relevant: int
    retrieved: int
    rejected: int = 0  # line level: findings longer than the evaluator's max_lines

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.retrieved / self.relevant if self.relevant else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Metrics) -> Metrics:
        return Metrics(self.predicted + other.predicted, self.correct + other.correct,
                       self.relevant + other.relevant, self.retrieved + other.retrieved,
                       self.rejected + other.rejected)


@dataclass(frozen=True)
class Result:
    """Per category (and `all`): line-level and contract-level metrics."""

    line: dict[str, Metrics]
    contract: dict[str, Metrics]
    #: (file id, category, index of the vulnerability in the file's list) found
    found: frozenset[tuple[str, str, int]] = field(default_factory=frozenset)


@dataclass(frozen=True)
class PRPoint:
    floor: float
    precision: float | None
    recall: float | None
    findings: int
    found: int


class Evaluator:
    """Scores predictions against labelled vulnerabilities (see the module docstring)."""

    def __init__(self, truth: Mapping[str, Mapping[str, Iterable[int | Iterable[int]]]],
                 categories: Sequence[str] = CATEGORIES, tolerance: int = 1,
                 max_lines: int = MAX_REGION_LINES) -> None:
        if tolerance < 0 or max_lines < 1:
            raise EvaluationError("tolerance must be >= 0 and max_lines >= 1")
        self.categories = tuple(categories)
        self.tolerance = tolerance
        self.max_lines = max_lines
        self._truth: dict[str, dict[str, tuple[frozenset[int], ...]]] = {}
        for file_id, by_category in truth.items():
            if not isinstance(file_id, str) or not file_id:
                raise EvaluationError(f"file ids must be non-empty strings, got {file_id!r}")
            checked: dict[str, tuple[frozenset[int], ...]] = {}
            for category, entries in by_category.items():
                self._check_category(category, f"ground truth of {file_id}")
                vulnerabilities = []
                for entry in entries:
                    lines = frozenset([entry] if isinstance(entry, int) else entry)
                    if not lines or not all(isinstance(v, int) and not isinstance(v, bool)
                                            and v >= 1 for v in lines):
                        raise EvaluationError(
                            f"{file_id} {category}: a vulnerability needs one or more "
                            f"line numbers >= 1, got {entry!r}")
                    vulnerabilities.append(lines)
                if vulnerabilities:
                    checked[category] = tuple(vulnerabilities)
            self._truth[file_id] = checked
        self._lines = {f: {c: frozenset().union(*v) for c, v in cats.items()}
                       for f, cats in self._truth.items()}

    # -- ground truth ------------------------------------------------------------------
    @property
    def files(self) -> tuple[str, ...]:
        return tuple(self._truth)

    def vulnerabilities(self, category: str | None = None) -> int:
        return sum(len(v) for cats in self._truth.values() for c, v in cats.items()
                   if category is None or c == category)

    def labelled_files(self, category: str) -> int:
        return sum(1 for cats in self._truth.values() if category in cats)

    def subset(self, files: Iterable[str]) -> Evaluator:
        """The same evaluator over some of its files only."""
        wanted = list(files)
        unknown = [f for f in wanted if f not in self._truth]
        if unknown:
            raise EvaluationError(f"subset names files without ground truth: {unknown[:3]}")
        truth = {f: {c: [sorted(v) for v in vs] for c, vs in self._truth[f].items()}
                 for f in wanted}
        return Evaluator(truth, self.categories, self.tolerance, self.max_lines)

    def restrict(self, predictions: Mapping[str, Sequence[Prediction]]
                 ) -> dict[str, list[Prediction]]:
        """The predictions for this evaluator's files (others dropped)."""
        return {f: list(p) for f, p in predictions.items() if f in self._truth}

    # -- evaluation --------------------------------------------------------------------
    def _covers(self, p: Prediction, lines: Iterable[int]) -> bool:
        """The prediction's region, widened by the tolerance, holds one of `lines`."""
        return any(p.start_line - self.tolerance <= v <= p.end_line + self.tolerance
                   for v in lines)

    def is_true(self, file_id: str, p: Prediction) -> bool:
        """A finding that counts as true: at most `max_lines` long and covering a
        labelled line of its category."""
        return (p.end_line - p.start_line < self.max_lines
                and self._covers(p, self._lines[file_id].get(p.category, frozenset())))

    def evaluate(self, predictions: Mapping[str, Sequence[Prediction]]) -> Result:
        self._check_predictions(predictions)
        line: dict[str, Metrics] = {}
        contract: dict[str, Metrics] = {}
        found: set[tuple[str, str, int]] = set()
        for category in self.categories:
            findings = correct = rejected = 0
            flagged = flagged_labelled = 0
            for file_id, vulnerabilities_by_cat in self._truth.items():
                every = [p for p in predictions.get(file_id, ()) if p.category == category]
                mine = [p for p in every if p.end_line - p.start_line < self.max_lines]
                vulnerabilities = vulnerabilities_by_cat.get(category, ())
                findings += len(every)
                rejected += len(every) - len(mine)
                correct += sum(self.is_true(file_id, p) for p in mine)
                for k, lines in enumerate(vulnerabilities):
                    if any(self._covers(p, lines) for p in mine):
                        found.add((file_id, category, k))
                if every:
                    flagged += 1
                    flagged_labelled += bool(vulnerabilities)
            retrieved = sum(1 for f in found if f[1] == category)
            line[category] = Metrics(findings, correct, self.vulnerabilities(category),
                                     retrieved, rejected)
            contract[category] = Metrics(flagged, flagged_labelled,
                                         self.labelled_files(category), flagged_labelled)
        line["all"] = sum((line[c] for c in self.categories), Metrics(0, 0, 0, 0))
        contract["all"] = sum((contract[c] for c in self.categories), Metrics(0, 0, 0, 0))
        return Result(line=line, contract=contract, found=frozenset(found))

    def pr_curve(self, predictions_at: Mapping[float, Mapping[str, Sequence[Prediction]]]
                 ) -> dict[str, list[PRPoint]]:
        """Line-level precision/recall per category (and `all`) at each score floor, from
        the predictions made at that floor; points in increasing floor order."""
        curves: dict[str, list[PRPoint]] = {c: [] for c in (*self.categories, "all")}
        for floor in sorted(predictions_at):
            result = self.evaluate(predictions_at[floor])
            for category, m in result.line.items():
                curves[category].append(PRPoint(floor, m.precision, m.recall, m.predicted,
                                                m.retrieved))
        return curves

    # -- checks ------------------------------------------------------------------------
    def _check_category(self, category: object, where: str) -> None:
        if category not in self.categories:
            raise EvaluationError(f"{where}: unknown category {category!r} (expected one "
                                  f"of {', '.join(self.categories)})")

    def _check_predictions(self, predictions: Mapping[str, Sequence[Prediction]]) -> None:
        for file_id, items in predictions.items():
            if file_id not in self._truth:
                raise EvaluationError(f"predictions for {file_id!r}, a file without ground "
                                      "truth (every evaluated file needs an entry, even "
                                      "an empty one)")
            for p in items:
                if not isinstance(p, Prediction):
                    raise EvaluationError(f"{file_id}: expected Prediction, got {p!r}")
                self._check_category(p.category, f"prediction in {file_id}")
                if not (isinstance(p.start_line, int) and isinstance(p.end_line, int)
                        and 1 <= p.start_line <= p.end_line):
                    raise EvaluationError(f"{file_id}: bad region {p.start_line}-"
                                          f"{p.end_line}")
                if not (isinstance(p.score, (int, float)) and math.isfinite(p.score)
                        and 0.0 <= p.score <= 1.0):
                    raise EvaluationError(f"{file_id}: score {p.score!r} outside [0, 1]")


# --------------------------------------------------------------------------------------
# SmartBugs curated and the published ICSE 2020 table
# --------------------------------------------------------------------------------------


def smartbugs_id(relative: str) -> str:
    """File id of a SmartBugs path such as `dataset/reentrancy/x.sol` (as
    `datasets.smartbugs.load` names it)."""
    return f"smartbugs/{relative}"


def smartbugs_truth(root: Path | None = None) -> dict[str, dict[str, list[list[int]]]]:
    """Every SmartBugs curated file (labelled or not) -> category -> vulnerabilities; one
    entry of `vulnerabilities.json` is one vulnerability. `short_addresses` and `other`
    have no category and are left out."""
    from datasets.corpora import smartbugs_curated

    root = root or smartbugs_curated()
    entries = json.loads((root / "vulnerabilities.json").read_text(encoding="utf-8"))
    by_path = {entry["path"]: entry for entry in entries}
    truth: dict[str, dict[str, list[list[int]]]] = {}
    for path in sorted((root / "dataset").rglob("*.sol")):
        relative = path.relative_to(root).as_posix()
        labels: dict[str, list[list[int]]] = {}
        for vulnerability in by_path.get(relative, {}).get("vulnerabilities", []):
            category = SMARTBUGS_FOLDERS.get(vulnerability["category"])
            if category:
                labels.setdefault(category, []).append(sorted(vulnerability["lines"]))
        truth[smartbugs_id(relative)] = labels
    return truth


def icse2020_subset(root: Path | None = None) -> list[str]:
    """File ids of the 69 contracts of `ICSE2020_curated_69.txt` (a moved file is taken
    at its new place)."""
    from datasets.corpora import smartbugs_curated

    root = root or smartbugs_curated()
    ids = []
    for raw in (root / "ICSE2020_curated_69.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line.startswith("./"):
            continue
        moved = re.search(r"\[MOVED TO:\s*\./(\S+?)\s*\]", line)
        relative = f"dataset/{moved.group(1)}" if moved else line[2:].split()[0]
        ids.append(smartbugs_id(relative))
    return ids


#: Durieux et al., ICSE 2020, on the 69 contracts (../shared/docs/anchors.md): category
#: -> (n, {tool: vulnerabilities detected}). `total` includes SmartBugs' `other` and
#: `short_addresses` (4 vulnerabilities) that the taxonomy leaves out.
PUBLISHED_TOOLS: tuple[str, ...] = ("Mythril", "Slither", "Oyente", "Osiris", "Securify",
                                    "SmartCheck", "Manticore", "all tools")
PUBLISHED_ICSE2020: dict[str, tuple[int, tuple[int, ...]]] = {
    "access-control": (19, (4, 4, 0, 0, 0, 2, 4, 5)),
    "arithmetic": (22, (15, 0, 12, 11, 0, 1, 4, 19)),
    "denial-of-service": (7, (0, 0, 0, 0, 0, 0, 0, 0)),
    "front-running": (7, (2, 0, 0, 0, 2, 0, 0, 2)),
    "reentrancy": (8, (5, 7, 5, 5, 5, 5, 2, 7)),
    "time-manipulation": (5, (0, 2, 0, 0, 0, 1, 1, 3)),
    "unchecked-call": (12, (5, 4, 0, 0, 3, 4, 2, 9)),
    "bad-randomness": (31, (0, 0, 0, 0, 0, 0, 0, 0)),
    "total": (115, (31, 20, 17, 16, 10, 13, 13, 48)),
}


def detections(result: Result, categories: Sequence[str] = CATEGORIES) -> dict[str, int]:
    """Labelled vulnerabilities found per category (the published table's count), with
    `total`."""
    out = {c: result.line[c].retrieved for c in categories}
    out["total"] = sum(out.values())
    return out


# --------------------------------------------------------------------------------------
# Corpora -> graphs -> node scores -> regions -> predictions (lazy torch/Slither imports)
# --------------------------------------------------------------------------------------

NodeIndex = dict[tuple[str, int], tuple["FunctionRecord", "NodeRecord"]]


@dataclass
class Corpus:
    """Compiled files as function graphs, with what `fusion` needs."""

    name: str
    files: list[str]  # file ids evaluated (compiled or not)
    graphs: list[CodeGraph]
    #: file id -> the nodes of that file's record (`analysis.context.node_index`), which its
    #: graphs (`source_id`) are read against, as `contractml scan` reads each file against
    #: its own record: function ids are unique within one compilation only (two
    #: SmartBugs files, compiled apart, may both declare
    #: `Ownable.transferOwnership(address)`).
    nodes: dict[str, NodeIndex]
    #: region/span file (relative to the build root) -> file id
    file_ids: dict[str, str]
    failures: dict[str, str] = field(default_factory=dict)  # file id -> reason
    paths: dict[str, Path] = field(default_factory=dict)  # file id -> source path
    #: file id -> its record's `context` (what it calls or inherits from other files)
    context: dict[str, tuple[FunctionRecord, ...]] = field(default_factory=dict)

    def add_file(self, file_id: str, record: FileRecord) -> None:
        """One file's graphs (from its own record, as the scan makes them) and nodes."""
        from contractml.analysis.context import node_index
        from contractml.graph.builder import function_graphs

        for graph in function_graphs([record], with_detectors=True):
            graph.source_id = file_id
            self.graphs.append(graph)
        self.nodes[file_id] = node_index([record])
        self.context[file_id] = record.context
        self.file_ids[record.file] = file_id

    def nodes_of(self, graph: CodeGraph) -> NodeIndex:
        """The nodes a graph's function ids refer to: its own file's."""
        return self.nodes[graph.source_id]  # type: ignore[attr-defined]


def _compile(paths: Sequence[Path]) -> dict[Path, FileRecord | str]:
    from contractml.compile.backends import default_cache_dir
    from contractml.compile.driver import CompileOptions
    from contractml.compile.project import discover
    from contractml.pipeline import build

    result = build(discover([str(p) for p in paths]),
                   CompileOptions(cache_dir=default_cache_dir()), detectors=True)
    out: dict[Path, FileRecord | str] = {}
    for report in result.files:
        out[report.outcome.path.resolve()] = (report.record if report.record is not None
                                              else f"{report.stage}: {report.error}")
    return out


def smartbugs_corpus() -> Corpus:
    """SmartBugs curated, one file at a time as `datasets.build` makes the test split:
    `function_graphs([record], with_detectors=True)`."""
    from datasets import smartbugs

    return _per_file_corpus("smartbugs", [(f.id, f.path) for f in smartbugs.load()])


def _per_file_corpus(name: str, files: Sequence[tuple[str, Path]]) -> Corpus:
    """(file id, path) pairs compiled together, each file's graphs from its own record."""
    from contractml.records import FileRecord

    compiled = _compile([path for _, path in files])
    corpus = Corpus(name, [file_id for file_id, _ in files], [], {}, {})
    for file_id, path in files:
        corpus.paths[file_id] = path
        record = compiled.get(path.resolve())
        if not isinstance(record, FileRecord):
            corpus.failures[file_id] = record or "not compiled"
            continue
        if not file_id.endswith("/" + record.file) and file_id != record.file:
            corpus.failures[file_id] = f"the front end returned the record of {record.file}"
            continue
        corpus.add_file(file_id, record)
    return corpus


# --------------------------------------------------------------------------------------
# The project's own hand-labelled development set (datasets/devset/)
# --------------------------------------------------------------------------------------

DEVSET = Path(__file__).resolve().parent / "devset"


def devset_truth(root: Path = DEVSET) -> dict[str, dict[str, list[list[int]]]]:
    """`labels.json` of the development set: file id (its path there) -> category ->
    vulnerabilities (lists of lines); every file has an entry, clean ones empty."""
    entries = json.loads((root / "labels.json").read_text(encoding="utf-8"))
    truth: dict[str, dict[str, list[list[int]]]] = {}
    for entry in entries:
        labels: dict[str, list[list[int]]] = {}
        for vulnerability in entry["vulnerabilities"]:
            labels.setdefault(vulnerability["category"], []).append(
                sorted(vulnerability["lines"]))
        truth[entry["path"]] = labels
    return truth


def devset_corpus(root: Path = DEVSET) -> Corpus:
    """The development set, each file's graphs from its own record (as SmartBugs)."""
    return _per_file_corpus("devset", [(file_id, root / file_id)
                                       for file_id in devset_truth(root)])


def handwritten_truth() -> dict[str, dict[str, list[list[int]]]]:
    """The hand-written contracts (`datasets/handwritten/`) in the development set's
    shape: file id (`pN/X.sol`) -> category -> vulnerabilities. A second realistic set
    for a model that was not trained on them (they are opt-in training data)."""
    from datasets.handwritten import ROOT, load

    return {f.path.relative_to(ROOT).as_posix(): {c: [sorted(lines)]
                                                   for c, lines in f.labels.items()}
            for f in load()}


def handwritten_corpus() -> Corpus:
    """The hand-written contracts, each file's graphs from its own record."""
    from datasets.handwritten import ROOT

    return _per_file_corpus("handwritten", [(file_id, ROOT / file_id)
                                            for file_id in handwritten_truth()])


def openzeppelin_corpus() -> Corpus:
    """OpenZeppelin Contracts (pinned npm version), non-mock files, compiled together;
    each file's graphs and definitions from its own record, as `contractml scan` makes
    them (`Corpus.add_file`)."""
    from contractml.records import FileRecord
    from datasets.corpora import openzeppelin, openzeppelin_files

    root = openzeppelin()
    paths = openzeppelin_files()
    compiled = _compile(paths)
    corpus = Corpus("openzeppelin", [], [], {}, {})
    for path in paths:
        file_id = path.relative_to(root).as_posix()
        corpus.files.append(file_id)
        corpus.paths[file_id] = path
        record = compiled.get(path.resolve())
        if not isinstance(record, FileRecord):
            corpus.failures[file_id] = record or "not compiled"
            continue
        if record.file != file_id:  # each file's own record, each once
            corpus.failures[file_id] = f"the front end returned the record of {record.file}"
            continue
        corpus.add_file(file_id, record)
    return corpus


def code_lines(path: Path) -> int:
    """Non-blank lines that are not only comments (// and /* */; string contents are not
    parsed, which Solidity sources rarely need)."""
    count = 0
    in_block = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        code = False
        while line:
            if in_block:
                end = line.find("*/")
                if end < 0:
                    line = ""
                    break
                line = line[end + 2:].strip()
                in_block = False
                continue
            if line.startswith("//"):
                break
            if line.startswith("/*"):
                in_block = True
                line = line[2:]
                continue
            code = True
            start = line.find("/*")
            if start < 0 or "//" in line[:start]:
                break
            line = line[start:]
        count += code
    return count


def seed_statement_labels(corpus: Corpus,
                          truth: Mapping[str, Mapping[str, Iterable[Iterable[int]]]],
                          tolerance: int = 1) -> list[np.ndarray]:
    """Per graph of `corpus`: [seed statements, categories] 0/1, 1 where the statement's
    lines widened by `tolerance` hold a labelled line of the category (the rule a finding
    is scored by, applied to statements: for ranking measures without thresholds)."""
    out = []
    for graph in corpus.graphs:
        labels = truth[graph.source_id]  # type: ignore[attr-defined]
        seed = graph.seed.numpy()  # type: ignore[attr-defined]
        spans = graph.src_lines.numpy()[seed]  # type: ignore[attr-defined]
        y = np.zeros((len(spans), len(CATEGORIES)), dtype=np.float32)
        for j, category in enumerate(CATEGORIES):
            lines = [line for vulnerability in labels.get(category, ())
                     for line in vulnerability]
            for i, (start, end) in enumerate(spans.tolist()):
                if any(start - tolerance <= line <= end + tolerance for line in lines):
                    y[i, j] = 1
        out.append(y)
    return out


#: Node scores and function scores of one graph, numpy, columns in CATEGORIES order,
#: optionally followed by the model's Slither-detector evidence (`fusion.DetectorEvidence`).
Scores = tuple[Any, ...]


def slither_scores(graph: CodeGraph, categories: Sequence[str] = CATEGORIES) -> Scores:
    """1.0 where a node carries a detector bit mapped to the category, else 0; function
    scores are all 1 (no gate). Needs graphs built with detector features."""
    from contractml.graph import schema

    names = schema.feature_names(True)
    x = graph.x.numpy()  # type: ignore[attr-defined]
    if x.shape[1] != len(names):
        raise EvaluationError(f"graphs have {x.shape[1]} features; Slither's findings need "
                              f"the {len(names)} of a build with detector features")
    node = np.zeros((x.shape[0], len(categories)), dtype=np.float32)
    for argument, (category, _why) in SLITHER_MAPPING.items():
        column = names.index(f"detector:{argument}")
        c = categories.index(category)
        node[:, c] = np.maximum(node[:, c], x[:, column])
    function = np.ones((int(graph.num_functions), len(categories)), dtype=np.float32)  # type: ignore[attr-defined]
    return node, function


def model_scores(scorer: Any, graphs: Sequence[CodeGraph]) -> list[Scores]:
    """Calibrated scores from a `contractml.model.handle.ModelHandle` (it drops the detector
    columns itself for a model trained without them), with the model's detector rules and
    confirmation (`fusion.DetectorEvidence`), exactly as the scan uses them."""
    if tuple(getattr(scorer, "categories", CATEGORIES)) != tuple(CATEGORIES):
        raise EvaluationError("the model's categories are not the taxonomy's, in order")
    table = getattr(scorer, "detector_rules", None) or {}
    confirm = getattr(scorer, "detector_confirm", None)
    detectors = DetectorEvidence(table, confirm) if (table or confirm) else None
    out: list[Scores] = []
    for s in scorer.score(graphs):
        node, function = np.asarray(s.node), np.asarray(s.function)
        out.append((node, function) if detectors is None else (node, function, detectors))
    return out


def thresholds_of(scorer: Any) -> Thresholds:
    value = scorer.thresholds
    if isinstance(value, Thresholds):
        return value
    return Thresholds(node=dict(value["node"]), function=dict(value["function"]))


def regions(corpus: Corpus, scores: Sequence[Scores], thresholds: Thresholds | None,
            floor: float | None = None, categories: Sequence[str] = CATEGORIES,
            definitions: bool = True, evidence: str = "all") -> list[Region]:
    """The scan's regions over the whole corpus (`fusion.fuse`, then `dedupe`) with the
    sources `evidence` picks; `definitions=False` for Slither's baseline (its detectors
    alone, as the network's scores, with no definitions and no exclusions)."""
    if thresholds is None:
        if floor is None:
            raise EvaluationError("regions need thresholds or a floor")
        thresholds = Thresholds(node={c: floor for c in categories},
                                function={c: 0.0 for c in categories})
    out: list[Region] = []
    taxonomies: dict[str, Definitions] = {}  # one per file, as the scan's
    for graph, score in zip(corpus.graphs, scores, strict=True):
        node, function = score[0], score[1]
        detectors = score[2] if len(score) > 2 else None
        nodes = corpus.nodes_of(graph)
        taxonomy: Definitions | None = None
        if definitions:
            file_id = graph.source_id  # type: ignore[attr-defined]
            if file_id not in taxonomies:
                taxonomies[file_id] = Definitions(nodes, corpus.context.get(file_id, ()))
            taxonomy = taxonomies[file_id]
        out.extend(fuse(graph, node, function, thresholds, categories, nodes,
                        detectors=detectors, definitions=taxonomy, evidence=evidence,
                        floor=floor))
    return dedupe(out)


def predictions(corpus: Corpus, found: Iterable[Region]) -> dict[str, list[Prediction]]:
    """Regions -> predictions per file id (every file of the corpus has an entry)."""
    out: dict[str, list[Prediction]] = {f: [] for f in corpus.files}
    for region in found:
        file_id = corpus.file_ids.get(region.file)
        if file_id is None:
            raise EvaluationError(f"a region in {region.file}, outside the corpus")
        out[file_id].append(Prediction(region.category, region.start_line,
                                       region.end_line, float(min(1.0, region.score))))
    return out


def sweep(corpus: Corpus, scores: Sequence[Scores], floors: Iterable[float]
          ) -> dict[float, dict[str, list[Prediction]]]:
    """Predictions at each score floor (every statement scoring >= floor, no gate)."""
    return {f: predictions(corpus, regions(corpus, scores, None, floor=f)) for f in floors}


def severity_counts(preds: Mapping[str, Sequence[Prediction]],
                    severity: Mapping[str, str] = SEVERITY) -> dict[str, int]:
    out = {"high": 0, "medium": 0, "low": 0}
    for items in preds.values():
        for p in items:
            out[severity[p.category]] += 1
    return out


def apply(fn: Callable[[CodeGraph], Scores], graphs: Sequence[CodeGraph]) -> list[Scores]:
    return [fn(g) for g in graphs]
