// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

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

contract NameRegistryAuction {
    using SafeMath for uint256;

    struct Auction {
        bytes32 label;
        uint256 commitEnd;
        uint256 revealEnd;
        address leader;
        uint256 leadingBid;
        bool finalized;
    }

    address public owner;
    address public beneficiary;
    uint256 public auctionCount;

    mapping(uint256 => Auction) public auctions;
    mapping(uint256 => mapping(address => bytes32)) public commitments;
    mapping(uint256 => mapping(address => uint256)) public deposits;
    mapping(address => uint256) public pendingReturns;
    mapping(bytes32 => address) public nameOwner;
    mapping(bytes32 => bool) public labelInAuction;

    event AuctionOpened(uint256 indexed auctionId, bytes32 indexed label, uint256 commitEnd, uint256 revealEnd);
    event BidCommitted(uint256 indexed auctionId, address indexed bidder, uint256 deposit);
    event BidRevealed(uint256 indexed auctionId, address indexed bidder, uint256 value);
    event AuctionFinalized(uint256 indexed auctionId, bytes32 indexed label, address winner, uint256 price);
    event Withdrawn(address indexed account, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor(address _beneficiary) public {
        require(_beneficiary != address(0), "zero beneficiary");
        owner = msg.sender;
        beneficiary = _beneficiary;
    }

    function openAuction(bytes32 label, uint256 commitDays, uint256 revealDays) external onlyOwner returns (uint256 id) {
        require(nameOwner[label] == address(0) && !labelInAuction[label], "name unavailable");
        require(commitDays >= 1 && commitDays <= 30 && revealDays >= 1 && revealDays <= 30, "bad schedule");
        labelInAuction[label] = true;
        id = auctionCount;
        auctionCount = id.add(1);
        uint256 commitEnd = block.timestamp.add(commitDays.mul(1 days));
        uint256 revealEnd = commitEnd.add(revealDays.mul(1 days));
        auctions[id] = Auction(label, commitEnd, revealEnd, address(0), 0, false);
        emit AuctionOpened(id, label, commitEnd, revealEnd);
    }

    function commitBid(uint256 id, bytes32 commitment) external payable {
        Auction storage a = auctions[id];
        require(a.commitEnd != 0 && block.timestamp < a.commitEnd, "commit phase over");
        require(commitments[id][msg.sender] == bytes32(0), "already committed");
        require(msg.value > 0, "deposit required");
        commitments[id][msg.sender] = commitment;
        deposits[id][msg.sender] = msg.value;
        emit BidCommitted(id, msg.sender, msg.value);
    }

    function revealBid(uint256 id, uint256 value, bytes32 salt) external {
        Auction storage a = auctions[id];
        require(block.timestamp >= a.commitEnd && block.timestamp < a.revealEnd, "not reveal phase");
        bytes32 expected = keccak256(abi.encodePacked(id, msg.sender, value, salt));
        require(commitments[id][msg.sender] == expected, "commitment mismatch");

        uint256 deposit = deposits[id][msg.sender];
        commitments[id][msg.sender] = bytes32(0);
        deposits[id][msg.sender] = 0;

        if (value <= deposit && value > a.leadingBid) {
            if (a.leader != address(0)) {
                pendingReturns[a.leader] = pendingReturns[a.leader].add(a.leadingBid);
            }
            a.leader = msg.sender;
            a.leadingBid = value;
            pendingReturns[msg.sender] = pendingReturns[msg.sender].add(deposit.sub(value));
        } else {
            pendingReturns[msg.sender] = pendingReturns[msg.sender].add(deposit);
        }
        emit BidRevealed(id, msg.sender, value);
    }

    function reclaimUnrevealed(uint256 id) external {
        require(block.timestamp >= auctions[id].revealEnd, "reveal phase open");
        uint256 deposit = deposits[id][msg.sender];
        require(deposit > 0, "nothing to reclaim");
        deposits[id][msg.sender] = 0;
        commitments[id][msg.sender] = bytes32(0);
        pendingReturns[msg.sender] = pendingReturns[msg.sender].add(deposit);
    }

    function finalize(uint256 id) external {
        Auction storage a = auctions[id];
        require(a.revealEnd != 0 && block.timestamp >= a.revealEnd, "auction running");
        require(!a.finalized, "already finalized");
        a.finalized = true;
        if (a.leader != address(0)) {
            nameOwner[a.label] = a.leader;
            pendingReturns[beneficiary] = pendingReturns[beneficiary].add(a.leadingBid);
        } else {
            labelInAuction[a.label] = false;
        }
        emit AuctionFinalized(id, a.label, a.leader, a.leadingBid);
    }

    function withdraw() external {
        uint256 amount = pendingReturns[msg.sender];
        require(amount > 0, "nothing owed");
        pendingReturns[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "transfer failed");
        emit Withdrawn(msg.sender, amount);
    }
}
