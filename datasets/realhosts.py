"""Real hosts: defects injected into deployed contracts and audited packages, compiled.

    .venv/bin/python -m datasets.realhosts [--limit N] [--sources wild,packages]
                                          [--out DIR] [--per-host 9] [--jobs 1]

Hosts are the SmartBugs wild sample (`../shared/datasets/smartbugs-wild-sample`, read in
place) and the training packages of `datasets.packages` (fetched with `npm pack`, without
dependencies, into the user cache). For each host the step scans the source
(`datasets.hostscan`; state names also from base contracts in the same file or, for a
package file, anywhere in the package) and picks up to `--per-host` operators of
`datasets.inject`: one per category, the category order and the form within a category
rotated by the host's hash, each in a function no other edit took. All edits go into one
vulnerable file and its safe twin, compiled with the host's compiler (solc-js, one
standard-JSON batch; see `process`). A host that does not compile or parse is recorded
with its reason; an edit whose pair does not compile is dropped, counted per operator.
Variants of wild hosts are written under `<out>/hosts/`, those of package files beside
the original in the package tree (`<stem>.injected.sol`, `<stem>.twin.sol`) so that
relative imports resolve; the build compiles them with the solc version recorded here.

Results are appended to `<out>/results.jsonl`, one line per host (keyed by the host's
SHA-256 and `ENGINE`), so an interrupted run resumes where it stopped and a warm rerun
only reads the file. A progress line on stderr shows hosts done, pairs kept and the rate.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from contractml.compile.backends import default_cache_dir, installed_versions, resolve_compiler
from contractml.compile.versions import Version
from contractml.errors import CompilerError, NoCompilerError
from datasets.corpora import shared_datasets
from datasets.hostscan import Contract, compiler_version, scan
from datasets.inject import OPERATORS, Operator, Site, Syntax, applicable, apply, apply_all, sites
from datasets.labels import CATEGORIES, LabelledFile

if TYPE_CHECKING:
    from contractml.records import FileRecord

#: bump when operators or selection change: cached results of another engine are redone
ENGINE = "inject-5"
PER_HOST = 18
COMPILE_TIMEOUT = 300.0
#: edits compiled together (each as its own vulnerable and safe file) when looking for
#: the ones that keep a pair from compiling; a whole host's worth at once can exhaust
#: an old solc-js build's memory on a large host
ISOLATE_BATCH = 4
#: hosts longer than this are skipped (counted as `skipped`): compiling and parsing a
#: pair grows with the host's length (about 15 s for a 1,900-line 0.4 host against about
#: 1 s at the median 223 lines of the wild sample), and 3 % of the wild sample is longer
MAX_HOST_LINES = 1500


@dataclass(frozen=True)
class Host:
    id: str  # "wild/<address>" or "pkg/<key>/<path>"
    source: str  # "wild" | "packages"
    path: Path
    root: Path  # folder imports resolve under
    unit: str  # source unit name (path relative to root)
    package: str = ""


def wild_hosts() -> list[Host]:
    root = shared_datasets() / "smartbugs-wild-sample" / "contracts"
    return [Host(f"wild/{p.stem}", "wild", p, root, p.name) for p in sorted(root.glob("*.sol"))]


def package_hosts(out: Path) -> list[Host]:
    """Usable files of the training packages, round-robin over the packages (so a
    `--limit` sample takes from each)."""
    from datasets import mutants

    hosts = []
    for f in mutants.original_files(out / "packages"):
        tree = f.path.parents[len(Path(f.meta["original"]).parts) - 1]
        hosts.append(Host(f"pkg/{f.meta['package']}/{f.meta['original']}", "packages",
                          f.path, tree, f.meta["original"], f.meta["package"]))
    rank: dict[str, int] = {}
    order = []
    for host in hosts:
        rank[host.package] = rank.get(host.package, -1) + 1
        order.append((rank[host.package], host.package, host.id))
    position = {h: i for i, h in enumerate(sorted(order))}
    return sorted(hosts, key=lambda h: position[next(o for o in order if o[2] == h.id)])


def _rank(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)


_PACKAGE_CONTRACTS: dict[Path, dict[str, Contract]] = {}


def package_contracts(root: Path) -> dict[str, Contract]:
    """Every contract of a package tree by name (scanned once per process), so a host
    file's bases in other files lend their state names."""
    if root not in _PACKAGE_CONTRACTS:
        found: dict[str, Contract] = {}
        for path in sorted(root.rglob("*.sol")):
            if any(mark in path.stem for mark in (".mutant", ".injected", ".twin")):
                continue
            for contract in scan(path.read_text(encoding="utf-8", errors="replace")).contracts:
                found.setdefault(contract.name, contract)
        _PACKAGE_CONTRACTS[root] = found
    return _PACKAGE_CONTRACTS[root]


def choose(host_id: str, text: str, per_host: int = PER_HOST,
           known: dict[str, Contract] | None = None
           ) -> tuple[list[tuple[Operator, Site]], Syntax | None, Counter]:
    """The edits for one host, each in a function (hash-rotated order) that no earlier
    edit took. A first pass takes one form per category (category order and the form
    within a category rotated by the host's hash); while functions are free and fewer
    than `per_host` edits are chosen, a second pass takes one more form per category,
    another than the first. A form with no free function is skipped
    (`no-free-function`), one that fits no function is `not-applicable`."""
    model = scan(text)
    candidates = list(sites(model, known))
    version = compiler_version(text, installed_versions())
    counts: Counter = Counter()
    if not candidates or version is None:
        return [], None, counts
    start = _rank(host_id)
    categories = list(CATEGORIES)
    categories = categories[start % len(categories):] + categories[:start % len(categories)]
    taken: set[tuple[str, int]] = set()
    chosen: list[tuple[Operator, Site]] = []
    used: set[str] = set()
    for second in (False, True):
        for category in categories:
            if len(chosen) >= per_host:
                break
            forms = [op for op in OPERATORS if op.category == category]
            forms = forms[start % len(forms):] + forms[:start % len(forms)]
            for op in forms:
                if op.name in used:
                    continue
                where = [s for s in candidates if applicable(op, s)]
                if not where:
                    if not second:
                        counts[(op.name, "not-applicable")] += 1
                    continue
                offset = _rank(host_id + op.name) % len(where)
                where = where[offset:] + where[:offset]
                fresh = [s for s in where
                         if (s.contract.name, s.function.open_line) not in taken]
                if not fresh:
                    if not second:
                        counts[(op.name, "no-free-function")] += 1
                    continue
                site = fresh[0]
                taken.add((site.contract.name, site.function.open_line))
                chosen.append((op, site))
                used.add(op.name)
                break
    return chosen, Syntax(version), counts


def _errors(output: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for error in output.get("errors", []):
        if error.get("severity") != "error":
            continue
        unit = (error.get("sourceLocation") or {}).get("file", "")
        found.setdefault(unit, []).append(error.get("formattedMessage") or
                                          error.get("message", ""))
    return found


def compile_check(version: Version, root: Path, sources: dict[str, str], host_unit: str
                  ) -> tuple[dict[str, str], float]:
    """Which of `sources` (unit name -> text) fail with solc `version`: unit -> reason.
    Units that fail are taken out and the rest compiled again, because an error in one
    unit can stop solc before it checks the others."""
    compiler = resolve_compiler(version, offline=False)
    failed: dict[str, str] = {}
    pending = dict(sources)
    started = time.perf_counter()
    for _round in range(4):
        request = {"language": "Solidity",
                   "sources": {name: {"content": text} for name, text in pending.items()},
                   "settings": {"outputSelection": {"*": {"*": ["abi"]}}}}
        output = compiler.run(request, {}, [root], COMPILE_TIMEOUT)
        errors = _errors(output)
        if not errors:
            break
        culprits = {u for u in errors if u in pending}
        if not culprits:  # an error in an imported file, or with no location
            reason = "; ".join(m for ms in errors.values() for m in ms)[:300]
            for unit in pending:
                failed[unit] = reason
            break
        for unit in culprits:
            failed[unit] = errors[unit][0][:300]
            pending.pop(unit)
        if host_unit in culprits or not pending:
            break
    return failed, time.perf_counter() - started


def analyse(paths: list[Path], version: Version, cache_dir: Path | None
            ) -> dict[Path, FileRecord | str]:
    """Compile `paths` as one project with solc `version` and parse them with Slither
    (detectors on), as the dataset build does; path -> its record, or "<stage>:
    <error>". With `cache_dir`, the records land in the front-end cache, where the
    build (`datasets.build`, which analyses each host's pair the same way) finds them,
    so every pair is compiled and parsed once."""
    from contractml.compile.driver import CompileOptions
    from contractml.compile.project import discover
    from contractml.pipeline import build

    options = CompileOptions(cache_dir=cache_dir, solc_version=str(version), jobs=1)
    result = build(discover([str(p) for p in paths]), options, detectors=True)
    return {Path(r.outcome.path).resolve(): r.record if r.record is not None
            else f"{r.stage}: {r.error}" for r in result.files}


def process(host: Host, out: Path, per_host: int = PER_HOST,
            cache_dir: Path | None = None) -> dict:
    """Inject into one host and write the vulnerable file and its safe twin
    (`<stem>.injected.sol`, `<stem>.twin.sol`) under `out/hosts/` (package files: beside
    the original).

    Every chosen edit goes into the one pair (each edit in its own function), which is
    compiled with the host's compiler and parsed by Slither (`analyse`; records cached
    under `cache_dir`). When the pair does not compile, the host and each edit alone are
    compiled (ABI only; the edits ISOLATE_BATCH at a time) to find the culprits, which
    are dropped and counted; the rest are put together and analysed once more. A pair
    that compiles but that Slither cannot parse is the host's error; its files are
    removed."""
    data = host.path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    result: dict = {"host": host.id, "source": host.source, "sha256":
                    hashlib.sha256(data).hexdigest(), "engine": ENGINE, "pairs": [],
                    "dropped": {}, "not_applicable": {}}
    if host.package:
        result["package"] = host.package
    started = time.perf_counter()
    lines = text.count("\n") + 1
    if lines > MAX_HOST_LINES:
        result["skipped"] = f"longer than {MAX_HOST_LINES:,} lines ({lines:,})"
        return result
    version = compiler_version(text, installed_versions())
    if version is None:
        result["error"] = "no compiler satisfies the pragma"
        return result
    result["solc"] = str(version)
    known = package_contracts(host.root) if host.source == "packages" else None
    chosen, syntax, counts = choose(host.id, text, per_host, known)
    result["not_applicable"] = {f"{op}:{why}": n for (op, why), n in counts.items()}
    stem = host.unit[:-4]
    # package variants sit beside their original, so relative imports resolve
    folder = host.path.parent if host.source == "packages" else out / "hosts" / host.id
    vuln_path = folder / f"{Path(stem).name}.injected.sol"
    safe_path = folder / f"{Path(stem).name}.twin.sol"
    seconds = 0.0

    def write(pairs: list[tuple[Operator, Site]]):  # -> Injected
        assert syntax is not None
        made = apply_all(pairs, syntax)
        folder.mkdir(parents=True, exist_ok=True)
        vuln_path.write_text(made.vulnerable, encoding="utf-8")
        safe_path.write_text(made.safe, encoding="utf-8")
        return made

    def check() -> dict[Path, str | None]:
        nonlocal seconds
        t0 = time.perf_counter()
        found = analyse([vuln_path, safe_path], version, cache_dir)
        seconds += time.perf_counter() - t0
        return {p: e for p, e in found.items() if isinstance(e, str)}

    def remove() -> None:
        for path in (vuln_path, safe_path):
            path.unlink(missing_ok=True)

    try:
        if not chosen:
            failed, spent = compile_check(version, host.root, {host.unit: text}, host.unit)
            seconds += spent
            if host.unit in failed:
                result["error"] = f"host does not compile: {failed[host.unit]}"
            result["compile_seconds"] = round(seconds, 2)
            return result
        injected = write(chosen)
        errors = check()
        if any(e.startswith("compile") for e in errors.values()):
            assert syntax is not None
            failed, spent = compile_check(version, host.root, {host.unit: text}, host.unit)
            seconds += spent
            for first in range(0, len(chosen), ISOLATE_BATCH) if not failed else ():
                sources = {}
                for k, (op, site) in enumerate(chosen[first:first + ISOLATE_BATCH], first):
                    one = apply(op, site, syntax)
                    sources[f"{stem}.op{k}.v.sol"] = one.vulnerable
                    sources[f"{stem}.op{k}.s.sol"] = one.safe
                more, spent = compile_check(version, host.root, sources, "")
                failed.update(more)
                seconds += spent
            if host.unit in failed:
                remove()
                result["error"] = f"host does not compile: {failed[host.unit]}"
                result["compile_seconds"] = round(seconds, 2)
                return result
            kept = []
            for k, (op, site) in enumerate(chosen):
                bad = [failed[u] for u in (f"{stem}.op{k}.v.sol", f"{stem}.op{k}.s.sol")
                       if u in failed]
                if bad:
                    result["dropped"][op.name] = bad[0][:200]
                else:
                    kept.append((op, site))
            chosen = kept
            errors = {}
            if chosen:
                injected = write(chosen)
                errors = check()
                if any(e.startswith("compile") for e in errors.values()):
                    for op, _site in chosen:
                        result["dropped"][op.name] = "fails only together with the others"
                    chosen, errors = [], {}
            if not chosen:
                remove()
        if errors:  # compiled, but the front end failed on it
            remove()
            result["error"] = next(iter(errors.values()))[:300]
            chosen = []
    except (CompilerError, NoCompilerError) as exc:
        remove()
        result["error"] = f"compiler: {exc}"[:300]
        return result
    result["compile_seconds"] = round(seconds, 2)
    if chosen:
        result["vulnerable"], result["safe"] = vuln_path.as_posix(), safe_path.as_posix()
        result["pairs"] = [{
            "operator": i.operator, "category": i.category,
            "crosses": next(op.crosses for op, _s in chosen if op.name == i.operator),
            "contract": i.contract, "function": i.function, "helper": i.helper,
            "labels": list(i.labels),
            "inserted": list(i.inserted)} for i in injected.injections]
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def load_results(out: Path) -> dict[str, dict]:
    """host id -> its latest result of this engine, its pair files (`vulnerable`,
    `safe`) found under `out` when the folder has moved since they were written
    (`_located`)."""
    path = out / "results.jsonl"
    found: dict[str, dict] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if item.get("engine") == ENGINE:
                    for key in ("vulnerable", "safe"):
                        if item.get(key):
                            item[key] = str(_located(out, item[key]))
                    found[item["host"]] = item
    return found


def _process_args(args: tuple[Host, Path, int, Path | None]) -> dict:
    return process(*args)


def run(hosts: list[Host], out: Path, per_host: int = PER_HOST,
        progress: bool = True, jobs: int = 1, cache_dir: Path | None = None
        ) -> Iterator[dict]:
    """Process every host not already in `results.jsonl` (same engine, same SHA-256),
    with `jobs` worker processes; results are appended as they finish. Front-end
    records go to `cache_dir` (see `analyse`)."""
    out.mkdir(parents=True, exist_ok=True)
    done = load_results(out)
    started = time.perf_counter()
    todo = []
    cached = []
    for host in hosts:
        previous = done.get(host.id)
        digest = hashlib.sha256(host.path.read_bytes()).hexdigest()
        if previous is not None and previous["sha256"] == digest:
            cached.append(previous)
        else:
            todo.append(host)
    pairs = sum(len(r["pairs"]) for r in cached)
    yield from cached
    with open(out / "results.jsonl", "a", encoding="utf-8") as log:
        if jobs > 1:
            pool = ProcessPoolExecutor(max_workers=jobs)
            results = pool.map(_process_args, [(h, out, per_host, cache_dir) for h in todo])
        else:
            pool = None
            results = (process(h, out, per_host, cache_dir) for h in todo)
        try:
            for fresh, result in enumerate(results, 1):
                log.write(json.dumps(result) + "\n")
                log.flush()
                pairs += len(result["pairs"])
                if progress:
                    elapsed = time.perf_counter() - started
                    left = (len(todo) - fresh) * elapsed / fresh
                    print(f"\r[{len(cached) + fresh}/{len(hosts)}] hosts ({len(cached)} "
                          f"cached), {pairs} pairs kept, {elapsed:.0f}s, about "
                          f"{left / 60:.0f} min left   ", end="", file=sys.stderr, flush=True)
                yield result
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
    if progress:
        print(file=sys.stderr)


def _located(out: Path, recorded: str) -> Path:
    """A pair file that `out/results.jsonl` recorded by its absolute path, found under
    `out` when the folder has moved since: the longest tail of the recorded path that
    names a file under `out` (`hosts/...`, `packages/<key>/...`)."""
    path = Path(recorded)
    if path.is_file():
        return path
    for at in range(1, len(path.parts)):
        moved = out.joinpath(*path.parts[at:])
        if moved.is_file():
            return moved
    return path


def labelled_files(out: Path) -> list[LabelledFile]:
    """The kept pairs of `out/results.jsonl` as labelled files (corpus `realhosts`): per
    host one vulnerable file (labels per category on the injected lines) and its safe
    twin (no labels). Graphs are kept for the edited functions and their helpers
    (`meta["keep_prefix"]`); the twin of a package host keeps every function, because
    unmodified functions of audited packages are real negatives; the twin of a wild host
    keeps its other functions as weak negatives (`meta["weak_negatives"]`, lower weight,
    only where no definition and no mapped detector flags them: `build.graphs_for`). A
    host and its twin share the group `host:<id>`; every file of one package shares
    `package:<key>`. The folder may have moved since the pairs were written."""
    files = []
    for result in load_results(out).values():
        if not result["pairs"]:
            continue
        labels: dict[str, set[int]] = {}
        keep = []
        for pair in result["pairs"]:
            labels.setdefault(pair["category"], set()).update(pair["labels"])
            keep.append(f"{pair['contract']}.{pair['function']}(")
            if pair.get("helper"):
                keep.append(f"{pair['contract']}.{pair['helper']}(")
        groups = (f"host:{result['host']}",) + (
            (f"package:{result['package']}",) if result.get("package") else ())
        meta = {"source": result["source"], "host": result["host"], "solc": result["solc"],
                "operators": ",".join(p["operator"] for p in result["pairs"])}
        files.append(LabelledFile(
            id=f"realhosts/{result['host']}.injected.sol", corpus="realhosts",
            path=Path(result["vulnerable"]),
            labels={c: frozenset(v) for c, v in labels.items()}, groups=groups,
            meta={**meta, "variant": "vulnerable", "keep_prefix": "\n".join(keep)}))
        twin_meta = {**meta, "variant": "safe"}
        if result["source"] != "packages":
            twin_meta["keep_prefix"] = "\n".join(keep)
            twin_meta["weak_negatives"] = "yes"
        files.append(LabelledFile(
            id=f"realhosts/{result['host']}.twin.sol", corpus="realhosts",
            path=Path(result["safe"]), labels={}, groups=groups,
            meta=twin_meta))
    return files


def default_out() -> Path:
    return default_cache_dir() / "datasets" / "realhosts"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--sources", default="wild,packages")
    parser.add_argument("--limit", type=int, default=None,
                        help="at most this many hosts of each source (a sample)")
    parser.add_argument("--per-host", type=int, default=PER_HOST)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args(argv)
    out = args.out or default_out()
    hosts: list[Host] = []
    wanted = set(args.sources.split(","))
    if "wild" in wanted:
        hosts += wild_hosts()[:args.limit]
    if "packages" in wanted:
        hosts += package_hosts(out)[:args.limit]
    results = list(run(hosts, out, args.per_host, jobs=args.jobs,
                       cache_dir=default_cache_dir()))
    summary = summarise(results)
    print(json.dumps(summary, indent=1))
    return 0


def summarise(results: list[dict]) -> dict:
    """Counts over host results: hosts, pairs per category/operator/source, drops,
    failures, and the mean seconds per compiled host."""
    per_category: Counter = Counter()
    per_operator: Counter = Counter()
    dropped: Counter = Counter()
    per_source: Counter = Counter()
    hosts_with_pairs: Counter = Counter()
    failed = []
    seconds = [r["seconds"] for r in results if "seconds" in r]
    skipped: Counter = Counter()
    for r in results:
        if "error" in r:
            failed.append({"host": r["host"], "reason": r["error"][:200]})
        if "skipped" in r:
            skipped[r["source"]] += 1
        for p in r["pairs"]:
            per_category[p["category"]] += 1
            per_operator[p["operator"]] += 1
            per_source[r["source"]] += 1
        for op in r["dropped"]:
            dropped[op] += 1
        if r["pairs"]:
            hosts_with_pairs[r["source"]] += 1
    return {"hosts": len(results), "hosts_with_pairs": dict(hosts_with_pairs),
            "pairs": sum(per_category.values()), "per_source": dict(per_source),
            "per_category": dict(sorted(per_category.items())),
            "per_operator": dict(sorted(per_operator.items())),
            "dropped_per_operator": dict(sorted(dropped.items())),
            "hosts_failed": len(failed), "failed": failed,
            "hosts_skipped_per_source": dict(skipped),
            "skipped_because": f"longer than {MAX_HOST_LINES:,} lines",
            "mean_seconds_per_host": round(sum(seconds) / len(seconds), 2) if seconds else None}


if __name__ == "__main__":
    sys.exit(main())
