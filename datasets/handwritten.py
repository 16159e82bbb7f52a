"""Hand-written realistic training contracts (`datasets/handwritten/`, its README).

Each part folder (`p1`, `p2`, ...) holds `.sol` files and a `labels.json` in the
development set's format: one entry per file, `{"path", "vulnerabilities": [{"category",
"lines"}]}`, clean files with an empty list. A vulnerable product `X.sol` has a twin
`XTwin.sol` with only the defect fixed; the two share a group so that they are never
split apart, and the twin's functions are the product's closest negatives.
"""

from __future__ import annotations

import json
from pathlib import Path

from datasets.labels import CATEGORIES, LabelledFile

ROOT = Path(__file__).with_name("handwritten")


class LabelsError(ValueError):
    """A part's `labels.json` does not describe its folder."""


def _product(name: str) -> str:
    stem = name.removesuffix(".sol")
    return stem.removesuffix("Twin")


def part_files(part: Path) -> list[LabelledFile]:
    """One part's labelled files. Every `.sol` file must have exactly one entry, every
    entry a file, and every category a taxonomy id; otherwise LabelsError names what is
    wrong, since a file silently dropped or left unlabelled would train as clean."""
    entries = json.loads((part / "labels.json").read_text(encoding="utf-8"))
    on_disk = {p.name for p in part.glob("*.sol")}
    listed = [entry["path"] for entry in entries]
    problems = []
    if len(set(listed)) != len(listed):
        problems.append("listed twice: " + ", ".join(sorted(
            {p for p in listed if listed.count(p) > 1})))
    if missing := sorted(on_disk - set(listed)):
        problems.append("not in labels.json: " + ", ".join(missing))
    if absent := sorted(set(listed) - on_disk):
        problems.append("no such file: " + ", ".join(absent))
    files = []
    for entry in entries:
        labels: dict[str, frozenset[int]] = {}
        for vulnerability in entry["vulnerabilities"]:
            category = vulnerability["category"]
            if category not in CATEGORIES:
                problems.append(f"{entry['path']}: unknown category {category!r}")
                continue
            labels[category] = labels.get(category, frozenset()) | frozenset(
                int(line) for line in vulnerability["lines"])
        files.append(LabelledFile(
            id=f"handwritten/{part.name}/{entry['path']}", corpus="handwritten",
            path=part / entry["path"], labels=labels,
            groups=(f"handwritten-product:{part.name}/{_product(entry['path'])}",),
            meta={"part": part.name}))
    if problems:
        raise LabelsError(f"{part / 'labels.json'}: " + "; ".join(problems))
    return files


def load(root: Path = ROOT) -> list[LabelledFile]:
    """Every part's labelled files, parts in name order (none when `root` is absent)."""
    if not root.is_dir():
        return []
    return [f for part in sorted(p for p in root.iterdir() if (p / "labels.json").is_file())
            for f in part_files(part)]
