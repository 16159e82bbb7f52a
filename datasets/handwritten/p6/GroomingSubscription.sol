pragma solidity ^0.5.0;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }
}

contract GroomingSubscription {
    using SafeMath for uint256;

    struct Plan {
        uint256 price;
        uint256 visits;
        bool active;
    }

    struct Membership {
        uint256 planId;
        uint256 visitsLeft;
        uint256 expiresAt;
    }

    address payable public owner;
    uint256 public planCount;
    uint256 public earnings;

    mapping(uint256 => Plan) public plans;
    mapping(address => Membership) public members;
    mapping(address => bool) public groomers;

    event PlanAdded(uint256 indexed planId, uint256 price, uint256 visits);
    event PlanRetired(uint256 indexed planId);
    event Subscribed(address indexed customer, uint256 indexed planId, uint256 expiresAt);
    event VisitRedeemed(address indexed customer, address indexed groomer, uint256 visitsLeft);
    event GroomerUpdated(address indexed groomer, bool enabled);
    event OwnerChanged(address indexed previousOwner, address indexed newOwner);
    event EarningsWithdrawn(uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier onlyGroomer() {
        require(groomers[msg.sender], "groomer only");
        _;
    }

    constructor() public {
        owner = msg.sender;
        groomers[msg.sender] = true;
    }

    function addPlan(uint256 price, uint256 visits) external onlyOwner returns (uint256 planId) {
        require(price > 0 && visits > 0 && visits <= 52, "bad plan");
        planId = planCount;
        plans[planId] = Plan(price, visits, true);
        planCount = planCount.add(1);
        emit PlanAdded(planId, price, visits);
    }

    function retirePlan(uint256 planId) external onlyOwner {
        require(plans[planId].active, "inactive");
        plans[planId].active = false;
        emit PlanRetired(planId);
    }

    function setGroomer(address groomer, bool enabled) external onlyOwner {
        groomers[groomer] = enabled;
        emit GroomerUpdated(groomer, enabled);
    }

    function subscribe(uint256 planId) external payable {
        Plan storage plan = plans[planId];
        require(plan.active, "plan closed");
        require(msg.value == plan.price, "wrong amount");
        Membership storage m = members[msg.sender];
        require(m.visitsLeft == 0 || now > m.expiresAt, "still subscribed");
        m.planId = planId;
        m.visitsLeft = plan.visits;
        m.expiresAt = now.add(30 days);
        earnings = earnings.add(msg.value);
        emit Subscribed(msg.sender, planId, m.expiresAt);
    }

    function transferOwnership(address payable newOwner) external {
        require(newOwner != address(0), "zero owner");
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }

    function redeemVisit(address customer) external onlyGroomer {
        Membership storage m = members[customer];
        require(m.visitsLeft > 0, "no visits");
        require(now <= m.expiresAt, "expired");
        m.visitsLeft = m.visitsLeft.sub(1);
        emit VisitRedeemed(customer, msg.sender, m.visitsLeft);
    }

    function withdrawEarnings(uint256 amount) external onlyOwner {
        require(amount <= earnings, "too much");
        earnings = earnings.sub(amount);
        owner.transfer(amount);
        emit EarningsWithdrawn(amount);
    }

    function visitsOf(address customer) external view returns (uint256 left, uint256 expiresAt) {
        Membership storage m = members[customer];
        if (now > m.expiresAt) {
            return (0, m.expiresAt);
        }
        return (m.visitsLeft, m.expiresAt);
    }
}
