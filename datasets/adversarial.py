"""Adversarial rewrite rounds over the injected real hosts: a robustness curve.

    .venv/bin/python -m datasets.adversarial --data DIR --real-hosts DIR --out DIR
        [--rounds 3] [--eval-hosts 60] [--train-hosts 120] [--common-hosts 0]
        [--validation-hosts 0] [--minutes 6] [--seed 0] [--jobs 2]
        [--report docs/benchmarks/adversarial.md]

Each host pair of `datasets.realhosts` (a vulnerable file with up to 18 injected
functions, and its safe twin) is rewritten by `datasets.rewrites`: for every injected
function, one semantics-preserving rewrite at or near its labelled lines (extract a
helper, inline one, move a check into a modifier, reorder, `for` to `while`, split or
merge an expression, a storage pointer; the rewrite order rotated by host, function and
round), the same rewrite at the same place in both twins, so they stay a pair and the
labels follow the code; one host in four also moves to the next compiler line where
its code compiles there. The rewritten pair is compiled with its compiler and parsed by
Slither (records cached, as in the build); a pair that does not compile is counted and
its first error listed, not used.

A function's verdict is the scan's: the network flags a function for a category when one
of the function's own statements scores at least the statement threshold (and, for a
model with the function gate, the function at least its own threshold). An error is a
vulnerable function not flagged for its injected category (a miss) or its safe twin
flagged for it (a false alarm); the error rate is errors / (2 x function pairs).

Rounds. Round 0's network is trained on the dataset's `train` split (one member,
`--minutes` of training, validation as in `scripts/train.py`). In every round the
current network scores fresh rewrites of held-out pairs (hosts of the `val` split, new
hosts each round): that is the round's error rate. Unless it is the last round, it also
scores fresh rewrites of training pairs (hosts of the `train` split, new hosts each
round); the pairs it gets wrong (both twins of the function) join the training data
(with the real hosts' share of the trainer's corpus balance), and the next round's
network is trained again, from scratch, on `train` plus everything gathered so far.
`rounds.json` and the report hold the error rate per round, category and rewrite.

Each round's own error rate is measured on other hosts than the others', so the curve
mixes what the network learnt with which hosts a round drew. With `--common-hosts N`,
after the last round the next N held-out hosts (used by no round) are rewritten once
more, freshly (the rewrite rotation of round `rounds + 1`), and every round's network is
judged on those same function pairs (`common` in `rounds.json` and the report): a
paired comparison of the networks, whose ratio to round 0 is the robustness measure.

With `--validation-hosts N`, the next N held-out hosts after the common set's are
rewritten once more (the rotation of round `rounds + 2`) and every round's network is
judged on them too (`validation`); the round whose network errs least there is the one
selected (`selected`; a tie goes to the earlier round), as a training run picks its
epoch on validation data. The selection never looks at the common set, so the selected
network's common-set error rate stays a fair measure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractml.compile.backends import default_cache_dir, installed_versions
from contractml.compile.versions import Version
from datasets.hostscan import compiler_version
from datasets.labels import CATEGORIES, LabelledFile
from datasets.realhosts import analyse
from datasets.rewrites import REWRITES, rewrite_both

#: rewrites tried on an injected function's lines (the compiler line is per host)
LOCAL_REWRITES = tuple(name for name in REWRITES if name != "compiler-line")
#: lines around a labelled line where a rewrite may apply
NEAR = 3


def _rank(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)


@dataclass
class Target:
    """One injected function of a host pair, with its labels in the current text."""

    contract: str
    function: str
    category: str
    labels: frozenset[int]
    rewrites: list[str] = field(default_factory=list)


@dataclass
class RewrittenHost:
    host: str
    vulnerable: str
    safe: str
    targets: list[Target]
    solc: str


def rewrite_host(result: dict, vulnerable: str, safe: str, round_: int
                 ) -> RewrittenHost | None:
    """Rewrite every injected function of one host pair once (see the module doc); None
    when no rewrite applies anywhere. Labels of every function follow each rewrite."""
    targets = [Target(p["contract"], p["function"], p["category"], frozenset(p["labels"]))
               for p in result["pairs"]]
    applied = 0
    for k, target in enumerate(targets):
        start = _rank(f"{result['host']}|{k}|{round_}")
        names = LOCAL_REWRITES[start % len(LOCAL_REWRITES):] + \
            LOCAL_REWRITES[:start % len(LOCAL_REWRITES)]
        lines = sorted({x for label in target.labels for x in range(label - NEAR,
                                                                     label + NEAR + 1)
                        if x >= 1}, key=lambda x: (min(abs(x - y) for y in target.labels), x))
        done = False
        for name in names:
            for line in lines:
                moved = _apply(name, vulnerable, safe, line, targets)
                if moved is None:
                    continue
                vulnerable, safe, new_labels = moved
                for t, labels in zip(targets, new_labels, strict=True):
                    t.labels = labels
                target.rewrites.append(name)
                applied += 1
                done = True
                break
            if done:
                break
    if not applied:
        return None
    version = compiler_version(vulnerable, installed_versions())
    if version is None:
        return None
    return RewrittenHost(result["host"], vulnerable, safe, targets, str(version))


def next_compiler_line(host: RewrittenHost) -> RewrittenHost | None:
    """The rewritten pair moved to the next compiler line (up to 0.7), or None where the
    pragma does not allow it."""
    targets = [Target(t.contract, t.function, t.category, t.labels, list(t.rewrites))
               for t in host.targets]
    moved = _apply("compiler-line", host.vulnerable, host.safe, 1, targets)
    if moved is None:
        return None
    vulnerable, safe, new_labels = moved
    for t, labels in zip(targets, new_labels, strict=True):
        t.labels = labels
        t.rewrites.append("compiler-line")
    version = compiler_version(vulnerable, installed_versions())
    if version is None:
        return None
    return RewrittenHost(host.host, vulnerable, safe, targets, str(version))


def _apply(name: str, vulnerable: str, safe: str, line: int, targets: list[Target]
           ) -> tuple[str, str, list[frozenset[int]]] | None:
    """One rewrite at `line` of both twins (`rewrites.rewrite_both`) with every
    function's labels moved along, or None where it does not apply or loses a
    function's labels."""
    both = rewrite_both(name, vulnerable, safe, line)
    if both is None:
        return None
    v, s = both
    labels = [frozenset(v.labels(t.labels)) for t in targets]
    if any(t.labels and not new for t, new in zip(targets, labels, strict=True)):
        return None
    return v.text, s.text, labels


@dataclass
class Example:
    """One function pair of a rewritten host: its graphs in both twins."""

    host: str
    category: str
    rewrites: tuple[str, ...]
    vulnerable: Any  # CodeGraph
    safe: Any  # CodeGraph


def examples(host: RewrittenHost, folder: Path, cache_dir: Path | None,
             counts: Counter) -> list[Example] | str:
    """Write, compile and parse one rewritten pair; the rewritten function pairs whose
    vulnerable graph still carries its category's label, or the reason the pair
    failed."""
    from datasets.build import graphs_for

    folder.mkdir(parents=True, exist_ok=True)
    stem = host.host.replace("/", "_")
    v_path, s_path = folder / f"{stem}.injected.sol", folder / f"{stem}.twin.sol"
    v_path.write_text(host.vulnerable, encoding="utf-8")
    s_path.write_text(host.safe, encoding="utf-8")
    found = analyse([v_path, s_path], Version.parse(host.solc), cache_dir)
    v_rec, s_rec = found.get(v_path.resolve()), found.get(s_path.resolve())
    if isinstance(v_rec, str) or isinstance(s_rec, str) or v_rec is None or s_rec is None:
        for path in (v_path, s_path):
            path.unlink(missing_ok=True)
        return next((r for r in (v_rec, s_rec) if isinstance(r, str)), "no record")
    labels: dict[str, set[int]] = defaultdict(set)
    for t in host.targets:
        labels[t.category].update(t.labels)
    prefixes = "\n".join(f"{t.contract}.{t.function}(" for t in host.targets)
    v_file = LabelledFile(f"adversarial/{stem}.injected.sol", "adversarial", v_path,
                          {c: frozenset(v) for c, v in labels.items()},
                          meta={"keep_prefix": prefixes})
    s_file = LabelledFile(f"adversarial/{stem}.twin.sol", "adversarial", s_path, {},
                          meta={"keep_prefix": prefixes})
    v_graphs = {g.functions[0]: g for g in graphs_for(v_file, v_rec)}
    s_graphs = {g.functions[0]: g for g in graphs_for(s_file, s_rec)}
    out = []
    for t in host.targets:
        if not t.rewrites:
            counts["functions: no rewrite applies"] += 1
            continue
        prefix = f"{t.contract}.{t.function}("
        v = next((g for f, g in v_graphs.items() if f.startswith(prefix)), None)
        s = next((g for f, g in s_graphs.items() if f.startswith(prefix)), None)
        c = CATEGORIES.index(t.category)
        if v is None or s is None:
            counts["functions: no graph after the rewrite"] += 1
            continue
        if not int(v.y_fn[0, c]):
            counts["functions: label on no statement after the rewrite"] += 1
            continue
        out.append(Example(host.host, t.category, tuple(t.rewrites), v, s))
    counts["hosts: used"] += 1
    return out


def flagged(graph: Any, scores: Any, category: str, thresholds: dict[str, dict[str, float]]
            ) -> bool:
    """Whether the network flags the graph's own function for `category`, as the scan
    does: a statement of the function at or above the statement threshold, and the
    function at or above the function threshold."""
    c = CATEGORIES.index(category)
    seed = graph.seed.numpy().astype(bool)
    node = scores.node[seed, c]
    if not len(node) or float(node.max()) < thresholds["node"][category]:
        return False
    return float(scores.function[0, c]) >= thresholds["function"][category]


def judge(model: Path, items: list[Example]) -> list[tuple[bool, bool]]:
    """(missed, false alarm) for each function pair, by the checkpoint at `model`."""
    from contractml.model.handle import ModelHandle

    handle = ModelHandle(model)
    thresholds = handle.thresholds
    graphs = [g for e in items for g in (e.vulnerable, e.safe)]
    scores = handle.score(graphs) if graphs else []
    out = []
    for k, e in enumerate(items):
        v, s = scores[2 * k], scores[2 * k + 1]
        out.append((not flagged(e.vulnerable, v, e.category, thresholds),
                    flagged(e.safe, s, e.category, thresholds)))
    return out


def train_model(train_graphs: list, val_graphs: list, out: Path, minutes: float,
                seed: int, log: Any) -> dict:
    """One network (one member) trained as `scripts/train.py` does, saved at `out`."""
    import torch

    from contractml.model import HPARAMS_PATH, checkpoint
    from contractml.model.training import train

    torch.set_num_threads(2)
    hparams = json.loads(HPARAMS_PATH.read_text(encoding="utf-8"))
    hparams["members"] = 1
    result = train(train_graphs, val_graphs, hparams, seed=seed, with_detectors=True,
                   max_minutes=minutes, log=log)
    meta = checkpoint.CheckpointMeta(
        name="contractml-gnn-adversarial", with_detectors=True, net=result.net,
        hparams=result.hparams, calibration=result.calibration,
        thresholds=result.thresholds, data={"train_graphs": len(train_graphs)},
        metrics={"val": result.metrics, "best_epoch": result.best_epoch,
                 "train_seconds": round(result.seconds, 1)},
        seed=seed, function_gate=bool(hparams.get("function_gate", True)))
    checkpoint.save(out, result.model, meta)
    return {"best_epoch": result.best_epoch, "seconds": round(result.seconds, 1),
            "val_score": result.metrics.get("val_score")}


def rate(items: list[Example], verdicts: list[tuple[bool, bool]]) -> dict:
    """Error rates overall, per category and per rewrite."""
    def summary(pairs: list[tuple[Example, tuple[bool, bool]]]) -> dict:
        missed = sum(m for _e, (m, _f) in pairs)
        alarms = sum(f for _e, (_m, f) in pairs)
        n = len(pairs)
        return {"pairs": n, "missed": missed, "false_alarms": alarms,
                "error_rate": round((missed + alarms) / (2 * n), 4) if n else None}

    both = list(zip(items, verdicts, strict=True))
    per_category = {c: summary([p for p in both if p[0].category == c]) for c in CATEGORIES}
    per_rewrite = {}
    for name in REWRITES:
        chosen = [p for p in both if name in p[0].rewrites]
        if chosen:
            per_rewrite[name] = summary(chosen)
    return {**summary(both), "per_category": per_category, "per_rewrite": per_rewrite}


def _one_host_pickled(args: tuple[dict, int, Path, Path | None]) -> bytes:
    """`_one_host` in a worker process, its answer pickled here: tensors pickled by
    the pool's own pickler travel as shared-memory file descriptors, and a round's
    thousands of graphs exhaust them. The bytes go straight back to the parent, which
    started this process; nothing pickled is written anywhere."""
    return pickle.dumps(_one_host(args))


def _one_host(args: tuple[dict, int, Path, Path | None]
              ) -> tuple[list[Example] | str | None, Counter]:
    """Fresh rewrites of one host: its examples, the reason its pair failed, or None
    when no rewrite applies; and the counts it adds."""
    result, round_, folder, cache_dir = args
    counts: Counter = Counter()
    vulnerable = Path(result["vulnerable"]).read_text(encoding="utf-8")
    safe = Path(result["safe"]).read_text(encoding="utf-8")
    rewritten = rewrite_host(result, vulnerable, safe, round_)
    if rewritten is None:
        return None, counts
    got: list[Example] | str = "not tried"
    if _rank(f"{result['host']}|compiler-line|{round_}") % 4 == 0:
        moved = next_compiler_line(rewritten)
        if moved is not None:
            got = examples(moved, folder, cache_dir, counts)
            if isinstance(got, str):
                counts["hosts: next compiler line does not compile (own line used)"] += 1
    if isinstance(got, str):
        got = examples(rewritten, folder, cache_dir, counts)
    return got, counts


def gather(hosts: list[dict], round_: int, folder: Path, cache_dir: Path | None,
           counts: Counter, failures: list[str], jobs: int = 1) -> list[Example]:
    """Fresh rewrites of `hosts` (see the module doc), compiled and parsed, in `jobs`
    processes. One host in four (by a hash of host and round) is also moved to the next
    compiler line; where that does not compile, the pair is used on its own line
    (counted)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    work = [(result, round_, folder, cache_dir) for result in hosts]
    if jobs > 1:
        # spawned, not forked: this process has run torch's thread pools
        with ProcessPoolExecutor(max_workers=jobs,
                                 mp_context=multiprocessing.get_context("spawn")) as pool:
            done = [pickle.loads(answer) for answer in pool.map(_one_host_pickled, work)]
    else:
        done = [_one_host(w) for w in work]
    items: list[Example] = []
    for result, (got, more) in zip(hosts, done, strict=True):
        counts.update(more)
        if got is None:
            counts["hosts: no rewrite applies"] += 1
        elif isinstance(got, str):
            counts["hosts: rewritten pair does not compile or parse"] += 1
            failures.append(f"{result['host']}: {got.splitlines()[0][:200]}")
        else:
            items += got
    return items


def _write_rows(out: Path, rows: list[dict]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "rounds.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


def _judge_every_round(rows: list[dict], measure: str, hosts: list[dict], rotation: int,
                       out: Path, cache_dir: Path | None, jobs: int, log: Any) -> None:
    """Fresh rewrites of `hosts` (with the rewrite rotation `rotation`, which no round
    trained on), judged by every round's network: `row[measure]` with each pair's
    verdicts, and the set's counts and failures on the first row."""
    if not hosts:
        raise SystemExit(f"--{measure}-hosts: no held-out host is left after the rounds' "
                         "and the earlier sets' hosts")
    counts: Counter = Counter()
    failures: list[str] = []
    items = gather(hosts, rotation, out / measure, cache_dir, counts, failures, jobs)
    if not items:
        raise SystemExit(f"--{measure}-hosts: no function pair of its {len(hosts)} "
                         f"held-out hosts was rewritten and compiled ({dict(counts)})")
    log(f"{measure} set: {len(items)} function pairs from {len(hosts)} held-out hosts")
    for row in rows:
        verdicts = judge(out / f"round{row['round']}" / "model", items)
        row[measure] = rate(items, verdicts)
        row[measure]["verdicts"] = [[int(m), int(f)] for m, f in verdicts]
        log(f"round {row['round']}: {measure}-set error rate {row[measure]['error_rate']}")
    rows[0][f"{measure}_counts"] = dict(counts)
    rows[0][f"{measure}_failures"] = failures


def select_round(rows: list[dict]) -> int:
    """The round whose network errs least on the validation set; a tie goes to the
    earlier round (fewer rounds of adversarial training)."""
    return min(rows, key=lambda row: (row["validation"]["error_rate"], row["round"]))["round"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="built dataset folder")
    parser.add_argument("--real-hosts", type=Path, required=True,
                        help="output folder of python -m datasets.realhosts")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--eval-hosts", type=int, default=60,
                        help="held-out (val) hosts rewritten per round")
    parser.add_argument("--train-hosts", type=int, default=120,
                        help="training hosts rewritten per round")
    parser.add_argument("--common-hosts", type=int, default=0,
                        help="held-out hosts, used by no round, on which every round's "
                             "network is judged at the end (0: none)")
    parser.add_argument("--validation-hosts", type=int, default=0,
                        help="further held-out hosts (after the common set's), used by "
                             "no round, on which the final network is chosen (0: none)")
    parser.add_argument("--minutes", type=float, default=6.0,
                        help="training budget per round's network")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2,
                        help="processes that rewrite, compile and parse")
    parser.add_argument("--report", type=Path, default=None,
                        help="write the markdown report here")
    args = parser.parse_args(argv)

    from datasets import realhosts, store

    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f}s] {message}", file=sys.stderr,
              flush=True)

    manifest = json.loads((args.data / "manifest.json").read_text(encoding="utf-8"))
    split_of = {item["meta"]["host"]: item["split"] for item in manifest["items"]
                if item["corpus"] == "realhosts" and item.get("meta", {}).get("host")}
    results = [r for r in realhosts.load_results(args.real_hosts).values() if r["pairs"]]
    by_split: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(results, key=lambda r: _rank(f"{args.seed}|{r['host']}")):
        by_split[split_of.get(r["host"], "")].append(r)
    held_out, training = by_split["val"], by_split["train"]
    log(f"{len(held_out)} held-out (val) and {len(training)} training hosts with pairs")
    train_graphs = store.load(args.data / "train")
    val_graphs = store.load(args.data / "val")
    log(f"loaded {len(train_graphs)} train and {len(val_graphs)} val graphs")
    cache_dir = default_cache_dir()
    gathered: list = []
    rows = []
    for round_ in range(args.rounds + 1):
        folder = args.out / f"round{round_}"
        model = folder / "model"
        trained = train_model(train_graphs + gathered, val_graphs, model, args.minutes,
                              args.seed, log)
        log(f"round {round_}: network trained on {len(train_graphs) + len(gathered)} "
            f"graphs ({len(gathered)} adversarial): {trained}")
        counts: Counter = Counter()
        failures: list[str] = []
        evaluation = gather(held_out[round_ * args.eval_hosts:
                                     (round_ + 1) * args.eval_hosts],
                            round_, folder / "held-out", cache_dir, counts, failures,
                            args.jobs)
        verdicts = judge(model, evaluation)
        row: dict[str, Any] = {"round": round_, "trained": trained,
                               "adversarial_graphs_in_training": len(gathered),
                               "held_out": rate(evaluation, verdicts)}
        log(f"round {round_}: held-out error rate {row['held_out']['error_rate']} "
            f"over {len(evaluation)} function pairs")
        if round_ < args.rounds:
            fresh = gather(training[round_ * args.train_hosts:
                                    (round_ + 1) * args.train_hosts],
                           round_, folder / "train", cache_dir, counts, failures,
                           args.jobs)
            wrong = [e for e, (m, f) in zip(fresh, judge(model, fresh), strict=True)
                     if m or f]
            for e in wrong:
                # counted with the real hosts by the trainer's corpus balance, so a few
                # hundred rewrites do not weigh as much as a whole source
                e.vulnerable.source_id = f"realhosts/adversarial/{e.host}"
                e.safe.source_id = f"realhosts/adversarial/{e.host}"
                gathered += [e.vulnerable, e.safe]
            row["training_rewrites"] = {"pairs": len(fresh), "wrong": len(wrong)}
            log(f"round {round_}: {len(wrong)} of {len(fresh)} training rewrites wrong, "
                "added")
        row["counts"] = dict(counts)
        row["failures"] = failures
        rows.append(row)
        _write_rows(args.out, rows)
    start = (args.rounds + 1) * args.eval_hosts
    if args.common_hosts > 0:
        _judge_every_round(rows, "common", held_out[start:start + args.common_hosts],
                           args.rounds + 1, args.out, cache_dir, args.jobs, log)
    if args.validation_hosts > 0:
        start += args.common_hosts
        _judge_every_round(rows, "validation",
                           held_out[start:start + args.validation_hosts],
                           args.rounds + 2, args.out, cache_dir, args.jobs, log)
        chosen = select_round(rows)
        for row in rows:
            row["selected"] = row["round"] == chosen
        log(f"round {chosen}'s network is selected on the validation set")
    _write_rows(args.out, rows)
    if args.report is not None:
        command = "python -m datasets.adversarial " + " ".join(
            argv if argv is not None else sys.argv[1:])
        args.report.write_text(report(rows, command), encoding="utf-8")
    log("done")
    return 0


def _per_category(rows: list[dict], measure: str) -> list[str]:
    """A markdown table of `measure`'s (`held_out` or `common`) error rate per category
    and round."""
    lines = ["| category | " + " | ".join(f"round {r['round']}" for r in rows) + " |",
             "|---|" + "---:|" * len(rows)]
    for category in CATEGORIES:
        cells = []
        for row in rows:
            s = row[measure]["per_category"][category]
            cells.append(f"{s['error_rate']} ({s['pairs']})" if s["pairs"] else "-")
        lines.append(f"| {category} | " + " | ".join(cells) + " |")
    return lines


def _share(rate: float | None, first: float | None) -> str:
    """`rate` as a fraction of round 0's `first`, to two places ("-" without one)."""
    return f"{rate / first:.2f}" if first and rate is not None else "-"


def _rates_table(rows: list[dict], measure: str, last: str, align: str,
                 cell: Callable[[dict], str]) -> list[str]:
    """A markdown table of every round's network on `measure`'s set (`common` or
    `validation`): pairs, misses, false alarms, error rate, and a last column `last`
    whose cell for a row is `cell(row)`."""
    lines = ["| round's network | function pairs | missed | false alarms | error rate "
             f"| {last} |", f"|---|---:|---:|---:|---:|{align}|"]
    for row in rows:
        m = row[measure]
        lines.append(f"| {row['round']} | {m['pairs']} | {m['missed']} | "
                     f"{m['false_alarms']} | {m['error_rate']} | {cell(row)} |")
    return lines


def _set_counts(rows: list[dict], measure: str, title: str) -> list[str]:
    """`measure`'s set counts (on the first row) in one line, then its failures."""
    return [f"{title}: " + ", ".join(
        f"{k} {v}" for k, v in sorted(rows[0].get(f"{measure}_counts", {}).items())),
        *(f"  - `{failure}`" for failure in rows[0].get(f"{measure}_failures", []))]


def report(rows: list[dict], command: str) -> str:
    """The robustness curve as markdown: error rate per round, then per category and
    per rewrite."""
    lines = ["# Adversarial rewrite rounds", "",
             "Generated by `datasets/adversarial.py` (module doc: what a round does); the",
             "numbers below come from this command:", "", "```sh", command, "```", "",
             "Error rate = (missed vulnerable functions + false alarms on their safe "
             "twins) / (2 x function pairs), on fresh rewrites of held-out (validation) "
             "hosts, new hosts each round.", "",
             "| round | function pairs | missed | false alarms | error rate | adversarial "
             "graphs in training | training rewrites wrong / scored |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        h = row["held_out"]
        t = row.get("training_rewrites")
        lines.append(f"| {row['round']} | {h['pairs']} | {h['missed']} | "
                     f"{h['false_alarms']} | {h['error_rate']} | "
                     f"{row['adversarial_graphs_in_training']} | "
                     + (f"{t['wrong']} / {t['pairs']}" if t else "-") + " |")
    if all("common" in row for row in rows):
        first = rows[0]["common"]["error_rate"]
        lines += ["", "Every round's network on one common set of fresh rewrites (held-out "
                  "hosts used by no round; the same function pairs for every network):", "",
                  *_rates_table(rows, "common", "of round 0's", "---:",
                                lambda row: _share(row["common"]["error_rate"], first))]
        lines += ["", "Per category on the common set (error rate, pairs):", "",
                  *_per_category(rows, "common")]
        lines += ["", *_set_counts(rows, "common", "Common set counts")]
    if all("validation" in row for row in rows):
        lines += ["", "Every round's network on the validation set (other held-out hosts, "
                  "used by no round and not in the common set); the network with the "
                  "lowest error rate here is the one selected:", "",
                  *_rates_table(rows, "validation", "selected", "---",
                                lambda row: "yes" if row.get("selected") else "")]
        chosen = next((row for row in rows if row.get("selected")), None)
        if chosen is not None and "common" in chosen:
            mine = chosen["common"]["error_rate"]
            share = _share(mine, rows[0]["common"]["error_rate"])
            lines += ["", f"Selected network (round {chosen['round']}) on the common set: "
                      f"error rate {mine}, {share} of round 0's."]
        lines += ["", *_set_counts(rows, "validation", "Validation set counts")]
    lines += ["", "Per category (error rate, pairs):", "", *_per_category(rows, "held_out")]
    lines += ["", "Per rewrite (error rate, pairs; a function pair counts under every "
              "rewrite its host went through at that function):", "",
              "| rewrite | " + " | ".join(f"round {r['round']}" for r in rows) + " |",
              "|---|" + "---:|" * len(rows)]
    for name in REWRITES:
        cells = []
        for row in rows:
            s = row["held_out"]["per_rewrite"].get(name)
            cells.append(f"{s['error_rate']} ({s['pairs']})" if s else "-")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "Counts (hosts and functions left out, per round):", ""]
    for row in rows:
        lines.append(f"- round {row['round']}: " + ", ".join(
            f"{k} {v}" for k, v in sorted(row["counts"].items())))
        for failure in row.get("failures", []):
            lines.append(f"  - `{failure}`")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
