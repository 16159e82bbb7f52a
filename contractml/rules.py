"""The finding categories as rules: one declarative source for `contractml rules`, the
SARIF `tool.driver.rules`, the recommendation on each finding and docs/rules.md. Each
rule's help lists its category definitions from their registry
(`contractml.definitions.DEFINITIONS`): id, kind, what it names and its measured
precision.

Rule ids are ``contractml/<category>`` (``RULE_PREFIX`` + the taxonomy id, verbatim), so
the category can always be read back from a rule id (`category_of`). Ids never change
once published: code scanning matches alerts across runs by rule id.

This module imports neither torch nor slither.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

from contractml.definitions import DEFINITIONS, Definition
from contractml.findings import SEVERITIES

#: Finding categories, in the order of the model's target columns
#: (../shared/docs/taxonomy.md). `datasets.labels` uses this tuple.
CATEGORIES: tuple[str, ...] = (
    "reentrancy", "unchecked-call", "access-control", "arithmetic", "time-manipulation",
    "bad-randomness", "denial-of-service", "front-running", "unsafe-delegatecall",
)

RULE_PREFIX = "contractml/"

#: Version of the `contractml rules --format json` document.
RULES_JSON_VERSION = 1

#: A `security-severity` for each severity, used when a configured severity replaces a
#: rule's default (GitHub: >= 7.0 high, 4.0-6.9 medium, < 4.0 low).
SECURITY_SEVERITY_FOR: dict[str, str] = {"high": "7.5", "medium": "5.5", "low": "3.0"}


@dataclass(frozen=True)
class Rule:
    id: str  # "contractml/<category>"
    category: str  # taxonomy id
    title: str  # one line
    swc: tuple[str, ...]  # ("SWC-107",)
    severity: str  # default severity: low | medium | high
    security_severity: str  # number as a string, e.g. "8.0" (GitHub code scanning)
    description: str  # one paragraph
    help_markdown: str  # what it is, why it matters, an example, how to fix
    recommendation: str  # one or two sentences shown on each finding

    @property
    def name(self) -> str:
        """PascalCase name (SARIF `reportingDescriptor.name`), e.g. ``UncheckedCall``."""
        return "".join(part.capitalize() for part in self.category.split("-"))

    @property
    def help_text(self) -> str:
        """Plain-text help: the description and the recommendation."""
        return f"{self.description}\n\n{self.recommendation}"

    @property
    def swc_urls(self) -> tuple[str, ...]:
        return tuple(f"https://swcregistry.io/docs/{swc}" for swc in self.swc)

    @property
    def definitions(self) -> tuple[Definition, ...]:
        """The category definitions of this rule, in registry order."""
        return tuple(d for d in DEFINITIONS if d.category == self.category)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["swc"] = list(self.swc)
        data["definitions"] = [_definition_dict(d) for d in self.definitions]
        return data


def _definition_dict(definition: Definition) -> dict[str, object]:
    return {"id": definition.id, "kind": definition.kind, "summary": definition.summary,
            "precision": definition.precision, "measured_on": definition.measured_on}


def _definitions_markdown(category: str) -> str:
    """The help's section on a category's definitions (empty when it has none)."""
    chosen = [d for d in DEFINITIONS if d.category == category]
    if not chosen:
        return ""
    lines = ["### Definitions", "",
             "Besides the network's scores and Slither's detectors, these definitions "
             "decide findings of this category whatever the network says (a finding names "
             "them in `sources` as `definition:<id>`):", ""]
    for d in chosen:
        if d.kind == "include":
            what = (f"reports, scored with its precision {d.precision:.4f} "
                    f"({d.measured_on})")
        else:
            what = "never reported (an exclusion)"
        lines.append(f"- `{d.id}` ({what}): {d.summary}")
    return "\n".join(lines) + "\n"


def _rule(category: str, title: str, swc: tuple[str, ...], severity: str,
          security_severity: str, description: str, help_body: str,
          recommendation: str) -> Rule:
    definitions = _definitions_markdown(category)
    return Rule(id=RULE_PREFIX + category, category=category, title=title, swc=swc,
                severity=severity, security_severity=security_severity,
                description=description,
                help_markdown=help_body.strip() + "\n" + ("\n" + definitions
                                                         if definitions else ""),
                recommendation=recommendation)


_RULES: tuple[Rule, ...] = (
    _rule(
        "reentrancy", "State used after an external call that can call back",
        ("SWC-107",), "high", "8.0",
        "The function makes an external call (a low-level call, a transfer to an arbitrary "
        "address, or a call into another contract) and reads or writes contract state "
        "after it. The callee can call back into the contract before that state is "
        "updated and repeat the action with stale state, for example withdrawing the same "
        "balance twice.",
        """
### What it is

An external call hands control to code you do not control. If the contract's state is
updated only after the call returns, the callee can re-enter the contract (this function
or another one that shares the state) while the state still says the old thing.

### Why it matters

Re-entrancy drained The DAO and many contracts since: every re-entered call repeats a
payment that the not-yet-updated balance still allows. contractml always reports a call
that runs the caller's code (a low-level `call` or a contract call on `msg.sender`, also
through an internal helper that calls back the address it is given) followed by a write
of state that was read before it, in a public or external function with no
authorisation check and no lock modifier, whatever the network scores; other shapes
(calls to other contracts, state shared with another function) are reported when the
network scores them.

### Example

```solidity
function withdraw() external {
    uint256 amount = balances[msg.sender];
    (bool ok, ) = msg.sender.call{value: amount}("");  // the callee runs here
    require(ok);
    balances[msg.sender] = 0;                          // too late
}
```

### How to fix

Follow checks-effects-interactions: update state before the call
(`balances[msg.sender] = 0;` first), and/or guard the function (and every function that
touches the same state) with a re-entrancy lock such as OpenZeppelin's `nonReentrant`.
""",
        "Update all state before the external call (checks-effects-interactions) or guard "
        "the functions that share this state with a re-entrancy lock.",
    ),
    _rule(
        "unchecked-call", "Result of a low-level call or send is ignored",
        ("SWC-104",), "medium", "5.5",
        "A low-level `call`, `delegatecall`, `staticcall` or `send` returns false on "
        "failure instead of reverting. The function ignores that result, so it carries on "
        "as if the call had succeeded: ether that was never sent is booked as paid, or a "
        "failed action is treated as done.",
        """
### What it is

`address.call(...)`, `address.send(...)` and the other low-level calls do not revert when
the callee fails; they return `false`. Solidity does not force the caller to look at it.
contractml reports such a call only when its success flag is never read: a flag that is
checked, returned to the caller, stored, emitted or passed to another call counts as
handled and is never reported in this category.

### Why it matters

When the result is ignored the contract's books and reality disagree: a payment that
failed is recorded as made, and the user's funds are lost or stuck.

### Example

```solidity
function pay(address payable to, uint256 amount) external {
    balances[to] -= amount;
    to.send(amount);          // returns false on failure; ignored
}
```

### How to fix

Check the result (`(bool ok, ) = to.call{value: amount}(""); require(ok, "...");`), or
use `transfer`/OpenZeppelin's `Address.sendValue`, which revert on failure.
""",
        "Check the returned success flag and revert (or handle the failure) when it is "
        "false.",
    ),
    _rule(
        "access-control", "Privileged action reachable by anyone, or authorised by tx.origin",
        ("SWC-105", "SWC-106", "SWC-115", "SWC-118"), "high", "8.0",
        "A privileged action (withdrawing ether, changing the owner, `selfdestruct`, an "
        "initializer, a misnamed constructor) can be reached without a check on "
        "`msg.sender`, or the check uses `tx.origin`, which any contract the owner "
        "interacts with can exploit.",
        """
### What it is

Functions that move funds, change ownership, destroy the contract or initialise it must
be restricted to the accounts allowed to do so. This rule covers missing checks
(SWC-105, SWC-106, SWC-118: a constructor whose name no longer matches becomes a public
function) and checks against `tx.origin` (SWC-115). contractml always reports a statement
that rewrites a variable the contract's authorisation checks read (`owner` in
`msg.sender == owner`, `isMinter` in `require(isMinter[msg.sender])`) inside a public or
external function without a sender check (a modifier that never reads `msg.sender`, such
as a phase or pause check, is none, nor is a membership check anyone passes after an open
`join` enrols them), unless the function can run only once (it checks
and sets the same state) or writes the sender's own entry; and every comparison of
`tx.origin` with an account (`owner == tx.origin`, returned or required) or check of a
stored entry keyed by it (`require(admins[tx.origin])`).

### Why it matters

Anyone can call an unprotected privileged function: take ownership, withdraw the
balance or self-destruct the contract. A `tx.origin` check passes whenever the owner is
tricked into calling any malicious contract, which then calls yours.

### Example

```solidity
function setOwner(address newOwner) public {   // no check on msg.sender
    owner = newOwner;
}

function withdrawAll() public {
    require(tx.origin == owner);                // phishable
    payable(msg.sender).transfer(address(this).balance);
}
```

### How to fix

Restrict the function with a check on `msg.sender` (for example OpenZeppelin's
`onlyOwner` or role-based access control), never authorise with `tx.origin`, protect
initializers so they run once, and use the `constructor` keyword.
""",
        "Restrict this action to authorised callers with a check on msg.sender (e.g. "
        "onlyOwner or a role); never authorise with tx.origin.",
    ),
    _rule(
        "arithmetic", "Integer overflow or underflow",
        ("SWC-101",), "high", "7.5",
        "Arithmetic that can wrap around: code compiled with Solidity before 0.8 without "
        "SafeMath-style checks, or code inside an `unchecked { }` block. A wrapped balance, "
        "supply or index lets an attacker mint value or bypass a limit.",
        """
### What it is

Before Solidity 0.8, `+`, `-` and `*` on integers silently wrap modulo 2^N. From 0.8 on
they revert on overflow, except inside `unchecked { }` blocks.

### Why it matters

An underflowing balance becomes a huge number; an overflowing total passes a limit
check. Several tokens were drained this way (for example the BatchOverflow bug).
contractml always reports a subtraction that can wrap of an amount the caller passes,
which nothing in the function compares, from a stored value (`balances[msg.sender] -=
value`), in a public or external function with no sender check (a modifier that never
reads `msg.sender` is none), whatever the network scores; other arithmetic is reported
when the network scores it.

### Example

```solidity
// pragma solidity ^0.4.24;
function transfer(address to, uint256 value) public {
    require(balances[msg.sender] - value >= 0);   // always true: wraps instead
    balances[msg.sender] -= value;
    balances[to] += value;
}
```

### How to fix

Compile with Solidity 0.8 or later and keep arithmetic on untrusted values out of
`unchecked` blocks, or use a checked-math library (SafeMath) on older compilers; compare
before subtracting (`require(balances[msg.sender] >= value)`).
""",
        "Use checked arithmetic (Solidity >= 0.8 outside unchecked blocks, or SafeMath) and "
        "validate operands before subtracting or multiplying.",
    ),
    _rule(
        "time-manipulation", "Logic depends on block.timestamp",
        ("SWC-116",), "low", "3.0",
        "Control flow or a value depends on `block.timestamp` (`now`) at a granularity the "
        "block producer can influence: they can move the timestamp by several seconds, "
        "enough to win a time-based condition or a lottery keyed on it.",
        """
### What it is

`block.timestamp` is chosen by the block producer within loose limits. Code that
branches on it, or derives a value from it, trusts that choice.

### Why it matters

A producer (or a searcher bribing one) can pick a timestamp that makes a condition true,
for example to hit an exact second, win a time-based game or skew an interest
calculation. Coarse deadlines (hours or days) are usually fine. contractml always
reports a comparison between a value derived from the timestamp and a window of at most
15 minutes (`block.timestamp <= lastMove + 60`, `now % 60 < 10`), and a timestamp-derived
value divided or taken modulo by such a constant, and a race ranked by durations of the
chain clock (`reaction = now - goAt; if (reaction < best) leader = msg.sender;`),
whatever the network scores; other uses are reported when the network scores them.

### Example

```solidity
function play() external payable {
    if (block.timestamp % 15 == 0) {     // the block producer picks this
        payable(msg.sender).transfer(address(this).balance);
    }
}
```

### How to fix

Use timestamps only for coarse deadlines that tolerate a shift of a few seconds to
minutes; never for randomness or exact-second conditions. Use block numbers or an
oracle where precision matters.
""",
        "Use block.timestamp only for coarse deadlines that tolerate a shift of a few "
        "seconds; never for exact timing or randomness.",
    ),
    _rule(
        "bad-randomness", "Randomness drawn from chain data",
        ("SWC-120",), "medium", "6.0",
        "A value used as randomness comes from data every transaction in the block can "
        "see or the block producer can choose: `blockhash`, `block.timestamp`, "
        "`block.prevrandao`/`difficulty`, `block.number` or a hash of them. Anyone can "
        "compute the outcome before acting, or a producer can bias it.",
        """
### What it is

Nothing on chain is secret. A "random" number computed from block data, or from
contract state, can be computed by any other contract in the same transaction.

### Why it matters

An attacker's contract calls yours only when the outcome favours it, and games,
lotteries and NFT mints that rely on it are won at will. contractml always reports a
number made from chain data, a hash of block values or `blockhash`,
`difficulty`/`prevrandao` or `coinbase` read straight, where it is converted to an
integer (`seed = uint256(keccak256(abi.encodePacked(block.timestamp, ...)))`,
`uint8(...)`) or reduced to a range by `%` (also through locals and seeds stored in the
same function), whatever the network scores; other shapes (a stored seed reduced in
another function) are reported when the network scores them. A hash kept as `bytes32`
is an identifier, not a number; the timestamp taken modulo without a hash is a clock,
reported as time-manipulation.

### Example

```solidity
function draw() external {
    uint256 r = uint256(keccak256(abi.encodePacked(blockhash(block.number - 1),
                                                   block.timestamp)));
    if (r % 10 == 0) winner = msg.sender;
}
```

### How to fix

Use a verifiable randomness source (for example Chainlink VRF) or a commit-reveal scheme
with a reveal deadline and a penalty for not revealing.
""",
        "Take randomness from a verifiable source (e.g. a VRF oracle) or a commit-reveal "
        "scheme, never from block data.",
    ),
    _rule(
        "denial-of-service", "One failing or expensive party can block everyone",
        ("SWC-113", "SWC-128"), "medium", "5.0",
        "A path that every user depends on makes an external call that can fail, or "
        "loops over a collection that grows without bound. One recipient that reverts, "
        "or enough entries to exceed the block gas limit, blocks the function for "
        "everyone.",
        """
### What it is

Two shapes of the same problem: a shared function that pays several parties in one
transaction (SWC-113) reverts when any one of them refuses the payment, and a loop over
an array anyone can grow (SWC-128) eventually costs more gas than a block allows.
contractml always reports a call inside a loop whose failure reverts the transaction (a
`transfer`, or a `send` or call whose result is required) when its recipient, or an
address argument of a contract call, is taken from storage (`payees[i].wallet`), and
the condition of a loop as long as a stored array that anyone can make longer (a
`push` in a function with no sender check, also through an internal helper, and no
cap on the array's length), whatever the network scores; other shapes are reported
when the network scores them.

### Why it matters

Refunds, auctions and payouts stop working for everyone, often with funds locked in
the contract for good.

### Example

```solidity
function refundAll() external {
    for (uint256 i = 0; i < investors.length; i++) {      // unbounded
        payable(investors[i]).transfer(deposits[i]);      // one revert blocks all
    }
}
```

### How to fix

Let each party withdraw its own funds (pull payments) instead of pushing to all of them,
and bound loops or process them in batches that a caller can resume.
""",
        "Let each party withdraw its own funds (pull over push) and bound loops or process "
        "them in resumable batches.",
    ),
    _rule(
        "front-running", "Outcome depends on transaction order",
        ("SWC-114",), "medium", "5.0",
        "The result of a transaction depends on which transactions run before it: a "
        "secret revealed in calldata, an `approve` that changes a non-zero allowance, or "
        "a price or reward that another transaction can change first. Anyone watching "
        "the mempool can insert their transaction ahead of it.",
        """
### What it is

Pending transactions are public, and their order inside a block is chosen by the block
producer. Code whose outcome depends on that order (transaction-order dependence) can be
raced.

### Why it matters

An attacker copies a revealed answer and claims the reward first, spends an old
allowance just before `approve` replaces it, or moves a price so the victim's trade runs
at a worse rate. contractml always reports, in a function anyone can call, a proof that
does not name the claimant (a hash of a value the caller sends, not bound to
`msg.sender`, compared or picking the prize; a signed voucher that names no payee) and
the statements that then pay or record `msg.sender`, and the caller's amount converted at
a price that another transaction can move first (an owner's price setter, reserves that
trades change) with no bound from the caller, whatever the network scores; other shapes
are reported when the network scores them.

### Example

```solidity
function claim(string calldata answer) external {
    require(keccak256(bytes(answer)) == hash);   // the answer is visible while pending
    payable(msg.sender).transfer(reward);
}
```

### How to fix

Use commit-reveal for secrets, `increaseAllowance`/`decreaseAllowance` (or set the
allowance to zero first) instead of overwriting one, and let callers bound what they
accept (minimum output, maximum price, deadline).
""",
        "Make the outcome independent of ordering: commit-reveal for secrets, and let "
        "callers bound what they accept (minimum output, maximum price, deadline).",
    ),
    _rule(
        "unsafe-delegatecall", "delegatecall to an address or data the caller controls",
        ("SWC-112",), "high", "8.5",
        "The contract runs `delegatecall` with a target address or calldata that the "
        "caller controls. The target's code then runs with this contract's storage and "
        "balance, so the caller can overwrite the owner, drain funds or self-destruct "
        "the contract.",
        """
### What it is

`delegatecall` executes another contract's code in the context of this one: same
storage, same balance, same `msg.sender`. Whoever chooses the target or the calldata
chooses what runs with your contract's authority. contractml always reports a
`delegatecall` or `callcode` whose target comes from the caller's input (a parameter or
`msg.data`, also through locals) in a public or external function that checks no sender
(a modifier that never reads `msg.sender`, or a membership anyone can take by an open
`join`, is no check), whatever the network scores,
and one whose target the caller placed another way: passed on to an internal helper,
answered by a contract the caller names, or stored by anyone in a mapping or array
(a hook each caller sets for itself). Other shapes are reported when the network
scores them.

### Why it matters

The Parity multisig wallets were taken over and later frozen this way: a delegatecall
forwarded arbitrary calldata to a library whose `initWallet` reset the owner.

### Example

```solidity
function forward(address target, bytes calldata data) external {
    (bool ok, ) = target.delegatecall(data);     // caller picks code and arguments
    require(ok);
}
```

### How to fix

Delegatecall only to fixed, trusted implementation addresses set by an authorised
account, never to a caller-supplied address; restrict which functions can be reached,
and protect upgrade functions with access control.
""",
        "Delegatecall only to a fixed, trusted implementation set by an authorised account, "
        "never to a caller-supplied address or with caller-supplied calldata.",
    ),
)

#: rule per category, in CATEGORIES order.
RULES: dict[str, Rule] = {rule.category: rule for rule in _RULES}

assert tuple(RULES) == CATEGORIES


def rule_for(category: str) -> Rule:
    """The rule of a taxonomy category; KeyError for an unknown one."""
    return RULES[category]


def rule_id(category: str) -> str:
    return RULES[category].id


def category_of(rule_id: str) -> str:
    """The category of a rule id (``contractml/reentrancy`` -> ``reentrancy``)."""
    if not rule_id.startswith(RULE_PREFIX) or rule_id[len(RULE_PREFIX):] not in RULES:
        raise KeyError(rule_id)
    return rule_id[len(RULE_PREFIX):]


def effective_rules(severity: Mapping[str, str] | None = None) -> dict[str, Rule]:
    """RULES with configured severities (category -> low|medium|high) applied; a changed
    severity gets the representative `security_severity` of its level."""
    if not severity:
        return dict(RULES)
    rules = {}
    for category, rule in RULES.items():
        level = severity.get(category, rule.severity)
        if level not in SEVERITIES:
            raise ValueError(f"unknown severity {level!r} for {category}")
        if level != rule.severity:
            rule = replace(rule, severity=level, security_severity=SECURITY_SEVERITY_FOR[level])
        rules[category] = rule
    return rules


def rules_json(rules: Mapping[str, Rule] | None = None) -> str:
    """`contractml rules --format json`: ``{"version": 1, "rules": [...]}``."""
    rules = RULES if rules is None else rules
    document = {"version": RULES_JSON_VERSION,
                "rules": [rule.to_dict() for rule in rules.values()]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def rules_text(rules: Mapping[str, Rule] | None = None) -> str:
    """`contractml rules`: each rule's id, severity, SWC ids, title and description."""
    rules = RULES if rules is None else rules
    blocks = []
    for rule in rules.values():
        blocks.append(
            f"{rule.id}  [{rule.severity}]  {', '.join(rule.swc)}\n"
            f"  {rule.title}\n"
            + "".join(f"  {line}\n" for line in _wrap(rule.description, 86))
            + "".join(f"  fix: {line}\n" if i == 0 else f"       {line}\n"
                      for i, line in enumerate(_wrap(rule.recommendation, 81)))
            + "".join(f"  definition {d.id} [{d.kind}"
                      + (f", precision {d.precision:.4f}" if d.precision is not None else "")
                      + "]\n" + "".join(f"    {line}\n" for line in _wrap(d.summary, 84))
                      for d in rule.definitions)
        )
    return "\n".join(blocks)


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=width, break_on_hyphens=False) or [""]


def rules_markdown() -> str:
    """The content of docs/rules.md (a test checks the file equals it)."""
    lines = [
        "# Rules",
        "",
        "<!-- Generated from contractml/rules.py by `contractml.rules.rules_markdown()`; "
        "do not edit by hand. -->",
        "",
        "contractml reports findings in nine categories (the ids of the project's "
        "taxonomy). Each category is one rule whose id "
        f"is `{RULE_PREFIX}<category>`: the category id appears verbatim in the rule id, so "
        "`contractml/reentrancy` is the rule of category `reentrancy`. Rule ids are stable: "
        "they appear as `ruleId` in SARIF (GitHub code scanning tracks alerts by them), as "
        "`rule_id` in JSON output, and the category ids are what suppression comments "
        "name.",
        "",
        "Severities are defaults; `[tool.contractml.severity]` overrides them per category "
        "(see [configuration](configuration.md)). `security-severity` is the number GitHub "
        "code scanning uses to rank alerts (>= 7.0 high, 4.0-6.9 medium, < 4.0 low).",
        "",
        "| rule id | category | severity | security-severity | SWC | title |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        swc = ", ".join(f"[{s}](https://swcregistry.io/docs/{s})" for s in rule.swc)
        lines.append(f"| `{rule.id}` | [{rule.category}](#{rule.category}) | "
                     f"{rule.severity} | {rule.security_severity} | {swc} | {rule.title} |")
    for rule in RULES.values():
        help_body = rule.help_markdown
        lines += [
            "",
            f"## {rule.category}",
            "",
            f"`{rule.id}`: **{rule.title}**. Default severity **{rule.severity}** "
            f"(security-severity {rule.security_severity}); {', '.join(rule.swc)}.",
            "",
            rule.description,
            "",
            help_body.rstrip("\n"),
            "",
            f"**Recommendation shown on each finding:** {rule.recommendation}",
        ]
    return "\n".join(lines) + "\n"
