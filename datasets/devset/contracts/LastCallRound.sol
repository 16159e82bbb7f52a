// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract LastCallRound {
    struct Round {
        uint256 pot;
        uint256 keysSold;
        uint256 endsAt;
        address leader;
        bool paid;
    }

    address payable public host;
    uint256 public keyPrice = 0.001 ether;
    uint256 public extension = 30;
    uint256 public roundNumber;
    uint256 public hostBalance;

    mapping(uint256 => Round) public rounds;
    mapping(uint256 => mapping(address => uint256)) public keysOf;
    mapping(address => uint256) public prizes;

    event RoundStarted(uint256 indexed round, uint256 endsAt);
    event KeysBought(uint256 indexed round, address indexed buyer, uint256 count, uint256 endsAt);
    event KeysSold(uint256 indexed round, address indexed seller, uint256 count, uint256 refund);
    event RoundWon(uint256 indexed round, address indexed winner, uint256 prize);

    modifier onlyHost() {
        require(msg.sender == host, "host only");
        _;
    }

    constructor() public {
        host = msg.sender;
    }

    function startRound(uint256 duration) external onlyHost {
        Round storage current = rounds[roundNumber];
        require(roundNumber == 0 || current.paid, "round in progress");
        roundNumber += 1;
        rounds[roundNumber].endsAt = block.timestamp + duration;
        emit RoundStarted(roundNumber, block.timestamp + duration);
    }

    function buyKeys(uint256 count) external payable {
        Round storage r = rounds[roundNumber];
        require(r.endsAt != 0, "no round");
        require(block.timestamp < r.endsAt, "round over");
        require(count > 0 && count <= 1000, "bad count");
        uint256 cost = keyPrice * count;
        require(msg.value == cost, "wrong payment");

        uint256 fee = msg.value / 10;
        hostBalance += fee;
        r.pot += msg.value - fee;
        r.keysSold += count;
        keysOf[roundNumber][msg.sender] += count;
        r.leader = msg.sender;
        r.endsAt = block.timestamp + extension;
        emit KeysBought(roundNumber, msg.sender, count, r.endsAt);
    }

    function sellKeys(uint256 count) external {
        Round storage r = rounds[roundNumber];
        require(block.timestamp < r.endsAt, "round over");
        require(count > 0 && count <= r.keysSold, "bad count");
        keysOf[roundNumber][msg.sender] -= count;
        r.keysSold -= count;
        uint256 refund = count * keyPrice / 2;
        require(refund <= r.pot, "pot too small");
        r.pot -= refund;
        msg.sender.transfer(refund);
        emit KeysSold(roundNumber, msg.sender, count, refund);
    }

    function finalize() external {
        Round storage r = rounds[roundNumber];
        require(r.endsAt != 0 && !r.paid, "nothing to finalize");
        require(block.timestamp >= r.endsAt, "still running");
        r.paid = true;
        prizes[r.leader] += r.pot;
        emit RoundWon(roundNumber, r.leader, r.pot);
    }

    function claim() external {
        uint256 amount = prizes[msg.sender];
        require(amount > 0, "no prize");
        prizes[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function setKeyPrice(uint256 price) external onlyHost {
        keyPrice = price;
    }

    function withdrawFees() external onlyHost {
        uint256 amount = hostBalance;
        hostBalance = 0;
        host.transfer(amount);
    }
}
