// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract SaasBillingDesk {
    struct Plan {
        string name;
        uint256 monthlyPrice;
        bool active;
    }

    struct Subscription {
        uint8 planId;
        uint64 since;
        uint64 paidThrough;
        bool active;
    }

    uint256 public constant MAX_SUBSCRIBERS = 150;
    uint256 public constant PERIOD = 30 days;

    IERC20 public immutable stable;
    address public vendor;
    address public billingAgent;
    uint256 public lastBillingRun;
    uint256 public collected;

    Plan[] public plans;
    address[] public subscribers;
    mapping(address => Subscription) public subscriptions;

    event PlanAdded(uint8 indexed planId, string name, uint256 monthlyPrice);
    event Subscribed(address indexed customer, uint8 planId);
    event Cancelled(address indexed customer);
    event BillingRun(uint256 indexed at, uint256 charged, uint256 total);

    modifier onlyVendor() {
        require(msg.sender == vendor, "vendor only");
        _;
    }

    modifier onlyBilling() {
        require(msg.sender == billingAgent || msg.sender == vendor, "billing only");
        _;
    }

    constructor(IERC20 _stable, address agent) {
        stable = _stable;
        vendor = msg.sender;
        billingAgent = agent;
    }

    function addPlan(string calldata name, uint256 monthlyPrice) external onlyVendor {
        require(plans.length < 8 && monthlyPrice > 0, "plan");
        plans.push(Plan(name, monthlyPrice, true));
        emit PlanAdded(uint8(plans.length - 1), name, monthlyPrice);
    }

    function subscribe(uint8 planId) external {
        require(planId < plans.length && plans[planId].active, "plan");
        require(!subscriptions[msg.sender].active, "subscribed");
        require(subscribers.length < MAX_SUBSCRIBERS, "full");
        require(stable.transferFrom(msg.sender, vendor, plans[planId].monthlyPrice), "first payment");
        uint64 nowTs = uint64(block.timestamp);
        subscriptions[msg.sender] = Subscription(planId, nowTs, nowTs + uint64(PERIOD), true);
        subscribers.push(msg.sender);
        emit Subscribed(msg.sender, planId);
    }

    function cancel() external {
        Subscription storage s = subscriptions[msg.sender];
        require(s.active, "not subscribed");
        s.active = false;
        for (uint256 i = 0; i < subscribers.length; i++) {
            if (subscribers[i] == msg.sender) {
                subscribers[i] = subscribers[subscribers.length - 1];
                subscribers.pop();
                break;
            }
        }
        emit Cancelled(msg.sender);
    }

    function runBilling() external onlyBilling {
        require(block.timestamp >= lastBillingRun + 1 days, "already ran today");
        lastBillingRun = block.timestamp;
        uint256 charged;
        uint256 total;
        for (uint256 i = 0; i < subscribers.length; i++) {
            Subscription storage s = subscriptions[subscribers[i]];
            if (s.paidThrough > block.timestamp) {
                continue;
            }
            uint256 price = plans[s.planId].monthlyPrice;
            require(stable.transferFrom(subscribers[i], vendor, price), "charge failed");
            s.paidThrough += uint64(PERIOD);
            charged += 1;
            total += price;
        }
        collected += total;
        emit BillingRun(block.timestamp, charged, total);
    }

    function setBillingAgent(address agent) external onlyVendor {
        billingAgent = agent;
    }

    function retirePlan(uint8 planId) external onlyVendor {
        plans[planId].active = false;
    }

    function subscriberCount() external view returns (uint256) {
        return subscribers.length;
    }
}
