"""`contractml corpus` on a local Ray (2 CPUs) over 50 contracts of the SmartBugs wild
sample (the first 50 by name of at most 8,000 bytes) plus one byte-identical copy.

One staged run feeds most tests: it is started, one of its Ray worker processes is
killed after 8 lines, the run is interrupted (SIGINT) after 25 lines, then the same
command runs again to the end, and once more (which must scan nothing). Its lines are
compared with `contractml scan --format json` over the same folder.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from datasets.corpora import CorpusMissing, smartbugs_wild

pytest.importorskip("ray")

REPO = Path(__file__).resolve().parents[2]
UNITS = 50
MAX_BYTES = 8_000


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep)
    env.pop("CI", None)
    env["RAY_USAGE_STATS_ENABLED"] = "0"
    env.update(extra)
    return env


def _contractml(*args: str, **popen: Any) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "contractml", *args], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _wait_for_lines(process: subprocess.Popen[str], out: Path, count: int) -> None:
    deadline = time.monotonic() + 600
    while len(_lines(out)) < count:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no progress"
        time.sleep(0.2)


@dataclass
class Staged:
    folder: Path
    out: Path
    first: list[dict[str, Any]]  # the lines after the interrupted run
    first_code: int
    killed: int
    second_err: str
    after_second: str
    third_err: str
    after_third: str


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> Staged:
    try:
        wild = smartbugs_wild()
    except CorpusMissing as exc:
        pytest.fail(str(exc))
    folder = tmp_path_factory.mktemp("wild50")
    chosen = [p for p in sorted(wild.iterdir()) if p.stat().st_size <= MAX_BYTES][:UNITS]
    for path in chosen:
        shutil.copy(path, folder / path.name)
    shutil.copy(chosen[0], folder / "copy-of-first.sol")
    work = tmp_path_factory.mktemp("corpus-run")
    out, pids = work / "out.jsonl", work / "pids"
    args = ("corpus", str(folder), "-o", str(out), "--workers", "2",
            "--cache-dir", str(work / "cache"))
    first = _contractml(*args, env=_env(CONTRACTML_CORPUS_PID_DIR=str(pids)))
    _wait_for_lines(first, out, 8)
    victim = int(sorted(pids.iterdir())[0].stem)
    os.kill(victim, signal.SIGKILL)
    _wait_for_lines(first, out, 25)
    first.send_signal(signal.SIGINT)
    first.communicate(timeout=120)
    first_lines = _lines(out)
    second = _contractml(*args, env=_env())
    _, second_err = second.communicate(timeout=900)
    assert second.returncode == 0, second_err
    after_second = out.read_text()
    third = _contractml(*args, env=_env())
    _, third_err = third.communicate(timeout=300)
    assert third.returncode == 0, third_err
    return Staged(folder=folder, out=out, first=first_lines, first_code=first.returncode,
                  killed=victim, second_err=second_err, after_second=after_second,
                  third_err=third_err, after_third=out.read_text())


def test_every_unit_appears_exactly_once(staged: Staged) -> None:
    lines = _lines(staged.out)
    files = sorted(str(p) for p in staged.folder.iterdir())
    assert sorted(line["file"] for line in lines) == files
    assert len(files) == UNITS + 1
    for line in lines:
        assert {"file", "sha256", "status", "compiler", "seconds", "findings"} <= set(line)
        assert line["status"] in ("ok", "failed", "duplicate")
        if line["status"] == "failed":
            assert line["reason"] and line["cause"]


def test_a_duplicate_is_marked(staged: Staged) -> None:
    by_file = {Path(line["file"]).name: line for line in _lines(staged.out)}
    copy = by_file["copy-of-first.sol"]
    assert copy["status"] == "duplicate"
    original = by_file[Path(copy["same_as"]).name]
    assert original["status"] != "duplicate" and original["sha256"] == copy["sha256"]
    assert copy["findings"] == original["findings"]
    assert "1 duplicates" in staged.second_err


def test_findings_equal_contractml_scan(staged: Staged, tmp_path: Path) -> None:
    scan = subprocess.run(
        [sys.executable, "-m", "contractml", "scan", str(staged.folder), "--format", "json",
         "--exit-zero", "-j", "2", "--cache-dir", str(tmp_path / "cache")],
        capture_output=True, text=True, env=_env(), timeout=900, check=False)
    assert scan.returncode == 0, scan.stderr
    report = json.loads(scan.stdout)
    expected: dict[str, list[dict[str, Any]]] = {}
    for finding in report["findings"]:
        expected.setdefault(finding["file"], []).append(finding)
    failed = {f["file"] for f in report["failures"]}
    compared = 0
    for line in _lines(staged.out):
        name = Path(line["file"]).name
        if line["status"] == "failed":
            assert name in failed, line["reason"]
            continue
        assert name not in failed
        assert line["findings"] == expected.get(name, []), name
        compared += 1
    assert compared >= UNITS * 0.9


def test_interrupted_run_leaves_a_valid_file_and_the_rerun_completes(staged: Staged) -> None:
    assert staged.first_code == 130
    assert 25 <= len(staged.first) < UNITS + 1
    final = _lines(staged.out)
    # The rerun kept the first run's lines and added exactly the missing units.
    assert final[:len(staged.first)] == staged.first
    assert len(final) == UNITS + 1
    assert len({line["file"] for line in final}) == UNITS + 1


def test_killed_worker_leaves_every_unit_accounted_for(staged: Staged) -> None:
    with pytest.raises(ProcessLookupError):
        os.kill(staged.killed, 0)  # the worker really died
    first_files = [line["file"] for line in staged.first]
    assert len(first_files) == len(set(first_files))
    assert all(line["status"] in ("ok", "duplicate") or line.get("cause") != "error"
               for line in staged.first)


def test_rerun_scans_nothing(staged: Staged) -> None:
    assert staged.after_third == staged.after_second
    assert "this run scanned nothing" in staged.third_err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_two_node_cluster_through_ray_address(tmp_path: Path) -> None:
    ray_bin = Path(sys.executable).with_name("ray")
    port = _free_port()
    address = f"127.0.0.1:{port}"
    # Every process of the cluster and its clients share one authentication token.
    env = _env(RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(32))
    common = ["--num-cpus", "1", "--disable-usage-stats", "--block"]
    nodes: list[subprocess.Popen[str]] = []
    try:
        nodes.append(subprocess.Popen(
            [str(ray_bin), "start", "--head", "--port", str(port), "--node-ip-address",
             "127.0.0.1", "--include-dashboard", "false", *common], env=env, text=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        time.sleep(8)
        nodes.append(subprocess.Popen(
            [str(ray_bin), "start", "--address", address, "--node-ip-address", "127.0.0.1",
             *common], env=env, text=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True))
        folder = tmp_path / "few"
        folder.mkdir()
        try:
            wild = smartbugs_wild()
        except CorpusMissing as exc:
            pytest.fail(str(exc))
        small = [p for p in sorted(wild.iterdir()) if p.stat().st_size <= MAX_BYTES]
        for path in small[:4]:
            shutil.copy(path, folder / path.name)
        deadline = time.monotonic() + 120
        probe = ("import ray,sys; ray.init(address=sys.argv[1], logging_level='ERROR'); "
                 "print(len([n for n in ray.nodes() if n['Alive']]))")
        while True:
            alive = subprocess.run([sys.executable, "-c", probe, address], env=env,
                                   capture_output=True, text=True, timeout=120, check=False)
            if alive.stdout.strip() == "2" or time.monotonic() > deadline:
                break
            time.sleep(2)
        assert alive.stdout.strip() == "2", alive.stderr
        out = tmp_path / "out.jsonl"
        run = _contractml("corpus", str(folder), "-o", str(out), "--ray-address", address,
                          "--cache-dir", str(tmp_path / "cache"), env=env)
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        assert "2 worker(s)" in err
        lines = _lines(out)
        assert sorted(Path(line["file"]).name for line in lines) == sorted(
            p.name for p in folder.iterdir())
        assert all(line["status"] == "ok" for line in lines), lines
    finally:
        for node in reversed(nodes):
            try:
                os.killpg(node.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            try:
                node.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(node.pid, signal.SIGKILL)
