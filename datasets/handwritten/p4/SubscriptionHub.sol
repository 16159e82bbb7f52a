// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

interface IRenewalHook {
    function onRenewed(uint256 subscriptionId, address subscriber, uint256 period) external;
}

contract SubscriptionHub {
    struct Plan {
        address merchant;
        address hook;
        uint256 price;
        bool open;
    }

    struct Subscription {
        uint256 planId;
        address subscriber;
        uint256 paidPeriod;
        bool active;
    }

    uint256 public constant PERIOD_LENGTH = 30 days;
    uint256 public constant MAX_BATCH = 40;

    uint256 public currentPeriod = 1;
    uint256 public periodStartedAt;
    uint256 public cursor;

    Plan[] public plans;
    Subscription[] public subscriptions;
    mapping(address => uint256) public prepaid;
    mapping(address => uint256) public earnings;

    event PlanCreated(uint256 indexed planId, address indexed merchant, uint256 price);
    event PlanClosed(uint256 indexed planId);
    event Subscribed(uint256 indexed subscriptionId, uint256 indexed planId, address indexed subscriber);
    event Renewed(uint256 indexed subscriptionId, uint256 period, uint256 price);
    event Lapsed(uint256 indexed subscriptionId, uint256 period);
    event PeriodStarted(uint256 indexed period, uint256 startedAt);

    modifier onlySubscriber(uint256 subscriptionId) {
        require(subscriptions[subscriptionId].subscriber == msg.sender, "not subscriber");
        _;
    }

    constructor() {
        periodStartedAt = block.timestamp;
    }

    function createPlan(uint256 price, address hook) external returns (uint256 planId) {
        require(price > 0, "free plan");
        plans.push(Plan(msg.sender, hook, price, true));
        planId = plans.length - 1;
        emit PlanCreated(planId, msg.sender, price);
    }

    function closePlan(uint256 planId) external {
        require(plans[planId].merchant == msg.sender, "not merchant");
        plans[planId].open = false;
        emit PlanClosed(planId);
    }

    function topUp() external payable {
        prepaid[msg.sender] += msg.value;
    }

    function withdrawPrepaid(uint256 amount) external {
        require(amount <= prepaid[msg.sender], "insufficient");
        prepaid[msg.sender] -= amount;
        msg.sender.transfer(amount);
    }

    function subscribe(uint256 planId) external returns (uint256 subscriptionId) {
        require(plans[planId].open, "plan closed");
        subscriptions.push(Subscription(planId, msg.sender, 0, true));
        subscriptionId = subscriptions.length - 1;
        emit Subscribed(subscriptionId, planId, msg.sender);
    }

    function cancel(uint256 subscriptionId) external onlySubscriber(subscriptionId) {
        subscriptions[subscriptionId].active = false;
    }

    function settleNext(uint256 count) external {
        require(count > 0 && count <= MAX_BATCH, "bad batch");
        uint256 start = cursor;
        uint256 end = start + count;
        if (end > subscriptions.length) {
            end = subscriptions.length;
        }
        require(start < end, "nothing to settle");
        cursor = end;
        uint256 period = currentPeriod;

        address[] memory hooks = new address[](end - start);
        address[] memory subscribers = new address[](end - start);
        uint256[] memory ids = new uint256[](end - start);
        uint256 n;
        for (uint256 i = start; i < end; i++) {
            Subscription storage s = subscriptions[i];
            if (!s.active || s.paidPeriod == period) {
                continue;
            }
            Plan storage p = plans[s.planId];
            if (!p.open || prepaid[s.subscriber] < p.price) {
                s.active = false;
                emit Lapsed(i, period);
                continue;
            }
            prepaid[s.subscriber] -= p.price;
            earnings[p.merchant] += p.price;
            s.paidPeriod = period;
            emit Renewed(i, period, p.price);
            if (p.hook != address(0)) {
                hooks[n] = p.hook;
                subscribers[n] = s.subscriber;
                ids[n] = i;
                n++;
            }
        }
        for (uint256 j = 0; j < n; j++) {
            _notifyMerchant(hooks[j], ids[j], subscribers[j], period);
        }
    }

    function startNextPeriod() external {
        require(cursor == subscriptions.length, "settlement pending");
        require(block.timestamp >= periodStartedAt + PERIOD_LENGTH, "period running");
        currentPeriod += 1;
        periodStartedAt = block.timestamp;
        cursor = 0;
        emit PeriodStarted(currentPeriod, block.timestamp);
    }

    function withdrawEarnings() external {
        uint256 amount = earnings[msg.sender];
        require(amount > 0, "no earnings");
        earnings[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function _notifyMerchant(address hook, uint256 subscriptionId, address subscriber, uint256 period) internal {
        IRenewalHook(hook).onRenewed(subscriptionId, subscriber, period);
    }
}
