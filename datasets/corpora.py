"""Where the evaluation and benchmark corpora live.

SmartBugs curated and SolidiFI are read from `../shared/datasets` (override with
$CONTRACTML_SHARED_DATASETS); their contracts are never copied into this repository.
OpenZeppelin Contracts comes from npm at a pinned version, installed into the user cache.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

from contractml.compile.backends import default_cache_dir

REPO = Path(__file__).resolve().parents[1]
#: Pinned OpenZeppelin Contracts release used by tests and benchmarks.
OPENZEPPELIN_VERSION = "5.7.0"


class CorpusMissing(RuntimeError):
    """A corpus is not where it should be; the message says how to get it."""


def shared_datasets() -> Path:
    env = os.environ.get("CONTRACTML_SHARED_DATASETS")
    return Path(env) if env else REPO.parent / "shared" / "datasets"


def smartbugs_curated() -> Path:
    root = shared_datasets() / "smartbugs-curated"
    if not (root / "dataset").is_dir():
        raise CorpusMissing(
            f"SmartBugs curated not found at {root}: clone "
            "github.com/smartbugs/smartbugs-curated there (commit 230e6491) or set "
            "CONTRACTML_SHARED_DATASETS")
    return root


def smartbugs_wild() -> Path:
    """The folder of the SmartBugs wild sample's contracts."""
    root = shared_datasets() / "smartbugs-wild-sample" / "contracts"
    if not root.is_dir():
        raise CorpusMissing(
            f"the SmartBugs wild sample is not at {root}: put contracts of "
            "github.com/smartbugs/smartbugs-wild (commit 91ec1757) there or set "
            "CONTRACTML_SHARED_DATASETS")
    return root


def smartbugs_files() -> list[Path]:
    return sorted((smartbugs_curated() / "dataset").rglob("*.sol"))


def smartbugs_versions() -> dict[str, str]:
    """SmartBugs' own record of the solc version each file compiles with."""
    with open(smartbugs_curated() / "versions.csv", newline="") as handle:
        return {row["file"]: row["compiled version"] for row in csv.DictReader(handle)}


def _cache_root() -> Path:
    return default_cache_dir() / "corpora"


def openzeppelin(version: str = OPENZEPPELIN_VERSION) -> Path:
    """The `contracts/` folder of `@openzeppelin/contracts@version`, installed from npm
    into the cache on first use."""
    prefix = _cache_root() / f"openzeppelin-{version}"
    package = prefix / "node_modules" / "@openzeppelin" / "contracts"
    if not (package / "package.json").is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise CorpusMissing("npm is needed to fetch @openzeppelin/contracts")
        prefix.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(prefix),
             f"@openzeppelin/contracts@{version}"],
            capture_output=True, timeout=600, check=False, stdin=subprocess.DEVNULL)
        if proc.returncode != 0:
            raise CorpusMissing(f"npm install @openzeppelin/contracts@{version} failed: "
                                + proc.stderr.decode(errors="replace")[-300:])
    return package


def openzeppelin_files(version: str = OPENZEPPELIN_VERSION) -> list[Path]:
    """Every non-mock Solidity file of the package."""
    root = openzeppelin(version)
    return sorted(p for p in root.rglob("*.sol") if "mocks" not in p.relative_to(root).parts)
