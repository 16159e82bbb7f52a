// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

abstract contract Operated {
    address public operator;

    event OperatorChanged(address indexed previousOperator, address indexed newOperator);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor() {
        operator = msg.sender;
    }

    function changeOperator(address newOperator) external onlyOperator {
        require(newOperator != address(0), "zero address");
        emit OperatorChanged(operator, newOperator);
        operator = newOperator;
    }
}

contract PinningStorageMarket is Operated {
    struct Plan {
        string label;
        uint128 pricePerUnit;
        uint16 replicas;
        bool active;
    }

    struct Account {
        uint256 units;
        uint256 used;
        uint64 expiresAt;
        uint32 pinCount;
        uint16 replicas;
    }

    uint64 public constant TERM = 30 days;

    Plan[] public plans;
    mapping(address => Account) public accounts;
    mapping(address => mapping(bytes32 => uint256)) public pinSize;

    event PlanAdded(uint256 indexed planId, string label, uint128 pricePerUnit, uint16 replicas);
    event PlanToggled(uint256 indexed planId, bool active);
    event UnitsPurchased(address indexed customer, uint256 indexed planId, uint256 units, uint64 expiresAt);
    event Pinned(address indexed customer, bytes32 indexed cid, uint256 size);
    event Unpinned(address indexed customer, bytes32 indexed cid);
    event RevenueWithdrawn(address indexed to, uint256 amount);

    modifier paysFor(uint256 planId, uint256 units) {
        require(planId < plans.length && plans[planId].active, "plan unavailable");
        uint256 due = units * plans[planId].pricePerUnit;
        require(msg.value == due, "payment mismatch");
        _;
    }

    function addPlan(string calldata label, uint128 pricePerUnit, uint16 replicas) external onlyOperator {
        require(pricePerUnit > 0 && replicas > 0, "bad plan");
        plans.push(Plan(label, pricePerUnit, replicas, true));
        emit PlanAdded(plans.length - 1, label, pricePerUnit, replicas);
    }

    function togglePlan(uint256 planId, bool active) external onlyOperator {
        require(planId < plans.length, "unknown plan");
        plans[planId].active = active;
        emit PlanToggled(planId, active);
    }

    function buyUnits(uint256 planId, uint256 units) external payable paysFor(planId, units) {
        require(units > 0, "zero units");
        Account storage a = accounts[msg.sender];
        a.units += units;
        if (a.expiresAt > block.timestamp) {
            a.expiresAt += TERM;
        } else {
            a.expiresAt = uint64(block.timestamp) + TERM;
        }
        if (plans[planId].replicas > a.replicas) {
            a.replicas = plans[planId].replicas;
        }
        emit UnitsPurchased(msg.sender, planId, units, a.expiresAt);
    }

    function pin(bytes32 cid, uint256 size) external {
        Account storage a = accounts[msg.sender];
        require(a.expiresAt > block.timestamp, "subscription expired");
        require(size > 0 && pinSize[msg.sender][cid] == 0, "bad pin");
        require(a.used + size <= a.units, "quota exceeded");
        a.used += size;
        a.pinCount += 1;
        pinSize[msg.sender][cid] = size;
        emit Pinned(msg.sender, cid, size);
    }

    function unpin(bytes32 cid) external {
        Account storage a = accounts[msg.sender];
        uint256 size = pinSize[msg.sender][cid];
        require(size > 0, "not pinned");
        pinSize[msg.sender][cid] = 0;
        a.used -= size;
        a.pinCount -= 1;
        emit Unpinned(msg.sender, cid);
    }

    function freeUnits(address customer) external view returns (uint256) {
        Account storage a = accounts[customer];
        return a.units - a.used;
    }

    function withdrawRevenue(address payable to, uint256 amount) external onlyOperator {
        require(to != address(0), "zero address");
        require(amount <= address(this).balance, "insufficient balance");
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "payout failed");
        emit RevenueWithdrawn(to, amount);
    }

    function planCount() external view returns (uint256) {
        return plans.length;
    }
}
