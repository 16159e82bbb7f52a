// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "SafeMath: add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "SafeMath: sub");
        return a - b;
    }
}

contract HarbourBerthAuction {
    using SafeMath for uint256;

    struct SealedBid {
        bytes32 commitment;
        uint256 deposit;
        bool revealed;
    }

    address payable public harbourmaster;
    string public berthName;
    uint256 public minimumBid;
    uint256 public commitEnds;
    uint256 public revealEnds;

    address public highestBidder;
    uint256 public highestBid;
    uint256 public proceeds;
    bool public finalized;

    mapping(address => SealedBid) public bids;
    mapping(address => uint256) public refunds;

    event BidCommitted(address indexed bidder, uint256 deposit);
    event BidRevealed(address indexed bidder, uint256 amount, bool leading);
    event AuctionFinalized(address indexed leaseHolder, uint256 amount);
    event RefundWithdrawn(address indexed bidder, uint256 amount);
    event ProceedsCollected(address indexed to, uint256 amount);

    modifier onlyHarbourmaster() {
        require(msg.sender == harbourmaster, "harbourmaster only");
        _;
    }

    constructor(string memory name, uint256 minBid, uint256 commitDays, uint256 revealDays) {
        require(commitDays >= 1 && commitDays <= 30, "bad commit window");
        require(revealDays >= 1 && revealDays <= 14, "bad reveal window");
        harbourmaster = msg.sender;
        berthName = name;
        minimumBid = minBid;
        commitEnds = block.timestamp.add(commitDays * 1 days);
        revealEnds = commitEnds.add(revealDays * 1 days);
    }

    function sealBid(address bidder, uint256 amount, bytes32 salt) public view returns (bytes32) {
        return keccak256(abi.encodePacked(address(this), bidder, amount, salt));
    }

    function commitBid(bytes32 commitment) external payable {
        require(block.timestamp < commitEnds, "commit phase over");
        require(commitment != bytes32(0), "empty commitment");
        require(bids[msg.sender].commitment == bytes32(0), "already committed");
        require(msg.value >= minimumBid, "deposit too small");
        bids[msg.sender] = SealedBid(commitment, msg.value, false);
        emit BidCommitted(msg.sender, msg.value);
    }

    function revealBid(uint256 amount, bytes32 salt) external {
        require(block.timestamp >= commitEnds, "still committing");
        require(block.timestamp < revealEnds, "reveal phase over");
        SealedBid storage b = bids[msg.sender];
        require(b.commitment != bytes32(0) && !b.revealed, "nothing to reveal");
        require(sealBid(msg.sender, amount, salt) == b.commitment, "commitment mismatch");

        b.revealed = true;
        uint256 deposit = b.deposit;
        b.deposit = 0;

        bool leading = amount >= minimumBid && amount <= deposit && amount > highestBid;
        if (leading) {
            if (highestBidder != address(0)) {
                refunds[highestBidder] = refunds[highestBidder].add(highestBid);
            }
            highestBidder = msg.sender;
            highestBid = amount;
            refunds[msg.sender] = refunds[msg.sender].add(deposit.sub(amount));
        } else {
            refunds[msg.sender] = refunds[msg.sender].add(deposit);
        }
        emit BidRevealed(msg.sender, amount, leading);
    }

    function reclaimUnrevealed() external {
        require(block.timestamp >= revealEnds, "reveal phase open");
        SealedBid storage b = bids[msg.sender];
        require(!b.revealed && b.deposit > 0, "nothing to reclaim");
        uint256 deposit = b.deposit;
        b.deposit = 0;
        refunds[msg.sender] = refunds[msg.sender].add(deposit);
    }

    function finalize() external {
        require(block.timestamp >= revealEnds, "reveal phase open");
        require(!finalized, "already finalized");
        finalized = true;
        proceeds = highestBid;
        emit AuctionFinalized(highestBidder, highestBid);
    }

    function withdrawRefund() external {
        uint256 amount = refunds[msg.sender];
        require(amount > 0, "nothing to withdraw");
        refunds[msg.sender] = 0;
        emit RefundWithdrawn(msg.sender, amount);
        msg.sender.transfer(amount);
    }

    function collectProceeds() external onlyHarbourmaster {
        require(finalized, "not finalized");
        uint256 amount = proceeds;
        require(amount > 0, "nothing to collect");
        proceeds = 0;
        emit ProceedsCollected(harbourmaster, amount);
        harbourmaster.transfer(amount);
    }
}
