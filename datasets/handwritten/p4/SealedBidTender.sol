// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract SealedBidTender {
    struct Bid {
        bytes32 commitment;
        uint256 bond;
        uint256 price;
        bool revealed;
    }

    uint256 public constant DELIVERY_WINDOW = 60 days;

    address public immutable buyer;
    uint256 public immutable bondAmount;
    uint256 public immutable commitDeadline;
    uint256 public immutable revealDeadline;
    string public description;

    mapping(address => Bid) public bids;
    mapping(address => uint256) public refundable;
    uint256 public bidderCount;
    address public leader;
    uint256 public leadingPrice;
    bool public awarded;
    bool public settled;

    event BidCommitted(address indexed bidder);
    event BidRevealed(address indexed bidder, uint256 price);
    event TenderAwarded(address indexed supplier, uint256 price);
    event DeliveryConfirmed(address indexed supplier);
    event BondForfeited(address indexed bidder, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);

    modifier onlyBuyer() {
        require(msg.sender == buyer, "buyer only");
        _;
    }

    modifier afterReveal() {
        require(block.timestamp >= revealDeadline, "reveal running");
        _;
    }

    constructor(string memory _description, uint256 _bondAmount, uint256 commitDays, uint256 revealDays) {
        require(commitDays >= 1 && commitDays <= 60, "commit window");
        require(revealDays >= 1 && revealDays <= 30, "reveal window");
        buyer = msg.sender;
        description = _description;
        bondAmount = _bondAmount;
        commitDeadline = block.timestamp + commitDays * 1 days;
        revealDeadline = block.timestamp + (commitDays + revealDays) * 1 days;
    }

    function commitmentFor(uint256 price, bytes32 salt, address bidder) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(price, salt, bidder));
    }

    function submitBid(bytes32 commitment) external payable {
        require(block.timestamp < commitDeadline, "commit closed");
        require(msg.sender != buyer, "buyer cannot bid");
        require(commitment != bytes32(0), "empty");
        require(bids[msg.sender].commitment == bytes32(0), "already bid");
        require(msg.value == bondAmount, "bond");
        bids[msg.sender] = Bid(commitment, msg.value, 0, false);
        bidderCount += 1;
        emit BidCommitted(msg.sender);
    }

    function revealBid(uint256 price, bytes32 salt) external {
        require(block.timestamp >= commitDeadline && block.timestamp < revealDeadline, "not revealing");
        Bid storage b = bids[msg.sender];
        require(b.commitment != bytes32(0) && !b.revealed, "nothing to reveal");
        require(commitmentFor(price, salt, msg.sender) == b.commitment, "mismatch");
        require(price > 0, "zero price");
        b.revealed = true;
        b.price = price;
        emit BidRevealed(msg.sender, price);

        bool better = leader == address(0) || price < leadingPrice ||
            (price == leadingPrice && msg.sender < leader);
        if (better) {
            if (leader != address(0)) {
                _release(leader);
            }
            leader = msg.sender;
            leadingPrice = price;
        } else {
            _release(msg.sender);
        }
    }

    function award() external afterReveal {
        require(!awarded, "already awarded");
        require(leader != address(0), "no valid bids");
        awarded = true;
        emit TenderAwarded(leader, leadingPrice);
    }

    function confirmDelivery() external onlyBuyer {
        require(awarded && !settled, "not open");
        settled = true;
        _release(leader);
        emit DeliveryConfirmed(leader);
    }

    function reclaimAfterWindow() external {
        require(msg.sender == leader, "not supplier");
        require(awarded && !settled, "not open");
        require(block.timestamp >= revealDeadline + DELIVERY_WINDOW, "window open");
        settled = true;
        _release(leader);
    }

    function forfeitUnrevealed(address bidder) external onlyBuyer afterReveal {
        Bid storage b = bids[bidder];
        require(b.commitment != bytes32(0) && !b.revealed, "revealed or absent");
        uint256 amount = b.bond;
        require(amount > 0, "no bond");
        b.bond = 0;
        refundable[buyer] += amount;
        emit BondForfeited(bidder, amount);
    }

    function withdraw() external {
        uint256 amount = refundable[msg.sender];
        require(amount > 0, "nothing to withdraw");
        refundable[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "transfer failed");
        emit Withdrawn(msg.sender, amount);
    }

    function _release(address bidder) internal {
        Bid storage b = bids[bidder];
        uint256 amount = b.bond;
        b.bond = 0;
        refundable[bidder] += amount;
    }
}
