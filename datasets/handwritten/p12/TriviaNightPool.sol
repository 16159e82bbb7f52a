pragma solidity ^0.4.24;

contract TriviaNightPool {
    struct Round {
        bytes32 answerHash;
        string answer;
        uint256 entryFee;
        uint256 pot;
        uint256 commitEnd;
        uint256 revealEnd;
        uint256 winners;
        bool answerPublished;
    }

    struct Entry {
        bytes32 commitment;
        bool revealed;
        bool won;
        bool paid;
    }

    address public host;
    uint256 public roundCount;
    mapping(uint256 => Round) public rounds;
    mapping(uint256 => mapping(address => Entry)) public entries;

    event RoundOpened(uint256 indexed roundId, uint256 entryFee, uint256 commitEnd);
    event Entered(uint256 indexed roundId, address indexed player);
    event AnswerPublished(uint256 indexed roundId, string answer);
    event Revealed(uint256 indexed roundId, address indexed player, bool correct);
    event PrizeClaimed(uint256 indexed roundId, address indexed player, uint256 amount);

    modifier onlyHost() {
        require(msg.sender == host, "host only");
        _;
    }

    modifier roundExists(uint256 roundId) {
        require(roundId < roundCount, "unknown round");
        _;
    }

    constructor() public {
        host = msg.sender;
    }

    function openRound(bytes32 answerHash, uint256 entryFee) external onlyHost returns (uint256 roundId) {
        roundId = roundCount;
        roundCount += 1;
        Round storage r = rounds[roundId];
        r.answerHash = answerHash;
        r.entryFee = entryFee;
        r.commitEnd = now + 2 days;
        emit RoundOpened(roundId, entryFee, r.commitEnd);
    }

    function enter(uint256 roundId, bytes32 commitment) external payable roundExists(roundId) {
        Round storage r = rounds[roundId];
        require(now < r.commitEnd, "entries closed");
        require(msg.value == r.entryFee, "wrong entry fee");
        require(commitment != bytes32(0), "empty commitment");
        Entry storage e = entries[roundId][msg.sender];
        require(e.commitment == bytes32(0), "already entered");
        e.commitment = commitment;
        r.pot += msg.value;
        emit Entered(roundId, msg.sender);
    }

    function publishAnswer(uint256 roundId, string answer) external onlyHost roundExists(roundId) {
        Round storage r = rounds[roundId];
        require(now >= r.commitEnd, "entries still open");
        require(!r.answerPublished, "already published");
        require(keccak256(abi.encodePacked(answer)) == r.answerHash, "answer does not match");
        r.answer = answer;
        r.answerPublished = true;
        r.revealEnd = now + 1 days;
        emit AnswerPublished(roundId, answer);
    }

    function reveal(uint256 roundId, string guess, bytes32 salt) external roundExists(roundId) {
        Round storage r = rounds[roundId];
        require(r.answerPublished, "answer not published");
        require(now < r.revealEnd, "reveal closed");
        Entry storage e = entries[roundId][msg.sender];
        require(!e.revealed, "already revealed");
        require(keccak256(abi.encodePacked(guess, salt)) == e.commitment, "commitment mismatch");
        e.revealed = true;
        bool correct = keccak256(abi.encodePacked(guess)) == r.answerHash;
        if (correct) {
            e.won = true;
            r.winners += 1;
        }
        emit Revealed(roundId, msg.sender, correct);
    }

    function claimPrize(uint256 roundId) external roundExists(roundId) {
        Round storage r = rounds[roundId];
        require(r.answerPublished && now >= r.revealEnd, "reveal still open");
        Entry storage e = entries[roundId][msg.sender];
        require(e.won && !e.paid, "no prize");
        e.paid = true;
        uint256 share = r.pot / r.winners;
        emit PrizeClaimed(roundId, msg.sender, share);
        msg.sender.transfer(share);
    }

    function sweepUnwon(uint256 roundId) external onlyHost roundExists(roundId) {
        Round storage r = rounds[roundId];
        require(r.answerPublished && now >= r.revealEnd, "reveal still open");
        require(r.winners == 0 && r.pot > 0, "nothing to sweep");
        uint256 amount = r.pot;
        r.pot = 0;
        host.transfer(amount);
    }
}
