"""What to compile: the project root, its framework, remappings, include paths and targets.

A scan starts from paths the user names. Each path is a `.sol` file or a folder. For a
folder we look for a framework root (Foundry: `foundry.toml`; Hardhat: `hardhat.config.*`)
at the folder or above it, read its remappings, and collect the `.sol` files below the
folder, leaving out dependency folders and, for framework roots, their `test/` and
`script/` folders and test scaffolding at any depth (`src/test/`, `contracts/mocks/`)
unless asked to keep them. Dependency folders are `node_modules/` at any
depth and the root's own `lib/` when the root is a Foundry root (`foundry.toml` beside it)
or its remappings point into it; any other folder named `lib` (a Hardhat project's
`contracts/lib/`) is analysed. Every folder left out is named in a notice.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from contractml.errors import ConfigError

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

#: Folders that hold dependencies wherever they are, never analysis targets themselves.
DEPENDENCY_DIRS = frozenset({"node_modules"})
#: The root's folder of Foundry dependencies (git submodules): a dependency folder only
#: beside `foundry.toml` or when the root's remappings point into it.
ROOT_LIB_DIR = "lib"
#: Folders of a framework root that hold tests and deploy scripts.
FRAMEWORK_SKIP_DIRS = frozenset({"test", "tests", "script", "scripts"})
#: Folders of test scaffolding that a framework root leaves out at any depth
#: (`src/test/`, `contracts/mocks/`): harnesses and mocks that are never deployed.
NESTED_TEST_DIRS = frozenset({"test", "tests", "mocks", "mock"})
#: Folders never searched for sources.
ALWAYS_SKIP_DIRS = frozenset({".git", "cache", "out", "artifacts", "crytic-export", ".venv"})

HARDHAT_CONFIGS = ("hardhat.config.js", "hardhat.config.ts", "hardhat.config.cjs",
                   "hardhat.config.mjs")


@dataclass(frozen=True, order=True)
class Remapping:
    """`context:prefix=target` as solc understands it; target is relative to the root or
    absolute."""

    prefix: str
    target: str
    context: str = ""

    @classmethod
    def parse(cls, text: str) -> Remapping:
        text = text.strip()
        if "=" not in text:
            raise ConfigError(f"bad remapping {text!r}: expected 'prefix=target'")
        left, target = text.split("=", 1)
        context = ""
        if ":" in left:
            context, left = left.split(":", 1)
        if not left:
            raise ConfigError(f"bad remapping {text!r}: empty prefix")
        return cls(prefix=left, target=target, context=context)

    def __str__(self) -> str:
        head = f"{self.context}:" if self.context else ""
        return f"{head}{self.prefix}={self.target}"


@dataclass(frozen=True)
class Project:
    """Everything the compile layer needs to know about where sources live."""

    root: Path
    kind: str  # "foundry" | "hardhat" | "plain"
    remappings: tuple[Remapping, ...]
    #: Folders searched for non-relative imports after the root (node_modules, lib).
    include_paths: tuple[Path, ...]
    #: Files to analyse, absolute, sorted.
    targets: tuple[Path, ...]
    #: Notices for the user (e.g. folders skipped).
    notices: tuple[str, ...] = field(default=())
    #: Folders outside the root that the user named as remapping targets (`--remap`):
    #: imports may be read from there (see contractml.compile.imports.may_read).
    trusted: tuple[Path, ...] = field(default=())

    def unit_name(self, path: Path) -> str:
        """The solc source unit name of a file: its path relative to the root (posix), or
        relative to an include path, or else absolute."""
        for base in (self.root, *self.include_paths):
            try:
                return path.relative_to(base).as_posix()
            except ValueError:
                continue
        return path.as_posix()


#: Files that mark the root of a plain Solidity project or npm package.
PROJECT_MARKERS = ("remappings.txt", "package.json")


def find_framework_root(start: Path) -> tuple[Path, str] | None:
    """The nearest folder at or above `start` with a Foundry or Hardhat configuration,
    else with a project marker (`remappings.txt`, `package.json`: kind "plain")."""
    plain: Path | None = None
    for folder in (start, *start.parents):
        if (folder / "foundry.toml").is_file():
            return folder, "foundry"
        if any((folder / name).is_file() for name in HARDHAT_CONFIGS):
            return folder, "hardhat"
        if plain is None and any((folder / name).is_file() for name in PROJECT_MARKERS):
            plain = folder
    return (plain, "plain") if plain is not None else None


def read_remappings(root: Path, kind: str) -> list[Remapping]:
    """Remappings from `remappings.txt` and, for Foundry, `foundry.toml` (profile.default)."""
    found: list[Remapping] = []
    txt = root / "remappings.txt"
    if txt.is_file():
        for line in txt.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                found.append(Remapping.parse(line))
    toml_file = root / "foundry.toml"
    if kind == "foundry" and toml_file.is_file():
        try:
            data = tomllib.loads(toml_file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{toml_file}: not valid TOML: {exc}") from exc
        profile = data.get("profile", {}).get("default", {})
        for entry in profile.get("remappings", []) or []:
            if isinstance(entry, str):
                found.append(Remapping.parse(entry))
    # First occurrence of a (context, prefix) wins, as in Foundry.
    unique: dict[tuple[str, str], Remapping] = {}
    for remapping in found:
        unique.setdefault((remapping.context, remapping.prefix), remapping)
    return list(unique.values())


def _include_paths(root: Path, kind: str) -> list[Path]:
    paths = []
    for name in ("node_modules", "lib"):
        candidate = root / name
        if candidate.is_dir():
            paths.append(candidate)
    return paths


def _foundry_auto_remappings(root: Path, existing: Sequence[Remapping]) -> list[Remapping]:
    """Foundry maps `lib/<name>` to `<name>/` when no remapping names that prefix."""
    lib = root / "lib"
    if not lib.is_dir():
        return []
    taken = {r.prefix for r in existing}
    added = []
    for dep in sorted(p for p in lib.iterdir() if p.is_dir()):
        prefix = f"{dep.name}/"
        if prefix in taken:
            continue
        target = dep / "src" if (dep / "src").is_dir() else dep
        added.append(Remapping(prefix=prefix, target=target.relative_to(root).as_posix() + "/"))
    return added


def root_lib_is_dependency(root: Path, kind: str, remappings: Sequence[Remapping]) -> bool:
    """Whether the root's `lib/` holds dependencies: beside `foundry.toml`, or named by a
    remapping's target (`forge-std/=lib/forge-std/src/`)."""
    if kind == "foundry":
        return True
    for remapping in remappings:
        target = remapping.target.removeprefix("./")
        if target == ROOT_LIB_DIR or target.startswith(ROOT_LIB_DIR + "/"):
            return True
    return False


def _walk_sources(folder: Path, root: Path, kind: str, keep_tests: bool,
                  follow_symlinks: bool, root_lib: bool
                  ) -> tuple[list[Path], list[str], list[str]]:
    """The `.sol` files below `folder`; the folders and files left out as tests, scripts
    or symlinks (with why); the dependency folders left out."""
    targets: list[Path] = []
    skipped: list[str] = []
    dependencies: list[str] = []
    for current, dirs, files in os.walk(folder, followlinks=follow_symlinks):
        here = Path(current)
        keep: list[str] = []
        for name in sorted(dirs):
            sub = here / name
            rel_parts = sub.relative_to(root).parts if sub.is_relative_to(root) else ()
            if name in ALWAYS_SKIP_DIRS or name.startswith("."):
                continue
            if (not follow_symlinks and sub.is_symlink()
                    and not sub.resolve().is_relative_to(root.resolve())):
                skipped.append(f"{sub.relative_to(root).as_posix()}/ (symlink leading "
                               "outside the root)")
                continue
            if name in DEPENDENCY_DIRS or (root_lib and name == ROOT_LIB_DIR
                                           and sub == root / ROOT_LIB_DIR):
                dependencies.append(_shown(sub, root) + "/")
                continue
            if kind != "plain" and not keep_tests and (
                    (len(rel_parts) == 1 and name in FRAMEWORK_SKIP_DIRS)
                    or name in NESTED_TEST_DIRS):
                skipped.append(sub.relative_to(root).as_posix() + "/")
                continue
            keep.append(name)
        dirs[:] = keep
        for name in sorted(files):
            if name.endswith(".sol"):
                path = here / name
                if path.is_symlink() and not follow_symlinks:
                    resolved = path.resolve()
                    if not resolved.is_relative_to(root.resolve()):
                        skipped.append(f"{path.relative_to(root).as_posix()} (symlink "
                                       "leading outside the root)")
                        continue
                targets.append(path)
    return targets, skipped, dependencies


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def discover(paths: Sequence[str | os.PathLike[str]], *, keep_tests: bool = False,
             follow_symlinks: bool = False,
             extra_remappings: Iterable[str] = ()) -> Project:
    """Turn the user's paths into one `Project`.

    All paths must lie under one root: the framework root when there is one, else the
    common folder of the paths.
    """
    if not paths:
        paths = ["."]
    resolved: list[Path] = []
    for raw in paths:
        path = Path(raw).absolute()
        if not path.exists():
            raise ConfigError(f"{raw}: no such file or folder")
        if path.is_file() and path.suffix != ".sol":
            raise ConfigError(f"{raw}: not a Solidity (.sol) file")
        resolved.append(path)

    first_dir = resolved[0] if resolved[0].is_dir() else resolved[0].parent
    framework = find_framework_root(first_dir)
    if framework and all(p.is_relative_to(framework[0]) for p in resolved):
        root, kind = framework
    else:
        root = Path(os.path.commonpath([p if p.is_dir() else p.parent for p in resolved]))
        kind = "plain"

    remappings = read_remappings(root, kind)
    named = [Remapping.parse(r) for r in extra_remappings]
    remappings.extend(named)
    root_lib = root_lib_is_dependency(root, kind, remappings)
    targets: list[Path] = []
    notices: list[str] = []
    dependencies: list[str] = []
    for path in resolved:
        if path.is_file():
            targets.append(path)
        else:
            found, skipped, deps = _walk_sources(path, root, kind, keep_tests,
                                                 follow_symlinks, root_lib)
            targets.extend(found)
            dependencies.extend(deps)
            if skipped:
                notices.append("skipped: " + ", ".join(skipped))
    if dependencies:
        notices.insert(0, "dependency folders not analysed (read for imports only): "
                       + ", ".join(dict.fromkeys(dependencies)))
    trusted = tuple(dict.fromkeys(
        (Path(r.target) if Path(r.target).is_absolute() else root / r.target).resolve()
        for r in named if r.target))
    if kind == "foundry":
        remappings.extend(_foundry_auto_remappings(root, remappings))
    return Project(root=root, kind=kind, remappings=tuple(remappings),
                   include_paths=tuple(_include_paths(root, kind)),
                   targets=tuple(sorted(dict.fromkeys(targets))),
                   notices=tuple(notices), trusted=trusted)

