"""Compiler backends: find or install a solc of a given version and run standard JSON.

Order of preference, per version (see README, "Compilers"):
1. `--solc PATH` (used for every file);
2. a native solc already on this machine: `solc` on PATH with that version, solc-select
   artifacts, py-solc-x installs;
3. py-solc-x installing a native binary (online only, never with `--offline`);
4. solc-js from npm (`solc@<version>`), installed on demand into the user cache and run
   with node; with `--offline` only an already installed one.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from contractml.compile import solcjs_server
from contractml.compile.deep import DEEP_RECURSION_LIMIT, call_deep
from contractml.compile.versions import STANDARD_JSON_MIN, Version, npm_tag
from contractml.errors import CompilerError, ConfigError, NoCompilerError

LOG = logging.getLogger(__name__)

RUNNER = Path(__file__).with_name("solcjs_runner.js")
#: The solc-js wrapper used for soljson builds that predate standard JSON.
LEGACY_WRAPPER_VERSION = Version(0, 4, 26)
_VERSION_RE = re.compile(r"Version:\s*v?(\d+\.\d+\.\d+)")
#: How long a failed py-solc-x download keeps us from trying again.
SOLCX_RETRY_SECONDS = 6 * 3600


def default_cache_dir() -> Path:
    env = os.environ.get("CONTRACTML_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "contractml"


def solcjs_dir() -> Path:
    """Where solc-js versions are installed (`<dir>/<version>/node_modules/solc`)."""
    env = os.environ.get("CONTRACTML_SOLCJS_DIR")
    return Path(env).expanduser() if env else default_cache_dir() / "solcjs"


@dataclass(frozen=True)
class Compiler:
    """One solc that can run standard JSON."""

    version: Version
    kind: str  # "native" | "solc-js"
    path: Path  # native binary, or the npm `solc` package folder
    wrapper: Path | None = None  # solc-js: a newer package whose wrapper drives this soljson

    def describe(self) -> str:
        return f"solc {self.version} ({self.kind})"

    def run(self, standard_input: dict, files: dict[str, Path], roots: list[Path],
            timeout: float | None) -> dict:
        """Run one standard-JSON compilation and return solc's output. solc-js runs in
        a long-lived process of its build (`solcjs_server`) where one answers, else in
        a process of its own."""
        if self.kind == "native":
            cmd = [str(self.path), "--standard-json"]
            payload = json.dumps(standard_input)
        else:
            cmd = [_node(), *solcjs_server.node_flags(), str(RUNNER)]
            request = {
                "solc": str(self.path),
                "wrapper": str(self.wrapper) if self.wrapper else None,
                "input": standard_input,
                "files": {name: str(path) for name, path in files.items()},
                "roots": [str(r) for r in roots],
            }
            payload = json.dumps(request)
            if solcjs_server.enabled():
                try:
                    answer = solcjs_server.POOL.compile(
                        solcjs_server.runner_command(cmd[0], RUNNER), payload.encode(),
                        timeout)
                except TimeoutError:
                    raise CompilerError(f"{self.describe()} did not finish within "
                                        f"{timeout:.0f} s") from None
                if answer is not None and answer.strip():
                    return self._parse(answer)
        try:
            proc = subprocess.run(cmd, input=payload.encode(), capture_output=True,
                                  timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise CompilerError(f"{self.describe()} did not finish within {timeout:.0f} s") \
                from exc
        if proc.returncode != 0 or not proc.stdout.strip():
            raise CompilerError(f"{self.describe()} failed (exit {proc.returncode}): "
                                + _failure_detail(proc.stderr.decode(errors="replace"),
                                                  self))
        return self._parse(proc.stdout)

    def _parse(self, stdout: bytes) -> dict:
        try:
            return call_deep(json.loads, stdout)
        except json.JSONDecodeError as exc:
            raise CompilerError(f"{self.describe()} printed no JSON: {exc}") from exc
        except RecursionError:
            raise CompilerError(f"{self.describe()}: its output nests deeper than "
                                f"{DEEP_RECURSION_LIMIT:,} levels (an expression nested or "
                                "chained that deep); not analysed") from None


_ERROR_LINE_RE = re.compile(r"^\s*(?:[A-Z]\w*Error|Error|FATAL ERROR|Fatal error)\b.*")


def _failure_detail(stderr: str, compiler: Compiler) -> str:
    """The useful part of a crashed compiler's stderr: its error lines (not the stack
    trace that follows them), with advice for solc-js's known memory limit."""
    lines = stderr.strip().splitlines()
    errors = [m.group().strip() for line in lines if (m := _ERROR_LINE_RE.match(line))]
    detail = "; ".join(dict.fromkeys(errors)) if errors else " ".join(lines[-3:])
    if compiler.kind == "solc-js" and "memory access out of bounds" in stderr:
        detail += (" (solc-js's WebAssembly build cannot compile inputs over about 4 MB "
                   f"at once; a native solc can: `solc-select install {compiler.version}` "
                   "or --solc PATH)")
    return detail or "no output"


@lru_cache(maxsize=1)
def _node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        raise NoCompilerError("node is not installed: solc-js needs Node.js >= 16 "
                              "(or install a native solc, e.g. `pip install solc-select`)")
    return node


def native_version(binary: Path) -> Version | None:
    """The version a solc binary reports, or None if it does not answer like solc."""
    try:
        proc = subprocess.run([str(binary), "--version"], capture_output=True, timeout=10,
                              check=False, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION_RE.search(proc.stdout.decode(errors="replace"))
    return Version.parse(match.group(1)) if proc.returncode == 0 and match else None


def _is_script(path: Path) -> bool:
    """True for a script wrapper such as solc-select's `solc` shim, which may try to
    download a compiler when asked for its version; its artifacts are listed directly."""
    try:
        with open(path, "rb") as handle:
            return handle.read(2) == b"#!"
    except OSError:
        return True


def _native_candidates() -> Iterator[Path]:
    on_path = shutil.which("solc")
    if on_path and not _is_script(Path(on_path)):
        yield Path(on_path)
    homes = [Path.home() / ".solc-select" / "artifacts"]
    venv = os.environ.get("VIRTUAL_ENV")
    if venv:
        homes.append(Path(venv) / ".solc-select" / "artifacts")
    for home in homes:
        if home.is_dir():
            yield from sorted(home.glob("solc-*/solc-*"))
    solcx_home = Path(os.environ.get("SOLCX_BINARY_PATH", Path.home() / ".solcx"))
    if solcx_home.is_dir():
        yield from sorted(solcx_home.glob("solc-v*"))


_NAME_VERSION_RE = re.compile(r"solc-v?(\d+\.\d+\.\d+)$")


@lru_cache(maxsize=1)
def installed_native() -> dict[Version, Path]:
    """Native solc binaries already on this machine, by version (no network)."""
    found: dict[Version, Path] = {}
    for binary in _native_candidates():
        if not (binary.is_file() and os.access(binary, os.X_OK)):
            continue
        named = _NAME_VERSION_RE.search(binary.name)
        # solc-select and py-solc-x name binaries by version; trust the name there and
        # ask only unnamed binaries (PATH) so that start-up stays fast.
        version = Version.parse(named.group(1)) if named else native_version(binary)
        if version is not None:
            found.setdefault(version, binary)
    return found


def installed_solcjs() -> dict[Version, Path]:
    root = solcjs_dir()
    found: dict[Version, Path] = {}
    if root.is_dir():
        for folder in root.iterdir():
            package = folder / "node_modules" / "solc"
            if (package / "soljson.js").is_file():
                with contextlib.suppress(ValueError):
                    found[Version.parse(folder.name)] = package
    return found


def installed_versions() -> set[Version]:
    return set(installed_native()) | set(installed_solcjs())


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def install_solcjs(version: Version) -> Path:
    """Install `solc@<version>` from npm into the cache (once; safe across processes)."""
    root = solcjs_dir()
    final = root / str(version)
    package = final / "node_modules" / "solc"
    with _locked(root / f".{version}.lock"):
        if (package / "soljson.js").is_file():
            return package
        npm = shutil.which("npm")
        if npm is None:
            raise NoCompilerError(
                f"solc {version} is needed but neither a native solc of that version nor "
                "npm is available: install Node.js with npm, or a native solc "
                f"(`solc-select install {version}`), or pass --solc PATH")
        LOG.info("installing solc-js %s from npm into %s", version, final)
        staging = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=root))
        try:
            proc = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund", "--no-save", "--silent",
                 "--prefix", str(staging), f"solc@{npm_tag(version)}"],
                capture_output=True, timeout=600, check=False, stdin=subprocess.DEVNULL)
            if proc.returncode != 0:
                tail = proc.stderr.decode(errors="replace").strip().splitlines()[-2:]
                raise NoCompilerError(
                    f"could not install solc-js {version} from npm: {' '.join(tail)}; "
                    f"install a native solc {version} or pass --solc PATH")
            if final.exists():
                shutil.rmtree(final)
            staging.rename(final)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    return package


_SOLCX_LOCK = threading.Lock()


def _try_solcx_install(version: Version) -> Path | None:
    """Ask py-solc-x for a native binary; remember a failure so we do not wait again."""
    marker = default_cache_dir() / "solcx-unreachable"
    with _SOLCX_LOCK:
        with contextlib.suppress(OSError):
            if time.time() - marker.stat().st_mtime < SOLCX_RETRY_SECONDS:
                return None
        try:
            import solcx  # type: ignore[import-untyped]

            path = Path(solcx.install_solc(str(version), show_progress=False))
        except Exception as exc:  # network errors come in many types
            LOG.info("py-solc-x could not install solc %s (%s); using solc-js", version,
                     type(exc).__name__)
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
            return None
        installed_native.cache_clear()
        return path


def resolve_compiler(version: Version, *, offline: bool) -> Compiler:
    """The fastest usable compiler of exactly `version`, installing one when allowed."""
    native = installed_native().get(version)
    if native is not None:
        return Compiler(version, "native", native)
    if not offline:
        binary = _try_solcx_install(version)
        if binary is not None:
            return Compiler(version, "native", binary)
    package = installed_solcjs().get(version)
    if package is None:
        if offline:
            raise NoCompilerError(
                f"solc {version} is needed but not installed, and --offline forbids "
                "installing it: install it first (`npm install --prefix "
                f"{solcjs_dir() / str(version)} solc@{npm_tag(version)}`, or "
                f"`solc-select install {version}`), or pass --solc PATH")
        _node()
        package = install_solcjs(version)
    wrapper = None
    if version < STANDARD_JSON_MIN:
        wrapper = installed_solcjs().get(LEGACY_WRAPPER_VERSION)
        if wrapper is None:
            if offline:
                raise NoCompilerError(
                    f"solc {version} predates standard JSON and needs solc-js "
                    f"{LEGACY_WRAPPER_VERSION}'s wrapper, which is not installed")
            wrapper = install_solcjs(LEGACY_WRAPPER_VERSION)
    _node()
    return Compiler(version, "solc-js", package, wrapper)


def user_compiler(path: str) -> Compiler:
    """The compiler named by `--solc PATH`."""
    binary = Path(path).expanduser()
    if not binary.is_file():
        found = shutil.which(path)
        if found is None:
            raise ConfigError(f"--solc {path}: no such file")
        binary = Path(found)
    version = native_version(binary)
    if version is None:
        raise ConfigError(f"--solc {path}: does not answer `--version` like solc")
    return Compiler(version, "native", binary)
