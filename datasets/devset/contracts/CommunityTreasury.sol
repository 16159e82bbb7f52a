// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract CommunityTreasury {
    struct Proposal {
        address payable recipient;
        uint256 amount;
        string reason;
        uint256 votesFor;
        uint256 votesAgainst;
        uint256 deadline;
        bool executed;
    }

    address public chair;
    uint256 public memberCount;
    uint256 public quorum;
    uint256 public votingPeriod = 3 days;
    uint256 public reserved;

    Proposal[] public proposals;
    mapping(address => bool) public isMember;
    mapping(uint256 => mapping(address => bool)) public voted;

    event MemberSet(address indexed member, bool enabled);
    event Proposed(uint256 indexed id, address indexed recipient, uint256 amount, string reason);
    event Voted(uint256 indexed id, address indexed member, bool support);
    event Executed(uint256 indexed id, address indexed recipient, uint256 amount);
    event Donation(address indexed from, uint256 amount);

    modifier onlyChair() {
        require(msg.sender == chair, "chair only");
        _;
    }

    modifier onlyMember() {
        require(isMember[msg.sender], "members only");
        _;
    }

    constructor(uint256 _quorum) {
        require(_quorum > 0, "zero quorum");
        chair = msg.sender;
        quorum = _quorum;
        isMember[msg.sender] = true;
        memberCount = 1;
    }

    receive() external payable {
        emit Donation(msg.sender, msg.value);
    }

    function setMember(address member, bool enabled) external onlyChair {
        require(isMember[member] != enabled, "no change");
        isMember[member] = enabled;
        if (enabled) {
            memberCount += 1;
        } else {
            memberCount -= 1;
        }
        emit MemberSet(member, enabled);
    }

    function propose(address payable recipient, uint256 amount, string calldata reason) external onlyMember returns (uint256 id) {
        require(recipient != address(0), "zero recipient");
        require(amount > 0 && reserved + amount <= address(this).balance, "not enough funds");
        reserved += amount;
        proposals.push(Proposal(recipient, amount, reason, 0, 0, block.timestamp + votingPeriod, false));
        id = proposals.length - 1;
        emit Proposed(id, recipient, amount, reason);
    }

    function vote(uint256 id, bool support) external onlyMember {
        Proposal storage p = proposals[id];
        require(block.timestamp < p.deadline, "voting closed");
        require(!voted[id][msg.sender], "already voted");
        voted[id][msg.sender] = true;
        if (support) {
            p.votesFor += 1;
        } else {
            p.votesAgainst += 1;
        }
        emit Voted(id, msg.sender, support);
    }

    function execute(uint256 id) external onlyMember {
        Proposal storage p = proposals[id];
        require(block.timestamp >= p.deadline, "voting open");
        require(!p.executed, "already executed");
        p.executed = true;
        reserved -= p.amount;
        if (p.votesFor >= quorum && p.votesFor > p.votesAgainst) {
            (bool ok, ) = p.recipient.call{value: p.amount}("");
            require(ok, "payment failed");
            emit Executed(id, p.recipient, p.amount);
        }
    }

    function proposalCount() external view returns (uint256) {
        return proposals.length;
    }
}
