"""Compile a project's targets: choose a solc per file, batch by version, isolate failures,
cache outputs.

Every target ends in exactly one `FileOutcome`: compiled (fresh or from the cache) or
failed with a reason (solc's own message where solc gave one). Nothing is dropped.

solc is asked for ABIs and ASTs only: Slither needs no bytecode, and skipping code
generation both saves time and keeps code-generation failures ("Stack too deep") from
blocking analysis.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import os
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from contractml.compile import backends
from contractml.compile.backends import Compiler
from contractml.compile.deep import call_deep
from contractml.compile.imports import SourceGraph, build_graph
from contractml.compile.pragma import (
    Constraint,
    PragmaError,
    find_version_pragmas,
    satisfies_all,
)
from contractml.compile.project import Project
from contractml.compile.sourcetext import text_hash
from contractml.compile.versions import ALL_SOLC_VERSIONS, SOLCJS_VERSIONS, Version
from contractml.diskcache import read_json, write_json
from contractml.errors import CompilerError, NoCompilerError

LOG = logging.getLogger(__name__)

#: Bump when the standard-JSON request or the cached layout changes.
COMPILE_CACHE_VERSION = 3


@dataclass(frozen=True)
class CompileOptions:
    solc: str | None = None  # --solc PATH
    solc_version: str | None = None  # force one version for every file
    offline: bool = False
    cache_dir: Path | None = None  # None: no cache
    jobs: int = 2
    #: Seconds one solc run may take; the front end allows this much per file it
    #: analyses (see contractml.pipeline). None: no limit.
    timeout: float | None = 600.0
    #: Bytes of memory of its own (unique set size) one front-end process may use
    #: before it is stopped and its files reported as failed. None: no limit.
    analysis_memory: int | None = 2 * 1024 ** 3


@dataclass
class CompiledUnit:
    """One solc output and the sources behind it, shared by the targets compiled together."""

    compiler: Compiler
    output_data: dict | None  # None until `output` loads it (cached units)
    files: dict[str, Path]  # unit name -> absolute path
    texts: dict[str, str]  # unit name -> text compiled
    targets: list[str]  # unit names of the targets this unit was made for
    closures: dict[str, list[str]]  # target -> unit names it needs (itself first)
    seconds: float
    from_cache: bool = False
    remappings: tuple[str, ...] = ()
    loader: Callable[[], dict] | None = None

    @property
    def output(self) -> dict:
        """solc's standard-JSON output; a cached one is read from disk on first use, so
        a run whose front-end records are all cached never reads it."""
        if self.output_data is None:
            assert self.loader is not None
            self.output_data = self.loader()
        return self.output_data

    def sources(self, targets: Sequence[str]) -> list[str]:
        """The source files of some targets' import closures, in first-seen order."""
        return list(dict.fromkeys(u for t in targets for u in self.closures[t]))

    def subset(self, targets: Sequence[str]) -> CompiledUnit:
        """This unit cut down to some targets' import closures (same ids, same ASTs)."""
        closure = self.sources(targets)
        return CompiledUnit(compiler=self.compiler, output_data=_restrict(self.output, closure),
                            files={u: self.files[u] for u in closure},
                            texts={u: self.texts[u] for u in closure}, targets=list(targets),
                            closures={t: self.closures[t] for t in targets}, seconds=0.0,
                            from_cache=self.from_cache, remappings=self.remappings)


@dataclass
class FileOutcome:
    path: Path
    unit_name: str
    version: Version | None = None
    compiler: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0  # this file's share of its compilation's wall time
    batch_size: int = 0
    cached: bool = False
    unit: CompiledUnit | None = None
    cache_key: str | None = None
    pragma: str = ""  # the version constraints that chose the compiler
    no_compiler: bool = False  # failed only for want of a compiler

    @property
    def ok(self) -> bool:
        return self.error is None and self.unit is not None


@dataclass
class CompileRun:
    project: Project
    outcomes: list[FileOutcome]
    units: list[CompiledUnit]
    seconds: float


#: solc stopped emitting the legacy AST in 0.8.0.
LEGACY_AST_MAX = Version(0, 7, 6)


def _request(sources: dict[str, str], version: Version, remappings: Sequence[str] = (),
             legacy_ast: bool = False) -> dict:
    ast_keys = ["ast"] if version >= Version(0, 4, 12) and not legacy_ast else \
        ["ast", "legacyAST"]
    return {
        "language": "Solidity",
        "sources": {name: {"content": text} for name, text in sources.items()},
        "settings": {"outputSelection": {"*": {"*": ["abi"], "": ast_keys}},
                     "remappings": list(remappings)},
    }


def _errors(output: dict) -> list[dict]:
    return [e for e in output.get("errors", []) if e.get("severity") == "error"]


def _message(error: dict) -> str:
    text = (error.get("formattedMessage") or error.get("message") or "").strip()
    return text or json.dumps(error)


def _restrict(output: dict, units: Sequence[str]) -> dict:
    keep = set(units)
    return {
        "sources": {k: v for k, v in output.get("sources", {}).items() if k in keep},
        "contracts": {k: v for k, v in output.get("contracts", {}).items() if k in keep},
    }


class _Cache:
    """Compiled outputs on disk. One gzipped output per solc run (`outputs/`), and per
    target a small metadata file naming its compiler and that output, so files compiled
    together share one stored copy of the ASTs they have in common."""

    def __init__(self, root: Path | None) -> None:
        self.root = root / "compile" if root else None
        self._loaded: dict[str, dict] = {}

    def _meta_path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.meta.json"

    def _output_path(self, output_key: str) -> Path:
        assert self.root is not None
        return self.root / "outputs" / f"{output_key}.json.gz"

    def get(self, key: str) -> dict | None:
        """The target's metadata, if it and the output it names are stored."""
        if self.root is None:
            return None
        try:
            meta = read_json(self._meta_path(key), compressed=False)
        except (OSError, ValueError):
            return None
        if not (isinstance(meta, dict)
                and {"compiler", "compiler_path", "output", "version"} <= set(meta)
                and self._output_path(str(meta["output"])).is_file()):
            return None
        return meta

    def load_output(self, key: str, closure: Sequence[str]) -> dict:
        """The stored output behind target `key`, cut down to its closure."""
        meta = self.get(key)
        try:
            if meta is None:
                raise OSError("missing")
            output_key = str(meta["output"])
            if output_key not in self._loaded:
                self._loaded[output_key] = call_deep(
                    read_json, self._output_path(output_key), compressed=True)
            return _restrict(self._loaded[output_key], closure)
        except (OSError, ValueError, EOFError, RecursionError) as exc:
            raise CompilerError(f"compile cache entry {key[:12]} is unreadable ({exc}); "
                                "run again with --no-cache or delete it") from exc

    def put(self, unit: CompiledUnit, keys: dict[str, str],
            warnings: dict[str, list[str]]) -> None:
        """Store a fresh unit's output once and a metadata file per target."""
        if self.root is None or not keys:
            return
        output_key = hashlib.sha256("|".join(sorted(keys.values())).encode()).hexdigest()
        try:
            call_deep(write_json, self._output_path(output_key), unit.output,
                      compressed=True)
        except RecursionError:  # absurdly deep ASTs: analysed, just not cached
            return
        for target, key in keys.items():
            write_json(self._meta_path(key), {"compiler": unit.compiler.kind,
                                               "compiler_path": str(unit.compiler.path),
                                               "version": str(unit.compiler.version),
                                               "warnings": warnings.get(target, []),
                                               "output": output_key}, compressed=False)


def cache_key(version: Version, target: str, closure: Sequence[str], graph: SourceGraph
              ) -> str:
    """A target's key: the compiler, the target itself (files that import each other share
    a closure, not a record) and the content of every file of its closure."""
    digest = hashlib.sha256(
        f"contractml-compile-{COMPILE_CACHE_VERSION}|{version}|target={target}".encode())
    for unit in sorted(closure):
        digest.update(f"|{unit}={text_hash(graph.texts[unit])}".encode())
    return digest.hexdigest()


class _Planner:
    """Chooses a version per target from the pragmas of its whole import closure."""

    def __init__(self, graph: SourceGraph, options: CompileOptions) -> None:
        self.graph = graph
        self.options = options
        self._constraints: dict[str, list[Constraint] | str] = {}

    def allowed(self, constraints: Sequence[Constraint]) -> list[Version]:
        """Every release the constraints allow, newest first: npm's solc-js releases, or
        where none fits, every solc release (0.4.12 exists only as a native binary).
        What is installed on this machine plays no part, so a file gets the same
        compiler on a fresh machine and on a warm one."""
        for pool in (SOLCJS_VERSIONS, ALL_SOLC_VERSIONS):
            matching = [v for v in pool if satisfies_all(constraints, v)]
            if matching:
                return sorted(matching, reverse=True)
        return []

    def constraints(self, unit: str) -> list[Constraint] | str:
        if unit not in self._constraints:
            try:
                self._constraints[unit] = [
                    Constraint.parse(text)
                    for text in find_version_pragmas(self.graph.texts[unit])
                ]
            except PragmaError as exc:
                self._constraints[unit] = f"{unit}: unreadable pragma: {exc}"
        return self._constraints[unit]

    def closure_constraints(self, closure: Sequence[str]) -> list[Constraint]:
        """The readable constraints of every file of a closure."""
        return [c for u in closure if isinstance(found := self.constraints(u), list)
                for c in found]

    def fallbacks(self, closure: Sequence[str], failed: Version) -> list[Version]:
        """The versions to try, in order, after `failed` (the first choice) rejected a
        target: with a pragma, the oldest patch of `failed`'s line the pragma allows,
        then the patch halfway between the two; then, with or without a pragma, the
        newest allowed release of each older line, newest line first. The order depends
        only on the pragmas (`docs/corpus.md`, "Compiler choice")."""
        every = self.closure_constraints(closure)
        allowed = self.allowed(every)
        line = (failed.major, failed.minor)
        order: list[Version] = []
        same_line = [v for v in allowed if (v.major, v.minor) == line and v < failed]
        if every and same_line:
            floor = same_line[-1]
            order.append(floor)
            middle_patch = (floor.patch + failed.patch) // 2
            middle = min((v for v in same_line if v.patch >= middle_patch and v != floor),
                         default=None)
            if middle is not None:
                order.append(middle)
        newest_of_line: dict[tuple[int, int], Version] = {}
        for version in allowed:
            key = (version.major, version.minor)
            if key < line and key not in newest_of_line:
                newest_of_line[key] = version
        order.extend(newest_of_line.values())
        return order

    def pragma_text(self, closure: Sequence[str]) -> str:
        texts = [str(c) for c in self.closure_constraints(closure)]
        return " and ".join(sorted(set(texts)))

    def choose(self, target: str, closure: Sequence[str]) -> tuple[Version | None, str | None,
                                                                   list[str]]:
        """(version, error, warnings) for one target."""
        warnings: list[str] = []
        every: list[Constraint] = []
        for unit in closure:
            found = self.constraints(unit)
            if isinstance(found, str):
                return None, found, warnings
            if not found and unit == target:
                warnings.append("no `pragma solidity`: compiler version chosen freely")
            every.extend(found)
        if self.options.solc_version:
            return Version.parse(self.options.solc_version), None, warnings
        allowed = self.allowed(every)
        version = allowed[0] if allowed else None
        if version is None:
            wanted = " and ".join(sorted({str(c) for c in every})) or "any version"
            return None, f"no solc release satisfies pragma {wanted}", warnings
        return version, None, warnings


def compile_project(project: Project, options: CompileOptions,
                    progress: Callable[[str], None] | None = None,
                    output_needed: Callable[[str], bool] | None = None,
                    before_compiling: Callable[[int], None] | None = None) -> CompileRun:
    """Compile every target of `project`.

    `output_needed(cache_key)` may say that a cached output will not be used (its
    front-end records are cached too); such outputs are only read if something asks.
    `before_compiling(count)` is called once, before the first compiler runs, if any does,
    with the number of files to compile.
    """
    start = time.perf_counter()
    graph = build_graph(project, project.targets)
    if any(name.startswith("../") for name in graph.files):
        # A relative import climbs above the root: solc would drop the `..`, so widen
        # the root to the common folder of every file reached and resolve again.
        wider = Path(os.path.commonpath([str(p.resolve().parent) for p in graph.files.values()]
                                        + [str(project.root)]))
        project = dataclasses.replace(project, root=wider, notices=(
            *project.notices, f"root widened to {wider}: imports climb above {project.root}"))
        graph = build_graph(project, project.targets)
    planner = _Planner(graph, options)
    cache = _Cache(options.cache_dir)
    user_compiler = backends.user_compiler(options.solc) if options.solc else None

    outcomes: dict[str, FileOutcome] = {}
    closures: dict[str, list[str]] = {}
    pending: dict[Version, list[str]] = defaultdict(list)
    units: list[CompiledUnit] = []
    missing_by_unit = defaultdict(list)
    for importer, import_path in graph.missing:
        missing_by_unit[importer].append(import_path)
    refused_by_unit = defaultdict(list)
    for importer, import_path in graph.refused:
        refused_by_unit[importer].append(import_path)

    for path in project.targets:
        unit = project.unit_name(path)
        outcome = FileOutcome(path=path, unit_name=unit)
        outcomes[unit] = outcome
        closure = graph.closure(unit)
        closures[unit] = closure
        missing = [f"{imp} (imported by {src})" for src in closure
                   for imp in missing_by_unit.get(src, [])]
        refused = [f"{imp} (imported by {src})" for src in closure
                   for imp in refused_by_unit.get(src, [])]
        if missing or refused:
            outcome.error = "\n".join(
                ([f"import not found: {', '.join(missing)}"] if missing else [])
                + ([f"import outside the folders contractml may read, not read: "
                    f"{', '.join(refused)} (name its folder with --remap PREFIX=FOLDER "
                    "to allow it)"] if refused else []))
            continue
        if user_compiler is not None:
            version, error, outcome.warnings = user_compiler.version, None, []
        else:
            version, error, outcome.warnings = planner.choose(unit, closure)
        if error is not None:
            outcome.error = error
            continue
        assert version is not None
        outcome.version = version
        outcome.pragma = planner.pragma_text(closure)
        outcome.cache_key = cache_key(version, unit, closure, graph)
        cached = cache.get(outcome.cache_key)
        output: dict | None = None
        if cached is not None and not (output_needed and not output_needed(outcome.cache_key)):
            # The output will be used: read it now, and treat an unreadable entry as a miss.
            try:
                output = cache.load_output(outcome.cache_key, closure)
            except CompilerError:
                cached = None
        if cached is not None:
            compiler = Compiler(Version.parse(cached["version"]), cached["compiler"],
                                Path(cached["compiler_path"]))
            outcome.version = compiler.version
            outcome.warnings.extend(w for w in cached.get("warnings", [])
                                    if w not in outcome.warnings)
            assert outcome.cache_key is not None
            outcome.unit = CompiledUnit(
                compiler=compiler, output_data=output,
                loader=functools.partial(cache.load_output, outcome.cache_key, closure),
                files={u: graph.files[u] for u in closure},
                texts={u: graph.texts[u] for u in closure}, targets=[unit],
                closures={unit: closure}, seconds=0.0, from_cache=True,
                remappings=tuple(str(r) for r in project.remappings))
            outcome.compiler, outcome.cached = compiler.describe(), True
            units.append(outcome.unit)
            continue
        pending[version].append(unit)

    if pending and before_compiling is not None:
        before_compiling(sum(len(files) for files in pending.values()))
    compilers: dict[Version, Compiler | NoCompilerError] = {}
    for version in sorted(pending):
        try:
            compilers[version] = user_compiler or backends.resolve_compiler(
                version, offline=options.offline)
        except NoCompilerError as exc:
            compilers[version] = exc

    def compile_version(job: tuple[Version, list[str]]) -> list[CompiledUnit]:
        version, targets = job
        compiler = compilers[version]
        if isinstance(compiler, NoCompilerError):
            exc = compiler
            for t in targets:
                pragma = outcomes[t].pragma
                outcomes[t].error = (f"pragma {pragma}: " if pragma else "") + exc.message
                outcomes[t].no_compiler = True
            return []
        if progress:
            progress(f"compiling {len(targets)} file(s) with {compiler.describe()}")
        return _compile_isolating(compiler, targets, closures, graph, project, options,
                                  outcomes)

    jobs = [(version, chunk) for version in sorted(pending)
            for chunk in _batches(sorted(pending[version]), compilers[version])]
    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        for produced in pool.map(compile_version, jobs):
            units.extend(produced)
    if not (options.solc or options.solc_version):
        units.extend(_fall_back(planner, outcomes, closures, graph, project,
                                               options))

    for unit in units:
        if not unit.from_cache:
            cache.put(unit, {t: key for t in unit.targets
                             if (key := outcomes[t].cache_key) is not None},
                      {t: outcomes[t].warnings for t in unit.targets})
    ordered = [outcomes[project.unit_name(p)] for p in project.targets]
    if ordered and all(o.no_compiler for o in ordered):
        # Not one file compiled for want of a compiler: say what to install, once.
        raise NoCompilerError(ordered[0].error or "no compiler")
    return CompileRun(project=project, outcomes=ordered, units=units,
                      seconds=time.perf_counter() - start)


#: Most targets handed to one run of an old solc-js (before 0.6): those builds slow
#: down more than linearly with the size of one input (a 290-file SolidiFI batch ran
#: for over ten minutes with 0.5.17; 31 files took 9.5 s). Newer builds take a whole
#: project at once (OpenZeppelin's 248 files in about 8 s).
MAX_BATCH_TARGETS = 32


def _batches(targets: list[str], compiler: Compiler | NoCompilerError | None = None
             ) -> list[list[str]]:
    """Consecutive slices (sorted names keep neighbours, which share imports, together)."""
    small = (isinstance(compiler, Compiler) and compiler.kind == "solc-js"
             and compiler.version < Version(0, 6, 0))
    if not small or len(targets) <= MAX_BATCH_TARGETS:
        return [targets]
    count = -(-len(targets) // MAX_BATCH_TARGETS)
    size = -(-len(targets) // count)
    return [targets[i:i + size] for i in range(0, len(targets), size)]


def _fall_back(planner: _Planner, outcomes: dict[str, FileOutcome],
               closures: dict[str, list[str]], graph: SourceGraph, project: Project,
               options: CompileOptions) -> list[CompiledUnit]:
    """Files that the first-choice compiler rejected are tried with the planner's
    fallback versions, in order, until one accepts them; the files waiting for the
    same version compile together. A file no version accepts keeps its first error."""
    first_error: dict[str, tuple[Version, str]] = {}
    alternatives: dict[str, list[Version]] = {}
    for target, outcome in outcomes.items():
        if (outcome.error and outcome.version and outcome.unit is None
                and not outcome.no_compiler and outcome.batch_size):
            others = planner.fallbacks(closures[target], outcome.version)
            if others:
                first_error[target] = (outcome.version, outcome.error)
                alternatives[target] = others
    produced: list[CompiledUnit] = []
    while alternatives:
        groups: dict[Version, list[str]] = defaultdict(list)
        for target, versions in alternatives.items():
            groups[versions.pop(0)].append(target)
        for version, targets in sorted(groups.items(), reverse=True):
            try:
                compiler = backends.resolve_compiler(version, offline=options.offline)
            except NoCompilerError:
                continue
            for target in targets:
                outcomes[target].error = None
            for batch in _batches(targets, compiler):
                produced.extend(_compile_isolating(compiler, batch, closures, graph, project,
                                                   options, outcomes))
            for target in targets:
                outcome = outcomes[target]
                failed_version, message = first_error[target]
                if outcome.ok:
                    outcome.version = version
                    allows = ("which its pragma also allows" if outcome.pragma
                              else "the newest of an older line (no pragma)")
                    outcome.warnings.append(
                        f"solc {failed_version} rejected this file "
                        f"({message.strip().splitlines()[0]}); compiled with solc {version}, "
                        f"{allows}")
                    alternatives.pop(target, None)
                else:
                    outcome.error = message
        alternatives = {t: v for t, v in alternatives.items() if v}
    return produced


def _compile_isolating(compiler: Compiler, targets: list[str], closures: dict[str, list[str]],
                       graph: SourceGraph, project: Project, options: CompileOptions,
                       outcomes: dict[str, FileOutcome]) -> list[CompiledUnit]:
    """Compile `targets` together; on errors, retry the implicated files alone and the
    rest together again, so one broken file never sinks the others."""
    sources: dict[str, None] = {}
    for target in targets:
        sources.update(dict.fromkeys(closures[target]))
    texts = {u: graph.texts[u] for u in sources}
    roots = [project.root, *project.include_paths]
    start = time.perf_counter()
    try:
        output = compiler.run(_request(texts, compiler.version,
                                       [str(r) for r in project.remappings]),
                              {u: graph.files[u] for u in sources}, roots, options.timeout)
    except CompilerError as exc:
        if len(targets) == 1:
            outcomes[targets[0]].error = exc.message
            outcomes[targets[0]].compiler = compiler.describe()
            return []
        output = {"errors": [{"severity": "error", "message": exc.message}]}
    seconds = time.perf_counter() - start
    errors = _errors(output)
    if not errors:
        unit = CompiledUnit(compiler=compiler, output_data=output,
                            files={u: graph.files[u] for u in sources}, texts=texts,
                            targets=list(targets),
                            closures={t: closures[t] for t in targets}, seconds=seconds,
                            remappings=tuple(str(r) for r in project.remappings))
        total = sum(len(texts[t]) for t in targets) or 1
        for target in targets:
            outcome = outcomes[target]
            outcome.unit = unit
            outcome.compiler = compiler.describe()
            outcome.batch_size = len(targets)
            outcome.seconds = seconds * len(texts[target]) / total
        return [unit]
    if len(targets) == 1:
        outcome = outcomes[targets[0]]
        outcome.compiler = compiler.describe()
        outcome.seconds = seconds
        outcome.batch_size = 1
        outcome.error = "\n".join(_message(e) for e in errors)
        return []
    bad_sources = {e.get("sourceLocation", {}).get("file") for e in errors}
    implicated = [t for t in targets if bad_sources & set(closures[t])]
    if not implicated or None in bad_sources:
        half = len(targets) // 2
        groups = [targets[:half], targets[half:]]
    else:
        # Source units do not see each other unless imported, so the errors located in
        # a target's import closure are solc's verdict on that target alone: report them
        # without recompiling it. The rest go on together (an error in an early phase,
        # such as parsing, can hide later-phase errors of other files).
        for target in implicated:
            outcome = outcomes[target]
            own = [e for e in errors
                   if e.get("sourceLocation", {}).get("file") in set(closures[target])]
            outcome.compiler = compiler.describe()
            outcome.seconds = seconds / len(targets)
            outcome.batch_size = len(targets)
            outcome.error = "\n".join(_message(e) for e in own)
        rest = [t for t in targets if t not in implicated]
        groups = [rest] if rest else []
    produced: list[CompiledUnit] = []
    for group in groups:
        produced.extend(_compile_isolating(compiler, group, closures, graph, project, options,
                                           outcomes))
    return produced


def recompile_with_legacy_ast(unit: CompiledUnit, target: str,
                              options: CompileOptions) -> CompiledUnit | None:
    """`target` compiled again with solc's legacy AST in place of the compact one, for
    the contracts Slither cannot read in the compact form; None where solc has no legacy
    AST (0.8.0 on) or the compilation fails."""
    if unit.compiler.version > LEGACY_AST_MAX:
        return None
    closure = unit.closures[target]
    texts = {u: unit.texts[u] for u in closure}
    files = {u: unit.files[u] for u in closure}
    try:
        output = unit.compiler.run(_request(texts, unit.compiler.version, unit.remappings,
                                            legacy_ast=True),
                                   files, sorted({p.parent for p in files.values()}),
                                   options.timeout)
    except CompilerError:
        return None
    if _errors(output):
        return None
    for source in output.get("sources", {}).values():
        if "legacyAST" in source:
            source["ast"] = source.pop("legacyAST")
    return CompiledUnit(compiler=unit.compiler, output_data=output, files=files, texts=texts,
                        targets=[target], closures={target: closure}, seconds=0.0,
                        remappings=unit.remappings)
