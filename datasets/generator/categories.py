"""Bug forms: for each taxonomy category, ways to write the defect and its fix into a
template. A form adds members whose `V|`/`S|` lines are the only difference between the
twins, and marks (`!|`, `V!|`) the lines of the statement that is the defect."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from datasets.generator import common as K
from datasets.generator.assemble import Builder
from datasets.generator.names import AMOUNT_PARAMS, OK_LOCALS
from datasets.generator.templates import ensure_start

CATEGORIES: tuple[str, ...] = (
    "reentrancy", "unchecked-call", "access-control", "arithmetic", "time-manipulation",
    "bad-randomness", "denial-of-service", "front-running", "unsafe-delegatecall",
)

WITHDRAW_HEADS = ("withdraw", "release", "claim", "collect", "redeem", "cashOut", "payOut",
                  "retrieve")


@dataclass(frozen=True)
class Form:
    name: str
    category: str
    build: Callable[[Builder], None]
    needs: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    min_minor: int = 4
    max_minor: int = 8

    def fits(self, caps: frozenset[str], minor: int) -> bool:
        return (self.needs <= caps and not (self.excludes & caps)
                and self.min_minor <= minor <= self.max_minor)


def _fn(b: Builder, role: str, heads: tuple[str, ...]) -> str:
    return b.combo(role, heads, b.tails)


def _marked(marker: str, indent: str, text: str) -> str:
    """Prefix every line of `text` (already filled) with a twin marker and indent."""
    return "\n".join(f"{marker}|{indent}{line}" for line in text.split("\n"))


def _emit_paid(b: Builder, who: str, amount: str) -> str:
    return f"emit {b['paid']}({who}, {amount});" if b.rng.random() < 0.5 else ""


# ---- reentrancy ------------------------------------------------------------------------


def _reorder(b: Builder, head: str, before: str, call: str, check: str, write: str,
             after: str = "") -> str:
    """A function whose state `write` follows the external `call` in the vulnerable twin.
    The fix moves the write before the call, or keeps it and adds a lock modifier."""
    ind = "    "
    if b.rng.random() < 0.35:
        g = K.guard(b)
        assert head.endswith(" {")
        lines = [f"V|{head}", f"S|{head[:-2]} {g} {{", before,
                 _marked("!", ind, call), check, _marked("!", ind, write), after, "}"]
    else:
        lines = [head, before, _marked("S", ind, write), _marked("!", ind, call), check,
                 _marked("V!", ind, write), after, "}"]
    return "\n".join(line for line in lines if line)


def _indent(text: str, ind: str = "    ") -> str:
    return "\n".join(ind + line if line else line for line in text.split("\n")) if text else ""


def r_drain(b: Builder) -> None:
    fn = _fn(b, "r_fn", WITHDRAW_HEADS)
    amt = b.name("r_amt", AMOUNT_PARAMS)
    L = b["L"]
    call, check = K.call_parts(b, "msg.sender", amt, "r_ok")
    write = b.rng.choice((f"{L}[msg.sender] = 0;", f"delete {L}[msg.sender];"))
    before = _indent(f"{b.style.u} {amt} = {L}[msg.sender];\n" + K.req(b, f"{amt} > 0", "empty"))
    text = _reorder(b, f"function {fn}() public {{", before, call, _indent(check), write,
                    _indent(_emit_paid(b, "msg.sender", amt)))
    b.function(text, key="withdraw")


def r_partial(b: Builder) -> None:
    fn = _fn(b, "r_fn", WITHDRAW_HEADS)
    amt = b.name("r_amt", AMOUNT_PARAMS)
    L = b["L"]
    call, check = K.call_parts(b, "msg.sender", amt, "r_ok")
    before = _indent(K.req(b, f"{L}[msg.sender] >= {amt}", "funds"))
    text = _reorder(b, f"function {fn}({b.style.u} {amt}) public {{", before, call,
                    _indent(check), f"{L}[msg.sender] -= {amt};",
                    _indent(_emit_paid(b, "msg.sender", amt)))
    b.function(text, key="withdraw")


def _value_call(b: Builder, fn_expr: str, amount: str, args: str) -> str:
    if b.style.minor <= 5:
        return f"{fn_expr}.value({amount})({args})"
    return f"{fn_expr}{{value: {amount}}}({args})"


def r_hook(b: Builder) -> None:
    iface = b.name("IHook", ("IReceiver", "IPayee", "ICallback", "INotifiable", "IRecipient"))
    hook = b.name("onPay", ("onPayment", "receivePayment", "notify", "accept",
                            "handlePayment", "onFunds"))
    b.prelude("iface", """
interface $IHook {
    function $onPay(address from, $u amount) external payable;
}""")
    fn = _fn(b, "r_fn", WITHDRAW_HEADS)
    amt = b.name("r_amt", AMOUNT_PARAMS)
    L = b["L"]
    call = _value_call(b, f"{iface}(msg.sender).{hook}", amt, f"address(this), {amt}") + ";"
    write = b.rng.choice((f"{L}[msg.sender] = 0;", f"delete {L}[msg.sender];"))
    before = _indent(f"{b.style.u} {amt} = {L}[msg.sender];\n" + K.req(b, f"{amt} > 0", "empty"))
    text = _reorder(b, f"function {fn}() public {{", before, call, "", write,
                    _indent(_emit_paid(b, "msg.sender", amt)))
    b.function(text, key="withdraw")


def r_exec(b: Builder) -> None:
    call, check = K.call_parts(b, "$t.$f_to", "$t.$f_val", "x_ok", data="$t.$f_data")
    before = _indent(b.fill("$Tx storage $t = $txs[$id];") + "\n"
                     + K.req(b, "!$t.$f_done", "state") + "\n"
                     + K.req(b, "$t.$f_ap >= $required", "state"))
    text = _reorder(b, b.fill("function $execFn($u $id) public $onlySigner {"), before, call,
                    _indent(check), b.fill("$t.$f_done = true;"))
    b.function(text, key="execute")


def _ensure_rate(b: Builder) -> str:
    if "rate" not in b.values:
        b.name("rate", ("rate", "tokensPerWei", "perWei", "exchangeRate"))
        b.pick("rate_lit", ("10", "100", "250", "1000"))
        b.state("$u public $rate;", key="state:rate")
        b.ctor_lines.append(b.fill("$rate = $rate_lit;"))
    if not b.has("buy"):
        b.name("buyFn", ("buy", "purchase", "mintFor", "exchange"))
        b.name("units", ("units", "bought", "issuedNow", "out"))
        b.function("""
function $buyFn() public payable {
    $u $units = msg.value * $rate;
    $B[msg.sender] += $units;
    $supply += $units;
}""", key="buy")
    return b["rate"]


def r_sell(b: Builder) -> None:
    rate = _ensure_rate(b)
    fn = b.name("sellFn", ("sell", "sellBack", "cashIn", "redeemTokens", "exit"))
    amt = b.name("s_amt", AMOUNT_PARAMS)
    rev = b.name("rev", ("revenue", "proceeds", "payout", "owedWei"))
    B, u = b["B"], b.style.u
    call, check = K.call_parts(b, "msg.sender", rev, "s_ok")
    if b.style.minor < 8 and b.rng.random() < 0.5:
        head = f"function {fn}({u} {amt}) public {{"
        before = K.req(b, f"{B}[msg.sender] >= {amt}", "funds")
        write = f"{B}[msg.sender] -= {amt};"
    else:
        head = f"function {fn}() public {{"
        before = f"{u} {amt} = {B}[msg.sender];\n" + K.req(b, f"{amt} > 0", "empty")
        write = f"{B}[msg.sender] = 0;"
    before += f"\n{u} {rev} = {amt} / {rate};"
    b.function(_reorder(b, head, _indent(before), call, _indent(check), write), key="sell")


# ---- unchecked-call --------------------------------------------------------------------


def _unchecked(b: Builder, to: str, amount: str, ok_role: str, data: str = '""',
               ind: str = "    ") -> str:
    """Marked lines: an ether send whose result is ignored (vulnerable) or checked."""
    S = b.style
    reason = K.msg(b, "call")
    mode = b.rng.random()
    if data == '""' and mode < 0.4:
        v = f"{to}.send({amount});"
        s = (S.req(f"{to}.send({amount})", reason) if b.rng.random() < 0.6
             else f"if (!{to}.send({amount})) {{\n    revert();\n}}")
        return _marked("V!", ind, v) + "\n" + _marked("S", ind, s)
    call = S.value_call(to, amount, data)
    if S.minor <= 4:
        if mode < 0.75:
            return _marked("V!", ind, call + ";") + "\n" + _marked("S", ind, S.req(call, reason))
        ok = b.name(ok_role, OK_LOCALS)
        return _marked("!", ind, f"bool {ok} = {call};") + "\n" + _marked("S", ind,
                                                                          S.req(ok, reason))
    ok = b.name(ok_role, OK_LOCALS)
    if mode < 0.75:
        return (_marked("V!", ind, call + ";") + "\n"
                + _marked("S", ind, S.call_ok(ok, to, amount, data) + "\n" + S.req(ok, reason)))
    return _marked("!", ind, S.call_ok(ok, to, amount, data)) + "\n" + _marked(
        "S", ind, S.req(ok, reason))


def u_payout(b: Builder) -> None:
    fn = _fn(b, "u_fn", WITHDRAW_HEADS)
    amt = b.name("u_amt", AMOUNT_PARAMS)
    L = b["L"]
    clear = b.rng.choice((f"{L}[msg.sender] = 0;", f"delete {L}[msg.sender];"))
    lines = [f"function {fn}() public {{", f"    {b.style.u} {amt} = {L}[msg.sender];",
             _indent(K.req(b, f"{amt} > 0", "empty")), f"    {clear}",
             _unchecked(b, b.style.sender, amt, "u_ok"),
             _indent(_emit_paid(b, "msg.sender", amt)), "}"]
    b.function("\n".join(x for x in lines if x), key="withdraw")


def u_pay(b: Builder) -> None:
    fn = b.combo("u_fn", ("pay", "send", "disburse", "payOut", "remit", "sendFunds"),
                 ("", "To", "Out", "Ether"))
    to = b.name("u_to", ("to", "recipient", "payee", "dest", "beneficiary"))
    amt = b.name("u_amt", AMOUNT_PARAMS)
    lines = [f"function {fn}({b.style.pay} {to}, {b.style.u} {amt}) public {b['only']} {{"]
    if b.rng.random() < 0.5:
        lines.append(_indent(K.req(b, f"address(this).balance >= {amt}", "funds")))
    lines.append(_unchecked(b, to, amt, "u_ok"))
    lines.append(_indent(_emit_paid(b, to, amt)))
    lines.append("}")
    b.function("\n".join(x for x in lines if x), key="u:pay")


def u_exec(b: Builder) -> None:
    if "txs" in b.values:  # multisig: the execute step
        lines = [b.fill("function $execFn($u $id) public $onlySigner {"),
                 _indent(b.fill("$Tx storage $t = $txs[$id];")),
                 _indent(K.req(b, "!$t.$f_done", "state")),
                 _indent(K.req(b, "$t.$f_ap >= $required", "state")),
                 _indent(b.fill("$t.$f_done = true;")),
                 _unchecked(b, b.fill("$t.$f_to"), b.fill("$t.$f_val"), "x_ok",
                            data=b.fill("$t.$f_data")),
                 "}"]
        b.function("\n".join(x for x in lines if x), key="execute")
        return
    fn = b.name("u_fn", ("execute", "call", "forward", "invoke", "relay", "dispatch"))
    to = b.name("u_to", ("to", "target", "dest", "destination"))
    val = b.name("u_val", ("value", "amount", "wad", "sum"))
    data = b.name("u_data", ("data", "payload", "callData", "input"))
    S = b.style
    lines = [f"function {fn}({S.pay} {to}, {S.u} {val}, bytes{S.mem} {data}) public "
             f"{b['only']} {{", _unchecked(b, to, val, "u_ok", data=data), "}"]
    b.function("\n".join(lines), key="u:exec")


def u_sell(b: Builder) -> None:
    rate = _ensure_rate(b)
    fn = b.name("sellFn", ("sell", "sellBack", "cashIn", "redeemTokens", "exit"))
    amt = b.name("s_amt", AMOUNT_PARAMS)
    rev = b.name("rev", ("revenue", "proceeds", "payout", "owedWei"))
    B, u = b["B"], b.style.u
    lines = [f"function {fn}({u} {amt}) public {{",
             _indent(K.req(b, f"{B}[msg.sender] >= {amt}", "funds")),
             f"    {B}[msg.sender] -= {amt};",
             f"    {u} {rev} = {amt} / {rate};",
             _unchecked(b, b.style.sender, rev, "s_ok"), "}"]
    b.function("\n".join(lines), key="sell")


# ---- access-control --------------------------------------------------------------------


def _restricted(b: Builder, head: str, body: list[str], privileged: str) -> str:
    """A privileged function: the fix adds the owner modifier to the header, or an owner
    check as its first statement. `privileged` is the labelled statement."""
    assert head.endswith(" {")
    if b.rng.random() < 0.6:
        lines = [f"V|{head}", f"S|{head[:-2]} {b['only']} {{"]
    else:
        lines = [head, _marked("S", "    ", K.req(b, f"msg.sender == {b['owner']}", "owner"))]
    lines += [_indent(x) for x in body if x]
    lines.append(_marked("!", "    ", privileged))
    return "\n".join(lines + ["}"])


def a_owner(b: Builder) -> None:
    fn = b.name("a_fn", ("transferOwnership", "changeOwner", "setOwner", "handOver",
                         "updateOwner"))
    new = b.name("a_new", ("newOwner", "successor", "next", "heir"))
    text = _restricted(b, f"function {fn}({b.style.pay} {new}) public {{",
                       [K.req(b, f"{new} != address(0)", "input")
                        if b.rng.random() < 0.5 else ""], f"{b['owner']} = {new};")
    b.function(text, key="fn:owner")


def a_sweep(b: Builder) -> None:
    fn = b.combo("a_fn", ("sweep", "rescue", "recover", "withdrawAll", "collect", "move"),
                 ("", "Funds", "Ether", "Balance", "All"))
    to = b.name("a_to", ("to", "recipient", "dest", "receiver"))
    text = _restricted(b, f"function {fn}({b.style.pay} {to}) public {{", [],
                       f"{to}.transfer(address(this).balance);")
    b.function(text, key="a:sweep")


def a_destroy(b: Builder) -> None:
    fn = b.name("a_fn", ("close", "shutdown", "terminate", "destroy", "retire", "kill"))
    if b.rng.random() < 0.5:
        head, target = f"function {fn}() public {{", b["owner"]
    else:
        to = b.name("a_to", ("to", "recipient", "dest", "receiver"))
        head, target = f"function {fn}({b.style.pay} {to}) public {{", to
    b.function(_restricted(b, head, [], f"selfdestruct({target});"), key="a:destroy")


def a_init(b: Builder) -> None:
    b.tags.add("no-owner-ctor")
    fn = b.name("a_fn", ("initialize", "init", "setup", "configure", "bootstrap"))
    new = b.name("a_new", ("initialOwner", "newOwner", "owner_", "admin_"))
    if b.rng.random() < 0.5:
        check = K.req(b, f"{b['owner']} == address(0)", "state")
    else:
        flag = b.name("a_flag", ("initialized", "configured", "ready", "setUp"))
        b.state(f"bool public {flag};", key="state:a_flag")
        check = K.req(b, f"!{flag}", "state") + f"\n{flag} = true;"
    lines = [f"function {fn}({b.style.pay} {new}) public {{", _marked("S", "    ", check)]
    lines.append(_marked("!", "    ", f"{b['owner']} = {new};"))
    b.function("\n".join(lines + ["}"]), key="a:init")


def a_origin(b: Builder) -> None:
    S = b.style
    reason = K.msg(b, "owner")
    v = S.req(f"tx.origin == {b['owner']}", reason)
    s = S.req(f"msg.sender == {b['owner']}", reason)
    fn = b.combo("a_fn", ("pay", "send", "move", "transfer", "payOut", "release"),
                 ("Funds", "Ether", "To", "Out"))
    to = b.name("a_to", ("to", "recipient", "dest", "receiver"))
    amt = b.name("a_amt", AMOUNT_PARAMS)
    if b.rng.random() < 0.5:
        b.add("modifier", f"modifier {b['only']}() {{\nV!|    {v}\nS|    {s}\n    _;\n}}",
              key="only")
        b.function(f"function {fn}({S.pay} {to}, {S.u} {amt}) public {b['only']} {{\n"
                   f"    {to}.transfer({amt});\n}}", key="a:origin")
    else:
        b.function(f"function {fn}({S.pay} {to}, {S.u} {amt}) public {{\nV!|    {v}\n"
                   f"S|    {s}\n    {to}.transfer({amt});\n}}", key="a:origin")


def a_visibility(b: Builder) -> None:
    S = b.style
    helper = b.name("a_helper", ("_send", "_pay", "_release", "_disburse", "_payOut"))
    to = b.name("a_to", ("to", "recipient", "dest", "receiver"))
    amt = b.name("a_amt", AMOUNT_PARAMS)
    fn = b.combo("a_fn", ("pay", "payOut", "disburse", "remit"), ("Funds", "Ether", "To"))
    to2 = b.name("a_to2", ("payee", "account", "target", "who"))
    amt2 = b.name("a_amt2", AMOUNT_PARAMS)
    head = f"function {helper}({S.pay} {to}, {S.u} {amt})"
    b.function(f"V|{head} public {{\nS|{head} internal {{\n!|    {to}.transfer({amt});\n}}",
               key="a:helper")
    b.function(f"function {fn}({S.pay} {to2}, {S.u} {amt2}) public {b['only']} {{\n"
               f"    {helper}({to2}, {amt2});\n}}", key="a:helper-caller")


def a_mint(b: Builder) -> None:
    fn = b.name("a_fn", ("mint", "issue", "create", "generate", "award"))
    to = b.name("a_to", ("to", "recipient", "account", "receiver"))
    amt = b.name("a_amt", AMOUNT_PARAMS)
    B, supply = b["B"], b["supply"]
    body = []
    if b.style.minor < 8:
        body.append(K.req(b, f"{supply} + {amt} >= {supply}", "input"))
    body.append(f"{supply} += {amt};")
    text = _restricted(b, f"function {fn}(address {to}, {b.style.u} {amt}) public {{", body,
                       f"{B}[{to}] += {amt};")
    b.function(text, key="a:mint")


def a_upgrade(b: Builder) -> None:
    text = _restricted(b, b.fill("function $setModule(address $m_addr) public {"),
                       [K.req(b, "$m_addr != address(0)", "input")],
                       b.fill("$module = $m_addr;"))
    if "Upgraded" in b.values:
        text = text[:-1] + b.fill("    emit $Upgraded($m_addr);\n}")
    b.function(text, key="fn:setModule")


def a_signer(b: Builder) -> None:
    text = _restricted(b, b.fill("function $addFn($pay $newWho) public {"),
                       [K.req(b, "!$isSigner[$newWho]", "state")],
                       b.fill("$isSigner[$newWho] = true;"))
    text = text[:-1] + b.fill("    $people.push($newWho);\n}")
    b.function(text, key="addSigner")


def a_rate(b: Builder) -> None:
    text = _restricted(b, b.fill("function $setRateFn($u $newRate) public {"),
                       [K.req(b, "$newRate <= 1000", "input")], b.fill("$rate = $newRate;"))
    b.function(text, key="setRate")


# ---- arithmetic ------------------------------------------------------------------------


def _arith(b: Builder, stmt: str, checked_lib: str, guard: str, decl: str = "") -> str:
    """Marked lines for an arithmetic statement that can wrap.

    Before 0.8 the vulnerable twin has the bare statement; the fix adds `guard` (a require
    before it) or rewrites it as `checked_lib` (library call). On 0.8 the vulnerable twin
    wraps it in `unchecked`; `decl` then declares the assigned local first (both twins).
    """
    ind = "    "
    if b.style.minor < 8:
        if b.rng.random() < 0.5:
            return _marked("S", ind, guard) + "\n" + _marked("!", ind, decl + stmt)
        K.math_lib(b)
        return (_marked("V!", ind, decl + stmt) + "\n"
                + _marked("S", ind, decl + b.fill(checked_lib)))
    head = f"{ind}{decl.strip()}\n" if decl else ""
    if b.rng.random() < 0.5:
        return head + _marked("V!", ind, f"unchecked {{ {stmt} }}") + "\n" + _marked(
            "S", ind, stmt)
    return (head + f"V|{ind}unchecked {{\n" + _marked("V!", ind * 2, stmt) + f"\nV|{ind}}}\n"
            + _marked("S", ind, stmt))


def _x_map(b: Builder) -> str:
    return b["B"] if "B" in b.values else b["L"]


def m_sub(b: Builder) -> None:
    X = _x_map(b)
    fn = b.combo("m_fn", ("move", "shift", "transferCredit", "reassign", "give", "pass"),
                 b.tails)
    to = b.name("m_to", ("to", "recipient", "receiver", "dest"))
    amt = b.name("m_amt", AMOUNT_PARAMS)
    u = b.style.u
    sub = _arith(b, f"{X}[msg.sender] -= {amt};",
                 f"{X}[msg.sender] = {X}[msg.sender].$sub({amt});",
                 K.req(b, f"{X}[msg.sender] >= {amt}", "funds"))
    add = (f"    {X}[{to}] = {X}[{to}].{b['add']}({amt});"
           if "add" in b.values and b.rng.random() < 0.7 else f"    {X}[{to}] += {amt};")
    b.function("\n".join([f"function {fn}(address {to}, {u} {amt}) public {{", sub, add, "}"]),
               key="m:sub")


def m_mul(b: Builder) -> None:
    X = _x_map(b)
    fn = b.combo("m_fn", ("batch", "multi", "bulk", "airdrop", "spread"),
                 ("Transfer", "Send", "Give", "Share", ""))
    lst = b.name("m_list", ("receivers", "recipients", "targets", "accounts", "list"))
    each = b.name("m_each", ("each", "value", "perAccount", "amountEach", "share"))
    total = b.name("m_total", ("total", "needed", "sum", "totalAmount", "outflow"))
    i = b.name("m_i", ("i", "k", "j", "n"))
    S = b.style
    u = S.u
    if S.minor < 8:
        stmt = f"{u} {total} = {lst}.length * {each};"
        if b.rng.random() < 0.5:
            guard = K.req(b, f"{each} == 0 || {total} / {each} == {lst}.length", "input")
            mul = f"!|    {stmt}\n" + _marked("S", "    ", guard)
        else:
            K.math_lib(b)
            mul = f"V!|    {stmt}\nS|    {u} {total} = {each}.{b['mul']}({lst}.length);"
    else:
        mul = _arith(b, f"{total} = {lst}.length * {each};", "", "", decl=f"{u} {total};")
    lines = [f"function {fn}(address[]{S.mem} {lst}, {u} {each}) public {{", mul,
             _indent(K.req(b, f"{X}[msg.sender] >= {total}", "funds")),
             f"    {X}[msg.sender] -= {total};",
             f"    for ({u} {i} = 0; {i} < {lst}.length; {i}++) {{",
             f"        {X}[{lst}[{i}]] += {each};", "    }", "}"]
    b.function("\n".join(lines), key="m:mul")


def m_lock(b: Builder) -> None:
    S = b.style
    u = S.u
    L = b["L"]
    lock = b.name("m_lock", ("lockTime", "lockedUntil", "unlockAt", "releaseTime", "maturity"))
    dep = b.combo("m_dep", ("lock", "timeLock", "park", "deposit"), ("Funds", "Deposit", "Ether",
                                                                      ""))
    ext = b.combo("m_fn", ("extend", "increase", "prolong", "push"), ("Lock", "LockTime", "Term"))
    rel = _fn(b, "m_rel", WITHDRAW_HEADS)
    extra = b.name("m_extra", ("extraSeconds", "extra", "addSeconds", "delta", "moreTime"))
    amt = b.name("m_amt", AMOUNT_PARAMS)
    b.state(f"mapping(address => {u}) public {lock};", key="state:m_lock")
    b.function(f"""
function {dep}() public payable {{
    {L}[msg.sender] += msg.value;
    {lock}[msg.sender] = {S.now} + 1 weeks;
}}""", key="m:dep")
    add = _arith(b, f"{lock}[msg.sender] += {extra};",
                 f"{lock}[msg.sender] = {lock}[msg.sender].$add({extra});",
                 K.req(b, f"{lock}[msg.sender] + {extra} >= {lock}[msg.sender]", "input"))
    b.function(f"function {ext}({u} {extra}) public {{\n{add}\n}}", key="m:ext")
    b.function("\n".join([
        f"function {rel}() public {{",
        _indent(K.req(b, f"{S.now} >= {lock}[msg.sender]", "time")),
        f"    {u} {amt} = {L}[msg.sender];",
        _indent(K.req(b, f"{amt} > 0", "empty")),
        f"    {L}[msg.sender] = 0;",
        _indent(K.send_checked(b, S.sender, amt, "m_ok")), "}"]), key="withdraw")


def _unit_price(b: Builder) -> str:
    for key in ("ticket", "bet", "price"):
        if key in b.values:
            return b[key]
    b.name("price", ("unitPrice", "price", "costEach", "pricePerUnit"))
    b.pick("price_lit", ("1 finney", "10 finney", "1 szabo", "100", "1000")
           if b.style.minor < 7 else ("1 gwei", "1000 gwei", "100", "1000", "1e15"))
    b.state("$u public $price;", key="state:price")
    b.ctor_lines.append(b.fill("$price = $price_lit;"))
    return b["price"]


def m_cost(b: Builder) -> None:
    S = b.style
    u = S.u
    price = _unit_price(b)
    if "B" in b.values:
        Y = b["B"]
    else:
        Y = b.name("m_entries", ("entries", "slots", "seats", "shares", "units"))
        b.state(f"mapping(address => {u}) public {Y};", key="state:m_entries")
    fn = b.combo("m_fn", ("buy", "reserve", "book", "take", "order"),
                 ("Many", "Batch", "Bulk", "Slots", "Units"))
    count = b.name("m_count", ("count", "number_", "howMany", "qty", "n"))
    cost = b.name("m_cost", ("cost", "due", "totalPrice", "charge"))
    if S.minor < 8:
        if b.rng.random() < 0.5:
            mul = (f"!|    {u} {cost} = {count} * {price};\n"
                   + _marked("S", "    ", K.req(b, f"{cost} / {price} == {count}", "input")))
        else:
            K.math_lib(b)
            mul = (f"V!|    {u} {cost} = {count} * {price};\n"
                   f"S|    {u} {cost} = {count}.{b['mul']}({price});")
    else:
        mul = _arith(b, f"{cost} = {count} * {price};", "", "", decl=f"{u} {cost};")
    lines = [f"function {fn}({u} {count}) public payable {{", mul,
             _indent(K.req(b, f"msg.value == {cost}", "value")),
             f"    {Y}[msg.sender] += {count};", "}"]
    b.function("\n".join(lines), key="m:cost")


# ---- time-manipulation -----------------------------------------------------------------

FINE = ("15", "30", "45", "60", "90", "120", "1 minutes", "2 minutes", "5 minutes")
COARSE = ("1 days", "3 days", "7 days", "2 weeks", "30 days")


def t_window(b: Builder) -> None:
    S = b.style
    start = ensure_start(b)
    L = b["L"]
    reason = K.msg(b, "time")
    fine, coarse = b.rng.choice(FINE), b.rng.choice(COARSE)
    if b.rng.random() < 0.5:
        op = b.rng.choice(("<=", "<"))
        fn = b.combo("t_fn", ("early", "open", "preDeposit", "reserve"), b.tails)
        lines = [f"function {fn}() public payable {{",
                 f"V!|    {S.req(f'{S.now} {op} {start} + {fine}', reason)}",
                 f"S|    {S.req(f'{S.now} {op} {start} + {coarse}', reason)}",
                 _indent(K.req(b, "msg.value > 0", "value")),
                 f"    {L}[msg.sender] += msg.value;", "}"]
        b.function("\n".join(lines), key="t:window")
        return
    op = b.rng.choice((">=", ">"))
    fn = _fn(b, "t_fn", WITHDRAW_HEADS)
    amt = b.name("t_amt", AMOUNT_PARAMS)
    lines = [f"function {fn}() public {{",
             f"V!|    {S.req(f'{S.now} {op} {start} + {fine}', reason)}",
             f"S|    {S.req(f'{S.now} {op} {start} + {coarse}', reason)}",
             f"    {S.u} {amt} = {L}[msg.sender];",
             _indent(K.req(b, f"{amt} > 0", "empty")),
             f"    {L}[msg.sender] = 0;",
             _indent(K.send_checked(b, S.sender, amt, "t_ok")), "}"]
    b.function("\n".join(lines), key="withdraw")


def t_mod(b: Builder) -> None:
    S = b.style
    price = b["bet"] if "bet" in b.values else b["ticket"]
    pot = b.name("t_pot", ("bonusPot", "sidePot", "pool", "reservePot", "kitty"))
    fn = b.combo("t_fn", ("spin", "tryLuck", "gamble", "flip", "ring", "tap"),
                 ("", "Wheel", "Bell", "Chance"))
    k = b.pick("t_k", ("2", "3", "5", "7", "10", "15"))
    L = b["L"]
    ent = K.entropy(b)  # the fix draws from participants' commitments, not chain data
    b.state(f"{S.u} public {pot};", key="state:t_pot")
    lines = [f"function {fn}() public payable {{",
             _indent(K.req(b, f"msg.value == {price}", "value")),
             f"    {pot} += msg.value;",
             f"V!|    if ({S.now} % {k} == 0) {{",
             f"S|    if ({ent} % {k} == 0) {{",
             f"        {L}[msg.sender] += {pot};",
             f"        {pot} = 0;", "    }", "}"]
    b.function("\n".join(lines), key="t:mod")


def t_rate(b: Builder) -> None:
    coarse = b.rng.choice(("1 days", "1 weeks", "1 days"))
    b.function(f"""
function $harvestFn() public {{
V!|    $u $earned = ($now - $since[msg.sender]) * $rate;
S|    $u $earned = ($now - $since[msg.sender]) / {coarse} * $rate;
    $since[msg.sender] = $now;
    $points[msg.sender] += $earned;
}}""", key="harvest")


# ---- bad-randomness --------------------------------------------------------------------


def _weak_source(b: Builder, extra: tuple[str, ...]) -> str:
    S = b.style
    chain = ["blockhash(block.number - 1)", S.now, S.difficulty, "block.coinbase",
             "block.number"]
    picked = b.rng.sample(chain, b.rng.randint(1, 3))
    picked += [x for x in extra if b.rng.random() < 0.5]
    b.rng.shuffle(picked)
    return ", ".join(picked)


def b_pick(b: Builder) -> None:
    ent = K.entropy(b)
    people = b["people"]
    if "drawFn" not in b.values:
        b.name("drawFn", ("draw", "pickWinner", "drawBonus", "raffle", "selectLucky"))
    src = _weak_source(b, ("msg.sender", f"{people}.length"))
    u = b.style.u
    idx = b["idx"]
    b.function(f"""
function $drawFn() public $only {{
    $some
V!|    {u} {idx} = {u}(keccak256(abi.encodePacked({src}))) % {people}.length;
S|    {u} {idx} = {u}(keccak256(abi.encodePacked({ent}, {people}.length))) % {people}.length;
    $draw_tail
}}""", key="draw", some=K.req(b, f"{people}.length > 0", "state"))


def b_guess(b: Builder) -> None:
    ent = K.entropy(b)
    u = b.style.u
    if b.rng.random() < 0.3:
        weak = f"{u}(blockhash(block.number - 1)) % $range"
    else:
        weak = f"{u}(keccak256(abi.encodePacked({_weak_source(b, ('msg.sender',))}))) % $range"
    b.function(f"""
function $playFn($u $guess) public payable {{
    $exact
    $inrange
V!|    $u $answer = {weak};
S|    $u $answer = $u(keccak256(abi.encodePacked({ent}, msg.sender))) % $range;
    if ($guess == $answer) {{
        $L[msg.sender] += $bet * $mult;
    }}
}}""", key="play", exact=K.req(b, "msg.value == $bet", "value"),
        inrange=K.req(b, "$guess < $range", "input"))


# ---- denial-of-service -----------------------------------------------------------------


def d_loop(b: Builder) -> None:
    """Pays every member of a list anyone grows in one loop: the loop and the payment
    are labelled (one failing member, or enough members to exhaust the gas, blocks
    the distribution). The safe twin pages: it credits the members of a caller-chosen,
    capped range for a pull withdrawal, so no loop runs over the whole list and no
    payment happens in it."""
    S = b.style
    people = K.people(b)
    owed = b.name("d_owed", ("dividendOf", "owedShare", "entitlement", "shareOf", "accrual"))
    fn = b.combo("d_fn", ("distribute", "share", "split", "payAll", "allocate"),
                 ("", "Profits", "Income", "Dividends", "Bonus"))
    share = b.name("d_share", ("portion", "each", "slice", "cut", "part"))
    i = b.name("d_i", ("i", "k", "j", "n"))
    u = S.u
    b.state(f"mapping(address => {u}) public {owed};", key="state:d_owed")
    if b.rng.random() < 0.5:
        v = f"{people}[{i}].transfer({share});"
    else:
        v = S.req(f"{people}[{i}].send({share})", K.msg(b, "call"))
    start = b.name("d_from", ("from", "start", "first", "offset"))
    end = b.name("d_to", ("to", "end", "stop", "until"))
    cap = b.rng.choice((20, 25, 50, 100))
    bounded = K.req(b, f"{end} <= {people}.length && {start} < {end} "
                       f"&& {end} - {start} <= {cap}", "input")
    lines = [f"V|function {fn}() public payable {b['only']} {{",
             f"S|function {fn}({u} {start}, {u} {end}) public payable {b['only']} {{",
             f"S|{_indent(bounded)}",
             _indent(K.req(b, f"{people}.length > 0", "state")),
             f"V|    {u} {share} = msg.value / {people}.length;",
             f"V!|    for ({u} {i} = 0; {i} < {people}.length; {i}++) {{",
             f"V!|        {v}",
             f"S|    {u} {share} = msg.value / ({end} - {start});",
             f"S|    for ({u} {i} = {start}; {i} < {end}; {i}++) {{",
             f"S|        {owed}[{people}[{i}]] += {share};", "    }", "}"]
    b.function("\n".join(lines), key="d:loop")
    K.pull(b, owed, "d:pull")


def d_refund(b: Builder) -> None:
    S = b.style
    if b.rng.random() < 0.5:
        v = "$leader.transfer($top);"
    else:
        v = S.req("$leader.send($top)", K.msg(b, "call"))
    fn_role = "bidFn"
    b.function(f"""
function ${fn_role}() public payable {{
    $pre_bid
    $higher
    if ($top > 0) {{
V!|        {v}
S|        $L[$leader] += $top;
    }}
    $leader = $sender;
    $top = msg.value;
}}""", key="bid", higher=K.req(b, "msg.value > $top", "value"))


# ---- front-running ---------------------------------------------------------------------


def f_puzzle(b: Builder) -> None:
    S = b.style
    target = b.name("f_target", ("puzzle", "targetHash", "challengeHash", "riddle",
                                 "question"))
    reward = b.name("f_reward", ("bounty", "prize", "award", "purseAmount"))
    commits = b.name("f_commits", ("claims", "intents", "answerHashes", "bids_"))
    setfn = b.name("f_set", ("setPuzzle", "post", "offer", "publishChallenge"))
    commit = b.name("f_commit", ("commitAnswer", "claim", "declare", "announceHash"))
    solve = b.name("f_solve", ("solve", "answer_", "submitAnswer", "respond"))
    h = b.name("f_h", ("hashValue", "puzzleHash", "challenge", "digestValue"))
    c = b.name("f_c", ("sealedAnswer", "claimHash", "intent", "commitment"))
    ans = b.name("f_ans", ("solution", "answerText", "reply", "guessText"))
    amt = b.name("f_amt", AMOUNT_PARAMS)
    u = S.u
    b.state(f"bytes32 public {target};", key="state:f_target")
    b.state(f"{u} public {reward};", key="state:f_reward")
    b.state(f"mapping(address => bytes32) public {commits};", key="state:f_commits")
    b.function(f"""
function {setfn}(bytes32 {h}) public payable $only {{
    {target} = {h};
    {reward} += msg.value;
}}""", key="f:set")
    b.function(f"""
function {commit}(bytes32 {c}) public {{
    {commits}[msg.sender] = {c};
}}""", key="f:commit")
    reason = K.msg(b, "input")
    hashed = f"keccak256(abi.encodePacked({ans})) == {target}"
    bound = f"{commits}[msg.sender] == keccak256(abi.encodePacked({ans}, msg.sender))"
    b.function("\n".join([
        f"function {solve}(string{S.mem} {ans}) public {{",
        f"V!|    {S.req(hashed, reason)}",
        f"S|    {S.req(f'{hashed} && {bound}', reason)}",
        f"    {u} {amt} = {reward};",
        f"    {reward} = 0;",
        f"    {target} = bytes32(0);",
        _indent(K.send_checked(b, S.sender, amt, "f_ok")), "}"]), key="f:solve")


def f_approve(b: Builder) -> None:
    b.function("""
function $approveFn(address $spender, $u $val) public returns (bool) {
S|    $fresh
!|    $A[msg.sender][$spender] = $val;
    emit $Approval(msg.sender, $spender, $val);
    return true;
}""", key="approve", fresh=K.req(b, "$val == 0 || $A[msg.sender][$spender] == 0", "state"))


def f_price(b: Builder) -> None:
    S = b.style
    price = b.name("price", ("price", "unitPrice", "tokenPrice", "costPerToken"))
    b.pick("price_lit", ("1 finney", "10 finney", "1 szabo", "100", "1000")
           if S.minor < 7 else ("1 gwei", "1000 gwei", "100", "1000", "1e15"))
    setter = b.name("f_setPrice", ("setPrice", "updatePrice", "reprice", "changePrice"))
    p = b.name("f_p", ("newPrice", "p", "priceValue", "nextPrice"))
    mx = b.name("f_max", ("maxPrice", "limitPrice", "priceCap", "acceptable"))
    if "buyFn" not in b.values:
        b.name("buyFn", ("buy", "purchase", "mintFor", "exchange"))
    if "units" not in b.values:
        b.name("units", ("units", "bought", "issuedNow", "out"))
    b.state(f"{S.u} public {price};", key="state:price")
    b.ctor_lines.append(b.fill("$price = $price_lit;"))
    b.function(f"""
function {setter}({S.u} {p}) public $only {{
    $pos
    {price} = {p};
}}""", key="f:setPrice", pos=K.req(b, f"{p} > 0", "input"))
    b.function(f"""
V|function $buyFn() public payable {{
S|function $buyFn({S.u} {mx}) public payable {{
S|    $cap
!|    $u $units = msg.value / {price};
    $B[msg.sender] += $units;
    $supply += $units;
    $f_tail
}}""", key="buy", cap=K.req(b, f"{price} <= {mx}", "value"))


# ---- unsafe-delegatecall ---------------------------------------------------------------


def _dcall(b: Builder, target: str, data: str, ok: str) -> tuple[str, str]:
    S = b.style
    if S.minor <= 4:
        return S.req(f"{target}.delegatecall({data})", K.msg(b, "call")), ""
    return S.delegate_ok(ok, target, data), S.req(ok, K.msg(b, "call"))


def v_forward(b: Builder) -> None:
    S = b.style
    mod = K.module(b)
    fn = b.name("v_fn", ("execute", "forward", "run", "invoke", "dispatch", "extend"))
    target = b.name("v_target", ("target", "to", "callee", "logicAddr", "where"))
    data = b.name("v_data", ("data", "payload", "callData", "input"))
    ok = b.name("v_ok", OK_LOCALS)
    reason = K.msg(b, "call")
    if S.minor <= 4:
        v, s, check = (S.req(f"{target}.delegatecall({data})", reason),
                       S.req(f"{mod}.delegatecall({data})", reason), "")
    else:
        v, s, check = (S.delegate_ok(ok, target, data), S.delegate_ok(ok, mod, data),
                       S.req(ok, reason))
    lines = [f"V|function {fn}(address {target}, bytes{S.mem} {data}) public {{",
             f"S|function {fn}(bytes{S.mem} {data}) public {b['only']} {{",
             f"V!|    {v}", f"S|    {s}", _indent(check), "}"]
    b.function("\n".join(x for x in lines if x), key="v:forward")


def v_selector(b: Builder) -> None:
    S = b.style
    mod = K.module(b)
    fn = b.combo("v_fn", ("run", "apply", "perform", "trigger", "invoke"),
                 ("Update", "Action", "Hook", "Task", "Step"))
    sig = b.name("v_sig", ("signature", "selectorText", "method", "fnName"))
    arg = b.name("v_arg", ("arg", "param", "input", "argument"))
    ok = b.name("v_ok", OK_LOCALS)
    name = b.pick("v_name", ("update", "sync", "settle", "refresh", "rebalance", "process"))
    reason = K.msg(b, "call")
    fixed = f'abi.encodeWithSignature("{name}(uint256)", {arg})'
    dyn = f"abi.encodeWithSignature({sig}, {arg})"
    if S.minor <= 4:
        v = S.req(f"{mod}.delegatecall({dyn})", reason)
        s = S.req(f"{mod}.delegatecall({fixed})", reason)
        check = ""
    else:
        v, s, check = S.delegate_ok(ok, mod, dyn), S.delegate_ok(ok, mod, fixed), S.req(ok,
                                                                                    reason)
    lines = [f"V|function {fn}(string{S.mem} {sig}, {S.u} {arg}) public {{",
             f"S|function {fn}({S.u} {arg}) public {{",
             f"V!|    {v}", f"S|    {s}", _indent(check), "}"]
    b.function("\n".join(x for x in lines if x), key="v:selector")


def _f(name: str, category: str, build: Callable[[Builder], None], needs: str = "",
       excludes: str = "", min_minor: int = 4, max_minor: int = 8) -> Form:
    return Form(name, category, build, frozenset(needs.split()), frozenset(excludes.split()),
                min_minor, max_minor)


FORMS: tuple[Form, ...] = (
    _f("drain", "reentrancy", r_drain, "ledger"),
    _f("partial", "reentrancy", r_partial, "ledger", max_minor=7),
    _f("hook", "reentrancy", r_hook, "ledger"),
    _f("execute", "reentrancy", r_exec, "multisig"),
    _f("sell", "reentrancy", r_sell, "tokens sale", excludes="ledger"),
    _f("payout", "unchecked-call", u_payout, "ledger"),
    _f("pay", "unchecked-call", u_pay),
    _f("execute", "unchecked-call", u_exec, "execute"),
    _f("sell", "unchecked-call", u_sell, "tokens sale", excludes="ledger"),
    _f("owner", "access-control", a_owner),
    _f("sweep", "access-control", a_sweep),
    _f("destroy", "access-control", a_destroy),
    _f("init", "access-control", a_init),
    _f("origin", "access-control", a_origin),
    _f("visibility", "access-control", a_visibility),
    _f("mint", "access-control", a_mint, "tokens"),
    _f("upgrade", "access-control", a_upgrade, "upgrade"),
    _f("signer", "access-control", a_signer, "multisig"),
    _f("rate", "access-control", a_rate, "rate"),
    _f("sub", "arithmetic", m_sub, "tokens"),
    _f("sub-ledger", "arithmetic", m_sub, "ledger", excludes="tokens"),
    _f("batch", "arithmetic", m_mul, "tokens"),
    _f("lock", "arithmetic", m_lock, "timelock"),
    _f("cost", "arithmetic", m_cost, "tickets"),
    _f("window", "time-manipulation", t_window, "start ledger"),
    _f("modulo", "time-manipulation", t_mod, "tickets ledger", excludes="sale"),
    _f("rate", "time-manipulation", t_rate, "rate"),
    _f("draw", "bad-randomness", b_pick, "players"),
    _f("guess", "bad-randomness", b_guess, "guess"),
    _f("loop", "denial-of-service", d_loop, "people"),
    _f("refund", "denial-of-service", d_refund, "leader"),
    _f("puzzle", "front-running", f_puzzle, "bounty"),
    _f("approve", "front-running", f_approve, "approve"),
    _f("price", "front-running", f_price, "sale"),
    _f("forward", "unsafe-delegatecall", v_forward, "module"),
    _f("selector", "unsafe-delegatecall", v_selector, "module"),
)


def forms_for(category: str, caps: frozenset[str], minor: int) -> list[Form]:
    return [f for f in FORMS if f.category == category and f.fits(caps, minor)]
