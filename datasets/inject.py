"""Defects injected into real functions of real host contracts, each with a safe twin.

An operator reads one host function (`datasets.hostscan`) and the names its contract
already declares (an address, a uint, a balance mapping, an allowance mapping, an address
array; the function's own address and uint parameters) and writes a few statements into
the function body, plus, for the operators that cross a function boundary, an internal
helper placed right after the function. The statements go between two top-level
statements of the body (`insertion_points`), one place chosen per function and operator
by a hash, so that the defect sits anywhere in a function, not always at its start (a
network trained on edits at the start learns the position: an unchecked `send` scored
0.97 at the start of a function and 0.02 at its end). The vulnerable and the safe variant
have the same number of lines and differ only in the lines the fix changes; every host
line keeps its text and order. New local, parameter and helper names are made from the
host's own identifiers (`_<name>`, `<name>_`, ...), so no injected name says what was
injected. Labels are the lines of the vulnerable variant that carry the defect.

The spelling follows the host's compiler line (`Syntax`): `now` or `block.timestamp`,
`.call.value(v)()` or `.call{value: v}("")`, `payable(x)`, `unchecked { }` from 0.8 (where
checked arithmetic is the safe twin), `keccak256(a, b)` or `abi.encodePacked`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from contractml.compile.versions import Version
from datasets.hostscan import Contract, Function, SourceModel, StateVar


@dataclass(frozen=True)
class Syntax:
    """How one compiler line spells the constructs the operators use."""

    version: Version

    @property
    def minor(self) -> int:
        return self.version.minor

    def at_least(self, minor: int, patch: int = 0) -> bool:
        return (self.version.minor, self.version.patch) >= (minor, patch)

    @property
    def now(self) -> str:
        return "now" if self.minor < 7 else "block.timestamp"

    def pay(self, expr: str) -> str:
        if self.minor < 5:
            return expr
        if self.minor == 5:
            return f"address(uint160({expr}))"
        return f"payable({expr})"

    @property
    def sender(self) -> str:
        """msg.sender where an address payable is needed."""
        return "payable(msg.sender)" if self.minor >= 8 else "msg.sender"

    @property
    def payable_type(self) -> str:
        return "address" if self.minor < 5 else "address payable"

    @property
    def view(self) -> str:
        return "view" if self.at_least(4, 17) else "constant"

    @property
    def pure(self) -> str:
        return "pure" if self.at_least(4, 17) else "constant"

    def call_value(self, target: str, value: str, ok: str) -> str:
        if self.minor < 5:
            return f"bool {ok} = {target}.call.value({value})();"
        if self.minor == 5 or not self.at_least(6, 2):
            return f"(bool {ok}, ) = {target}.call.value({value})(\"\");"
        return f"(bool {ok}, ) = {target}.call{{value: {value}}}(\"\");"

    def call_data(self, target: str, data: str, ok: str, kind: str = "call") -> str:
        if self.minor < 5:
            return f"bool {ok} = {target}.{kind}({data});"
        return f"(bool {ok}, ) = {target}.{kind}({data});"

    def selector(self, signature: str) -> str:
        if self.at_least(4, 22):
            return f"abi.encodeWithSignature(\"{signature}\")"
        return f"bytes4(keccak256(\"{signature}\"))"

    def hash(self, *parts: str) -> str:
        if self.at_least(4, 22):
            return f"keccak256(abi.encodePacked({', '.join(parts)}))"
        return f"keccak256({', '.join(parts)})"

    @property
    def blockhash(self) -> str:
        return ("blockhash" if self.at_least(4, 22) else "block.blockhash") \
            + "(block.number - 1)"

    @property
    def difficulty(self) -> str:
        return "block.prevrandao" if self.at_least(8, 18) else "block.difficulty"


@dataclass(frozen=True)
class Site:
    """One host function and the host names an operator may use."""

    model: SourceModel
    contract: Contract
    function: Function
    address: str | None  # an address state variable
    uint: str | None  # a uint state variable (not constant)
    balances: str | None  # mapping(address => uint)
    allowances: str | None  # mapping(address => mapping(address => uint))
    array: str | None  # address[]
    p_address: str | None  # an address parameter of the function
    p_uint: str | None
    p_uint2: str | None


@dataclass(frozen=True)
class Edit:
    """What an operator inserts: body lines (at an insertion point) and helper lines
    (a member after the function), vulnerable and safe, and the labelled indices."""

    body_vuln: tuple[str, ...]
    body_safe: tuple[str, ...]
    body_labels: tuple[int, ...]
    helper_vuln: tuple[str, ...] = ()
    helper_safe: tuple[str, ...] = ()
    helper_labels: tuple[int, ...] = ()


@dataclass(frozen=True)
class Operator:
    name: str
    category: str
    crosses: str  # "" or how it crosses a function boundary
    needs: tuple[str, ...]  # Site attributes that must be set
    make: Callable[[Site, Syntax, Names], Edit]
    public_only: bool = True


@dataclass
class Names:
    """Fresh names made from host identifiers, never clashing with the file's names."""

    taken: frozenset[str]
    used: set[str] = field(default_factory=set)

    def fresh(self, base: str) -> str:
        base = base.strip("_") or "value"
        for candidate in (f"_{base}", f"{base}_", f"_{base}_", f"__{base}", f"{base}__",
                          *(f"_{base}{i}" for i in range(2, 50))):
            if candidate not in self.taken and candidate not in self.used:
                self.used.add(candidate)
                return candidate
        raise ValueError(f"no fresh name from {base}")


def _value(site: Site) -> str:
    if site.p_uint:
        return site.p_uint
    if site.balances:
        return f"{site.balances}[msg.sender]"
    return site.uint or "0"


# ---------------------------------------------------------------- reentrancy

def _re_zero(site: Site, s: Syntax, n: Names) -> Edit:
    b = site.balances
    x, ok = n.fresh(b or "amount"), n.fresh(site.function.name)
    read = f"uint256 {x} = {b}[msg.sender];"
    call, check, write = s.call_value(s.sender, x, ok), f"require({ok});", f"{b}[msg.sender] = 0;"
    return Edit((read, call, check, write), (read, write, call, check), (1, 3))


def _re_sub(site: Site, s: Syntax, n: Names) -> Edit:
    b, p = site.balances, site.p_uint
    ok = n.fresh(site.function.name)
    guard = f"require({b}[msg.sender] >= {p});"
    call, check = s.call_value(s.sender, str(p), ok), f"require({ok});"
    write = f"{b}[msg.sender] -= {p};"
    return Edit((guard, call, check, write), (guard, write, call, check), (1, 3))


def _re_delete(site: Site, s: Syntax, n: Names) -> Edit:
    b, a = site.balances, site.p_address
    x, ok = n.fresh(b or "amount"), n.fresh(site.function.name)
    read = f"uint256 {x} = {b}[{a}];"
    call, check = s.call_value(s.pay(str(a)), x, ok), f"require({ok});"
    write = f"delete {b}[{a}];"
    return Edit((read, call, check, write), (read, write, call, check), (1, 3))


def _re_helper(site: Site, s: Syntax, n: Names) -> Edit:
    b = site.balances
    helper = n.fresh(site.function.name + site.contract.name)
    to, amount, ok = n.fresh(site.address or "account"), n.fresh(site.uint or "amount"), \
        n.fresh(site.function.name)
    x = n.fresh(b or "amount")
    lines = (f"function {helper}({s.payable_type} {to}, uint256 {amount}) internal {{",
             f"    {s.call_value(to, amount, ok)}", f"    require({ok});", "}")
    read, call, write = (f"uint256 {x} = {b}[msg.sender];", f"{helper}({s.sender}, {x});",
                         f"{b}[msg.sender] = 0;")
    return Edit((read, call, write), (read, write, call), (1, 2), lines, lines, ())


# ---------------------------------------------------------------- unchecked-call

def _uc_send(site: Site, s: Syntax, n: Names) -> Edit:
    send = f"{s.pay(str(site.address))}.send({_value(site)})"
    return Edit((f"{send};",), (f"require({send});",), (0,))


def _uc_call(site: Site, s: Syntax, n: Names) -> Edit:
    ok = n.fresh(site.function.name)
    call = s.call_value(s.pay(str(site.address)), _value(site), ok)
    return Edit((call, ""), (call, f"require({ok});"), (0,))


def _uc_call_data(site: Site, s: Syntax, n: Names) -> Edit:
    ok = n.fresh(site.function.name)
    data = s.selector(f"{site.function.name}()")
    return Edit((f"{site.address}.call({data});", ""),
                (s.call_data(str(site.address), data, ok), f"require({ok});"), (0,))


def _uc_helper(site: Site, s: Syntax, n: Names) -> Edit:
    helper = n.fresh(site.function.name + site.contract.name)
    to, amount = n.fresh(site.address or "account"), n.fresh(site.uint or "amount")
    lines = (f"function {helper}({s.payable_type} {to}, uint256 {amount}) internal "
             "returns (bool) {", f"    return {to}.send({amount});", "}")
    call = f"{helper}({s.pay(str(site.address))}, {_value(site)})"
    return Edit((f"{call};",), (f"require({call});",), (0,), lines, lines, ())


# ---------------------------------------------------------------- access-control

def _owner(site: Site) -> str:
    return f"require(msg.sender == {site.address});"


def _ac_owner(site: Site, s: Syntax, n: Names) -> Edit:
    write = f"{site.address} = {site.p_address};"
    return Edit(("", write), (_owner(site), write), (1,))


def _ac_withdraw(site: Site, s: Syntax, n: Names) -> Edit:
    send = f"{s.sender}.transfer(address(this).balance);"
    return Edit(("", send), (_owner(site), send), (1,))


def _ac_origin(site: Site, s: Syntax, n: Names) -> Edit:
    send = f"{s.sender}.transfer(address(this).balance);"
    return Edit((f"require(tx.origin == {site.address});", send), (_owner(site), send), (0,))


def _ac_destroy(site: Site, s: Syntax, n: Names) -> Edit:
    kill = f"selfdestruct({s.pay(str(site.address))});"
    return Edit(("", kill), (_owner(site), kill), (1,))


def _ac_helper(site: Site, s: Syntax, n: Names) -> Edit:
    helper = n.fresh(site.function.name + site.contract.name)
    head = f"function {helper}() internal {s.view} {{"
    call, write = f"{helper}();", f"{site.address} = {site.p_address};"
    return Edit((call, write), (call, write), (0, 1),
                (head, f"    require(tx.origin == {site.address});", "}"),
                (head, f"    {_owner(site)}", "}"), (1,))


# ---------------------------------------------------------------- arithmetic

def _arith(s: Syntax, guard: str, statement: str) -> Edit:
    if s.minor >= 8:
        return Edit(("", f"unchecked {{ {statement} }}"), ("", statement), (1,))
    return Edit(("", statement), (guard, statement), (1,))


def _ar_sub(site: Site, s: Syntax, n: Names) -> Edit:
    b, p = site.balances, site.p_uint
    return _arith(s, f"require({b}[msg.sender] >= {p});", f"{b}[msg.sender] -= {p};")


def _ar_add(site: Site, s: Syntax, n: Names) -> Edit:
    u, p = site.uint, site.p_uint
    return _arith(s, f"require({u} + {p} >= {u});", f"{u} = {u} + {p};")


def _ar_mul(site: Site, s: Syntax, n: Names) -> Edit:
    u, p = site.uint, site.p_uint
    return _arith(s, f"require({p} == 0 || ({p} * {u}) / {p} == {u});", f"{u} = {p} * {u};")


def _ar_helper(site: Site, s: Syntax, n: Names) -> Edit:
    helper = n.fresh(site.function.name + site.contract.name)
    a, b, c = n.fresh(site.uint or "left"), n.fresh(site.p_uint or "right"), \
        n.fresh(site.function.name)
    head = f"function {helper}(uint256 {a}, uint256 {b}) internal {s.pure} returns (uint256) {{"
    if s.minor >= 8:
        vuln = (head, f"    uint256 {c};", f"    unchecked {{ {c} = {a} + {b}; }}",
                f"    return {c};", "}")
        safe = (head, f"    uint256 {c};", f"    {c} = {a} + {b};", f"    return {c};", "}")
        labels: tuple[int, ...] = (2,)
    else:
        vuln = (head, f"    uint256 {c} = {a} + {b};", "", f"    return {c};", "}")
        safe = (head, f"    uint256 {c} = {a} + {b};", f"    require({c} >= {a});",
                f"    return {c};", "}")
        labels = (1,)
    target = site.uint or f"{site.balances}[msg.sender]"
    call = f"{target} = {helper}({target}, {site.p_uint});"
    return Edit((call,), (call,), (0,), vuln, safe, labels)


# ---------------------------------------------------------------- time-manipulation

def _tm_require(site: Site, s: Syntax, n: Names) -> Edit:
    return Edit((f"require({s.now} >= {site.uint});",),
                (f"require(block.number >= {site.uint});",), (0,))


def _tm_if(site: Site, s: Syntax, n: Names) -> Edit:
    body = f"    {site.uint} = {site.p_uint};"
    return Edit((f"if ({s.now} > {site.uint}) {{", body, "}"),
                (f"if (block.number > {site.uint}) {{", body, "}"), (0,))


def _tm_assign(site: Site, s: Syntax, n: Names) -> Edit:
    return Edit((f"{site.uint} = {s.now};",), (f"{site.uint} = block.number;",), (0,))


def _tm_helper(site: Site, s: Syntax, n: Names) -> Edit:
    helper = n.fresh(site.function.name + site.contract.name)
    head = f"function {helper}() internal {s.view} returns (bool) {{"
    call = f"require({helper}());"
    return Edit((call,), (call,), (0,), (head, f"    return {s.now} >= {site.uint};", "}"),
                (head, f"    return block.number >= {site.uint};", "}"), (1,))


# ---------------------------------------------------------------- bad-randomness

def _draw(site: Site, n: Names, vuln_source: str, safe_source: str) -> Edit:
    r = n.fresh(site.uint or "draw")
    tail = (f"if ({r} % 2 == 0) {{", f"    {site.uint} = {r};", "}")
    return Edit((f"uint256 {r} = {vuln_source};", *tail),
                (f"uint256 {r} = {safe_source};", *tail), (0, 1))


def _br_blockhash(site: Site, s: Syntax, n: Names) -> Edit:
    return _draw(site, n, f"uint256({s.blockhash})", f"{site.uint}")


def _br_time_hash(site: Site, s: Syntax, n: Names) -> Edit:
    return _draw(site, n, f"uint256({s.hash(s.now, 'msg.sender')})",
                 f"uint256({s.hash(str(site.uint), 'msg.sender')})")


def _br_difficulty(site: Site, s: Syntax, n: Names) -> Edit:
    return _draw(site, n, f"{s.difficulty} % 10", f"{site.uint} % 10")


def _br_helper(site: Site, s: Syntax, n: Names) -> Edit:
    helper = n.fresh(site.function.name + site.contract.name)
    head = f"function {helper}() internal {s.view} returns (uint256) {{"
    body = (f"if ({helper}() == 0) {{", f"    {site.uint} = 0;", "}")
    return Edit(body, body, (0,), (head, f"    return uint256({s.blockhash}) % 2;", "}"),
                (head, f"    return {site.uint} % 2;", "}"), (1,))


# ---------------------------------------------------------------- denial-of-service

def _credit(site: Site, value: str) -> str:
    b, a = site.balances, site.address
    return f"{b}[{a}] = {b}[{a}] + {value};"


def _dos_send(site: Site, s: Syntax, n: Names) -> Edit:
    value = _value(site)
    return Edit((f"require({s.pay(str(site.address))}.send({value}));",),
                (_credit(site, value),), (0,))


def _dos_transfer(site: Site, s: Syntax, n: Names) -> Edit:
    value = _value(site)
    return Edit((f"{s.pay(str(site.address))}.transfer({value});",),
                (_credit(site, value),), (0,))


def _dos_loop(site: Site, s: Syntax, n: Names) -> Edit:
    i, arr = n.fresh(site.array or "index"), site.array
    body = (f"    delete {site.balances}[{arr}[{i}]];",) if site.balances else \
        (f"    {site.address} = {arr}[{i}];",)
    return Edit((f"for (uint256 {i} = 0; {i} < {arr}.length; {i}++) {{", *body, "}"),
                (f"for (uint256 {i} = 0; {i} < {arr}.length && {i} < 50; {i}++) {{",
                 *body, "}"), (0,))


def _dos_helper(site: Site, s: Syntax, n: Names) -> Edit:
    helper = n.fresh(site.function.name + site.contract.name)
    to, amount = n.fresh(site.address or "account"), n.fresh(site.uint or "amount")
    head = f"function {helper}({s.payable_type} {to}, uint256 {amount}) internal {{"
    b = site.balances
    call = f"{helper}({s.pay(str(site.address))}, {_value(site)});"
    return Edit((call,), (call,), (0,), (head, f"    require({to}.send({amount}));", "}"),
                (head, f"    {b}[{to}] = {b}[{to}] + {amount};", "}"), (1,))


# ---------------------------------------------------------------- front-running

def _fr_approve(site: Site, s: Syntax, n: Names) -> Edit:
    al, a, p = site.allowances, site.p_address, site.p_uint
    write = f"{al}[msg.sender][{a}] = {p};"
    return Edit(("", write), (f"require({p} == 0 || {al}[msg.sender][{a}] == 0);", write), (1,))


def _fr_secret(site: Site, s: Syntax, n: Names) -> Edit:
    pay = (f"    {s.sender}.transfer(address(this).balance);", "}")
    return Edit((f"if (uint256({s.hash(str(site.p_uint))}) == {site.uint}) {{", *pay),
                (f"if (uint256({s.hash(str(site.p_uint), 'msg.sender')}) == {site.uint}) {{",
                 *pay), (0, 1))


def _fr_price(site: Site, s: Syntax, n: Names) -> Edit:
    b, u, p = site.balances, site.uint, site.p_uint
    buy = f"{b}[msg.sender] = {b}[msg.sender] + {p} / {u};"
    return Edit(("", buy), (f"require({u} <= {site.p_uint2});", buy), (1,))


def _fr_helper(site: Site, s: Syntax, n: Names) -> Edit:
    helper = n.fresh(site.function.name + site.contract.name)
    a = n.fresh(site.p_uint or "guess")
    head = f"function {helper}(uint256 {a}) internal {s.view} returns (bool) {{"
    body = (f"if ({helper}({site.p_uint})) {{",
            f"    {s.sender}.transfer(address(this).balance);", "}")
    return Edit(body, body, (0, 1),
                (head, f"    return uint256({s.hash(a)}) == {site.uint};", "}"),
                (head, f"    return uint256({s.hash(a, 'msg.sender')}) == {site.uint};", "}"),
                (1,))


# ---------------------------------------------------------------- unsafe-delegatecall

def _ud_target(site: Site, s: Syntax, n: Names) -> Edit:
    ok = n.fresh(site.function.name)
    check = f"require({ok});"
    data = s.selector(f"{site.function.name}()")
    return Edit((s.call_data(str(site.p_address), data, ok, "delegatecall"), check),
                (s.call_data(str(site.address), data, ok, "delegatecall"), check), (0,))


def _ud_data(site: Site, s: Syntax, n: Names) -> Edit:
    ok = n.fresh(site.function.name)
    check = f"require({ok});"
    fixed = s.selector(f"{site.function.name}()")
    return Edit((s.call_data(str(site.address), "msg.data", ok, "delegatecall"), check),
                (s.call_data(str(site.address), fixed, ok, "delegatecall"), check), (0,))


def _ud_setter(site: Site, s: Syntax, n: Names) -> Edit:
    ok = n.fresh(site.function.name)
    write = f"{site.address} = {site.p_address};"
    call = s.call_data(str(site.address), s.selector(f"{site.function.name}()"), ok,
                       "delegatecall")
    return Edit(("", write, call, f"require({ok});"),
                (_owner(site), write, call, f"require({ok});"), (1, 2))


def _ud_helper(site: Site, s: Syntax, n: Names) -> Edit:
    helper = n.fresh(site.function.name + site.contract.name)
    t, ok = n.fresh(site.address or "target"), n.fresh(site.function.name)
    data = s.selector(f"{site.function.name}()")
    lines = (f"function {helper}(address {t}) internal {{",
             f"    {s.call_data(t, data, ok, 'delegatecall')}", f"    require({ok});",
             "}")
    return Edit((f"{helper}({site.p_address});",), (f"{helper}({site.address});",), (0,),
                lines, lines, ())


OPERATORS: tuple[Operator, ...] = (
    Operator("re-call-before-zero", "reentrancy", "", ("balances",), _re_zero),
    Operator("re-call-before-sub", "reentrancy", "", ("balances", "p_uint"), _re_sub),
    Operator("re-call-before-delete", "reentrancy", "", ("balances", "p_address"), _re_delete),
    Operator("re-helper-call", "reentrancy", "internal helper", ("balances",), _re_helper),
    Operator("uc-send", "unchecked-call", "", ("address",), _uc_send),
    Operator("uc-call-value", "unchecked-call", "", ("address",), _uc_call),
    Operator("uc-call-data", "unchecked-call", "", ("address",), _uc_call_data),
    Operator("uc-helper-send", "unchecked-call", "internal helper", ("address",), _uc_helper),
    Operator("ac-owner-write", "access-control", "", ("address", "p_address"), _ac_owner),
    Operator("ac-withdraw", "access-control", "", ("address",), _ac_withdraw),
    Operator("ac-tx-origin", "access-control", "", ("address",), _ac_origin),
    Operator("ac-selfdestruct", "access-control", "", ("address",), _ac_destroy),
    Operator("ac-helper-origin", "access-control", "internal helper",
             ("address", "p_address"), _ac_helper),
    Operator("ar-sub", "arithmetic", "", ("balances", "p_uint"), _ar_sub),
    Operator("ar-add", "arithmetic", "", ("uint", "p_uint"), _ar_add),
    Operator("ar-mul", "arithmetic", "", ("uint", "p_uint"), _ar_mul),
    Operator("ar-helper-add", "arithmetic", "internal pure helper", ("uint", "p_uint"),
             _ar_helper),
    Operator("tm-require", "time-manipulation", "", ("uint",), _tm_require),
    Operator("tm-if", "time-manipulation", "", ("uint", "p_uint"), _tm_if),
    Operator("tm-assign", "time-manipulation", "", ("uint",), _tm_assign),
    Operator("tm-helper", "time-manipulation", "internal view helper", ("uint",), _tm_helper),
    Operator("br-blockhash", "bad-randomness", "", ("uint",), _br_blockhash),
    Operator("br-time-hash", "bad-randomness", "", ("uint",), _br_time_hash),
    Operator("br-difficulty", "bad-randomness", "", ("uint",), _br_difficulty),
    Operator("br-helper-blockhash", "bad-randomness", "internal view helper", ("uint",),
             _br_helper),
    Operator("dos-require-send", "denial-of-service", "", ("address", "balances"), _dos_send),
    Operator("dos-transfer", "denial-of-service", "", ("address", "balances"), _dos_transfer),
    Operator("dos-loop", "denial-of-service", "", ("array", "balances"), _dos_loop),
    Operator("dos-helper-send", "denial-of-service", "internal helper",
             ("address", "balances"), _dos_helper),
    Operator("fr-approve", "front-running", "", ("allowances", "p_address", "p_uint"),
             _fr_approve),
    Operator("fr-secret", "front-running", "", ("uint", "p_uint"), _fr_secret),
    Operator("fr-price", "front-running", "", ("balances", "uint", "p_uint", "p_uint2"),
             _fr_price),
    Operator("fr-helper-secret", "front-running", "internal view helper", ("uint", "p_uint"),
             _fr_helper),
    Operator("ud-target", "unsafe-delegatecall", "", ("address", "p_address"), _ud_target),
    Operator("ud-data", "unsafe-delegatecall", "", ("address",), _ud_data),
    Operator("ud-setter", "unsafe-delegatecall", "", ("address", "p_address"), _ud_setter),
    Operator("ud-helper", "unsafe-delegatecall", "internal helper", ("address", "p_address"),
             _ud_helper),
)
BY_NAME: dict[str, Operator] = {op.name: op for op in OPERATORS}


def visible_state(contract: Contract, known: dict[str, Contract]) -> list[StateVar]:
    """The contract's own state variables, then those its bases (found in `known` by
    name, transitively, nearest first) declare and do not make private."""
    out = list(contract.state)
    seen = {contract.name}
    queue = list(reversed(contract.bases))
    while queue:
        name = queue.pop(0)
        base = known.get(name)
        if base is None or name in seen:
            continue
        seen.add(name)
        out += [v for v in base.state if not v.private]
        queue += list(reversed(base.bases))
    return out


def sites(model: SourceModel, known: dict[str, Contract] | None = None) -> Iterator[Site]:
    """Every host function an operator may edit: an implemented, state-changing
    public or external function of a contract (not a library or interface) whose body's
    `{` ends its line and whose closing `}` stands alone on its line. State names come
    from the contract and its bases: those in the same file and those in `known` (other
    files' contracts by name, e.g. the rest of a package)."""
    lines = model.masked.split("\n")
    contracts = {**(known or {}), **{c.name: c for c in model.contracts}}
    for contract in model.contracts:
        if contract.kind != "contract":
            continue
        state: dict[str, str] = {}
        shadowed = {f.name for f in contract.functions}
        for var in visible_state(contract, contracts):
            if not var.constant and var.name not in shadowed:
                state.setdefault(var.kind, var.name)
        for fn in contract.functions:
            if fn.mutability in ("view", "pure") or fn.visibility not in ("public", "external"):
                continue
            if fn.name == contract.name or not fn.body_first_line_free \
                    or lines[fn.close_line - 1].strip() != "}":
                continue
            addresses = [p.name for p in fn.params if p.name and p.type.split()[0] == "address"]
            uints = [p.name for p in fn.params if p.name and p.type in ("uint", "uint256")]
            yield Site(model=model, contract=contract, function=fn,
                       address=state.get("address"), uint=state.get("uint"),
                       balances=state.get("map-address-uint"),
                       allowances=state.get("map-address-map-address-uint"),
                       array=state.get("address-array"),
                       p_address=addresses[0] if addresses else None,
                       p_uint=uints[0] if uints else None,
                       p_uint2=uints[1] if len(uints) > 1 else None)


def applicable(op: Operator, site: Site) -> bool:
    return all(getattr(site, need) for need in op.needs)


@dataclass(frozen=True)
class Injection:
    """Where one operator's edit landed in an emitted pair (1-based lines of the
    variants): the labelled lines of the vulnerable variant and every inserted line."""

    operator: str
    category: str
    contract: str
    function: str
    helper: str  # name of the helper the edit added, or ""
    labels: tuple[int, ...]
    inserted: tuple[int, ...]


@dataclass(frozen=True)
class Injected:
    """A host with one or more operators applied, each to a different function: both
    variants' full text and where each injection landed."""

    vulnerable: str
    safe: str
    injections: tuple[Injection, ...]

    @property
    def labels(self) -> tuple[int, ...]:
        return tuple(sorted(line for i in self.injections for line in i.labels))

    @property
    def inserted(self) -> tuple[int, ...]:
        return tuple(sorted(line for i in self.injections for line in i.inserted))


_STATEMENT_END = re.compile(r"[;}]\s*$")
_TERMINAL = re.compile(r"(return|throw|revert|selfdestruct|suicide)\b")


def _declares(text: str, name: str) -> bool:
    """Whether `text` may declare a local called `name` (conservative: also true for
    `return name;` and the like)."""
    return re.search(r"[\w.\]\[]+\s+(?:(?:memory|storage|calldata|payable)\s+)?"
                     + re.escape(name) + r"\s*[=;,)]", text) is not None


def insertion_points(site: Site) -> list[int]:
    """Host lines after which an edit's body lines may go: the line of the body's `{`
    and every line that ends a top-level statement of the body (brace and parenthesis
    depth back at the body's level, ending in `;` or `}`), except before an `else`,
    after a statement that leaves the function (`return`, `throw`, `revert`,
    `selfdestruct`), and after a local declaration that shadows one of the state names
    the operators use."""
    fn = site.function
    lines = site.model.masked.split("\n")
    names = [n for n in (site.address, site.uint, site.balances, site.allowances, site.array)
             if n]
    points = [fn.open_line]
    braces = parens = 0
    for number in range(fn.open_line + 1, fn.close_line):
        text = lines[number - 1]
        if any(_declares(text, n) for n in names):
            break
        braces += text.count("{") - text.count("}")
        parens += text.count("(") - text.count(")")
        stripped = text.strip()
        following = lines[number].strip() if number < len(lines) else ""
        if braces or parens or not _STATEMENT_END.search(stripped) \
                or following.startswith("else") or _TERMINAL.match(stripped):
            continue
        points.append(number)
    return points


def insertion_point(op: Operator, site: Site) -> int:
    """The host line after which `op`'s body lines go in `site` (a fixed choice among
    `insertion_points`, by a hash of the operator, contract, function and its line)."""
    points = insertion_points(site)
    key = f"{op.name}|{site.contract.name}|{site.function.name}|{site.function.open_line}"
    return points[int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % len(points)]


def apply(op: Operator, site: Site, syntax: Syntax) -> Injected:
    """Insert `op`'s edit into `site`'s function; the helper (if any) goes after it."""
    return apply_all([(op, site)], syntax)


def apply_all(chosen: list[tuple[Operator, Site]], syntax: Syntax) -> Injected:
    """Insert every chosen edit (each into a different function of the same host): body
    lines after the function's `insertion_point`, helper lines right after the line of
    the function's closing `}`, indented like the function."""
    if not chosen:
        raise ValueError("nothing to apply")
    model = chosen[0][1].model
    names = Names(model.identifiers)
    functions = {(s.contract.name, s.function.open_line) for _op, s in chosen}
    if len(functions) != len(chosen):
        raise ValueError("two edits in one function")
    # (host line after which to insert, vulnerable lines, safe lines, labels, owner)
    points: list[tuple[int, list[str], list[str], tuple[int, ...], int]] = []
    helpers: dict[int, str] = {}
    for k, (op, site) in enumerate(chosen):
        edit = op.make(site, syntax, names)
        if edit.helper_vuln:
            found = re.match(r"function\s+(\w+)", edit.helper_vuln[0])
            helpers[k] = found.group(1) if found else ""
        fn = site.function
        inner = fn.indent + "    "
        points.append((insertion_point(op, site),
                       [inner + x if x else "" for x in edit.body_vuln],
                       [inner + x if x else "" for x in edit.body_safe], edit.body_labels, k))
        if edit.helper_vuln:
            points.append((fn.close_line,
                           [fn.indent + x if x else "" for x in edit.helper_vuln],
                           [fn.indent + x if x else "" for x in edit.helper_safe],
                           edit.helper_labels, k))
    points.sort()
    host = model.text.split("\n")
    vuln: list[str] = []
    safe: list[str] = []
    labels: dict[int, list[int]] = {k: [] for k in range(len(chosen))}
    inserted: dict[int, list[int]] = {k: [] for k in range(len(chosen))}
    done = 0
    for after, lines_v, lines_s, marks, owner in points:
        vuln += host[done:after]
        safe += host[done:after]
        done = after
        first = len(vuln) + 1
        vuln += lines_v
        safe += lines_s
        labels[owner] += [first + i for i in marks]
        inserted[owner] += list(range(first, first + len(lines_v)))
    vuln += host[done:]
    safe += host[done:]
    injections = tuple(
        Injection(op.name, op.category, site.contract.name, site.function.name,
                  helpers.get(k, ""), tuple(sorted(labels[k])), tuple(sorted(inserted[k])))
        for k, (op, site) in enumerate(chosen))
    return Injected("\n".join(vuln), "\n".join(safe), injections)
