"""What the category definitions exclude from findings or name outright
(`contractml.definitions`): a handled call result is never unchecked-call
(`FunctionFacts.handled_results`), arithmetic that cannot wrap is never arithmetic, and a
delegatecall to an address the caller chooses is always unsafe-delegatecall, an
authority variable anyone can rewrite is always access-control, a timestamp window a
block producer can move is always time-manipulation, a loop's payment to a stored
party that reverts on failure is always denial-of-service, and an amount the caller
passes, unchecked, taken from a stored value where it can wrap is always arithmetic."""

from __future__ import annotations

import numpy as np
import pytest

from contractml.analysis.context import node_index
from contractml.analysis.dataflow import FunctionFacts, authority_variables
from contractml.definitions import BY_ID, Definitions
from contractml.fusion import fuse
from contractml.graph.builder import function_graphs
from contractml.localize import Thresholds
from contractml.records import FileRecord, FunctionRecord
from contractml.rules import CATEGORIES
from tests.definitions.conftest import _compiled

# One call per function; the comment after each call says whether its flag is handled.
CALLS = """\
pragma solidity ^0.8.0;
contract Calls {
    address payable private target;
    bool private last;
    event Done(bool ok);
    function dropped() external {
        target.call("");
    }
    function unpacked() external {
        (bool ok, ) = target.call("");
    }
    function dataOnly() external returns (bytes memory) {
        (, bytes memory data) = target.call("");
        return data;
    }
    function returned() external returns (bool) {
        (bool ok, ) = target.delegatecall("");
        return ok;
    }
    function required() external {
        (bool ok, ) = target.call("");
        require(ok);
    }
    function stored() external {
        (bool ok, ) = target.call("");
        last = ok;
    }
    function emitted() external {
        (bool ok, ) = target.call("");
        emit Done(ok);
    }
    function negated() external {
        if (!target.send(1)) {
            revert();
        }
    }
    function sent() external {
        target.send(1);
    }
    function copied() external {
        bool ok = target.send(1);
        bool again = ok;
    }
}
"""
HANDLED = {"returned", "required", "stored", "emitted", "negated"}
IGNORED = {"dropped", "unpacked", "dataOnly", "sent", "copied"}

OLD = """\
pragma solidity ^0.4.24;
contract Old {
    address target;
    function returned() public returns (bool) {
        bool ok = target.delegatecall(msg.data);
        return ok;
    }
    function dropped() public {
        target.call.value(1)();
    }
    function checked() public {
        require(target.call.value(1)());
    }
}
"""


calls = _compiled("calls", {"Calls.sol": CALLS})


old = _compiled("old", {"Old.sol": OLD})


def _functions(records: list[FileRecord]) -> dict[str, FunctionRecord]:
    return {f.name: f for r in records for c in r.contracts for f in c.functions}


def _call_lines(function: FunctionRecord) -> set[int]:
    return {n.span.start_line for n in function.nodes
            if any(ir.op in ("Send", "LowLevelCall") for ir in n.irs)}


def _handled_lines(function: FunctionRecord) -> set[int]:
    facts = FunctionFacts(function)
    return {n.span.start_line for n in function.nodes if n.id in facts.handled_results}


def test_handled_and_ignored_results_in_08(calls: list[FileRecord]) -> None:
    functions = _functions(calls)
    for name in HANDLED | IGNORED:
        call_lines = _call_lines(functions[name])
        assert len(call_lines) == 1, name
        expected = call_lines if name in HANDLED else set()
        assert _handled_lines(functions[name]) == expected, name


def test_handled_and_ignored_results_in_04(old: list[FileRecord]) -> None:
    functions = _functions(old)
    assert _handled_lines(functions["returned"]) == {5}
    assert _handled_lines(functions["checked"]) == {12}
    assert _handled_lines(functions["dropped"]) == set()


def test_a_handled_result_is_never_an_unchecked_call_finding(
        calls: list[FileRecord]) -> None:
    """Every statement scores 1.0 for every category: of the calls, only those whose
    flag is ignored are unchecked-call candidates; other categories are untouched."""
    nodes = node_index(calls)
    thresholds = Thresholds(node=dict.fromkeys(CATEGORIES, 0.5),
                            function=dict.fromkeys(CATEGORIES, 0.0))
    functions = _functions(calls)
    unchecked: set[int] = set()
    other: set[int] = set()  # a category without exclusions
    for graph in function_graphs(calls):
        node = np.ones((graph.num_nodes, len(CATEGORIES)), dtype=np.float32)
        function = np.ones((int(graph.num_functions), len(CATEGORIES)), dtype=np.float32)
        for region in fuse(graph, node, function, thresholds, CATEGORIES, nodes,
                           definitions=Definitions(nodes)):
            lines = {hit.start_line for hit in region.hits}
            if region.category == "unchecked-call":
                unchecked |= lines
            elif region.category == "denial-of-service":
                other |= lines
        sweep = fuse(graph, node, function, thresholds, CATEGORIES, nodes,
                     definitions=Definitions(nodes), floor=0.5)
        for region in sweep:  # the precision-recall sweep applies the same rule
            if region.category == "unchecked-call":
                assert not any({hit.start_line for hit in region.hits}
                               & _call_lines(functions[name]) for name in HANDLED)
    for name in HANDLED:
        (line,) = _call_lines(functions[name])
        assert line not in unchecked and line in other, name
    for name in IGNORED:
        (line,) = _call_lines(functions[name])
        assert line in unchecked, name


# Which statements may be arithmetic findings: the comment names the expected answer.
MATH08 = """\
pragma solidity ^0.8.0;
contract Math08 {
    uint256 private total;
    function checkedSub(uint256 a) external {
        total -= a;
    }
    function uncheckedSub(uint256 a) external {
        unchecked { total -= a; }
    }
    function viaHelper(uint256 a) external {
        total = helper(a);
    }
    function helper(uint256 a) internal pure returns (uint256) {
        unchecked { return a * 3; }
    }
}
"""
MATH04 = """\
pragma solidity ^0.4.24;
contract Math04 {
    uint256 total;
    function add(uint256 a) public {
        total = total + a;
    }
    function halve() public {
        total = total / 2;
    }
}
"""


math = _compiled("math", {"Math08.sol": MATH08, "Math04.sol": MATH04})


@pytest.mark.parametrize(("function", "line", "excluded"), [
    ("checkedSub", 5, True),  # reverts on underflow in 0.8
    ("uncheckedSub", 8, False),
    ("viaHelper", 11, False),  # the callee may wrap
    ("helper", 14, False),
    ("add", 5, False),  # before 0.8
    ("halve", 8, True),  # division cannot overflow
])
def test_arithmetic_that_cannot_wrap_is_excluded(
        math: list[FileRecord], function: str, line: int, excluded: bool) -> None:
    record = _functions(math)[function]
    (node,) = [n for n in record.nodes if n.span.start_line == line
               and n.type in ("EXPRESSION", "RETURN")]
    definitions = Definitions()
    cannot_wrap = [BY_ID["arithmetic.cannot-wrap"]] if excluded else []
    assert definitions.excluding("arithmetic", record, node) == cannot_wrap
    (entry,) = [n for n in record.nodes if n.type == "ENTRY_POINT"]
    assert definitions.excluding("arithmetic", record, entry) == cannot_wrap
    assert not definitions.excluding("front-running", record, node)


# One delegatecall per function; the comment says whether the caller chooses its target.
DELEGATE08 = """\
pragma solidity ^0.8.0;
contract Delegate08 {
    address private owner;
    address private module;
    mapping(address => bool) private allowed;
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function direct(address target, bytes calldata data) external {
        target.delegatecall(data);  // yes
    }
    function throughLocal(address target) external returns (bool) {
        address chosen = target;
        (bool ok, ) = chosen.delegatecall("");  // yes, followed through a local
        return ok;
    }
    function guardedByModifier(address target) external onlyOwner {
        target.delegatecall("");  // no: only the owner
    }
    function guardedBySender(address target) external {
        require(allowed[msg.sender]);
        target.delegatecall("");  // no: a sender check
    }
    function stateTarget(bytes calldata data) external {
        module.delegatecall(data);  // no: the caller chooses the data only
    }
    function helper(address target) internal {
        target.delegatecall("");  // no: not callable from outside
    }
    function plainCall(address target) external {
        target.call("");  // no: not a delegatecall
    }
}
"""
DELEGATE04 = """\
pragma solidity ^0.4.24;
contract Delegate04 {
    function forward(address target) public {
        require(target.delegatecall(msg.data));  // yes
    }
    function fromCalldata() public {
        address target = address(msg.data.length);
        target.callcode("");  // yes: msg.data is the caller's
    }
}
"""
CHOSEN = {("direct", 8), ("throughLocal", 12), ("forward", 4), ("fromCalldata", 8)}


delegating = _compiled("delegating",
                       {"Delegate08.sol": DELEGATE08, "Delegate04.sol": DELEGATE04})


def test_delegatecalls_to_a_caller_chosen_address(delegating: list[FileRecord]) -> None:
    definitions = Definitions(node_index(delegating))
    included = set()
    for name, record in _functions(delegating).items():
        for node in record.nodes:
            if definitions.including("unsafe-delegatecall", record, node):
                included.add((name, node.span.start_line))
            assert not definitions.including("reentrancy", record, node)
    assert included == CHOSEN


def test_a_caller_chosen_delegatecall_is_a_finding_whatever_the_scores(
        delegating: list[FileRecord]) -> None:
    """Every statement scores 0: the only findings are the caller-chosen delegatecalls,
    as unsafe-delegatecall, at the rule's score; without definitions there are none."""
    nodes = node_index(delegating)
    thresholds = Thresholds(node=dict.fromkeys(CATEGORIES, 0.5),
                            function=dict.fromkeys(CATEGORIES, 0.5))
    found = set()
    for graph in function_graphs(delegating):
        node = np.zeros((graph.num_nodes, len(CATEGORIES)), dtype=np.float32)
        function = np.zeros((int(graph.num_functions), len(CATEGORIES)), dtype=np.float32)
        for region in fuse(graph, node, function, thresholds, CATEGORIES, nodes,
                           definitions=Definitions(nodes)):
            assert region.category == "unsafe-delegatecall"
            definition = BY_ID["unsafe-delegatecall.caller-chosen-target"]
            assert region.score == pytest.approx(definition.precision)
            assert region.sources == (definition.source,)
            found |= {(region.function, hit.start_line) for hit in region.hits}
        assert not fuse(graph, node, function, thresholds, CATEGORIES, nodes)
    assert found == CHOSEN


# Writes of authority variables; the comment says whether the rule names the statement.
AUTHORITY = """\
pragma solidity ^0.8.0;
contract Roles {
    struct Job { address keeper; uint256 pay; }
    mapping(uint256 => Job) private jobs;
    uint256 private jobCount;
    mapping(address => uint256) private balance;
    mapping(address => bool) private isMinter;
    bool private setUp;
    address private owner;
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function claimOwner() external {
        owner = msg.sender;  // yes: anyone takes the owner
    }
    function setOwner(address next) external onlyOwner {
        owner = next;  // no: a modifier
    }
    function initialize(address first) external {
        require(!setUp);
        setUp = true;
        owner = first;  // no: runs once
    }
    function addMinter(address account) external {
        isMinter[account] = true;  // yes: an entry the caller picks
    }
    function join() external {
        isMinter[msg.sender] = true;  // no: the sender's own entry
    }
    function mint(uint256 amount) external {
        require(isMinter[msg.sender]);
        balance[msg.sender] += amount;  // no: balance is no authority
    }
    function deposit(address to) external payable {
        balance[to] += msg.value;  // no: balance is no authority
    }
    function setKeeper(uint256 id, address keeper) external {
        jobs[id].keeper = keeper;  // yes: the job the caller picks
    }
    function post(address keeper) external {
        jobCount += 1;
        Job storage job = jobs[jobCount];
        job.keeper = keeper;  // no: a new entry, not one the caller picks
    }
    function work(uint256 id) external {
        require(jobs[id].keeper == msg.sender);
        jobs[id].pay = 0;  // no: the sender is checked
    }
}
"""
AUTHORITY_WRITES = {("claimOwner", 12), ("addMinter", 23), ("setKeeper", 36)}


roles = _compiled("roles", {"Roles.sol": AUTHORITY})


def test_authority_variables_are_the_ones_authorisation_reads(roles: list[FileRecord]) -> None:
    functions = _functions(roles)
    assert {key.rsplit(".", 1)[-1]
            for key in authority_variables(map(FunctionFacts, functions.values()))
            } == {"owner", "isMinter", "jobs"}


def _named(records: list[FileRecord], category: str) -> set[tuple[str, int]]:
    """(function name, first line) of each statement the category's definition names,
    with every function of `records` in view."""
    nodes = node_index(records)
    definitions = Definitions(nodes)
    return {(function.name, node.span.start_line) for function, node in nodes.values()
            if definitions.including(category, function, node)}


def test_authority_rewrites_anyone_can_reach(roles: list[FileRecord]) -> None:
    assert _named(roles, "access-control") == AUTHORITY_WRITES
    nodes = node_index(roles)
    # without the file's functions there is no authority variable, so nothing is named
    alone = Definitions()
    assert not any(alone.including("access-control", f, n) for f, n in nodes.values())


# A sender check through a storage pointer.
GRANTS = """\
pragma solidity ^0.8.0;
contract Grants {
    struct Grant { address beneficiary; uint256 released; }
    mapping(uint256 => Grant) private grants;
    function release(uint256 id, uint256 amount) external {
        Grant storage g = grants[id];
        require(msg.sender == g.beneficiary);
        g.released += amount;  // no: checks the sender through g
    }
    function changeBeneficiary(uint256 id, address next) external {
        Grant storage g = grants[id];
        g.beneficiary = next;  // yes: anyone rewrites whom release trusts
    }
    address private admin;
    function isAdmin() external view returns (bool) {
        return msg.sender == admin;
    }
    function handOver(uint256 id, address next) external {
        Grant storage g = grants[id];
        require(msg.sender == g.beneficiary);
        admin = next;  // no: checks the sender through g
    }
}
"""


grants = _compiled("grants", {"Grants.sol": GRANTS})


def test_a_sender_check_through_a_storage_pointer(grants: list[FileRecord]) -> None:
    assert _named(grants, "access-control") == {("changeBeneficiary", 12)}


# Modifiers that read the sender and one that does not.
PHASED = """\
pragma solidity ^0.8.0;
contract Phased {
    enum Phase { Open, Closed }
    Phase private phase;
    address private owner;
    modifier inPhase(Phase p) { require(phase == p); _; }
    modifier onlyOwner() { _checkOwner(); _; }
    function _checkOwner() internal view { require(_sender() == owner); }
    function _sender() internal view returns (address) { return msg.sender; }
    function isOwner() external view returns (bool) { return msg.sender == owner; }
    function setOwnerOpen(address next) external inPhase(Phase.Open) {
        owner = next;  // yes: a phase check restricts no caller
    }
    function setOwner(address next) external onlyOwner {
        owner = next;  // no: onlyOwner reads the sender, two calls down
    }
    function run(address target) external inPhase(Phase.Open) {
        (bool ok, ) = target.delegatecall("");  // yes
        require(ok);
    }
    function runOwner(address target) external onlyOwner {
        (bool ok, ) = target.delegatecall("");  // no
        require(ok);
    }
}
"""


phased = _compiled("phased", {"Phased.sol": PHASED})


def test_a_modifier_that_never_reads_the_sender_restricts_no_caller(
        phased: list[FileRecord]) -> None:
    assert _named(phased, "access-control") == {("setOwnerOpen", 12)}
    assert _named(phased, "unsafe-delegatecall") == {("run", 18)}


# Uses of tx.origin.
ORIGINS = """\
pragma solidity ^0.8.0;
contract Origins {
    address private owner;
    mapping(address => bool) private admins;
    mapping(address => uint256) private visits;
    function isOwner() internal view returns (bool) {
        return owner == tx.origin;  // yes: returned authorisation
    }
    function pay(address payable to) external {
        require(isOwner());
        require(admins[tx.origin]);  // yes: a stored entry keyed by tx.origin
        to.transfer(1);
    }
    function humansOnly() external view {
        require(tx.origin == msg.sender);  // no: turns contracts away
    }
    function notZero() external view {
        require(tx.origin != address(0));  // no: a constant
    }
    function count() external {
        visits[tx.origin] += 1;  // no: counted, not checked
    }
}
"""


origins = _compiled("origins", {"Origins.sol": ORIGINS})


def test_authorisation_by_tx_origin(origins: list[FileRecord]) -> None:
    assert _named(origins, "access-control") == {("isOwner", 7), ("pay", 11)}
    nodes = node_index(origins)
    definitions = Definitions(nodes)
    named = {d.id for function, node in nodes.values()
             for d in definitions.including("access-control", function, node)}
    assert named == {"access-control.tx-origin-authorisation"}


# Revealed secrets.
RIDDLES = """\
pragma solidity ^0.4.24;
contract Riddles {
    bytes32 answerHash;
    address winner;
    address owner;
    mapping(bytes32 => uint) prizes;
    function solve(string answer) public {
        require(keccak256(abi.encodePacked(answer)) == answerHash);  // yes: the check
        winner = msg.sender;  // yes: records the sender
        msg.sender.transfer(1);  // yes: pays the sender
    }
    function redeem(string code) public {
        uint prize = prizes[keccak256(abi.encodePacked(code))];  // yes: the code picks
        msg.sender.transfer(prize);  // yes: the prize paid to whoever sends the code
    }
    function reveal(string answer) public {
        require(answerHash == keccak256(abi.encodePacked(answer, msg.sender)));  // no
        winner = msg.sender;  // no: the hash binds the sender
    }
    function rotate(string answer) public {
        require(msg.sender == owner);
        require(keccak256(abi.encodePacked(answer)) != answerHash);  // no: the owner's
        winner = msg.sender;  // no
    }
    function fulfil(bytes report, address target) public {
        require(keccak256(report) == answerHash);  // no: a commitment, nothing for the sender
        answerHash = bytes32(0);  // no
        target.transfer(1);  // no: pays a committed party, not the sender
    }
}
"""


riddles = _compiled("riddles", {"Riddles.sol": RIDDLES})


def test_a_revealed_secret_that_pays_the_sender(riddles: list[FileRecord]) -> None:
    assert _named(riddles, "front-running") == {("solve", 8), ("solve", 9), ("solve", 10),
                                                 ("redeem", 13), ("redeem", 14)}
    # the revealed secret alone: a hash used as a key is the unbound claim's
    nodes = node_index(riddles)
    facts = Definitions(nodes).facts
    secret = BY_ID["front-running.revealed-secret-claim"]
    assert {(f.name, n.span.start_line) for f, n in nodes.values()
            if secret.matches(facts, f, n)} == {("solve", 8), ("solve", 9), ("solve", 10)}


# Uses of the timestamp; the comment says whether the rule names the statement.
CLOCK08 = """\
pragma solidity ^0.8.0;
contract Clock {
    uint256 public constant WINDOW = 45;
    uint256 public constant GRACE = 30 seconds;
    uint256 public constant EPOCH = 1 hours;
    uint256 private last;
    uint256 private deadline;
    function move() external {
        require(block.timestamp <= last + WINDOW);  // yes: a 45-second window
        last = block.timestamp;  // no: only stored
    }
    function late() external view returns (bool) {
        return block.timestamp - last > GRACE;  // yes: 30 seconds since the last move
    }
    function phase() external view returns (bool) {
        uint256 into = block.timestamp % EPOCH;  // no: a phase within an hour
        return into < 10;  // yes: the first ten seconds of it
    }
    function weekly() external view returns (bool) {
        return block.timestamp > last + 7 days;  // no: a week
    }
    function due() external view returns (bool) {
        return block.timestamp >= deadline;  // no: no window at all
    }
    function half(uint256 duration) external view returns (bool) {
        return block.timestamp > last + duration / 2;  // no: half of a period
    }
    function counted(uint256 amount) external pure returns (bool) {
        return amount < 10;  // no: no timestamp
    }
    function rested() external view returns (bool) {
        uint256 rest = (block.timestamp - last) / 1 hours;
        return rest * 10 > 100;  // no: counted in hours, not seconds
    }
}
"""
CLOCK04 = """\
pragma solidity ^0.4.24;
contract OldClock {
    uint constant HOLD = 1 minutes;
    uint start;
    function play() public {
        if (now % 15 == 0) {  // yes: a 15-second period
            msg.sender.transfer(1);
        }
        uint step = (now - start) / 30;  // yes: a value that steps every 30 seconds
        if (now > start + HOLD) {  // yes: one minute
            start = step;
        }
        uint window = 60;
        if (now - start < window) {  // yes: through a local
            start = now;
        }
    }
}
"""
SHORT_WINDOWS = {("move", 9), ("late", 13), ("phase", 17), ("play", 6), ("play", 9),
                 ("play", 10), ("play", 14)}


clocks = _compiled("clocks", {"Clock08.sol": CLOCK08, "Clock04.sol": CLOCK04})


def test_constant_values_are_recorded(clocks: list[FileRecord]) -> None:
    """Literal values (units applied) and `constant` state variables' folded values."""
    values = {value for record in clocks for contract in record.contracts
              for function in contract.functions for node in function.nodes
              for ir in node.irs for _index, value in ir.attrs.get("constants", ())}
    assert {45, 30, 3600, 10, 7 * 86400, 2, 15, 60} <= values


def test_timestamp_windows_a_miner_can_move(clocks: list[FileRecord]) -> None:
    assert _named(clocks, "time-manipulation") == SHORT_WINDOWS


# Payments; the comment says whether the rule names the statement.
PAYOUTS08 = """\
pragma solidity ^0.8.0;
interface IToken { function transferFrom(address, address, uint256) external returns (bool); }
contract Payouts {
    struct Payee { address payable wallet; uint256 share; }
    Payee[] private payees;
    address[] private members;
    IToken private token;
    address payable private leader;
    function payAll() external {
        for (uint256 i = 0; i < payees.length; i++) {
            payees[i].wallet.transfer(payees[i].share);  // yes: a stored payee's transfer
        }
    }
    function callAll() external {
        for (uint256 i = 0; i < payees.length; i++) {
            Payee storage p = payees[i];
            (bool ok, ) = p.wallet.call{value: p.share}("");  // yes: required below
            require(ok);
        }
    }
    function tryAll() external {
        for (uint256 i = 0; i < payees.length; i++) {
            (bool ok, ) = payees[i].wallet.call{value: payees[i].share}("");  // no: ignored
        }
    }
    function chargeAll(address vendor) external {
        for (uint256 i = 0; i < members.length; i++) {
            require(token.transferFrom(members[i], vendor, 1));  // yes: a stored member
        }
    }
    function payListed(address payable[] calldata to) external {
        for (uint256 i = 0; i < to.length; i++) {
            to[i].transfer(1);  // no: the caller's own list
        }
    }
    function refundLeader() external {
        leader.transfer(1);  // no: not in a loop
    }
    function payFirst() external {
        payees[0].wallet.transfer(payees[0].share);  // no: a stored payee, not in a loop
    }
    function claimShares(address from) external {
        for (uint256 i = 0; i < payees.length; i++) {
            require(token.transferFrom(from, msg.sender, payees[i].share));  // no: amounts
        }
    }
}
"""
PAYOUTS04 = """\
pragma solidity ^0.4.24;
contract OldPayouts {
    address[] refunds;
    mapping(address => uint) owed;
    function refundAll() public {
        for (uint x = 0; x < refunds.length; x++) {
            if (!refunds[x].send(owed[refunds[x]])) {  // yes: a failed send reverts
                revert();
            }
        }
    }
}
"""
STORED_PARTIES = {("payAll", 11), ("callAll", 17), ("chargeAll", 28), ("refundAll", 7)}


payouts = _compiled("payouts",
                    {"Payouts08.sol": PAYOUTS08, "Payouts04.sol": PAYOUTS04})


def test_a_stored_party_that_fails_blocks_the_loop(payouts: list[FileRecord]) -> None:
    assert _named(payouts, "denial-of-service") == STORED_PARTIES


# Subtractions; the comment says whether the rule names the statement.
LEDGER04 = """\
pragma solidity ^0.4.24;
contract Ledger {
    struct Account { uint credit; }
    mapping(address => uint) balances;
    mapping(address => Account) accounts;
    uint total;
    address owner;
    modifier onlyOwner() { require(msg.sender == owner); _; }
    constructor(uint reserve) public {
        total -= reserve;  // no: the deployer's constructor
    }
    function burn(uint value) public {
        balances[msg.sender] -= value;  // yes: nothing checks value
    }
    function tautology(uint value) public {
        require(balances[msg.sender] - value >= 0);  // yes: compares the result
        balances[msg.sender] = balances[msg.sender] - value;  // yes
    }
    function checked(uint value) public {
        require(balances[msg.sender] >= value);
        balances[msg.sender] -= value;  // no: checked
    }
    function nonZero(uint value) public {
        require(value > 0);
        balances[msg.sender] -= value;  // yes: a non-zero check bounds nothing
    }
    function spend(uint amount) external {
        Account storage a = accounts[msg.sender];
        a.credit -= amount;  // yes: through a storage pointer
    }
    function refund(uint[] amounts) public {
        for (uint i = 0; i < amounts.length; i++) {
            total -= amounts[i];  // yes: an element of a parameter
        }
    }
    function fromLocal(uint value) public pure returns (uint) {
        uint left = 100;
        left -= value;  // no: not a stored value
        return left;
    }
    function fromInput(uint value) public {
        balances[msg.sender] = value - total;  // no: the caller's value is the minuend
    }
    function picked(address who) public {
        total -= balances[who];  // no: a stored entry the caller picks
    }
    function add(uint value) public {
        total += value;  // no: not a subtraction
    }
    function withValue() public payable {
        total -= msg.value;  // no: msg.value
    }
    function ownerBurn(uint value) public {
        require(msg.sender == owner);
        total -= value;  // no: an authorisation check
    }
    function guardedBurn(uint value) public onlyOwner {
        total -= value;  // no: a modifier
    }
    function burnFor(uint value) public {
        _burn(value);
    }
    function _burn(uint value) internal {
        total -= value;  // no: internal (the rule does not follow calls)
    }
    struct Vault { address keeper; uint held; }
    mapping(uint => Vault) vaults;
    function drain(uint id, uint amount) public {
        Vault storage v = vaults[id];
        require(msg.sender == v.keeper);
        total -= amount;  // no: the keeper's, checked through a pointer
    }
}
"""
LEDGER08 = """\
pragma solidity ^0.8.0;
contract NewLedger {
    mapping(address => uint256) private balances;
    function burn(uint256 value) external {
        balances[msg.sender] -= value;  // no: checked arithmetic reverts
    }
    function burnUnchecked(uint256 value) external {
        unchecked {
            balances[msg.sender] -= value;  // yes: inside unchecked
        }
    }
}
"""
UNDERFLOWS = {("burn", 13), ("tautology", 16), ("tautology", 17), ("nonZero", 25),
              ("spend", 29), ("refund", 33), ("burnUnchecked", 9)}


ledgers = _compiled("ledgers", {"Ledger04.sol": LEDGER04, "Ledger08.sol": LEDGER08})


def test_an_unchecked_caller_amount_taken_from_storage(ledgers: list[FileRecord]) -> None:
    assert _named(ledgers, "arithmetic") == UNDERFLOWS


# Numbers drawn from chain data; the comment says whether the definitions
# name the statement.
DRAWS08 = """\
pragma solidity ^0.8.0;
interface IOracle { function draw(uint256 salt) external view returns (uint256); }
contract Draws {
    uint256 private seed;
    address[] private players;
    IOracle private oracle;
    function pick() external view returns (address) {
        uint256 i = uint256(keccak256(abi.encodePacked(block.timestamp))) % players.length;  // yes
        return players[i];
    }
    function roll() external returns (uint256) {
        seed = uint256(keccak256(abi.encodePacked(seed, block.number)));  // yes: a number
        return seed % 6;  // yes: through a stored seed
    }
    function coin() external view returns (uint256) {
        bytes32 h = blockhash(block.number - 1);  // no: kept whole
        return uint256(h) % 2;  // yes: a block hash, through a local
    }
    function tip() external view returns (uint256) {
        return uint256(uint160(address(block.coinbase))) % 10;  // yes: read straight
    }
    function phase() external view returns (uint256) {
        return block.timestamp % 60;  // no: a clock, not hashed
    }
    function stamp() external view returns (uint64) {
        return uint64(block.timestamp);  // no: a clock, not hashed
    }
    function slot(uint256 salt) external pure returns (uint256) {
        return uint256(keccak256(abi.encodePacked(salt))) % 10;  // no: no chain data
    }
    function id() external view returns (bytes32) {
        return keccak256(abi.encodePacked(msg.sender, block.timestamp));  // no: an identifier
    }
    function tag() external view returns (bytes4) {
        return bytes4(keccak256(abi.encodePacked(block.timestamp)));  // no: not an integer
    }
    function asked() external view returns (uint256) {
        uint256 salt = uint256(keccak256(abi.encodePacked(block.number)));  // yes: a number
        return oracle.draw(salt) % 10;  // no: what a call returns is not followed
    }
    function spread() external view returns (uint256) {
        return 100 % (block.difficulty + 1);  // no: the divisor is drawn, not the dividend
    }
}
"""
DRAWS04 = """\
pragma solidity ^0.4.24;
contract OldDraws {
    function play(uint guess) public payable {
        uint r = uint(block.blockhash(block.number - 1)) % 10;  // yes
        uint s = uint(sha3(now, guess)) % 100;  // yes: sha3 of the timestamp
        uint t = block.difficulty % 3;  // yes: read straight
        uint w = block.number % 7;  // no: a block count
        uint8 a = uint8(sha3(block.blockhash(block.number - 1), now));  // yes: narrowed
        if (guess == r + s + t + w + a) {
            msg.sender.transfer(1);
        }
    }
}
"""
DRAWN = {("pick", 8), ("roll", 12), ("roll", 13), ("coin", 17), ("tip", 20), ("asked", 38),
         ("play", 4), ("play", 5), ("play", 6), ("play", 8)}


draws = _compiled("draws", {"Draws08.sol": DRAWS08, "Draws04.sol": DRAWS04})


def test_a_number_drawn_from_chain_data_reduced_to_a_range(draws: list[FileRecord]) -> None:
    assert _named(draws, "bad-randomness") == DRAWN


# Calls that run the caller's code; the comment says whether the definition names the
# statement.
CALLBACKS08 = """\
pragma solidity ^0.8.0;
interface IReceiver { function onMint(uint256 id) external; }
interface IToken { function transfer(address to, uint256 amount) external returns (bool); }
contract Callbacks {
    mapping(address => uint256) private balances;
    mapping(address => uint256) private minted;
    address private owner;
    bool private entered;
    uint256 private calls;
    IToken private token;
    modifier nonReentrant() { require(!entered); entered = true; _; entered = false; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function withdraw() external {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");  // yes: the caller's code runs
        require(ok);
        balances[msg.sender] = 0;  // yes: the balance read before
    }
    function settled() external {
        uint256 amount = balances[msg.sender];
        balances[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");  // no: nothing written after
        require(ok);
    }
    function locked() external nonReentrant {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");  // no: a lock
        require(ok);
        balances[msg.sender] = 0;  // no
    }
    function owned() external onlyOwner {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");  // no: the owner only
        require(ok);
        balances[msg.sender] = 0;  // no
    }
    function checked() external {
        require(msg.sender == owner);
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");  // no: the owner only
        require(ok);
        balances[msg.sender] = 0;  // no
    }
    function sent() external {
        uint256 amount = balances[msg.sender];
        payable(msg.sender).transfer(amount);  // no: 2300 gas cannot call back
        balances[msg.sender] = 0;  // no
    }
    function paid() external {
        uint256 amount = balances[msg.sender];
        require(token.transfer(msg.sender, amount));  // no: the token's code, not the caller's
        balances[msg.sender] = 0;  // no
    }
    function counted() external {
        (bool ok, ) = msg.sender.call("");  // no: nothing it read is written after
        require(ok);
        calls += 1;  // no
    }
    function mint() external {
        require(minted[msg.sender] < 2);
        _notify(msg.sender, 7);  // yes: a helper calls the caller back
        minted[msg.sender] += 1;  // yes: the limit read before
    }
    function _notify(address to, uint256 id) internal {
        IReceiver(to).onMint(id);  // no: an internal function
    }
    function relay() external {
        require(minted[owner] < 2);
        _notify(owner, 1);  // no: the helper calls a stored address back, not the caller
        minted[owner] += 1;  // no
    }
    function _payOut() internal {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");  // no: internal
        require(ok);
        balances[msg.sender] = 0;  // no
    }
}
"""
CALLBACKS04 = """\
pragma solidity ^0.4.24;
contract OldBank {
    mapping(address => uint) balances;
    function withdraw(uint amount) public {
        if (balances[msg.sender] >= amount) {
            if (msg.sender.call.value(amount)()) {  // yes
                balances[msg.sender] -= amount;  // yes
            }
        }
    }
    function withdrawAll() public {
        if (msg.sender.call.value(balances[msg.sender])()) {  // yes: read in the call itself
            balances[msg.sender] = 0;  // yes
        }
    }
}
"""
CALLBACKS = {("withdraw", 15), ("withdraw", 17), ("mint", 61), ("mint", 62), ("withdraw", 6),
             ("withdraw", 7), ("withdrawAll", 12), ("withdrawAll", 13)}


callbacks = _compiled("callbacks",
                      {"Callbacks08.sol": CALLBACKS08, "Callbacks04.sol": CALLBACKS04})


def test_a_callback_to_the_caller_before_a_state_update(callbacks: list[FileRecord]) -> None:
    assert _named(callbacks, "reentrancy") == CALLBACKS


def test_every_include_definition_has_a_score_and_a_reason() -> None:
    """A finding's explanation and score come from the definitions that name it."""
    from contractml.definitions import DEFINITIONS

    including = [d for d in DEFINITIONS if d.kind == "include"]
    assert {d.category for d in including} == {
        "unsafe-delegatecall", "access-control", "time-manipulation", "denial-of-service",
        "arithmetic", "front-running", "bad-randomness", "reentrancy"}
    for definition in including:
        assert definition.precision is not None and 0.5 < definition.precision < 1
        assert definition.explanation and definition.summary and definition.measured_on
    assert "target" not in BY_ID["access-control.unguarded-authority-write"].explanation


# Loops over stored lists; the comment says whether the rule names the
# loop's condition.
LISTS08 = """\
pragma solidity ^0.8.0;
contract Lists {
    address[] public players;
    address[] public staff;
    address[] public capped;
    address[] public viaHelper;
    struct Pool { address[] members; }
    mapping(uint256 => Pool) pools;
    address owner;
    bool opened;
    mapping(address => uint256) credit;
    modifier onlyOwner() { require(msg.sender == owner); _; }
    modifier whenOpen() { require(opened); _; }
    constructor() {
        for (uint256 i = 0; i < players.length; i++) {}  // no: the constructor
    }
    function join() external payable whenOpen {
        players.push(msg.sender);  // anyone: a phase check restricts no caller
    }
    function hire(address who) external onlyOwner {
        staff.push(who);  // only the owner grows staff
    }
    function fire() external {
        staff.pop();  // anyone shrinks it: no growth
    }
    function enter() external {
        require(capped.length < 50);
        capped.push(msg.sender);  // anyone, under a cap
    }
    function register() external {
        _add(msg.sender);
    }
    function _add(address who) internal {
        viaHelper.push(who);  // anyone, through a helper
    }
    function joinPool(uint256 id) external {
        pools[id].members.push(msg.sender);  // a per-key list
    }
    function payAll() external {
        for (uint256 i = 0; i < players.length; i++) {  // yes
            credit[players[i]] += 1;
        }
    }
    function payStaff() external {
        for (uint256 i = 0; i < staff.length; i++) {  // no: only the owner grows it
            credit[staff[i]] += 1;
        }
    }
    function payCapped() external {
        for (uint256 i = 0; i < capped.length; i++) {  // no: capped
            credit[capped[i]] += 1;
        }
    }
    function payRegistered() external onlyOwner {
        for (uint256 i = 0; i < viaHelper.length; i++) {  // yes: whoever runs the loop
            credit[viaHelper[i]] += 1;
        }
    }
    function payPool(uint256 id) external {
        for (uint256 i = 0; i < pools[id].members.length; i++) {  // no: a per-key list
            credit[pools[id].members[i]] += 1;
        }
    }
    function count() external view returns (uint256 n) {
        for (uint256 i = 0; i < players.length; i++) {  // no: a getter runs off-chain
            n += credit[players[i]];
        }
    }
    function _total() internal view returns (uint256 n) {
        for (uint256 i = 0; i < players.length; i++) {  // yes: inside its caller's transaction
            n += credit[players[i]];
        }
    }
    function settle() external {
        credit[msg.sender] = _total();
    }
    function shiftDown(uint256 index) external {
        for (uint256 j = players.length - 1; j > index; j--) {  // yes: through a local
            players[j] = players[j - 1];
        }
    }
    function payListed(address[] calldata to) external {
        for (uint256 i = 0; i < to.length; i++) {  // no: the caller's own list
            credit[to[i]] += 1;
        }
    }
}
"""
LISTS04 = """\
pragma solidity ^0.4.24;
contract OldLists {
    address[] entrants;
    mapping(address => uint) owed;
    function enter() public {
        entrants.length++;
        entrants[entrants.length - 1] = msg.sender;
    }
    function refundAll() public {
        uint i = 0;
        while (i < entrants.length) {  // yes: grown by length++
            owed[entrants[i]] += 1;
            i++;
        }
    }
}
"""
UNBOUNDED_LOOPS = {("payAll", 40), ("payRegistered", 55), ("_total", 70), ("shiftDown", 78),
                   ("refundAll", 11)}


lists = _compiled("lists", {"Lists08.sol": LISTS08, "Lists04.sol": LISTS04})


def test_a_loop_as_long_as_a_list_anyone_grows(lists: list[FileRecord]) -> None:
    assert _named(lists, "denial-of-service") == UNBOUNDED_LOOPS
    nodes = node_index(lists)
    definitions = Definitions(nodes)
    named = [(node, d) for function, node in nodes.values()
             for d in definitions.including("denial-of-service", function, node)]
    assert {node.type for node, _ in named} == {"IF_LOOP"}
    assert {d.id for _, d in named} == {"denial-of-service.unbounded-shared-list-loop"}
    assert {d.measured_on.split(":")[0] for _, d in named} == {"development set"}


#: Every registered definition: the fixture, a statement it matches and one of the same
#: shape it leaves alone ((function, first line); None: the function's call statement).
DEFINITION_CASES: dict[str, tuple[str, tuple[str, int | None], tuple[str, int | None]]] = {
    "reentrancy.callback-before-update": ("callbacks", ("withdraw", 15), ("locked", 27)),
    "reentrancy.lock-held": ("locks", ("_pay", 31), ("_pay", 48)),
    "reentrancy.effects-before-interactions": ("credits", ("claim", 8), ("claimLate", 13)),
    "access-control.no-effect": ("credits", ("notImplemented", 27), ("setOwner", 29)),
    "reentrancy.assembly-without-call": ("assembly", ("size", 6), ("forward", 22)),
    "reentrancy.static-calls-only": ("cross_file", ("liquidate", 25), ("recordPoked", 21)),
    "access-control.memory-only-assembly": ("assembly", ("stash", 26), ("stash", 27)),
    "arithmetic.in-assembly": ("assembly", ("revertData", 11), ("plain", 16)),
    "access-control.tx-origin-authorisation": ("origins", ("pay", 11), ("humansOnly", 15)),
    "access-control.origin-eoa-or-simulation-check": ("origins", ("humansOnly", 15),
                                                      ("pay", 11)),
    "unsafe-delegatecall.setup-only": ("proxies", ("_setUp", 20), ("run", 24)),
    "access-control.unguarded-authority-write": ("roles", ("claimOwner", 12),
                                                 ("setOwner", 15)),
    "arithmetic.unchecked-caller-amount": ("ledgers", ("burn", 13), ("checked", 21)),
    "arithmetic.cannot-wrap": ("math", ("halve", 8), ("add", 5)),
    "unchecked-call.handled-result": ("calls", ("returned", None), ("dropped", None)),
    "denial-of-service.unbounded-shared-list-loop": ("lists", ("payAll", 40),
                                                     ("payStaff", 45)),
    "denial-of-service.stored-party-failure-in-loop": ("payouts", ("payAll", 11),
                                                       ("tryAll", 23)),
    "bad-randomness.chain-data-reduced": ("draws", ("pick", 8), ("phase", 23)),
    "bad-randomness.chain-data-number": ("draws", ("play", 8), ("stamp", 26)),
    "front-running.revealed-secret-claim": ("riddles", ("solve", 8), ("reveal", 18)),
    "bad-randomness.turn-taking": ("turns", ("run", 6), ("flip", 11)),
    "time-manipulation.short-timestamp-window": ("clocks", ("move", 9), ("weekly", 20)),
    "unsafe-delegatecall.caller-chosen-target": ("delegating", ("direct", 8),
                                                 ("guardedByModifier", 16)),
    "unsafe-delegatecall.caller-placed-target": ("placed", ("_step", 45),
                                                 ("_ownerStep", 50)),
    "time-manipulation.timed-race": ("races", ("tap", 13), ("measure", 39)),
    "front-running.unbounded-price": ("prices", ("buy", 29), ("buyCapped", 57)),
    "front-running.unbound-claim": ("claims", ("cash", 31), ("cashMine", 38)),
}


def test_every_registered_definition_has_a_case() -> None:
    from contractml.definitions import DEFINITIONS

    assert set(DEFINITION_CASES) == {d.id for d in DEFINITIONS}


def _matched_at(records: list[FileRecord], definition_id: str,
                where: tuple[str, int | None]) -> bool:
    """Whether the definition matches a statement of function `where[0]` starting at line
    `where[1]` (None: its low-level call or send)."""
    definition = BY_ID[definition_id]
    nodes = node_index(records)
    facts = Definitions(nodes).facts
    name, line = where
    statements = [(f, n) for f, n in nodes.values() if f.name == name and (
        n.span.start_line == line if line is not None
        else any(ir.op in ("LowLevelCall", "Send") for ir in n.irs))]
    assert statements, where
    return any(definition.matches(facts, f, n) for f, n in statements)


@pytest.mark.parametrize("definition_id", sorted(DEFINITION_CASES))
def test_each_definition_fires_where_it_should_and_not_beside_it(
        definition_id: str, request: pytest.FixtureRequest) -> None:
    fixture, fires, quiet = DEFINITION_CASES[definition_id]
    records = request.getfixturevalue(fixture)
    assert _matched_at(records, definition_id, fires)
    assert not _matched_at(records, definition_id, quiet)


# A target the caller places another way than a parameter of the delegating function:
# through a helper, as the answer of a contract it names, or in storage anyone writes.
PLACED = """\
pragma solidity ^0.8.20;
interface IResolver { function implementationFor(bytes32 key) external view returns (address); }
contract Placed {
    struct Step { address adapter; bytes data; }
    address private owner;
    address private logic;
    mapping(address => address) private hookOf;
    mapping(uint256 => address) private plugins;
    mapping(uint256 => address) private vetted;
    uint256 private count;
    modifier onlyOwner() { require(msg.sender == owner); _; }
    modifier withHook() {
        _;
        address hook = hookOf[msg.sender];
        if (hook != address(0)) {
            (bool ok, ) = hook.delegatecall("");  // yes: each caller stores its own hook
            require(ok);
        }
    }
    constructor() { owner = msg.sender; }
    function setHook(address hook) external { hookOf[msg.sender] = hook; }
    function publish(address implementation) external {
        count += 1;
        plugins[count] = implementation;
    }
    function vet(uint256 id, address impl) external onlyOwner { vetted[id] = impl; }
    function setLogic(address next) external onlyOwner { logic = next; }
    function save() external withHook {}
    function runPlugin(uint256 id) external {
        (bool ok, ) = plugins[id].delegatecall("");  // yes: anyone publishes plugins
        require(ok);
    }
    function runVetted(uint256 id) external {
        (bool ok, ) = vetted[id].delegatecall("");  // no: the caller only picks an entry
        require(ok);
    }
    function runLogic() external {
        (bool ok, ) = logic.delegatecall("");  // no: only the owner sets it
        require(ok);
    }
    function zap(Step[] calldata steps) external {
        for (uint256 i = 0; i < steps.length; i++) { _step(steps[i]); }
    }
    function _step(Step calldata step) internal {
        (bool ok, ) = step.adapter.delegatecall(step.data);  // yes: through a helper
        require(ok);
    }
    function ownerZap(Step calldata step) external onlyOwner { _ownerStep(step); }
    function _ownerStep(Step calldata step) internal {
        (bool ok, ) = step.adapter.delegatecall(step.data);  // no: only the owner gets here
        require(ok);
    }
    function resolve(address resolver, bytes32 key) external {
        address impl = IResolver(resolver).implementationFor(key);
        (bool ok, ) = impl.delegatecall("");  // yes: a contract the caller names answers
        require(ok);
    }
    function resolveFixed(bytes32 key) external {
        address impl = IResolver(logic).implementationFor(key);
        (bool ok, ) = impl.delegatecall("");  // no: the owner's resolver answers
        require(ok);
    }
    address private spare;
    function setSpare(address next) external { spare = next; }
    function runSpare() external {
        (bool ok, ) = spare.delegatecall("");  // no: the unguarded setter is the defect
        require(ok);
    }
}
"""
PLACED_LINES = {n for n, line in enumerate(PLACED.splitlines(), 1) if "// yes" in line}


placed = _compiled("placed", {"Placed.sol": PLACED})


def test_a_delegatecall_target_the_caller_placed(placed: list[FileRecord]) -> None:
    """Caller control reaches exactly the `// yes` delegatecalls: a hook each caller
    stores (delegated to from a modifier), a plugin anyone publishes, a step passed to a
    helper, a resolver's answer; not an entry of an owner-filled table the caller picks,
    an owner-set target, a helper only the owner reaches, the owner's resolver, or a
    plain variable anyone overwrites (access-control's defect, at the write). The
    caller-placed definition names those the caller-chosen one does not."""
    nodes = node_index(placed)
    facts = Definitions(nodes).facts
    reached = {node.span.start_line for function, node in nodes.values()
               if node.id in facts.caller_placed_delegatecalls(function)}
    assert reached == PLACED_LINES

    def named(definition_id: str) -> set[int]:
        definition = BY_ID[definition_id]
        return {node.span.start_line for function, node in nodes.values()
                if definition.matches(facts, function, node)}

    placed_lines = named("unsafe-delegatecall.caller-placed-target")
    chosen_lines = named("unsafe-delegatecall.caller-chosen-target")
    assert placed_lines == PLACED_LINES - chosen_lines
    # the caller only picks an entry of the owner's table: neither definition names it
    vetted = {n for n, line in enumerate(PLACED.splitlines(), 1) if "vetted[id]." in line}
    assert len(vetted) == 1 and not vetted & (placed_lines | chosen_lines)
    # the hook, the helper, the resolver's answer: no parameter of their own function
    assert {n for n, line in enumerate(PLACED.splitlines(), 1)
            if "// yes" in line and "plugins" not in line} <= placed_lines
    # the parameters are recorded in order; the helper's step is the caller's
    functions = {f.name: f for f, _ in nodes.values()}
    assert functions["resolve"].parameters == ("local:resolver", "local:key")
    control = facts.caller_control
    assert "local:step" in control.controlled[functions["_step"].id]
    assert functions["_ownerStep"].id not in control.runnable
    assert {key for _, key in control.stored} >= {"state:Placed.hookOf",
                                                  "state:Placed.plugins"}
    assert not {key for _, key in control.stored} & {"state:Placed.vetted",
                                                      "state:Placed.logic",
                                                      "state:Placed.spare"}



def _yes_lines(source: str) -> set[int]:
    """The lines of a fixture marked `// yes`."""
    return {n for n, line in enumerate(source.splitlines(), 1) if "// yes" in line}


def _lines_named(records: list[FileRecord], definition_id: str) -> set[int]:
    """First lines of the statements the definition names, built over the file's
    functions as every caller in the code builds it."""
    nodes = node_index(records)
    facts = Definitions(nodes).facts
    definition = BY_ID[definition_id]
    return {node.span.start_line for function, node in nodes.values()
            if definition.matches(facts, function, node)}


# Durations of the chain clock ranked against each other, beside the timestamp uses that
# are not a race: a deadline, a cooldown against a constant, a duration nobody is ranked by.
RACES = """\
pragma solidity ^0.8.20;
contract Races {
    uint256 private goAt;
    uint256 private best = type(uint256).max;
    uint256 private target;
    uint256 private closest = type(uint256).max;
    uint256 private deadline;
    address private leader;
    mapping(address => uint256) private lastSeen;
    function arm(uint256 delay) external { goAt = block.timestamp + delay; }
    function tap() external {
        uint256 reaction = block.timestamp - goAt;
        if (reaction < best) {  // yes: two durations rank the callers
            best = reaction;
            leader = msg.sender;
        }
    }
    function ring() external {
        uint256 gap = _gap(block.timestamp);
        if (gap < closest) {  // yes: the gap comes back from a helper
            closest = gap;
            leader = msg.sender;
        }
    }
    function _gap(uint256 at) internal view returns (uint256) {
        return at > target ? at - target : target - at;
    }
    function bid() external {
        require(block.timestamp < deadline);  // no: a deadline, moment against moment
        leader = msg.sender;
    }
    function poke() external {
        require(block.timestamp - lastSeen[msg.sender] > 60);  // no: a cooldown
        lastSeen[msg.sender] = block.timestamp;
        leader = msg.sender;
    }
    function measure() external view returns (bool) {
        uint256 reaction = block.timestamp - goAt;
        return reaction < best;  // no: decides nothing, stores no one
    }
}
"""


races = _compiled("races", {"Races.sol": RACES})


def test_a_race_ranked_by_the_chain_clock(races: list[FileRecord]) -> None:
    """The definition names exactly the `// yes` lines."""
    assert _lines_named(races, "time-manipulation.timed-race") == _yes_lines(RACES)


# The caller's amount converted at a price another transaction can move, beside the same
# arithmetic with a bound from the caller, at a capped fee, as a share of a pool, at a
# price set once when the entry is created, and where no caller can reach it.
PRICES = """\
pragma solidity ^0.8.20;
contract Prices {
    struct Offer { address maker; uint256 remaining; uint256 price; }
    struct Listing { address seller; uint256 price; }
    address private owner;
    uint256 private price;
    uint256 private feeBps;
    uint256 private reserveIn;
    uint256 private reserveOut;
    uint256 private totalShares;
    uint256 private totalAssets;
    uint256 private listed;
    mapping(uint256 => Offer) private offers;
    mapping(uint256 => Listing) private listings;
    mapping(address => uint256) private credit;
    modifier onlyOwner() { require(msg.sender == owner); _; }
    constructor() { owner = msg.sender; }
    function setPrice(uint256 p) external onlyOwner { price = p; }
    function setFee(uint256 bps) external onlyOwner { require(bps <= 500); feeBps = bps; }
    function post(uint256 amount, uint256 p) external {
        offers[amount] = Offer(msg.sender, amount, p);
    }
    function reprice(uint256 id, uint256 p) external {
        require(offers[id].maker == msg.sender);
        offers[id].price = p;
    }
    function list(uint256 p) external { listings[++listed] = Listing(msg.sender, p); }
    function buy() external payable {
        uint256 units = msg.value / price;  // yes: the owner reprices first
        credit[msg.sender] += units;
    }
    function fill(uint256 id, uint256 amount) external {
        Offer storage o = offers[id];
        require(amount <= o.remaining);
        uint256 cost = amount * o.price / 1e18;  // yes: the maker reprices first
        credit[msg.sender] -= cost;
        o.remaining -= amount;
    }
    function swap(uint256 amountIn) external {
        uint256 out = _quote(amountIn, reserveIn, reserveOut);  // yes: trades move it
        reserveIn += amountIn;
        reserveOut -= out;
        credit[msg.sender] += out;
    }
    function _quote(uint256 a, uint256 rIn, uint256 rOut) internal pure returns (uint256) {
        return a * rOut / (rIn + a);
    }
    function swapAtLeast(uint256 amountIn, uint256 minOut) external {
        uint256 out = _quote(amountIn, reserveIn, reserveOut);  // no: a minimum out
        require(out >= minOut);
        reserveIn += amountIn;
        reserveOut -= out;
        credit[msg.sender] += out;
    }
    function buyCapped(uint256 maxPrice) external payable {
        require(price <= maxPrice);
        uint256 units = msg.value / price;  // no: a maximum price
        credit[msg.sender] += units;
    }
    function buyExact(uint256 n) external payable {
        require(msg.value == price * n);  // no: the payment is exact
        credit[msg.sender] += n;
    }
    function payFee(uint256 amount) external {
        uint256 fee = amount * feeBps / 10000;  // no: the fee setter is capped
        credit[msg.sender] -= amount + fee;
    }
    function deposit(uint256 assets) external {
        uint256 shares = assets * totalShares / totalAssets;  // no: a share of a pool
        totalShares += shares;
        totalAssets += assets;
        credit[msg.sender] += shares;
    }
    function take(uint256 id) external payable {
        uint256 units = msg.value / listings[id].price;  // no: set once, at listing
        credit[msg.sender] += units;
    }
    function preview(uint256 amount) external view returns (uint256) {
        return amount / price;  // no: a view changes nothing
    }
    function ownerBuy() external payable onlyOwner {
        credit[msg.sender] += msg.value / price;  // no: only the owner runs it
    }
    function depositLib(uint256 assets) external {
        uint256 shares = Ratio.div(assets * totalShares, totalAssets);  // no: a share
        totalShares += shares;
        credit[msg.sender] += shares;
    }
    function quote(uint256 amount) external returns (uint256) {
        return amount / price;  // no: changes nothing, though not declared view
    }
    function depositMulDiv(uint256 assets) external {
        uint256 shares = _mulDiv(assets, totalShares, totalAssets);  // no: a share
        totalShares += shares;
        credit[msg.sender] += shares;
    }
    function _mulDiv(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        return x * y / d;
    }
}
library Ratio {
    function div(uint256 a, uint256 b) internal pure returns (uint256) { return a / b; }
}
"""


prices = _compiled("prices", {"Prices.sol": PRICES})


def test_a_price_a_racing_transaction_sets(prices: list[FileRecord]) -> None:
    """The definition names exactly the `// yes` lines, and the members of a struct are
    told apart: the bound on `o.remaining` is none on `o.price`."""
    assert _lines_named(prices, "front-running.unbounded-price") == _yes_lines(PRICES)
    members = {ir.attrs.get("member") for _, node in node_index(prices).values()
               for ir in node.irs
               if ir.op == "Member"}
    assert {"remaining", "price"} <= members


# First-come claims whose proof does not name the claimant, beside claims bound to the
# sender: a commitment with the sender in it, a request signed by the party it names.
CLAIMS = """\
pragma solidity ^0.8.20;
contract Claims {
    struct Prize { uint256 amount; address winner; }
    address private signer;
    mapping(bytes32 => Prize) private prizes;
    mapping(bytes32 => address) private holders;
    mapping(bytes32 => uint256) private committedAt;
    mapping(address => uint256) private credit;
    mapping(bytes32 => bool) private used;
    mapping(bytes32 => address) private bettors;
    bytes32 private answerHash;
    address private host;
    constructor(address s) { signer = s; }
    function keyOf(string memory name) public pure returns (bytes32) {
        return keccak256(bytes(name));
    }
    function redeem(string calldata code) external {
        Prize storage p = prizes[keccak256(bytes(code))];  // yes: the code picks the prize
        require(p.amount > 0 && p.winner == address(0));
        p.winner = msg.sender;  // yes: the copier is recorded
        payable(msg.sender).transfer(p.amount);  // yes: and paid
    }
    function take(string calldata name) external {
        bytes32 key = keyOf(name);
        require(holders[key] == address(0));
        holders[key] = msg.sender;  // yes: the entry a helper's hash of the name picks
    }
    function cash(bytes32 id, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 digest = keccak256(abi.encodePacked(address(this), id, amount));
        require(!used[digest]);
        require(ecrecover(digest, v, r, s) == signer);  // yes: a voucher for whoever sends it
        used[digest] = true;
        payable(msg.sender).transfer(amount);  // yes
    }
    function cashMine(bytes32 id, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 digest = keccak256(abi.encodePacked(address(this), id, amount, msg.sender));
        require(!used[digest]);
        require(ecrecover(digest, v, r, s) == signer);  // no: the voucher names its payee
        used[digest] = true;
        payable(msg.sender).transfer(amount);
    }
    function relay(address from, uint256 fee, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 digest = keccak256(abi.encodePacked(address(this), from, fee));
        require(ecrecover(digest, v, r, s) == from);  // no: its own signer's request
        credit[from] -= fee;
        credit[msg.sender] += fee;
    }
    function commit(bytes32 c) external { committedAt[c] = block.timestamp; }
    function register(string calldata name, bytes32 salt) external {
        bytes32 c = keccak256(abi.encodePacked(name, msg.sender, salt));
        require(committedAt[c] != 0 && committedAt[c] < block.timestamp);
        bytes32 key = keccak256(bytes(name));
        require(holders[key] == address(0));  // no: the claimant committed first
        holders[key] = msg.sender;
    }
    function bet(bytes32 ticket, uint8 v, bytes32 r, bytes32 s) external payable {
        bytes32 digest = keccak256(abi.encodePacked(ticket));
        require(ecrecover(digest, v, r, s) == signer);  // no: records a bet it funds
        bettors[ticket] = msg.sender;
    }
    function setGame(string calldata answer) external {
        if (answerHash == 0) {  // no: a stored hash is no proof compared
            answerHash = keccak256(bytes(answer));
            host = msg.sender;
        }
    }
}
"""


claims = _compiled("claims", {"Claims.sol": CLAIMS})


def test_a_claim_that_does_not_say_who_may_make_it(claims: list[FileRecord]) -> None:
    """The definition names exactly the `// yes` lines."""
    assert _lines_named(claims, "front-running.unbound-claim") == _yes_lines(CLAIMS)


# Membership modifiers: one that anyone passes after an open `join`, beside one the owner
# grants and one that checks a field no open function writes.
CLUBS = """\
pragma solidity 0.5.17;
contract Clubs {
    struct Member { uint256 paid; address planner; bool active; }
    struct Account { uint256 balance; uint8 group; }
    address owner;
    mapping(address => Member) members;
    mapping(address => bool) approved;
    mapping(address => Account) accounts;
    constructor() public { owner = msg.sender; }
    modifier onlyMember() { require(members[msg.sender].active); _; }
    modifier onlyApproved() { require(approved[msg.sender]); _; }
    modifier onlyAdmins() { require(accounts[msg.sender].group > 2); _; }
    function join() external {
        members[msg.sender] = Member(0, address(0), true);
    }
    function deposit() external payable {
        accounts[msg.sender].balance += msg.value;
    }
    function approve(address who) external {
        require(msg.sender == owner);
        approved[who] = true;
    }
    function setPlanner(address planner) external onlyMember {
        members[msg.sender].planner = planner;
    }
    function save() external payable onlyMember {
        _notify(members[msg.sender]);
    }
    function saveApproved() external payable onlyApproved {
        _notify(members[msg.sender]);
    }
    function saveAdmin() external payable onlyAdmins {
        _notify(members[msg.sender]);
    }
    function _notify(Member storage m) internal {
        (bool ok, ) = m.planner.delegatecall("");  // yes: anyone joins and sets a planner
        require(ok);
    }
}
"""


clubs = _compiled("clubs", {"Clubs.sol": CLUBS})


def test_a_membership_anyone_can_take_guards_nothing(clubs: list[FileRecord]) -> None:
    """`onlyMember` restricts nobody (an open `join` enrols the sender); `onlyApproved`
    (the owner approves) and `onlyAdmins` (the open `deposit` writes the sender's
    `balance`, never its `group`) do."""
    nodes = node_index(clubs)
    facts = Definitions(nodes).facts
    functions = {f.name: f for f, _ in nodes.values()}
    assert facts.open_modifiers == {functions["onlyMember"].id}
    control = facts.caller_control
    assert functions["save"].id in control.entries
    assert functions["saveApproved"].id not in control.entries
    assert functions["saveAdmin"].id not in control.entries
    assert facts.of(functions["setPlanner"]).open_to_anyone
    assert not facts.of(functions["saveApproved"]).open_to_anyone
    assert _lines_named(clubs, "unsafe-delegatecall.caller-placed-target") == _yes_lines(CLUBS)
