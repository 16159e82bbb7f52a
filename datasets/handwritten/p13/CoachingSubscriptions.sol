// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

interface IStableToken {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract StudioOwnable {
    address public owner;

    event OwnerChanged(address indexed previous, address indexed next);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    function changeOwner(address next) external onlyOwner {
        require(next != address(0), "zero owner");
        emit OwnerChanged(owner, next);
        owner = next;
    }
}

contract CoachingSubscriptions is StudioOwnable {
    struct Plan {
        string title;
        uint256 price;
        uint256 period;
        bool active;
    }

    struct Subscription {
        uint256 planId;
        uint256 lockedPrice;
        uint256 lockedPeriod;
        uint256 paidUntil;
        bool active;
    }

    IStableToken public immutable stable;
    address public payee;
    uint256 public planCount;

    mapping(uint256 => Plan) public plans;
    mapping(address => Subscription) public subscriptions;

    event PlanAdded(uint256 indexed planId, string title, uint256 price, uint256 period);
    event PlanPriceChanged(uint256 indexed planId, uint256 price);
    event PlanRetired(uint256 indexed planId);
    event Subscribed(address indexed member, uint256 indexed planId, uint256 price, uint256 paidUntil);
    event Renewed(address indexed member, uint256 paidUntil);
    event Cancelled(address indexed member);

    constructor(IStableToken _stable, address _payee) public {
        stable = _stable;
        payee = _payee;
    }

    function setPayee(address next) external onlyOwner {
        require(next != address(0), "zero payee");
        payee = next;
    }

    function addPlan(string calldata title, uint256 price, uint256 periodDays) external onlyOwner returns (uint256 planId) {
        require(price > 0, "free plan");
        require(periodDays >= 7 && periodDays <= 365, "bad period");
        planId = ++planCount;
        plans[planId] = Plan(title, price, periodDays * 1 days, true);
        emit PlanAdded(planId, title, price, periodDays * 1 days);
    }

    function setPlanPrice(uint256 planId, uint256 price) external onlyOwner {
        require(plans[planId].active, "unknown plan");
        require(price > 0, "free plan");
        plans[planId].price = price;
        emit PlanPriceChanged(planId, price);
    }

    function retirePlan(uint256 planId) external onlyOwner {
        plans[planId].active = false;
        emit PlanRetired(planId);
    }

    function subscribe(uint256 planId, uint256 maxPrice) external {
        Plan storage plan = plans[planId];
        require(plan.active, "plan unavailable");
        require(plan.price <= maxPrice, "price above limit");
        Subscription storage sub = subscriptions[msg.sender];
        require(!sub.active, "already subscribed");
        sub.planId = planId;
        sub.lockedPrice = plan.price;
        sub.lockedPeriod = plan.period;
        sub.paidUntil = now + plan.period;
        sub.active = true;
        require(stable.transferFrom(msg.sender, payee, plan.price), "payment failed");
        emit Subscribed(msg.sender, planId, sub.lockedPrice, sub.paidUntil);
    }

    function collectRenewal(address member) external {
        Subscription storage sub = subscriptions[member];
        require(sub.active, "not active");
        require(now >= sub.paidUntil, "not due");
        sub.paidUntil = sub.paidUntil + sub.lockedPeriod;
        require(stable.transferFrom(member, payee, sub.lockedPrice), "renewal failed");
        emit Renewed(member, sub.paidUntil);
    }

    function cancel() external {
        Subscription storage sub = subscriptions[msg.sender];
        require(sub.active, "not active");
        sub.active = false;
        emit Cancelled(msg.sender);
    }

    function hasAccess(address member) external view returns (bool) {
        return subscriptions[member].paidUntil >= now;
    }
}
