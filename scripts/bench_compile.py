"""Benchmark compile + front end on SmartBugs curated and OpenZeppelin.

Writes docs/benchmarks/compile.md. Each measurement runs in its own Python process, so
peak RSS and import costs are its own. Compilers are installed before any timing starts
(installing is not compiling); "cold" means empty compile and front-end caches.

    .venv/bin/python scripts/bench_compile.py --out docs/benchmarks/compile.md
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

#: OpenZeppelin one-file-at-a-time is slow (every file re-compiles and re-parses its
#: imports); it is measured on every k-th file and reported per file.
OZ_SINGLE_STRIDE = 8


def corpus_files(name: str) -> list[Path]:
    from datasets.corpora import openzeppelin_files, smartbugs_files

    return smartbugs_files() if name == "smartbugs" else openzeppelin_files()


def worker(mode: str, corpus: str, cache: str) -> dict:
    """One measurement in this process; prints JSON."""
    start = time.perf_counter()
    from contractml.compile.driver import CompileOptions
    from contractml.compile.project import discover
    from contractml.pipeline import build

    files = corpus_files(corpus)
    options = CompileOptions(cache_dir=Path(cache))
    result: dict = {"mode": mode, "corpus": corpus}
    if mode in ("batched", "cached"):
        project = discover([str(p) for p in files])
        t0 = time.perf_counter()
        built = build(project, options)
        result.update(seconds=time.perf_counter() - t0, compile=built.compile_seconds,
                      frontend=built.frontend_seconds, files=len(built.files),
                      ok=sum(f.ok for f in built.files),
                      nodes=sum(f.record.node_count for f in built.files if f.ok),
                      failed={f.outcome.unit_name: f.error for f in built.failed})
    else:  # single: one build (one solc run, one Slither run) per file
        chosen = files[::OZ_SINGLE_STRIDE] if corpus == "openzeppelin" else files
        total = compile_s = frontend_s = 0.0
        ok = 0
        for path in chosen:
            project = discover([str(path)])
            t0 = time.perf_counter()
            built = build(project, CompileOptions(cache_dir=None))
            total += time.perf_counter() - t0
            compile_s += built.compile_seconds
            frontend_s += built.frontend_seconds
            ok += sum(f.ok for f in built.files)
        result.update(seconds=total, compile=compile_s, frontend=frontend_s,
                      files=len(chosen), ok=ok, nodes=None, failed={})
    result["process_seconds"] = time.perf_counter() - start
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def run_worker(mode: str, corpus: str, cache: Path) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--worker", mode, corpus, str(cache)],
                          capture_output=True, text=True, check=True)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["wall_seconds"] = time.perf_counter() - t0
    return data


def prepare_compilers(corpus: str) -> None:
    """Install every compiler the corpus needs (not timed)."""
    with tempfile.TemporaryDirectory() as tmp:
        run_worker("batched", corpus, Path(tmp))


def table(rows: list[dict], corpus: str) -> list[str]:
    out = [f"### {corpus}", "",
           "| run | files | ok | wall (process) s | build s | compile s | front end s "
           "| per file s | peak RSS MB |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        per_file = r["seconds"] / max(1, r["files"])
        out.append(f"| {r['label']} | {r['files']} | {r['ok']} | {r['wall_seconds']:.1f} | "
                   f"{r['seconds']:.1f} | {r['compile']:.1f} | {r['frontend']:.1f} | "
                   f"{per_file:.3f} | {r['peak_rss_mb']:.0f} |")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "docs/benchmarks/compile.md")
    parser.add_argument("--worker", nargs=3, metavar=("MODE", "CORPUS", "CACHE"))
    parser.add_argument("--corpora", default="smartbugs,openzeppelin")
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return 0

    from contractml.compile.backends import installed_solcjs
    from datasets.corpora import OPENZEPPELIN_VERSION

    lines = ["# Compile + front-end benchmark", "",
             "Made by `.venv/bin/python scripts/bench_compile.py --out "
             "docs/benchmarks/compile.md` (also `make bench-compile`).", "",
             f"- machine: {platform.machine()}, {platform.python_implementation()} "
             f"{platform.python_version()}, 2 cores (`nproc`), solc-js via node",
             f"- OpenZeppelin Contracts {OPENZEPPELIN_VERSION} from npm, every non-mock "
             "file; SmartBugs curated, all 143 files",
             "- batched: one solc run per compiler version (solc-js before 0.6: runs of at "
             "most 32 files, two at a time), Slither over groups of up to 16 independent "
             "files (files sharing imports stay together); "
             "single: one build per file (its own solc and Slither runs), "
             f"OpenZeppelin single on every {OZ_SINGLE_STRIDE}th file",
             "- cold: empty compile and front-end caches (compilers already installed); "
             "cached: the same command again over the caches of the cold run",
             "- build s: time inside `pipeline.build`; wall (process) s adds the Python "
             "process start and imports", ""]
    summary: list[str] = ["## Targets", ""]
    for corpus in args.corpora.split(","):
        prepare_compilers(corpus)
        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp)
            cold = run_worker("batched", corpus, cache)
            cold["label"] = "batched, cold"
            cached = run_worker("cached", corpus, cache)
            cached["label"] = "batched, cached"
        single = run_worker("single", corpus, Path(tempfile.gettempdir()))
        single["label"] = "one file at a time, cold"
        lines += table([cold, cached, single], corpus)
        for r in (cold, cached):
            for name, error in sorted(r["failed"].items()):
                lines.append(f"- failed ({r['label']}): `{name}`: {error.splitlines()[0]}")
        lines += ["", f"CFG nodes: {cold['nodes']}.", ""]
        single_per_file = single["seconds"] / max(1, single["files"])
        batched_per_file = cold["seconds"] / max(1, cold["files"])
        speedup = single_per_file / batched_per_file
        ratio = cached["seconds"] / cold["seconds"]
        summary += [
            f"- {corpus}: batched cold is {speedup:.1f}x faster per file than one at a time "
            f"({batched_per_file:.3f} vs {single_per_file:.3f} s/file; target >= 3x "
            "on SmartBugs)",
            f"- {corpus}: cached re-run takes {100 * ratio:.1f}% of cold build time "
            f"({cached['seconds']:.2f} vs {cold['seconds']:.2f} s; target <= 10%); "
            f"as whole processes {cached['wall_seconds']:.1f} vs {cold['wall_seconds']:.1f} s",
        ]
    versions = ", ".join(sorted(str(v) for v in installed_solcjs()))
    lines += summary + ["", f"solc-js versions installed during the run: {versions}.", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
