"""The GitHub Action's outputs from contractml's SARIF report (standard library only).

    python scripts/action_outputs.py REPORT.sarif

Appends `sarif`, `findings`, `high`, `medium` and `low` to the file named by
$GITHUB_OUTPUT (when set) and prints a short summary, one line per finding. Suppressed
results (those with `suppressions`) are not counted. A missing or unreadable report (the
scan failed before writing it) gives a warning and only the `sarif` output; the action's
last step then fails with the scan's exit code. See action.yml.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections import Counter
from pathlib import Path
from typing import Any

SEVERITIES = ("high", "medium", "low")
#: SARIF `level` -> severity, for results without `properties.severity`.
LEVEL_SEVERITY = {"error": "high", "warning": "medium", "note": "low"}


def result_severity(result: dict[str, Any]) -> str:
    severity = (result.get("properties") or {}).get("severity")
    if severity in SEVERITIES:
        return str(severity)
    return LEVEL_SEVERITY.get(str(result.get("level", "warning")), "medium")


def active_results(sarif: dict[str, Any]) -> list[dict[str, Any]]:
    """Every result of every run that is not suppressed."""
    return [result for run in sarif.get("runs") or [] for result in run.get("results") or []
            if not result.get("suppressions")]


def counts(sarif: dict[str, Any]) -> dict[str, int]:
    by_severity = Counter(result_severity(r) for r in active_results(sarif))
    return {"findings": sum(by_severity.values()),
            **{severity: by_severity.get(severity, 0) for severity in SEVERITIES}}


def _location(result: dict[str, Any]) -> str:
    try:
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        return f"{uri}:{physical.get('region', {}).get('startLine', 0)}"
    except (KeyError, IndexError, TypeError):
        return "?"


def format_output(name: str, value: str) -> str:
    """One `$GITHUB_OUTPUT` entry; a value with a newline uses the delimiter form."""
    if "\n" not in value and "\r" not in value:
        return f"{name}={value}\n"
    delimiter = f"ghadelimiter_{secrets.token_hex(8)}"
    return f"{name}<<{delimiter}\n{value}\n{delimiter}\n"


def write_outputs(values: dict[str, str]) -> None:
    target = os.environ.get("GITHUB_OUTPUT")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as handle:
        handle.writelines(format_output(name, value) for name, value in values.items())


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: action_outputs.py REPORT.sarif", file=sys.stderr)
        return 2
    path = argv[0]
    try:
        sarif = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"::warning::contractml: no SARIF report at {path} ({exc.__class__.__name__})")
        write_outputs({"sarif": path})
        return 0
    total = counts(sarif)
    write_outputs({"sarif": path, **{name: str(n) for name, n in total.items()}})
    print(f"contractml: {total['findings']} finding(s): {total['high']} high, "
          f"{total['medium']} medium, {total['low']} low; SARIF report: {path}")
    for result in active_results(sarif):
        category = (result.get("properties") or {}).get("category", result.get("ruleId", "?"))
        print(f"  {result_severity(result):<6} {category}  {_location(result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
