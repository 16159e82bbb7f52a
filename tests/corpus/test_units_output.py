"""Units, tasks and the output file of `contractml corpus`, without Ray."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from contractml.cli import main
from contractml.corpus.output import Writer, read_previous
from contractml.corpus.plan import make_tasks
from contractml.corpus.units import find_units
from tests.conftest import write_sources

A = "pragma solidity ^0.4.24;\ncontract A { uint x; }\n"
A_SPACED = "pragma solidity ^0.4.24;\n// a comment\ncontract A {\n    uint x;\n}\n"
B = "pragma solidity ^0.5.0;\ncontract B { uint y; }\n"


def test_units_files_projects_and_lists(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "corpus", {
        "a.sol": A, "copy/a.sol": A, "spaced.sol": A_SPACED, "b.sol": B,
        "proj/foundry.toml": "[profile.default]\nsrc = 'src'\n",
        "proj/src/P.sol": B, "proj/lib/dep/D.sol": A,
    })
    units = {u.path.relative_to(root).as_posix(): u for u in find_units([str(root)])}
    assert sorted(units) == ["a.sol", "b.sol", "copy/a.sol", "proj", "spaced.sol"]
    assert units["proj"].project and not units["a.sol"].project
    assert units["a.sol"].sha256 == units["copy/a.sol"].sha256
    assert units["a.sol"].sha256 != units["spaced.sol"].sha256
    assert units["a.sol"].near == units["spaced.sol"].near  # same without comments/spaces
    listing = tmp_path / "list.txt"
    listing.write_text("# two of them\ncorpus/b.sol\n\ncorpus/proj\n")
    listed = find_units([str(listing)])
    assert [u.path.name for u in listed] == ["b.sol", "proj"]


def test_tasks_group_by_folder_and_first_choice_compiler(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "c", {f"a{i}.sol": A for i in range(5)}
                         | {"b.sol": B, "sub/a.sol": A})
    tasks = make_tasks(find_units([str(root)]), workers=1)
    shapes = sorted((t.version, sorted(u.path.name for u in t.units)) for t in tasks)
    assert shapes == [("0.4.26", ["a.sol"]), ("0.4.26", ["a0.sol", "a1.sol"]),
                      ("0.4.26", ["a2.sol", "a3.sol"]), ("0.4.26", ["a4.sol"]),
                      ("0.5.17", ["b.sol"])]


def test_a_line_cut_short_is_dropped_and_other_models_ignored(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    writer = Writer(out)
    writer.write({"file": "/x/a.sol", "sha256": "1", "status": "ok", "findings": [],
                  "model": "m", "contractml": "v"})
    writer.write({"file": "/x/b.sol", "sha256": "2", "status": "ok", "findings": [],
                  "model": "other", "contractml": "v"})
    writer.close()
    with open(out, "a") as handle:
        handle.write('{"file": "/x/c.sol", "sha')  # an interrupted write
    previous = read_previous(out, "m", "v")
    assert previous.done == {"/x/a.sol": "1"} and set(previous.by_sha) == {"1"}
    assert previous.lines == 2
    assert all(json.loads(line) for line in out.read_text().splitlines())


def test_without_ray_the_message_names_the_extra(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = write_sources(tmp_path / "c", {"a.sol": A})
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails
    code = main(["corpus", str(root), "-o", str(tmp_path / "out.jsonl"), "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2
    assert "pip install 'contractml[ray]'" in err and "Traceback" not in err
    assert (tmp_path / "out.jsonl").read_text() == ""


def test_corpus_help_does_not_import_ray_or_torch() -> None:
    import subprocess

    probe = ("import sys; from contractml.cli import main; main(['corpus', '--help']); "
             "print(sorted(m for m in sys.modules if m in ('ray', 'torch')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[2])
    assert done.stdout.strip().endswith("[]")
