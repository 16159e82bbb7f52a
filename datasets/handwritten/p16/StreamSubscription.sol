// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "Ownable: caller is not the owner");
        _;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "Ownable: zero address");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract StreamSubscription is Ownable {
    struct Plan {
        string name;
        uint256 price;
        uint256 period;
        bool active;
    }

    struct Subscriber {
        uint256 planId;
        uint256 paidUntil;
        address renewalHook;
    }

    Plan[] public plans;
    mapping(address => Subscriber) public subscribers;
    mapping(address => bool) public approvedHooks;

    event PlanCreated(uint256 indexed planId, string name, uint256 price, uint256 period);
    event Subscribed(address indexed user, uint256 indexed planId, uint256 paidUntil);
    event HookSet(address indexed user, address hook);
    event HookApproval(address indexed hook, bool approved);
    event Collected(address indexed to, uint256 amount);

    modifier runHook() {
        address hook = subscribers[msg.sender].renewalHook;
        if (hook != address(0)) {
            (bool ok, ) = hook.delegatecall(abi.encodeWithSignature("onRenew(address,uint256)", msg.sender, msg.value));
            require(ok, "hook failed");
        }
        _;
    }

    function createPlan(string calldata name, uint256 price, uint256 period) external onlyOwner {
        require(price > 0, "price");
        require(period >= 7 days, "period");
        plans.push(Plan(name, price, period, true));
        emit PlanCreated(plans.length - 1, name, price, period);
    }

    function setPlanActive(uint256 planId, bool active) external onlyOwner {
        plans[planId].active = active;
    }

    function approveHook(address hook, bool approved) external onlyOwner {
        approvedHooks[hook] = approved;
        emit HookApproval(hook, approved);
    }

    function setRenewalHook(address hook) external {
        subscribers[msg.sender].renewalHook = hook;
        emit HookSet(msg.sender, hook);
    }

    function subscribe(uint256 planId) external payable runHook {
        require(planId < plans.length, "no plan");
        Plan storage plan = plans[planId];
        require(plan.active, "inactive");
        require(msg.value > 0 && msg.value % plan.price == 0, "bad amount");

        Subscriber storage s = subscribers[msg.sender];
        uint256 periods = msg.value / plan.price;
        uint256 start = s.paidUntil > block.timestamp && s.planId == planId ? s.paidUntil : block.timestamp;
        s.planId = planId;
        s.paidUntil = start + periods * plan.period;
        emit Subscribed(msg.sender, planId, s.paidUntil);
    }

    function isActive(address user) public view returns (bool) {
        return subscribers[user].paidUntil >= block.timestamp;
    }

    function planCount() external view returns (uint256) {
        return plans.length;
    }

    function collect(address payable to, uint256 amount) external onlyOwner {
        require(to != address(0), "zero");
        require(amount <= address(this).balance, "balance");
        to.transfer(amount);
        emit Collected(to, amount);
    }
}
