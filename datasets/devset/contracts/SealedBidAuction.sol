// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract SealedBidAuction {
    struct Commitment {
        bytes32 hash;
        uint256 deposit;
        bool revealed;
    }

    address payable public seller;
    string public lot;
    uint256 public commitEnd;
    uint256 public revealEnd;
    uint256 public reservePrice;
    address public highestBidder;
    uint256 public highestBid;
    bool public settled;

    mapping(address => Commitment) public commitments;
    mapping(address => uint256) public refunds;

    event Committed(address indexed bidder, uint256 deposit);
    event Revealed(address indexed bidder, uint256 amount, bool leading);
    event Settled(address indexed winner, uint256 amount);

    constructor(string memory _lot, uint256 commitDays, uint256 revealDays, uint256 _reservePrice) {
        require(commitDays > 0 && revealDays > 0, "bad schedule");
        seller = msg.sender;
        lot = _lot;
        commitEnd = block.timestamp + commitDays * 1 days;
        revealEnd = commitEnd + revealDays * 1 days;
        reservePrice = _reservePrice;
    }

    function commit(bytes32 hash) external payable {
        require(block.timestamp < commitEnd, "commit phase over");
        require(commitments[msg.sender].hash == bytes32(0), "already committed");
        require(msg.value >= reservePrice, "deposit below reserve");
        commitments[msg.sender] = Commitment(hash, msg.value, false);
        emit Committed(msg.sender, msg.value);
    }

    function reveal(uint256 amount, bytes32 salt) external {
        require(block.timestamp >= commitEnd && block.timestamp < revealEnd, "not reveal phase");
        Commitment storage c = commitments[msg.sender];
        require(!c.revealed, "already revealed");
        require(keccak256(abi.encodePacked(amount, salt, msg.sender)) == c.hash, "mismatch");
        c.revealed = true;

        bool leading = amount <= c.deposit && amount >= reservePrice && amount > highestBid;
        if (leading) {
            if (highestBidder != address(0)) {
                refunds[highestBidder] += highestBid;
            }
            refunds[msg.sender] += c.deposit - amount;
            highestBidder = msg.sender;
            highestBid = amount;
        } else {
            refunds[msg.sender] += c.deposit;
        }
        emit Revealed(msg.sender, amount, leading);
    }

    function settle() external {
        require(block.timestamp >= revealEnd, "reveal phase running");
        require(!settled, "already settled");
        settled = true;
        if (highestBidder != address(0)) {
            refunds[seller] += highestBid;
        }
        emit Settled(highestBidder, highestBid);
    }

    function withdrawRefund() external {
        uint256 amount = refunds[msg.sender];
        require(amount > 0, "nothing to refund");
        refunds[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "refund failed");
    }

    function commitmentFor(uint256 amount, bytes32 salt, address bidder) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(amount, salt, bidder));
    }
}
