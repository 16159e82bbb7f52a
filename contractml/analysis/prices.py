"""Prices a racing transaction sets: the caller's amount converted at a rate that
another transaction can move before this one runs, with no bound from the caller.

Over one compilation's functions:

- A state variable is *movable* when a function that is not set-up only writes it with a
  value that is neither a constant nor a *capped setting* (a parameter the writing
  function compares with a constant greater than 1: `require(bps <= 100)`). An entry or
  member counts as its variable. Reserves and supplies that trades change, and prices an
  owner, feeder or maker resets, are movable; constants, immutables and capped fees are
  not.
- A *price* is a value read from a movable variable (the variable, an entry or member of
  it), passed on by assignments, conversions and arithmetic, or through an internal or
  library call passed one or whose callee returns one.
- A *caller amount* is a parameter of the function or `msg.value`, an element or member of
  a parameter, and what assignments, conversions, arithmetic and calls make of one. An
  entry of storage is none, even when the caller picks it.
- A *rate applied* is a `*` or `/` with a caller amount that is no price on one side and a
  price that is no caller amount on the other (`msg.value / weiPerUnit`), or an internal
  or library call that scales (it, or a function it calls, holds a `*` or `/`) passed a
  caller amount that is no price and either a price or nothing but a callee that returns
  one (`quote(msg.value, ethReserve, tokenReserve)`, `amount.mul(rate)`).
- It is *bounded* when a comparison of the function, or an internal call to a helper that
  compares, reads what the rate gives (passed on) and a caller amount that is not made
  from it (`require(tokensOut >= minTokens)`, `require(msg.value == price * n)`), or when
  a comparison reads the rate's price operand itself and a parameter
  (`require(price <= maxPrice)`).

`price_races` names the statements with an unbounded rate applied in functions anyone can
call that are neither view nor pure: the taxonomy's front-running, "price set by a racing
tx". Answers of other contracts (an oracle's price) are not followed: only this
contract's own storage moves a price here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from contractml.analysis.control import stored_into
from contractml.analysis.dataflow import (
    COMPARISONS,
    INTEGER,
    PASSES,
    FunctionFacts,
    function_irs,
    local_sources,
)
from contractml.records import FunctionRecord, IROp

#: Operators that apply a rate.
SCALING = frozenset({"*", "/"})
_SELECTS = frozenset({"Index", "Member"})
_CALLS = frozenset({"InternalCall", "LibraryCall"})
_AMOUNT = "env:msg.value"
#: Operations whose result is an answer the contract gets.
_ANSWERS = frozenset({"InternalCall", "LibraryCall", "HighLevelCall", "SolidityCall"})


def price_races(functions: Mapping[str, FunctionRecord],
                entries: Callable[[], frozenset[str]],
                setup_only: Callable[[], frozenset[str]],
                effect_free: Callable[[], frozenset[str]],
                facts_of: Callable[[FunctionRecord], FunctionFacts]
                ) -> dict[str, frozenset[int]]:
    """Function id -> nodes with an unbounded rate applied (module doc), for the
    functions among `entries()` (anyone can call them) that change something: neither
    view nor pure, nor among `effect_free()` (a quote declared without `view`). The
    file-wide facts are asked for only once some public function scales a caller
    amount at all (most files: never)."""
    scaling = _scaling(functions)
    scalers = [fid for fid, f in sorted(functions.items())
               if f.visibility in ("public", "external") and not f.view and not f.pure
               and _scales_amount(f, scaling)]
    if not scalers:
        return {}
    callable_by_anyone, free = entries(), effect_free()
    candidates = [fid for fid in scalers if fid in callable_by_anyone and fid not in free]
    if not candidates:
        return {}
    movable = _movable(functions, setup_only())
    if not movable:
        return {}
    dividing = _dividing(functions)
    returns_price = _returns_price(functions, movable)
    compares = frozenset(fid for fid, f in functions.items() if any(
        _is_comparison(ir) for node in f.nodes for ir in node.irs))
    out: dict[str, frozenset[int]] = {}
    for fid in candidates:
        named = _Races(functions, functions[fid], movable, scaling, dividing,
                       returns_price, compares, facts_of(functions[fid]).denoted_fields
                       ).named()
        if named:
            out[fid] = named
    return out


def _scales_amount(function: FunctionRecord, scaling: Mapping[str, frozenset[int]]) -> bool:
    """Some `*`, `/` or scaling call of the function takes a caller amount (`msg.value`
    or an integer parameter, passed on), whatever the other operand is."""
    irs = function_irs(function)
    amount = _spread({*_integers(set(function.parameters) - {"local:"}, irs), _AMOUNT}, irs)
    return any(_scales(ir, amount, scaling) for ir in irs)


def _is_comparison(ir: IROp) -> bool:
    return ir.op == "Binary" and ir.attrs.get("operator") in COMPARISONS


@dataclass(frozen=True)
class _Movable:
    #: state keys written outside set-up with a value that moves (module doc)
    variables: frozenset[str]
    #: (state key, field) pairs: a member written on its own (`l.weiPerUnit = p`)
    fields: frozenset[tuple[str, str]]

    def roots(self, function: FunctionRecord) -> set[str]:
        """The keys of `function` that read a movable value: a movable variable, and a
        member of a movable field of an entry (through storage pointers)."""
        out = set(self.variables)
        if not self.fields:
            return out
        pointers = local_sources(function)
        for node in function.nodes:
            for ir in node.irs:
                if ir.op == "Member" and ir.lvalue and ir.reads:
                    field = str(ir.attrs.get("member", ""))
                    if any((state, field) in self.fields
                           for state in stored_into(node, ir.reads[0], pointers)):
                        out.add(ir.lvalue)
        return out

    def __bool__(self) -> bool:
        return bool(self.variables or self.fields)


def _movable(functions: Mapping[str, FunctionRecord],
             setup_only: frozenset[str]) -> _Movable:
    """What is written, outside set-up, with a value that is neither a constant nor a
    capped setting. A member written on its own moves its field only; a whole struct
    stored as an entry (`rides[id] = Ride(...)`) creates the entry and moves nothing;
    any other write moves the variable."""
    variables: set[str] = set()
    fields: set[tuple[str, str]] = set()
    for fid, function in functions.items():
        if fid in setup_only or function.kind == "constructor":
            continue
        pointers = local_sources(function)
        capped = _capped_parameters(function)
        for node in function.nodes:
            if not node.state_written:
                continue
            members = {ir.lvalue: ir for ir in node.irs if ir.op == "Member" and ir.lvalue}
            for ir in node.irs:
                if not ir.lvalue or ir.op in _SELECTS:
                    continue
                written = stored_into(node, ir.lvalue, pointers) & set(node.state_written)
                if not written:
                    continue
                values = [k for i, k in enumerate(ir.reads)
                          if not k.startswith("const:") and not _constant(ir, i)]
                if ir.op in PASSES and (not values or set(values) <= capped):
                    continue
                member = members.get(ir.lvalue)
                if member is not None:
                    field = str(member.attrs.get("member", ""))
                    fields |= {(state, field) for state in written}
                elif ir.op == "Assignment" and ir.lvalue.startswith("tmp:") \
                        and _is_struct(ir.lvalue_type):
                    continue
                else:
                    variables |= written
    return _Movable(frozenset(variables), frozenset(fields))


def _is_struct(kind: str) -> bool:
    """A struct type as the records name it (`Contract.Struct`)."""
    return "." in kind and not kind.startswith("mapping(") and not kind.endswith("]")


def _capped_parameters(function: FunctionRecord) -> set[str]:
    """Parameters compared with a constant greater than 1 (`require(bps <= 100)`)."""
    parameters = set(function.parameters) - {"local:"}
    return {key for node in function.nodes for ir in node.irs if _is_comparison(ir)
            and any(value > 1 for _, value in ir.attrs.get("constants", ()))
            for key in ir.reads if key in parameters}


def _scaling(functions: Mapping[str, FunctionRecord]) -> dict[str, frozenset[int]]:
    """Function id -> the argument positions whose value the function's returned value
    scales: a `*` or `/` reads a value made from that parameter and its result reaches a
    `return`, in the function or through a callee that scales the value it is passed.
    Code the records cannot read (inline assembly: a `mulDiv` done in assembly) gives no
    evidence of a rate."""
    # only functions that hold a `*` or `/`, or call one that may, can scale
    may = {fid for fid, f in functions.items() if any(
        ir.op == "Binary" and ir.attrs.get("operator") in SCALING
        for node in f.nodes for ir in node.irs)}
    changed = True
    while changed:
        changed = False
        for fid, function in functions.items():
            if fid not in may and any(ir.op in _CALLS and ir.attrs.get("callee") in may
                                      for node in function.nodes for ir in node.irs):
                may.add(fid)
                changed = True
    # per function: its operations, what reaches a `return`, what each parameter makes
    facts: dict[str, tuple[list[IROp], set[str], list[tuple[int, set[str]]]]] = {}
    for fid in may:
        function = functions[fid]
        irs = function_irs(function)
        returned = _feeding({key for ir in irs if ir.op == "Return" for key in ir.reads},
                            irs, through_arithmetic=True)
        made = [(position, _spread({parameter}, irs))
                for position, parameter in enumerate(function.parameters)
                if parameter != "local:"]
        facts[fid] = ([ir for ir in irs if ir.lvalue in returned], returned, made)
    out: dict[str, frozenset[int]] = {}
    changed = True
    while changed:
        changed = False
        for fid, (returning, _, made) in facts.items():
            positions = {position for position, values in made
                         if any(_scales(ir, values, out) for ir in returning)}
            if positions and frozenset(positions) != out.get(fid):
                out[fid] = frozenset(positions)
                changed = True
    return out


def _scales(ir: IROp, made: set[str], scaling: Mapping[str, frozenset[int]]) -> bool:
    """`ir` multiplies or divides a value among `made`, itself or through a callee that
    scales the argument it passes there."""
    if ir.op == "Binary":
        return ir.attrs.get("operator") in SCALING and bool(made.intersection(ir.reads))
    if ir.op in _CALLS:
        scaled = scaling.get(str(ir.attrs.get("callee")), frozenset())
        return any(position in scaled and argument in made
                   for position, argument in enumerate(_arguments(ir)))
    return False


def _returns_price(functions: Mapping[str, FunctionRecord],
                   movable: _Movable) -> frozenset[str]:
    """Functions whose returned value is a price made in their own body or by a callee
    (their parameters counted as no price)."""
    out: set[str] = set()
    changed = True
    while changed:
        changed = False
        for fid, function in functions.items():
            if fid in out:
                continue
            irs = function_irs(function)
            price = _spread(movable.roots(function), irs, frozenset(out))
            if any(ir.op == "Return" and price & set(ir.reads) for ir in irs):
                out.add(fid)
                changed = True
    return frozenset(out)


def _dividing(functions: Mapping[str, FunctionRecord]) -> frozenset[str]:
    """Functions that return their first parameter divided by their second (a library's
    `div(a, b)`): the returned value comes from a `/` of a value made from the first by
    one made from the second."""
    out: set[str] = set()
    for fid, function in functions.items():
        parameters = [p for p in function.parameters if p != "local:"]
        if len(parameters) != 2:
            continue
        irs = function_irs(function)
        first, second = _spread({parameters[0]}, irs), _spread({parameters[1]}, irs)
        quotients = {ir.lvalue for ir in irs if ir.op == "Binary" and ir.lvalue
                     and ir.attrs.get("operator") == "/" and len(ir.reads) == 2
                     and ir.reads[0] in first and ir.reads[1] in second}
        returned = _spread(quotients, irs)
        if quotients and any(ir.op == "Return" and returned & set(ir.reads) for ir in irs):
            out.add(fid)
    return frozenset(out)


def _integers(keys: set[str], irs: list[IROp]) -> set[str]:
    """The keys among `keys` that the function reads as integers (an amount; a string
    or an address is none)."""
    return {key for ir in irs for key, kind in zip(ir.reads, ir.read_types, strict=False)
            if key in keys and INTEGER.match(kind)}


def _arguments(ir: IROp) -> tuple[str, ...]:
    """The operands of an operation; of a library call, its arguments (the library it
    names as its destination left out)."""
    if ir.op == "LibraryCall" and ir.reads and ir.reads[0] == ir.attrs.get("destination"):
        return ir.reads[1:]
    return ir.reads


def _spread(reached: set[str], irs: list[IROp],
            returning: frozenset[str] = frozenset()) -> set[str]:
    """`reached` and the locals and temporaries that assignments, conversions, arithmetic,
    elements and members of a reached base, and internal or library calls passed a
    reached value (or whose callee is in `returning`) make of it, to a fixed point. A
    state variable is never reached this way (`reserve += msg.value` does not make the
    reserve the caller's amount)."""
    changed = True
    while changed:
        changed = False
        for ir in irs:
            key = ir.lvalue
            if not key or key in reached or key.startswith("state:"):
                continue
            if ir.op in _SELECTS:
                taken = bool(reached.intersection(ir.reads[:1]))
            elif ir.op in _CALLS:
                taken = bool(reached.intersection(ir.reads)) \
                    or ir.attrs.get("callee") in returning
            elif ir.op == "Binary":
                taken = ir.attrs.get("operator") not in COMPARISONS \
                    and bool(reached.intersection(ir.reads))
            else:
                taken = ir.op in PASSES and bool(reached.intersection(ir.reads))
            if taken:
                reached.add(key)
                changed = True
    return reached


class _Races:
    """The rates applied in one function (module doc)."""

    def __init__(self, functions: Mapping[str, FunctionRecord], function: FunctionRecord,
                 movable: _Movable, scaling: Mapping[str, frozenset[int]],
                 dividing: frozenset[str],
                 returns_price: frozenset[str], compares: frozenset[str],
                 denoted: Mapping[str, object]) -> None:
        self.functions = functions
        self.function = function
        self.roots = movable.roots(function)
        self.movable = movable
        self.scaling = scaling
        self.dividing = dividing
        self.returns_price = returns_price
        self.compares = compares
        self.denoted = denoted
        self.irs = function_irs(function)
        self.price = _spread(set(self.roots), self.irs, returns_price)
        self.parameters = set(function.parameters) - {"local:"}
        self.amount = _spread({*_integers(self.parameters, self.irs), _AMOUNT}, self.irs)
        self.only_amount = self.amount - self.price
        self.only_price = self.price - self.amount

    def named(self) -> frozenset[int]:
        out: set[int] = set()
        for node in self.function.nodes:
            for ir in node.irs:
                operand = self._rate_operand(ir)
                if operand is None or not ir.lvalue:
                    continue
                if not self._bounded(ir.lvalue, operand) and not self._pro_rata(ir):
                    out.add(node.id)
        return frozenset(out)

    def _rate_operand(self, ir: IROp) -> str | None:
        """The price operand of a rate applied by `ir` ("" for a callee that returns the
        price itself), or None when `ir` applies none."""
        only_amount, only_price = self.only_amount, self.only_price
        if ir.op == "Binary" and ir.attrs.get("operator") in SCALING and len(ir.reads) == 2:
            left, right = ir.reads
            if left in only_amount and right in only_price:
                return right
            if right in only_amount and left in only_price:
                return left
            return None
        callee = ir.attrs.get("callee")
        scaled = self.scaling.get(str(callee), frozenset())
        if ir.op in _CALLS and any(position in scaled and argument in only_amount
                                   for position, argument in enumerate(_arguments(ir))):
            prices = [key for key in ir.reads if key in only_price]
            if prices:
                return prices[0]
            if callee in self.returns_price:
                return ""
        return None

    def _bounded(self, result: str, operand: str) -> bool:
        """A comparison (or a call of a helper that compares) reads what the rate gives
        and a caller amount not made from it; or a comparison reads the price operand,
        or what denotes the same (`best.price` for `price = best.price`), and a value
        made from a parameter."""
        irs = self.irs
        given = _spread({result}, irs)
        others = self.amount - given
        chosen = _spread(set(self.parameters), irs) - {operand}
        same = self._denotes(operand) if operand else None
        for ir in irs:
            reads = set(ir.reads)
            if _is_comparison(ir) or (ir.op == "InternalCall"
                                      and ir.attrs.get("callee") in self.compares):
                if reads & given and reads & others:
                    return True
            if operand and _is_comparison(ir) and reads & chosen and any(
                    key == operand or self._denotes(key) == same for key in reads):
                return True
        return False

    def _denotes(self, key: str) -> object:
        return self.denoted.get(key, key)

    def _pro_rata(self, ir: IROp) -> bool:
        """The rate is a share of a pool, not a price (`_shares`): around the rate
        applied (what it gives, a callee it calls, one whose answer it takes)."""
        given = _spread({ir.lvalue}, self.irs) if ir.lvalue else set()
        feeding = _feeding(set(ir.reads), self.irs)
        near = [op for op in self.irs if op is ir or given.intersection(_arguments(op)[:1])
                or (op.op in _CALLS and op.lvalue in feeding)]
        return self._shares(near, self.irs, self.roots, self.amount, 0)

    def _shares(self, ops: list[IROp], irs: list[IROp], roots: set[str],
                amount: set[str], depth: int) -> bool:
        """Among `ops` (of a function with operations `irs`): a division of a value made
        from what moves without the caller (`_foreign`) by a divisor neither constant nor
        made from the caller's amount (`assets * totalShares / totalAssets`,
        `address(this).balance / totalShares`, also `a.div(b)`); a call passed the
        caller's amount and two such values (`mulDiv(assets, supply, totalAssets())`)
        into a callee that divides by no sum of the caller's amount (a constant-product
        curve, `in * reserveOut / (reserveIn + in)`, moves its own rate: a price); or
        the same in a callee, a few calls deep."""
        foreign = _foreign(irs, roots, amount)
        for op in ops:
            if _divides_shares(op, amount, foreign, self.dividing):
                return True
            callee = op.attrs.get("callee")
            if op.op not in _CALLS or callee not in self.functions:
                continue
            target = self.functions[str(callee)]
            arguments = _arguments(op)
            positions = {parameter for argument, parameter in zip(
                arguments, target.parameters, strict=False)
                if argument in amount and parameter != "local:"}
            inner = function_irs(target)
            inner_amount = _spread(positions, inner)
            totals = [a for a in arguments if a in foreign and a not in amount]
            if positions and len(totals) >= 2 and not _divides_by_sum(inner, inner_amount):
                return True
            if depth < 4 and self._shares(inner, inner, self.movable.roots(target),
                                          inner_amount, depth + 1):
                return True
        return False


def _divides_by_sum(irs: list[IROp], amount: set[str]) -> bool:
    """A `/` whose divisor adds the caller's amount to something else (`reserveIn +
    in`): the conversion moves its own rate."""
    sums = {ir.lvalue for ir in irs if ir.op == "Binary" and ir.lvalue
            and ir.attrs.get("operator") == "+" and len(ir.reads) == 2
            and sum(key in amount for key in ir.reads) == 1}
    sums = _spread(sums, [ir for ir in irs if ir.op in PASSES])
    return any(ir.op == "Binary" and ir.attrs.get("operator") == "/" and len(ir.reads) == 2
               and ir.reads[1] in sums for ir in irs)


def _feeding(keys: set[str], irs: list[IROp], through_arithmetic: bool = False) -> set[str]:
    """`keys` and what they were passed on from by assignments and conversions (and by
    arithmetic, with `through_arithmetic`)."""
    reached = set(keys)
    changed = True
    while changed:
        changed = False
        for ir in irs:
            passes = ir.op in PASSES or (through_arithmetic and ir.op == "Binary"
                                          and ir.attrs.get("operator") not in COMPARISONS)
            if passes and ir.lvalue in reached:
                new = set(ir.reads) - reached
                if new:
                    reached |= new
                    changed = True
    return reached


def _foreign(irs: list[IROp], movable: set[str], amount: set[str]) -> set[str]:
    """Values made from what moves without the caller: a movable variable, an
    environment value other than `msg.value` (a balance), or the answer of a call passed
    no caller amount (`token.balanceOf(address(this))`)."""
    roots = {key for ir in irs for key in ir.reads
             if key in movable or (key.startswith("env:") and key != _AMOUNT)}
    roots |= {ir.lvalue for ir in irs if ir.lvalue and ir.op in _ANSWERS
              and not amount.intersection(ir.reads)}
    return _spread(roots, irs)


def _divides_shares(ir: IROp, amount: set[str], foreign: set[str],
                    dividing: frozenset[str]) -> bool:
    """A division (a `/`, or a call of a function in `dividing`: `a.div(b)`) of a value
    made from what moves without the caller by a divisor that is not constant and not
    made from the caller's amount."""
    operands = _arguments(ir)
    if not (len(operands) >= 2 and (
            (ir.op == "Binary" and ir.attrs.get("operator") == "/")
            or (ir.op in _CALLS and ir.attrs.get("callee") in dividing))):
        return False
    dividend, divisor = operands[:2]
    at = len(ir.reads) - len(operands) + 1  # the divisor's place among the reads
    return dividend in foreign and not divisor.startswith("const:") \
        and divisor not in amount and not _constant(ir, at)


def _constant(ir: IROp, position: int) -> bool:
    """The operand at `position` is a literal or a folded constant."""
    return any(index == position for index, _ in ir.attrs.get("constants", ()))


__all__ = ["SCALING", "price_races"]
