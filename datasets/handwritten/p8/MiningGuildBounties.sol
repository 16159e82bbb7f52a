// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract MiningGuildBounties {
    struct Round {
        bytes32 seed;
        uint256 target;
        uint256 bounty;
        address finder;
        uint64 openedAt;
        bool cancelled;
    }

    uint8 public constant MIN_BITS = 8;
    uint8 public constant MAX_BITS = 48;
    uint256 public constant CANCEL_DELAY = 14 days;

    address public guildmaster;
    bytes32 public nextSeed;
    Round[] public rounds;
    mapping(address => uint256) public credits;
    mapping(address => uint256) public roundsWon;

    event RoundOpened(uint256 indexed roundId, bytes32 seed, uint8 bits, uint256 bounty);
    event RoundWon(uint256 indexed roundId, address indexed finder, uint256 nonce);
    event RoundCancelled(uint256 indexed roundId);
    event CreditsWithdrawn(address indexed account, uint256 amount);

    modifier onlyGuildmaster() {
        require(msg.sender == guildmaster, "guildmaster only");
        _;
    }

    modifier roundIdle() {
        if (rounds.length > 0) {
            Round storage last = rounds[rounds.length - 1];
            require(last.finder != address(0) || last.cancelled, "round still open");
        }
        _;
    }

    constructor(bytes32 genesisSeed) {
        guildmaster = msg.sender;
        nextSeed = genesisSeed;
    }

    function openRound(uint8 bits) external payable onlyGuildmaster roundIdle {
        require(bits >= MIN_BITS && bits <= MAX_BITS, "bad difficulty");
        require(msg.value > 0, "no bounty");
        rounds.push(Round({
            seed: nextSeed,
            target: type(uint256).max >> bits,
            bounty: msg.value,
            finder: address(0),
            openedAt: uint64(block.timestamp),
            cancelled: false
        }));
        emit RoundOpened(rounds.length - 1, nextSeed, bits, msg.value);
    }

    function submitProof(uint256 nonce) external {
        require(rounds.length > 0, "no rounds");
        uint256 roundId = rounds.length - 1;
        Round storage r = rounds[roundId];
        require(r.finder == address(0) && !r.cancelled, "round closed");
        _verifyProof(r, nonce);
        r.finder = msg.sender;
        credits[msg.sender] += r.bounty;
        roundsWon[msg.sender] += 1;
        nextSeed = keccak256(abi.encodePacked(r.seed, nonce));
        emit RoundWon(roundId, msg.sender, nonce);
    }

    function _verifyProof(Round storage r, uint256 nonce) internal view {
        require(uint256(keccak256(abi.encodePacked(r.seed, nonce))) <= r.target, "proof too weak");
    }

    function cancelRound() external onlyGuildmaster {
        require(rounds.length > 0, "no rounds");
        Round storage r = rounds[rounds.length - 1];
        require(r.finder == address(0) && !r.cancelled, "round closed");
        require(block.timestamp >= r.openedAt + CANCEL_DELAY, "too early");
        r.cancelled = true;
        credits[guildmaster] += r.bounty;
        emit RoundCancelled(rounds.length - 1);
    }

    function withdrawCredits() external {
        uint256 amount = credits[msg.sender];
        require(amount > 0, "nothing to withdraw");
        credits[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "payment failed");
        emit CreditsWithdrawn(msg.sender, amount);
    }

    function roundCount() external view returns (uint256) {
        return rounds.length;
    }
}
