"""Case 1 of issue #8: one project with a syntax error, a code-generation-only problem
(stack too deep), pragmas no compiler satisfies and a file without a pragma. The rest is
analysed; every failure appears in text, JSON and SARIF with the compiler's message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractml.cli import main
from tests.conftest import write_sources
from tests.reliability.conftest import VAULT, failures_of, run_scan, sarif_notifications

PARAMS = [f"a{i}" for i in range(18)]
#: 18 parameters and a local, all live in one expression: more stack slots than the EVM
#: can reach (16), so solc's code generator stops with "Stack too deep".
STACK_TOO_DEEP = f"""\
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract Deep {{
    uint256 public total;

    function sum({", ".join(f"uint256 {p}" for p in PARAMS)}) external returns (uint256) {{
        uint256 local = {" + ".join(PARAMS)};
        total = local + {" * ".join(PARAMS)};
        return local;
    }}
}}
"""
SOURCES = {
    "Vault.sol": VAULT,
    "Syntax.sol": "pragma solidity ^0.8.0;\ncontract Syntax {\n    function f() public {\n"
                  "        uint256 x = ;\n    }\n}\n",
    "Deep.sol": STACK_TOO_DEEP,
    "Ancient.sol": "pragma solidity 0.3.1;\ncontract Ancient { uint x; }\n",
    "Future.sol": "pragma solidity >=0.9.0;\ncontract Future { uint x; }\n",
    "NoPragma.sol": "contract NoPragma {\n    uint256 x;\n    function set(uint256 v) public "
                    "{ x = v; }\n}\n",
}
EXPECTED_FAILURES = {
    "Syntax.sol": "ParserError",
    "Ancient.sol": "no solc release satisfies pragma 0.3.1",
    "Future.sol": "no solc release satisfies pragma >=0.9.0",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sources(tmp_path_factory.mktemp("broken") / "project", SOURCES)


def test_stack_too_deep_fixture_really_fails_code_generation(project: Path) -> None:
    """Guard: asked for bytecode, solc rejects Deep.sol with "Stack too deep" (contractml
    never asks for bytecode, so it analyses the file)."""
    from contractml.compile import backends
    from contractml.compile.versions import Version

    compiler = backends.resolve_compiler(Version(0, 8, 37), offline=True)
    request = {"language": "Solidity",
               "sources": {"Deep.sol": {"content": STACK_TOO_DEEP}},
               "settings": {"outputSelection": {"*": {"*": ["evm.bytecode.object"]}}}}
    output = compiler.run(request, {"Deep.sol": project / "Deep.sol"}, [project], 120)
    messages = " ".join(e.get("message", "") for e in output.get("errors", [])
                        if e.get("severity") == "error")
    assert "Stack too deep" in messages, output.get("errors")


def test_each_failure_in_every_format_and_the_rest_analysed(
        project: Path, tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_scan([str(project), "--format", "json", "--fail-on", "none"],
                              model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["files_scanned"] == ["Deep.sol", "NoPragma.sol", "Vault.sol"]
    failures = failures_of(out)
    assert set(failures) == set(EXPECTED_FAILURES)
    for file, fragment in EXPECTED_FAILURES.items():
        assert failures[file]["stage"] == "compile"
        assert fragment in failures[file]["message"], failures[file]
    assert "Expected primary expression" in failures["Syntax.sol"]["message"]
    # stack too deep: analysed and scanned, not lost
    assert any(f["file"] == "Deep.sol" and f["function"] == "sum" for f in report["findings"])

    code, out, _ = run_scan([str(project), "--format", "sarif", "--fail-on", "none"],
                            model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0
    notes = sarif_notifications(out)
    for file, fragment in EXPECTED_FAILURES.items():
        mine = [n for n in notes if n.get("locations") and n["locations"][0][
            "physicalLocation"]["artifactLocation"]["uri"] == file]
        assert len(mine) == 1, (file, notes)
        assert mine[0]["level"] == "error" and fragment in mine[0]["message"]["text"]
    assert json.loads(out)["runs"][0]["invocations"][0]["executionSuccessful"] is True

    code, out, _ = run_scan([str(project), "--format", "text", "--fail-on", "none"],
                            model=tiny_model, cache=cache, capsys=capsys)
    assert code == 0
    for file, fragment in EXPECTED_FAILURES.items():
        assert file in out and fragment in out, out
    assert "Expected primary expression" in out


def test_no_pragma_warning_reaches_the_report(project: Path, tiny_model: Path, cache: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_scan([str(project / "NoPragma.sol"), "--format", "json",
                             "--fail-on", "none"], model=tiny_model, cache=cache,
                            capsys=capsys)
    assert code == 0
    notices = json.loads(out)["notices"]
    assert any("NoPragma.sol" in n and "pragma" in n for n in notices), notices


def test_failures_do_not_change_the_exit_code_while_something_was_scanned(
        project: Path, tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run_scan([str(project), "--format", "json"], model=tiny_model, cache=cache,
                          capsys=capsys)
    assert code == 1  # findings at or above --fail-on medium (every statement is one)
    only_broken = [str(project / name) for name in EXPECTED_FAILURES]
    code, out, err = run_scan([*only_broken, "--format", "json"], model=tiny_model,
                              cache=cache, capsys=capsys)
    assert code == 2 and "Traceback" not in err  # nothing could be compiled
    assert set(failures_of(out)) == set(EXPECTED_FAILURES)


def test_compile_command_lists_them_and_exits_3(project: Path, cache: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compile", str(project), "--offline", "--cache-dir", str(cache),
                 "--format", "json"])
    out = capsys.readouterr().out
    assert code == 3
    files = {f["file"]: f for f in json.loads(out)["files"]}
    assert files["Deep.sol"]["status"] == files["NoPragma.sol"]["status"] == "ok"
    for file, fragment in EXPECTED_FAILURES.items():
        assert files[file]["status"] == "failed" and fragment in json.dumps(files[file])
