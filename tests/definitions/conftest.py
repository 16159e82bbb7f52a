"""Fixtures shared by the definition tests: project-written contracts, compiled once."""

from __future__ import annotations

import pytest

from contractml.records import FileRecord
from tests.conftest import compiled_records


def _compiled(name: str, files: dict[str, str]) -> object:
    """A session fixture: `files` ({name: source}) compiled once, their records."""

    @pytest.fixture(scope="session", name=name)
    def records(tmp_path_factory: pytest.TempPathFactory) -> list[FileRecord]:
        return compiled_records(tmp_path_factory.mktemp(name), files)

    return records

# A lock on the entry point, held through helpers as OpenZeppelin's ReentrancyGuard does,
# with the call three internal calls below it; the twin has no lock.
LOCKS = """\
pragma solidity ^0.8.20;
abstract contract Guard {
    uint256 private _status = 1;
    modifier nonReentrant() {
        _enter();
        _;
        _leave();
    }
    function _enter() private {
        if (_status == 2) revert();
        _status = 2;
    }
    function _leave() private {
        _status = 1;
    }
}
contract LockedVault is Guard {
    mapping(address => uint256) public balances;
    function withdraw(uint256 amount) external nonReentrant {
        _withdraw(msg.sender, amount);
    }
    function _withdraw(address to, uint256 amount) internal {
        _settle(to, amount);
    }
    function _settle(address to, uint256 amount) internal {
        _pay(to, amount);
    }
    function _pay(address to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
        balances[to] -= amount;
    }
}
contract OpenVault {
    mapping(address => uint256) public balances;
    function withdraw(uint256 amount) external {
        _withdraw(msg.sender, amount);
    }
    function _withdraw(address to, uint256 amount) internal {
        _settle(to, amount);
    }
    function _settle(address to, uint256 amount) internal {
        _pay(to, amount);
    }
    function _pay(address to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
        balances[to] -= amount;
    }
}
contract HalfLockedVault is Guard {
    mapping(address => uint256) public balances;
    function withdraw(uint256 amount) external nonReentrant {
        _pay(msg.sender, amount);
    }
    function withdrawUnlocked(uint256 amount) external {
        _pay(msg.sender, amount);
    }
    function _pay(address to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
        balances[to] -= amount;
    }
}
"""


locks = _compiled("locks", {"Locks.sol": LOCKS})


# Authorisation in helpers: two internal calls down, and through a virtual helper the
# derived contract implements; the twin's helpers check nothing.
HELPERS = """\
pragma solidity ^0.8.20;
abstract contract RouterBase {
    address internal s_owner;
    mapping(address => bool) internal s_routers;
    function _onlyRouterOwner() internal view virtual;
    function route() external view returns (bool) {
        require(s_routers[msg.sender]);
        return true;
    }
    function setRouter(address router, bool allowed) external {
        _checkCaller();
        s_routers[router] = allowed;
    }
    function _checkCaller() internal view {
        _onlyRouterOwner();
    }
}
contract Router is RouterBase {
    constructor() {
        s_owner = msg.sender;
    }
    function _onlyRouterOwner() internal view override {
        if (msg.sender != s_owner) revert();
    }
    function transferOwnership(address next) external {
        _requireOwner();
        s_owner = next;
    }
    function _requireOwner() internal view {
        _checkOwner();
    }
    function _checkOwner() internal view {
        require(msg.sender == s_owner);
    }
}
contract OpenRouter {
    address internal s_owner;
    mapping(address => bool) internal s_routers;
    function route() external view returns (bool) {
        require(s_routers[msg.sender] || msg.sender == s_owner);
        return true;
    }
    function setRouter(address router, bool allowed) external {
        _touch();
        s_routers[router] = allowed;
    }
    function transferOwnership(address next) external {
        _touch();
        s_owner = next;
    }
    function _touch() internal view {
        require(s_routers[router0()] == false || true);
    }
    function router0() internal pure returns (address) {
        return address(0);
    }
}
"""


helpers = _compiled("helpers", {"Helpers.sol": HELPERS})


# A proxy set up by its deployer (constructor) or once (initializer), beside a function
# that anyone can point anywhere.
PROXIES = """\
pragma solidity ^0.8.20;
contract Proxy {
    address internal implementation;
    bool private initialized;
    constructor(address impl, bytes memory data) {
        implementation = impl;
        (bool ok, ) = impl.delegatecall(data);
        require(ok);
    }
    modifier initializer() {
        require(!initialized);
        initialized = true;
        _;
    }
    function initialize(address impl, bytes calldata data) external initializer {
        implementation = impl;
        _setUp(impl, data);
    }
    function _setUp(address impl, bytes calldata data) internal {
        (bool ok, ) = impl.delegatecall(data);
        require(ok);
    }
    function run(address impl, bytes calldata data) external {
        (bool ok, ) = impl.delegatecall(data);
        require(ok);
    }
}
"""


proxies = _compiled("proxies", {"Proxies.sol": PROXIES})


ORIGIN_CHECKS = """\
pragma solidity ^0.8.20;
contract Keeper {
    address private owner;
    function onlyHumans() external view returns (bool) {
        return tx.origin == msg.sender;
    }
    function simulated() external view returns (bool) {
        return tx.origin != address(0);
    }
    function isOwner() external view returns (bool) {
        return tx.origin == owner;
    }
}
"""


origins_checks = _compiled("origins_checks", {"Keeper.sol": ORIGIN_CHECKS})


# Inline assembly: an extcodesize check and revert-data arithmetic, beside plain
# unchecked arithmetic and a call in assembly.
ASSEMBLY = """\
pragma solidity ^0.8.20;
contract Probe {
    uint256 private total;
    function size(address t) external view returns (uint256 s) {
        assembly {
            s := extcodesize(t)
        }
    }
    function revertData() external pure returns (uint256 n) {
        assembly {
            let size := sub(returndatasize(), 0x04)
            n := add(size, 1)
        }
    }
    function plain(uint256 a) external {
        unchecked { total = total - a; }
    }
    function forward(address t) external {
        assembly {
            let ok := call(gas(), t, 0, 0, 0, 0, 0)
        }
        total = 0;
    }
    function stash(uint256 v) external {
        assembly {
            mstore(0x40, v)
            sstore(0, v)
        }
        total = v;
    }
}
"""


assembly = _compiled("assembly", {"Probe.sol": ASSEMBLY})


# Checks-effects-interactions beside a write after the call (directly and after a
# helper's call), and a hook that only reverts beside an unguarded setter.
CREDITS = """\
pragma solidity ^0.8.20;
contract Credits {
    mapping(address => uint256) public credit;
    address public owner;
    function claim(address payable to) external {
        uint256 amount = credit[to];
        credit[to] = 0;
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
    }
    function claimLate(address payable to) external {
        uint256 amount = credit[to];
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
        credit[to] = 0;
    }
    function claimViaHelper(address payable to) external {
        uint256 amount = credit[to];
        _send(to, amount);
        credit[to] = 0;
    }
    function _send(address payable to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
    }
    function notImplemented() external pure {
        revert();
    }
    function setOwner(address next) external { owner = next; }
    function isOwner() external view returns (bool) { return msg.sender == owner; }
    function claimSafe(address payable to) external {
        uint256 amount = credit[to];
        credit[to] = 0;
        _sendOnly(to, amount);
    }
    function _sendOnly(address payable to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
    }
}
"""


credits = _compiled("credits", {"Credits.sol": CREDITS})


# Batch loops: each iteration writes, then calls (through a helper, as batch
# attestations call their resolvers), so a write follows a call only in the next
# iteration; twins write after the call in the same iteration, after the loop, or from a
# balance read once before the loop and carried from iteration to iteration. A call of
# an internal function that writes, then calls, writes nothing after that call.
BATCHES = """\
pragma solidity ^0.8.20;
contract Batches {
    mapping(address => uint256) public credit;
    mapping(address => uint256) public nonces;
    uint256 public paidOut;
    function claimAll(address payable[] calldata to) external {
        for (uint256 i = 0; i < to.length; i++) {
            uint256 amount = credit[to[i]];
            credit[to[i]] = 0;
            nonces[to[i]]++;
            _pay(to[i], amount);
        }
    }
    function _pay(address payable to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
    }
    function claimAllLate(address payable[] calldata to) external {
        for (uint256 i = 0; i < to.length; i++) {
            uint256 amount = credit[to[i]];
            _send(to[i], amount);
            credit[to[i]] = 0;
        }
    }
    function claimAllThenCount(address payable[] calldata to) external {
        for (uint256 i = 0; i < to.length; i++) {
            uint256 amount = credit[to[i]];
            credit[to[i]] = 0;
            _send(to[i], amount);
        }
        paidOut += to.length;
    }
    function spendCarried(address payable[] calldata to, uint256 each) external {
        uint256 left = credit[msg.sender];
        for (uint256 i = 0; i < to.length; i++) {
            left -= each;
            credit[msg.sender] = left;
            _send(to[i], each);
        }
    }
    function _send(address payable to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
    }
    function settleAndPay(address payable to) external {
        _settleAndPay(to);
    }
    function _settleAndPay(address payable to) internal {
        uint256 amount = credit[to];
        credit[to] = 0;
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
    }
}
"""


batches = _compiled("batches", {"Batches.sol": BATCHES})



# A helper of a base contract declared in another file settles the account before the
# call (the scan reads each file against its own record and that record's `context`);
# a view call (STATICCALL) cannot call back to change state. Twins: the call before the
# base's helper, and a state-changing call before the write.
CROSS_FILE_BASE = """\
pragma solidity ^0.8.20;
interface IOracle {
    function price() external view returns (uint256);
    function poke() external returns (uint256);
}
abstract contract Ledger {
    mapping(address => uint256) public credit;
    function _settle(address to) internal returns (uint256 amount) {
        amount = credit[to];
        credit[to] = 0;
    }
}
"""

CROSS_FILE_VAULT = """\
pragma solidity ^0.8.20;
import "./Ledger.sol";
contract Vault is Ledger {
    IOracle public oracle;
    uint256 public lastPrice;
    function withdraw() external {
        uint256 amount = _settle(msg.sender);
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
    }
    function withdrawThenSettle() external {
        (bool ok, ) = msg.sender.call{value: credit[msg.sender]}("");
        require(ok);
        _settle(msg.sender);
    }
    function record() external {
        uint256 p = oracle.price();
        lastPrice = p;
    }
    function recordPoked() external {
        uint256 p = oracle.poke();
        lastPrice = p;
    }
    function liquidate(address to) external {
        uint256 p = oracle.price();
        (bool ok, ) = to.call{value: p}("");
        require(ok);
        lastPrice = p;
    }
}
"""


cross_file = _compiled("cross_file", {"Ledger.sol": CROSS_FILE_BASE,
                                      "Vault.sol": CROSS_FILE_VAULT})


# Keepers take turns by block number: the number picks whose turn it is, nothing is
# drawn. The twin pays out on the block number's parity: a coin flip.
TURNS = """\
pragma solidity ^0.8.20;
contract Keepers {
    address[] public keepers;
    uint256 public lastRun;
    function run() external {
        uint256 turn = block.number % keepers.length;
        require(keepers[turn] == msg.sender);
        lastRun = block.number;
    }
    function flip() external payable {
        if (block.number % 2 == 0) {
            payable(msg.sender).transfer(msg.value * 2);
        }
    }
}
"""


turns = _compiled("turns", {"Keepers.sol": TURNS})

