"""Progress while a corpus scan runs, and the summary at its end (both on stderr).

On a terminal: a progress bar with units/s and an ETA. Elsewhere (CI, a pipe): one line
every `LINE_SECONDS` seconds.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from contractml.corpus.worker import CAUSES

LINE_SECONDS = 30.0


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"


class Progress:
    """Counts units as their lines are written and shows the rate."""

    def __init__(self, total: int, done: int, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.total, self.done, self.start_done = total, done, done
        self.started = self.last_line = time.monotonic()
        self._bar: Any = None
        if self.stream.isatty() and not os.environ.get("CI"):
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(TextColumn("contractml corpus"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                            console=Console(file=self.stream))
            self._task = self._bar.add_task("units", total=total, completed=done, rate="")
            self._bar.start()

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return (self.done - self.start_done) / elapsed if elapsed > 0 else 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        self.tick()

    def tick(self) -> None:
        rate = self.rate()
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, rate=f"{rate:.2f} units/s")
            return
        now = time.monotonic()
        if now - self.last_line >= LINE_SECONDS:
            self.last_line = now
            left = self.total - self.done
            eta = f", ETA {_duration(left / rate)}" if rate > 0 else ""
            print(f"contractml: corpus: {self.done}/{self.total} units, {rate:.2f} units/s"
                  f"{eta}", file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


@dataclass
class Summary:
    """Counts over every unit of the corpus, this run's and earlier runs' lines alike."""

    units: int = 0
    status: Counter[str] = field(default_factory=Counter)
    causes: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    near_duplicates: int = 0
    scanned_now: int = 0
    seconds: float = 0.0
    workers: int = 1
    peak_rss: dict[str, int] = field(default_factory=dict)  # worker -> bytes

    def add(self, line: dict[str, Any]) -> None:
        self.units += 1
        self.status[line["status"]] += 1
        if line["status"] == "failed":
            self.causes[str(line.get("cause"))] += 1
        for finding in line.get("findings", []):
            if not finding.get("suppressed"):
                self.categories[str(finding.get("category"))] += 1

    def text(self) -> str:
        failed = ", ".join(f"{self.causes[c]} {c}" for c in
                           [*CAUSES, *sorted(set(self.causes) - set(CAUSES))]
                           if self.causes[c])
        lines = [
            f"contractml: corpus: {self.units} units: {self.status['ok']} ok, "
            f"{self.status['failed']} failed" + (f" ({failed})" if failed else "")
            + f", {self.status['duplicate']} duplicates (byte-identical), "
            f"{self.near_duplicates} near-duplicates (identical without comments and "
            "whitespace)",
            "contractml: corpus: findings by category: " + (", ".join(
                f"{c} {n}" for c, n in sorted(self.categories.items())) or "none"),
        ]
        if self.scanned_now and self.seconds > 0:
            per_hour = self.scanned_now / self.seconds * 3600 / max(1, self.workers)
            lines.append(
                f"contractml: corpus: this run scanned {self.scanned_now} units in "
                f"{_duration(self.seconds)}: {self.scanned_now / self.seconds:.2f} units/s "
                f"with {self.workers} worker(s), {per_hour:.0f} units per worker-hour")
        elif not self.scanned_now:
            lines.append("contractml: corpus: this run scanned nothing (every unit was "
                         "already in the output)")
        if self.peak_rss:
            top = max(self.peak_rss.values())
            lines.append(f"contractml: corpus: peak RSS per worker: at most {top / 2**20:,.0f}"
                         " MiB")
        return "\n".join(lines)
