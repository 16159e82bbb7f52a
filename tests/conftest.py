"""Shared test helpers: the fixture folder, a one-call build, source writing.

Builds compile real Solidity with the solc-js compilers in the shared cache
(``~/.cache/contractml/solcjs`` or ``$CONTRACTML_SOLCJS_DIR``); compile and front-end
caches go to a temporary folder per test module.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest

from contractml.compile import backends
from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.pipeline import BuildResult, FileReport, build
from contractml.records import FileRecord

FIXTURES = Path(__file__).parent / "fixtures"


def build_dir(path: str | os.PathLike[str], cache_dir: str | os.PathLike[str] | None, *,
              keep_tests: bool = False, extra_remappings: Iterable[str] = (),
              **options: object) -> BuildResult:
    """discover() + build() over one file or folder, caching under `cache_dir`."""
    project = discover([path], keep_tests=keep_tests, extra_remappings=extra_remappings)
    return build(project, CompileOptions(
        cache_dir=Path(cache_dir) if cache_dir is not None else None, **options))


def reports_by_unit(result: BuildResult) -> dict[str, FileReport]:
    """The build's reports keyed by source unit name (path relative to the root)."""
    return {report.outcome.unit_name: report for report in result.files}


def write_sources(root: Path, files: dict[str, str]) -> Path:
    """Write `{relative path: text}` under `root`; return `root`."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def compiled_records(root: Path, files: dict[str, str]) -> list[FileRecord]:
    """Write `{relative path: text}` under `root` and build it; every file must compile.
    The records, in build order."""
    result = build_dir(write_sources(root, files), None)
    assert all(r.ok for r in result.files), [r.error for r in result.files]
    return [r.record for r in result.files if r.record is not None]


@pytest.fixture(scope="session", autouse=True)
def _no_native_solc_download() -> Iterable[None]:
    """Keep the suite off the network: py-solc-x is never asked to download a native solc
    (the backends would otherwise try it before falling back to an installed solc-js).
    Tests that want to prove no download is attempted patch it again themselves."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backends, "_try_solcx_install", lambda version: None)
        yield




@pytest.fixture(scope="session")
def smartbugs_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """All of SmartBugs curated through compile + front end (shared by corpus tests)."""
    from datasets.corpora import CorpusMissing, smartbugs_curated

    try:
        root = smartbugs_curated()
    except CorpusMissing as exc:
        pytest.fail(str(exc))
    cache = tmp_path_factory.mktemp("smartbugs-cache")
    return build(discover([root / "dataset"]), CompileOptions(cache_dir=cache))


@pytest.fixture(scope="session")
def vault_record(tmp_path_factory: pytest.TempPathFactory) -> FileRecord:
    """tests/fixtures/scan/project/Vault.sol compiled once, with every detector's
    results (a call to the caller before the balance is zeroed, line 16)."""
    result = build(discover([FIXTURES / "scan" / "project" / "Vault.sol"]), CompileOptions(
        cache_dir=tmp_path_factory.mktemp("vault-cache")), detectors=True)
    assert result.files[0].record is not None
    return result.files[0].record

