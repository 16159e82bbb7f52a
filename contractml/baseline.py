"""Fingerprints that survive unrelated edits, and baseline files built from them.

A finding's fingerprint hashes its rule id, file, contract, function and the text of its
code excerpt with comments removed and whitespace collapsed; never line or column
numbers. Moving code up or down, re-indenting it, or adding a comment (such as a
suppression) leaves it unchanged; editing the flagged code changes it. Identical
findings (same hash) in one file are told apart by their order in the file: the first
keeps the plain hash, later ones hash in their occurrence number.

A baseline file (`--write-baseline`) is JSON: ``{"version": 1, "tool": "contractml",
"fingerprint_version": 1, "findings": [...]}`` sorted by file and line; only the
`fingerprint` of each entry is used for matching, the rest is for readers.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from contractml.compile.sourcetext import scrub
from contractml.errors import ConfigError
from contractml.findings import Finding

BASELINE_VERSION = 1
FINGERPRINT_VERSION = 1
_SPACE_RE = re.compile(r"\s+")


def normalised_excerpt(excerpt: str) -> str:
    """The excerpt without comments, whitespace runs collapsed to one space."""
    return _SPACE_RE.sub(" ", scrub(excerpt)).strip()


def fingerprint(finding: Finding) -> str:
    """The finding's base fingerprint (32 hex digits); see the module docstring."""
    key = json.dumps([FINGERPRINT_VERSION, finding.rule_id, finding.file, finding.contract,
                      finding.function, normalised_excerpt(finding.excerpt)],
                     ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def assign_fingerprints(findings: Iterable[Finding]) -> list[Finding]:
    """Set `fingerprint` on every finding (in place); identical ones are numbered by
    their order in the file. Returns the findings as a list."""
    findings = list(findings)
    seen: dict[str, int] = {}
    order = sorted(findings, key=lambda f: (f.file, f.start_line, f.start_column,
                                            f.end_line, f.end_column, f.rule_id))
    for finding in order:
        base = fingerprint(finding)
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        finding.fingerprint = base if occurrence == 0 else hashlib.sha256(
            f"{base}:{occurrence}".encode()).hexdigest()[:32]
    return findings


@dataclass(frozen=True)
class Baseline:
    path: Path
    fingerprints: frozenset[str]

    def __contains__(self, fingerprint: object) -> bool:
        return fingerprint in self.fingerprints

    def __len__(self) -> int:
        return len(self.fingerprints)


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    """Write `findings` (fingerprints assigned first where missing) as a baseline file,
    atomically. Returns the number of entries."""
    findings = list(findings)
    if any(not f.fingerprint for f in findings):
        assign_fingerprints(findings)
    entries = sorted(
        ({"fingerprint": f.fingerprint, "rule_id": f.rule_id, "file": f.file,
          "line": f.start_line, "contract": f.contract, "function": f.function}
         for f in findings),
        key=lambda e: (e["file"], e["line"], e["rule_id"], e["fingerprint"]))
    document = {"version": BASELINE_VERSION, "tool": "contractml",
                "fingerprint_version": FINGERPRINT_VERSION, "findings": entries}
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".baseline-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
        os.replace(tmp, path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return len(entries)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; ConfigError when it is missing, unreadable or not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a contractml baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("tool") != "contractml" \
            or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not a contractml baseline file")
    if data.get("version") != BASELINE_VERSION:
        raise ConfigError(f"{path}: baseline version {data.get('version')!r} is not "
                          f"supported (expected {BASELINE_VERSION}); write it again with "
                          "--write-baseline")
    if data.get("fingerprint_version") != FINGERPRINT_VERSION:
        raise ConfigError(f"{path}: baseline made with fingerprint version "
                          f"{data.get('fingerprint_version')!r}, this contractml uses "
                          f"{FINGERPRINT_VERSION}; write it again with --write-baseline")
    fingerprints = set()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ConfigError(f"{path}: not a contractml baseline file (an entry without "
                              "a fingerprint)")
        fingerprints.add(entry["fingerprint"])
    return Baseline(path, frozenset(fingerprints))


def filter_new(findings: Iterable[Finding],
               baseline: Baseline | Collection[str]) -> tuple[list[Finding], int]:
    """(findings whose fingerprint is not in the baseline, how many were)."""
    new, known = [], 0
    for finding in findings:
        if finding.fingerprint and finding.fingerprint in baseline:
            known += 1
        else:
            new.append(finding)
    return new, known
