"""Benchmark `contractml scan` side by side with Slither's full run, in one run.

Writes docs/benchmarks/scan.md (issue #6's acceptance numbers):

    .venv/bin/python scripts/bench_scan.py --out docs/benchmarks/scan.md [--corpus all]

Both tools compile with the same solc-js builds (those contractml installed under
$CONTRACTML_SOLCJS_DIR, default ~/.cache/contractml/solcjs): Slither gets them through
scripts/solc_wrapper/solc.js, a `solc`-compatible command (`--version`, `--standard-json`)
generated per version into a temporary folder. Slither is given one standard-JSON input
per compilation (crytic-compile's `solc-json` platform, forced with
`--compile-force-framework solc-json`, target file named `*.stdjson` so that Slither does
not read it as an AST export) and runs every default detector with `--json FILE`.

- OpenZeppelin: a copy of the npm package's `contracts/` folder (the copy is edited for the
  changed-file run); Slither compiles the whole tree in one standard-JSON run with the
  optimizer on (200 runs, OpenZeppelin's own setting; without it solc stops with "stack too
  deep" in utils/cryptography/P256.sol, since Slither asks for bytecode).
- SmartBugs curated: one Slither run per file, with the version contractml's compile
  planner chose for that file (found by an untimed `compile_project` first); times summed.

contractml: `contractml scan PATH --format sarif -o FILE --fail-on none --offline -v`.
cold = empty $CONTRACTML_CACHE_DIR; warm = the same command again; changed = one comment
line appended to one OpenZeppelin file no other file imports, then the warm command again.
Peak RSS: the largest single process (`/usr/bin/time -f %M`, and the sampler) and the
whole process tree summed (psutil, sampled every 0.1 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WRAPPER_JS = REPO / "scripts" / "solc_wrapper" / "solc.js"
VENV_BIN = Path(sys.executable).parent
SAMPLE_SECONDS = 0.1
#: Targets from issue #6.
COLD_RATIO_MAX = 1.0
WARM_SHARE_MAX = 0.05
RSS_MAX_MB = 1536
#: SARIF levels that mean a high or medium severity finding.
SERIOUS_LEVELS = {"error", "warning"}
SERIOUS_IMPACTS = {"High", "Medium"}
FAILURE_DESCRIPTORS = {"contractml/compile", "contractml/analyse", "contractml/read",
                       "contractml/skipped"}


# --------------------------------------------------------------------------- measuring

@dataclass
class Measured:
    seconds: float
    rc: int
    largest_mb: float  # the largest single process
    tree_mb: float  # the whole process tree, summed
    stderr: list[tuple[float, str]] = field(default_factory=list)


def measure(cmd: list[str], *, cwd: Path, env: dict[str, str],
            keep_stderr: bool = False) -> Measured:
    """Run `cmd`, timing it and sampling the RSS of its process tree."""
    import psutil

    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        full = ["/usr/bin/time", "-f", "%M", "-o", timing.name, *cmd] \
            if Path("/usr/bin/time").is_file() else cmd
        lines: list[tuple[float, str]] = []
        start = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)

        def drain() -> None:
            assert proc.stderr is not None
            for raw in proc.stderr:
                if keep_stderr:
                    lines.append((time.perf_counter() - start,
                                  raw.decode(errors="replace").rstrip()))

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        largest = tree = 0
        top = psutil.Process(proc.pid)
        while proc.poll() is None:
            total = 0
            try:
                members = top.children(recursive=True)
            except psutil.Error:
                members = []
            for member in members:
                if member.pid == proc.pid:
                    continue
                try:
                    rss = member.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                largest = max(largest, rss)
            tree = max(tree, total)
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
        reader.join()
        text = Path(timing.name).read_text().strip().splitlines()
    with_time_mb = float(text[-1]) / 1024 if text and text[-1].isdigit() else 0.0
    largest_mb = max(largest / 2**20, with_time_mb)
    return Measured(seconds, proc.returncode, largest_mb, max(tree / 2**20, largest_mb),
                    lines)


# --------------------------------------------------------------------------- Slither side

def make_wrappers(folder: Path, versions: set[str]) -> dict[str, Path]:
    """One `solc`-like executable per version, over the installed solc-js packages."""
    from contractml.compile.backends import LEGACY_WRAPPER_VERSION, installed_solcjs
    from contractml.compile.versions import STANDARD_JSON_MIN, Version

    installed = installed_solcjs()
    node = shutil.which("node") or "node"
    out: dict[str, Path] = {}
    for text in sorted(versions):
        version = Version.parse(text)
        args = f"--solcjs '{installed[version]}' --solc-version {text}"
        if version < STANDARD_JSON_MIN:
            args += f" --solcjs-wrapper '{installed[LEGACY_WRAPPER_VERSION]}'"
        script = folder / f"solc-{text}"
        script.write_text(
            "#!/bin/sh\n"
            "# solc-compatible front for solc-js (scripts/bench_scan.py)\n"
            'for a in "$@"; do if [ "$a" = --version ]; then\n'
            "  printf 'solc, the solidity compiler commandline interface\\n"
            f"Version: {text}+solcjs\\n'; exit 0; fi; done\n"
            f"exec '{node}' --stack-size=8000 '{WRAPPER_JS}' {args} \"$@\"\n")
        script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        out[text] = script
    return out


def write_stdjson(path: Path, units: list[str], optimize: bool) -> Path:
    data: dict = {"language": "Solidity", "sources": {u: {"urls": [u]} for u in units}}
    if optimize:
        data["settings"] = {"optimizer": {"enabled": True, "runs": 200}}
    path.write_text(json.dumps(data))
    return path


@dataclass
class SlitherRun:
    seconds: float = 0.0
    compile_seconds: float = 0.0
    largest_mb: float = 0.0
    tree_mb: float = 0.0
    runs: int = 0
    failed: list[str] = field(default_factory=list)
    findings: int = 0
    serious: int = 0
    contracts_files: int = 0

    def add(self, other: SlitherRun) -> None:
        self.seconds += other.seconds
        self.compile_seconds += other.compile_seconds
        self.largest_mb = max(self.largest_mb, other.largest_mb)
        self.tree_mb = max(self.tree_mb, other.tree_mb)
        self.runs += other.runs
        self.failed += other.failed
        self.findings += other.findings
        self.serious += other.serious
        self.contracts_files += other.contracts_files


def slither_once(units: list[str], cwd: Path, wrapper: Path, work: Path,
                 optimize: bool, env: dict[str, str]) -> SlitherRun:
    """Slither's full run (compile + parse + every default detector) on `units`."""
    stdjson = write_stdjson(work / "input.stdjson", units, optimize)
    report = work / "slither.json"
    times = work / "solc-times.jsonl"
    for stale in (report, times):
        stale.unlink(missing_ok=True)
    cmd = [str(VENV_BIN / "slither"), str(stdjson), "--compile-force-framework", "solc-json",
           "--solc", str(wrapper), "--json", str(report), "--disable-color"]
    m = measure(cmd, cwd=cwd, env={**env, "SOLC_WRAPPER_TIMES": str(times)}, keep_stderr=True)
    run = SlitherRun(seconds=m.seconds, largest_mb=m.largest_mb, tree_mb=m.tree_mb, runs=1,
                     contracts_files=len(units))
    if times.is_file():
        run.compile_seconds = sum(json.loads(line)["seconds"]
                                  for line in times.read_text().splitlines() if line)
    try:
        data = json.loads(report.read_text())
    except (OSError, ValueError):
        data = {"success": False, "error": None}
    if not data.get("success"):
        tail = [line for _, line in m.stderr if line.strip()][-1:] or ["no JSON output"]
        error = str(data.get("error") or tail[0]).strip().splitlines()[-1:] or [""]
        run.failed.append(f"`{units[0]}`: exit {m.rc}, {error[0][:160]}")
        return run
    detectors = data.get("results", {}).get("detectors", [])
    run.findings = len(detectors)
    run.serious = sum(d.get("impact") in SERIOUS_IMPACTS for d in detectors)
    return run


# --------------------------------------------------------------------------- contractml side

@dataclass
class ScanRun:
    label: str
    seconds: float
    largest_mb: float
    tree_mb: float
    rc: int
    findings: int | None
    serious: int | None
    failed: int | None
    stages: list[tuple[float, str]]
    model: str = ""


def model_json_digest(extra: list[str]) -> str:
    """SHA-256 of the model.json in use (thresholds and rules live there, not in the
    weights), so that a model replaced during the benchmark shows in the report."""
    import hashlib

    folder = REPO / "contractml" / "model" / "default"
    if "--model" in extra[:-1]:
        folder = Path(extra[extra.index("--model") + 1])
    try:
        return hashlib.sha256((folder / "model.json").read_bytes()).hexdigest()
    except OSError:
        return "?"


def contractml_once(label: str, target: Path, cache: Path, work: Path, jobs: int,
                    env: dict[str, str], extra: list[str]) -> ScanRun:
    out = work / f"{label.replace(' ', '-')}.sarif"
    out.unlink(missing_ok=True)
    cmd = [str(VENV_BIN / "contractml"), "scan", str(target), "--format", "sarif",
           "-o", str(out), "--fail-on", "none", "--offline", "--jobs", str(jobs), "-v",
           *extra]
    digest = model_json_digest(extra)
    m = measure(cmd, cwd=work, env={**env, "CONTRACTML_CACHE_DIR": str(cache)},
                keep_stderr=True)
    if model_json_digest(extra) != digest:
        digest += " (replaced during the run)"
    (work / f"{label.replace(' ', '-')}.log").write_text(
        "".join(f"{t:8.2f} {line}\n" for t, line in m.stderr))
    findings = serious = failed = None
    model = f"model.json {digest[:12]}"
    try:
        run = json.loads(out.read_text())["runs"][0]
        info = run.get("properties", {}).get("model", {})
        model = (f"{info.get('name', '?')} (weights {str(info.get('sha256', '?'))[:12]}, "
                 + model + ")")
        results = [r for r in run.get("results", []) if not r.get("suppressions")]
        findings = len(results)
        serious = sum(r.get("level") in SERIOUS_LEVELS for r in results)
        notes = run.get("invocations", [{}])[0].get("toolExecutionNotifications", [])
        failed = sum(n.get("descriptor", {}).get("id") in FAILURE_DESCRIPTORS for n in notes)
    except (OSError, ValueError, KeyError, IndexError):
        pass
    return ScanRun(label, m.seconds, m.largest_mb, m.tree_mb, m.rc, findings, serious,
                   failed, m.stderr, model)


# --------------------------------------------------------------------------- corpora

@dataclass
class Corpus:
    name: str
    root: Path  # scan root, and Slither's working directory
    units: list[str]  # root-relative files
    versions: dict[str, str]  # unit -> solc version contractml chose
    changed: str | None = None  # a leaf file edited for the changed-file run
    optimize: bool = False


def planned_versions(root: Path) -> dict[str, str]:
    """The version contractml's compile planner uses for each file (untimed compile)."""
    from contractml.compile.driver import CompileOptions, compile_project
    from contractml.compile.project import discover

    with tempfile.TemporaryDirectory() as tmp:
        run = compile_project(discover([str(root)]),
                              CompileOptions(cache_dir=Path(tmp), offline=True))
    return {o.unit_name: str(o.version) for o in run.outcomes if o.version is not None}


def median_leaf(root: Path) -> str:
    """The leaf file (imported by no other) with the median import closure."""
    from contractml.compile.imports import build_graph
    from contractml.compile.project import discover

    project = discover([str(root)])
    graph = build_graph(project, project.targets)
    imported = {dep for deps in graph.edges.values() for dep in deps}
    leaves = sorted((len(graph.closure(u)), u) for u in graph.files if u not in imported)
    return leaves[len(leaves) // 2][1]


def load_corpus(name: str, work: Path, changed: str | None) -> Corpus:
    from datasets.corpora import openzeppelin, smartbugs_curated

    if name == "openzeppelin":
        root = work / "openzeppelin" / "contracts"
        shutil.copytree(openzeppelin(), root)
        units = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.sol"))
        versions = planned_versions(root)
        return Corpus(name, root, units, versions, changed or median_leaf(root), True)
    root = smartbugs_curated() / "dataset"
    units = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.sol"))
    return Corpus(name, root, units, planned_versions(root))


# --------------------------------------------------------------------------- the run

@dataclass
class Results:
    corpus: Corpus
    slither: list[SlitherRun] = field(default_factory=list)
    slither_changed: list[SlitherRun] = field(default_factory=list)
    cold: list[ScanRun] = field(default_factory=list)
    warm: list[ScanRun] = field(default_factory=list)
    changed: list[ScanRun] = field(default_factory=list)


def slither_corpus(corpus: Corpus, wrappers: dict[str, Path], work: Path,
                   env: dict[str, str], units: list[str] | None = None) -> SlitherRun:
    chosen = units if units is not None else corpus.units
    total = SlitherRun()
    if corpus.optimize or units is not None:  # one run over every file
        versions = {corpus.versions[u] for u in chosen if u in corpus.versions}
        assert len(versions) == 1, versions
        total.add(slither_once(chosen, corpus.root, wrappers[versions.pop()], work,
                               corpus.optimize, env))
        return total
    for unit in chosen:  # one run per file, each with its own version
        if unit not in corpus.versions:
            total.failed.append(f"{unit}: contractml found no compiler version")
            continue
        total.add(slither_once([unit], corpus.root, wrappers[corpus.versions[unit]], work,
                               corpus.optimize, env))
    return total


def run_corpus(corpus: Corpus, repeats: int, jobs: int, work: Path, env: dict[str, str],
               extra: list[str], log: Callable[[str], None], tools: set[str]) -> Results:
    wrappers = make_wrappers(work, set(corpus.versions.values()))
    results = Results(corpus)
    for repeat in range(1, repeats + 1):
        if "slither" in tools:
            log(f"{corpus.name} #{repeat}: Slither full run")
            results.slither.append(slither_corpus(corpus, wrappers, work, env))
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=work))
        if "contractml" in tools:
            log(f"{corpus.name} #{repeat}: contractml cold")
            results.cold.append(contractml_once(f"cold {repeat}", corpus.root, cache, work,
                                                jobs, env, extra))
            log(f"{corpus.name} #{repeat}: contractml warm")
            results.warm.append(contractml_once(f"warm {repeat}", corpus.root, cache, work,
                                                jobs, env, extra))
        if corpus.changed:
            with open(corpus.root / corpus.changed, "a") as handle:
                handle.write(f"\n// bench_scan edit {repeat}\n")
            if "contractml" in tools:
                log(f"{corpus.name} #{repeat}: contractml after changing {corpus.changed}")
                results.changed.append(contractml_once(f"changed {repeat}", corpus.root,
                                                       cache, work, jobs, env, extra))
            if "slither" in tools:
                log(f"{corpus.name} #{repeat}: Slither on {corpus.changed} alone")
                results.slither_changed.append(
                    slither_corpus(corpus, wrappers, work, env, units=[corpus.changed]))
        shutil.rmtree(cache, ignore_errors=True)
    return results


# --------------------------------------------------------------------------- report

def _secs(values: list[float]) -> str:
    return " / ".join(f"{v:.1f}" for v in values) or "-"


def _mb(values: list[float]) -> str:
    return f"{max(values):.0f}" if values else "-"


def _count(values: list[int | None]) -> str:
    seen = sorted({v for v in values if v is not None})
    return " / ".join(str(v) for v in seen) or "-"


def _verdict(flags: list[bool]) -> str:
    if flags and all(flags):
        return "**met**" + (" in every run" if len(flags) > 1 else "")
    if any(flags):
        return f"**met in {sum(flags)} of {len(flags)} runs**"
    return "**not met**"


def table(res: Results) -> list[str]:
    c = res.corpus
    files = len(c.units)
    lines = [f"### {c.name}", "",
             f"{files} files; solc {', '.join(sorted(set(c.versions.values())))}."
             + (f" Changed file: `{c.changed}`." if c.changed else ""), "",
             "| run | seconds (run 1 / run 2 ...) | peak RSS, largest process MB "
             "| peak RSS, process tree MB | files failed | findings (high+medium) |",
             "|---|---|---|---|---|---|"]

    def scan_row(label: str, runs: list[ScanRun]) -> None:
        if not runs:
            return
        found = _count([r.findings for r in runs])
        serious = _count([r.serious for r in runs])
        lines.append(f"| {label} | {_secs([r.seconds for r in runs])} | "
                     f"{_mb([r.largest_mb for r in runs])} | {_mb([r.tree_mb for r in runs])} | "
                     f"{_count([r.failed for r in runs])} | {found} ({serious}) |")

    def slither_row(label: str, runs: list[SlitherRun]) -> None:
        if not runs:
            return
        lines.append(f"| {label} | {_secs([r.seconds for r in runs])} | "
                     f"{_mb([r.largest_mb for r in runs])} | {_mb([r.tree_mb for r in runs])} | "
                     f"{_count([len(r.failed) for r in runs])} | "
                     f"{_count([r.findings for r in runs])} "
                     f"({_count([r.serious for r in runs])}) |")

    scan_row("contractml cold", res.cold)
    scan_row("contractml warm (same command again)", res.warm)
    scan_row("contractml warm, one file changed", res.changed)
    slither_row(f"Slither full run ({res.slither[0].runs if res.slither else 0} run(s) of "
                "`slither`)", res.slither)
    slither_row("Slither on the changed file alone", res.slither_changed)
    lines.append("")
    models = list(dict.fromkeys(r.model for r in res.cold + res.warm + res.changed))
    if models:
        lines.append("contractml model: " + "; then ".join(f"`{m}`" for m in models)
                     + (" (the model was replaced between runs: findings differ)"
                        if len(models) > 1 else "") + ".")
        lines.append("")
    if res.slither:
        lines.append("Slither's compile share (solc-js inside its runs): "
                     f"{_secs([r.compile_seconds for r in res.slither])} s.")
    for r in res.slither[:1]:
        for failure in r.failed[:10]:
            lines.append(f"- Slither failed: {failure}")
    for r in res.cold[:1]:
        if r.rc not in (0, 1):
            lines.append(f"- contractml cold exited {r.rc}: "
                         f"{' '.join(line for _, line in r.stages[-3:])[:300]}")
    lines.append("")
    return lines


def stage_lines(run: ScanRun) -> list[str]:
    """contractml's `-v` messages with the seconds since start; runs of messages of one
    stage (e.g. `scoring FILE`, one per file) are folded into one line."""
    out: list[str] = []
    folded: list[tuple[float, str]] = []

    def flush() -> None:
        if len(folded) == 1:
            out.append(f"    {folded[0][0]:7.1f}s  {folded[0][1][:150]}")
        elif folded:
            out.append(f"    {folded[0][0]:7.1f}s  {folded[0][1][:110]} ... "
                       f"({len(folded)} messages like it, the last at {folded[-1][0]:.1f}s)")
        folded.clear()

    for t, line in run.stages:
        if not line.startswith("contractml: "):
            continue
        stage = line.split()[1]
        if folded and folded[0][1].split()[1] != stage:
            flush()
        folded.append((t, line))
    flush()
    return out + [f"    {run.seconds:7.1f}s  (exit {run.rc})"]


def stage_split(run: ScanRun) -> dict[str, float]:
    """Seconds per stage, from the times of the first `-v` message of each stage."""
    firsts: dict[str, float] = {}
    for t, line in run.stages:
        words = line.split()
        if len(words) > 1 and words[0] == "contractml:" and words[1] in (
                "compiling", "analysing", "scoring"):
            firsts.setdefault(words[1], t)
    marks = sorted((t, name) for name, t in firsts.items())
    names = {"compiling": "compile", "analysing": "Slither front end",
             "scoring": "model and findings"}
    out: dict[str, float] = {}
    previous, label = 0.0, "start-up (imports, discovery, cache look-ups)"
    for t, name in marks:
        out[label] = t - previous
        previous, label = t, names[name]
    out[label + " and the report"] = run.seconds - previous
    return out


def import_seconds(module: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], cwd=REPO, env=env, check=True)
    return time.perf_counter() - start


def targets(res: Results) -> list[str]:
    out: list[str] = []
    name = res.corpus.name
    if res.slither and res.cold:
        ratios = [c.seconds / s.seconds for c, s in zip(res.cold, res.slither, strict=False)]
        out.append(f"- {name}: cold scan / Slither full run = "
                   + " / ".join(f"{r:.2f}x" for r in ratios)
                   + f" (target <= {COLD_RATIO_MAX:.1f}x): "
                   + _verdict([r <= COLD_RATIO_MAX for r in ratios]))
    if res.warm and res.cold:
        shares = [w.seconds / c.seconds for w, c in zip(res.warm, res.cold, strict=False)]
        out.append(f"- {name}: warm re-scan / cold = "
                   + " / ".join(f"{100 * s:.1f}%" for s in shares)
                   + f" (target <= {100 * WARM_SHARE_MAX:.0f}%): "
                   + _verdict([s <= WARM_SHARE_MAX for s in shares]))
    if res.changed and res.slither_changed:
        pairs = list(zip(res.changed, res.slither_changed, strict=False))
        out.append(f"- {name}: one changed file, whole tree re-scanned = "
                   + " / ".join(f"{c.seconds:.1f} s vs Slither on that file {s.seconds:.1f} s"
                                for c, s in pairs)
                   + " (target: at most Slither's time): "
                   + _verdict([c.seconds <= s.seconds for c, s in pairs]))
    runs = res.cold + res.warm + res.changed
    if runs:
        tree = max(r.tree_mb for r in runs)
        largest = max(r.largest_mb for r in runs)
        out.append(f"- {name}: contractml peak RSS {tree:.0f} MB for the whole process tree "
                   f"({largest:.0f} MB the largest process; target <= {RSS_MAX_MB} MB): "
                   + _verdict([tree <= RSS_MAX_MB]))
    return out


def machine_facts() -> list[str]:
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return [f"{platform.machine()}, {model or 'unknown CPU'}, {os.cpu_count()} CPUs "
            f"(`nproc` {len(os.sched_getaffinity(0))}), {mem_kb / 2**20:.1f} GiB RAM, "
            f"{platform.python_implementation()} {platform.python_version()}"]


def versions() -> str:
    sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                         capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                           cwd=REPO, capture_output=True, text=True, check=False).stdout
    node = subprocess.run(["node", "--version"], capture_output=True, text=True,
                          check=False).stdout.strip()
    parts = [f"contractml {metadata.version('contractml')} at {sha or '?'}"
             + (" with uncommitted changes" if dirty.strip() else ""),
             f"slither-analyzer {metadata.version('slither-analyzer')}",
             f"crytic-compile {metadata.version('crytic-compile')}",
             f"node {node}"]
    return ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs/benchmarks/scan.md")
    parser.add_argument("--corpus", choices=["oz", "smartbugs", "all"], default="all")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2, help="contractml --jobs (default 2)")
    parser.add_argument("--changed-file", help="OpenZeppelin file (relative to contracts/) "
                        "to edit; default: the leaf file with the median import closure")
    parser.add_argument("--scan-arg", action="append", default=[],
                        help="extra argument for `contractml scan` (repeatable)")
    parser.add_argument("--tools", default="contractml,slither",
                        help="which side(s) to run (default: contractml,slither)")
    parser.add_argument("--keep", type=Path, help="keep the work folder (logs, reports) here")
    args = parser.parse_args(argv)

    started = dt.datetime.now(dt.UTC)
    load_start = os.getloadavg()
    env = dict(os.environ)
    env.setdefault("CONTRACTML_SOLCJS_DIR", str(Path.home() / ".cache/contractml/solcjs"))
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env.pop("CONTRACTML_CACHE_DIR", None)
    os.environ["CONTRACTML_SOLCJS_DIR"] = env["CONTRACTML_SOLCJS_DIR"]

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.2f}] {message}",
              file=sys.stderr, flush=True)

    names = {"oz": ["openzeppelin"], "smartbugs": ["smartbugs"],
             "all": ["openzeppelin", "smartbugs"]}[args.corpus]
    work = Path(tempfile.mkdtemp(prefix="bench_scan-"))
    all_results: list[Results] = []
    tools = set(args.tools.split(","))
    try:
        for name in names:
            log(f"{name}: preparing (copy, compiler versions)")
            corpus = load_corpus(name, work / name, args.changed_file)
            corpus_work = work / name / "runs"
            corpus_work.mkdir(parents=True)
            all_results.append(run_corpus(corpus, args.repeats, args.jobs, corpus_work, env,
                                          args.scan_arg, log, tools))
    finally:
        if args.keep:
            for name in names:
                if (work / name / "runs").is_dir():
                    shutil.copytree(work / name / "runs", args.keep / name,
                                    dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    load_end = os.getloadavg()
    solc_versions = sorted({v for r in all_results for v in r.corpus.versions.values()},
                           key=lambda v: tuple(int(x) for x in v.split(".")))

    command = "scripts/bench_scan.py " + " ".join(argv if argv is not None else sys.argv[1:])
    lines = [
        "# Scan benchmark: contractml scan beside Slither", "",
        f"Made by `.venv/bin/python {command.strip()}` on "
        f"{started:%Y-%m-%d %H:%M} UTC.", "",
        f"- machine: {machine_facts()[0]}; load average at the start "
        f"{load_start[0]:.2f} / {load_start[1]:.2f} / {load_start[2]:.2f} (1/5/15 min), "
        f"at the end {load_end[0]:.2f} / {load_end[1]:.2f} / {load_end[2]:.2f}; the machine "
        "is shared with other jobs, so runs of the same command differ (up to ~40%)",
        f"- versions: {versions()}; solc-js {', '.join(solc_versions)} for both tools",
        "- contractml: `contractml scan ROOT --format sarif -o FILE --fail-on none --offline "
        f"--jobs {args.jobs} -v`"
        + (f" {' '.join(args.scan_arg)}" if args.scan_arg else "")
        + "; cold = empty `CONTRACTML_CACHE_DIR` (compilers installed, "
        "`CONTRACTML_SOLCJS_DIR` set, nothing downloaded); warm = the same command again; "
        "one file changed = a comment line appended to one file that no other file imports, "
        "then the warm command again (the whole tree is scanned)",
        "- Slither: `slither INPUT.stdjson --compile-force-framework solc-json --solc "
        "WRAPPER --json FILE --disable-color` (crytic-compile's standard-JSON platform; every "
        "default detector; `WRAPPER` = scripts/solc_wrapper/solc.js over the same solc-js "
        "build, see the script's docstring). crytic-compile asks solc for bytecode as well as "
        "ASTs (`abi, metadata, devdoc, userdoc, evm.bytecode, evm.deployedBytecode, ast`); "
        "contractml asks for `abi` and `ast` only. OpenZeppelin: one run over the whole tree "
        "with the optimizer on (200 runs, OpenZeppelin's setting; without it solc stops with "
        "\"stack too deep\" in utils/cryptography/P256.sol); SmartBugs: one run per file, "
        "each with the version contractml chose for it, seconds summed, one at a time",
        "- seconds: wall clock of the whole command (process start and imports included); "
        "peak RSS: `/usr/bin/time` maximum resident set of the largest process, and the sum "
        f"over the process tree sampled every {SAMPLE_SECONDS} s (psutil; contractml forks "
        "compiler and front-end workers, Slither runs node for solc); MB = MiB",
        "- findings: contractml = SARIF results that are not suppressed (high+medium = "
        "levels error and warning); Slither = `results.detectors` of its JSON "
        "(high+medium = impact High or Medium; the rest are Low, Informational and "
        "Optimization)", "",
        "## Results", ""]
    for res in all_results:
        lines += table(res)
    lines += ["## Targets (issue #6)", ""]
    for res in all_results:
        lines += targets(res)
    lines += ["", "## Where contractml's time goes", ""]
    for res in all_results:
        for label, runs in (("cold", res.cold), ("one file changed", res.changed)):
            for number, run in enumerate(runs, 1):
                split = ", ".join(f"{name} {sec:.1f} s"
                                  for name, sec in stage_split(run).items())
                lines.append(f"- {res.corpus.name}, {label}, run {number} "
                             f"({run.seconds:.1f} s): {split}")
    if "contractml" in tools:
        lines.append(f"- a fresh Python importing `contractml.scoring` (torch, "
                     f"torch_geometric) takes {import_seconds('contractml.scoring', env):.1f} s"
                     f", `contractml.cli` {import_seconds('contractml.cli', env):.1f} s "
                     "(measured once, after the runs)")
    lines += ["", "`-v` stage messages of the first run of each kind, with the seconds "
              "since start:", ""]
    for res in all_results:
        if res.cold:
            lines += [f"{res.corpus.name}:", ""] + stage_lines(res.cold[0]) + [""]
        for label, runs in (("warm", res.warm), ("one file changed", res.changed)):
            if runs:
                lines += [f"{res.corpus.name}, {label}:", ""] + stage_lines(runs[0]) + [""]
    lines += ["## pre-commit hook", "", "(to be measured)", ""]
    text = "\n".join(lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
