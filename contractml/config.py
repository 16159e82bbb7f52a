"""Scan configuration: `[tool.contractml]` in pyproject.toml or the top level of
contractml.toml, merged with command-line flags (flags win).

Search (when no file is given explicitly): the scan root (or the folder of a file), then
each parent, stopping after the first folder that holds `.git` or at the filesystem
root. In each folder `contractml.toml` wins over `pyproject.toml`; a pyproject.toml
without a `[tool.contractml]` table is passed over. Relative paths in a file (`output`,
`baseline`, `solc`, `model`) are relative to the folder that holds it.

`load_config` returns values keyed by `ScanSettings` field names (snake_case), already
validated and typed; unknown keys give warnings, wrong types or values raise ConfigError
naming the file and the key. See docs/configuration.md.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from contractml.errors import ConfigError
from contractml.findings import SEVERITIES
from contractml.rules import CATEGORIES

CONFIG_FILE = "contractml.toml"
PYPROJECT = "pyproject.toml"
FORMATS: tuple[str, ...] = ("text", "json", "sarif", "markdown")
FAIL_ON: tuple[str, ...] = ("none", *SEVERITIES)
#: The values of `evidence` (as `contractml.fusion.EVIDENCE_MODES`, which imports numpy).
EVIDENCE: tuple[str, ...] = ("all", "network", "rules")
#: The values of `sort` (as `contractml.reporters.SORTS`).
SORTS: tuple[str, ...] = ("location", "anomaly")
_VERSION_RE = re.compile(r"\d+\.\d+\.\d+")


@dataclass(frozen=True)
class ScanSettings:
    """Every scan setting with its default. `merge` builds one from a config file's values
    and the command line's."""

    format: str = "text"
    output: Path | None = None  # None: stdout
    fail_on: str = "medium"
    min_severity: str = "low"
    min_confidence: float = 0.0
    include: tuple[str, ...] = ()  # globs; empty: every .sol file
    exclude: tuple[str, ...] = ()
    categories: tuple[str, ...] = CATEGORIES
    exit_zero: bool = False
    baseline: Path | None = None
    warn_unused_ignores: bool = False
    jobs: int = 2
    offline: bool = False
    solc: Path | None = None
    solc_version: str | None = None
    remappings: tuple[str, ...] = ()
    include_tests: bool = False
    max_file_size: int = 10_000_000  # bytes
    timeout: float = 120.0  # seconds per file
    analysis_memory: int = 2048  # MiB of its own memory per analysis process
    model: Path | None = None  # None: the bundled model
    severity: Mapping[str, str] = field(default_factory=dict)  # category -> level
    evidence: str = "all"  # all | network | rules
    sort: str = "location"  # location | anomaly: the order findings are listed in
    # Command line only (not config keys):
    write_baseline: Path | None = None
    diff_base: str | None = None
    config_file: Path | None = None  # the file the values came from, if any


#: Bounds of `analysis-memory` (MiB): Slither needs some 100 MiB for a small file.
MIN_ANALYSIS_MEMORY, MAX_ANALYSIS_MEMORY = 128, 1024 * 1024

#: Config keys (kebab-case, as in the file) -> ScanSettings field.
CONFIG_KEYS: dict[str, str] = {
    name: name.replace("-", "_") for name in (
        "format", "output", "fail-on", "min-severity", "min-confidence", "include",
        "exclude", "categories", "exit-zero", "baseline", "warn-unused-ignores", "jobs",
        "offline", "solc", "solc-version", "remappings", "include-tests", "max-file-size",
        "timeout", "analysis-memory", "model", "severity", "evidence", "sort",
    )
}
_PATH_KEYS = frozenset({"output", "baseline", "solc", "model", "write_baseline"})
_FIELDS = {f.name for f in fields(ScanSettings)}


def _type_name(value: object) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "an array", dict: "a table"}.get(type(value), type(value).__name__)


def _check(key: str, value: Any, base: Path | None) -> Any:
    """`value` for setting `key` (snake_case), typed; ValueError with a short reason."""

    def need(ok: bool, what: str) -> None:
        if not ok:
            raise ValueError(f"expected {what}, got {_type_name(value)} {value!r}"[:200])

    def one_of(choices: tuple[str, ...]) -> str:
        need(isinstance(value, str), "a string")
        if value not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}, got {value!r}")
        return value

    def strings() -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        need(isinstance(items, (list, tuple)) and all(isinstance(i, str) for i in items),
             "a string or an array of strings")
        return tuple(items)

    if key == "format":
        return one_of(FORMATS)
    if key == "fail_on":
        return one_of(FAIL_ON)
    if key == "evidence":
        return one_of(EVIDENCE)
    if key == "sort":
        return one_of(SORTS)
    if key == "min_severity":
        return one_of(SEVERITIES)
    if key in ("exit_zero", "warn_unused_ignores", "offline", "include_tests"):
        need(isinstance(value, bool), "true or false")
        return value
    if key == "min_confidence":
        need(isinstance(value, (int, float)) and not isinstance(value, bool), "a number")
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"expected a number from 0 to 1, got {value!r}")
        return float(value)
    if key == "jobs":
        need(isinstance(value, int) and not isinstance(value, bool), "an integer")
        if not 1 <= value <= 64:
            raise ValueError(f"expected an integer from 1 to 64, got {value!r}")
        return value
    if key == "max_file_size":
        need(isinstance(value, int) and not isinstance(value, bool), "an integer (bytes)")
        if value <= 0:
            raise ValueError(f"expected a positive number of bytes, got {value!r}")
        return value
    if key == "analysis_memory":
        need(isinstance(value, int) and not isinstance(value, bool), "an integer (MiB)")
        if not MIN_ANALYSIS_MEMORY <= value <= MAX_ANALYSIS_MEMORY:
            raise ValueError(f"expected an integer from {MIN_ANALYSIS_MEMORY} to "
                             f"{MAX_ANALYSIS_MEMORY} (MiB), got {value!r}")
        return value
    if key == "timeout":
        need(isinstance(value, (int, float)) and not isinstance(value, bool),
             "a number (seconds)")
        if not value > 0 or value != value or value == float("inf"):
            raise ValueError(f"expected a positive number of seconds, got {value!r}")
        return float(value)
    if key in ("include", "exclude"):
        return strings()
    if key == "remappings":
        items = strings()
        for item in items:
            if "=" not in item or item.startswith("="):
                raise ValueError(f"expected PREFIX=TARGET, got {item!r}")
        return items
    if key == "categories":
        items = tuple(part.strip() for item in strings() for part in item.split(",")
                      if part.strip())
        for item in items:
            if item not in CATEGORIES:
                raise ValueError(f"unknown category {item!r}; expected some of "
                                 f"{', '.join(CATEGORIES)}")
        if not items:
            raise ValueError("expected at least one category")
        return tuple(dict.fromkeys(items))
    if key == "solc_version":
        need(isinstance(value, str), "a string")
        if not _VERSION_RE.fullmatch(value):
            raise ValueError(f"expected a version X.Y.Z, got {value!r}")
        return value
    if key == "severity":
        need(isinstance(value, Mapping), "a table of category = low|medium|high")
        table = {}
        for category, level in value.items():
            if category not in CATEGORIES:
                raise ValueError(f"unknown category {category!r}; expected some of "
                                 f"{', '.join(CATEGORIES)}")
            if not isinstance(level, str) or level not in SEVERITIES:
                raise ValueError(f"{category}: expected one of {', '.join(SEVERITIES)}, "
                                 f"got {level!r}")
            table[category] = level
        return table
    if key in _PATH_KEYS:
        if isinstance(value, Path):
            path = value
        else:
            need(isinstance(value, str) and value != "" and "\0" not in value,
                 "a path (string)")
            if key == "output" and value == "-":
                return None
            path = Path(value)
            try:
                path = path.expanduser()
            except RuntimeError:  # "~user" with no such user: keep it as written
                pass
        return path if base is None or path.is_absolute() else base / path
    if key == "diff_base":
        need(isinstance(value, str) and value != "", "a git ref (string)")
        return value
    if key == "config_file":
        return value if value is None else Path(value)
    raise KeyError(key)


def _table(path: Path) -> dict[str, Any] | None:
    """The contractml table of a file (None: a pyproject.toml without one)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name != PYPROJECT:
        return data
    tool = data.get("tool")
    if not isinstance(tool, dict) or "contractml" not in tool:
        return None
    table = tool["contractml"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.contractml] must be a table")
    return table


def find_config(start: Path) -> Path | None:
    """The config file that applies to scan root `start` (see the module docstring)."""
    folder = start.resolve() if start.exists() else start.absolute()
    if not folder.is_dir():
        folder = folder.parent
    for directory in (folder, *folder.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and _table(candidate) is not None:
            return candidate
        if (directory / ".git").exists():
            return None
    return None


def parse_table(table: Mapping[str, Any], source: Path | str,
                base: Path | None = None) -> tuple[dict[str, Any], list[str]]:
    """Validate a contractml table read from `source`: (values, warnings)."""
    section = "[tool.contractml]" if Path(str(source)).name == PYPROJECT else ""
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in table.items():
        name = CONFIG_KEYS.get(key)
        if name is None:
            hint = difflib.get_close_matches(str(key), list(CONFIG_KEYS), n=1)
            warnings.append(f"{source}: unknown key {section}{' ' if section else ''}"
                            f"{key!r} ignored" + (f" (did you mean {hint[0]!r}?)"
                                                  if hint else ""))
            continue
        try:
            values[name] = _check(name, value, base)
        except ValueError as exc:
            raise ConfigError(f"{source}: key '{key}': {exc}") from None
    return values, warnings


def load_config(start: Path, explicit: Path | None = None) -> tuple[dict[str, Any], list[str]]:
    """Values (snake_case keys, typed) and warnings from the config file that applies to
    `start`, or from `explicit` (a contractml.toml-style file, or a pyproject.toml whose
    `[tool.contractml]` is read). No file: ({}, [])."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        table = _table(path)
        if table is None:
            return {"config_file": path}, [f"{path}: no [tool.contractml] table"]
    else:
        found = find_config(Path(start))
        if found is None:
            return {}, []
        path = found
        table = _table(path)
        assert table is not None
    values, warnings = parse_table(table, path, path.parent.absolute())
    values["config_file"] = path
    return values, warnings


_FLAGS = {name: "--" + name.replace("_", "-") for name in _FIELDS}
_FLAGS.update(remappings="--remap", diff_base="--diff-base")


def merge(config_values: Mapping[str, Any], cli_values: Mapping[str, Any]) -> ScanSettings:
    """ScanSettings from defaults <- config values <- command-line values. Keys may be
    snake_case or kebab-case; a CLI value of None, or an empty list or tuple, means "not
    given". CLI values are checked like config values (ConfigError names the flag);
    relative CLI paths stay relative to the current directory."""
    settings: dict[str, Any] = {}
    for key, value in config_values.items():
        name = key.replace("-", "_")
        if name not in _FIELDS:
            raise ConfigError(f"unknown setting {key!r}")
        settings[name] = value
    for key, value in cli_values.items():
        name = key.replace("-", "_")
        if name not in _FIELDS:
            raise ConfigError(f"unknown setting {key!r}")
        if value is None or (isinstance(value, (list, tuple)) and not value):
            continue
        if isinstance(value, list):
            value = tuple(value)
        try:
            settings[name] = _check(name, value, None)
        except ValueError as exc:
            raise ConfigError(f"{_FLAGS.get(name, name)}: {exc}") from None
    if "severity" in settings:
        settings["severity"] = dict(settings["severity"])
    return ScanSettings(**settings)
