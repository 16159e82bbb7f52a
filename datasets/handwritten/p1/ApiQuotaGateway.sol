pragma solidity 0.5.17;

contract ApiQuotaGateway {
    struct Plan {
        string label;
        uint32 callsIncluded;
        uint256 priceWei;
        bool available;
    }

    struct Subscription {
        uint8 planId;
        uint32 callsUsed;
        uint32 callsAllowed;
        uint64 renewals;
        bool active;
    }

    address payable public operator;
    Plan[] public plans;
    mapping(address => Subscription) public subscriptions;
    mapping(bytes32 => address) public requestOwner;
    mapping(bytes32 => bytes32) public results;
    uint256 public requestNonce;

    event PlanCreated(uint8 indexed planId, string label, uint32 callsIncluded, uint256 priceWei);
    event PlanAvailability(uint8 indexed planId, bool available);
    event Subscribed(address indexed account, uint8 indexed planId, uint64 renewals);
    event QueryRequested(bytes32 indexed requestId, address indexed account, string endpoint, uint32 calls);
    event ResultPosted(bytes32 indexed requestId, bytes32 result);
    event Withdrawn(address indexed to, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    modifier consumesQuota(uint32 calls) {
        Subscription storage sub = subscriptions[msg.sender];
        require(sub.active, "no subscription");
        require(calls > 0, "empty request");
        uint32 used = sub.callsUsed + calls;
        require(used <= sub.callsAllowed, "quota exceeded");
        sub.callsUsed = used;
        _;
    }

    constructor() public {
        operator = msg.sender;
    }

    function createPlan(string calldata label, uint32 callsIncluded, uint256 priceWei) external onlyOperator {
        require(plans.length < 255, "too many plans");
        require(callsIncluded > 0 && priceWei > 0, "bad plan");
        plans.push(Plan(label, callsIncluded, priceWei, true));
        emit PlanCreated(uint8(plans.length - 1), label, callsIncluded, priceWei);
    }

    function setPlanAvailable(uint8 planId, bool available) external onlyOperator {
        require(planId < plans.length, "unknown plan");
        plans[planId].available = available;
        emit PlanAvailability(planId, available);
    }

    function subscribe(uint8 planId) external payable {
        require(planId < plans.length, "unknown plan");
        Plan storage plan = plans[planId];
        require(plan.available, "plan closed");
        require(msg.value == plan.priceWei, "wrong payment");

        Subscription storage sub = subscriptions[msg.sender];
        sub.planId = planId;
        sub.callsUsed = 0;
        sub.callsAllowed = plan.callsIncluded;
        sub.renewals += 1;
        sub.active = true;
        emit Subscribed(msg.sender, planId, sub.renewals);
    }

    function requestQuery(string calldata endpoint, uint32 calls)
        external
        consumesQuota(calls)
        returns (bytes32 requestId)
    {
        requestId = keccak256(abi.encodePacked(msg.sender, requestNonce, endpoint));
        requestNonce += 1;
        requestOwner[requestId] = msg.sender;
        emit QueryRequested(requestId, msg.sender, endpoint, calls);
    }

    function postResult(bytes32 requestId, bytes32 result) external onlyOperator {
        require(requestOwner[requestId] != address(0), "unknown request");
        results[requestId] = result;
        emit ResultPosted(requestId, result);
    }

    function remainingCalls(address account) external view returns (uint32) {
        Subscription storage sub = subscriptions[account];
        if (!sub.active) {
            return 0;
        }
        return sub.callsAllowed - sub.callsUsed;
    }

    function planCount() external view returns (uint256) {
        return plans.length;
    }

    function withdraw(uint256 amount) external onlyOperator {
        require(amount <= address(this).balance, "insufficient balance");
        emit Withdrawn(operator, amount);
        operator.transfer(amount);
    }
}
