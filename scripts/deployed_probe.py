"""The statements category definitions name in deployed contracts, for reading: the
deployed-code bar of the development rounds (docs/benchmarks/devset-notes.md).

    .venv/bin/python scripts/deployed_probe.py --definition ID [--definition ID ...]
        --sample NAME [--sample NAME ...] [--wild DIR] --out FILE.json

Samples of `../shared/datasets/smartbugs-wild-sample/contracts` (the sorted file list,
shuffled with a seed, then the first N), as the rounds drew them:

- `s70`: 600 of all contracts (seed 70);
- `s71`: 1,200 of those whose text holds `[]` (seed 71);
- `s72`: 1,200 of those whose text holds `.transfer(`, `.send(` or `value` (seed 72);
- `s73`: 1,200 of the contracts outside `s70`-`s72` (seed 73);
- `rest`: every contract outside `s70`-`s73`;
- `all`: every contract.

Several `--sample`s are united. Each file is compiled and analysed on its own (records
cached as the scan caches them), and every statement a definition names in the file's own
source is listed as `file:line -> Contract.function: statement`. The output JSON maps
each definition to those entries, and holds the sample's size and the compiled count.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WILD = ROOT.parent / "shared" / "datasets" / "smartbugs-wild-sample" / "contracts"
SAMPLES = ("s70", "s71", "s72", "s73", "rest", "all")


def _first(paths: Sequence[Path], seed: int, count: int) -> list[Path]:
    shuffled = list(paths)
    random.Random(seed).shuffle(shuffled)
    return shuffled[:count]


def sample(name: str, contracts: Sequence[Path],
           text: Callable[[Path], str] = lambda p: p.read_text(errors="replace")
           ) -> list[Path]:
    """The named sample (module doc) of `contracts` (sorted here first), sorted."""
    every = sorted(contracts)
    if name == "all":
        return every
    s70 = _first(every, 70, 600)
    s71 = _first([p for p in every if "[]" in text(p)], 71, 1200)
    s72 = _first([p for p in every if any(t in text(p)
                                          for t in (".transfer(", ".send(", "value"))],
                 72, 1200)
    drawn = {"s70": s70, "s71": s71, "s72": s72}
    if name in drawn:
        return sorted(drawn[name])
    earlier = set(s70) | set(s71) | set(s72)
    s73 = _first([p for p in every if p not in earlier], 73, 1200)
    if name == "s73":
        return sorted(s73)
    if name == "rest":
        return sorted(p for p in every if p not in earlier and p not in set(s73))
    raise ValueError(f"unknown sample {name!r}; one of {', '.join(SAMPLES)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--definition", action="append", required=True)
    parser.add_argument("--sample", action="append", required=True, choices=SAMPLES)
    parser.add_argument("--wild", type=Path, default=WILD)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)

    from contractml.analysis.context import FileFacts, node_index
    from contractml.definitions import BY_ID
    from contractml.localize import node_lines
    from datasets.evaluation import _compile

    unknown = [d for d in args.definition if d not in BY_ID]
    if unknown:
        parser.error(f"unknown definition(s): {', '.join(unknown)}")
    contracts = sorted(args.wild.glob("*.sol"))
    if not contracts:
        parser.error(f"no .sol files in {args.wild}")
    text = functools.cache(lambda path: path.read_text(errors="replace"))  # once a file
    files = sorted(set().union(*(sample(name, contracts, text) for name in args.sample)))
    named: dict[str, dict[str, str]] = {d: {} for d in args.definition}
    compiled = 0
    for start in range(0, len(files), 100):
        for path, record in sorted(_compile(files[start:start + 100]).items()):
            if isinstance(record, str):
                continue
            compiled += 1
            facts = FileFacts(node_index([record]), record.context)
            for contract in record.contracts:
                for function in contract.functions:
                    if function.span.file != record.file:
                        continue
                    for node in function.nodes:
                        for definition in args.definition:
                            if BY_ID[definition].matches(facts, function, node):
                                lines = node_lines(node)
                                where = f"{path.name}:{lines[0] if lines else '?'}"
                                named[definition][where] = (
                                    f"{contract.name}.{function.name}: {node.text[:110]}")
    args.out.write_text(json.dumps({"samples": args.sample, "contracts": len(files),
                                    "compiled": compiled, "named": named},
                                   indent=1, sort_keys=True) + "\n")
    print(f"{len(files)} contracts, {compiled} compiled", file=sys.stderr)
    for definition, entries in named.items():
        print(f"{definition}: {len(entries)} named", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
