"""Group units into tasks by compiler version, so that one solc run (one solc-js load)
serves a whole task.

A file unit's version is the compile layer's first choice for its pragmas (the newest
release they allow, `contractml.compile.driver`); files of one folder with the same
first choice share tasks. A project is a task of its own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from contractml.compile.pragma import PragmaError, constraints_for, satisfies_all
from contractml.compile.sourcetext import read_source
from contractml.compile.versions import SOLCJS_VERSIONS
from contractml.corpus.units import Unit

#: Most units in one task.
MAX_TASK_UNITS = 16


@dataclass(frozen=True)
class Task:
    """Units scanned together by one worker call."""

    units: tuple[Unit, ...]
    version: str  # the first-choice compiler ("" when the pragma chooses none)


def planned_version(unit: Unit) -> str:
    """The compile layer's first choice for a file unit, or "" (projects, no match)."""
    if unit.project:
        return ""
    try:
        constraints = constraints_for(read_source(unit.path))
    except (OSError, UnicodeDecodeError, PragmaError):
        return ""
    matching = [v for v in SOLCJS_VERSIONS if satisfies_all(constraints, v)]
    return str(max(matching)) if matching else ""


def make_tasks(units: list[Unit], workers: int) -> list[Task]:
    """Tasks of at most `MAX_TASK_UNITS` units (fewer when the corpus is small, so that
    every worker gets about four tasks), biggest groups first."""
    size = max(1, min(MAX_TASK_UNITS, -(-len(units) // max(1, 4 * workers))))
    groups: dict[tuple[Path, str], list[Unit]] = defaultdict(list)
    tasks: list[Task] = []
    for unit in units:
        if unit.project:
            tasks.append(Task((unit,), ""))
        else:
            groups[(unit.path.parent, planned_version(unit))].append(unit)
    for (_, version), members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        for start in range(0, len(members), size):
            tasks.append(Task(tuple(members[start:start + size]), version))
    return tasks
