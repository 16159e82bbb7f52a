"""A hand-built ScanResult for the report tests: findings across categories, one
suppressed, one contract-level, three with an anomaly score, a path with a space and
non-ASCII characters, a file that failed to compile with solc's message, and a notice."""

from __future__ import annotations

from contractml.baseline import assign_fingerprints
from contractml.findings import Evidence, FileFailure, Finding, ScanResult
from contractml.rules import rule_for

UNICODE_FILE = "src/my contracts/Trésor.sol"


def finding(category: str, severity: str, confidence: float, file: str, line: int,
            contract: str, function: str, excerpt: str, **extra: object) -> Finding:
    lines = excerpt.split("\n")
    return Finding(
        category=category, rule_id=rule_for(category).id, severity=severity,
        confidence=confidence, file=file, start_line=line,
        start_column=len(lines[0]) - len(lines[0].lstrip()) + 1,
        end_line=line + len(lines) - 1, end_column=len(lines[-1]),
        contract=contract, function=function, excerpt=excerpt,
        explanation=str(extra.pop("explanation", "")),
        recommendation=rule_for(category).recommendation,
        sources=list(extra.pop("sources", ["network"])),  # type: ignore[call-overload]
        **extra)  # type: ignore[arg-type]


def sample_result() -> ScanResult:
    findings = [
        finding("reentrancy", "high", 0.93, "src/Bank.sol", 14, "Bank", "withdraw",
                '        (bool ok, ) = msg.sender.call{value: amount}("");\n'
                "        require(ok);\n"
                "        balances[msg.sender] = 0;",
                explanation="External call with value at line 14; balances written after "
                            "it at line 16.",
                evidence=[Evidence(14, 14, 0.91, "external call with value"),
                          Evidence(16, 16, 0.77, "state written after the call")],
                sources=["network", "definition:reentrancy.callback-before-update",
                         "slither:reentrancy-eth"], anomaly=12.5),
        finding("unchecked-call", "medium", 0.714, UNICODE_FILE, 8, "Trésor", "pay",
                "        to.send(amount);",
                explanation="The result of send at line 8 is not used.",
                evidence=[Evidence(8, 8, 0.7, "send result ignored")], anomaly=31.25),
        finding("time-manipulation", "low", 0.55, "src/Lottery.sol", 21, "Lottery", "play",
                "        if (block.timestamp % 15 == 0) {",
                explanation="Branch on block.timestamp at line 21.", anomaly=8.0),
        finding("bad-randomness", "medium", 0.66, "src/Lottery.sol", 30, "Lottery", "draw",
                "        uint256 r = uint256(blockhash(block.number - 1));",
                explanation="Value derived from blockhash at line 30.",
                suppressed=True,
                suppression="contractml-disable-next-line bad-randomness -- audited"),
        finding("access-control", "high", 0.81, "src/Bank.sol", 5, "Bank", "",
                "contract Bank {",
                explanation="setOwner (line 22) writes owner without a check on msg.sender.",
                sources=["definition:access-control.unguarded-authority-write"]),
    ]
    assign_fingerprints(findings)
    return ScanResult(
        root="/work/project",
        findings=findings,
        failures=[FileFailure("broken/Syntax error.sol", "compile",
                              "ParserError: Expected ';' but got '}'\n"
                              " --> broken/Syntax error.sol:6:1:\n  |\n6 | }\n  | ^")],
        files_scanned=["src/Bank.sol", "src/Lottery.sol", UNICODE_FILE],
        notices=["src/Bank.sol:3: contractml-disable-line reentrancyy: unknown category "
                 "'reentrancyy'"],
        model={"name": "contractml-gnn", "version": "1", "sha256": "ab" * 32},
        tool_version="0.1.0",
        seconds=1.25,
    )
