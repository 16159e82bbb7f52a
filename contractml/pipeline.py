"""Compile + front end for a project, with per-file isolation and caching.

`build()` returns one `FileReport` per target: a `FileRecord` or the reason it failed.
Front-end records are cached beside compiled outputs, under the same content key, so a
re-run over unchanged files neither compiles nor imports Slither.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from multiprocessing.connection import Connection
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
from contractml.records import (
    RECORDS_VERSION,
    FileRecord,
    ImportHit,
    plain,
    with_import_hits,
)


@dataclass
class FileReport:
    outcome: FileOutcome
    record: FileRecord | None = None
    error: str | None = None  # compile or front-end failure
    stage: str | None = None  # "compile" | "frontend" when it failed
    frontend_seconds: float = 0.0
    frontend_cached: bool = False
    warnings: list[str] = field(default_factory=list)
    #: the caller already holds what it needs for this file (see `build(reuse=...)`), so
    #: its record was not loaded
    reused: bool = False
    #: what the file's results depend on: its compile key, and the detector hits the
    #: other scanned files' analyses give its nodes (`FileRecord.import_hits`)
    results_key: str | None = None

    @property
    def ok(self) -> bool:
        return self.record is not None or self.reused


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
    def __init__(self, root: Path | None, detectors: bool | frozenset[str]) -> None:
        self.root = root / "frontend" if root else None
        which = ",".join(sorted(detectors)) if isinstance(detectors, frozenset) else (
            str(int(detectors)))
        self._salt = (f"records-{RECORDS_VERSION}|slither-{_slither_version()}"
                      f"|detectors-{which}")

    def _path(self, key: str, suffix: str = ".json.gz") -> Path:
        assert self.root is not None
        digest = hashlib.sha256(f"{self._salt}|{key}".encode()).hexdigest()
        return self.root / digest[:2] / f"{digest}{suffix}"

    def has(self, key: str) -> bool:
        return (self.root is not None and self._path(key).is_file()
                and self._path(key, _HITS).is_file())

    def get(self, key: str | None) -> tuple[FileRecord, list[str]] | None:
        """A cached record and the warnings its analysis gave."""
        if self.root is None or key is None:
            return None
        try:
            entry = read_json(self._path(key), compressed=True)
            return FileRecord.from_json(entry["record"]), list(entry["warnings"])
        except (OSError, ValueError, EOFError, KeyError, TypeError):
            return None

    def import_hits(self, key: str) -> tuple[ImportHit, ...] | None:
        """A cached record's `import_hits`, read without the record."""
        try:
            return tuple(ImportHit.from_json(h)
                         for h in read_json(self._path(key, _HITS), compressed=False))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str | None, record: FileRecord, warnings: list[str]) -> None:
        if self.root is None or key is None:
            return
        write_json(self._path(key), {"record": record.to_json(), "warnings": warnings},
                   compressed=True)
        # written last: `has` needs both, so an entry cut short is not taken
        write_json(self._path(key, _HITS), plain(record.import_hits),
                   compressed=False)


#: A record cache entry's `import_hits`, beside it, so a scan that reuses its findings
#: reads them without loading the record.
_HITS = ".hits.json"


def _results_key(key: str | None, hits: list[ImportHit]) -> str | None:
    if key is None or not hits:
        return key
    text = json.dumps(sorted({(h.file, h.function, h.line, h.detectors) for h in hits}))
    return f"{key}|hits-{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def build(project: Project, options: CompileOptions,
          progress: Callable[[str], None] | None = None,
          detectors: bool | frozenset[str] = False,
          reuse: Callable[[str], bool] | None = None,
          on_work: Callable[[], None] | None = None) -> BuildResult:
    """Compile and parse every target. With `detectors`, Slither's detectors (True: all;
    a set: those named) run too and their node-level hits land in the records (the
    model's optional feature block, and the model's detector rules). A file's hits are
    those of its own analysis and those the analyses of the scanned files that import it
    give its nodes, so they depend on the files scanned together, never on what the
    record cache held.

    `reuse(results_key)` says the caller already has results for a file with that
    `FileReport.results_key`: its record is then neither loaded nor made, as long as the
    record cache still holds it (so warnings are kept), and the report is `reused`.

    `on_work()` is called once, when Slither has run or runs in fewer processes than
    `options.jobs` with nothing left to start (before compiling, when fewer files than
    jobs need Slither), so that the caller can start a slow preparation of its own (the
    scoring process) alongside the last analyses without holding its memory beside a
    full set of them; never when the record cache holds every file."""
    cache = _RecordCache(options.cache_dir, detectors)
    told = False

    def work() -> None:
        nonlocal told
        if on_work is not None and not told:
            told = True
            on_work()

    needing = 0  # files whose compiler output is cached but whose record is not

    def output_needed(key: str) -> bool:
        nonlocal needing
        if cache.has(key):
            return False
        needing += 1
        return True

    def before_compiling(count: int) -> None:
        # Each file is analysed in one process at most: with fewer files than jobs a
        # slot stays free throughout, and the preparation overlaps the compiler too.
        if needing + count < options.jobs:
            work()

    run = compile_project(project, options, progress=progress,
                          output_needed=output_needed, before_compiling=before_compiling)
    project = run.project  # the compile layer may have widened the root
    reports = {o.unit_name: FileReport(outcome=o) for o in run.outcomes}
    for report in reports.values():
        if not report.outcome.ok:
            report.error, report.stage = report.outcome.error, "compile"

    start = time.perf_counter()
    # Records the cache holds are read after the analyses, once every file's hits on
    # the others are known (a file whose results the caller holds is not read at all).
    lent: dict[str, tuple[ImportHit, ...]] = {}
    in_cache: dict[str, CompiledUnit] = {}
    todo: dict[int, list[str]] = {}
    units: dict[int, CompiledUnit] = {}
    for unit in run.units:
        for target in unit.targets:
            key = reports[target].outcome.cache_key
            hits = cache.import_hits(key) if key is not None and cache.has(key) else None
            if hits is not None:
                lent[target], in_cache[target] = hits, unit
            else:
                todo.setdefault(id(unit), []).append(target)
                units[id(unit)] = unit
    slither_seconds = _analyse_all([(units[u], targets) for u, targets in todo.items()],
                                   project.root, reports, cache, options, detectors,
                                   progress, work)
    lent.update((t, r.record.import_hits) for t, r in reports.items()
                if r.record is not None and t not in lent)
    incoming: dict[str, list[ImportHit]] = {}
    for hits in lent.values():
        for hit in hits:
            incoming.setdefault(hit.file, []).append(hit)
    for report in reports.values():
        report.results_key = _results_key(report.outcome.cache_key,
                                          incoming.get(report.outcome.unit_name, []))
    again: dict[int, list[str]] = {}
    for target, unit in in_cache.items():
        report = reports[target]
        if reuse is not None and report.results_key is not None \
                and reuse(report.results_key):
            report.reused = True
            continue
        cached = cache.get(report.outcome.cache_key)
        if cached is not None:
            report.record, report.frontend_cached = cached[0], True
            report.warnings.extend(cached[1])
        else:  # unreadable: analysed again (its hits on others were read already)
            again.setdefault(id(unit), []).append(target)
            units[id(unit)] = unit
    slither_seconds += _analyse_all([(units[u], targets) for u, targets in again.items()],
                                    project.root, reports, cache, options, detectors,
                                    progress, work)
    for target, report in reports.items():
        if report.record is not None and target in incoming:
            report.record = with_import_hits(report.record, incoming[target])
    return BuildResult(project=project, files=[reports[project.unit_name(p)]
                                               for p in project.targets],
                       compile_seconds=run.seconds,
                       frontend_seconds=time.perf_counter() - start,
                       slither_seconds=slither_seconds)


def _analyse_all(todo: list[tuple[CompiledUnit, list[str]]], root: Path,
                 reports: dict[str, FileReport], cache: _RecordCache,
                 options: CompileOptions, detectors: bool | frozenset[str],
                 progress: Callable[[str], None] | None,
                 on_room: Callable[[], None]) -> float:
    """Slither over these targets of these units, in chunks; returns Slither's seconds.
    `on_room()` is called as soon as a process slot is free with no chunk left to start
    (where chunks run in forked workers; otherwise before the first), and at the end."""
    forked = _can_fork()
    chunks = [(unit, chunk) for unit, targets in todo for chunk in _chunks(unit, targets)]
    if forked and options.jobs > 1:
        chunks = _spread(chunks, options.jobs)
    jobs = [(unit if len(chunk) == len(unit.targets) else unit.subset(chunk), chunk)
            for unit, chunk in chunks]
    if not jobs:
        return 0.0
    if progress:
        progress(f"analysing {sum(len(c) for _, c in jobs)} file(s) with Slither")
    if not forked:
        on_room()
        return sum(_analyse(part, chunk, root, reports, cache, options, detectors)
                   for part, chunk in jobs)
    seconds = _analyse_in_workers(jobs, root, reports, cache, options, detectors, on_room)
    on_room()
    return seconds


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


def _spread(chunks: list[tuple[CompiledUnit, list[str]]],
            workers: int) -> list[tuple[CompiledUnit, list[str]]]:
    """Chunks cut so that `workers` processes share the work. A chunk that holds more
    than one worker's share of the files to parse (one large group of files importing
    each other, as in a library) would keep the other workers idle: it is cut into as
    many pieces as its size calls for, at most `workers`, each target going where it adds
    the fewest files to parse beside the largest piece. Shared imports are then parsed
    once per piece, which costs less than the idle workers do. A file's record does not
    depend on the files analysed beside it (only Slither's numbering of temporaries in
    the IR's text does), so the cut changes no finding."""
    sizes = [len(unit.sources(chunk)) for unit, chunk in chunks]  # files to parse
    share = sum(sizes) / workers
    spread: list[tuple[CompiledUnit, list[str]]] = []
    for (unit, chunk), size in zip(chunks, sizes, strict=True):
        count = min(workers, len(chunk), round(size / share))
        if count < 2:
            spread.append((unit, chunk))
            continue
        parsed: list[set[str]] = [set() for _ in range(count)]
        pieces: list[list[str]] = [[] for _ in range(count)]
        for target in sorted(chunk, key=lambda t: (-len(unit.closures[t]), t)):
            closure = set(unit.closures[target])
            best = _least_grown(parsed, closure)
            parsed[best] |= closure
            pieces[best].append(target)
        spread.extend((unit, piece) for piece in pieces if piece)
    return spread


def _least_grown(parsed: list[set[str]], closure: set[str]) -> int:
    """The piece to add a target with this closure to: the one that leaves the largest
    piece smallest, then the one it grows least, then the first."""
    sizes = [len(p) for p in parsed]

    def cost(i: int) -> tuple[int, int, int]:
        added = len(closure - parsed[i])
        largest = max([sizes[i] + added] + [n for j, n in enumerate(sizes) if j != i])
        return largest, added, i

    return min(range(len(parsed)), key=cost)


def _analyse(unit: CompiledUnit, targets: list[str], root: Path,
             reports: dict[str, FileReport], cache: _RecordCache,
             options: CompileOptions, detectors: bool | frozenset[str] = False) -> float:
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
                         _RecordCache, CompileOptions, bool | frozenset[str]]] = []

#: How often the parent checks its workers' time and memory.
POLL_SECONDS = 0.2


def _worker(index: int) -> tuple[dict[str, tuple[Any, ...]], float]:
    unit, chunk, root, reports, cache, options, detectors = _WORKER_JOBS[index]
    mine = {t: FileReport(outcome=reports[t].outcome, warnings=list(reports[t].warnings))
            for t in chunk}
    seconds = _analyse(unit, chunk, root, mine, cache, options, detectors)
    return ({t: (r.record, r.error, r.stage, r.warnings, r.frontend_seconds)
             for t, r in mine.items()}, seconds)


def _child(index: int, connection: Connection) -> None:
    """A forked worker: analyse job `index`, send ("ok", result) or ("error", text)."""
    try:
        message: tuple[str, Any] = ("ok", _worker(index))
    except BaseException as exc:  # noqa: BLE001 - reported for the chunk's files
        message = ("error", f"the analysis failed: {type(exc).__name__}: {exc}")
    try:
        connection.send(message)
    finally:
        connection.close()


def _private_memory(pid: int) -> int | None:
    """Bytes of memory the process does not share with its parent (Linux; else None)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    total = 0
    for line in text.splitlines():
        if line.startswith(("Private_Clean:", "Private_Dirty:")):
            total += int(line.split()[1]) * 1024
    return total


@dataclass
class _Running:
    process: Any  # multiprocessing.Process
    unit: CompiledUnit
    chunk: list[str]
    limit: float | None
    started: float


def _analyse_in_workers(jobs: list[tuple[CompiledUnit, list[str]]], root: Path,
                        reports: dict[str, FileReport], cache: _RecordCache,
                        options: CompileOptions, detectors: bool | frozenset[str],
                        on_room: Callable[[], None]) -> float:
    """Each chunk in a forked process, `options.jobs` at a time (Slither is pure Python
    and single-threaded). A process that runs past its time limit (`options.timeout` per
    file of its chunk), uses more than `options.analysis_memory` of its own, or dies, is
    stopped; its files are tried again one by one, and a file that fails alone is
    reported with the reason. Results land in each file's own report, so the output does
    not depend on the order in which processes finish."""
    import multiprocessing
    from collections import deque
    from multiprocessing.connection import wait

    from contractml import frontend  # noqa: F401 - Slither loads once, before forking

    context = multiprocessing.get_context("fork")
    queue = deque(jobs)
    running: dict[Connection, _Running] = {}
    seconds = 0.0

    def settle(job: _Running, problem: str) -> None:
        if len(job.chunk) > 1:
            queue.extend((job.unit.subset([t]), [t]) for t in job.chunk)
            return
        report = reports[job.chunk[0]]
        report.record, report.error, report.stage = None, problem, "frontend"

    _WORKER_JOBS.clear()
    try:
        while queue or running:
            while queue and len(running) < max(1, options.jobs):
                unit, chunk = queue.popleft()
                _WORKER_JOBS.append((unit, chunk, root, reports, cache, options, detectors))
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_child, args=(len(_WORKER_JOBS) - 1, sender),
                                          daemon=True)
                process.start()
                sender.close()
                limit = None if options.timeout is None else options.timeout * len(chunk)
                running[receiver] = _Running(process, unit, chunk, limit, time.monotonic())
            if not queue and len(running) < max(1, options.jobs):
                on_room()
            for connection in wait(list(running), timeout=POLL_SECONDS):
                assert isinstance(connection, Connection)
                job = running.pop(connection)
                try:
                    status, payload = connection.recv()
                except (EOFError, OSError):
                    status, payload = "died", None
                connection.close()
                job.process.join()
                if status == "ok":
                    seconds += _merge(payload, reports)
                elif status == "error":
                    settle(job, payload)
                else:
                    settle(job, "the analysis process ended unexpectedly (exit code "
                                f"{job.process.exitcode})")
            now = time.monotonic()
            for connection, job in list(running.items()):
                problem = None
                if job.limit is not None and now - job.started > job.limit:
                    problem = (f"the analysis did not finish within {job.limit:g} s "
                               "(the time limit per file, `timeout`); stopped")
                elif options.analysis_memory is not None:
                    used = _private_memory(job.process.pid)
                    if used is not None and used > options.analysis_memory:
                        problem = (f"the analysis used more than "
                                   f"{options.analysis_memory / 2 ** 20:,.0f} MiB of memory; "
                                   "stopped")
                if problem is not None:
                    job.process.kill()
                    job.process.join()
                    connection.close()
                    del running[connection]
                    settle(job, problem)
    finally:
        for connection, job in running.items():
            job.process.kill()
            job.process.join()
            connection.close()
        _WORKER_JOBS.clear()
    return seconds


def _merge(payload: tuple[dict[str, tuple[Any, ...]], float],
           reports: dict[str, FileReport]) -> float:
    outcome, spent = payload
    for target, (record, error, stage, warnings, frontend_seconds) in outcome.items():
        report = reports[target]
        report.record, report.error, report.stage = record, error, stage
        report.warnings[:] = warnings
        report.frontend_seconds = frontend_seconds
    return spent
