// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title PuzzleBounty
/// @notice Sponsors post the keccak256 hash of a secret answer together with
///         an ether bounty. Others may add to the bounty, and the first
///         account to submit the matching answer receives it.
contract PuzzleBounty {
    struct Puzzle {
        address sponsor;
        bytes32 answerHash;
        uint256 bounty;
        address solver;
        bool solved;
    }

    Puzzle[] public puzzles;
    uint256 public constant MIN_BOUNTY = 0.01 ether;

    event PuzzlePosted(uint256 indexed id, address indexed sponsor, bytes32 answerHash, uint256 bounty);
    event BountyIncreased(uint256 indexed id, address indexed contributor, uint256 amount);
    event PuzzleSolved(uint256 indexed id, address indexed solver, uint256 bounty);

    modifier exists(uint256 id) {
        require(id < puzzles.length, "PuzzleBounty: unknown puzzle");
        _;
    }

    function post(bytes32 answerHash) external payable returns (uint256 id) {
        require(msg.value >= MIN_BOUNTY, "PuzzleBounty: bounty too small");
        require(answerHash != bytes32(0), "PuzzleBounty: empty hash");
        id = puzzles.length;
        puzzles.push(Puzzle(msg.sender, answerHash, msg.value, address(0), false));
        emit PuzzlePosted(id, msg.sender, answerHash, msg.value);
    }

    function addBounty(uint256 id) external payable exists(id) {
        Puzzle storage p = puzzles[id];
        require(!p.solved, "PuzzleBounty: already solved");
        require(msg.value > 0, "PuzzleBounty: no value");
        p.bounty += msg.value;
        emit BountyIncreased(id, msg.sender, msg.value);
    }

    function solve(uint256 id, string calldata answer) external exists(id) {
        Puzzle storage p = puzzles[id];
        require(!p.solved, "PuzzleBounty: already solved");
        require(keccak256(abi.encodePacked(answer)) == p.answerHash, "PuzzleBounty: wrong answer");
        uint256 reward = p.bounty;
        p.solved = true;
        p.solver = msg.sender;
        p.bounty = 0;
        payable(msg.sender).transfer(reward);
        emit PuzzleSolved(id, msg.sender, reward);
    }

    function puzzleCount() external view returns (uint256) {
        return puzzles.length;
    }

    function isOpen(uint256 id) external view exists(id) returns (bool) {
        return !puzzles[id].solved;
    }
}
