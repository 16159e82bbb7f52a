pragma solidity ^0.5.0;

contract SellerRole {
    address payable public seller;

    event SellerChanged(address indexed previousSeller, address indexed newSeller);

    modifier onlySeller() {
        require(msg.sender == seller, "seller only");
        _;
    }

    constructor() public {
        seller = msg.sender;
    }

    function changeSeller(address payable newSeller) external onlySeller {
        require(newSeller != address(0), "zero address");
        emit SellerChanged(seller, newSeller);
        seller = newSeller;
    }
}

contract VintageWineAuction is SellerRole {
    struct SealedBid {
        bytes32 sealedHash;
        uint256 deposit;
        bool revealed;
    }

    string public lotDescription;
    uint256 public reservePrice;
    uint256 public biddingEnd;
    uint256 public revealEnd;
    address public highestBidder;
    uint256 public highestBid;
    bool public settled;

    mapping(address => SealedBid) public bids;
    mapping(address => uint256) public refunds;

    event BidSealed(address indexed bidder, uint256 deposit);
    event BidRevealed(address indexed bidder, uint256 value, bool leading);
    event AuctionSettled(address indexed winner, uint256 price);
    event Refunded(address indexed account, uint256 amount);

    modifier inPhase(uint256 start, uint256 end) {
        require(now >= start && now < end, "wrong phase");
        _;
    }

    constructor(string memory description, uint256 reserve, uint256 biddingDays, uint256 revealDays) public {
        lotDescription = description;
        reservePrice = reserve;
        biddingEnd = now + biddingDays * 1 days;
        revealEnd = biddingEnd + revealDays * 1 days;
    }

    function sealedHashOf(uint256 value, bytes32 salt, address bidder) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(value, salt, bidder));
    }

    function placeBid(bytes32 sealedHash) external payable inPhase(0, biddingEnd) {
        require(msg.value > 0, "deposit required");
        require(bids[msg.sender].deposit == 0, "already bid");
        bids[msg.sender] = SealedBid(sealedHash, msg.value, false);
        emit BidSealed(msg.sender, msg.value);
    }

    function reveal(uint256 value, bytes32 salt) external inPhase(biddingEnd, revealEnd) {
        SealedBid storage b = bids[msg.sender];
        require(b.deposit > 0 && !b.revealed, "nothing to reveal");
        require(sealedHashOf(value, salt, msg.sender) == b.sealedHash, "seal does not match");
        b.revealed = true;
        bool leading = _consider(b, value);
        emit BidRevealed(msg.sender, value, leading);
    }

    function _consider(SealedBid storage b, uint256 value) internal returns (bool) {
        uint256 refund = b.deposit;
        bool leading = value <= b.deposit && value >= reservePrice && value > highestBid;
        if (leading) {
            if (highestBidder != address(0)) {
                refunds[highestBidder] += highestBid;
            }
            highestBidder = msg.sender;
            highestBid = value;
            refund = b.deposit - value;
        }
        refunds[msg.sender] += refund;
        return leading;
    }

    function reclaimUnrevealed() external {
        require(now >= revealEnd, "reveal phase open");
        SealedBid storage b = bids[msg.sender];
        require(b.deposit > 0 && !b.revealed, "nothing to reclaim");
        b.revealed = true;
        refunds[msg.sender] += b.deposit;
    }

    function settle() external {
        require(now >= revealEnd, "reveal phase open");
        require(!settled, "already settled");
        settled = true;
        if (highestBidder != address(0)) {
            refunds[seller] += highestBid;
        }
        emit AuctionSettled(highestBidder, highestBid);
    }

    function withdrawRefund() external {
        uint256 amount = refunds[msg.sender];
        require(amount > 0, "nothing owed");
        refunds[msg.sender] = 0;
        emit Refunded(msg.sender, amount);
        msg.sender.transfer(amount);
    }
}
