"""Drive a corpus scan on Ray: units -> tasks -> workers -> one JSON line per unit.

Without an address a local Ray with `workers` CPUs is started and stopped at the end;
with one, the scan joins that cluster and uses `workers` of its CPUs (default: all).
Byte-identical units are scanned once; the copies are written as `duplicate` lines as
soon as the original's line is. A worker process that dies has its units retried once,
each alone, on a fresh worker; a unit lost twice is written as `failed`
(`worker-lost`). Ctrl-C stops dispatching, shuts Ray down and leaves every line
written so far intact; rerunning the command finishes the rest.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contractml import __version__
from contractml.corpus.output import Previous, Writer, read_previous
from contractml.corpus.plan import Task, make_tasks
from contractml.corpus.summary import Progress, Summary
from contractml.corpus.units import Unit, find_units
from contractml.corpus.worker import CorpusSettings, actor_class
from contractml.errors import ConfigError
from contractml.model.handle import ModelHandle

#: Attempts per unit when its worker process dies (the first and one retry).
ATTEMPTS = 2


@dataclass(frozen=True)
class CorpusRequest:
    paths: tuple[str, ...]
    output: Path
    workers: int | None = None
    ray_address: str | None = None
    settings: CorpusSettings = CorpusSettings()


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError("`contractml corpus` needs Ray: pip install 'contractml[ray]'"
                          ) from None
    return ray


def _start_ray(ray: Any, request: CorpusRequest) -> int:
    """Start or join Ray; the number of workers to run."""
    package_parent = str(Path(__file__).resolve().parents[2])
    python_path = os.pathsep.join(
        p for p in (package_parent, os.environ.get("PYTHONPATH", "")) if p)
    runtime_env = {"env_vars": {"PYTHONPATH": python_path}}
    if request.ray_address:
        try:
            ray.init(address=request.ray_address, runtime_env=runtime_env,
                     logging_level="WARNING", log_to_driver=False)
        except (ConnectionError, ValueError, RuntimeError) as exc:
            raise ConfigError(f"--ray-address {request.ray_address}: cannot join the Ray "
                              f"cluster ({exc})") from None
        cpus = int(ray.cluster_resources().get("CPU", 1))
        return max(1, min(request.workers or cpus, cpus))
    workers = request.workers or (os.cpu_count() or 1)
    os.environ["PYTHONPATH"] = python_path  # the local workers import this contractml
    ray.init(address="local", num_cpus=workers, include_dashboard=False,
             runtime_env=runtime_env,
             logging_level="WARNING", log_to_driver=False)
    return workers


class _Corpus:
    """The bookkeeping of one run: what is left, duplicates waiting, lines written."""

    def __init__(self, units: list[Unit], previous: Previous, writer: Writer,
                 model: str) -> None:
        self.writer, self.model = writer, model
        self.summary = Summary()
        self.originals: dict[str, dict[str, Any]] = dict(previous.by_sha)
        self.waiting: dict[str, list[Unit]] = {}
        self.todo: list[Unit] = []
        seen_near: set[str] = set()
        seen_sha: set[str] = set()
        for unit in units:
            if unit.near in seen_near and unit.sha256 not in seen_sha:
                self.summary.near_duplicates += 1
            seen_near.add(unit.near)
            seen_sha.add(unit.sha256)
        self.already = 0
        self.scanned = 0
        for unit in units:
            if previous.done.get(str(unit.path)) == unit.sha256:
                self.already += 1
                continue
            if unit.sha256 in self.originals:
                self._duplicate(unit, self.originals[unit.sha256])
            elif unit.sha256 in self.waiting:
                self.waiting[unit.sha256].append(unit)
            else:
                self.waiting[unit.sha256] = []
                self.todo.append(unit)

    def _write(self, line: dict[str, Any]) -> None:
        line = {**line, "model": self.model, "contractml": __version__}
        self.writer.write(line)
        self.summary.add(line)

    def _duplicate(self, unit: Unit, original: dict[str, Any]) -> None:
        self._write({"file": str(unit.path), "sha256": unit.sha256, "status": "duplicate",
                     "compiler": original.get("compiler"), "seconds": 0.0,
                     "findings": original.get("findings", []),
                     "same_as": original["file"]})

    def finish(self, unit: Unit, line: dict[str, Any]) -> int:
        """Write a scanned unit's line and its copies'; the number of lines written."""
        self._write(line)
        self.scanned += 1
        self.originals[unit.sha256] = line
        copies = self.waiting.pop(unit.sha256, [])
        for copy in copies:
            self._duplicate(copy, line)
        return 1 + len(copies)


class _Interrupt:
    """Ctrl-C as a flag the dispatch loop reads once per turn. A KeyboardInterrupt that
    Python raises while Ray's own code runs can be dropped there ("Exception ignored"),
    and the run then goes on to the end; a handler that only records the signal cannot
    be lost. Installed after Ray starts (Ray sets its own SIGINT handler)."""

    def __init__(self) -> None:
        self.seen = False
        self._previous: Any = None

    def install(self) -> None:
        self._previous = signal.signal(signal.SIGINT, self._record)

    def _record(self, signum: int, frame: Any) -> None:
        self.seen = True

    def check(self) -> None:
        if self.seen:
            raise KeyboardInterrupt

    def restore(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None


def run_corpus(request: CorpusRequest) -> int:
    """Scan the corpus; the exit code (0 every unit has its line, 130 interrupted)."""
    units = find_units(list(request.paths))
    model = ModelHandle(request.settings.model).key
    previous = read_previous(request.output, model, __version__)
    writer = Writer(request.output)
    corpus = _Corpus(units, previous, writer, model)
    total = len(units)
    started = time.perf_counter()
    progress: Progress | None = None
    ray: Any = None
    interrupt = _Interrupt()
    try:
        if corpus.todo:
            ray = _import_ray()
            workers = _start_ray(ray, request)
            interrupt.install()
            corpus.summary.workers = workers
            progress = Progress(total, total - len(corpus.todo)
                                - sum(map(len, corpus.waiting.values())))
            _dispatch(ray, corpus, make_tasks(corpus.todo, workers), workers,
                      request.settings, progress, interrupt)
    except KeyboardInterrupt:
        if progress is not None:
            progress.close()
            progress = None
        print(f"contractml: corpus: interrupted; {request.output} holds every line "
              "written so far; run the same command again to scan the rest",
              file=sys.stderr)
        return 130
    finally:
        interrupt.restore()
        if progress is not None:
            progress.close()
        writer.close()
        if ray is not None and ray.is_initialized():
            ray.shutdown()
    corpus.summary.seconds = time.perf_counter() - started
    corpus.summary.scanned_now = corpus.scanned
    _count_previous(corpus.summary, request.output, {str(u.path) for u in units})
    print(corpus.summary.text(), file=sys.stderr)
    return 0


def _count_previous(summary: Summary, output: Path, files: set[str]) -> None:
    """Add the lines of earlier runs (units not written now) to the summary."""
    import json

    fresh = Summary()
    with open(output, encoding="utf-8") as handle:
        lines = [json.loads(text) for text in handle if text.strip()]
    latest: dict[str, dict[str, Any]] = {}
    for line in lines:
        if line.get("file") in files:
            latest[line["file"]] = line
    for line in latest.values():
        fresh.add(line)
    summary.units, summary.status = fresh.units, fresh.status
    summary.causes, summary.categories = fresh.causes, fresh.categories


def _dispatch(ray: Any, corpus: _Corpus, tasks: list[Task], workers: int,
              settings: CorpusSettings, progress: Progress, interrupt: _Interrupt) -> None:
    """Keep one task in flight per worker until every unit has its line."""
    from ray.exceptions import RayActorError, RayTaskError

    worker_class = actor_class()
    pending: deque[Task] = deque(tasks)
    attempts: dict[str, int] = {}
    idle = [worker_class.remote(settings) for _ in range(workers)]
    running: dict[Any, tuple[Any, Task]] = {}
    while pending or running:
        while idle and pending:
            actor, task = idle.pop(), pending.popleft()
            running[actor.scan.remote(task)] = (actor, task)
        ready, _ = ray.wait(list(running), num_returns=1, timeout=1.0)
        interrupt.check()
        progress.tick()
        for ref in ready:
            actor, task = running.pop(ref)
            try:
                result = ray.get(ref)
            except RayActorError as exc:
                ray.kill(actor)
                idle.append(worker_class.remote(settings))
                cause = str(exc).strip().splitlines()[0] if str(exc).strip() else "died"
                for unit in task.units:
                    attempts[unit.sha256] = attempts.get(unit.sha256, 0) + 1
                    if attempts[unit.sha256] < ATTEMPTS:
                        pending.append(Task((unit,), task.version))
                    else:
                        progress.advance(corpus.finish(unit, {
                            "file": str(unit.path), "sha256": unit.sha256,
                            "status": "failed", "compiler": None, "seconds": 0.0,
                            "findings": [], "cause": "worker-lost",
                            "reason": f"the worker process died twice while scanning "
                                      f"this unit ({cause})"}))
                continue
            except RayTaskError as exc:
                idle.append(actor)
                for unit in task.units:
                    progress.advance(corpus.finish(unit, {
                        "file": str(unit.path), "sha256": unit.sha256, "status": "failed",
                        "compiler": None, "seconds": 0.0, "findings": [], "cause": "error",
                        "reason": f"internal error: {str(exc).strip().splitlines()[-1]}"}))
                continue
            idle.append(actor)
            corpus.summary.peak_rss[str(result["pid"])] = max(
                result["rss"], corpus.summary.peak_rss.get(str(result["pid"]), 0))
            for unit, line in zip(task.units, result["lines"], strict=True):
                progress.advance(corpus.finish(unit, line))
