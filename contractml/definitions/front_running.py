"""front-running: a revealed secret that pays whoever sends it first."""

from __future__ import annotations

from contractml.analysis.context import FileFacts
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord

_OPS = frozenset({"Binary", "Assignment", "Transfer", "Send", "LowLevelCall"})


def _revealed_secret(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return any(ir.op in _OPS for ir in node.irs) \
        and node.id in facts.of(function).revealed_secret_claims


REVEALED_SECRET_CLAIM = Definition(
    id="front-running.revealed-secret-claim", category="front-running", kind="include",
    summary="The comparison of a hash of the caller's input (not of the sender) with a "
            "stored value (`keccak256(answer) == answerHash`), and the statements after "
            "it that pay or record the sender, in a function anyone can call; a check "
            "with nothing for the sender (a commitment verified in a keeper or oracle "
            "callback) is none.",
    explanation="checks a secret the caller reveals (a preimage of a hash) and pays or "
                "records the caller: whoever copies the pending transaction first wins",
    precision=0.9316,
    measured_on="training split: 1,212 of 1,300 statements labelled (Laplace "
                "1,212/1,301); validation 264 of 300",
    matches=_revealed_secret)
