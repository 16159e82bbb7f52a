// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract StakeToVote {
    struct Lock {
        uint256 amount;
        uint256 weight;
        uint64 unlockAt;
    }

    struct Proposal {
        string summary;
        uint256 forWeight;
        uint256 againstWeight;
        uint64 endsAt;
        bool finalised;
    }

    uint64 public constant MIN_LOCK = 30 days;

    IERC20 public immutable token;
    address public council;
    uint256 public totalWeight;

    mapping(address => Lock) public locks;
    Proposal[] public proposals;
    mapping(uint256 => mapping(address => bool)) public voted;

    event Locked(address indexed who, uint256 amount, uint256 weight, uint64 unlockAt);
    event Unlocked(address indexed who, uint256 amount);
    event ProposalCreated(uint256 indexed id, string summary, uint64 endsAt);
    event VoteCast(uint256 indexed id, address indexed voter, bool support, uint256 weight);
    event Finalised(uint256 indexed id, bool passed);

    modifier onlyCouncil() {
        require(msg.sender == council, "council only");
        _;
    }

    constructor(IERC20 _token) public {
        token = _token;
        council = msg.sender;
    }

    function lock(uint256 amount, uint64 duration) external {
        require(locks[msg.sender].amount == 0, "already locked");
        require(amount > 0 && duration >= MIN_LOCK, "lock terms");
        require(token.transferFrom(msg.sender, address(this), amount), "transfer failed");
        Lock storage l = locks[msg.sender];
        l.amount = amount;
        l.weight = amount * duration / MIN_LOCK;
        l.unlockAt = uint64(block.timestamp) + duration;
        totalWeight += l.weight;
        emit Locked(msg.sender, amount, l.weight, l.unlockAt);
    }

    function unlock() external {
        Lock storage l = locks[msg.sender];
        require(l.amount > 0, "nothing locked");
        require(block.timestamp >= l.unlockAt, "still locked");
        uint256 amount = l.amount;
        totalWeight -= l.weight;
        delete locks[msg.sender];
        require(token.transfer(msg.sender, amount), "transfer failed");
        emit Unlocked(msg.sender, amount);
    }

    function propose(string calldata summary) external onlyCouncil returns (uint256 id) {
        id = proposals.length;
        uint64 endsAt = uint64(block.timestamp + 5 days);
        proposals.push(Proposal(summary, 0, 0, endsAt, false));
        emit ProposalCreated(id, summary, endsAt);
    }

    function vote(uint256 id, bool support) external {
        Proposal storage p = proposals[id];
        Lock storage l = locks[msg.sender];
        require(block.timestamp < p.endsAt, "voting closed");
        require(l.weight > 0 && !voted[id][msg.sender], "cannot vote");
        voted[id][msg.sender] = true;
        if (support) {
            p.forWeight += l.weight;
        } else {
            p.againstWeight += l.weight;
        }
        emit VoteCast(id, msg.sender, support, l.weight);
    }

    function finalise(uint256 id) external {
        Proposal storage p = proposals[id];
        require(block.timestamp >= p.endsAt && !p.finalised, "not finished");
        p.finalised = true;
        emit Finalised(id, p.forWeight > p.againstWeight);
    }

    function setCouncil(address next) external onlyCouncil {
        require(next != address(0), "zero");
        council = next;
    }
}
