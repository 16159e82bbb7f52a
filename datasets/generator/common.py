"""Pieces shared by templates and bug forms: messages, ether sends, shared infrastructure
(owner modifier, reentrancy lock, math library, commit-reveal entropy, module address)."""

from __future__ import annotations

import re

from datasets.generator.assemble import Builder
from datasets.generator.names import AMOUNT_PARAMS, OK_LOCALS

MESSAGES: dict[str, tuple[str, ...]] = {
    "owner": ("not owner", "only owner", "unauthorized", "forbidden", "denied", "no access"),
    "empty": ("nothing to withdraw", "no balance", "empty", "zero amount", "nothing owed"),
    "funds": ("insufficient balance", "not enough", "exceeds balance", "low balance"),
    "call": ("transfer failed", "call failed", "payment failed", "send failed"),
    "time": ("too early", "too late", "closed", "not open", "window over", "not yet"),
    "value": ("wrong value", "bad amount", "invalid value", "incorrect payment"),
    "state": ("already done", "invalid state", "not allowed now", "finished"),
    "input": ("invalid input", "bad argument", "invalid", "out of range"),
}


def msg(b: Builder, kind: str) -> str:
    return b.rng.choice(MESSAGES[kind])


def req(b: Builder, cond: str, kind: str) -> str:
    return b.style.req(b.fill(cond), msg(b, kind))


def send_checked(b: Builder, to: str, amount: str, ok_role: str) -> str:
    """Statements that send `amount` wei to payable `to` and revert when it fails."""
    S = b.style
    to, amount = b.fill(to), b.fill(amount)
    choice = b.rng.random()
    if choice < 0.45:
        return f"{to}.transfer({amount});"
    if choice < 0.65:
        return S.req(f"{to}.send({amount})", msg(b, "call"))
    if S.minor <= 4 and choice < 0.8:
        return S.req(S.value_call(to, amount), msg(b, "call"))
    ok = b.name(ok_role, OK_LOCALS)
    return S.call_ok(ok, to, amount) + "\n" + S.req(ok, msg(b, "call"))


def call_parts(b: Builder, target: str, amount: str, ok_role: str, data: str = '""'
               ) -> tuple[str, str]:
    """A checked low-level value call as (the statement holding the call, the check after
    it, possibly empty)."""
    S = b.style
    target, amount, data = b.fill(target), b.fill(amount), b.fill(data)
    if S.minor <= 4 and b.rng.random() < 0.5:
        return S.req(S.value_call(target, amount, data), msg(b, "call")), ""
    ok = b.name(ok_role, OK_LOCALS)
    if b.rng.random() < 0.2:
        return S.call_ok(ok, target, amount, data), f"if (!{ok}) {{\n    revert();\n}}"
    return S.call_ok(ok, target, amount, data), S.req(ok, msg(b, "call"))


def owner_modifier(b: Builder) -> None:
    b.add("modifier", """
modifier $only() {
    $check
    _;
}""", key="only", check=req(b, "msg.sender == $owner", "owner"))


def guard(b: Builder) -> str:
    """A mutual-exclusion modifier (present in both twins); returns its name."""
    if not b.has("guard"):
        lock = b.name("lock", ("locked", "busy", "entered", "inCall", "working", "mutex",
                               "engaged"))
        b.name("guard", ("exclusive", "guarded", "serialized", "oneAtATime", "locking",
                         "whenFree", "notBusy", "singleEntry", "mutexed"))
        b.state(f"bool private {lock};", key="state:lock")
        b.add("modifier", """
modifier $guard() {
    $check
    $lock = true;
    _;
    $lock = false;
}""", key="guard", check=req(b, "!$lock", "state"))
    return b["guard"]


def math_lib(b: Builder) -> None:
    """A checked-arithmetic library bound to the uint type (pre-0.8 only)."""
    if b.has("lib"):
        return
    b.name("Lib", ("MathLib", "Arith", "NumberOps", "UintOps", "Calc", "Maths", "Numbers",
                   "UintMath", "Checked256"))
    names = b.rng.choice((("add", "sub", "mul"), ("plus", "minus", "times"),
                          ("add", "sub", "mul"), ("addU", "subU", "mulU")))
    b.namer.reserve(*names)
    b.set(add=names[0], sub=names[1], mul=names[2])
    b.prelude("lib", """
library $Lib {
    function $mul($u a, $u b) internal pure returns ($u) {
        if (a == 0) {
            return 0;
        }
        $u c = a * b;
        require(c / a == b);
        return c;
    }

    function $sub($u a, $u b) internal pure returns ($u) {
        require(b <= a);
        return a - b;
    }

    function $add($u a, $u b) internal pure returns ($u) {
        $u c = a + b;
        require(c >= a);
        return c;
    }
}""")
    b.add("using", "using $Lib for $u;", key="using:lib")


def entropy(b: Builder) -> str:
    """Commit-reveal entropy collected from participants (both twins); returns its name."""
    if b.has("state:entropy"):
        return b["entropy"]
    b.name("commits", ("commits", "commitments", "pledges", "hashes", "pendingHashes"))
    b.name("entropy", ("entropy", "seed", "mix", "accumulator", "pool", "noise"))
    b.name("commitFn", ("commit", "seal", "pledge", "submitHash", "lockIn", "register"))
    b.name("revealFn", ("reveal", "unseal", "disclose", "show", "uncover", "publish"))
    b.name("e_h", ("hash", "digest", "sealedValue", "h"))
    b.name("e_secret", ("secret", "preimage", "nonceValue", "word"))
    b.state("mapping(address => bytes32) public $commits;", key="state:commits")
    b.state("$u private $entropy;", key="state:entropy")
    b.function("""
function $commitFn(bytes32 $e_h) public {
    $commits[msg.sender] = $e_h;
}""", key="fn:commit")
    b.function("""
function $revealFn($u $e_secret) public {
    $check
    delete $commits[msg.sender];
    $entropy = $entropy ^ $e_secret;
}""", key="fn:reveal",
        check=req(b, "$commits[msg.sender] == keccak256(abi.encodePacked($e_secret, "
                     "msg.sender))", "input"))
    return b["entropy"]


def module(b: Builder) -> str:
    """An owner-set code address for delegatecalls (both twins); returns its name."""
    if "module" in b.values:
        return b["module"]
    b.name("module", ("module", "logic", "extension", "plugin", "helper", "engine",
                      "component", "backend"))
    b.name("setModule", ("setModule", "setLogic", "configure", "setEngine", "install",
                         "point"))
    b.name("m_addr", ("target", "addr", "location", "code"))
    b.state("address public $module;", key="state:module")
    b.function("""
function $setModule(address $m_addr) public $only {
    $module = $m_addr;
}""", key="fn:setModule")
    return b["module"]


def people(b: Builder) -> str:
    """A growing array of payable participants (the template's, or a join list)."""
    if "people" in b.values:
        return b["people"]
    b.name("people", ("members", "participants", "accounts", "registered", "entrants",
                      "subscribers"))
    b.name("joined", ("joined", "isMember", "enrolled", "listed", "seen"))
    b.name("joinFn", ("join", "enroll", "signUp", "subscribe", "enlist"))
    b.state("$pay[] public $people;", key="state:people")
    b.state("mapping(address => bool) public $joined;", key="state:joined")
    b.function("""
function $joinFn() public {
    $check
    $joined[msg.sender] = true;
    $people.push($sender);
}""", key="fn:join", check=req(b, "!$joined[msg.sender]", "state"))
    return b["people"]


def amount_param(b: Builder, role: str) -> str:
    return b.name(role, AMOUNT_PARAMS)


def pull(b: Builder, mapping: str, key: str) -> None:
    """A pull-payment withdrawal of `mapping` (state cleared first; both twins)."""
    role = "pull_" + re.sub(r"\W", "_", key)
    fn = b.combo(role, ("withdraw", "claim", "collect", "pull", "redeem", "cashOut"),
            ("Owed", "Due", "Share", "Payment", "Funds", "Credit", "Refund", "Balance"))
    amt = b.name(f"{role}_amt", AMOUNT_PARAMS)
    b.default("function", f"""
function {fn}() public {{
    $u {amt} = {mapping}[msg.sender];
    $check
    {mapping}[msg.sender] = 0;
    $send
}}""", key=key, check=req(b, f"{amt} > 0", "empty"),
        send=send_checked(b, "$sender", amt, f"{role}_ok"))
