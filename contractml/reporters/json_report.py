"""`--format json`: the versioned document described field by field in docs/output.md and
by the JSON schema docs/output.schema.json."""

from __future__ import annotations

import json
from typing import Any

from contractml.findings import Finding, ScanResult
from contractml.reporters import (
    INFORMATION_URI,
    TOOL_NAME,
    category_counts,
    severity_counts,
    sorted_findings,
)
from contractml.rules import RULES

#: Version of the JSON document; bumped on any change of its fields (2: findings carry
#: `sources`).
JSON_VERSION = 2


def finding_dict(finding: Finding) -> dict[str, Any]:
    data = finding.to_dict()
    rule = RULES.get(finding.category)
    data["swc"] = list(rule.swc) if rule else []
    return data


def document(result: ScanResult, *, show_time: bool = False,
             sort: str = "location") -> dict[str, Any]:
    """The JSON document as a dict. `show_time` adds `seconds` (not deterministic)."""
    active = result.active
    summary: dict[str, Any] = {
        "files_scanned": len(result.files_scanned),
        "files_failed": len(result.failures),
        "findings": len(active),
        "suppressed": len(result.findings) - len(active),
        "by_severity": severity_counts(active),
        "by_category": category_counts(active),
    }
    if show_time:
        summary["seconds"] = round(result.seconds, 3)
    return {
        "version": JSON_VERSION,
        "tool": {"name": TOOL_NAME, "version": result.tool_version,
                 "information_uri": INFORMATION_URI},
        "root": result.root,
        "model": dict(result.model),
        "summary": summary,
        "files_scanned": sorted(result.files_scanned),
        "findings": [finding_dict(f) for f in sorted_findings(result.findings, sort)],
        "failures": [{"file": f.file, "stage": f.stage, "message": f.message}
                     for f in sorted(result.failures,
                                     key=lambda f: (f.file, f.stage, f.message))],
        "notices": list(result.notices),
    }


def render(result: ScanResult, *, show_time: bool = False, indent: int | None = 2,
           sort: str = "location") -> str:
    return json.dumps(document(result, show_time=show_time, sort=sort), indent=indent,
                      ensure_ascii=False, sort_keys=False) + "\n"
