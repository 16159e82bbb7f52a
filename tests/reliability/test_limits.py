"""Case 3 of issue #8: nesting at and past solc's parser limit, a function with 10,000
CFG nodes, files of several megabytes, the size cap, per-file time limits for a stuck
compiler and a stuck analysis, and bounded memory.

Everything runs on real contracts through the real compilers and Slither; the "stuck"
compiler is a script given with `--solc` that never answers.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from contractml.compile.driver import CompileOptions, compile_project
from contractml.compile.project import discover
from tests.conftest import write_sources
from tests.reliability.conftest import VAULT, failures_of, run_scan, sarif_notifications

#: solc 0.8.37 parses 237 nested parentheses and refuses 238.
PARSER_LIMIT = 237


def nested(depth: int) -> str:
    expression = "(" * depth + "x" + " + 1)" * depth
    return (f"pragma solidity ^0.8.0;\ncontract Nest{depth} {{\n"
            f"    function f(uint256 x) external pure returns (uint256) {{\n"
            f"        return {expression};\n    }}\n}}\n")


def many_nodes(ifs: int) -> str:
    """One function of `ifs` if-statements: 3 CFG nodes each (IF, body, END_IF)."""
    body = "\n".join(f"        if (x > {i}) {{ y += {i}; }}" for i in range(ifs))
    return (f"pragma solidity ^0.8.0;\ncontract Big {{\n    uint256 public y;\n"
            f"    function f(uint256 x) external {{\n{body}\n    }}\n}}\n")


def padded(megabytes: float) -> str:
    """A real contract with `megabytes` of comment lines in front of it."""
    line = "// padding: documentation, licence text and notes kept inside the source file.\n"
    return VAULT.replace("pragma solidity ^0.8.0;\n",
                         "pragma solidity ^0.8.0;\n" + line * int(megabytes * 1e6 / len(line)))


def test_nesting_at_the_parser_limit_is_analysed_past_it_reported(
        tmp_path: Path, tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = write_sources(tmp_path / "p", {"AtLimit.sol": nested(PARSER_LIMIT),
                                          "PastLimit.sol": nested(PARSER_LIMIT + 1)})
    code, out, err = run_scan([str(root), "--format", "json", "--fail-on", "none"],
                              model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["files_scanned"] == ["AtLimit.sol"]
    assert any(f["file"] == "AtLimit.sol" and f["function"] == "f"
               for f in report["findings"])
    failure = failures_of(out)["PastLimit.sol"]
    assert failure["stage"] == "compile"
    assert "Maximum recursion depth reached during parsing" in failure["message"]


@pytest.fixture(scope="module")
def big_function(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> Path:
    """A function with 10,002 CFG nodes beside a small contract, both compiled once into
    the module's cache (so the short time limits below apply to the analysis only)."""
    root = write_sources(tmp_path_factory.mktemp("big") / "p", {"Big.sol": many_nodes(3333),
                                                                "Vault.sol": VAULT})
    run = compile_project(discover([root]), CompileOptions(cache_dir=cache, offline=True))
    assert all(o.ok for o in run.outcomes), [o.error for o in run.outcomes]
    return root


def test_ten_thousand_node_function_stops_at_the_time_limit(
        big_function: Path, tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Slither's analyses grow faster than linearly with a function's size (about 19 s
    for 1,800 nodes): 10,000 nodes would take hours, so the per-file time limit stops
    it and reports the file; the other file is scanned."""
    code, out, err = run_scan([str(big_function), "--timeout", "5", "--format", "sarif",
                               "--fail-on", "none"], model=tiny_model, cache=cache,
                              capsys=capsys)
    assert code == 0, err
    notes = [n for n in sarif_notifications(out) if n.get("locations")]
    assert len(notes) == 1
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "Big.sol"
    assert "did not finish within 5 s" in notes[0]["message"]["text"]
    assert notes[0]["descriptor"]["id"] == "contractml/analyse"
    assert any(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "Vault.sol"
               for r in json.loads(out)["runs"][0]["results"])


def test_analysis_memory_is_capped(big_function: Path, tiny_model: Path, cache: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The same function under `--analysis-memory 300` (MiB of the analysis process's
    own memory): the process is stopped and the file reported (the time limit is only a
    backstop); the other file is scanned."""
    code, out, err = run_scan([str(big_function), "--analysis-memory", "300", "--timeout",
                               "240", "--format", "json", "--fail-on", "none"],
                              model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0, err
    failure = failures_of(out)["Big.sol"]
    assert failure["stage"] == "analyse"
    assert "more than 300 MiB of memory" in failure["message"]
    assert json.loads(out)["files_scanned"] == ["Vault.sol"]


def test_size_cap_skips_with_a_notice(tmp_path: Path, tiny_model: Path, cache: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = write_sources(tmp_path / "p", {"Vault.sol": VAULT, "Padded.sol": padded(0.01)})
    size = (root / "Padded.sol").stat().st_size
    code, out, _ = run_scan([str(root), "--max-file-size", "5000", "--format", "json",
                             "--fail-on", "none"], model=tiny_model, cache=cache,
                            capsys=capsys)
    assert code == 0
    assert json.loads(out)["files_scanned"] == ["Vault.sol"]
    failure = failures_of(out)["Padded.sol"]
    assert failure["stage"] == "skipped"
    assert f"{size:,} bytes" in failure["message"] and "5,000" in failure["message"]
    code, out, _ = run_scan([str(root), "--max-file-size", "5000", "--format", "sarif",
                             "--fail-on", "none"], model=tiny_model, cache=cache,
                            capsys=capsys)
    skipped = [n for n in sarif_notifications(out)
               if n["descriptor"]["id"] == "contractml/skipped"]
    assert len(skipped) == 1 and skipped[0]["level"] == "warning"


def test_megabyte_files_under_the_default_cap(tmp_path: Path, tiny_model: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """4 MB is analysed; 5 MB is over what solc-js (WebAssembly) can compile at once, so
    it is reported with solc-js's error and advice, and nothing else is lost. The scan
    runs in a child process so that its peak memory can be measured: bounded."""
    from contractml.compile import backends

    if backends.installed_native():
        pytest.skip("a native solc is installed: it compiles the 5 MB file")
    root = write_sources(tmp_path / "p", {"Four.sol": padded(4.0), "Five.sol": padded(5.0),
                                          "Vault.sol": VAULT})
    probe = ("import resource, subprocess, sys\n"
             "proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "sys.stderr.write(proc.stderr)\n"
             "print(proc.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
             "print(proc.stdout)\n")
    command = [sys.executable, "-c", probe, sys.executable, "-m", "contractml", "scan",
               str(root), "--offline", "--no-cache", "--model", str(tiny_model),
               "--format", "json", "--fail-on", "none", "--no-progress"]
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    head, _, out = proc.stdout.partition("\n")
    code, peak_kib = (int(x) for x in head.split())
    assert code == 0, proc.stderr
    report = json.loads(out)
    assert report["files_scanned"] == ["Four.sol", "Vault.sol"]
    failure = failures_of(out)["Five.sol"]
    assert failure["stage"] == "compile"
    assert "memory access out of bounds" in failure["message"]
    assert "native solc" in failure["message"]
    assert peak_kib * 1024 < 1.5 * 2 ** 30, f"peak RSS {peak_kib / 1024:.0f} MiB"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0


def test_stuck_compiler_is_stopped_at_the_time_limit(tmp_path: Path, tiny_model: Path,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    """A compiler that never answers (`--solc` names a script that sleeps) is stopped
    after `--timeout` seconds; each file is reported; nothing compiled: exit 2."""
    fake = tmp_path / "solc"
    fake.write_text("#!/bin/sh\nif [ \"$1\" = --version ]; then\n"
                    "  echo 'solc, the solidity compiler'; echo 'Version: 0.8.37+commit.x'\n"
                    "  exit 0\nfi\nexec sleep 60\n", encoding="utf-8")
    fake.chmod(0o755)
    root = write_sources(tmp_path / "p", {"A.sol": VAULT, "B.sol": VAULT.replace("Vault",
                                                                                  "Vault2")})
    code, out, err = run_scan([str(root), "--solc", str(fake), "--timeout", "1",
                               "--format", "json"], model=tiny_model, cache=None,
                              capsys=capsys)
    assert code == 2 and "Traceback" not in err
    failures = failures_of(out)
    assert set(failures) == {"A.sol", "B.sol"}
    for failure in failures.values():
        assert failure["stage"] == "compile"
        assert "did not finish within 1 s" in failure["message"]
