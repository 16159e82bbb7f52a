"""front-running: a revealed secret that pays whoever sends it first, and a price a
racing transaction sets."""

from __future__ import annotations

from contractml.analysis.context import FileFacts
from contractml.analysis.prices import SCALING
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


def _unbounded_price(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    # the file-wide analysis runs only for a statement that could apply a rate
    return any((ir.op == "Binary" and ir.attrs.get("operator") in SCALING)
               or ir.op in ("InternalCall", "LibraryCall") for ir in node.irs) \
        and node.id in facts.price_races(function)


UNBOUNDED_PRICE = Definition(
    id="front-running.unbounded-price", category="front-running", kind="include",
    summary="The caller's amount (`msg.value`, an integer parameter) multiplied or "
            "divided by a price another transaction can move (a variable, or a struct "
            "field, written outside set-up with a value that is neither a constant nor a "
            "capped setting: a price an owner or maker resets, reserves or a supply that "
            "trades change), also through a helper whose code scales it, in a function "
            "anyone can call that changes something, with no bound from the caller "
            "(`require(out >= minOut)`, `require(price <= maxPrice)`, `require(msg.value "
            "== price * n)`); a share of a pool (`assets * totalShares / totalAssets`) is "
            "no price.",
    explanation="converts the caller's amount at a price another transaction can move "
                "first, and the caller sets no bound on what it gets or pays",
    precision=0.8462,
    measured_on="deployed code: 44 of the 51 statements it names in 100 contracts of the "
                "wild sample that hold msg.value (seed 64), read as a price another party "
                "moves with no bound (Laplace 44/52); training split: the generator's 30 of "
                "30 labelled, and SolidiFI's 49 the owner-set prices of its host contracts, "
                "which it does not label; development set 8 of 10 labelled",
    matches=_unbounded_price)


def _unbound_claim(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    # the file-wide analysis runs only for a statement that could compare, pick or pay
    return any(ir.op in _CLAIM_OPS for ir in node.irs) \
        and node.id in facts.unbound_claims(function)


_CLAIM_OPS = frozenset({"Binary", "Index", "Assignment", "Transfer", "Send", "LowLevelCall",
                        "InternalCall"})

UNBOUND_CLAIM = Definition(
    id="front-running.unbound-claim", category="front-running", kind="include",
    summary="In a function anyone can call, a proof that does not name the claimant "
            "(a hash of the caller's input with nothing of the sender, also through a "
            "helper such as `keyOf(handle)`) that is compared, or that picks the entry "
            "paid out or recording the sender (`prizes[keccak256(code)]`), or an address "
            "`ecrecover` recovers from a digest with nothing of the sender compared with "
            "a stored signer where the sender is paid (a voucher anyone may submit), and "
            "the statements that then pay or record the sender; a commitment with the "
            "sender in it binds the claim.",
    explanation="rewards the sender for a proof that does not name who may use it: "
                "whoever copies the pending transaction first is rewarded",
    precision=0.9091,
    measured_on="deployed code: 10 of the 10 statements it names in 300 contracts of the "
                "wild sample that hold keccak256 or ecrecover (seed 66) read as a "
                "first-come claim (Laplace 10/11); training split: 1,212 of 1,272 "
                "statements labelled (Laplace 1,212/1,273); validation 264 of 300",
    matches=_unbound_claim)
