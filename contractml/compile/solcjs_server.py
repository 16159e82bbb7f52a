"""Long-lived solc-js processes: one node process per solc-js build loads the compiler
once and compiles request after request (`solcjs_runner.js --serve`).

Loading a soljson build takes node about 0.35 to 0.45 s (0.4.24 to 0.8.19, measured on
this project's 2-core machine); compiling a contract of a few hundred lines takes tens
of milliseconds once it is loaded. A scan of many files of one version (a folder of
deployed contracts, a corpus task) pays the load once instead of once per compilation.

The outcome never depends on the server: a request the server cannot answer (the
process died, for example on solc-js's memory limit, or printed something that is not
a frame) is answered `None`, and the caller runs the one-shot process, whose exit status
and stderr become the error as before. A request that runs past its time limit kills the
server and raises `TimeoutError`. A server is retired after `MAX_REQUESTS` compilations
so the WebAssembly heap starts fresh, a server that grew past `MAX_IDLE_RSS` is not kept
idle, and at most `MAX_IDLE` idle servers are kept per Python process (the least recently
used go first). Servers end with the Python process:
their stdin closes and they exit.
"""

from __future__ import annotations

import atexit
import os
import select
import subprocess
import threading
import time
from collections import OrderedDict
from pathlib import Path

#: Compilations one server answers before it is replaced by a fresh one.
MAX_REQUESTS = 200
#: Idle servers kept per Python process.
MAX_IDLE = 2
#: A server whose resident memory is above this is not kept idle. Loading 0.8.37 and
#: compiling one small contract leaves a server at about 184 MiB; compiling
#: OpenZeppelin's 248 files in one request leaves it at about 425 MiB, which an idle
#: server would otherwise hold through the whole Slither stage of a scan.
MAX_IDLE_RSS = 256 * 2**20
#: `CONTRACTML_SOLCJS_SERVER=0` runs every compilation in a process of its own.
ENABLED_ENV = "CONTRACTML_SOLCJS_SERVER"


class _Server:
    def __init__(self, command: list[str]) -> None:
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.requests = 0

    def alive(self) -> bool:
        return self.proc.poll() is None

    def resident_bytes(self) -> int | None:
        """The process's resident memory (Linux; None where it cannot be read)."""
        try:
            pages = int(Path(f"/proc/{self.proc.pid}/statm").read_text().split()[1])
        except (OSError, ValueError, IndexError):
            return None
        return pages * os.sysconf("SC_PAGE_SIZE")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()

    def ask(self, payload: bytes, timeout: float | None) -> bytes | None:
        """The answer to one framed request; None when the server ended or broke the
        framing; `TimeoutError` past `timeout` seconds."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.requests += 1
        try:
            self.proc.stdin.write(str(len(payload)).encode() + b"\n" + payload)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            return None
        deadline = None if timeout is None else time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        buffer = bytearray()
        expected: int | None = None
        while expected is None or len(buffer) < expected:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                raise TimeoutError
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return None
            buffer += chunk
            if expected is None and b"\n" in buffer:
                header, _, rest = bytes(buffer).partition(b"\n")
                if not header.isdigit():
                    return None
                expected = int(header)
                buffer = bytearray(rest)
        if len(buffer) != expected:
            return None
        return bytes(buffer)


class ServerPool:
    """Idle solc-js servers of this process, by the command that starts them."""

    def __init__(self) -> None:
        self._idle: OrderedDict[tuple[str, ...], list[_Server]] = OrderedDict()
        self._lock = threading.Lock()

    def _take(self, command: list[str]) -> _Server:
        key = tuple(command)
        with self._lock:
            servers = self._idle.get(key)
            while servers:
                server = servers.pop()
                if server.alive():
                    return server
                server.close()
        return _Server(command)

    def _give_back(self, command: list[str], server: _Server) -> None:
        if not server.alive() or server.requests >= MAX_REQUESTS or (
                (resident := server.resident_bytes()) is not None
                and resident > MAX_IDLE_RSS):
            server.close()
            return
        key = tuple(command)
        retired: list[_Server] = []
        with self._lock:
            self._idle.setdefault(key, []).append(server)
            self._idle.move_to_end(key)
            while sum(len(s) for s in self._idle.values()) > MAX_IDLE:
                oldest = next(iter(self._idle))
                retired.append(self._idle[oldest].pop(0))
                if not self._idle[oldest]:
                    del self._idle[oldest]
        for old in retired:
            old.close()

    def compile(self, command: list[str], payload: bytes, timeout: float | None
                ) -> bytes | None:
        """solc's standard-JSON output (bytes) for the request `payload` (the runner's
        JSON), from a server started with `command`; None when no server could answer
        (run the one-shot process)."""
        server = self._take(command)
        try:
            answer = server.ask(payload, timeout)
        except BaseException:  # a time-out or an interrupt: the server's state is unknown
            server.close()
            raise
        if answer is None:
            server.close()
            return None
        self._give_back(command, server)
        return answer

    def close(self) -> None:
        with self._lock:
            servers = [s for group in self._idle.values() for s in group]
            self._idle.clear()
        for server in servers:
            server.close()


POOL = ServerPool()


def enabled() -> bool:
    return os.environ.get(ENABLED_ENV, "1") != "0"


def _close_pool() -> None:
    POOL.close()


def _reset_after_fork() -> None:
    """A forked child starts with a pool of its own: the parent's servers stay the
    parent's (the child neither uses nor stops them)."""
    global POOL
    POOL = ServerPool()


atexit.register(_close_pool)


os.register_at_fork(after_in_child=_reset_after_fork)


#: node's options for solc-js: a deep stack for large inputs. V8's helper threads
#: (compilation, garbage collection) stay on by default: with `--single-threaded`,
#: compiling 60 0.4 contracts in one server cost about the same CPU and 23-39 % more
#: wall time on a quiet machine, and 12-18 % less CPU only while the other core was
#: busy (scripts/bench_node_flags.py; docs/benchmarks/corpus.md).
NODE_FLAGS: tuple[str, ...] = ("--stack-size=8000",)

#: `CONTRACTML_NODE_SINGLE_THREADED=1` adds `--single-threaded`: node then keeps to the
#: one core it runs on. A corpus worker sets it (docs/corpus.md): Ray charges a worker
#: one CPU, and with as many workers as cores the helper threads only compete.
SINGLE_THREADED_ENV = "CONTRACTML_NODE_SINGLE_THREADED"


def node_flags() -> list[str]:
    """The options node runs solc-js with (`NODE_FLAGS`, plus `--single-threaded` when
    `SINGLE_THREADED_ENV` is "1")."""
    extra = ["--single-threaded"] if os.environ.get(SINGLE_THREADED_ENV) == "1" else []
    return [*NODE_FLAGS, *extra]


def runner_command(node: str, runner: Path) -> list[str]:
    return [node, *node_flags(), str(runner), "--serve"]
