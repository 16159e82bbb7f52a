// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract StopwatchChallenge {
    struct Attempt {
        uint64 startedAt;
        uint64 stoppedAt;
        bool done;
    }

    uint256 public constant TARGET = 60;
    uint256 public constant ROUND_LENGTH = 1 hours;

    address public organiser;
    uint256 public entryFee = 0.005 ether;
    uint256 public round;
    uint256 public roundEndsAt;
    uint256 public pot;
    uint256 public bestMiss;
    address public leader;

    mapping(uint256 => mapping(address => Attempt)) public attempts;
    mapping(address => uint256) public winnings;

    event RoundOpened(uint256 indexed round, uint256 endsAt);
    event Started(uint256 indexed round, address indexed player);
    event Stopped(uint256 indexed round, address indexed player, uint256 elapsed);
    event RoundWon(uint256 indexed round, address indexed winner, uint256 prize);

    modifier onlyOrganiser() {
        require(msg.sender == organiser, "organiser only");
        _;
    }

    modifier roundLive() {
        require(block.timestamp < roundEndsAt, "round closed");
        _;
    }

    constructor() {
        organiser = msg.sender;
    }

    function openRound() external onlyOrganiser {
        require(block.timestamp >= roundEndsAt && pot == 0, "round running");
        round += 1;
        roundEndsAt = block.timestamp + ROUND_LENGTH;
        bestMiss = type(uint256).max;
        leader = address(0);
        emit RoundOpened(round, roundEndsAt);
    }

    function start() external payable roundLive {
        require(msg.value == entryFee, "fee");
        Attempt storage a = attempts[round][msg.sender];
        require(a.startedAt == 0, "one attempt");
        a.startedAt = uint64(block.timestamp);
        pot += msg.value;
        emit Started(round, msg.sender);
    }

    function stop() external roundLive {
        Attempt storage a = attempts[round][msg.sender];
        require(a.startedAt > 0 && !a.done, "not running");
        a.stoppedAt = uint64(block.timestamp);
        a.done = true;
        uint256 elapsed = a.stoppedAt - a.startedAt;
        uint256 miss = elapsed > TARGET ? elapsed - TARGET : TARGET - elapsed;
        if (miss < bestMiss) {
            bestMiss = miss;
            leader = msg.sender;
        }
        emit Stopped(round, msg.sender, elapsed);
    }

    function settle() external {
        require(block.timestamp >= roundEndsAt && pot > 0, "not settled");
        uint256 prize = pot;
        pot = 0;
        address winner = leader == address(0) ? organiser : leader;
        winnings[winner] += prize;
        emit RoundWon(round, winner, prize);
    }

    function withdraw() external {
        uint256 amount = winnings[msg.sender];
        require(amount > 0, "nothing");
        winnings[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function setEntryFee(uint256 fee) external onlyOrganiser {
        require(pot == 0, "round running");
        entryFee = fee;
    }
}
