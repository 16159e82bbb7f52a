"""The `fact:` node features (schema 3): the analysis layer's taxonomy facts, on real
compiled contracts. An unguarded subtraction is named where nothing bounds it, and each
`fact:` column holds exactly where the definitions' fact holds."""

from __future__ import annotations

import pytest

from contractml.analysis.context import FileFacts, node_index
from contractml.graph import schema
from contractml.graph.builder import function_graphs
from contractml.records import FileRecord
from tests.conftest import compiled_records

# Subtractions; the comment says whether `unguarded_subtractions` names the statement.
SUBTRACTIONS04 = """\
pragma solidity ^0.4.24;
contract Credits {
    mapping(address => uint) public credits;
    mapping(address => uint) public bonus;
    uint public total;
    uint public members;
    uint public startedAt;
    struct Lot { uint amount; uint reserved; }
    mapping(uint => Lot) lots;
    function spend(address from, uint amount) public {
        credits[from] -= amount;  // yes: nothing compares the two
    }
    function spendChecked(uint amount) public {
        require(credits[msg.sender] >= amount);
        credits[msg.sender] -= amount;  // no: compared first
        total -= amount;  // no: the same amount, taken bounded above
    }
    function spendCopied(uint amount) public {
        uint held = credits[msg.sender];
        require(amount <= held);
        credits[msg.sender] = held - amount;  // no: compared through the copy
    }
    function otherCheck(uint amount) public {
        require(bonus[msg.sender] >= amount);
        credits[msg.sender] -= amount;  // yes: the check is on another entry
    }
    function resultCheck(uint amount) public {
        require(credits[msg.sender] - amount >= 0);  // yes: a check of the result
        credits[msg.sender] -= amount;  // yes
    }
    function fee() public payable returns (uint) {
        uint cut = msg.value / 10;
        return msg.value - cut;  // no: a part of the minuend
    }
    function elapsed() public view returns (uint) {
        return now - startedAt;  // no: time only grows
    }
    function leave(uint id) public {
        total -= lots[id].amount;  // no: a total less a stored entry
        members -= 1;  // no: a counter less a constant
    }
    function lotLeft(uint id, uint amount) public {
        lots[id].reserved = lots[id].amount - amount;  // yes
    }
}
"""
SUBTRACTIONS08 = """\
pragma solidity ^0.8.0;
contract NewCredits {
    mapping(address => uint256) private credits;
    function spend(uint256 amount) external {
        credits[msg.sender] -= amount;  // no: checked arithmetic reverts
    }
    function spendUnchecked(uint256 amount) external {
        unchecked {
            credits[msg.sender] -= amount;  // yes: inside unchecked
        }
    }
}
"""


SOURCES = {"Credits04.sol": SUBTRACTIONS04, "Credits08.sol": SUBTRACTIONS08}


@pytest.fixture(scope="module")
def subtractions(tmp_path_factory: pytest.TempPathFactory) -> list[FileRecord]:
    return compiled_records(tmp_path_factory.mktemp("subtractions"), SOURCES)


def _commented(answer: str) -> set[tuple[str, int]]:
    """(file, line) of every statement whose comment gives `answer`."""
    return {(name, number) for name, source in SOURCES.items()
            for number, line in enumerate(source.splitlines(), 1) if f"// {answer}" in line}


def test_subtractions_nothing_bounds(subtractions: list[FileRecord]) -> None:
    nodes = node_index(subtractions)
    facts = FileFacts(nodes)
    named = {(function.span.file.rsplit("/", 1)[-1], node.span.start_line)
             for function, node in nodes.values()
             if node.id in facts.of(function).unguarded_subtractions}
    assert named == _commented("yes")
    refused = _commented("no")
    assert refused and not named & refused


def test_fact_columns_hold_where_the_facts_do(subtractions: list[FileRecord]) -> None:
    """Each graph's `fact:unguarded_subtraction` and `fn:open_to_anyone` columns are on
    exactly at the nodes (and functions) the analysis names."""
    names = schema.feature_names(False)
    sub = names.index("fact:unguarded_subtraction")
    anyone = names.index("fn:open_to_anyone")
    facts = FileFacts(node_index(subtractions))
    functions = {f.id: f for r in subtractions for c in r.contracts for f in c.functions}
    checked = on = 0
    for graph in function_graphs(subtractions):
        function = functions[graph.functions[0]]
        seed = graph.seed.numpy()
        rows = graph.x.numpy()[seed]
        expected = facts.of(function).unguarded_subtractions
        for row, node in zip(rows, function.nodes, strict=True):
            assert bool(row[sub]) == (node.id in expected)
            on += int(row[sub])
            assert bool(row[anyone]) == facts.of(function).open_to_anyone
            checked += 1
    assert checked > 20
    assert on == len(_commented("yes"))
