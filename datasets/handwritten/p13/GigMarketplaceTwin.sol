// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

library FeeMath {
    uint256 internal constant BPS = 10000;

    function mulChecked(uint256 a, uint256 b) internal pure returns (uint256 c) {
        if (a == 0) {
            return 0;
        }
        c = a * b;
        require(c / a == b, "mul bound");
    }

    function portion(uint256 amount, uint256 bps) internal pure returns (uint256) {
        return mulChecked(amount, bps) / BPS;
    }
}

contract GigMarketplace {
    using FeeMath for uint256;

    enum Status { Open, Assigned, Delivered, Released, Cancelled }

    struct Gig {
        address client;
        address freelancer;
        uint256 budget;
        uint256 feeBps;
        uint256 deliveredAt;
        Status status;
        string brief;
    }

    uint256 public constant MAX_FEE_BPS = 3000;
    uint256 public constant REVIEW_PERIOD = 14 days;

    address public operator;
    uint256 public platformFeeBps;
    uint256 public accruedFees;
    uint256 public gigCount;

    mapping(uint256 => Gig) public gigs;
    mapping(address => uint256) public earnings;

    event GigPosted(uint256 indexed id, address indexed client, uint256 budget);
    event GigAssigned(uint256 indexed id, address indexed freelancer);
    event GigDelivered(uint256 indexed id);
    event GigReleased(uint256 indexed id, uint256 payout, uint256 fee);
    event GigCancelled(uint256 indexed id);
    event FeeUpdated(uint256 bps);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    modifier inStatus(uint256 id, Status expected) {
        require(gigs[id].status == expected, "wrong status");
        _;
    }

    constructor(uint256 feeBps) {
        require(feeBps <= MAX_FEE_BPS, "fee too high");
        operator = msg.sender;
        platformFeeBps = feeBps;
    }

    function setPlatformFee(uint256 bps) external onlyOperator {
        require(bps <= MAX_FEE_BPS, "fee too high");
        platformFeeBps = bps;
        emit FeeUpdated(bps);
    }

    function postGig(string calldata brief) external payable returns (uint256 id) {
        require(msg.value > 0, "empty budget");
        id = ++gigCount;
        Gig storage g = gigs[id];
        g.client = msg.sender;
        g.budget = msg.value;
        g.feeBps = platformFeeBps;
        g.status = Status.Open;
        g.brief = brief;
        emit GigPosted(id, msg.sender, msg.value);
    }

    function acceptGig(uint256 id) external inStatus(id, Status.Open) {
        Gig storage g = gigs[id];
        require(g.client != address(0), "unknown gig");
        require(msg.sender != g.client, "client cannot accept");
        g.freelancer = msg.sender;
        g.status = Status.Assigned;
        emit GigAssigned(id, msg.sender);
    }

    function markDelivered(uint256 id) external inStatus(id, Status.Assigned) {
        Gig storage g = gigs[id];
        require(msg.sender == g.freelancer, "freelancer only");
        g.deliveredAt = block.timestamp;
        g.status = Status.Delivered;
        emit GigDelivered(id);
    }

    function approveDelivery(uint256 id) external inStatus(id, Status.Delivered) {
        require(msg.sender == gigs[id].client, "client only");
        _settle(gigs[id], id);
    }

    function claimAfterReview(uint256 id) external inStatus(id, Status.Delivered) {
        Gig storage g = gigs[id];
        require(msg.sender == g.freelancer, "freelancer only");
        require(block.timestamp >= g.deliveredAt + REVIEW_PERIOD, "review running");
        _settle(g, id);
    }

    function cancelGig(uint256 id) external inStatus(id, Status.Open) {
        Gig storage g = gigs[id];
        require(msg.sender == g.client, "client only");
        g.status = Status.Cancelled;
        earnings[g.client] += g.budget;
        emit GigCancelled(id);
    }

    function withdraw() external {
        uint256 amount = earnings[msg.sender];
        require(amount > 0, "nothing to withdraw");
        earnings[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function withdrawFees(address payable to) external onlyOperator {
        uint256 amount = accruedFees;
        accruedFees = 0;
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "fee withdraw failed");
    }

    function _settle(Gig storage g, uint256 id) internal {
        uint256 fee = g.budget.portion(g.feeBps);
        uint256 payout = g.budget - fee;
        g.status = Status.Released;
        accruedFees += fee;
        earnings[g.freelancer] += payout;
        emit GigReleased(id, payout, fee);
    }
}
