"""Compile generated contracts through contractml's compile layer and check their labels.

    python -m datasets.generator.verify [--seed 0] [--count N] [--out DIR] [--cache DIR]

writes every generated contract to DIR (a temporary folder by default), builds the folder
in one call (compile + Slither front end) and checks that every file compiles and parses
and that every labelled line lies on a CFG node (a node other than a function's entry
point whose source span covers the line).
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from datasets.generator import CATEGORIES, STYLES, GeneratedContract, generate


@dataclass
class Verification:
    files: int = 0
    seconds: float = 0.0
    failed: dict[str, str] = field(default_factory=dict)  # id -> error
    off_node: dict[str, list[int]] = field(default_factory=dict)  # id -> labelled lines
    versions: collections.Counter[str] = field(default_factory=collections.Counter)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.off_node


def write(contracts: Iterable[GeneratedContract], folder: Path) -> dict[str, GeneratedContract]:
    """Write each contract to `folder/<id>.sol`; returns file name -> contract."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for contract in contracts:
        name = f"{contract.id}.sol"
        (folder / name).write_text(contract.source, encoding="utf-8")
        written[name] = contract
    return written


def node_lines(record) -> list[tuple[int, int]]:  # noqa: ANN001 - contractml FileRecord
    """(start, end) line spans of every CFG node of the file except entry points."""
    spans = []
    for contract in record.contracts:
        for function in contract.functions:
            for node in function.nodes:
                if node.type != "ENTRY_POINT":
                    spans.append((node.span.start_line, node.span.end_line))
    return spans


def verify(contracts: Iterable[GeneratedContract], folder: Path,
           cache_dir: Path | None = None) -> Verification:
    from contractml.compile.driver import CompileOptions
    from contractml.compile.project import discover
    from contractml.pipeline import build

    written = write(contracts, folder)
    start = time.perf_counter()
    result = build(discover([folder]), CompileOptions(cache_dir=cache_dir))
    out = Verification(files=len(result.files), seconds=time.perf_counter() - start)
    for report in result.files:
        name = Path(report.outcome.unit_name).name
        contract = written.get(name)
        if contract is None:
            continue
        if not report.ok:
            out.failed[contract.id] = (report.error or "failed").strip()[:2000]
            continue
        out.versions[str(report.outcome.version)] += 1
        spans = node_lines(report.record)
        missing = [line for line in contract.labelled_lines
                   if not any(a <= line <= b for a, b in spans)]
        if missing:
            out.off_node[contract.id] = missing
    return out


def coverage(contracts: Iterable[GeneratedContract]) -> str:
    """A markdown table of contract counts per category and style."""
    counts: collections.Counter[tuple[str, str]] = collections.Counter(
        (c.category, c.style) for c in contracts)
    head = "| category | " + " | ".join(STYLES) + " | total |"
    rows = [head, "|" + "---|" * (len(STYLES) + 2)]
    for category in CATEGORIES:
        cells = [counts[(category, s)] for s in STYLES]
        rows.append(f"| {category} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    totals = [sum(counts[(c, s)] for c in CATEGORIES) for s in STYLES]
    rows.append("| total | " + " | ".join(map(str, totals)) + f" | {sum(totals)} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    contracts = list(generate(args.seed, args.count))
    print(f"{len(contracts)} contracts, "
          f"{len({c.template for c in contracts})} templates", flush=True)
    print(coverage(contracts), flush=True)
    with tempfile.TemporaryDirectory(prefix="contractml-gen-") as tmp:
        folder = args.out or Path(tmp)
        result = verify(contracts, folder, args.cache)
    print(f"built {result.files} files in {result.seconds:.1f} s; compilers "
          f"{dict(sorted(result.versions.items()))}")
    for cid, error in sorted(result.failed.items())[:20]:
        print(f"FAILED {cid}: {error[:600]}")
    for cid, lines in sorted(result.off_node.items())[:20]:
        print(f"LABEL OFF NODE {cid}: {lines}")
    print(f"{len(result.failed)} failed, {len(result.off_node)} with labels off nodes")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
