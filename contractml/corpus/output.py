"""The JSON-lines output of `contractml corpus`: read for resuming, appended line by line.

Every line is one unit: `file`, `sha256`, `status` (`ok`, `failed`, `duplicate`),
`compiler`, `seconds`, `findings`, plus `cause` and `reason` when failed, `same_as` when
a duplicate, and the `model` hash and `contractml` version that made it. Lines are
written whole and flushed one by one, so an interrupted run leaves at worst a last line
cut short; opening the file again drops such a line.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from contractml.errors import ConfigError


@dataclass
class Previous:
    """What an earlier run with the same model and version left in the file."""

    done: dict[str, str] = field(default_factory=dict)  # file -> sha256 of its line
    by_sha: dict[str, dict[str, Any]] = field(default_factory=dict)  # sha256 -> first line
    lines: int = 0


def _valid_prefix(path: Path) -> int:
    """The length of the file up to and including its last complete, parseable line."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end and data[end:].strip():
        return end
    if not end:
        return 0 if data.strip() else len(data)
    return len(data)


def read_previous(path: Path, model: str, version: str) -> Previous:
    """The units already in `path` for this model and contractml version; a line cut
    short by an interruption is removed from the file."""
    previous = Previous()
    if not path.exists():
        return previous
    try:
        keep = _valid_prefix(path)
        if keep != path.stat().st_size:
            with open(path, "r+b") as handle:
                handle.truncate(keep)
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the earlier output ({exc})") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise ConfigError(f"{path}:{number}: not a JSON line; is this a contractml "
                              "corpus output?") from None
        previous.lines += 1
        if record.get("model") != model or record.get("contractml") != version:
            continue
        previous.done[str(record.get("file"))] = str(record.get("sha256"))
        if record.get("status") in ("ok", "failed"):
            previous.by_sha.setdefault(str(record.get("sha256")), record)
    return previous


class Writer:
    """Appends one JSON line per unit and flushes it to disk at once."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle: IO[str] = open(path, "a", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise ConfigError(f"cannot write {path}: {exc.strerror}") from None

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()
