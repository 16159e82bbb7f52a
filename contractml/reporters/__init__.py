"""Report formats for `contractml scan`: each is a pure `render(result, **options) -> str`.

`render(result, fmt, **options)` dispatches by name; the format modules are imported only
when used. None of them imports torch or slither.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from importlib import import_module
from typing import Any

from contractml.findings import SEVERITIES, Finding, ScanResult, severity_rank
from contractml.rules import CATEGORIES

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "markdown")
_MODULES = {"text": "text", "json": "json_report", "sarif": "sarif", "markdown": "markdown"}

TOOL_NAME = "contractml"
#: Where users read about the tool (SARIF `tool.driver.informationUri`).
INFORMATION_URI = "https://github.com/contractml/contractml"


def render(result: ScanResult, fmt: str, **options: Any) -> str:
    """The report of `result` in format `fmt` (one of FORMATS)."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    module = import_module(f"contractml.reporters.{_MODULES[fmt]}")
    return module.render(result, **options)


def location_key(finding: Finding) -> tuple[Any, ...]:
    """Sort key: file, position, then everything else that tells findings apart."""
    return (finding.file, finding.start_line, finding.start_column, finding.end_line,
            finding.end_column, finding.rule_id, finding.contract, finding.function,
            -finding.confidence, finding.fingerprint)


#: How findings can be listed: by location, or by anomaly (the finding's function least
#: like deployed code first; findings without an anomaly score last), location breaking ties.
SORTS: tuple[str, ...] = ("location", "anomaly")


def sorted_findings(findings: Iterable[Finding], sort: str = "location") -> list[Finding]:
    """`findings` in the order `sort` (one of SORTS) names."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; expected one of {', '.join(SORTS)}")
    by_location = sorted(findings, key=location_key)
    if sort == "anomaly":
        return sorted(by_location, key=lambda f: (f.anomaly is None, -(f.anomaly or 0.0)))
    return by_location


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """{"high": n, "medium": n, "low": n}, highest first, zeros included."""
    counts = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in reversed(SEVERITIES)}


def category_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts per category in CATEGORIES order (zeros included); unknown ones appended."""
    counts = Counter(f.category for f in findings)
    result = {c: counts.get(c, 0) for c in CATEGORIES}
    for category in sorted(set(counts) - set(CATEGORIES)):
        result[category] = counts[category]
    return result


def at_or_above(findings: Iterable[Finding], level: str) -> list[Finding]:
    """Active findings at or above severity `level` (`none` matches nothing)."""
    if level == "none":
        return []
    rank = severity_rank(level)
    return [f for f in findings if not f.suppressed and severity_rank(f.severity) >= rank]


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"
