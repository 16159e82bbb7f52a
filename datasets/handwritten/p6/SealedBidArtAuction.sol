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
}

contract SealedBidArtAuction {
    using SafeMath for uint256;

    struct Bid {
        bytes32 commitment;
        uint256 deposit;
        bool revealed;
    }

    address public gallery;
    string public artworkUri;
    uint256 public reservePrice;
    uint256 public commitEnd;
    uint256 public revealEnd;
    address public highestBidder;
    uint256 public highestBid;
    bool public settled;

    mapping(address => Bid) public bids;
    mapping(address => uint256) public pendingReturns;

    event BidCommitted(address indexed bidder, uint256 deposit);
    event BidRevealed(address indexed bidder, uint256 amount);
    event NewLeader(address indexed bidder, uint256 amount);
    event Settled(address indexed winner, uint256 amount);
    event Withdrawn(address indexed bidder, uint256 amount);

    modifier onlyGallery() {
        require(msg.sender == gallery);
        _;
    }

    constructor(string _artworkUri, uint256 _reserve, uint256 _commitDays, uint256 _revealDays) public {
        require(_commitDays >= 1 && _commitDays <= 30);
        require(_revealDays >= 1 && _revealDays <= 14);
        gallery = msg.sender;
        artworkUri = _artworkUri;
        reservePrice = _reserve;
        commitEnd = now.add(_commitDays * 1 days);
        revealEnd = commitEnd.add(_revealDays * 1 days);
    }

    function sealedHash(uint256 amount, bytes32 salt, address bidder) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(amount, salt, bidder));
    }

    function commit(bytes32 commitment) public payable {
        require(now < commitEnd);
        require(bids[msg.sender].commitment == bytes32(0));
        require(msg.value >= reservePrice);
        bids[msg.sender] = Bid(commitment, msg.value, false);
        emit BidCommitted(msg.sender, msg.value);
    }

    function reveal(uint256 amount, bytes32 salt) public {
        require(now >= commitEnd && now < revealEnd);
        Bid storage b = bids[msg.sender];
        require(b.commitment != bytes32(0) && !b.revealed);
        require(sealedHash(amount, salt, msg.sender) == b.commitment);
        b.revealed = true;
        emit BidRevealed(msg.sender, amount);

        if (amount > b.deposit || amount < reservePrice || amount <= highestBid) {
            pendingReturns[msg.sender] = pendingReturns[msg.sender].add(b.deposit);
            return;
        }
        if (highestBidder != address(0)) {
            pendingReturns[highestBidder] = pendingReturns[highestBidder].add(highestBid);
        }
        highestBidder = msg.sender;
        highestBid = amount;
        pendingReturns[msg.sender] = pendingReturns[msg.sender].add(b.deposit.sub(amount));
        emit NewLeader(msg.sender, amount);
    }

    function reclaimUnrevealed() public {
        require(now >= revealEnd);
        Bid storage b = bids[msg.sender];
        require(b.commitment != bytes32(0) && !b.revealed);
        b.revealed = true;
        pendingReturns[msg.sender] = pendingReturns[msg.sender].add(b.deposit);
    }

    function withdraw() public {
        uint256 amount = pendingReturns[msg.sender];
        require(amount > 0);
        pendingReturns[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function settle() public onlyGallery {
        require(now >= revealEnd);
        require(!settled);
        settled = true;
        emit Settled(highestBidder, highestBid);
        if (highestBid > 0) {
            gallery.transfer(highestBid);
        }
    }
}
