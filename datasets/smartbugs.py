"""SmartBugs curated (EVALUATION ONLY): labels from `vulnerabilities.json`.

Never used for training, tuning or model selection. Its annotation comments
(`// <yes> <report> ...`) name the bugs; no feature reads comments.
"""

from __future__ import annotations

import json

from datasets.corpora import smartbugs_curated
from datasets.labels import SMARTBUGS_FOLDERS, LabelledFile


def load() -> list[LabelledFile]:
    root = smartbugs_curated()
    entries = json.loads((root / "vulnerabilities.json").read_text(encoding="utf-8"))
    by_path = {entry["path"]: entry for entry in entries}
    files = []
    for path in sorted((root / "dataset").rglob("*.sol")):
        relative = path.relative_to(root).as_posix()
        labels: dict[str, set[int]] = {}
        for vulnerability in by_path.get(relative, {}).get("vulnerabilities", []):
            category = SMARTBUGS_FOLDERS.get(vulnerability["category"])
            if category:
                labels.setdefault(category, set()).update(vulnerability["lines"])
        files.append(LabelledFile(
            id=f"smartbugs/{relative}", corpus="smartbugs", path=path,
            labels={k: frozenset(v) for k, v in labels.items()},
            groups=(f"smartbugs:{relative}",), meta={"folder": path.parent.name}))
    return files
