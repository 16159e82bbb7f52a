"""Claims that do not say who may make them: a reward for the sender, earned with a proof
that anyone who copies the pending transaction can send first.

In a function anyone can call (`control.callable_by_anyone`, over the file's call graph)
that is neither view nor pure:

- a *proof* is a hash (`keccak256`, `sha256`, ...) of values made from the function's
  parameters (through assignments, conversions and `abi.encode*`) of which none is made
  from the sender, or the answer of an internal call whose callee returns such a hash of
  the parameter it is passed (`keyOf(handle)`);
- a *reward* is a statement that pays the sender (`transfer`, `send`, a low-level call with
  value to `msg.sender`, also converted, or an internal helper passed the sender where it
  pays its parameter) or stores the sender in state (`winner = msg.sender`).

The function is named when it holds a reward and (a) compares a proof (`==`, `!=`), (b)
picks by a proof the storage entry a reward pays out or records the sender in
(`prizes[keccak256(code)]`; a replay flag `used[digest]` is none), or (c) compares the address
`ecrecover` recovers from a digest made of no value of the sender with a stored address,
and pays the sender (a voucher the contract's signer issued; a request checked against an
address the caller passes is its own signer's, relayed; a signed ticket that only records
the sender in a bet it funds pays nothing out); and it checks no commitment of the claimant (a hash
with the sender in it, compared or picking an entry: `commitments[makeCommitment(label,
msg.sender, secret)]`), which binds the claim to whoever committed. The statements named
are the comparisons and picks, and the rewards: the taxonomy's front-running, whoever
copies the pending proof first is rewarded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from contractml.analysis.dataflow import (
    HASHES,
    PASSES,
    SENDERS,
    builtin_name,
    function_irs,
    propagate,
)
from contractml.records import FunctionRecord, IROp, NodeRecord

_PAYS = frozenset({"Transfer", "Send"})
_EQUALITY = frozenset({"==", "!="})


def unbound_claims(functions: Mapping[str, FunctionRecord],
                   entries: Callable[[], frozenset[str]]) -> dict[str, frozenset[int]]:
    """Function id -> the named statements (module doc) of the functions among
    `entries()` that are neither view nor pure. A file with no hash and no `ecrecover`
    has no proof: `entries` is not asked for."""
    if not any(ir.op == "SolidityCall" and (builtin_name(ir) in HASHES
                                            or builtin_name(ir).startswith("ecrecover"))
               for f in functions.values() for node in f.nodes for ir in node.irs):
        return {}
    payers = _payers(functions)
    rewarding = {fid for fid, f in functions.items()
                 if f.visibility in ("public", "external") and not f.view and not f.pure
                 and _may_prove(f) and _holds_reward(f, payers)}
    if not rewarding:
        return {}
    candidates = sorted(rewarding & entries())
    if not candidates:
        return {}
    hashers = _hashers(functions)
    out: dict[str, frozenset[int]] = {}
    for fid in candidates:
        named = _claims(functions[fid], hashers, payers)
        if named:
            out[fid] = named
    return out


def _may_prove(function: FunctionRecord) -> bool:
    return any(ir.op in ("SolidityCall", "InternalCall") for node in function.nodes
               for ir in node.irs)


def _carries(ir: IROp) -> bool:
    """Passes a value on into what it makes: assignments, conversions, `abi.encode*`."""
    return ir.op in PASSES or (ir.op == "SolidityCall"
                                and builtin_name(ir).startswith("abi.encode"))


def _hashes(ir: IROp) -> bool:
    return ir.op == "SolidityCall" and builtin_name(ir) in HASHES


def _selects(ir: IROp) -> bool:
    """Passes a value on, or reads an element or member of it."""
    return ir.op in PASSES or ir.op in ("Index", "Member")


def _reach(starts: set[str], irs: list[IROp],
           through: Callable[[IROp], bool] = _carries, hashes: bool = False) -> set[str]:
    """`starts` and the locals and temporaries the operations `through` accepts (and
    hashes, with `hashes`) make of them, to a fixed point (`propagate`). A state variable
    is not reached: storing a hash is not comparing it later."""
    return propagate(starts, irs, lambda ir: not str(ir.lvalue).startswith("state:") and (
        through(ir) or (hashes and _hashes(ir))))


def _parameters(function: FunctionRecord) -> set[str]:
    return set(function.parameters) - {"local:"}


def _hashes_of(irs: list[IROp], inputs: set[str], senders: set[str]) -> set[str]:
    """Results of a hash of values made from `inputs` and from no value in `senders`."""
    return {ir.lvalue for ir in irs if _hashes(ir) and ir.lvalue
            and inputs.intersection(ir.reads)
            and not senders.intersection(ir.reads)}


def _hashers(functions: Mapping[str, FunctionRecord]) -> dict[str, frozenset[int]]:
    """Function id -> the parameter positions whose hash (not mixed with the sender)
    it returns (`keyOf(handle)`)."""
    out: dict[str, frozenset[int]] = {}
    for fid, function in functions.items():
        irs = function_irs(function)
        if not any(map(_hashes, irs)):
            continue
        senders = _reach(set(SENDERS), irs)
        positions = set()
        for position, parameter in enumerate(function.parameters):
            if parameter == "local:":
                continue
            proofs = _reach(_hashes_of(irs, _reach({parameter}, irs), senders), irs)
            if any(ir.op == "Return" and proofs.intersection(ir.reads) for ir in irs):
                positions.add(position)
        if positions:
            out[fid] = frozenset(positions)
    return out


def _payers(functions: Mapping[str, FunctionRecord]) -> dict[str, frozenset[int]]:
    """Function id -> the parameter positions it sends ether to (`_pay(to, amount)`)."""
    out: dict[str, frozenset[int]] = {}
    for fid, function in functions.items():
        irs = function_irs(function)
        destinations = {str(ir.attrs.get("destination")) for ir in irs if _pays(ir)}
        if not destinations:
            continue
        positions = {position for position, parameter in enumerate(function.parameters)
                     if parameter != "local:"
                     and _reach({parameter}, irs).intersection(destinations)}
        if positions:
            out[fid] = frozenset(positions)
    return out


def _holds_reward(function: FunctionRecord, payers: Mapping[str, frozenset[int]]) -> bool:
    sender = _reach({"env:msg.sender"}, function_irs(function))
    return any(_rewards(ir, node, sender, payers) for node in function.nodes
               for ir in node.irs)


def _pays(ir: IROp) -> bool:
    return ir.op in _PAYS or (ir.op == "LowLevelCall" and bool(ir.attrs.get("value")))


def _claims(function: FunctionRecord, hashers: Mapping[str, frozenset[int]],
            payers: Mapping[str, frozenset[int]]) -> frozenset[int]:
    irs = function_irs(function)
    senders = _reach(set(SENDERS), irs, hashes=True)
    sender = _reach({"env:msg.sender"}, irs)
    rewarding = [(node, ir) for node in function.nodes for ir in node.irs
                 if _rewards(ir, node, sender, payers)]
    if not rewarding:
        return frozenset()
    rewards = {node.id for node, _ in rewarding}
    # what the rewards read or write: an entry picked by a proof counts when it is
    # the prize paid or the place the sender is recorded (not a replay flag)
    touched = {key for _, ir in rewarding for key in (*ir.reads, ir.lvalue) if key}
    inputs = _reach(_parameters(function), irs)
    made = _hashes_of(irs, inputs, senders)
    bound: set[str] = {ir.lvalue for ir in irs if _hashes(ir) and ir.lvalue
                       and senders.intersection(ir.reads)}
    for ir in irs:
        positions = hashers.get(str(ir.attrs.get("callee")), frozenset())
        if ir.op != "InternalCall" or not ir.lvalue or not positions:
            continue
        if senders.intersection(ir.reads):
            bound.add(ir.lvalue)
        elif any(position in positions and argument in inputs
                 for position, argument in enumerate(ir.reads)):
            made.add(ir.lvalue)
    # a commitment the claimant made (a hash with the sender in it) binds the claim
    bound = _reach(bound, irs)
    if any(_compares(ir, bound) or _picks(ir, bound) for ir in irs):
        return frozenset()
    proofs = _reach(made, irs)
    recovered = _reach({ir.lvalue for ir in irs if ir.op == "SolidityCall" and ir.lvalue
                        and builtin_name(ir).startswith("ecrecover") and ir.reads
                        and ir.reads[0] not in senders}, irs)
    stored = _reach({key for ir in irs for key in ir.reads if key.startswith("state:")},
                    irs, through=_selects)
    pays = any(_pays(ir) or ir.op == "InternalCall" for _, ir in rewarding)
    checks = {node.id for node in function.nodes for ir in node.irs
              if _compares(ir, proofs)
              or (_picks(ir, proofs) and _rewarded_entry(ir, irs, touched))
              or (pays and _compares(ir, recovered) and stored.intersection(ir.reads))}
    return frozenset(checks | rewards) if checks else frozenset()


def _compares(ir: IROp, values: set[str]) -> bool:
    return ir.op == "Binary" and ir.attrs.get("operator") in _EQUALITY \
        and bool(values.intersection(ir.reads))


def _picks(ir: IROp, proofs: set[str]) -> bool:
    """An entry of storage chosen by a proof (`prizes[codeHash]`)."""
    return ir.op == "Index" and len(ir.reads) == 2 and ir.reads[1] in proofs \
        and ir.reads[0].startswith(("state:", "tmp:REF"))


def _rewarded_entry(pick: IROp, irs: list[IROp], touched: set[str]) -> bool:
    """The entry `pick` selects, or a member of it (through local storage pointers), is
    what a reward pays out or records the sender in."""
    entry = _reach({str(pick.lvalue)}, irs,
                   through=_selects)
    return bool(entry & touched)


def _rewards(ir: IROp, node: NodeRecord, sender: set[str],
             payers: Mapping[str, frozenset[int]]) -> bool:
    if _pays(ir) and ir.attrs.get("destination") in sender:
        return True
    if ir.op == "Assignment" and node.state_written and sender.intersection(ir.reads) \
            and ir.lvalue is not None and ir.lvalue.startswith(("state:", "tmp:REF")):
        return True
    return ir.op == "InternalCall" and any(
        position in payers.get(str(ir.attrs.get("callee")), ()) and argument in sender
        for position, argument in enumerate(ir.reads))


__all__ = ["unbound_claims"]
