"""`--diff-base REF`: the lines changed in the working tree since a git ref.

`changed_lines(root, ref)` runs ``git diff --unified=0 REF -- .`` in `root` and returns,
per file (POSIX path relative to `root`), the lines of the working-tree file that were
added or modified since REF, staged or not. Untracked files (not ignored) count as
wholly changed. Where lines were only deleted, the lines just before and after the
deletion count as changed, so a removed check still shows the code around it. A finding
is kept when any line from its start to its end line is changed (`in_diff`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from contractml.errors import ConfigError
from contractml.findings import Finding

_HUNK_RE = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
            '"': '"', "\\": "\\"}


def _git(root: Path, args: Sequence[str], check_message: str | None = None) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise ConfigError("--diff-base needs git, and git is not installed (not on PATH)")
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0",
           "GIT_OPTIONAL_LOCKS": "0"}
    try:
        proc = subprocess.run([git, "-c", "core.quotePath=true", *args], cwd=root,
                              capture_output=True, env=env, check=False)
    except OSError as exc:
        raise ConfigError(f"cannot run git: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        message = check_message or f"git {' '.join(args[:2])} failed"
        raise ConfigError(f"{message}" + (f" ({detail[-1]})" if detail else ""))
    return proc.stdout


def _unquote(path: bytes) -> str:
    """A path from git's diff header: C-quoted ("...\\303\\251...") or plain."""
    if not path.startswith(b'"'):
        return path.decode("utf-8", "surrogateescape")
    body = path[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        char = body[i:i + 1]
        if char == b"\\" and i + 1 < len(body):
            nxt = chr(body[i + 1])
            if nxt in "01234567" and i + 4 <= len(body):
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out += _ESCAPES.get(nxt, nxt).encode()
            i += 2
            continue
        out += char
        i += 1
    return out.decode("utf-8", "surrogateescape")


def parse_diff(diff: bytes) -> dict[str, set[int]]:
    """Changed lines per new-side path from ``git diff --unified=0`` output (paths as git
    printed them, without the ``b/`` prefix)."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for raw in diff.split(b"\n"):
        if raw.startswith(b"+++ "):
            # git appends a TAB to an unquoted name that holds a space
            target = raw[4:].rstrip(b"\r")
            if not target.startswith(b'"') and target.endswith(b"\t"):
                target = target[:-1]
            if target == b"/dev/null":
                current = None
                continue
            name = _unquote(target)
            if name.startswith("b/"):
                name = name[2:]
            current = changed.setdefault(name, set())
        elif raw.startswith(b"@@") and current is not None:
            match = _HUNK_RE.match(raw)
            if not match:
                continue
            start = int(match.group(1))
            count = int(match.group(2)) if match.group(2) is not None else 1
            if count:
                current.update(range(start, start + count))
            else:  # only deletions: after line `start` of the new file
                current.update(n for n in (start, start + 1) if n >= 1)
    return {name: lines for name, lines in changed.items() if lines}


def _line_count(path: Path) -> int:
    try:
        data = path.read_bytes()
    except OSError:
        return 0
    if not data:
        return 0
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


def changed_lines(root: Path, ref: str) -> dict[str, set[int]]:
    """{relative POSIX path: changed line numbers} for the working tree under `root`
    since `ref`. ConfigError when git is missing, `root` is not in a git repository, or
    `ref` names no commit."""
    root = Path(root)
    if not root.is_dir():
        root = root.parent
    if not ref or ref.startswith("-"):
        raise ConfigError(f"--diff-base: {ref!r} is not a git ref")
    _git(root, ["rev-parse", "--show-toplevel"],
         f"--diff-base: {root} is not inside a git repository")
    _git(root, ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
         f"--diff-base: unknown git ref {ref!r}")
    diff = _git(root, ["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
                       "--relative", "--src-prefix=a/", "--dst-prefix=b/", ref, "--", "."])
    changed = parse_diff(diff)
    untracked = _git(root, ["ls-files", "--others", "--exclude-standard", "-z", "--", "."])
    for raw in untracked.split(b"\0"):
        if not raw:
            continue
        name = raw.decode("utf-8", "surrogateescape")
        count = _line_count(root / name)
        if count:
            changed[name] = set(range(1, count + 1))
    return changed


def in_diff(finding: Finding, changed: Mapping[str, set[int]]) -> bool:
    """Whether any line of the finding (start to end) is a changed line."""
    lines = changed.get(finding.file)
    if not lines:
        return False
    return any(n in lines for n in range(finding.start_line,
                                         max(finding.end_line, finding.start_line) + 1))


def filter_to_diff(findings: Iterable[Finding],
                   changed: Mapping[str, set[int]]) -> tuple[list[Finding], int]:
    """(findings on changed lines, how many others were dropped)."""
    findings = list(findings)
    kept = [f for f in findings if in_diff(f, changed)]
    return kept, len(findings) - len(kept)
