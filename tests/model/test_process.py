"""The scoring process: same findings as scoring in place, errors come back, and a lost
process does not lose the scan."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.model import handle as handle_module
from contractml.model.handle import ModelHandle
from contractml.pipeline import build
from contractml.records import FileRecord
from contractml.scan import findings_for_files

BANK = Path(__file__).parents[2] / "examples" / "reentrancy" / "Bank.sol"


def _pid(_handle: ModelHandle) -> int:
    return os.getpid()


def _fail(_handle: ModelHandle, message: str) -> None:
    raise ValueError(message)


def _die_unless_in(_handle: ModelHandle, parent: int) -> str:
    if os.getpid() != parent:
        os._exit(3)  # e.g. the kernel's out-of-memory killer, mid-call
    return "scored here"


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[FileRecord, str, list[str]]]:
    handle = ModelHandle()
    result = build(discover([BANK]), CompileOptions(
        cache_dir=tmp_path_factory.mktemp("process-cache")), detectors=handle.detectors)
    record = result.files[0].record
    assert record is not None
    return [(record, record.file, BANK.read_text().splitlines())]


def test_calls_run_in_another_process_and_score_alike(items: list) -> None:
    handle = ModelHandle()
    (pid, lost) = handle.call(_pid)
    assert pid != os.getpid() and lost is None
    remote, lost = handle.call(findings_for_files, items)
    local = findings_for_files(handle, items)
    assert lost is None
    assert remote == local and any(f.category == "reentrancy" for f in local[0])


def test_an_error_in_the_process_is_raised_in_the_caller() -> None:
    with pytest.raises(ValueError, match="no such thing"):
        ModelHandle().call(_fail, "no such thing")


def test_a_lost_process_is_replaced_by_scoring_here() -> None:
    handle = ModelHandle()
    answer, lost = handle.call(_die_unless_in, os.getpid())
    assert answer == "scored here"
    assert lost is not None and "ended unexpectedly (exit code 3)" in lost
    assert "main process" in lost
    pid, lost = handle.call(_pid)  # the next call gets a new process
    assert lost is None and pid != os.getpid()


def test_a_process_that_died_between_calls_is_started_again() -> None:
    handle = ModelHandle()
    handle.prepare()
    process = handle_module._PROCESSES[handle.key]
    process._process.kill()
    process._process.join()
    pid, lost = handle.call(_pid)
    assert lost is None and pid != os.getpid()


def test_no_process_to_be_had_means_scoring_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_path: object, _loader: object) -> None:
        raise OSError("Resource temporarily unavailable")

    handle = ModelHandle()
    stale = handle_module._PROCESSES.pop(handle.key, None)
    monkeypatch.setattr(handle_module, "ScoringProcess", refuse)
    try:
        handle.prepare()  # never fails the scan
        pid, lost = handle.call(_pid)
        assert pid == os.getpid()
        assert lost is not None and "could not be started" in lost
    finally:
        if stale is not None:
            handle_module._PROCESSES[handle.key] = stale
