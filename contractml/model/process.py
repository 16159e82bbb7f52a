"""The network in a process of its own, started before it is needed.

Importing torch and torch_geometric and loading the network take seconds (2.4 s for the
imports alone on the benchmark machine, docs/benchmarks/scan.md), while a scan of one
changed file spends about as long in solc and Slither, on one core. `contractml scan`
therefore starts this process before it is needed: before compiling when fewer files
than its jobs need Slither, otherwise once an analysis slot is free with nothing left
to start (`pipeline.build`'s `on_work`), so that it never holds torch's memory beside a
full set of Slither processes. The import runs on a free core while solc and Slither
work, and the records are sent here to be scored when they are ready.

The process is started with `spawn` (a fresh interpreter: nothing of the parent's
threads or locks), is a daemon (it ends with the scan), ignores Ctrl-C (the scan
handles it), and runs one call at a time: `call(fn, *args)` runs `fn(handle, *args)`
there, where `handle` is what the process's `loader(model_path)` made when it started
(for `contractml.model.handle`, its own verified `ModelHandle` of the same folder). The
loader is a module-level function, pickled by reference, so this module imports neither
the handle nor torch.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class ProcessLost(Exception):
    """The scoring process ended before answering (killed, out of memory, crashed)."""


class ScoringProcess:
    def __init__(self, model_path: Path, loader: Callable[[Path], Any]) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=_serve,
                                        args=(str(model_path), loader, child_end),
                                        name="contractml-scoring", daemon=True)
        self._process.start()
        child_end.close()

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(handle, *args)` in the scoring process; its exception is raised here."""
        try:
            self._connection.send((fn, args))
            status, value = self._connection.recv()
        except (EOFError, OSError) as exc:
            self.close()
            raise ProcessLost(f"the scoring process ended unexpectedly (exit code "
                              f"{self._process.exitcode})") from exc
        if status == "error":
            raise value
        return value  # type: ignore[no-any-return]

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def close(self) -> None:
        self._connection.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


def _serve(model_path: str, loader: Callable[[Path], Any], connection: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    handle: Any = None
    failure: BaseException | None = None
    try:
        handle = loader(Path(model_path))
    except Exception as exc:  # noqa: BLE001 - sent back with the first call
        failure = exc
    while True:
        try:
            fn, args = connection.recv()
        except (EOFError, OSError):
            return
        try:
            if handle is None:
                assert failure is not None
                raise failure
            answer: tuple[str, Any] = ("ok", fn(handle, *args))
        except Exception as exc:  # noqa: BLE001 - raised again in the caller
            answer = ("error", exc)
        try:
            connection.send(answer)
        except Exception as exc:  # noqa: BLE001 - an answer that cannot be pickled
            connection.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
