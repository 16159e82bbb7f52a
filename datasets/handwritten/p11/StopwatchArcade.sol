// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

contract StopwatchArcade {
    struct Round {
        address player;
        uint256 stake;
        uint256 startedAt;
        bool closed;
    }

    uint256 public constant TARGET = 60;
    uint256 public constant TOLERANCE = 2;
    uint256 public constant PAYOUT_MULTIPLIER = 3;
    uint256 public constant MIN_STAKE = 0.001 ether;
    uint256 public constant MAX_STAKE = 0.5 ether;
    uint256 public constant ROUND_EXPIRY = 1 days;

    address public operator;
    uint256 public bankroll;
    uint256 public reserved;
    uint256 public roundCount;

    mapping(uint256 => Round) public rounds;
    mapping(address => uint256) public wins;

    event BankrollAdded(address indexed from, uint256 amount);
    event BankrollRemoved(address indexed to, uint256 amount);
    event RoundStarted(uint256 indexed roundId, address indexed player, uint256 stake, uint256 startedAt);
    event RoundWon(uint256 indexed roundId, address indexed player, uint256 prize);
    event RoundExpired(uint256 indexed roundId);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    modifier openRound(uint256 roundId) {
        require(roundId < roundCount, "no round");
        require(!rounds[roundId].closed, "closed");
        _;
    }

    modifier onTheMark(uint256 roundId) {
        Round storage r = rounds[roundId];
        require(msg.sender == r.player, "not your round");
        require(block.timestamp >= r.startedAt + TARGET - TOLERANCE && block.timestamp <= r.startedAt + TARGET + TOLERANCE, "off the mark");
        _;
    }

    constructor() {
        operator = msg.sender;
    }

    function addBankroll() external payable onlyOperator {
        bankroll += msg.value;
        emit BankrollAdded(msg.sender, msg.value);
    }

    function removeBankroll(uint256 amount) external onlyOperator {
        require(amount <= bankroll - reserved, "reserved");
        bankroll -= amount;
        (bool ok, ) = payable(operator).call{value: amount}("");
        require(ok, "transfer failed");
        emit BankrollRemoved(operator, amount);
    }

    function startRound() external payable returns (uint256 roundId) {
        require(msg.value >= MIN_STAKE && msg.value <= MAX_STAKE, "stake range");
        uint256 liability = msg.value * PAYOUT_MULTIPLIER;
        require(bankroll + msg.value - reserved >= liability, "table limit");

        bankroll += msg.value;
        reserved += liability;
        roundId = roundCount;
        rounds[roundId] = Round(msg.sender, msg.value, block.timestamp, false);
        roundCount = roundId + 1;
        emit RoundStarted(roundId, msg.sender, msg.value, block.timestamp);
    }

    function stopClock(uint256 roundId) external openRound(roundId) onTheMark(roundId) {
        Round storage r = rounds[roundId];
        uint256 prize = r.stake * PAYOUT_MULTIPLIER;
        r.closed = true;
        reserved -= prize;
        bankroll -= prize;
        wins[msg.sender] += 1;
        (bool ok, ) = payable(msg.sender).call{value: prize}("");
        require(ok, "prize failed");
        emit RoundWon(roundId, msg.sender, prize);
    }

    function expireRound(uint256 roundId) external openRound(roundId) {
        Round storage r = rounds[roundId];
        require(block.timestamp > r.startedAt + ROUND_EXPIRY, "still live");
        r.closed = true;
        reserved -= r.stake * PAYOUT_MULTIPLIER;
        emit RoundExpired(roundId);
    }

    function freeBankroll() external view returns (uint256) {
        return bankroll - reserved;
    }
}
