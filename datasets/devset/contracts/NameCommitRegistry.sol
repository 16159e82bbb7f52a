// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract NameCommitRegistry {
    struct Commitment {
        uint256 madeAt;
        uint256 deposit;
    }

    struct Name {
        address holder;
        uint256 expiresAt;
        address target;
    }

    uint256 public constant MIN_WAIT = 10 minutes;
    uint256 public constant MAX_WAIT = 2 days;
    uint256 public constant TERM = 365 days;

    address payable public treasurer;
    uint256 public fee = 0.02 ether;
    uint256 public collected;

    mapping(bytes32 => Commitment) public commitments;
    mapping(bytes32 => Name) public names;

    event Committed(bytes32 indexed commitment, address indexed by);
    event Registered(bytes32 indexed label, address indexed holder, uint256 expiresAt);
    event TargetSet(bytes32 indexed label, address target);
    event CommitmentExpired(bytes32 indexed commitment);

    modifier onlyTreasurer() {
        require(msg.sender == treasurer, "treasurer only");
        _;
    }

    constructor() public {
        treasurer = msg.sender;
    }

    function makeCommitment(string memory label, address holder, bytes32 secret) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(keccak256(bytes(label)), holder, secret));
    }

    function commit(bytes32 commitment) external payable {
        require(msg.value == fee, "fee");
        require(commitments[commitment].madeAt == 0, "exists");
        commitments[commitment] = Commitment(block.timestamp, msg.value);
        emit Committed(commitment, msg.sender);
    }

    function register(string calldata label, bytes32 secret) external {
        bytes32 commitment = makeCommitment(label, msg.sender, secret);
        Commitment memory c = commitments[commitment];
        require(c.madeAt > 0, "no commitment");
        require(block.timestamp >= c.madeAt + MIN_WAIT, "too early");
        require(block.timestamp <= c.madeAt + MAX_WAIT, "commitment expired");
        delete commitments[commitment];
        bytes32 key = keccak256(bytes(label));
        Name storage n = names[key];
        require(n.expiresAt < block.timestamp, "taken");
        n.holder = msg.sender;
        n.expiresAt = block.timestamp + TERM;
        n.target = msg.sender;
        collected += c.deposit;
        emit Registered(key, msg.sender, n.expiresAt);
    }

    function setTarget(bytes32 key, address target) external {
        Name storage n = names[key];
        require(n.holder == msg.sender && n.expiresAt >= block.timestamp, "not holder");
        n.target = target;
        emit TargetSet(key, target);
    }

    function clearExpired(bytes32 commitment) external {
        Commitment memory c = commitments[commitment];
        require(c.madeAt > 0 && block.timestamp > c.madeAt + MAX_WAIT, "still valid");
        delete commitments[commitment];
        collected += c.deposit;
        emit CommitmentExpired(commitment);
    }

    function withdraw() external onlyTreasurer {
        uint256 amount = collected;
        collected = 0;
        (bool ok, ) = treasurer.call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
