"""Compile + front end for a project, with per-file isolation and caching.

`build()` returns one `FileReport` per target: a `FileRecord` or the reason it failed.
Front-end records are cached beside compiled outputs, under the same content key, so a
re-run over unchanged files neither compiles nor imports Slither.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from contractml.compile.driver import (
    CompiledUnit,
    CompileOptions,
    FileOutcome,
    compile_project,
    recompile_with_legacy_ast,
)
from contractml.compile.project import Project
from contractml.diskcache import read_json, write_json
from contractml.records import RECORDS_VERSION, FileRecord


@dataclass
class FileReport:
    outcome: FileOutcome
    record: FileRecord | None = None
    error: str | None = None  # compile or front-end failure
    stage: str | None = None  # "compile" | "frontend" when it failed
    frontend_seconds: float = 0.0
    frontend_cached: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.record is not None


@dataclass
class BuildResult:
    project: Project
    files: list[FileReport]
    compile_seconds: float
    frontend_seconds: float
    slither_seconds: float = 0.0  # of frontend_seconds: Slither's own parse + IR

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if not f.ok]


def _slither_version() -> str:
    try:
        return metadata.version("slither-analyzer")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


class _RecordCache:
    def __init__(self, root: Path | None, detectors: bool) -> None:
        self.root = root / "frontend" if root else None
        self._salt = (f"records-{RECORDS_VERSION}|slither-{_slither_version()}"
                      f"|detectors-{int(detectors)}")

    def _path(self, key: str) -> Path:
        assert self.root is not None
        digest = hashlib.sha256(f"{self._salt}|{key}".encode()).hexdigest()
        return self.root / digest[:2] / f"{digest}.json.gz"

    def has(self, key: str) -> bool:
        return self.root is not None and self._path(key).is_file()

    def get(self, key: str | None) -> tuple[FileRecord, list[str]] | None:
        """A cached record and the warnings its analysis gave."""
        if self.root is None or key is None:
            return None
        try:
            entry = read_json(self._path(key), compressed=True)
            return FileRecord.from_json(entry["record"]), list(entry["warnings"])
        except (OSError, ValueError, EOFError, KeyError, TypeError):
            return None

    def put(self, key: str | None, record: FileRecord, warnings: list[str]) -> None:
        if self.root is None or key is None:
            return
        write_json(self._path(key), {"record": record.to_json(), "warnings": warnings},
                   compressed=True)


def build(project: Project, options: CompileOptions,
          progress: Callable[[str], None] | None = None, detectors: bool = False
          ) -> BuildResult:
    """Compile and parse every target. With `detectors`, Slither's detectors run too and
    their node-level hits land in the records (the model's optional feature block)."""
    cache = _RecordCache(options.cache_dir, detectors)
    run = compile_project(project, options, progress=progress,
                          output_needed=lambda key: not cache.has(key))
    project = run.project  # the compile layer may have widened the root
    reports = {o.unit_name: FileReport(outcome=o) for o in run.outcomes}
    for report in reports.values():
        if not report.outcome.ok:
            report.error, report.stage = report.outcome.error, "compile"

    start = time.perf_counter()
    slither_seconds = 0.0
    jobs: list[tuple[CompiledUnit, list[str]]] = []
    for unit in run.units:
        todo = []
        for target in unit.targets:
            report = reports[target]
            cached = cache.get(report.outcome.cache_key)
            if cached is not None:
                report.record, report.frontend_cached = cached[0], True
                report.warnings.extend(cached[1])
            else:
                todo.append(target)
        for chunk in _chunks(unit, todo) if todo else []:
            part = unit if len(chunk) == len(unit.targets) else unit.subset(chunk)
            jobs.append((part, chunk))
    if jobs and progress:
        progress(f"analysing {sum(len(c) for _, c in jobs)} file(s) with Slither")
    if options.jobs > 1 and len(jobs) > 1 and _can_fork():
        slither_seconds += _analyse_in_workers(jobs, project.root, reports, cache, options,
                                               detectors)
    else:
        for part, chunk in jobs:
            slither_seconds += _analyse(part, chunk, project.root, reports, cache,
                                        options, detectors)
    return BuildResult(project=project, files=[reports[project.unit_name(p)]
                                               for p in project.targets],
                       compile_seconds=run.seconds,
                       frontend_seconds=time.perf_counter() - start,
                       slither_seconds=slither_seconds)


#: Targets that share no source are parsed by Slither in groups of about this many, so a
#: file Slither cannot parse costs a small group a second parse, not the whole batch.
CHUNK_TARGETS = 16


def _chunks(unit: CompiledUnit, targets: list[str]) -> list[list[str]]:
    """Targets grouped so that those sharing a source file stay together."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for target in targets:
        for source in unit.closures[target]:
            parent[find(source)] = find(target)
    components: dict[str, list[str]] = {}
    for target in targets:
        components.setdefault(find(target), []).append(target)
    chunks: list[list[str]] = []
    current: list[str] = []
    for component in components.values():
        if len(component) >= CHUNK_TARGETS:
            chunks.append(component)
            continue
        if len(current) + len(component) > CHUNK_TARGETS:
            chunks.append(current)
            current = []
        current.extend(component)
    if current:
        chunks.append(current)
    return chunks


def _analyse(unit: CompiledUnit, targets: list[str], root: Path,
             reports: dict[str, FileReport], cache: _RecordCache,
             options: CompileOptions, detectors: bool = False) -> float:
    """Slither over the whole unit; if it fails, over each target's closure alone, and
    then over solc's legacy AST, which Slither parses with a separate reader. Returns
    the seconds Slither itself took."""
    from contractml import frontend  # Slither loads only when something needs parsing

    try:
        result = frontend.analyse(unit, root, targets, detectors=detectors)
    except frontend.FrontendError as exc:
        if len(targets) > 1:
            # Set aside the targets that need the file Slither failed on (or, when that
            # cannot be told, every target) and parse the rest together again.
            blamed = [t for t in targets if exc.culprit is not None and any(
                str(unit.files[u]) == exc.culprit for u in unit.closures[t])]
            alone = blamed or targets
            rest = [t for t in targets if t not in alone]
            spent = sum(_analyse(unit.subset([t]), [t], root, reports, cache, options,
                                 detectors) for t in alone)
            if rest:
                spent += _analyse(unit.subset(rest), rest, root, reports, cache, options,
                                  detectors)
            return spent
        legacy = recompile_with_legacy_ast(unit, targets[0], options)
        try:
            if legacy is None:
                raise exc
            result = frontend.analyse(legacy, root, targets, detectors=detectors)
            reports[targets[0]].warnings.append(
                "Slither could not read solc's compact AST; analysed from the legacy AST")
        except frontend.FrontendError as final:
            reports[targets[0]].error, reports[targets[0]].stage = final.args[0], "frontend"
            return 0.0
    share = result.seconds / max(1, len(targets))
    for target, record in result.records.items():
        report = reports[target]
        report.record, report.frontend_seconds = record, share
        cache.put(report.outcome.cache_key, record, report.warnings)
    return result.slither_seconds


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


#: The jobs a forked worker reads by index (inherited memory: the compiled units are
#: never pickled; only each chunk's records travel back).
_WORKER_JOBS: list[tuple[CompiledUnit, list[str], Path, dict[str, FileReport],
                         _RecordCache, CompileOptions, bool]] = []


def _worker(index: int) -> tuple[dict[str, tuple[Any, ...]], float]:
    unit, chunk, root, reports, cache, options, detectors = _WORKER_JOBS[index]
    mine = {t: FileReport(outcome=reports[t].outcome, warnings=list(reports[t].warnings))
            for t in chunk}
    seconds = _analyse(unit, chunk, root, mine, cache, options, detectors)
    return ({t: (r.record, r.error, r.stage, r.warnings, r.frontend_seconds)
             for t, r in mine.items()}, seconds)


def _analyse_in_workers(jobs: list[tuple[CompiledUnit, list[str]]], root: Path,
                        reports: dict[str, FileReport], cache: _RecordCache,
                        options: CompileOptions, detectors: bool) -> float:
    """Independent chunks in `options.jobs` forked processes (Slither is pure Python and
    single-threaded); results are merged back in job order, so output is the same as a
    serial run."""
    import multiprocessing

    _WORKER_JOBS[:] = [(unit, chunk, root, reports, cache, options, detectors)
                       for unit, chunk in jobs]
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes=min(options.jobs, len(jobs))) as pool:
            results = pool.map(_worker, range(len(jobs)), chunksize=1)
    finally:
        _WORKER_JOBS.clear()
    seconds = 0.0
    for outcome, spent in results:
        seconds += spent
        for target, (record, error, stage, warnings, frontend_seconds) in outcome.items():
            report = reports[target]
            report.record, report.error, report.stage = record, error, stage
            report.warnings[:] = warnings
            report.frontend_seconds = frontend_seconds
    return seconds
