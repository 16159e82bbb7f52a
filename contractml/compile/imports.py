"""Import directives: find them in source text and resolve them the way solc does.

Resolution follows solc's documented rules ("Import Path Resolution"): a path starting
with `./` or `../` is joined to the directory of the importing source unit name; then the
longest matching remapping (whose context is a prefix of the importer) rewrites the
prefix; the resulting source unit name is looked up under the project root, then under
each include path (`node_modules/`, `lib/`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from contractml.compile.project import Project, Remapping
from contractml.compile.sourcetext import read_source, scrub

_IMPORT_RE = re.compile(
    r"""\bimport\b\s*
        (?:
            (?:\*\s*as\s+\w+|\{[^}]*\}|\w+(?:\s+as\s+\w+)?)\s*from\s*
        )?
        (?P<q>["'])(?P<path>[^"'\n]+)(?P=q)""",
    re.VERBOSE,
)
_KEYWORD_RE = re.compile(r"\bimport\b")


def find_imports(source: str) -> list[str]:
    """Import paths named by the source's import directives, in order. `import` inside
    comments and string literals does not count."""
    code = scrub(source)
    masked = scrub(source, strings=True)
    found = []
    for keyword in _KEYWORD_RE.finditer(masked):
        match = _IMPORT_RE.match(code, keyword.start())
        if match:
            found.append(match.group("path"))
    return found


def _normalise(unit_name: str) -> str:
    absolute = unit_name.startswith("/")
    parts: list[str] = []
    for part in unit_name.split("/"):
        if part in ("", "."):
            continue
        if part == ".." and parts and parts[-1] != "..":
            parts.pop()
        elif part == ".." and absolute:
            continue
        else:
            parts.append(part)
    return ("/" if absolute else "") + "/".join(parts)


def apply_remappings(unit_name: str, importer: str, remappings: Iterable[Remapping]) -> str:
    """Rewrite the longest matching prefix; among equal prefixes the longest context wins."""
    best: Remapping | None = None
    for remapping in remappings:
        if not unit_name.startswith(remapping.prefix):
            continue
        if remapping.context and not importer.startswith(remapping.context):
            continue
        if best is None or (len(remapping.context), len(remapping.prefix)) > (
            len(best.context), len(best.prefix)
        ):
            best = remapping
    if best is None:
        return unit_name
    return best.target + unit_name[len(best.prefix):]


def resolve_unit_name(import_path: str, importer: str, remappings: Iterable[Remapping]) -> str:
    """The source unit name solc gives to `import_path` written in unit `importer`."""
    if import_path.startswith(("./", "../")):
        base = posixpath.dirname(importer)
        joined = posixpath.join(base, import_path) if base else import_path
        name = _normalise(joined)
    else:
        name = import_path
    return _normalise(apply_remappings(name, importer, remappings))


@dataclass(frozen=True)
class SourceGraph:
    """The import closure of some targets."""

    #: source unit name -> absolute path, for every file reached.
    files: dict[str, Path]
    #: source unit name -> unit names it imports (resolved), for reached files.
    edges: dict[str, tuple[str, ...]]
    #: source unit name -> file text as compiled.
    texts: dict[str, str]
    #: (importer unit name, import path) pairs that lead to no file.
    missing: tuple[tuple[str, str], ...]
    #: (importer unit name, import path) pairs that lead to a file outside the folders
    #: the scan may read (see `may_read`); such files are never opened.
    refused: tuple[tuple[str, str], ...] = ()

    def closure(self, unit_name: str) -> list[str]:
        """`unit_name` and everything it imports, transitively, in a stable order."""
        seen: dict[str, None] = {}
        stack = [unit_name]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen[current] = None
            stack.extend(reversed(self.edges.get(current, ())))
        return list(seen)


def locate(unit_name: str, project: Project) -> Path | None:
    """The file behind a source unit name: under the root, then each include path."""
    candidate = Path(unit_name)
    if candidate.is_absolute():
        return candidate if candidate.is_file() else None
    for base in (project.root, *project.include_paths):
        path = base / unit_name
        if path.is_file():
            return path
    return None


def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` that holds `.git` (a work tree)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def may_read(path: Path, unit_name: str, project: Project) -> bool:
    """Whether an import that resolved to `path` may be read.

    Allowed: files under the root, its include paths (node_modules/, lib/) and the
    remapping targets the user named (`--remap`). A relative import (or a project
    remapping) that climbs above the root (`../`) may also reach a `.sol` file outside
    it, which widens the root, but never beyond the git work tree around the root when
    there is one. Symlinks count where they lead. Everything else (absolute paths,
    non-Solidity files, places outside the repository) is refused unread.
    """
    real = path.resolve()
    bases = [project.root, *project.include_paths]
    if any(real.is_relative_to(base.resolve()) for base in bases):
        return True
    if any(real.is_relative_to(folder) for folder in project.trusted):
        return True
    if not unit_name.startswith("../") or real.suffix != ".sol":
        return False
    boundary = repository_root(project.root.resolve())
    return boundary is None or real.is_relative_to(boundary)


def build_graph(project: Project, targets: Iterable[Path]) -> SourceGraph:
    """Read the targets and follow their imports (only where `may_read` allows)."""
    files: dict[str, Path] = {}
    edges: dict[str, tuple[str, ...]] = {}
    texts: dict[str, str] = {}
    missing: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    queue = [(project.unit_name(t), t) for t in targets]
    while queue:
        unit, path = queue.pop()
        if unit in files:
            continue
        files[unit] = path
        text = read_source(path)
        texts[unit] = text
        resolved: list[str] = []
        for import_path in find_imports(text):
            name = resolve_unit_name(import_path, unit, project.remappings)
            resolved.append(name)
            if name in files:
                continue
            found = locate(name, project)
            if found is None:
                missing.append((unit, import_path))
            elif not may_read(found, name, project):
                refused.append((unit, import_path))
            else:
                queue.append((name, found))
        edges[unit] = tuple(dict.fromkeys(resolved))
    return SourceGraph(files=files, edges=edges, texts=texts, missing=tuple(missing),
                       refused=tuple(refused))
