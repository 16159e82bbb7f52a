pragma solidity 0.4.24;

contract Arbitrated {
    address public arbiter;
    address public pendingArbiter;

    event ArbiterProposed(address indexed candidate);
    event ArbiterChanged(address indexed previousArbiter, address indexed newArbiter);

    modifier onlyArbiter() {
        require(msg.sender == arbiter, "arbiter only");
        _;
    }

    constructor() public {
        arbiter = msg.sender;
    }

    function proposeArbiter(address candidate) external onlyArbiter {
        require(candidate != address(0), "zero address");
        pendingArbiter = candidate;
        emit ArbiterProposed(candidate);
    }

    function acceptArbiter() external {
        require(msg.sender == pendingArbiter, "not proposed");
        emit ArbiterChanged(arbiter, pendingArbiter);
        arbiter = pendingArbiter;
        pendingArbiter = address(0);
    }
}

contract MilestoneBook is Arbitrated {
    struct Deal {
        address client;
        address freelancer;
        uint256 amount;
        uint64 deadline;
        uint8 extensions;
        bool delivered;
        bool settled;
    }

    uint8 public constant MAX_EXTENSIONS = 3;

    Deal[] internal deals;

    event DeadlineMoved(uint256 indexed dealId, uint64 newDeadline);

    function dealCount() public view returns (uint256) {
        return deals.length;
    }

    function timeLeft(uint256 dealId) public view returns (uint256) {
        require(dealId < deals.length, "unknown deal");
        if (now >= deals[dealId].deadline) {
            return 0;
        }
        return deals[dealId].deadline - now;
    }

    function _extendDeadline(uint256 dealId, uint64 extraTime) internal {
        Deal storage d = deals[dealId];
        require(d.extensions < MAX_EXTENSIONS, "no extensions left");
        d.extensions += 1;
        d.deadline += extraTime;
        emit DeadlineMoved(dealId, d.deadline);
    }
}

contract FreelanceEscrow is MilestoneBook {
    uint256 public feeBps;
    uint256 public collectedFees;

    event DealOpened(uint256 indexed dealId, address indexed client, address indexed freelancer, uint256 amount);
    event WorkDelivered(uint256 indexed dealId);
    event DealReleased(uint256 indexed dealId, uint256 payout);
    event DealRefunded(uint256 indexed dealId);

    modifier onlyClient(uint256 dealId) {
        require(dealId < deals.length, "unknown deal");
        require(msg.sender == deals[dealId].client, "client only");
        _;
    }

    constructor(uint256 _feeBps) public {
        require(_feeBps <= 500, "fee too high");
        feeBps = _feeBps;
    }

    function openDeal(address freelancer, uint256 duration) external payable returns (uint256) {
        require(freelancer != address(0) && freelancer != msg.sender, "bad freelancer");
        require(msg.value > 0, "no payment");
        require(duration >= 1 days && duration <= 180 days, "bad duration");
        deals.push(Deal(msg.sender, freelancer, msg.value, uint64(now + duration), 0, false, false));
        emit DealOpened(deals.length - 1, msg.sender, freelancer, msg.value);
        return deals.length - 1;
    }

    function markDelivered(uint256 dealId) external {
        require(dealId < deals.length, "unknown deal");
        Deal storage d = deals[dealId];
        require(msg.sender == d.freelancer, "freelancer only");
        require(!d.settled, "already settled");
        require(now <= d.deadline, "deadline passed");
        d.delivered = true;
        emit WorkDelivered(dealId);
    }

    function grantExtension(uint256 dealId, uint64 extraTime) external onlyClient(dealId) {
        require(!deals[dealId].settled, "already settled");
        _extendDeadline(dealId, extraTime);
    }

    function release(uint256 dealId) external onlyClient(dealId) {
        Deal storage d = deals[dealId];
        require(!d.settled, "already settled");
        d.settled = true;
        uint256 fee = d.amount * feeBps / 10000;
        collectedFees += fee;
        d.freelancer.transfer(d.amount - fee);
        emit DealReleased(dealId, d.amount - fee);
    }

    function reclaim(uint256 dealId) external onlyClient(dealId) {
        Deal storage d = deals[dealId];
        require(!d.settled, "already settled");
        require(!d.delivered, "work was delivered");
        require(now > d.deadline, "deadline not reached");
        d.settled = true;
        d.client.transfer(d.amount);
        emit DealRefunded(dealId);
    }

    function resolveDispute(uint256 dealId, bool payFreelancer) external onlyArbiter {
        require(dealId < deals.length, "unknown deal");
        Deal storage d = deals[dealId];
        require(!d.settled && d.delivered, "nothing to resolve");
        d.settled = true;
        if (payFreelancer) {
            uint256 fee = d.amount * feeBps / 10000;
            collectedFees += fee;
            d.freelancer.transfer(d.amount - fee);
        } else {
            d.client.transfer(d.amount);
        }
    }

    function withdrawFees() external onlyArbiter {
        uint256 amount = collectedFees;
        collectedFees = 0;
        arbiter.transfer(amount);
    }
}
