"""`contractml scan`: compile -> records -> graphs -> model -> regions -> findings.

`scan(options)` returns a `ScanResult`; filtering by severity, baselines, suppressions and
changed lines happens in `finish(...)`, so the evaluator and the CLI share the first part.
Every target ends either in the result's `files_scanned` or in `failures` (with the
stage and the tool's own message): nothing is skipped silently.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import hashlib
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractml import __version__
from contractml.analysis.context import FileFacts, node_index
from contractml.compile.driver import CompileOptions
from contractml.compile.project import Project, discover
from contractml.compile.sourcetext import read_source
from contractml.definitions import BY_ID, Definitions
from contractml.detector_rules import SLITHER_MAPPING
from contractml.diskcache import read_json, write_json
from contractml.errors import ConfigError
from contractml.findings import Evidence, FileFailure, Finding, ScanResult
from contractml.fusion import EVIDENCE_MODES, NETWORK, DetectorEvidence, fuse
from contractml.localize import NodeHit, Region, Thresholds, dedupe, reason
from contractml.model.handle import ModelHandle
from contractml.records import FileRecord, NodeRecord

#: Bump when regions or findings are computed differently (part of the findings cache key,
#: with the release, the evidence mode and `fusion_code_digest()`: a new contractml never
#: reads an older one's findings).
FINDINGS_CACHE_VERSION = 15

#: The modules whose code decides which statements become findings: any change to them
#: changes the findings cache key (`fusion_code_digest`), so an edited definition never
#: serves findings cached before the edit.
_FUSION_MODULES = ("analysis", "definitions", "fusion.py", "localize.py", "scan.py",
                   "detector_rules.py")


@functools.cache
def fusion_code_digest() -> str:
    """SHA-256 over the source of `_FUSION_MODULES` (12 hex digits)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in _FUSION_MODULES:
        target = package / name
        for path in sorted(target.glob("*.py")) if target.is_dir() else [target]:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]

#: Files larger than this are skipped with a notice unless configured otherwise.
DEFAULT_MAX_FILE_SIZE = 10_000_000


@dataclass(frozen=True)
class ScanOptions:
    paths: tuple[str, ...] = (".",)
    include_tests: bool = False
    remappings: tuple[str, ...] = ()
    include: tuple[str, ...] = ()  # globs on root-relative POSIX paths
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    compile: CompileOptions = field(default_factory=CompileOptions)
    model: Path | None = None
    #: category -> severity, overriding the rules' defaults
    severity: Mapping[str, str] = field(default_factory=dict)
    follow_symlinks: bool = False
    #: which evidence reports (`fusion.EVIDENCE_MODES`): all, the network alone, or the
    #: definitions and Slither's detector rules alone
    evidence: str = "all"


def _matches(path: str, patterns: Sequence[str]) -> bool:
    for pattern in patterns:
        pattern = pattern.strip("/")
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern + "/*") \
                or path.startswith(pattern.rstrip("*").rstrip("/") + "/") and \
                not any(ch in pattern for ch in "*?["):
            return True
    return False


def select_targets(project: Project, options: ScanOptions
                   ) -> tuple[Project, list[FileFailure], list[str]]:
    """Apply --include/--exclude and the size cap; skipped files are reported."""
    failures: list[FileFailure] = []
    notices: list[str] = []
    keep: list[Path] = []
    excluded = 0
    for path in project.targets:
        rel = project.unit_name(path)
        if options.include and not _matches(rel, options.include):
            excluded += 1
            continue
        if options.exclude and _matches(rel, options.exclude):
            excluded += 1
            continue
        try:
            size = path.stat().st_size
        except OSError as exc:
            failures.append(FileFailure(rel, "read", f"cannot read: {exc.strerror}"))
            continue
        if size > options.max_file_size:
            failures.append(FileFailure(
                rel, "skipped", f"file is {size:,} bytes, over the size cap of "
                f"{options.max_file_size:,} (max-file-size)"))
            continue
        keep.append(path)
    if excluded:
        notices.append(f"{excluded} file(s) left out by --include/--exclude")
    return dataclasses.replace(project, targets=tuple(keep)), failures, notices


class _FindingsCache:
    """Findings (and the file's analysis warnings) per target, keyed by the file's
    `results_key` (its compile key, i.e. the file, its imports and the compiler, and the
    detector hits the scanned files that import it give its nodes) and the model's
    hash."""

    def __init__(self, root: Path | None, model_sha: str, evidence: str = "all") -> None:
        self.root = root / "findings" if root else None
        self.salt = (f"v{FINDINGS_CACHE_VERSION}|contractml-{__version__}|model-{model_sha}"
                     f"|evidence-{evidence}|code-{fusion_code_digest()}")
        self._memo: dict[str, dict[str, Any] | None] = {}

    def _path(self, key: str) -> Path:
        assert self.root is not None
        digest = hashlib.sha256(f"{self.salt}|{key}".encode()).hexdigest()
        return self.root / digest[:2] / f"{digest}.json"

    def get(self, key: str | None) -> dict[str, Any] | None:
        """{"findings": [...], "warnings": [...]}, or None."""
        if self.root is None or key is None:
            return None
        if key not in self._memo:
            try:
                data = read_json(self._path(key), compressed=False)
            except (OSError, ValueError):
                data = None
            ok = isinstance(data, dict) and isinstance(data.get("findings"), list) \
                and isinstance(data.get("warnings"), list)
            self._memo[key] = data if ok else None
        return self._memo[key]

    def has(self, key: str) -> bool:
        return self.get(key) is not None

    def put(self, key: str | None, findings: list[dict[str, Any]], warnings: list[str]
            ) -> None:
        if self.root is not None and key is not None:
            write_json(self._path(key), {"findings": findings, "warnings": warnings},
                       compressed=False)


def split_lines(text: str) -> list[str]:
    """Lines as solc counts them (\\n, \\r\\n, \\r), unlike str.splitlines, which also
    breaks at form feeds and Unicode separators."""
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _excerpt(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start - 1:end])


def _found_by(sources: Sequence[str]) -> str:
    """The sources of a finding in words: "the definition X (right in 99% of training
    cases), the network and Slither's a and b"."""
    words: list[str] = []
    detectors = [s.partition(":")[2] for s in sources if s.startswith("slither:")]
    for source in sources:
        kind, _, name = source.partition(":")
        if source == NETWORK:
            words.append("the network")
        elif kind == "definition" and name in BY_ID:
            definition = BY_ID[name]
            data = ("development-set" if definition.measured_on.startswith("development")
                    else "training")
            words.append(f"the definition {name} (right in {definition.precision:.0%} of "
                         f"{data} cases)")
    if detectors:
        words.append("Slither's " + _listed(detectors))
    return _listed(words)


def _listed(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _explanation(hit: NodeHit, node: NodeRecord, category: str,
                 sources: Sequence[str]) -> str:
    """One sentence: what the strongest source saw at the top statement, and every
    source of the finding."""
    line = hit.start_line
    if tuple(sources) == (NETWORK,):
        return f"The network alone rates line {line} ({reason(node)}) as {category}."
    seen = f"looks like {category} to the network ({reason(node)})"
    for source in hit.sources:
        kind, _, name = source.partition(":")
        if kind == "definition" and name in BY_ID:
            seen = BY_ID[name].explanation
            break
    else:
        for source in hit.sources:
            kind, _, name = source.partition(":")
            if kind == "slither" and name in SLITHER_MAPPING:
                seen = f"matches Slither's {name}: {SLITHER_MAPPING[name][1]} ({reason(node)})"
                break
    return f"Line {line} {seen}; found by {_found_by(sources)}."


def _finding(region: Region, records: Mapping[tuple[str, int], Any], lines: list[str],
             anomaly: float | None = None) -> Finding:
    from contractml.rules import rule_for

    rule = rule_for(region.category)
    evidence = []
    for hit in sorted(region.hits, key=lambda h: -h.score)[:3] + region.context[:2]:
        _function, node = records[(hit.function_id, hit.node_id)]
        why = reason(node)
        if hit in region.hits and hit.sources:
            why += f" [{', '.join(hit.sources)}]"
        evidence.append(Evidence(line=hit.start_line, end_line=hit.end_line,
                                 score=round(hit.score, 4), reason=why))
    top = max(region.hits, key=lambda h: h.score)
    node = records[(top.function_id, top.node_id)][1]
    explanation = _explanation(top, node, region.category, region.sources)
    end_column = region.end_column
    if not end_column and 0 < region.end_line <= len(lines):
        end_column = len(lines[region.end_line - 1])
    return Finding(
        category=region.category, rule_id=rule.id,
        severity=rule.severity,
        confidence=round(region.score, 4), file=region.file,
        start_line=region.start_line, start_column=max(1, region.start_column),
        end_line=region.end_line, end_column=max(1, end_column),
        contract=region.contract, function=region.function,
        excerpt=_excerpt(lines, region.start_line, region.end_line),
        explanation=explanation, recommendation=rule.recommendation, evidence=evidence,
        sources=list(region.sources), anomaly=anomaly)


def findings_for_files(scorer: ModelHandle, items: Sequence[tuple[FileRecord, str, list[str]]],
                       evidence: str = "all") -> list[list[Finding]]:
    """Per (record, its file, its lines): the findings in that file from that record's
    own function graphs, with the sources `evidence` picks (`fusion.EVIDENCE_MODES`).
    Graphs of every file are scored in one batched call; each file's findings depend on
    its own record only (so cached and fresh results agree)."""
    from contractml.graph.builder import function_graphs

    indexes = [node_index([record]) for record, _, _ in items]
    facts = [FileFacts(nodes, record.context)
             for (record, _, _), nodes in zip(items, indexes, strict=True)]
    per_file = [function_graphs([record], with_detectors=scorer.needs_detectors,
                                file_facts=file_facts)
                for (record, _, _), file_facts in zip(items, facts, strict=True)]
    every = [graph for graphs in per_file for graph in graphs]
    scores = iter(scorer.score(every) if every else [])
    thresholds = Thresholds(node=scorer.thresholds["node"], function=scorer.thresholds["function"])
    detectors = DetectorEvidence(scorer.detector_rules, scorer.detector_confirm)
    out: list[list[Finding]] = []
    for (_, rel, lines), graphs, nodes, file_facts in zip(items, per_file, indexes, facts,
                                                          strict=True):
        definitions = Definitions(facts=file_facts)
        regions: list[Region] = []
        anomaly: dict[int, float | None] = {}  # by region: its graph's seed function's
        for graph in graphs:
            score = next(scores)
            for region in fuse(graph, score.node, score.function, thresholds,
                               scorer.categories, nodes, detectors=detectors,
                               definitions=definitions, evidence=evidence):
                regions.append(region)
                anomaly[id(region)] = score.anomaly
        out.append([_finding(region, nodes, lines, anomaly.get(id(region)))
                    for region in dedupe(r for r in regions if r.file == rel)])
    return out


def scan(options: ScanOptions, progress: Callable[[str], None] | None = None,
         scorer: ModelHandle | None = None,
         on_build: Callable[[Any], None] | None = None) -> ScanResult:
    """Scan the options' paths. Raises ConfigError when no .sol file is there.
    `on_build(build_result)` sees the compile and front-end outcome of every file (the
    compiler each got), before scoring."""
    from contractml.pipeline import build

    started = time.perf_counter()
    project = discover(list(options.paths), keep_tests=options.include_tests,
                       follow_symlinks=options.follow_symlinks,
                       extra_remappings=options.remappings)
    if not project.targets:
        raise ConfigError(f"no .sol files found under {', '.join(options.paths)}")
    project, failures, notices = select_targets(project, options)
    notices = [*project.notices, *notices]
    scorer = scorer or ModelHandle(options.model)
    # no local paths in reports: they must be the same on every machine
    info = {k: v for k, v in scorer.info.items() if k != "path"}
    if options.evidence not in EVIDENCE_MODES:
        raise ConfigError(f"unknown evidence {options.evidence!r}: expected one of "
                          f"{', '.join(EVIDENCE_MODES)}")
    cache = _FindingsCache(options.compile.cache_dir, scorer.key, options.evidence)
    findings: list[Finding] = []
    scanned: list[str] = []
    if project.targets:
        # files to score: the scoring process starts while the last analyses run, so
        # that torch loads meanwhile (`build`'s on_work)
        result = build(project, options.compile, progress=progress,
                       detectors=scorer.detectors, reuse=cache.has, on_work=scorer.prepare)
        if on_build is not None:
            on_build(result)
        notices.extend(n for n in result.project.notices if n not in notices)
        project = result.project
        pending: list[tuple[FileRecord, str, list[str], str | None, list[str]]] = []
        later: dict[str, list[str]] = {}  # a file's analysis warnings, in file order
        for report in result.files:
            rel = report.outcome.unit_name
            notices.extend(f"{rel}: {warning}" for warning in report.outcome.warnings)
            if not report.ok:
                for warning in report.warnings:
                    notices.append(f"{rel}: {warning}")
                stage = "compile" if report.stage == "compile" else "analyse"
                failures.append(FileFailure(rel, stage, report.error or "failed"))
                continue
            scanned.append(rel)
            cached = cache.get(report.results_key) if report.reused else None
            if cached is not None:
                findings.extend(Finding.from_dict(f) for f in cached["findings"])
                later[rel] = [f"{rel}: {w}" for w in cached["warnings"]]
                continue
            assert report.record is not None
            pending.append((report.record, rel, split_lines(read_source(report.outcome.path)),
                            report.results_key, list(report.warnings)))
        if pending:
            if progress:
                progress(f"scoring {len(pending)} file(s)")
            fresh, lost = scorer.call(findings_for_files,
                                      [(r, rel, lines) for r, rel, lines, _, _ in pending],
                                      options.evidence)
            if lost:
                notices.append(lost)
            for (_, rel, _, key, warnings), own in zip(pending, fresh, strict=True):
                cache.put(key, [f.to_dict() for f in own], warnings)
                findings.extend(own)
                later[rel] = [f"{rel}: {w}" for w in warnings]
        for report in result.files:
            notices.extend(later.get(report.outcome.unit_name, []))
    for finding in findings:
        if finding.category in options.severity:
            finding.severity = options.severity[finding.category]
    findings.sort(key=lambda f: (f.file, f.start_line, f.end_line, f.category))
    failures.sort(key=lambda f: f.file)
    return ScanResult(root=str(project.root), findings=findings, failures=failures,
                      files_scanned=sorted(scanned), notices=notices, model=info,
                      tool_version=__version__, seconds=time.perf_counter() - started)


def explain(path: str, line: int, options: ScanOptions, category: str | None = None,
            scorer: ModelHandle | None = None) -> str:
    """The HTML page of `contractml explain` for the function around `path:line`."""
    from contractml.explain import ExplainedNode, render_html
    from contractml.graph.builder import FunctionIndex, build_graph
    from contractml.pipeline import build

    target = Path(path)
    if not target.is_file():
        raise ConfigError(f"{path}: no such file")
    project = discover([str(target)], extra_remappings=options.remappings)
    scorer = scorer or ModelHandle(options.model)
    if category is not None and category not in scorer.categories:
        raise ConfigError(f"unknown category {category!r} (see `contractml rules`)")
    result = build(project, options.compile, detectors=scorer.detectors)
    report = result.files[0]
    if report.record is None:
        raise ConfigError(f"{path} could not be analysed ({report.stage}): {report.error}")
    record = report.record
    candidates = [f for c in record.contracts for f in c.functions
                  if f.implemented and f.nodes and f.span.file == record.file
                  and f.span.start_line <= line <= f.span.end_line]
    if not candidates:
        raise ConfigError(f"{path}:{line} is not inside an implemented function")
    function = min(candidates, key=lambda f: (f.span.end_line - f.span.start_line, f.id))
    index = FunctionIndex([record])
    graph = build_graph(index, [function.id], scorer.needs_detectors)
    scores = scorer.score([graph])[0]
    seed = graph.seed.numpy()
    by_id = {n.id: n for n in function.nodes}
    explained = [ExplainedNode(by_id[int(graph.node_id[i])], scores.node[i])
                 for i in range(graph.num_nodes) if seed[i] and int(graph.node_id[i]) in by_id]
    lines = split_lines(read_source(report.outcome.path))
    return render_html(function, explained, list(scorer.categories), lines, category, line,
                       dict(scorer.thresholds["node"]))
