"""The long-lived solc-js process: one load serves many compilations, and nothing about
a compilation's outcome depends on it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from contractml.compile import backends, solcjs_server
from contractml.compile.backends import Compiler
from contractml.errors import CompilerError

GOOD = ("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\n"
        "contract A { uint256 x; function f() external { x = 1; } }\n")
BAD = ("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\n"
       "contract B { function f() external { x = 1; } }\n")


@pytest.fixture(scope="module")
def compiler() -> Compiler:
    found = {v: p for v, p in backends.installed_solcjs().items() if v.minor == 8}
    if not found:
        pytest.skip("no solc-js 0.8.x installed")
    version = max(found)
    return Compiler(version=version, kind="solc-js", path=found[version])


@pytest.fixture()
def pool(monkeypatch: pytest.MonkeyPatch) -> solcjs_server.ServerPool:
    fresh = solcjs_server.ServerPool()
    monkeypatch.setattr(solcjs_server, "POOL", fresh)
    monkeypatch.delenv(solcjs_server.ENABLED_ENV, raising=False)
    yield fresh
    fresh.close()


def _run(compiler: Compiler, text: str, tmp_path: Path, timeout: float = 60) -> dict:
    request = {"language": "Solidity", "sources": {"A.sol": {"content": text}},
               "settings": {"outputSelection": {"*": {"": ["ast"]}}}}
    return compiler.run(request, {}, [tmp_path], timeout)


def _idle_pids(pool: solcjs_server.ServerPool) -> list[int]:
    return [s.proc.pid for group in pool._idle.values() for s in group]


def test_one_process_answers_many_compilations(compiler: Compiler, tmp_path: Path,
                                               pool: solcjs_server.ServerPool) -> None:
    first = _run(compiler, GOOD, tmp_path)
    pids = _idle_pids(pool)
    assert len(pids) == 1
    second = _run(compiler, BAD, tmp_path)
    third = _run(compiler, GOOD, tmp_path)
    assert _idle_pids(pool) == pids  # the same process, still loaded
    assert "A.sol" in first["sources"] and not first.get("errors")
    assert any(e["severity"] == "error" and "Undeclared identifier" in e["message"]
               for e in second["errors"])
    assert third["sources"]["A.sol"]["ast"] == first["sources"]["A.sol"]["ast"]


def test_the_outcome_is_the_one_shot_process_outcome(compiler: Compiler, tmp_path: Path,
                                                     pool: solcjs_server.ServerPool,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    served = [_run(compiler, text, tmp_path) for text in (GOOD, BAD)]
    monkeypatch.setenv(solcjs_server.ENABLED_ENV, "0")
    alone = [_run(compiler, text, tmp_path) for text in (GOOD, BAD)]
    assert served == alone


def test_a_server_that_dies_falls_back_to_a_process_of_its_own(
        compiler: Compiler, tmp_path: Path, pool: solcjs_server.ServerPool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    node = backends._node()
    monkeypatch.setattr(solcjs_server, "runner_command",
                        lambda *_: [node, "-e", "process.stdout.write('garbage'); "
                                                "process.exit(3)"])
    output = _run(compiler, GOOD, tmp_path)
    assert "A.sol" in output["sources"]
    assert _idle_pids(pool) == []  # the broken server is not kept


def test_a_compilation_past_its_time_limit_is_a_compiler_error(
        compiler: Compiler, tmp_path: Path, pool: solcjs_server.ServerPool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    node = backends._node()
    monkeypatch.setattr(solcjs_server, "runner_command",
                        lambda *_: [node, "-e", "setTimeout(() => {}, 60000)"])
    with pytest.raises(CompilerError, match="did not finish within 1 s"):
        _run(compiler, GOOD, tmp_path, timeout=1)
    assert _idle_pids(pool) == []


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_a_forked_child_starts_with_no_servers(compiler: Compiler, tmp_path: Path,
                                               pool: solcjs_server.ServerPool) -> None:
    _run(compiler, GOOD, tmp_path)
    parent = _idle_pids(pool)
    assert parent
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its pool is a new, empty one
        os.close(read)
        os.write(write, b"1" if not _idle_pids(solcjs_server.POOL) else b"0")
        os._exit(0)
    os.close(write)
    assert os.read(read, 1) == b"1"
    os.waitpid(pid, 0)
    assert _idle_pids(pool) == parent and all(s.alive() for g in pool._idle.values()
                                              for s in g)


def test_single_threaded_setting_reaches_the_node_process(
        compiler: Compiler, tmp_path: Path, pool: solcjs_server.ServerPool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`CONTRACTML_NODE_SINGLE_THREADED=1` (set by corpus workers) starts node with
    `--single-threaded`, the compilation's outcome unchanged; without it, node keeps
    its helper threads."""
    plain = _run(compiler, GOOD, tmp_path)
    (plain_pid,) = _idle_pids(pool)
    plain_args = Path(f"/proc/{plain_pid}/cmdline").read_bytes().split(b"\0")
    pool.close()
    monkeypatch.setenv(solcjs_server.SINGLE_THREADED_ENV, "1")
    single = _run(compiler, GOOD, tmp_path)
    (single_pid,) = _idle_pids(pool)
    single_args = Path(f"/proc/{single_pid}/cmdline").read_bytes().split(b"\0")
    assert b"--single-threaded" in single_args
    assert b"--single-threaded" not in plain_args
    assert single["sources"] == plain["sources"] and not single.get("errors")


def test_a_server_grown_past_the_idle_limit_is_not_kept(
        compiler: Compiler, tmp_path: Path, pool: solcjs_server.ServerPool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A server holding more memory than `MAX_IDLE_RSS` ends once it has answered (the
    answer is the same); one under it stays loaded for the next compilation."""
    kept = _run(compiler, GOOD, tmp_path)
    pids = _idle_pids(pool)
    assert len(pids) == 1
    resident = next(s for g in pool._idle.values() for s in g).resident_bytes()
    assert resident is not None and resident > 0
    monkeypatch.setattr(solcjs_server, "MAX_IDLE_RSS", resident // 2)
    again = _run(compiler, GOOD, tmp_path)
    assert _idle_pids(pool) == []
    assert again == kept
    with pytest.raises(ProcessLookupError):
        os.kill(pids[0], 0)
