"""Mutation operators on real compiled contracts: each mutant compiles, differs from its
original only where the operator edits, and labels the statements it made risky."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.pipeline import build
from contractml.records import FileRecord
from datasets import mutants
from datasets.build import compile_corpus, graphs_for
from datasets.labels import CATEGORIES, LabelledFile
from datasets.mutants import Mutant, mutate
from tests.conftest import write_sources

OLD = """pragma solidity ^0.4.24;

library SafeMath {
    function add(uint256 x, uint256 y) internal pure returns (uint256 z) {
        require((z = x + y) >= x);
    }
    function sub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        require((z = x - y) <= x);
    }
}

contract Ledger {
    using SafeMath for uint256;
    address public owner;
    address public treasury;
    mapping(address => uint256) public credit;

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    modifier funded(uint256 amount) {
        require(credit[msg.sender] >= amount);
        _;
    }

    constructor() public { owner = msg.sender; }

    function setTreasury(address next) public onlyOwner {
        treasury = next;
    }

    function grant(address to, uint256 amount) public {
        require(msg.sender == owner);
        credit[to] = credit[to].add(amount);
    }

    function spend(uint256 amount) public funded(amount) {
        credit[msg.sender] = credit[msg.sender].sub(amount);
    }
}
"""

NEW = """pragma solidity ^0.8.0;

contract Pool {
    mapping(address => uint256) public shares;

    function move(address to, uint256 amount) external {
        require(shares[msg.sender] >= amount, "funds");
        shares[msg.sender] -= amount;
        shares[to] += amount;
    }
}
"""


def _compile(folder: Path, cache: Path) -> dict[str, FileRecord]:
    result = build(discover([folder]), CompileOptions(cache_dir=cache))
    records = {}
    for report in result.files:
        assert report.record is not None, report.error
        records[report.outcome.path.name] = report.record
    return records


def _by_operator(mutants: list[Mutant]) -> dict[str, list[Mutant]]:
    out: dict[str, list[Mutant]] = {}
    for m in mutants:
        out.setdefault(m.operator, []).append(m)
    return out


def test_operators_on_compiled_contracts(tmp_path: Path) -> None:
    src = write_sources(tmp_path / "src", {"Ledger.sol": OLD, "Pool.sol": NEW})
    records = _compile(src, tmp_path / "cache")
    old = _by_operator(list(mutate(records["Ledger.sol"], OLD, 4)))
    new = _by_operator(list(mutate(records["Pool.sol"], NEW, 8)))
    lines = OLD.split("\n")

    # the owner modifier comes off the header; the balance-bound modifier is no owner check
    (modifier,) = old["access-modifier"]
    assert modifier.category == "access-control"
    assert modifier.function == "Ledger.setTreasury(address)"
    row = lines.index("    function setTreasury(address next) public onlyOwner {")
    assert "onlyOwner" not in modifier.lines[row]
    assert modifier.labelled == {row + 2}  # treasury = next;

    # the one-line owner require becomes blank; the state write it guarded is labelled
    (require,) = old["access-require"]
    assert require.function == "Ledger.grant(address,uint256)"
    check = lines.index("        require(msg.sender == owner);", row)
    assert require.lines[check] == "" and require.labelled == {check + 2}

    # a library call becomes the bare operator, on its own line only
    arithmetic = {m.function: m for m in old["arith-library"]}
    spend = arithmetic["Ledger.spend(uint256)"]
    (changed,) = [i for i, (a, b) in enumerate(zip(lines, spend.lines, strict=True)) if a != b]
    assert spend.lines[changed].strip() == \
        "credit[msg.sender] = (credit[msg.sender] - (amount));"
    assert spend.labelled == {changed + 1} and spend.category == "arithmetic"
    assert "access-modifier" not in {m.operator for m in old["arith-library"]}

    # from 0.8 an assignment is wrapped in unchecked; the require line is left alone
    wrapped = new["arith-unchecked"]
    assert [m.lines[min(m.labelled) - 1].strip() for m in wrapped] == [
        "unchecked { shares[msg.sender] -= amount; }", "unchecked { shares[to] += amount; }"]

    # every mutant keeps the line count and compiles
    for k, mutant in enumerate([m for ms in (*old.values(), *new.values()) for m in ms]):
        original = OLD if mutant.function.startswith("Ledger") else NEW
        assert len(mutant.lines) == len(original.split("\n"))
        write_sources(tmp_path / f"m{k}", {"M.sol": "\n".join(mutant.lines)})
        (record,) = _compile(tmp_path / f"m{k}", tmp_path / "cache").values()
        ids = {f.id for c in record.contracts for f in c.functions}
        assert mutant.function in ids


def test_written_mutants_keep_only_the_mutated_function(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    monkeypatch.setattr(mutants, "MIN_PER_CATEGORY", 2)
    path = write_sources(tmp_path / "pkg", {"Ledger.sol": OLD}) / "Ledger.sol"
    original = LabelledFile(id="mutants/pkg/Ledger.sol", corpus="mutants", path=path,
                            labels={}, groups=("package:pkg",), meta={"package": "pkg"})
    options = CompileOptions(cache_dir=tmp_path / "cache")
    compiled = compile_corpus([original], options, detectors=False)
    twins, made = mutants.write_mutants([original], compiled,
                                        frozenset({"access-control"}))
    # two access-control mutants (modifier, require); arithmetic ones are not asked for
    assert [m.meta["operator"] for m in made] == ["access-modifier", "access-require"]
    assert [t.id for t in twins] == ["mutants/pkg/Ledger.sol"] and "keep" not in twins[0].meta
    compiled.update(compile_corpus(made, options, detectors=False))
    for mutant in made:
        assert mutant.path.is_file() and mutant.groups == ("package:pkg",)
        record = compiled[mutant.id]
        assert isinstance(record, FileRecord)
        (graph,) = graphs_for(mutant, record, detectors=False)
        assert graph.functions[0] == mutant.meta["keep"]
        column = CATEGORIES.index("access-control")
        labelled = {int(graph.src_lines[i, 0]) for i in range(graph.num_nodes)
                    if graph.y[i, column] > 0}
        assert labelled == set(mutant.labels["access-control"])
    # only the twins' functions of the original, when asked
    (twin,) = mutants.write_mutants([original], compiled, frozenset({"access-control"}),
                                    every_original=False)[0]
    assert twin.meta["keep"].split("\n") == sorted(m.meta["keep"] for m in made)
    # by default the original comes back whole: every implemented function is a negative
    record = compiled[original.id]
    assert isinstance(record, FileRecord)
    graphs = graphs_for(original, record, detectors=False)
    assert len(graphs) > 2 and all(float(g.y.sum()) == 0 for g in graphs)
    # with only a category's count under the minimum, nothing is written
    monkeypatch.setattr(mutants, "MIN_PER_CATEGORY", 3)
    assert mutants.write_mutants([original], compiled, frozenset({"access-control"})) \
        == ([original], [])


def test_openzeppelin_derived_and_vendored_files_are_no_source() -> None:
    own = 'pragma solidity ^0.5.0;\nimport "../dependencies/openzeppelin/Ownable.sol";\n'
    assert mutants.usable_source("contracts/Pool.sol", own)
    adapted = "pragma solidity ^0.5.0;\n// Source: https://github.com/OpenZeppelin/x\n"
    assert not mutants.usable_source("contracts/Ownable.sol", adapted)
    assert not mutants.usable_source("v0.4/vendor/Token.sol", "pragma solidity ^0.4.24;\n")
    assert not mutants.usable_source("contracts/mocks/Pool.sol", own)


@pytest.mark.parametrize(("rel", "usable"), [
    ("contracts/test/Helper.sol", False), ("contracts/ERC20Mock.sol", False),
    ("contracts/interfaces/IPool.sol", False), ("examples/Demo.sol", False),
    ("contracts/testing/Harness.sol", False), ("lib/openzeppelin/Ownable.sol", False),
    ("contracts/OpenZeppelinOwnable.sol", False),
    # words that merely contain a skipped one are real code
    ("contracts/Contest.sol", True), ("contracts/InterestRateStrategy.sol", True),
    ("contracts/protocol/lendingpool/DefaultReserveInterestRateStrategy.sol", True),
])
def test_skipped_paths_match_whole_words(rel: str, usable: bool) -> None:
    assert mutants.usable_source(rel, "pragma solidity ^0.6.0;\n") is usable
