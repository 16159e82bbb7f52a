"""What a scan produces: findings, the files that could not be analysed, and notices.

This module is the contract between the scorer (model scores -> findings), the report
formats (text, JSON, SARIF, Markdown), suppressions, baselines and the evaluator. It
imports neither slither nor torch.

Lines and columns are 1-based; `end_column` is inclusive. `file` is a POSIX path relative
to the scan root.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES: tuple[str, ...] = ("low", "medium", "high")


def severity_rank(severity: str) -> int:
    """low < medium < high; `none` (used by --fail-on) ranks above everything."""
    if severity == "none":
        return len(SEVERITIES)
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Evidence:
    """One statement that drove a finding's score."""

    line: int
    end_line: int
    score: float
    reason: str  # short, e.g. "external call with value; state written after it"


@dataclass
class Finding:
    category: str  # taxonomy id, e.g. "reentrancy"
    rule_id: str  # stable rule id of the category (contractml.rules)
    severity: str  # low | medium | high
    confidence: float  # calibrated score in [0, 1]
    file: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    contract: str
    function: str  # function or modifier name; "" at contract level
    excerpt: str  # the source lines start_line..end_line
    explanation: str
    recommendation: str
    evidence: list[Evidence] = field(default_factory=list)
    #: what produced the finding: `network`, `definition:<id>`, `slither:<detector>`
    sources: list[str] = field(default_factory=list)
    fingerprint: str = ""
    suppressed: bool = False
    suppression: str = ""  # the comment that suppressed it, e.g. "contractml-disable-line"
    #: how unlike deployed code the finding's function looks (`contractml.model.anomaly`:
    #: Mahalanobis distance, larger is stranger); None when the model has no anomaly model
    anomaly: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        data = dict(data)
        data["evidence"] = [Evidence(**e) for e in data.get("evidence", [])]
        return cls(**data)


@dataclass(frozen=True)
class FileFailure:
    """A file that could not be analysed, with the stage and the tool's own message."""

    file: str
    stage: str  # "read" | "compile" | "analyse" | "skipped"
    message: str


@dataclass
class ScanResult:
    root: str  # absolute path of the scan root
    findings: list[Finding]
    failures: list[FileFailure]
    files_scanned: list[str]  # files analysed (relative), failures excluded
    notices: list[str] = field(default_factory=list)  # warnings for the user
    model: dict[str, Any] = field(default_factory=dict)  # name, sha256, version
    tool_version: str = ""
    seconds: float = 0.0

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if not f.suppressed]
