"""Project the cost of scanning SmartBugs wild (47,398 contracts) and about one million
unique verified contracts on N nodes, from the measured per-unit costs and duplicate
ratios of scripts/bench_corpus.py (its JSON next to docs/benchmarks/corpus.md):

    .venv/bin/python scripts/scale_projection.py --bench docs/benchmarks/corpus.json \\
        --out docs/scale.md [--sample ../shared/datasets/smartbugs-wild-sample/contracts]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WILD = 47_398
VERIFIED = 1_000_000
CORES_PER_NODE = 16
NODES = (1, 4, 16, 64)
#: SmartBugs (Durieux et al., ICSE 2020): 9 tools over the 47,398 wild contracts.
SMARTBUGS_CPU_DAYS = 564


def _hours(seconds: float) -> str:
    hours = seconds / 3600
    if hours < 1:
        return f"{seconds / 60:,.0f} min"
    return f"{hours:,.1f} h" if hours < 48 else f"{hours / 24:,.1f} days"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sample", type=Path, default=None,
                        help="Measure the duplicate ratios over this whole folder "
                             "(default: those of the benchmark's contracts).")
    args = parser.parse_args()
    bench = json.loads(args.bench.read_text())
    units = bench["units"]
    status = bench["status"]
    scanned = units - status.get("duplicate", 0)
    two_seconds = bench["seconds"]["corpus --workers 2"]
    one_seconds = bench["seconds"]["corpus --workers 1"]
    core_seconds = two_seconds * 2 / scanned  # per scanned unit, 2 workers
    core_seconds_one = one_seconds / scanned
    dup = status.get("duplicate", 0) / units
    near = (bench.get("near") or 0) / units
    sample_line = ""
    if args.sample is not None:
        from contractml.corpus.units import find_units

        found = find_units([str(args.sample)])
        exact = len(found) - len({u.sha256 for u in found})
        near_count = len(found) - len({u.near for u in found})
        dup, near = exact / len(found), near_count / len(found)
        sample_line = (f"- Duplicates over the whole sample ({len(found):,} files of "
                       f"`{args.sample.name}`): {exact} byte-identical copies "
                       f"(d = {dup:.4f}), {near_count} near-duplicate copies "
                       f"({near:.4f}); d is the ratio used below.")
    rss = max(r for r in bench["rss_mb"] if r)
    out = [
        "# Scanning at scale: projected cost",
        "",
        "Projected from the measured run in `docs/benchmarks/corpus.md` (its numbers are "
        "read from `docs/benchmarks/corpus.json`):",
        "",
        "```sh",
        f".venv/bin/python scripts/scale_projection.py --bench {args.bench} --out {args.out}"
        + (f" \\\n    --sample {args.sample}" if args.sample else ""),
        "```",
        "",
        "## Measured inputs",
        "",
        f"- {units} contracts of the SmartBugs wild sample; {status.get('duplicate', 0)} "
        f"byte-identical copies ({status.get('duplicate', 0) / units:.3f}); near-duplicates "
        f"{(bench.get('near') or 0) / units:.3f}; {scanned} units scanned.",
        *([sample_line] if sample_line else []),
        f"- `corpus --workers 2`: {two_seconds:.0f} s wall for {scanned} scanned units, "
        f"so c = {two_seconds:.0f} s x 2 cores / {scanned} = **{core_seconds:.2f} "
        "core-seconds per unit** (compile, Slither, graphs and model, Ray included). "
        f"With 1 worker: {one_seconds:.0f} s / {scanned} = {core_seconds_one:.2f} "
        "core-seconds per unit.",
        f"- Peak RSS per worker: {rss:.0f} MiB, so a {CORES_PER_NODE}-core node running "
        f"{CORES_PER_NODE} workers needs about {CORES_PER_NODE} x {rss:.0f} MiB = "
        f"{CORES_PER_NODE * rss / 1024:.1f} GiB of memory.",
        "",
        "c comes from 2 workers on a 2-core machine, so it includes what they cost each "
        "other there (the driver and Ray's daemons share those cores; load averages and a "
        "CPU breakdown in `docs/benchmarks/corpus.md`): an upper bound for a node with a "
        "core to spare.",
        "",
        "## Arithmetic",
        "",
        "core-hours = units to scan x c / 3600; wall time on N nodes of "
        f"{CORES_PER_NODE} cores = core-hours / (N x {CORES_PER_NODE}), assuming c stays "
        "the same per core (one worker per core, tasks independent; the driver only "
        "writes lines).",
        "",
    ]
    corpora = [
        ("SmartBugs wild", WILD, f"{WILD:,} x (1 - {dup:.3f}) = {WILD * (1 - dup):,.0f}",
         WILD * (1 - dup)),
        ("unique verified contracts", VERIFIED,
         f"{VERIFIED:,} (already unique: no duplicates removed)", VERIFIED),
    ]
    for name, total, how, todo in corpora:
        core_hours = todo * core_seconds / 3600
        out += [
            f"### {name} ({total:,} contracts)",
            "",
            f"- units to scan: {how}",
            f"- core-hours: {todo:,.0f} x {core_seconds:.2f} / 3600 = **{core_hours:,.0f} "
            f"core-hours** ({core_hours / 24:,.1f} core-days)",
            "",
            "| nodes | cores | wall time |",
            "|---:|---:|---:|",
        ]
        for nodes in NODES:
            cores = nodes * CORES_PER_NODE
            out.append(f"| {nodes} | {cores} | {_hours(core_hours * 3600 / cores)} |")
        out.append("")
    wild_days = WILD * (1 - dup) * core_seconds / 86400
    out += [
        "## Beside SmartBugs",
        "",
        f"The SmartBugs study spent about {SMARTBUGS_CPU_DAYS} CPU-days running 9 tools "
        f"over the 47,398 contracts, {SMARTBUGS_CPU_DAYS / 9:.0f} CPU-days per tool on "
        f"average; contractml's projection is {wild_days:,.1f} core-days.",
        "",
        "Caveats: the sample is mostly 0.4.x code; a million verified contracts hold more "
        "recent, larger 0.8.x code, whose cost per unit the sample does not measure. A "
        "file that hits the time limit costs up to `--timeout` (120 s by default) per "
        "stage; none of the measured files did, so corpora with more such files cost more. "
        "Starting the cluster and Ray, and the last tasks' tail (a task holds up to 16 "
        "units), are not counted: short wall times (minutes) are optimistic.",
    ]
    args.out.write_text("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
