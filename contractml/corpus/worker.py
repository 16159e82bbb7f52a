"""Scan one task of a corpus: the units' lines, as `contractml scan` would find them.

`TaskScanner` keeps the model loaded for every task it scans (in the process that calls
it, no scoring process of its own); `actor_class()` wraps it as a Ray actor, one per
worker. A task's files share one `scan` (one compilation per compiler version); each
unit's findings are the objects `contractml scan --format json` prints for that file.
"""

from __future__ import annotations

import os
import re
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from contractml.compile.solcjs_server import SINGLE_THREADED_ENV
from contractml.corpus.plan import Task
from contractml.corpus.units import Unit
from contractml.errors import ContractmlError, NoCompilerError
from contractml.findings import FileFailure, Finding
from contractml.model.handle import ModelHandle

T = TypeVar("T")

#: A worker writes `<pid>.pid` into this folder when it starts (for monitoring and tests).
PID_DIR_ENV = "CONTRACTML_CORPUS_PID_DIR"


@dataclass(frozen=True)
class CorpusSettings:
    """What every worker needs to scan like `contractml scan` does."""

    model: Path | None = None
    cache_dir: Path | None = None
    timeout: float = 120.0
    analysis_memory: int = 2048 * 2 ** 20  # bytes
    max_file_size: int = 10_000_000
    solc_version: str | None = None
    offline: bool = False
    evidence: str = "all"


class LocalModel(ModelHandle):
    """The model scored in this process: loaded once, kept for every task."""

    def prepare(self) -> None:
        self.load()

    def call(self, fn: Callable[..., T], *args: Any) -> tuple[T, str | None]:
        return fn(self, *args), None


#: Failure causes, in the order the summary lists them (docs/corpus.md).
CAUSES = ("compile", "no-compiler", "analyse", "timeout", "memory", "skipped",
          "worker-lost", "error")


def cause_of(failure: FileFailure) -> str:
    """The documented cause of a unit's failure."""
    message = failure.message
    if failure.stage in ("skipped", "read"):
        return "skipped"
    if re.search(r"did not finish within|time limit", message):
        return "timeout"
    if re.search(r"MiB of memory|out of memory", message):
        return "memory"
    if failure.stage == "compile":
        if re.search(r"is needed but|no solc release satisfies|could not install solc|"
                     r"node is not installed", message):
            return "no-compiler"
        return "compile"
    return "analyse"


def _peak_rss() -> int:
    """Peak resident memory in bytes of this process and of its largest child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) * 1024


class TaskScanner:
    """Scans tasks with one loaded model."""

    def __init__(self, settings: CorpusSettings) -> None:
        self.settings = settings
        self.model = LocalModel(settings.model)
        pid_dir = os.environ.get(PID_DIR_ENV)
        if pid_dir:
            Path(pid_dir).mkdir(parents=True, exist_ok=True)
            (Path(pid_dir) / f"{os.getpid()}.pid").write_text(str(os.getpid()))

    def load(self) -> None:
        """Load the network now (torch, one thread: one CPU per worker)."""
        import torch

        torch.set_num_threads(1)
        self.model.load()

    def scan(self, task: Task) -> dict[str, Any]:
        """`{"lines": [one dict per unit], "rss": peak bytes, "pid": this process}`."""
        from contractml.compile.driver import CompileOptions
        from contractml.reporters import sorted_findings
        from contractml.reporters.json_report import finding_dict
        from contractml.scan import ScanOptions, scan
        from contractml.scan_command import fingerprint_and_suppress

        s = self.settings
        started = time.perf_counter()
        options = ScanOptions(
            paths=tuple(str(u.path) for u in task.units), max_file_size=s.max_file_size,
            model=s.model, evidence=s.evidence,
            compile=CompileOptions(solc_version=s.solc_version, offline=s.offline,
                                   cache_dir=s.cache_dir, jobs=1, timeout=s.timeout,
                                   analysis_memory=s.analysis_memory))
        versions: dict[str, set[str]] = {}

        def seen(build: Any) -> None:
            for report in build.files:
                if report.outcome.version is not None:
                    versions.setdefault(str(report.outcome.path), set()).add(
                        str(report.outcome.version))

        try:
            result = scan(options, scorer=self.model, on_build=seen)
        except ContractmlError as exc:
            # a task whose every file lacks its compiler: the compile layer raises
            cause = "no-compiler" if isinstance(exc, NoCompilerError) else "error"
            return {"lines": [_failed(u, cause, exc.message, None, 0.0)
                              for u in task.units], "rss": _peak_rss(), "pid": os.getpid()}
        root = Path(result.root)
        fingerprint_and_suppress(result, [])
        seconds = time.perf_counter() - started
        total = sum(u.size for u in task.units) or 1
        lines = []
        for unit in task.units:
            share = round(seconds * unit.size / total, 3)
            mine = _belongs(unit, root)
            found: list[Finding] = [f for f in result.findings if mine(f.file)]
            failures = [f for f in result.failures if mine(f.file)]
            scanned = [f for f in result.files_scanned if mine(f)]
            compiler = ", ".join(sorted(v for p, vs in versions.items()
                                        if mine(_rel(Path(p), root)) for v in vs)) or None
            notices = [n for n in result.notices if any(
                n.startswith(f"{rel}: ") for rel in _rels(unit, root))]
            if failures and not scanned:
                first = failures[0]
                lines.append(_failed(unit, cause_of(first), first.message, compiler, share,
                                     notices))
                continue
            lines.append({"file": str(unit.path), "sha256": unit.sha256, "status": "ok",
                          "compiler": compiler, "seconds": share,
                          "findings": [finding_dict(f) for f in sorted_findings(found)],
                          "notices": notices,
                          **({"failures": [{"file": f.file, "stage": f.stage,
                                            "message": f.message} for f in failures]}
                             if failures else {})})
        return {"lines": lines, "rss": _peak_rss(), "pid": os.getpid()}


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _rels(unit: Unit, root: Path) -> list[str]:
    return [_rel(unit.path, root)]


def _belongs(unit: Unit, root: Path) -> Callable[[str], bool]:
    """Whether a root-relative file name belongs to `unit`."""
    rel = _rel(unit.path, root)
    if unit.project:
        prefix = "" if rel in ("", ".") else rel + "/"
        return lambda name: name.startswith(prefix)
    return lambda name: name == rel


def _failed(unit: Unit, cause: str, reason: str, compiler: str | None, seconds: float,
            notices: list[str] | None = None) -> dict[str, Any]:
    return {"file": str(unit.path), "sha256": unit.sha256, "status": "failed",
            "compiler": compiler, "seconds": seconds, "findings": [], "cause": cause,
            "reason": reason, "notices": notices or []}


def actor_class() -> Any:
    """`TaskScanner` as a Ray actor class taking one CPU (imports Ray)."""
    import ray

    @ray.remote(num_cpus=1, max_restarts=0, max_task_retries=0)
    class CorpusWorker:
        def __init__(self, settings: CorpusSettings) -> None:
            # one CPU per worker: node's helper threads would only compete with the
            # other workers' (docs/corpus.md, "Work placement")
            os.environ.setdefault(SINGLE_THREADED_ENV, "1")
            self.scanner = TaskScanner(settings)
            self.scanner.load()

        def scan(self, task: Task) -> dict[str, Any]:
            return self.scanner.scan(task)

    return CorpusWorker
