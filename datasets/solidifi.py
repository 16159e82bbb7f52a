"""SolidiFI (training and validation): injected bugs from `BugLog_N.csv`.

Each `buggy_contracts/<BugType>/buggy_N.sol` is base contract N with snippets of one bug
type injected; `BugLog_N.csv` gives each snippet's first line (`loc`) and length. The
seven files of one N share their base contract, so N is their group: they are never split
apart. Identifiers in the snippets name the bug; no feature reads identifiers.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from datasets.corpora import CorpusMissing, shared_datasets
from datasets.labels import SOLIDIFI_FOLDERS, LabelledFile

_NUMBER = re.compile(r"buggy_(\d+)\.sol$")


def root() -> Path:
    folder = shared_datasets() / "solidifi" / "buggy_contracts"
    if not folder.is_dir():
        raise CorpusMissing(f"SolidiFI not found at {folder}: clone "
                            "github.com/DependableSystemsLab/SolidiFI-benchmark there "
                            "(commit 4b0573e) or set CONTRACTML_SHARED_DATASETS")
    return folder


def bug_lines(log: Path) -> frozenset[int]:
    """Every line covered by an injected snippet."""
    lines: set[int] = set()
    with open(log, newline="", encoding="utf-8", errors="replace") as handle:
        for row in csv.DictReader(handle):
            start, length = int(row["loc"]), max(1, int(row["length"]))
            lines.update(range(start, start + length))
    return frozenset(lines)


def load() -> list[LabelledFile]:
    files = []
    base = root()
    for folder, category in sorted(SOLIDIFI_FOLDERS.items()):
        for path in sorted((base / folder).glob("buggy_*.sol"),
                           key=lambda p: int(_NUMBER.search(p.name).group(1))):  # type: ignore[union-attr]
            number = _NUMBER.search(path.name).group(1)  # type: ignore[union-attr]
            log = path.with_name(f"BugLog_{number}.csv")
            lines = bug_lines(log) if log.is_file() else frozenset()
            files.append(LabelledFile(
                id=f"solidifi/{folder}/{path.name}", corpus="solidifi", path=path,
                labels={category: lines} if lines else {},
                groups=(f"solidifi-base:{number}",),
                meta={"bug_type": folder}))
    return files
