// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

abstract contract PullPayments {
    mapping(address => uint256) public payments;
    uint256 public totalOwed;

    event PaymentQueued(address indexed payee, uint256 amount);
    event PaymentWithdrawn(address indexed payee, uint256 amount);

    function _queuePayment(address payee, uint256 amount) internal {
        payments[payee] += amount;
        totalOwed += amount;
        emit PaymentQueued(payee, amount);
    }

    function withdrawPayments() public virtual {
        uint256 amount = payments[msg.sender];
        require(amount > 0, "nothing owed");
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "transfer failed");
        payments[msg.sender] = 0;
        totalOwed -= amount;
        emit PaymentWithdrawn(msg.sender, amount);
    }
}

contract AuctionHouse is PullPayments {
    struct Auction {
        address seller;
        string lotName;
        uint256 reserve;
        uint256 endsAt;
        address topBidder;
        uint256 topBid;
        bool settled;
    }

    address public auctioneer;
    uint256 public constant COMMISSION_BPS = 500;
    Auction[] public auctions;

    event AuctionCreated(uint256 indexed id, address indexed seller, string lotName, uint256 reserve, uint256 endsAt);
    event BidPlaced(uint256 indexed id, address indexed bidder, uint256 amount);
    event AuctionSettled(uint256 indexed id, address indexed winner, uint256 price);

    modifier onlyAuctioneer() {
        require(msg.sender == auctioneer, "auctioneer only");
        _;
    }

    constructor() public {
        auctioneer = msg.sender;
    }

    function create(string calldata lotName, uint256 reserve, uint256 durationDays) external returns (uint256 id) {
        require(durationDays >= 1 && durationDays <= 14, "duration");
        id = auctions.length;
        auctions.push(Auction(msg.sender, lotName, reserve, block.timestamp + durationDays * 1 days, address(0), 0, false));
        emit AuctionCreated(id, msg.sender, lotName, reserve, block.timestamp + durationDays * 1 days);
    }

    function bid(uint256 id) external payable {
        Auction storage a = auctions[id];
        require(block.timestamp < a.endsAt, "ended");
        require(msg.value >= a.reserve && msg.value > a.topBid, "bid too low");
        if (a.topBidder != address(0)) {
            _queuePayment(a.topBidder, a.topBid);
        }
        a.topBidder = msg.sender;
        a.topBid = msg.value;
        emit BidPlaced(id, msg.sender, msg.value);
    }

    function settle(uint256 id) external {
        Auction storage a = auctions[id];
        require(block.timestamp >= a.endsAt, "running");
        require(!a.settled, "settled");
        a.settled = true;
        if (a.topBidder != address(0)) {
            uint256 commission = a.topBid * COMMISSION_BPS / 10000;
            _queuePayment(auctioneer, commission);
            _queuePayment(a.seller, a.topBid - commission);
        }
        emit AuctionSettled(id, a.topBidder, a.topBid);
    }

    function transferAuctioneer(address next) external onlyAuctioneer {
        require(next != address(0), "zero");
        auctioneer = next;
    }

    function auctionCount() external view returns (uint256) {
        return auctions.length;
    }
}
