// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract OddEvenDuel {
    struct Duel {
        address host;
        address guest;
        uint256 stake;
        bytes32 hostCommit;
        bytes32 guestCommit;
        uint256 hostSecret;
        uint256 guestSecret;
        bool hostRevealed;
        bool guestRevealed;
        uint256 revealDeadline;
        bool settled;
    }

    uint256 public constant REVEAL_WINDOW = 1 days;
    uint256 public duelCount;

    mapping(uint256 => Duel) public duels;
    mapping(address => uint256) public credits;

    event Created(uint256 indexed id, address indexed host, uint256 stake);
    event Joined(uint256 indexed id, address indexed guest);
    event Revealed(uint256 indexed id, address indexed player);
    event Settled(uint256 indexed id, address indexed winner, uint256 prize);

    function create(bytes32 commitment) external payable returns (uint256 id) {
        require(msg.value > 0, "stake required");
        id = ++duelCount;
        Duel storage d = duels[id];
        d.host = msg.sender;
        d.stake = msg.value;
        d.hostCommit = commitment;
        emit Created(id, msg.sender, msg.value);
    }

    function join(uint256 id, bytes32 commitment) external payable {
        Duel storage d = duels[id];
        require(d.host != address(0) && d.guest == address(0) && !d.settled, "not joinable");
        require(msg.sender != d.host, "cannot join own duel");
        require(msg.value == d.stake, "match the stake");
        d.guest = msg.sender;
        d.guestCommit = commitment;
        d.revealDeadline = block.timestamp + REVEAL_WINDOW;
        emit Joined(id, msg.sender);
    }

    function cancel(uint256 id) external {
        Duel storage d = duels[id];
        require(msg.sender == d.host && d.guest == address(0) && !d.settled, "cannot cancel");
        d.settled = true;
        credits[d.host] += d.stake;
    }

    function reveal(uint256 id, uint256 secret, bytes32 salt) external {
        Duel storage d = duels[id];
        require(d.guest != address(0) && !d.settled, "not revealable");
        bytes32 hash = keccak256(abi.encodePacked(secret, salt, msg.sender));
        if (msg.sender == d.host) {
            require(!d.hostRevealed && hash == d.hostCommit, "bad reveal");
            d.hostRevealed = true;
            d.hostSecret = secret;
        } else {
            require(msg.sender == d.guest, "not a player");
            require(!d.guestRevealed && hash == d.guestCommit, "bad reveal");
            d.guestRevealed = true;
            d.guestSecret = secret;
        }
        emit Revealed(id, msg.sender);
        if (d.hostRevealed && d.guestRevealed) {
            bool even = (d.hostSecret ^ d.guestSecret) % 2 == 0;
            _settle(id, even ? d.host : d.guest);
        }
    }

    function claimTimeout(uint256 id) external {
        Duel storage d = duels[id];
        require(d.guest != address(0) && !d.settled, "nothing to claim");
        require(block.timestamp > d.revealDeadline, "reveal window open");
        if (d.hostRevealed && !d.guestRevealed) {
            _settle(id, d.host);
        } else if (d.guestRevealed && !d.hostRevealed) {
            _settle(id, d.guest);
        } else {
            d.settled = true;
            credits[d.host] += d.stake;
            credits[d.guest] += d.stake;
        }
    }

    function _settle(uint256 id, address winner) internal {
        Duel storage d = duels[id];
        d.settled = true;
        credits[winner] += d.stake * 2;
        emit Settled(id, winner, d.stake * 2);
    }

    function withdraw() external {
        uint256 amount = credits[msg.sender];
        require(amount > 0, "no credit");
        credits[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function commitmentFor(uint256 secret, bytes32 salt, address player) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(secret, salt, player));
    }
}
