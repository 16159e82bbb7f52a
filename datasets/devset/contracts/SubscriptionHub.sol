// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract SubscriptionHub {
    struct Plan {
        address creator;
        uint256 pricePerMonth;
        uint256 subscribers;
        bool active;
    }

    uint256 public constant MONTH = 30 days;
    address public owner;
    uint256 public platformFeeBps = 300;
    uint256 public planCount;

    mapping(uint256 => Plan) public plans;
    mapping(uint256 => mapping(address => uint256)) public paidUntil;
    mapping(address => uint256) public earnings;

    event PlanCreated(uint256 indexed id, address indexed creator, uint256 pricePerMonth);
    event PlanClosed(uint256 indexed id);
    event Subscribed(uint256 indexed id, address indexed subscriber, uint256 months, uint256 paidUntil);
    event Withdrawal(address indexed account, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function createPlan(uint256 pricePerMonth) external returns (uint256 id) {
        require(pricePerMonth > 0, "free plans not allowed");
        id = ++planCount;
        plans[id] = Plan(msg.sender, pricePerMonth, 0, true);
        emit PlanCreated(id, msg.sender, pricePerMonth);
    }

    function closePlan(uint256 id) external {
        Plan storage p = plans[id];
        require(msg.sender == p.creator, "creator only");
        p.active = false;
        emit PlanClosed(id);
    }

    function subscribe(uint256 id, uint256 months) external payable {
        Plan storage p = plans[id];
        require(p.active, "plan inactive");
        require(months >= 1 && months <= 24, "1-24 months");
        require(msg.value == p.pricePerMonth * months, "wrong payment");

        uint256 start = paidUntil[id][msg.sender];
        if (start < block.timestamp) {
            start = block.timestamp;
            p.subscribers += 1;
        }
        uint256 until = start + months * MONTH;
        paidUntil[id][msg.sender] = until;

        uint256 fee = msg.value * platformFeeBps / 10000;
        earnings[owner] += fee;
        earnings[p.creator] += msg.value - fee;
        emit Subscribed(id, msg.sender, months, until);
    }

    function isSubscribed(uint256 id, address account) external view returns (bool) {
        return paidUntil[id][account] >= block.timestamp;
    }

    function withdraw() external {
        uint256 amount = earnings[msg.sender];
        require(amount > 0, "nothing to withdraw");
        earnings[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "withdraw failed");
        emit Withdrawal(msg.sender, amount);
    }

    function setPlatformFee(uint256 bps) external onlyOwner {
        require(bps <= 1000, "fee too high");
        platformFeeBps = bps;
    }
}
