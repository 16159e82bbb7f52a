"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; every rule in `tool.driver.rules`; one result per finding (suppressed ones
included, with `suppressions`); files that could not be analysed and scan notices as
`invocations[0].toolExecutionNotifications`. URIs are relative to `%SRCROOT%` (the scan
root). Within GitHub's limits: at most `max_results` (25,000) results, and a document
that stays under `max_gzip_bytes` gzipped (snippets and related locations are dropped,
then results, when it would not). The mapping is documented in docs/output.md.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from contractml.findings import FileFailure, Finding, ScanResult, severity_rank
from contractml.reporters import INFORMATION_URI, TOOL_NAME, sorted_findings
from contractml.rules import RULES, SECURITY_SEVERITY_FOR, Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "contractmlFingerprint/v1"
#: GitHub code scanning: results per run.
MAX_RESULTS = 25_000
#: GitHub code scanning accepts at most 10 MB gzipped; keep a margin.
MAX_GZIP_BYTES = 9_000_000

LEVELS = {"high": "error", "medium": "warning", "low": "note"}
_PROBLEM_SEVERITY = {"high": "error", "medium": "warning", "low": "recommendation"}
_RULE_TAGS = ("security", "solidity", "smart-contract")


def artifact_uri(path: str) -> str:
    """A relative POSIX path as a URI reference: spaces, non-ASCII and reserved
    characters percent-encoded (UTF-8), slashes kept."""
    return quote(path.replace("\\", "/"), safe="/-._~!$&'()*+,;=@")


def _root_uri(root: str) -> str | None:
    path = Path(root)
    if not path.is_absolute():
        return None
    uri = path.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    tags = [*_RULE_TAGS, rule.category, *(f"external/swc/{s}" for s in rule.swc)]
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.help_text, "markdown": rule.help_markdown},
        "helpUri": rule.swc_urls[0] if rule.swc_urls else INFORMATION_URI,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": tags,
            "category": rule.category,
            "swc": list(rule.swc),
            "precision": "medium",
            "problem.severity": _PROBLEM_SEVERITY[rule.severity],
            "security-severity": rule.security_severity,
        },
    }


def _artifact_location(path: str) -> dict[str, Any]:
    return {"uri": artifact_uri(path), "uriBaseId": SRCROOT}


def _snippet(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "\n..."


def _message(finding: Finding, rule: Rule | None) -> str:
    title = rule.title if rule else finding.category
    text = f"{title}."
    if finding.explanation:
        text += f" {finding.explanation.strip()}"
    if finding.recommendation:
        text += f" {finding.recommendation.strip()}"
    return text


def _result(finding: Finding, rules: Mapping[str, Rule], index: dict[str, int],
            snippets: bool, max_snippet_chars: int) -> dict[str, Any]:
    rule = rules.get(finding.category)
    region: dict[str, Any] = {
        "startLine": max(finding.start_line, 1),
        "startColumn": max(finding.start_column, 1),
        "endLine": max(finding.end_line, finding.start_line, 1),
        # SARIF endColumn is exclusive; Finding.end_column is inclusive.
        "endColumn": max(finding.end_column, 0) + 1,
    }
    if region["endLine"] == region["startLine"] and region["endColumn"] <= region["startColumn"]:
        region.pop("endColumn")
    if snippets and finding.excerpt:
        region["snippet"] = {"text": _snippet(finding.excerpt, max_snippet_chars)}
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": _artifact_location(finding.file),
                             "region": region},
    }
    if finding.contract or finding.function:
        if finding.function:
            qualified = f"{finding.contract}.{finding.function}" if finding.contract \
                else finding.function
            logical = {"name": finding.function, "fullyQualifiedName": qualified,
                       "kind": "function"}
        else:
            logical = {"name": finding.contract, "fullyQualifiedName": finding.contract,
                       "kind": "type"}
        location["logicalLocations"] = [logical]
    security = (rule.security_severity if rule and rule.severity == finding.severity
                else SECURITY_SEVERITY_FOR.get(finding.severity, "5.0"))
    result: dict[str, Any] = {"ruleId": finding.rule_id}
    if finding.rule_id in index:
        result["ruleIndex"] = index[finding.rule_id]
    result |= {
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": _message(finding, rule)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint} if finding.fingerprint
        else {},
        "properties": {
            "category": finding.category,
            "severity": finding.severity,
            "confidence": round(finding.confidence, 4),
            "security-severity": security,
            "sources": list(finding.sources),
        },
    }
    if finding.anomaly is not None:
        result["properties"]["anomaly"] = finding.anomaly
    if not result["partialFingerprints"]:
        del result["partialFingerprints"]
    if snippets and finding.evidence:
        result["relatedLocations"] = [
            {"id": i,
             "physicalLocation": {
                 "artifactLocation": _artifact_location(finding.file),
                 "region": {"startLine": max(e.line, 1),
                            "endLine": max(e.end_line, e.line, 1)}},
             "message": {"text": f"{e.reason} (score {e.score:.2f})"}}
            for i, e in enumerate(finding.evidence)
        ]
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource",
                                   "justification": finding.suppression or "suppressed"}]
    return result


def _failure_notification(failure: FileFailure) -> dict[str, Any]:
    text = f"{failure.stage} failed: {failure.message.strip()}" if failure.message.strip() \
        else f"{failure.stage} failed"
    return {
        "level": "warning" if failure.stage == "skipped" else "error",
        "message": {"text": text},
        "descriptor": {"id": f"{TOOL_NAME}/{failure.stage}"},
        "locations": [{"physicalLocation": {"artifactLocation":
                                            _artifact_location(failure.file)}}],
    }


def _priority(finding: Finding) -> tuple[Any, ...]:
    """Which results to keep first when truncating: active, severe, confident."""
    return (finding.suppressed, -severity_rank(finding.severity), -finding.confidence)


def document(result: ScanResult, *, rules: Mapping[str, Rule] | None = None,
             max_results: int = MAX_RESULTS, snippets: bool = True,
             max_snippet_chars: int = 2000, execution_successful: bool | None = None,
             start_time: str | None = None, end_time: str | None = None) -> dict[str, Any]:
    """The SARIF log as a dict (see `render`)."""
    rules = RULES if rules is None else rules
    index = {rule.id: i for i, rule in enumerate(rules.values())}
    findings = sorted_findings(result.findings)
    notifications: list[dict[str, Any]] = []
    if len(findings) > max_results:
        kept = sorted(findings, key=_priority)[:max_results]
        kept_ids = {id(f) for f in kept}
        dropped = len(findings) - len(kept)
        findings = [f for f in findings if id(f) in kept_ids]
        notifications.append({
            "level": "warning",
            "message": {"text": f"{dropped} of {dropped + len(findings)} results left out: "
                                f"at most {max_results} results fit in one run (GitHub "
                                "code scanning limit); the most severe and confident "
                                "were kept"},
            "descriptor": {"id": f"{TOOL_NAME}/truncated"},
        })
    if not snippets:
        notifications.append({
            "level": "note",
            "message": {"text": "code snippets and related locations left out to keep the "
                                "log under the upload size limit"},
            "descriptor": {"id": f"{TOOL_NAME}/size"},
        })
    notifications += [_failure_notification(f) for f in
                      sorted(result.failures, key=lambda f: (f.file, f.stage, f.message))]
    notifications += [{"level": "warning", "message": {"text": notice},
                       "descriptor": {"id": f"{TOOL_NAME}/notice"}}
                      for notice in result.notices]
    if execution_successful is None:
        execution_successful = bool(result.files_scanned) or not result.failures
    invocation: dict[str, Any] = {"executionSuccessful": execution_successful,
                                  "toolExecutionNotifications": notifications}
    if start_time:
        invocation["startTimeUtc"] = start_time
    if end_time:
        invocation["endTimeUtc"] = end_time
    driver: dict[str, Any] = {
        "name": TOOL_NAME,
        "informationUri": INFORMATION_URI,
        "rules": [_rule_descriptor(rule) for rule in rules.values()],
    }
    if result.tool_version:
        driver = {"name": TOOL_NAME, "version": result.tool_version,
                  "semanticVersion": result.tool_version, **driver}
    root: dict[str, Any] = {"description": {"text": "The scan root."}}
    root_uri = _root_uri(result.root)
    if root_uri:
        root = {"uri": root_uri, **root}
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: root},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, rules, index, snippets, max_snippet_chars) for f in findings],
    }
    if result.model:
        run["properties"] = {"model": dict(result.model)}
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def render(result: ScanResult, *, rules: Mapping[str, Rule] | None = None,
           max_results: int = MAX_RESULTS, max_gzip_bytes: int = MAX_GZIP_BYTES,
           max_snippet_chars: int = 2000, execution_successful: bool | None = None,
           start_time: str | None = None, end_time: str | None = None,
           indent: int | None = 2) -> str:
    """The SARIF 2.1.0 log as text.

    `rules`: the rules in effect (default RULES; pass `effective_rules(overrides)` when
    severities are configured). `start_time`/`end_time`: ISO 8601 UTC times to record
    (none by default, so output is deterministic). `execution_successful`: default True
    unless every file failed."""
    options = dict(rules=rules, execution_successful=execution_successful,
                   start_time=start_time, end_time=end_time,
                   max_snippet_chars=max_snippet_chars)
    snippets = True
    while True:
        text = json.dumps(document(result, max_results=max_results, snippets=snippets,
                                   **options),  # type: ignore[arg-type]
                          indent=indent, ensure_ascii=False) + "\n"
        data = text.encode("utf-8")
        if len(data) <= max_gzip_bytes or len(gzip.compress(data, 6)) <= max_gzip_bytes:
            return text
        if snippets:
            snippets = False
        elif max_results > 1:
            max_results = max_results // 2
        else:
            return text
