"""The units of a corpus: what `contractml corpus PATH...` scans, each with its hashes.

A PATH is a folder of independent contracts (every `.sol` file below it is a unit), a
folder of projects (every subfolder that is a Foundry or Hardhat root is one unit; any
`.sol` files outside such roots are units of their own), a single `.sol` file, or a text
file listing such paths, one a line (blank lines and `#` comments ignored; relative
paths are read from the list's folder).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from contractml.compile.project import find_framework_root
from contractml.compile.sourcetext import scrub
from contractml.errors import ConfigError

#: Folders never entered when looking for units.
_SKIP_DIRS = frozenset({".git", "node_modules", "lib", "cache", "out", "artifacts",
                        "__pycache__"})


@dataclass(frozen=True)
class Unit:
    """One independent unit: a `.sol` file, or a project folder (`project` true)."""

    path: Path  # absolute
    project: bool
    sha256: str  # of the bytes (a project: of every .sol file's relative path and bytes)
    near: str  # sha256 of the text without comments and whitespace
    size: int  # bytes of Solidity


def _project_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        files.extend(Path(folder) / n for n in sorted(names) if n.endswith(".sol"))
    return files


_SPACE_RE = re.compile(r"\s+")


def _hashes(path: Path, project: bool) -> tuple[str, str, int]:
    exact = hashlib.sha256()
    near = hashlib.sha256()
    size = 0
    for file in _project_files(path) if project else [path]:
        data = file.read_bytes()
        size += len(data)
        if project:
            exact.update(f"{file.relative_to(path).as_posix()}\0".encode())
        exact.update(data)
        text = data.decode("utf-8", errors="replace")
        near.update(_SPACE_RE.sub("", scrub(text)).encode())
    return exact.hexdigest(), near.hexdigest(), size


def _unit(path: Path, project: bool) -> Unit:
    try:
        exact, near, size = _hashes(path, project)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    return Unit(path=path, project=project, sha256=exact, near=near, size=size)


def _is_project(folder: Path) -> bool:
    found = find_framework_root(folder)
    return found is not None and found[0] == folder


def _walk(folder: Path) -> list[Unit]:
    if _is_project(folder):
        return [_unit(folder, True)]
    units: list[Unit] = []
    for entry in sorted(folder.iterdir()):
        if entry.is_dir() and entry.name not in _SKIP_DIRS and not entry.name.startswith("."):
            units.extend(_walk(entry))
        elif entry.is_file() and entry.suffix == ".sol":
            units.append(_unit(entry, False))
    return units


def _listed(list_file: Path) -> list[str]:
    try:
        lines = list_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{list_file}: cannot read the list of paths ({exc})") from None
    out = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(str(list_file.parent / line) if not os.path.isabs(line) else line)
    return out


def find_units(paths: list[str]) -> list[Unit]:
    """Every unit under `paths`, each once, in path order. Raises ConfigError for a path
    that does not exist or a corpus with no unit."""
    units: dict[Path, Unit] = {}
    for raw in paths:
        path = Path(raw).absolute()
        if not path.exists():
            raise ConfigError(f"{raw}: no such file or folder")
        if path.is_dir():
            found = _walk(path)
        elif path.suffix == ".sol":
            found = [_unit(path, False)]
        else:
            found = find_units(_listed(path))
        for unit in found:
            units.setdefault(unit.path, unit)
    if not units:
        raise ConfigError(f"no .sol files found under {', '.join(paths)}")
    return list(units.values())
