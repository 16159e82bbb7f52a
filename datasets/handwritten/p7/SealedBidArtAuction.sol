pragma solidity ^0.4.24;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }
}

contract SealedBidArtAuction {
    using SafeMath for uint256;

    struct SealedBid {
        bytes32 commitment;
        uint256 deposit;
        bool revealed;
    }

    address public seller;
    string public lotName;
    uint256 public biddingEnd;
    uint256 public revealEnd;
    address public highestBidder;
    uint256 public highestBid;
    bool public settled;
    mapping(address => SealedBid) public bids;
    mapping(address => uint256) public refunds;

    event BidCommitted(address indexed bidder, uint256 deposit);
    event BidRevealed(address indexed bidder, uint256 value, bool leading);
    event RefundWithdrawn(address indexed bidder, uint256 amount);
    event AuctionSettled(address indexed winner, uint256 price);

    modifier onlyBefore(uint256 time) {
        require(now < time);
        _;
    }

    modifier onlyAfter(uint256 time) {
        require(now >= time);
        _;
    }

    constructor(string _lotName, uint256 biddingDays, uint256 revealDays) public {
        require(biddingDays >= 1 && biddingDays <= 30);
        require(revealDays >= 1 && revealDays <= 7);
        seller = msg.sender;
        lotName = _lotName;
        biddingEnd = now.add(biddingDays.mul(1 days));
        revealEnd = biddingEnd.add(revealDays.mul(1 days));
    }

    function commitBid(bytes32 commitment) external payable onlyBefore(biddingEnd) {
        require(msg.value > 0);
        require(commitment != bytes32(0));
        SealedBid storage bid = bids[msg.sender];
        require(bid.commitment == bytes32(0));
        bid.commitment = commitment;
        bid.deposit = msg.value;
        emit BidCommitted(msg.sender, msg.value);
    }

    function revealBid(uint256 value, bytes32 salt) external onlyAfter(biddingEnd) onlyBefore(revealEnd) {
        SealedBid storage bid = bids[msg.sender];
        require(bid.commitment != bytes32(0) && !bid.revealed);
        require(keccak256(abi.encodePacked(msg.sender, value, salt)) == bid.commitment);
        bid.revealed = true;

        uint256 refund = bid.deposit;
        bool leading = false;
        if (value <= bid.deposit && value > highestBid) {
            if (highestBidder != address(0)) {
                refunds[highestBidder] = refunds[highestBidder].add(highestBid);
            }
            highestBidder = msg.sender;
            highestBid = value;
            refund = bid.deposit.sub(value);
            leading = true;
        }
        refunds[msg.sender] = refunds[msg.sender].add(refund);
        emit BidRevealed(msg.sender, value, leading);
    }

    function recoverUnrevealed() external onlyAfter(revealEnd) {
        SealedBid storage bid = bids[msg.sender];
        require(bid.commitment != bytes32(0) && !bid.revealed);
        bid.revealed = true;
        refunds[msg.sender] = refunds[msg.sender].add(bid.deposit);
    }

    function withdrawRefund() external {
        uint256 amount = refunds[msg.sender];
        require(amount > 0);
        refunds[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit RefundWithdrawn(msg.sender, amount);
    }

    function settle() external onlyAfter(revealEnd) {
        require(msg.sender == seller);
        require(!settled);
        settled = true;
        emit AuctionSettled(highestBidder, highestBid);
        if (highestBid > 0) {
            seller.transfer(highestBid);
        }
    }
}
