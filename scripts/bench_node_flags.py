"""CPU and wall time of solc-js compilations in one long-lived node process, with and
without node options (for `contractml.compile.solcjs_server.NODE_FLAGS`).

    .venv/bin/python scripts/bench_node_flags.py [--version 0.4.26] [--first 4000]
        [--count 60] [--repeat 2] [--flags "--stack-size=8000" ...]

Compiles `--count` contracts of the SmartBugs wild sample (from `--first`, by file name)
one request at a time with the AST output, as the front end does, once per option set
(alternating, `--repeat` times), and prints each run's wall time and the node process's
own CPU time (user + system, read from /proc before it ends).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def node_cpu_seconds() -> float:
    """User + system seconds of this process's live child processes (the node server)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(") ", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def run(flags: list[str], version: str, files: list[Path], root: Path) -> tuple[float, float]:
    from contractml.compile import solcjs_server
    from contractml.compile.backends import resolve_compiler
    from contractml.compile.versions import Version

    solcjs_server.POOL.close()
    solcjs_server.NODE_FLAGS = tuple(flags)
    compiler = resolve_compiler(Version.parse(version), offline=True)
    started = time.perf_counter()
    for path in files:
        request = {"language": "Solidity",
                   "sources": {path.name: {"content": path.read_text(errors="replace")}},
                   "settings": {"outputSelection": {"*": {"*": [], "": ["ast"]}}}}
        compiler.run(request, {}, [root], 300)
    wall = time.perf_counter() - started
    cpu = node_cpu_seconds()
    solcjs_server.POOL.close()
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    from datasets.corpora import shared_datasets

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", default="0.4.26")
    parser.add_argument("--first", type=int, default=4000)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--flags", nargs="*", default=None,
                        help="one option set to compare with the default (default: "
                             "--stack-size=8000 --single-threaded)")
    args = parser.parse_args(argv)
    root = shared_datasets() / "smartbugs-wild-sample" / "contracts"
    files = sorted(root.glob("*.sol"))[args.first:args.first + args.count]
    sets = [["--stack-size=8000"],
            args.flags or ["--stack-size=8000", "--single-threaded"]]
    for _ in range(args.repeat):
        for flags in sets:
            wall, cpu = run(flags, args.version, files, root)
            print(f"{' '.join(flags):40s} wall {wall:6.1f} s  node CPU {cpu:6.1f} s  "
                  f"({cpu / wall:.2f} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
