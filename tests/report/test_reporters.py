"""The four report formats on a hand-built ScanResult: snapshots, schema validation,
and the properties each format promises."""

from __future__ import annotations

import copy
import gzip
import json
import re
from pathlib import Path

import jsonschema
import pytest

from contractml.findings import ScanResult
from contractml.reporters import FORMATS, render
from contractml.reporters import sarif as sarif_module
from contractml.rules import RULES, effective_rules
from tests.report.sample import UNICODE_FILE, finding, sample_result
from tests.report.snapshots import check_snapshot

REPO = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = Path("/work/shared/schemas/sarif-schema-2.1.0.json")
OUTPUT_SCHEMA = REPO / "docs" / "output.schema.json"
ANSI = re.compile(r"\x1b\[")


def sarif_validator() -> jsonschema.protocols.Validator:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"{SARIF_SCHEMA} not available")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


@pytest.mark.parametrize("fmt,name", [("text", "sample.txt"), ("json", "sample.json"),
                                      ("sarif", "sample.sarif"), ("markdown", "sample.md")])
def test_snapshot(fmt: str, name: str) -> None:
    check_snapshot(name, render(sample_result(), fmt))


def test_text_color_snapshot() -> None:
    output = render(sample_result(), "text", color=True)
    assert ANSI.search(output)
    check_snapshot("sample.color.txt", output)


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic_and_plain(fmt: str) -> None:
    first = render(sample_result(), fmt)
    result = sample_result()
    result.findings.reverse()
    result.seconds = 99.0
    assert render(result, fmt) == first
    assert not ANSI.search(first)
    if fmt != "json":  # JSON carries the root on purpose
        assert "/work/project" not in first or fmt == "sarif"


def test_text_lists_everything_a_user_needs() -> None:
    text = render(sample_result(), "text")
    assert "HIGH    reentrancy  src/Bank.sol:14:9  Bank.withdraw  confidence 0.93" in text
    assert "    15 │         require(ok);" in text
    assert "fix: Update all state before the external call" in text
    # the statements behind a finding only with -v (show_evidence)
    assert "line 16: state written after the call" not in text
    verbose = render(sample_result(), "text", show_evidence=True)
    assert "line 16: state written after the call (score 0.77)" in verbose
    assert "FAILED  broken/Syntax error.sol  [compile]" in text
    assert "ParserError: Expected ';' but got '}'" in text
    assert "bad-randomness" not in text.split("FAILED")[0]  # suppressed: hidden
    assert text.rstrip().endswith("4 findings (2 high, 1 medium, 1 low) in 3 files; "
                                  "1 suppressed; 1 file could not be analysed")
    shown = render(sample_result(), "text", show_suppressed=True)
    assert "suppressed (contractml-disable-next-line bad-randomness -- audited)" in shown


def test_text_markup_in_names_is_literal() -> None:
    result = ScanResult(root="/r", findings=[finding(
        "arithmetic", "high", 0.5, "src/[bold]x[/bold].sol", 3, "A", "f",
        "x = a[i] + [b];")], failures=[], files_scanned=["src/[bold]x[/bold].sol"])
    text = render(result, "text")
    assert "src/[bold]x[/bold].sol:3:1" in text
    assert "x = a[i] + [b];" in text


def test_json_validates_against_documented_schema() -> None:
    schema = json.loads(OUTPUT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads(render(sample_result(), "json"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["version"] == 2
    (reentrancy,) = [f for f in document["findings"] if f["category"] == "reentrancy"]
    assert reentrancy["sources"] == [
        "network", "definition:reentrancy.callback-before-update", "slither:reentrancy-eth"]
    assert document["summary"]["by_severity"] == {"high": 2, "medium": 1, "low": 1}
    assert document["summary"]["suppressed"] == 1
    assert [f["suppressed"] for f in document["findings"]].count(True) == 1
    assert reentrancy["anomaly"] == 12.5
    assert sorted(f["anomaly"] for f in document["findings"] if f["anomaly"] is not None) \
        == [8.0, 12.5, 31.25]
    # the schema is not vacuous
    broken = copy.deepcopy(document)
    broken["findings"][0]["severity"] = "critical"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)
    broken = copy.deepcopy(document)
    broken["findings"][0]["anomaly"] = "high"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)
    for sources in ([], ["the network"], ["definition:"], ["network", "network"]):
        broken = copy.deepcopy(document)
        broken["findings"][0]["sources"] = sources
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft202012Validator(schema).validate(broken)


def test_sarif_validates_and_maps_every_field() -> None:
    log = json.loads(render(sample_result(), "sarif"))
    sarif_validator().validate(log)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "contractml" and driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [r.id for r in RULES.values()]
    for descriptor in driver["rules"]:
        assert descriptor["shortDescription"]["text"] and descriptor["fullDescription"]["text"]
        assert descriptor["help"]["text"] and "### How to fix" in descriptor["help"]["markdown"]
        assert "security" in descriptor["properties"]["tags"]
        assert len(descriptor["properties"]["tags"]) <= 10
        float(descriptor["properties"]["security-severity"])
        assert descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/project/"
    results = run["results"]
    assert len(results) == 5  # the suppressed one stays
    by_rule = {r["ruleId"]: r for r in results}
    reentrancy = by_rule["contractml/reentrancy"]
    assert driver["rules"][reentrancy["ruleIndex"]]["id"] == "contractml/reentrancy"
    assert reentrancy["level"] == "error"
    assert reentrancy["properties"] == {
        "category": "reentrancy", "severity": "high", "confidence": 0.93,
        "security-severity": "8.0",
        "sources": ["network", "definition:reentrancy.callback-before-update",
                    "slither:reentrancy-eth"], "anomaly": 12.5}
    assert "anomaly" not in by_rule["contractml/access-control"]["properties"]  # none given
    assert all(r["properties"]["sources"] for r in results)
    location = reentrancy["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {
        "uri": "src/Bank.sol", "uriBaseId": "%SRCROOT%"}
    assert location["physicalLocation"]["region"] == {
        "startLine": 14, "startColumn": 9, "endLine": 16, "endColumn": 34,
        "snippet": {"text": sample_result().findings[0].excerpt}}
    assert location["logicalLocations"] == [{"name": "withdraw", "kind": "function",
                                             "fullyQualifiedName": "Bank.withdraw"}]
    assert set(reentrancy["partialFingerprints"]) == {"contractmlFingerprint/v1"}
    assert len(reentrancy["relatedLocations"]) == 2
    assert by_rule["contractml/unchecked-call"]["level"] == "warning"
    assert by_rule["contractml/time-manipulation"]["level"] == "note"
    unicode_uri = by_rule["contractml/unchecked-call"]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    assert unicode_uri == "src/my%20contracts/Tr%C3%A9sor.sol"
    assert unicode_uri.isascii()
    suppressed = by_rule["contractml/bad-randomness"]
    assert suppressed["suppressions"] == [{
        "kind": "inSource",
        "justification": "contractml-disable-next-line bad-randomness -- audited"}]
    assert "suppressions" not in reentrancy
    contract_level = by_rule["contractml/access-control"]["locations"][0]["logicalLocations"]
    assert contract_level == [{"name": "Bank", "fullyQualifiedName": "Bank", "kind": "type"}]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is True
    failure = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert len(failure) == 1
    assert failure[0]["message"]["text"].startswith("compile failed: ParserError")
    assert failure[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "broken/Syntax%20error.sol"


def test_sarif_every_file_failed_is_unsuccessful() -> None:
    result = sample_result()
    result.findings, result.files_scanned = [], []
    log = json.loads(render(result, "sarif"))
    sarif_validator().validate(log)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert log["runs"][0]["results"] == []


def test_sarif_truncates_at_the_result_limit_keeping_the_most_severe() -> None:
    result = sample_result()
    log = json.loads(render(result, "sarif", max_results=2))
    sarif_validator().validate(log)
    results = log["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["contractml/access-control",
                                                    "contractml/reentrancy"]
    notes = [n["message"]["text"] for n in
             log["runs"][0]["invocations"][0]["toolExecutionNotifications"]]
    assert any(text.startswith("3 of 5 results left out") for text in notes)


def test_sarif_stays_under_the_size_limit() -> None:
    result = sample_result()
    base = result.findings[1]
    many = []
    for i in range(400):
        item = copy.deepcopy(base)
        item.start_line = item.end_line = i + 1
        item.excerpt = f"x{i} = " + "".join(chr(0x4E00 + (i * 7919 + j) % 20000)
                                             for j in range(400))
        many.append(item)
    result.findings = many
    unlimited = render(result, "sarif")
    limit = len(gzip.compress(unlimited.encode()))
    assert "\"snippet\":" in unlimited
    small = render(result, "sarif", max_gzip_bytes=limit // 2)
    assert len(gzip.compress(small.encode())) <= limit // 2
    assert "\"snippet\":" not in small
    assert "left out to keep the log under the upload size limit" in small
    sarif_validator().validate(json.loads(small))


def test_sarif_configured_severity() -> None:
    result = sample_result()
    for item in result.findings:
        if item.category == "time-manipulation":
            item.severity = "high"
    rules = effective_rules({"time-manipulation": "high"})
    log = json.loads(render(result, "sarif", rules=rules))
    descriptor = log["runs"][0]["tool"]["driver"]["rules"][4]
    assert descriptor["id"] == "contractml/time-manipulation"
    assert descriptor["defaultConfiguration"]["level"] == "error"
    assert float(descriptor["properties"]["security-severity"]) >= 7.0
    item = next(r for r in log["runs"][0]["results"]
                if r["ruleId"] == "contractml/time-manipulation")
    assert item["level"] == "error" and float(item["properties"]["security-severity"]) >= 7


def test_sarif_times_only_when_given() -> None:
    log = json.loads(render(sample_result(), "sarif", start_time="2026-01-01T00:00:00Z",
                            end_time="2026-01-01T00:00:05Z"))
    sarif_validator().validate(log)
    assert log["runs"][0]["invocations"][0]["startTimeUtc"] == "2026-01-01T00:00:00Z"
    assert "TimeUtc" not in render(sample_result(), "sarif")


def test_artifact_uri_encoding() -> None:
    assert sarif_module.artifact_uri("a b/ü#1%.sol") == "a%20b/%C3%BC%231%25.sol"
    assert sarif_module.artifact_uri("src\\x.sol") == "src/x.sol"


def test_markdown_caps_rows_and_escapes() -> None:
    result = sample_result()
    base = result.findings[1]
    result.findings = []
    for i in range(60):
        item = copy.deepcopy(base)
        item.start_line = i + 1
        item.function = "f|g" if i == 0 else "pay"
        result.findings.append(item)
    text = render(result, "markdown", max_rows=50)
    rows = [line for line in text.splitlines() if line.startswith("| 🟠")]
    assert len(rows) == 50
    assert "…and 10 more findings" in text
    assert "f\\|g" in text
    linked = render(sample_result(), "markdown", link_base="https://example.org/blob/abc/")
    assert "(https://example.org/blob/abc/src/my%20contracts/Tr%C3%A9sor.sol#L8)" in linked


@pytest.mark.parametrize("fail_on,verdict", [("medium", "❌ **3 findings at or above medium"),
                                             ("high", "❌ **2 findings at or above high"),
                                             ("none", "✅ **4 findings**")])
def test_markdown_verdict(fail_on: str, verdict: str) -> None:
    assert verdict in render(sample_result(), "markdown", fail_on=fail_on)


def test_empty_result_in_every_format() -> None:
    result = ScanResult(root="/r", findings=[], failures=[], files_scanned=["a.sol"])
    assert render(result, "text").strip() == "0 findings in 1 file"
    assert "✅ **No findings** in 1 file." in render(result, "markdown")
    sarif_validator().validate(json.loads(render(result, "sarif")))
    schema = json.loads(OUTPUT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(render(result, "json")), schema)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(sample_result(), "xml")


def test_unicode_file_in_every_format() -> None:
    for fmt in ("text", "json", "markdown"):
        assert UNICODE_FILE in render(sample_result(), fmt)


def test_sort_by_anomaly_lists_the_strangest_function_first() -> None:
    by_location = [(f["file"], f["start_line"])
                   for f in json.loads(render(sample_result(), "json"))["findings"]]
    document = json.loads(render(sample_result(), "json", sort="anomaly"))
    ranked = [(f["anomaly"], f["category"]) for f in document["findings"]]
    # scored findings first, the largest anomaly first; then the rest in location order
    assert ranked[:3] == [(31.25, "unchecked-call"), (12.5, "reentrancy"),
                          (8.0, "time-manipulation")]
    rest = [(f["file"], f["start_line"]) for f in document["findings"][3:]]
    assert [f["anomaly"] for f in document["findings"][3:]] == [None, None]
    assert rest == [key for key in by_location if key in rest]
    text = render(sample_result(), "text", sort="anomaly")
    assert text.index("Trésor.sol:8") < text.index("Bank.sol:14") < text.index("Lottery.sol:21")
    # Markdown keeps its severity groups; within them the anomaly order
    markdown = render(sample_result(), "markdown", sort="anomaly")
    assert markdown.index("src/Bank.sol:14") < markdown.index("src/Bank.sol:5`")
    located = render(sample_result(), "markdown")
    assert located.index("src/Bank.sol:5`") < located.index("src/Bank.sol:14")
    with pytest.raises(ValueError, match="unknown sort"):
        render(sample_result(), "json", sort="confidence")
