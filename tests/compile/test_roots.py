"""Which folder is the project root, and imports that climb above the folder scanned."""

from __future__ import annotations

from pathlib import Path

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.pipeline import build
from tests.conftest import write_sources

LIB = "pragma solidity ^0.8.0;\nlibrary L { function f() internal pure returns (uint) " \
      "{ return 1; } }\n"
MAIN = "pragma solidity ^0.8.0;\nimport \"../../lib/L.sol\";\ncontract M {\n" \
       "    function g() public pure returns (uint) { return L.f(); }\n}\n"


def test_package_json_marks_the_root_of_a_single_file(tmp_path: Path) -> None:
    write_sources(tmp_path / "pkg", {"package.json": "{}", "lib/L.sol": LIB,
                                     "a/b/M.sol": MAIN})
    project = discover([tmp_path / "pkg" / "a" / "b" / "M.sol"])
    assert project.root == tmp_path / "pkg" and project.kind == "plain"
    result = build(project, CompileOptions(cache_dir=tmp_path / "cache"))
    (report,) = result.files
    assert report.ok, report.error
    assert report.record is not None and report.record.file == "a/b/M.sol"


def test_imports_above_the_scanned_folder_widen_the_root(tmp_path: Path) -> None:
    write_sources(tmp_path / "proj", {"lib/L.sol": LIB, "a/b/M.sol": MAIN})
    project = discover([tmp_path / "proj" / "a" / "b"])
    assert project.root == tmp_path / "proj" / "a" / "b"
    result = build(project, CompileOptions(cache_dir=tmp_path / "cache"))
    (report,) = result.files
    assert report.ok, report.error
    assert result.project.root == tmp_path / "proj"
    assert any("root widened" in n for n in result.project.notices)
    assert report.record is not None and report.record.file == "a/b/M.sol"
