"""Build every labelled dataset offline, in one command, and cache the processed graphs.

    .venv/bin/python -m datasets.build [--out DIR] [--seed 0] [--generated N]

Steps: load SolidiFI (train/val), the bug-injection generator's contracts (train/val),
with `--handwritten` also the hand-written realistic contracts of
`datasets/handwritten/` (train/val), with `--mutants` also mutants of pinned npm
packages (train/val: `datasets/mutants.py`, fetched with npm once), and SmartBugs
curated (test only); compile and parse them with
contractml's own pipeline (cached); turn each file's records into function graphs with
node and function targets; split by group (SolidiFI base contract, generator template,
near-duplicate cluster); write `train`, `val`, `test` graph stores (safetensors + JSON)
and `manifest.json` with a SHA-256 per source file. A file that does not compile is
listed with its reason. When the output already holds a build of the same inputs
(options, every source file, labels, and the code of `contractml` and `datasets`: the
manifest's `inputs_sha256`), nothing is redone unless `--force` is given.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import torch

from contractml.analysis.context import node_index
from contractml.compile.backends import default_cache_dir
from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.definitions import Definitions
from contractml.graph import schema
from contractml.graph.builder import CodeGraph, function_graphs
from contractml.pipeline import build
from contractml.records import FileRecord, FunctionRecord
from datasets import handwritten, smartbugs, solidifi, store
from datasets.labels import CATEGORIES, LabelledFile, function_targets, node_targets
from datasets.splits import assign_splits

MANIFEST_VERSION = 1


def default_out() -> Path:
    return default_cache_dir() / "datasets" / f"v{MANIFEST_VERSION}"


def generated_files(out: Path, seed: int, count: int | None) -> list[LabelledFile]:
    """Write the generator's contracts under `out/generated-<seed>/` and label them."""
    from datasets.generator import generate

    folder = out / f"generated-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for item in generate(seed=seed, count=count):
        path = folder / f"{item.id}.sol"
        data = item.source.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        labels = {item.category: frozenset(item.labelled_lines)} if item.labelled_lines else {}
        files.append(LabelledFile(
            id=f"generated/{item.id}.sol", corpus="generated", path=path, labels=labels,
            groups=(f"template:{item.template}", f"pair:{item.pair}"),
            meta={"template": item.template, "style": item.style, "category": item.category,
                  "variant": item.variant}))
    return files


def compile_corpus(files: list[LabelledFile], options: CompileOptions,
                   detectors: bool = True) -> dict[str, FileRecord | str]:
    """file id -> its records, or the reason it failed."""
    if not files:
        return {}
    by_path = {f.path.resolve(): f.id for f in files}
    result = build(discover([str(p) for p in by_path]), options, detectors=detectors)
    out: dict[str, FileRecord | str] = {}
    for report in result.files:
        file_id = by_path[report.outcome.path.resolve()]
        out[file_id] = report.record if report.record is not None else \
            f"{report.stage}: {report.error}"
    return out


def compile_pairs(files: list[LabelledFile], options: CompileOptions,
                  detectors: bool = True) -> dict[str, FileRecord | str]:
    """Injected real hosts: each host's vulnerable file and twin as one project, with the
    solc version of the injection step (`datasets.realhosts.analyse` analysed them the
    same way, so their records come from the front-end cache). A progress line on
    stderr counts the hosts."""
    by_host: dict[str, list[LabelledFile]] = defaultdict(list)
    for f in files:
        by_host[f.meta["host"]].append(f)
    out: dict[str, FileRecord | str] = {}
    started = time.perf_counter()
    for k, (_host, pair) in enumerate(sorted(by_host.items()), 1):
        out.update(compile_corpus(pair, replace(options, solc_version=pair[0].meta["solc"]),
                                  detectors))
        if k % 100 == 0 or k == len(by_host):
            print(f"\rrealhosts: {k}/{len(by_host)} hosts read "
                  f"({time.perf_counter() - started:.0f}s)   ", end="", file=sys.stderr,
                  flush=True)
    if by_host:
        print(file=sys.stderr)
    return out


#: training weight of a weak negative: an unmodified function of a deployed contract
WEAK_NEGATIVE_WEIGHT = 0.25
#: most weak negatives kept from one file
WEAK_NEGATIVES_PER_FILE = 12


def _flagged(graph: CodeGraph, function: FunctionRecord | None, definitions: Definitions,
             detectors: bool) -> bool:
    """Whether a taxonomy definition names one of the function's statements, or a mapped
    Slither detector fires on one of its nodes (detector feature columns)."""
    if function is None:
        return True
    if any(definitions.including(c, function, node) for node in function.nodes
           for c in CATEGORIES):
        return True
    width = len(schema.BASE_FEATURES)
    return detectors and bool(graph.x[graph.seed][:, width:].any())


#: most teacher graphs kept from one file
TEACHERS_PER_FILE = 12


def is_weak_negative(graph: CodeGraph) -> bool:
    """An unmodified deployed function kept at WEAK_NEGATIVE_WEIGHT (not a teacher)."""
    return graph.get("weight", 1.0) == WEAK_NEGATIVE_WEIGHT and "teacher" not in graph


def _taught(graph: CodeGraph, function: FunctionRecord, definitions: Definitions
            ) -> tuple[torch.Tensor, float, list[str]] | None:
    """Targets a deployed function gets from the taxonomy's `include` definitions, when
    at least one names one of its statements and no exclusion rules that statement out
    (as a scan reports it): [N, len(CATEGORIES)] node targets (the named statements of
    the seed function), the lowest precision of the definitions that fired (the graph's
    training weight) and their ids. None when no definition names a statement."""
    targets = torch.zeros((graph.num_nodes, len(CATEGORIES)), dtype=torch.float32)
    rows = {int(graph.node_id[i]): i for i in range(graph.num_nodes)
            if bool(graph.seed[i]) and int(graph.fn_of_node[i]) == 0}
    precisions: list[float] = []
    fired: set[str] = set()
    for node in function.nodes:
        row = rows.get(node.id)
        if row is None:
            continue
        for c, category in enumerate(CATEGORIES):
            named = definitions.including(category, function, node)
            if named and not definitions.excluding(category, function, node):
                targets[row, c] = 1.0
                precisions.extend(float(d.precision or 0.0) for d in named)
                fired.update(d.id for d in named)
    if not fired:
        return None
    return targets, min(precisions), sorted(fired)


def graphs_for(file: LabelledFile, record: FileRecord, detectors: bool = True
               ) -> list[CodeGraph]:
    """The file's function graphs with node and function targets. `meta["keep"]` (function
    ids) or `meta["keep_prefix"]` ("Contract.name(" prefixes) keep only some functions;
    with `meta["weak_negatives"] == "yes"` the other functions are kept too, as weak
    negatives (`weight` = WEAK_NEGATIVE_WEIGHT), unless a definition or a mapped detector
    flags them, at most WEAK_NEGATIVES_PER_FILE of them (a fixed sample by a hash of
    the function id); those a definition names become teacher graphs (`_taught`:
    `teacher`, the named statements labelled), at most TEACHERS_PER_FILE, and those only
    a detector flags are left out. Kept graphs have `weight` 1.0 then."""
    labels = {record.file: file.labels}
    keep = set(file.meta["keep"].split("\n")) if "keep" in file.meta else None
    prefixes = tuple(file.meta["keep_prefix"].split("\n")) if "keep_prefix" in file.meta \
        else None
    weak = file.meta.get("weak_negatives") == "yes" and prefixes is not None
    definitions = Definitions(node_index([record])) if weak else None
    by_id = {f.id: f for c in record.contracts for f in c.functions}
    graphs = []
    for graph in function_graphs([record], with_detectors=detectors):
        if keep is not None and graph.functions[0] not in keep:
            continue
        if prefixes is not None and not graph.functions[0].startswith(prefixes):
            if not weak:
                continue
            assert definitions is not None
            function = by_id.get(graph.functions[0])
            if _flagged(graph, function, definitions, detectors):
                taught = None if function is None else _taught(graph, function,
                                                                definitions)
                if taught is None:
                    continue
                graph.y, graph.weight, fired = taught
                graph.y_fn = function_targets(graph, graph.y)
                graph.teacher = ",".join(fired)
                graph.source_id = file.id
                graphs.append(graph)
                continue
            graph.weight = WEAK_NEGATIVE_WEIGHT
        elif weak:
            graph.weight = 1.0
        graph.y = node_targets(graph, labels)
        graph.y_fn = function_targets(graph, graph.y)
        graph.source_id = file.id
        graphs.append(graph)
    graphs = _sample(graphs, is_weak_negative, WEAK_NEGATIVES_PER_FILE)
    return _sample(graphs, lambda g: "teacher" in g, TEACHERS_PER_FILE)


def _sample(graphs: list[CodeGraph], chosen: Callable[[CodeGraph], bool], most: int
            ) -> list[CodeGraph]:
    """`graphs` with at most `most` of those `chosen` picks: a fixed sample by a hash of
    the function id, so that large deployed contracts do not outweigh the labelled
    functions."""
    picked = [g for g in graphs if chosen(g)]
    if len(picked) <= most:
        return graphs
    ranked = sorted(picked, key=lambda g: hashlib.sha256(g.functions[0].encode()).hexdigest())
    dropped = {id(g) for g in ranked[most:]}
    return [g for g in graphs if id(g) not in dropped]


def devset_files() -> list[LabelledFile]:
    """The development set's contracts, only as references for the near-duplicate rule:
    a training file in a cluster with one of them is excluded. They are never compiled
    here and never reach a split."""
    root = Path(__file__).with_name("devset") / "contracts"
    return [LabelledFile(id=f"devset/{p.relative_to(root).as_posix()}", corpus="devset",
                         path=p, labels={}, groups=()) for p in sorted(root.rglob("*.sol"))]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs_digest(options: dict, files: list[LabelledFile],
                  hashes: dict[str, str] | None = None) -> str:
    """SHA-256 of everything a build reads: its options, every source file's bytes
    (`hashes`: file id -> SHA-256 already computed), labels, groups and meta (the
    development-set references too), and the code of `contractml` and `datasets` (any
    change to either redoes the build)."""
    hashes = hashes or {}
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"manifest-{MANIFEST_VERSION}|".encode())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    for package in ("contractml", "datasets"):
        for path in sorted((root / package).rglob("*.py")):
            digest.update(f"|{path.relative_to(root).as_posix()}={sha256(path)}".encode())
    for f in sorted(files, key=lambda f: f.id):
        digest.update(json.dumps([f.id, f.corpus, hashes.get(f.id) or sha256(f.path),
                                  {c: sorted(v) for c, v in sorted(f.labels.items())},
                                  list(f.groups), dict(sorted(f.meta.items()))]).encode())
    return digest.hexdigest()


def up_to_date(out: Path, digest: str) -> bool:
    """Whether `out` holds a finished build of exactly these inputs (its manifest
    records the same digest, and every store it lists is there)."""
    path = out / "manifest.json"
    if not path.is_file():
        return False
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    splits = [s for s in manifest.get("stats", {}) if s in ("train", "val", "test")]
    return manifest.get("inputs_sha256") == digest and all(
        (out / split).with_suffix(suffix).is_file()
        for split in splits for suffix in (".safetensors", ".json"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generated", type=int, default=None,
                        help="how many generated contracts (default: all combinations)")
    parser.add_argument("--no-generator", action="store_true")
    parser.add_argument("--mutants", action="store_true",
                        help="add defects injected into real npm packages "
                             "(datasets/mutants.py; not in the shipped model's data)")
    parser.add_argument("--mutant-categories", default="access-control,unsafe-delegatecall",
                        help="comma-separated categories of mutants to keep, or 'all' "
                             "(default: %(default)s)")
    parser.add_argument("--mutant-originals", choices=("twins", "all"), default="all",
                        help="which functions of the unmutated package files are negatives: "
                             "the mutated ones (twins) or every one (all)")
    parser.add_argument("--real-hosts", type=Path, default=None, metavar="DIR",
                        help="add the injected real hosts of `python -m datasets.realhosts` "
                             "(its output folder, e.g. ~/.cache/contractml/datasets/realhosts)")
    parser.add_argument("--no-solidifi", action="store_true")
    parser.add_argument("--handwritten", action="store_true",
                        help="add the hand-written realistic contracts (datasets/handwritten/; "
                             "not in the shipped model's data)")
    parser.add_argument("--force", action="store_true",
                        help="build even when the output is up to date (same inputs and "
                             "code as its manifest)")
    parser.add_argument("--no-detectors", action="store_true",
                        help="leave out the Slither-detector features (default: graphs carry "
                             "them after the base features; a model may use either width)")
    args = parser.parse_args(argv)
    out = args.out or default_out()
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    options = CompileOptions(cache_dir=default_cache_dir())
    detectors = not args.no_detectors

    corpora: dict[str, list[LabelledFile]] = {}
    if not args.no_solidifi:
        corpora["solidifi"] = solidifi.load()
    if not args.no_generator:
        corpora["generated"] = generated_files(out, args.seed, args.generated)
    if args.handwritten:
        try:
            corpora["handwritten"] = handwritten.load()
        except handwritten.LabelsError as error:
            raise SystemExit(f"--handwritten: {error}") from None
    corpora["smartbugs"] = smartbugs.load()
    real_summary: dict | None = None
    if args.real_hosts is not None:
        from datasets import realhosts

        corpora["realhosts"] = realhosts.labelled_files(args.real_hosts)
        real_summary = realhosts.summarise(list(realhosts.load_results(args.real_hosts)
                                                .values()))
    reference = devset_files()
    read = [f for files in corpora.values() for f in files] + reference
    hashes = {f.id: sha256(f.path) for f in read}
    digest = inputs_digest({k: v for k, v in vars(args).items() if k != "force"}, read,
                           hashes)
    if not args.force and not args.mutants and up_to_date(out, digest):
        print(f"{out} is up to date (same inputs and code as its manifest); "
              f"checked in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        return 0
    compiled: dict[str, FileRecord | str] = {}
    if args.mutants:
        from datasets import mutants

        t0 = time.perf_counter()
        originals = mutants.original_files(out / "mutants")
        compiled.update(compile_corpus(originals, options, detectors))
        wanted = (None if args.mutant_categories == "all"
                  else frozenset(args.mutant_categories.split(",")))
        twins, made = mutants.write_mutants(originals, compiled, wanted,
                                            args.mutant_originals == "all")
        corpora["mutants"] = twins + made
        print(f"mutants: {len(originals)} package files compiled, {len(made)} mutants of "
              f"{len(twins)} in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    for name, files in corpora.items():
        files = [f for f in files if f.id not in compiled]  # e.g. the mutants' originals
        t0 = time.perf_counter()
        if name == "realhosts":
            compiled.update(compile_pairs(files, options, detectors))
        else:
            compiled.update(compile_corpus(files, options, detectors))
        print(f"{name}: {len(files)} files compiled and parsed in "
              f"{time.perf_counter() - t0:.1f}s", file=sys.stderr)

    every = [f for files in corpora.values() for f in files]
    usable = [f for f in every if isinstance(compiled.get(f.id), FileRecord)]
    assignment = assign_splits(usable + reference)
    per_split: dict[str, list[CodeGraph]] = defaultdict(list)
    items = []
    stats: dict[str, Counter] = defaultdict(Counter)
    for f in every:
        record = compiled.get(f.id)
        split = assignment.split.get(f.id, "failed")
        entry = {"id": f.id, "corpus": f.corpus, "sha256": hashes.get(f.id) or sha256(f.path),
                 "split": split,
                 "groups": list(f.groups), "cluster": assignment.cluster.get(f.id),
                 "labels": {c: sorted(v) for c, v in f.labels.items()}, "meta": dict(f.meta)}
        if not isinstance(record, FileRecord):
            entry["error"] = record or "not compiled"
        else:
            graphs = graphs_for(f, record, detectors)
            entry["graphs"] = len(graphs)
            weak = sum(1 for g in graphs if is_weak_negative(g))
            if weak:
                entry["weak_negatives"] = weak
            taught = [g for g in graphs if "teacher" in g]
            if taught:
                entry["teachers"] = {
                    category: sum(int(g.y_fn[0, c]) for g in taught)
                    for c, category in enumerate(CATEGORIES)
                    if any(int(g.y_fn[0, c]) for g in taught)}
            own = [g for g in graphs if "teacher" not in g]
            entry["labelled_nodes"] = {
                category: sum(int(g.y[g.seed][:, CATEGORIES.index(category)].sum())
                              for g in own) for category in f.labels}
            entry["labelled_functions"] = {
                category: sum(int(g.y_fn[0, CATEGORIES.index(category)]) for g in own)
                for category in f.labels}
            if split in ("train", "val", "test"):
                per_split[split].extend(graphs)
                stats[split]["files"] += 1
                stats[split]["functions"] += sum(int(g.y_fn.shape[0]) for g in graphs)
                for g in graphs:
                    seed_nodes = g.y[g.seed]
                    for c, category in enumerate(CATEGORIES):
                        stats[split][f"nodes:{category}"] += int(seed_nodes[:, c].sum())
                        stats[split][f"functions:{category}"] += int(g.y_fn[0, c])
                for category in f.labels:
                    stats[split][f"files:{category}"] += 1
                    if not entry["labelled_nodes"][category]:
                        stats[split][f"lost:{category}"] += 1
            if split == "excluded":
                entry["reason"] = assignment.reasons.get(f.id, "")
        items.append(entry)
    for split, graphs in sorted(per_split.items()):
        store.save(out / split, graphs, info={"split": split, "graphs": len(graphs),
                                             "with_detectors": detectors})
    manifest = {"version": MANIFEST_VERSION, "inputs_sha256": digest, "seed": args.seed,
                "categories": list(CATEGORIES),
                "with_detectors": detectors,
                "items": items, "stats": {k: dict(v) for k, v in sorted(stats.items())},
                "seconds": round(time.perf_counter() - started, 1)}
    if real_summary is not None:
        manifest["real_hosts"] = real_summary
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    failed = [i for i in items if "error" in i]
    print(f"wrote {out} in {manifest['seconds']}s: "
          + ", ".join(f"{s} {len(g)} graphs" for s, g in sorted(per_split.items()))
          + f"; {len(failed)} files failed (listed in manifest.json)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
