"""bad-randomness: a number drawn from chain data."""

from __future__ import annotations

from contractml.analysis.context import FileFacts
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord

_MEASURED = ("training split, both bad-randomness definitions together: 60 of 60 "
             "statements labelled (Laplace 60/61), all from the generator; validation "
             "20 of 20")


def _reduced(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return any(ir.op == "Binary" for ir in node.irs) \
        and node.id in facts.of(function).drawn_reductions


def _converted(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return any(ir.op == "TypeConversion" for ir in node.irs) \
        and node.id in facts.of(function).drawn_numbers


CHAIN_DATA_REDUCED = Definition(
    id="bad-randomness.chain-data-reduced", category="bad-randomness", kind="include",
    summary="A `%` of a hash of chain data, or of `blockhash`, difficulty, prevrandao or "
            "coinbase read straight (`uint(keccak256(abi.encodePacked(now))) % n`).",
    explanation="reduces a number made from chain data (a hash of block values, or "
                "blockhash/difficulty/coinbase) to a range, which anyone can compute and "
                "a block producer can choose",
    precision=0.9836, measured_on=_MEASURED, matches=_reduced)

CHAIN_DATA_NUMBER = Definition(
    id="bad-randomness.chain-data-number", category="bad-randomness", kind="include",
    summary="A hash of chain data, or `blockhash`, difficulty, prevrandao or coinbase "
            "read straight, converted to an integer type.",
    explanation="makes a number from chain data (a hash of block values, or "
                "blockhash/difficulty/coinbase), which anyone can compute and a block "
                "producer can choose",
    precision=0.9836, measured_on=_MEASURED, matches=_converted)


def _turn_taking(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return facts.of(function).picks_turns


TURN_TAKING = Definition(
    id="bad-randomness.turn-taking", category="bad-randomness", kind="exclude",
    summary="A function that reduces the block number or timestamp by `%` only to pick "
            "whose turn it is (the element it selects is compared with the sender: "
            "`require(keepers[block.number % keepers.length] == msg.sender)`) and draws "
            "no number from chain data (no hash of it, no blockhash, difficulty, "
            "prevrandao or coinbase) rotates work on a schedule: nothing is drawn.",
    explanation="only picks whose turn it is from the block number or timestamp",
    precision=None, measured_on="the taxonomy's definition (a number drawn from chain "
                                "data)",
    matches=_turn_taking)
