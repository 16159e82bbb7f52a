"""Benchmark `contractml corpus` with 1 and 2 workers beside `contractml scan -j 2` and
Slither run once per file (as the SmartBugs framework runs it), on the same contracts
and the same solc-js compilers. Writes docs/benchmarks/corpus.md:

    .venv/bin/python scripts/bench_corpus.py --units 1000 --out docs/benchmarks/corpus.md
        [--pin] [--baselines OLD.json]

The contracts are the first UNITS files, by name, of the SmartBugs wild sample
(../shared/datasets/smartbugs-wild-sample/contracts), copied into a temporary folder.
Every contractml run starts from an empty cache folder (the solc-js compilers stay
installed). Slither gets, per file, the compiler `contractml corpus` ended with for that
file, through scripts/solc_wrapper/solc.js (see scripts/bench_scan.py), and runs every
default detector with `--json`, one process per file.

`--pin` runs each command on as many cores as the table charges it (`taskset -c`, which
every process the command starts inherits: Ray's daemons, workers, node and Slither),
so that one worker's helper threads cannot borrow the core the table does not count.
`--baselines OLD.json` takes the `scan -j 2` and Slither rows from an earlier run's JSON
on the same units instead of running them again (the table says so).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import bench_scan  # noqa: E402

from datasets.corpora import smartbugs_wild  # noqa: E402

VENV_BIN = Path(sys.executable).parent


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep)
    env["RAY_USAGE_STATS_ENABLED"] = "0"
    env["CI"] = "1"  # one progress line every 30 s, no bar
    return env


def _load() -> float:
    return os.getloadavg()[0]


def pinned(cmd: list[str], cores: int | None) -> list[str]:
    """`cmd` limited to the first `cores` CPUs (all of them when None)."""
    if cores is None:
        return cmd
    return ["taskset", "-c", ",".join(str(c) for c in sorted(os.sched_getaffinity(0))[:cores]),
            *cmd]


def run_corpus(folder: Path, work: Path, workers: int, pin: bool = False
               ) -> dict[str, Any]:
    out = work / f"corpus-{workers}.jsonl"
    cmd = [sys.executable, "-m", "contractml", "corpus", str(folder), "-o", str(out),
           "--workers", str(workers), "--cache-dir", str(work / f"cache-corpus-{workers}")]
    load = _load()
    m = bench_scan.measure(pinned(cmd, workers if pin else None), cwd=REPO, env=_env(),
                           keep_stderr=True)
    err = "\n".join(line for _, line in m.stderr)
    if m.rc != 0:
        raise SystemExit(f"corpus --workers {workers} failed ({m.rc}):\n{err[-2000:]}")
    lines = [json.loads(t) for t in out.read_text().splitlines() if t.strip()]
    rss = re.search(r"peak RSS per worker: at most ([\d,]+) MiB", err)
    near = re.search(r"(\d+) near-duplicates", err)
    return {"seconds": m.seconds, "lines": lines, "err": err, "cmd": cmd,
            "rss_mb": float(rss.group(1).replace(",", "")) if rss else None,
            "near": int(near.group(1)) if near else None, "load": (load + _load()) / 2}


def run_scan(folder: Path, work: Path, pin: bool = False) -> dict[str, Any]:
    report = work / "scan.json"
    cmd = [sys.executable, "-m", "contractml", "scan", str(folder), "--format", "json",
           "-o", str(report), "--exit-zero", "-j", "2", "--cache-dir", str(work / "cache-scan")]
    load = _load()
    m = bench_scan.measure(pinned(cmd, 2 if pin else None), cwd=REPO, env=_env())
    data = json.loads(report.read_text())
    return {"seconds": m.seconds, "cmd": cmd, "failed": len(data["failures"]),
            "scanned": len(data["files_scanned"]), "largest_mb": m.largest_mb,
            "load": (load + _load()) / 2}


def run_slither(folder: Path, work: Path, compilers: dict[str, str], jobs: int
                ) -> dict[str, Any]:
    """One Slither process per file, `jobs` of them at a time (one per core)."""
    import queue
    from concurrent.futures import ThreadPoolExecutor

    versions = set(compilers.values())
    wrappers = bench_scan.make_wrappers(work, versions)
    total = bench_scan.SlitherRun()
    load = _load()
    started = time.perf_counter()
    scratches: queue.Queue[Path] = queue.Queue()
    for index in range(jobs):  # each running process writes into a folder of its own
        (work / f"slither-{index}").mkdir(exist_ok=True)
        scratches.put(work / f"slither-{index}")

    def one(item: tuple[str, str]) -> bench_scan.SlitherRun:
        scratch = scratches.get()
        try:
            return bench_scan.slither_once([item[0]], folder, wrappers[item[1]], scratch,
                                           False, _env())
        finally:
            scratches.put(scratch)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        runs = list(pool.map(one, sorted(compilers.items())))
    for run in runs:
        total.add(run)
    return {"seconds": time.perf_counter() - started, "runs": total.runs,
            "failed": len(total.failed), "largest_mb": total.largest_mb,
            "load": (load + _load()) / 2}


def install_compilers(folder: Path) -> None:
    """Install, untimed, every first-choice compiler the contracts' pragmas name (and
    the newest of each line, which fallbacks use), so that no run pays for npm."""
    from contractml.compile.backends import install_solcjs
    from contractml.compile.versions import SOLCJS_VERSIONS, Version
    from contractml.corpus.plan import planned_version
    from contractml.corpus.units import find_units

    wanted = {planned_version(u) for u in find_units([str(folder)])} - {""}
    newest: dict[tuple[int, int], Version] = {}
    for v in SOLCJS_VERSIONS:
        newest[(v.major, v.minor)] = max(v, newest.get((v.major, v.minor), v))
    for version in sorted({*map(Version.parse, wanted), *newest.values()}):
        install_solcjs(version)


def reused_baselines(path: Path, units: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The `scan -j 2` and Slither rows of an earlier run's JSON (`--baselines`)."""
    old = json.loads(path.read_text())
    if old["units"] != units:
        raise SystemExit(f"{path} measured {old['units']} units, not {units}")
    label = next(k for k in old["seconds"] if k.startswith("Slither per file"))
    found = re.search(r"\((\d+) files\)", label)
    runs = int(found.group(1)) if found else 0
    loads = old.get("loads", {})
    scan = {"seconds": old["seconds"]["scan -j 2"], "load": loads.get("scan -j 2"),
            **old.get("scan", {})}
    slither = {"seconds": old["seconds"][label], "runs": runs, "load": loads.get(label),
               "compiled": old.get("slither", {}).get("compiled", runs)}
    return scan, slither


def per_core_hour(units: int, seconds: float, cores: int) -> float:
    return units / (seconds * cores) * 3600


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--slither-jobs", type=int, default=2,
                        help="Slither processes at a time (each one file; default 2)")
    parser.add_argument("--pin", action="store_true",
                        help="run each command on as many cores as the table charges it")
    parser.add_argument("--baselines", type=Path, default=None,
                        help="an earlier run's JSON (same units): its scan and Slither "
                             "rows are reused instead of run again")
    args = parser.parse_args()
    files = sorted(smartbugs_wild().glob("*.sol"))[:args.units]
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    folder = work / "contracts"
    folder.mkdir()
    print(f"bench_corpus: working in {work}", file=sys.stderr, flush=True)
    for path in files:
        shutil.copy(path, folder / path.name)
    install_compilers(folder)
    one = run_corpus(folder, work, 1, args.pin)
    print(f"bench_corpus: one: {one['seconds']:.0f} s", file=sys.stderr, flush=True)
    two = run_corpus(folder, work, 2, args.pin)
    print(f"bench_corpus: two: {two['seconds']:.0f} s", file=sys.stderr, flush=True)
    compilers: dict[str, str] = {}
    for line in two["lines"]:
        if line["status"] == "ok" and line["compiler"]:
            compilers[Path(line["file"]).name] = line["compiler"].split(", ")[0]
    if args.baselines is not None:
        scan, slither = reused_baselines(args.baselines, len(files))
    else:
        scan = run_scan(folder, work, args.pin)
        print(f"bench_corpus: scan: {scan['seconds']:.0f} s", file=sys.stderr, flush=True)
        everything = os.sched_getaffinity(0)
        if args.pin:
            os.sched_setaffinity(0, sorted(everything)[:args.slither_jobs])
        try:
            slither = run_slither(folder, work, compilers, args.slither_jobs)
        finally:
            os.sched_setaffinity(0, everything)
        slither["compiled"] = len(compilers)
    n = len(files)
    status = Counter(line["status"] for line in two["lines"])
    causes = Counter(line.get("cause") for line in two["lines"] if line["status"] == "failed")
    rates = {
        "corpus --workers 1": (per_core_hour(n, one["seconds"], 1), one["seconds"], 1,
                               one["load"]),
        "corpus --workers 2": (per_core_hour(n, two["seconds"], 2), two["seconds"], 2,
                               two["load"]),
        "scan -j 2": (per_core_hour(n, scan["seconds"], 2), scan["seconds"], 2, scan["load"]),
        f"Slither per file ({slither['runs']} files)": (
            per_core_hour(slither["runs"], slither["seconds"], args.slither_jobs),
            slither["seconds"], args.slither_jobs, slither["load"]),
    }
    slither_rate = rates[f"Slither per file ({slither['runs']} files)"][0]
    speedup = one["seconds"] / two["seconds"]
    ok_share = status["ok"] / max(1, n - status["duplicate"])
    out = [
        "# `contractml corpus`: throughput, failures, duplicates, memory",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.machine()} with "
        f"{os.cpu_count()} CPU cores (shared: the 1-minute load average during each run "
        "is listed), Python " + platform.python_version() + ".",
        "",
        "```sh",
        f".venv/bin/python scripts/bench_corpus.py --units {args.units} --out {args.out}"
        + (f" --slither-jobs {args.slither_jobs}" if args.slither_jobs != 2 else "")
        + (" --pin" if args.pin else "")
        + (f" --baselines {args.baselines}" if args.baselines else ""),
        "```",
        "",
        *(["Every command ran on as many cores as its row's `cores` (`--pin`: "
           "`taskset -c`, inherited by every process it starts).", ""] if args.pin else []),
        *([f"The `scan -j 2` and Slither rows are not from this run: they are read from "
           f"`{args.baselines}`, an earlier run on the same {n} contracts "
           "(`--baselines`).", ""] if args.baselines else []),
        f"Contracts: the first {n} files, by name, of the SmartBugs wild sample. Every "
        "contractml run starts with an empty cache folder; the solc-js compilers were "
        "installed beforehand. Slither: one `slither FILE --json` process per file with "
        f"every default detector, {args.slither_jobs} at a time (one per core), on the "
        "compiler `corpus` ended with for that file "
        f"({slither['compiled']} files that compiled).",
        "",
        "| run | wall time (s) | cores | units per core-hour | load average |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, (rate, seconds, cores, load) in rates.items():
        shown = "not recorded" if load is None else f"{load:.1f}"
        out.append(f"| {label} | {seconds:.0f} | {cores} | {rate:.0f} | {shown} |")
    out += [
        "",
        f"- 2 workers over 1 worker: {speedup:.2f}x the throughput (target: at least 1.8x).",
        f"- `corpus --workers 2` per core over Slither per file: "
        f"{rates['corpus --workers 2'][0] / slither_rate:.2f}x (target: at least 3x).",
        f"- Peak RSS per worker (the worker process or its largest Slither child): "
        f"{one['rss_mb']:.0f} MiB with 1 worker, {two['rss_mb']:.0f} MiB with 2 "
        "(target: at most 1,536 MiB).",
        f"- Units: {n}; ok {status['ok']}, failed {status['failed']}, duplicate "
        f"{status['duplicate']}. Ok among the units scanned (duplicates left out): "
        f"{ok_share:.1%} (target: at least 97%).",
        "- Failures by cause: " + (", ".join(f"{c} {k}" for c, k in sorted(
            causes.items(), key=lambda kv: -kv[1])) or "none") + " (causes: "
        "docs/corpus.md).",
        f"- Duplicates: {status['duplicate']} of {n} byte-identical "
        f"({status['duplicate'] / n:.1%}); near-duplicates (identical without comments "
        f"and whitespace): {two['near']} ({(two['near'] or 0) / n:.1%}).",
        f"- `scan -j 2`: {scan['scanned']} scanned, {scan['failed']} failed."
        if scan.get("scanned") is not None else
        "- `scan -j 2`: scanned and failed counts not recorded in the reused run.",
        "",
        "Failed units:",
        "",
    ]
    for line in two["lines"]:
        if line["status"] == "failed":
            reason = " ".join(str(line["reason"]).split())[:200]
            out.append(f"- `{Path(line['file']).name}` ({line['cause']}): {reason}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(out) + "\n")
    (args.out.with_suffix(".json")).write_text(json.dumps({
        "units": n, "rates": {k: v[0] for k, v in rates.items()},
        "seconds": {k: v[1] for k, v in rates.items()}, "status": dict(status),
        "causes": dict(causes), "near": two["near"], "rss_mb": [one["rss_mb"], two["rss_mb"]],
        "pinned": args.pin, "loads": {k: v[3] for k, v in rates.items()},
        "scan": {"scanned": scan.get("scanned"), "failed": scan.get("failed")},
        "slither": {"runs": slither["runs"], "compiled": slither["compiled"]},
        "per_unit_seconds": [line["seconds"] for line in one["lines"]
                             if line["status"] != "duplicate"],
    }, indent=1))
    print("\n".join(out))


if __name__ == "__main__":
    main()
