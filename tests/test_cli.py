"""`contractml compile` through `contractml.cli.main`, on the fixture projects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractml.cli import main
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken"
HARDHAT = FIXTURES / "hardhat"
V08 = FIXTURES / "versions" / "v08"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-cache")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def file_lines(out: str) -> dict[str, str]:
    """`{file: status}` from the one-line-per-file text output."""
    found = {}
    for line in out.splitlines():
        if line.startswith(("ok ", "FAILED ")):
            status, name = line.split()[:2]
            assert name not in found, f"{name} listed twice"
            found[name] = status
    return found


def test_compile_v08_all_ok(capsys: pytest.CaptureFixture[str], cache_dir: Path) -> None:
    code, out, _ = run(capsys, "compile", V08, "--cache-dir", cache_dir)
    assert file_lines(out) == {"contracts/Helper.sol": "ok", "contracts/Main.sol": "ok",
                               "contracts/Other.sol": "ok", "deps/mathlib/SafeOps.sol": "ok"}
    assert code == 0
    assert "4 of 4 files compiled and parsed" in out


def test_compile_hardhat_all_ok_then_cached(capsys: pytest.CaptureFixture[str],
                                            cache_dir: Path) -> None:
    code, out, err = run(capsys, "compile", HARDHAT, "--cache-dir", cache_dir)
    assert code == 0
    assert file_lines(out) == {"contracts/Market.sol": "ok", "contracts/Token.sol": "ok"}
    assert "2 of 2 files compiled and parsed" in out
    for line in out.splitlines():
        if line.startswith("ok "):
            assert "solc 0.8." in line and "CFG nodes" in line
            assert " cached" not in line
    assert "contractml: skipped: test/" in err

    code, out, _ = run(capsys, "compile", HARDHAT, "--cache-dir", cache_dir)
    assert code == 0
    ok_lines = [line for line in out.splitlines() if line.startswith("ok ")]
    assert len(ok_lines) == 2 and all(" cached," in line for line in ok_lines)


def test_compile_broken_lists_failures_with_solc_messages(
        capsys: pytest.CaptureFixture[str], cache_dir: Path) -> None:
    _, out, _ = run(capsys, "compile", BROKEN, "--cache-dir", cache_dir)
    assert file_lines(out) == {"impossible_pragma.sol": "FAILED", "no_pragma.sol": "ok",
                               "ok.sol": "ok", "syntax_error.sol": "FAILED",
                               "type_error.sol": "FAILED"}
    # Each FAILED line is followed by its reason, indented.
    blocks: dict[str, list[str]] = {}
    current = None
    for line in out.splitlines():
        if line.startswith(("ok ", "FAILED ")):
            current = line.split()[1]
            blocks[current] = [line]
        elif line.startswith("        ") and current:
            blocks[current].append(line.strip())
    assert "compile failed" in blocks["syntax_error.sol"][0]
    assert any(line.startswith("ParserError: Expected ';'")
               for line in blocks["syntax_error.sol"])
    assert any(line.startswith("TypeError:") for line in blocks["type_error.sol"])
    assert any("^0.3.0" in line for line in blocks["impossible_pragma.sol"])
    assert any("warning:" in line and "pragma" in line for line in blocks["no_pragma.sol"])
    assert "2 of 5 files compiled and parsed" in out


def test_compile_broken_exit_code_3(capsys: pytest.CaptureFixture[str],
                                    cache_dir: Path) -> None:
    code, _, _ = run(capsys, "compile", BROKEN, "--cache-dir", cache_dir)
    assert code == 3


def test_compile_nothing_compiles_exit_code_2(capsys: pytest.CaptureFixture[str],
                                              cache_dir: Path) -> None:
    code, out, _ = run(capsys, "compile", BROKEN / "type_error.sol", "--cache-dir", cache_dir)
    assert file_lines(out) == {"type_error.sol": "FAILED"}
    assert code == 2


def test_compile_json(capsys: pytest.CaptureFixture[str], cache_dir: Path) -> None:
    _, out, _ = run(capsys, "compile", BROKEN, "--cache-dir", cache_dir, "--format", "json")
    doc = json.loads(out)
    assert doc["version"] == 1
    assert doc["framework"] == "plain"
    assert Path(doc["root"]) == BROKEN
    assert doc["summary"] == {"files": 5, "ok": 2, "failed": 3}
    files = {f["file"]: f for f in doc["files"]}
    assert list(files) == ["impossible_pragma.sol", "no_pragma.sol", "ok.sol",
                           "syntax_error.sol", "type_error.sol"]
    for name in ("ok.sol", "no_pragma.sol"):
        entry = files[name]
        assert entry["status"] == "ok"
        assert entry["compiler"].startswith("solc 0.8.")
        assert entry["solc_version"].startswith("0.8.")
        assert entry["compiler"] == f"solc {entry['solc_version']} (solc-js)" or \
            entry["compiler"] == f"solc {entry['solc_version']} (native)"
        assert entry["contracts"] == 1
        assert entry["functions"] >= 2
        assert isinstance(entry["cfg_nodes"], int) and entry["cfg_nodes"] > 0
        assert "error" not in entry
    assert any("pragma" in w for w in files["no_pragma.sol"]["warnings"])
    for name in ("impossible_pragma.sol", "syntax_error.sol", "type_error.sol"):
        entry = files[name]
        assert entry["status"] == "failed"
        assert entry["stage"] == "compile"
        assert entry["error"]
        assert "cfg_nodes" not in entry
    assert "ParserError" in files["syntax_error.sol"]["error"]
    assert files["impossible_pragma.sol"]["solc_version"] is None
    assert files["impossible_pragma.sol"]["compiler"] is None
    assert files["type_error.sol"]["solc_version"].startswith("0.8.")


def test_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "compile", tmp_path / "nowhere", "--cache-dir", tmp_path)
    assert code == 2
    assert out == ""
    assert err.count("contractml: error:") == 1
    assert "nowhere: no such file or folder" in err


def test_folder_without_solidity(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("nothing to compile\n", encoding="utf-8")
    code, _, err = run(capsys, "compile", tmp_path, "--cache-dir", tmp_path / "cache")
    assert code == 2
    assert "contractml: error: no .sol files found" in err


def test_not_a_solidity_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compile", FIXTURES / "foundry" / "foundry.toml")
    assert code == 2
    assert "contractml: error:" in err and "not a Solidity (.sol) file" in err


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "compile" in out
    code, out, _ = run(capsys, "compile", "--help")
    assert code == 0
    for option in ("--offline", "--solc", "--cache-dir", "--format", "--include-tests"):
        assert option in out


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compile", "--no-such-option")
    assert code == 2
    assert "No such option" in err
