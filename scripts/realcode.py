"""Scan a development corpus of audited npm packages; write docs/benchmarks/realcode.md.

    .venv/bin/python scripts/realcode.py [--cache DIR] [--out docs/benchmarks/realcode.md]
                                         [--only NAME ...] [--jobs N]

Each package of `scripts/realcode_packages.json` (exact versions) is installed with
`npm install --prefix` into its own folder of the cache (default
`~/.cache/contractml/realcode`, outside the repository), with `--no-package-lock
--legacy-peer-deps --ignore-scripts`, so npm installs the package, its `extras` and their
dependencies and no peer dependency. Paths named in `remove` (evaluation-reserved code a
tarball ships) are deleted at once; then every `package.json` in the installed tree is
read, and the run stops if any names an evaluation-reserved package. The folder is laid
out as a Hardhat-style root: the package's `sources` copied to `target`, a
`hardhat.config.js`, the package's `remappings` in `remappings.txt`, and `node_modules`
for its imports; folders of `also` (e.g. the package's `test/`, whose helpers `src/`
imports) are copied beside it, and `standins` (project-written files of
`scripts/realcode_standins/`) are placed under `node_modules/contractml-standins/` where a
package imports a file of a reserved package.

Each root is scanned with `contractml scan ROOT --format json` (the public command; the
report is kept in the cache folder), and Slither's detectors mapped onto the taxonomy
(`contractml.detector_rules.SLITHER_MAPPING`) run over the same files, turned into regions
as `scripts/evaluate.py` does for its Slither column (`datasets.evaluation.slither_scores`,
`regions(..., floor=0.5, definitions=False)`). Lines are counted with
`datasets.evaluation.code_lines` (non-blank, not only comments) over the files contractml
analysed. A finding with a `sources` field is counted once under each of its sources.

The report is rewritten from the marker line `<!-- hand-written below -->` upwards; the
text below the marker (the reading of the findings) is kept.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PACKAGES_FILE = Path(__file__).resolve().with_name("realcode_packages.json")
DEFAULT_OUT = REPO / "docs" / "benchmarks" / "realcode.md"
DEFAULT_CACHE = Path.home() / ".cache" / "contractml" / "realcode"
MARKER = "<!-- hand-written below -->"
#: Project-written stand-ins for files a package imports from a reserved package.
STANDINS = Path(__file__).resolve().with_name("realcode_standins")
SEVERITIES = ("high", "medium", "low")

#: npm packages kept for evaluation: never installed, read or used here. A name ending in
#: "/*" stands for every package of that scope.
RESERVED = (
    "@uniswap/v2-core", "@uniswap/v2-periphery", "@uniswap/v3-core", "@uniswap/v3-periphery",
    "@openzeppelin/contracts-upgradeable", "@chainlink/contracts", "@aave/core-v3",
    "@gnosis.pm/safe-contracts", "@safe-global/safe-contracts", "solmate",
    "@rari-capital/solmate", "@balancer-labs/*", "@aragon/os",
)
#: Packages kept for another corpus (training data): not used here either.
OTHERWISE_USED = ("@across-protocol/contracts", "@pendle/core-v2", "@yield-protocol/vault-v2")


def is_reserved(name: str) -> bool:
    """Whether an npm package name is evaluation-reserved or kept for another corpus."""
    for entry in (*RESERVED, *OTHERWISE_USED):
        if entry.endswith("/*") and name.startswith(entry[:-1]):
            return True
        if name == entry:
            return True
    return False


@dataclass(frozen=True)
class Package:
    """One pinned package of the corpus and how its root is laid out."""

    name: str
    version: str
    sources: str
    target: str
    extras: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    remappings: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    #: (import path, file of scripts/realcode_standins/)
    standins: tuple[tuple[str, str], ...] = ()

    @property
    def slug(self) -> str:
        return self.name.replace("@", "").replace("/", "-")

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"


def load_packages(path: Path = PACKAGES_FILE) -> list[Package]:
    """The corpus as pinned in the JSON file; raises ValueError on a reserved package or a
    version that is not exact."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for entry in data["packages"]:
        package = Package(name=entry["name"], version=entry["version"],
                          sources=entry["sources"], target=entry["target"],
                          extras=tuple(entry.get("extras", ())),
                          remove=tuple(entry.get("remove", ())),
                          remappings=tuple(entry.get("remappings", ())),
                          also=tuple(entry.get("also", ())),
                          standins=tuple(sorted(entry.get("standins", {}).items())))
        for spec in (package.spec, *package.extras):
            name, _, version = spec.rpartition("@")
            if is_reserved(name):
                raise ValueError(f"{path.name}: {name} is reserved and may not be used")
            if not version or not all(part.isdigit() for part in version.split(".")):
                raise ValueError(f"{path.name}: {spec} is not pinned to an exact version")
        out.append(package)
    return out


# --------------------------------------------------------------------------------------
# Install and lay out
# --------------------------------------------------------------------------------------

def installed_names(node_modules: Path) -> set[str]:
    """The `name` of every package.json below `node_modules` (nested trees included)."""
    names = set()
    for current, dirs, files in os.walk(node_modules):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if "package.json" in files:
            try:
                data = json.loads((Path(current) / "package.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(data, dict) and isinstance(data.get("name"), str):
                names.add(data["name"])
    return names


def install(package: Package, cache: Path) -> Path:
    """Install the package into `cache/<slug>` and lay it out as a Hardhat-style root;
    reuse a finished layout of the same pins. Returns the root."""
    root = cache / package.slug
    stamp = root / ".realcode.json"
    pins = {"spec": package.spec, "extras": list(package.extras),
            "remove": list(package.remove), "remappings": list(package.remappings),
            "sources": package.sources, "target": package.target,
            "also": list(package.also), "standins": [list(s) for s in package.standins],
            "standin_texts": [(STANDINS / f).read_text(encoding="utf-8")
                              for _, f in package.standins]}
    if stamp.is_file() and json.loads(stamp.read_text(encoding="utf-8")) == pins:
        return root
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    command = ["npm", "install", "--prefix", str(root), "--no-package-lock",
               "--legacy-peer-deps", "--ignore-scripts", "--no-audit", "--no-fund",
               package.spec, *package.extras]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    installed = root / "node_modules" / package.name
    for rel in package.remove:
        shutil.rmtree(installed / rel, ignore_errors=True)
    bad = sorted(n for n in installed_names(root / "node_modules") if is_reserved(n))
    if bad:
        shutil.rmtree(root)
        raise SystemExit(f"realcode: {package.spec} installed reserved package(s) "
                         f"{', '.join(bad)}; add them to 'remove' or drop the package")
    source = installed / package.sources
    shutil.copytree(source, root / package.target,
                    ignore=shutil.ignore_patterns("node_modules", "package.json", "*.md"))
    for folder in package.also:
        shutil.copytree(installed / folder, root / folder)
    for import_path, file in package.standins:
        placed = root / "node_modules" / "contractml-standins" / import_path
        placed.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(STANDINS / file, placed)
    (root / "hardhat.config.js").write_text(
        "// laid out by contractml scripts/realcode.py\nmodule.exports = {};\n",
        encoding="utf-8")
    if package.remappings:
        (root / "remappings.txt").write_text("\n".join(package.remappings) + "\n",
                                             encoding="utf-8")
    stamp.write_text(json.dumps(pins), encoding="utf-8")
    return root


# --------------------------------------------------------------------------------------
# Measure
# --------------------------------------------------------------------------------------

@dataclass
class Outcome:
    """What one package's root gave: contractml's JSON report and Slither's regions."""

    package: Package
    root: Path
    report: dict[str, Any]
    lines: int  # code lines of the files contractml analysed
    lines_all: int  # code lines of every .sol target
    targets: int
    slither: list[dict[str, Any]] = field(default_factory=list)
    slither_failed: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def findings(self) -> list[dict[str, Any]]:
        return [f for f in self.report["findings"] if not f.get("suppressed")]


def scan_json(root: Path, out: Path, jobs: int) -> dict[str, Any]:
    """`contractml scan ROOT --format json` in a child process; its parsed report."""
    command = [sys.executable, "-m", "contractml", "scan", str(root), "--format", "json",
               "-o", str(out), "--fail-on", "none", "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(command, env=env, cwd=root, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"realcode: contractml scan {root} exited {done.returncode}:\n"
                         f"{done.stderr[-4000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def slither_regions(root: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Slither's mapped detectors over the root's targets, as `scripts/evaluate.py`
    computes its Slither column: one record per file, node-level detector hits mapped onto
    the taxonomy, regions with a floor of 0.5 and no definitions. Returns the regions
    (file relative to the root, category, severity, lines, contract, function) and the
    files that failed with their reasons."""
    from contractml.compile.backends import default_cache_dir
    from contractml.compile.driver import CompileOptions
    from contractml.compile.project import discover
    from contractml.pipeline import build
    from datasets import evaluation as ev

    project = discover([str(root)])
    result = build(project, CompileOptions(cache_dir=default_cache_dir()),
                   detectors=frozenset(ev.SLITHER_MAPPING))
    corpus = ev.Corpus("realcode", [], [], {}, {})
    failed: dict[str, str] = {}
    for report in result.files:
        file_id = project.unit_name(report.outcome.path)
        corpus.files.append(file_id)
        if report.record is None:
            failed[file_id] = f"{report.stage}: {report.error}"
            continue
        if report.record.file != file_id:
            failed[file_id] = f"the front end returned the record of {report.record.file}"
            continue
        corpus.add_file(file_id, report.record)
    scores = ev.apply(ev.slither_scores, corpus.graphs)
    regions = ev.regions(corpus, scores, None, floor=0.5, definitions=False)
    out = [{"file": corpus.file_ids[r.file], "category": r.category,
            "severity": ev.SEVERITY[r.category], "start_line": r.start_line,
            "end_line": r.end_line, "contract": r.contract, "function": r.function}
           for r in regions]
    return out, failed


def measure(package: Package, root: Path, jobs: int) -> Outcome:
    """Scan one root with contractml and with Slither's mapped detectors."""
    from contractml.compile.project import discover
    from datasets.evaluation import code_lines

    started = time.perf_counter()
    report = scan_json(root, root / "contractml.json", jobs)
    scanned = time.perf_counter()
    slither, failed = slither_regions(root)
    finished = time.perf_counter()
    analysed = set(report["files_scanned"])
    project = discover([str(root)])
    lines = lines_all = 0
    for path in project.targets:
        n = code_lines(path)
        lines_all += n
        if project.unit_name(path) in analysed:
            lines += n
    (root / "slither-mapped.json").write_text(json.dumps(slither, indent=1), encoding="utf-8")
    return Outcome(package, root, report, lines, lines_all, len(project.targets), slither,
                   failed, {"contractml": scanned - started, "slither": finished - scanned})


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------

def by_severity(items: Iterable[dict[str, Any]]) -> Counter[str]:
    return Counter(item["severity"] for item in items)


def per_kloc(count: int, lines: int) -> str:
    return f"{1000 * count / lines:.2f}" if lines else "–"


def _cats(items: Iterable[dict[str, Any]]) -> str:
    counts = Counter((item["category"], item["severity"]) for item in items)
    return ", ".join(f"{c} ({s}) {n}" for (c, s), n in
                     sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) or "–"


def source_counts(findings: Iterable[dict[str, Any]]) -> Counter[tuple[str, str]] | None:
    """(source, severity) -> findings; None when no finding carries `sources`."""
    counts: Counter[tuple[str, str]] = Counter()
    seen = False
    for finding in findings:
        sources = finding.get("sources")
        if sources is None:
            continue
        seen = True
        for source in sources:
            counts[(str(source), finding["severity"])] += 1
    return counts if seen else None


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("slither-analyzer", "crytic-compile"):
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} not installed")
    return ", ".join(out)


def render(command: str, outcomes: Sequence[Outcome], kept: str) -> str:
    """The Markdown report; `kept` is the hand-written text below the marker."""
    first = outcomes[0].report if outcomes else {}
    model = first.get("model", {})
    total_lines = sum(o.lines for o in outcomes)
    all_findings = [f for o in outcomes for f in o.findings]
    all_slither = [r for o in outcomes for r in o.slither]
    lines = [
        "# Development corpus: audited npm packages (realcode)",
        "",
        f"Made by `{command}` on "
        f"{datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%d %H:%M')} UTC.",
        "",
        f"- contractml {first.get('tool', {}).get('version', '?')}, model "
        f"`{model.get('name', '?')}` (weights sha256 `{str(model.get('sha256', '?'))[:12]}`); "
        f"{_versions()}; node {_node_version()}",
        "- each package is installed by `npm install --prefix` into its own folder of the "
        "cache (pins in `scripts/realcode_packages.json`), laid out as a Hardhat-style root "
        "and scanned from that root with `contractml scan ROOT --format json --fail-on none`",
        "- Slither (mapped): the same files compiled by contractml's compile layer with "
        "Slither's detectors of `SLITHER_MAPPING`; a statement a mapped detector reports is "
        "a finding of the detector's category, regions as in `scripts/evaluate.py` "
        "(floor 0.5, no definitions); severity is the category's",
        "- lines: non-blank lines that are not only comments "
        "(`datasets.evaluation.code_lines`) of the files contractml analysed; "
        "per kLOC = per 1,000 such lines",
        "",
        "## Per package",
        "",
        "| package | .sol files | analysed | failed | lines | contractml high / med / low "
        "| contractml high / kLOC | Slither (mapped) high / med / low | Slither high / kLOC "
        "| seconds (contractml, Slither) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]

    def row(name: str, targets: int, analysed: int, failed: int, n_lines: int,
            found: Sequence[dict[str, Any]], slither: Sequence[dict[str, Any]],
            seconds: str) -> str:
        c, s = by_severity(found), by_severity(slither)
        return (f"| {name} | {targets} | {analysed} | {failed} | {n_lines:,} | "
                f"{c['high']} / {c['medium']} / {c['low']} | {per_kloc(c['high'], n_lines)} | "
                f"{s['high']} / {s['medium']} / {s['low']} | {per_kloc(s['high'], n_lines)} "
                f"| {seconds} |")

    for o in outcomes:
        lines.append(row(f"`{o.package.spec}`", o.targets, len(o.report["files_scanned"]),
                         len(o.report["failures"]), o.lines, o.findings, o.slither,
                         f"{o.seconds['contractml']:.0f}, {o.seconds['slither']:.0f}"))
    lines.append(row("**total**", sum(o.targets for o in outcomes),
                     sum(len(o.report["files_scanned"]) for o in outcomes),
                     sum(len(o.report["failures"]) for o in outcomes), total_lines,
                     all_findings, all_slither,
                     f"{sum(o.seconds['contractml'] for o in outcomes):.0f}, "
                     f"{sum(o.seconds['slither'] for o in outcomes):.0f}"))
    c_high = by_severity(all_findings)["high"]
    s_high = by_severity(all_slither)["high"]
    lines += [
        "",
        "Targets (issue #27): at most 0.2 high-severity findings per 1,000 lines: "
        f"{per_kloc(c_high, total_lines)} measured "
        f"({'met' if total_lines and 1000 * c_high / total_lines <= 0.2 else 'not met'}); "
        "at least 5x fewer high findings than Slither's mapped detectors: "
        f"{c_high} vs {s_high} "
        f"({'met' if c_high * 5 <= s_high else 'not met'}).",
        "",
        "## Findings by category and severity",
        "",
        "| package | contractml | Slither (mapped) |",
        "|---|---|---|",
    ]
    for o in outcomes:
        lines.append(f"| `{o.package.spec}` | {_cats(o.findings)} | {_cats(o.slither)} |")
    lines.append(f"| **total** | {_cats(all_findings)} | {_cats(all_slither)} |")

    lines += ["", "## contractml findings by source", ""]
    sources = source_counts(all_findings)
    if sources is None:
        lines.append("The findings of this contractml version carry no `sources` field: "
                     "every finding is counted under the network's scan as a whole above.")
    else:
        lines += ["A finding is counted once under each of its sources.", "",
                  "| source | high | medium | low | high / kLOC |", "|---|---|---|---|---|"]
        for source in sorted({s for s, _ in sources}):
            h, m, low = (sources[(source, sev)] for sev in SEVERITIES)
            lines.append(f"| {source} | {h} | {m} | {low} | {per_kloc(h, total_lines)} |")

    lines += ["", "## High-severity findings", "",
              "Every active high-severity finding of contractml (file relative to the "
              "package's root).", "",
              "| package | file:line | category | contract.function | confidence | sources |",
              "|---|---|---|---|---|---|"]
    for o in outcomes:
        for f in sorted(o.findings, key=lambda f: (f["file"], f["start_line"])):
            if f["severity"] != "high":
                continue
            where = f"{f['contract']}.{f['function']}" if f["function"] else f["contract"]
            lines.append(f"| {o.package.name} | `{f['file']}:{f['start_line']}` | "
                         f"{f['category']} | `{where}` | {f['confidence']:.2f} | "
                         f"{', '.join(f.get('sources', [])) or '–'} |")

    lines += ["", "## Files not analysed", "",
              "Every `.sol` file under a scanned root that contractml did not analyse, with "
              "its stage and reason (the scan's `failures`; reasons cut at 300 characters).",
              ""]
    any_failed = False
    for o in outcomes:
        for failure in sorted(o.report["failures"], key=lambda f: f["file"]):
            any_failed = True
            message = " ".join(str(failure["message"]).split())
            if len(message) > 300:
                message = message[:297] + "..."
            lines.append(f"- {o.package.name} `{failure['file']}` [{failure['stage']}]: "
                         f"{message.replace('|', '/')}")
    if not any_failed:
        lines.append("None.")
    only_slither = [(o.package.name, f) for o in outcomes for f in sorted(o.slither_failed)
                    if f not in {x["file"] for x in o.report["failures"]}]
    if only_slither:
        lines += ["", "Files the Slither (mapped) column could not analyse although "
                  "contractml did:", ""]
        lines += [f"- {name} `{f}`" for name, f in only_slither]
    lines += ["", "## Notices", ""]
    for o in outcomes:
        for notice in o.report.get("notices", []):
            lines.append(f"- {o.package.name}: {notice}")
    lines += ["", MARKER, kept.rstrip("\n"), ""]
    return "\n".join(lines)


def _node_version() -> str:
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help="folder for the installed packages (outside the repository)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME",
                        help="only these packages (npm names)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    cache = args.cache.expanduser().resolve()
    if cache.is_relative_to(REPO):
        parser.error("--cache must lie outside the repository (third-party code is never "
                     "committed)")
    packages = load_packages()
    if args.only:
        unknown = set(args.only) - {p.name for p in packages}
        if unknown:
            parser.error(f"not in the corpus: {', '.join(sorted(unknown))}")
        packages = [p for p in packages if p.name in args.only]
    outcomes = []
    for package in packages:
        print(f"realcode: {package.spec}", file=sys.stderr, flush=True)
        root = install(package, cache)
        outcomes.append(measure(package, root, args.jobs))
    kept = ""
    if args.out.is_file():
        text = args.out.read_text(encoding="utf-8")
        if MARKER in text:
            kept = text.split(MARKER, 1)[1].lstrip("\n")
    shown = ["scripts/realcode.py", *(argv if argv is not None else sys.argv[1:])]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(shlex.join(shown), outcomes, kept), encoding="utf-8")
    print(f"realcode: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
