// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

contract SealedBidLandAuction {
    struct SealedBid {
        bytes32 commitment;
        uint256 deposit;
        bool revealed;
    }

    address public immutable seller;
    string public parcelId;
    uint256 public immutable reservePrice;
    uint256 public immutable commitEnd;
    uint256 public immutable revealEnd;

    address public highestBidder;
    uint256 public highestBid;
    bool public settled;
    uint256 public bidderCount;

    mapping(address => SealedBid) public bids;
    mapping(address => uint256) public pendingReturns;

    event BidCommitted(address indexed bidder, uint256 deposit);
    event BidRevealed(address indexed bidder, uint256 amount, bool leading);
    event AuctionSettled(address indexed winner, uint256 amount);
    event Refunded(address indexed account, uint256 amount);

    modifier onlyBefore(uint256 time) {
        require(block.timestamp < time, "phase over");
        _;
    }

    modifier onlyAfter(uint256 time) {
        require(block.timestamp >= time, "phase not started");
        _;
    }

    constructor(string memory _parcelId, uint256 _reservePrice, uint256 commitDays, uint256 revealDays) {
        require(commitDays >= 1 && commitDays <= 30, "commit days");
        require(revealDays >= 1 && revealDays <= 14, "reveal days");
        seller = msg.sender;
        parcelId = _parcelId;
        reservePrice = _reservePrice;
        commitEnd = block.timestamp + commitDays * 1 days;
        revealEnd = commitEnd + revealDays * 1 days;
    }

    function commitBid(bytes32 commitment) external payable onlyBefore(commitEnd) {
        require(commitment != bytes32(0), "empty commitment");
        SealedBid storage b = bids[msg.sender];
        require(b.commitment == bytes32(0), "already committed");
        require(msg.value >= reservePrice, "deposit below reserve");
        b.commitment = commitment;
        b.deposit = msg.value;
        bidderCount += 1;
        emit BidCommitted(msg.sender, msg.value);
    }

    function revealBid(uint256 amount, bytes32 salt) external onlyAfter(commitEnd) onlyBefore(revealEnd) {
        SealedBid storage b = bids[msg.sender];
        require(!b.revealed, "already revealed");
        require(b.commitment == keccak256(abi.encodePacked(msg.sender, amount, salt)), "mismatch");
        b.revealed = true;
        bool leading = _place(msg.sender, amount, b.deposit);
        emit BidRevealed(msg.sender, amount, leading);
    }

    function _place(address bidder, uint256 amount, uint256 deposit) internal returns (bool) {
        if (amount > deposit || amount < reservePrice || amount <= highestBid) {
            pendingReturns[bidder] += deposit;
            return false;
        }
        if (highestBidder != address(0)) {
            pendingReturns[highestBidder] += highestBid;
        }
        highestBidder = bidder;
        highestBid = amount;
        pendingReturns[bidder] += deposit - amount;
        return true;
    }

    function reclaimUnrevealed() external onlyAfter(revealEnd) {
        SealedBid storage b = bids[msg.sender];
        require(!b.revealed && b.deposit > 0, "nothing to reclaim");
        b.revealed = true;
        pendingReturns[msg.sender] += b.deposit;
    }

    function settle() external onlyAfter(revealEnd) {
        require(!settled, "settled");
        settled = true;
        if (highestBidder != address(0)) {
            pendingReturns[seller] += highestBid;
        }
        emit AuctionSettled(highestBidder, highestBid);
    }

    function withdraw() external {
        uint256 amount = pendingReturns[msg.sender];
        require(amount > 0, "nothing owed");
        pendingReturns[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "transfer failed");
        emit Refunded(msg.sender, amount);
    }
}
