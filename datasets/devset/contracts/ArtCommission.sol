// SPDX-License-Identifier: MIT
pragma solidity ^0.8.12;

contract ArtCommission {
    enum Phase { Offered, Accepted, Delivered, Approved, Refunded }

    struct Commission {
        address patron;
        address artist;
        uint256 fee;
        uint256 deliverBy;
        bytes32 artworkHash;
        Phase phase;
    }

    uint256 public constant REVIEW_PERIOD = 14 days;
    uint256 public constant PLATFORM_BPS = 250;

    address public immutable platform;
    uint256 public commissionCount;

    mapping(uint256 => Commission) public commissions;
    mapping(uint256 => uint256) public deliveredAt;
    mapping(address => uint256) public withdrawable;

    event Offered(uint256 indexed id, address indexed patron, address indexed artist, uint256 fee);
    event Accepted(uint256 indexed id);
    event Delivered(uint256 indexed id, bytes32 artworkHash);
    event Settled(uint256 indexed id, address indexed to, uint256 amount);

    constructor() {
        platform = msg.sender;
    }

    function offer(address artist, uint256 weeksToDeliver) external payable returns (uint256 id) {
        require(artist != address(0) && artist != msg.sender, "artist");
        require(msg.value > 0, "fee");
        require(weeksToDeliver >= 1 && weeksToDeliver <= 26, "weeks");
        id = ++commissionCount;
        commissions[id] = Commission(msg.sender, artist, msg.value, block.timestamp + weeksToDeliver * 1 weeks, bytes32(0), Phase.Offered);
        emit Offered(id, msg.sender, artist, msg.value);
    }

    function accept(uint256 id) external {
        Commission storage c = commissions[id];
        require(msg.sender == c.artist && c.phase == Phase.Offered, "cannot accept");
        c.phase = Phase.Accepted;
        emit Accepted(id);
    }

    function deliver(uint256 id, bytes32 artworkHash) external {
        Commission storage c = commissions[id];
        require(msg.sender == c.artist && c.phase == Phase.Accepted, "cannot deliver");
        require(block.timestamp <= c.deliverBy, "late");
        c.artworkHash = artworkHash;
        c.phase = Phase.Delivered;
        deliveredAt[id] = block.timestamp;
        emit Delivered(id, artworkHash);
    }

    function approve(uint256 id) external {
        Commission storage c = commissions[id];
        require(c.phase == Phase.Delivered, "not delivered");
        bool reviewOver = block.timestamp > deliveredAt[id] + REVIEW_PERIOD;
        require(msg.sender == c.patron || (msg.sender == c.artist && reviewOver), "not allowed");
        c.phase = Phase.Approved;
        uint256 cut = (c.fee * PLATFORM_BPS) / 10_000;
        withdrawable[platform] += cut;
        withdrawable[c.artist] += c.fee - cut;
        emit Settled(id, c.artist, c.fee - cut);
    }

    function reclaim(uint256 id) external {
        Commission storage c = commissions[id];
        require(msg.sender == c.patron, "patron only");
        bool notAccepted = c.phase == Phase.Offered;
        bool overdue = c.phase == Phase.Accepted && block.timestamp > c.deliverBy;
        require(notAccepted || overdue, "cannot reclaim");
        c.phase = Phase.Refunded;
        withdrawable[c.patron] += c.fee;
        emit Settled(id, c.patron, c.fee);
    }

    function withdraw() external {
        uint256 amount = withdrawable[msg.sender];
        require(amount > 0, "nothing");
        withdrawable[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
