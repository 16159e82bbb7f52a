"""@openzeppelin/contracts (pinned, from npm) compiles and parses through our own path:
npm-style package layout, relative imports, one batched solc-js run, Slither on top."""

from __future__ import annotations

import pytest

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.pipeline import BuildResult, build
from datasets.corpora import CorpusMissing, openzeppelin, openzeppelin_files

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def oz_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    try:
        files = openzeppelin_files()
    except CorpusMissing as exc:
        pytest.fail(str(exc))
    project = discover([str(p) for p in files])
    return build(project, CompileOptions(cache_dir=tmp_path_factory.mktemp("oz-cache")))


def test_every_non_mock_file_compiles_and_parses(oz_build: BuildResult) -> None:
    for report in oz_build.failed:
        print(f"FAILED {report.outcome.unit_name} [{report.stage}]: {report.error}")
    assert len(oz_build.files) > 200
    assert not oz_build.failed


def test_one_compiler_run_serves_the_whole_package(oz_build: BuildResult) -> None:
    versions = {r.outcome.version for r in oz_build.files}
    assert len(versions) == 1
    assert {r.outcome.batch_size for r in oz_build.files} == {len(oz_build.files)}


def test_erc20_record(oz_build: BuildResult) -> None:
    root = openzeppelin()
    report = next(r for r in oz_build.files
                  if r.outcome.path == root / "token" / "ERC20" / "ERC20.sol")
    assert report.record is not None
    (erc20,) = [c for c in report.record.contracts if c.name == "ERC20"]
    assert erc20.kind == "abstract"
    names = {f.name for f in erc20.functions}
    assert {"transfer", "transferFrom", "approve", "_update"} <= names
    update = next(f for f in erc20.functions if f.name == "_update")
    # _update's body has an `unchecked` block: some arithmetic there is not checked.
    assert any(not n.checked for n in update.nodes)
    assert any(n.checked for n in update.nodes)
    assert all(update.span.start_line <= n.span.start_line <= update.span.end_line
               for n in update.nodes if n.type != "ENTRY_POINT")
