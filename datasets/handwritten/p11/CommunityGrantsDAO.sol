// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

contract CommunityGrantsDAO {
    enum Status { Pending, Queued, Executed, Rejected, Cancelled }

    struct Proposal {
        address proposer;
        address payable recipient;
        uint256 amount;
        string summary;
        uint64 createdAt;
        uint64 votingEnds;
        uint64 executableAfter;
        uint32 yes;
        uint32 no;
        Status status;
    }

    uint256 public constant VOTING_PERIOD = 3 days;
    uint256 public constant TIMELOCK = 2 days;
    uint256 public constant QUORUM = 3;

    address public steward;
    uint256 public memberCount;
    uint256 public proposalCount;
    uint256 public committedFunds;

    mapping(address => bool) public isMember;
    mapping(uint256 => Proposal) public proposals;
    mapping(uint256 => mapping(address => bool)) public hasVoted;

    event MemberAdded(address indexed member);
    event MemberRemoved(address indexed member);
    event Proposed(uint256 indexed id, address indexed proposer, address recipient, uint256 amount, uint256 createdAt);
    event Voted(uint256 indexed id, address indexed voter, bool support, uint256 castAt);
    event Queued(uint256 indexed id, uint256 executableAfter);
    event Executed(uint256 indexed id, uint256 amount);
    event Rejected(uint256 indexed id);

    modifier onlySteward() {
        require(msg.sender == steward, "steward only");
        _;
    }

    modifier onlyMember() {
        require(isMember[msg.sender], "members only");
        _;
    }

    constructor(address[] memory founders) {
        steward = msg.sender;
        for (uint256 i = 0; i < founders.length; i++) {
            _addMember(founders[i]);
        }
    }

    receive() external payable {}

    function addMember(address account) external onlySteward {
        _addMember(account);
    }

    function removeMember(address account) external onlySteward {
        require(isMember[account], "not member");
        isMember[account] = false;
        memberCount -= 1;
        emit MemberRemoved(account);
    }

    function propose(address payable recipient, uint256 amount, string calldata summary) external onlyMember returns (uint256 id) {
        require(recipient != address(0), "recipient");
        require(amount > 0 && amount <= address(this).balance - committedFunds, "amount");
        id = proposalCount++;
        Proposal storage p = proposals[id];
        p.proposer = msg.sender;
        p.recipient = recipient;
        p.amount = amount;
        p.summary = summary;
        p.createdAt = uint64(block.timestamp);
        p.votingEnds = uint64(block.timestamp + VOTING_PERIOD);
        committedFunds += amount;
        emit Proposed(id, msg.sender, recipient, amount, block.timestamp);
    }

    function vote(uint256 id, bool support) external onlyMember {
        Proposal storage p = proposals[id];
        require(p.status == Status.Pending && p.proposer != address(0), "not open");
        require(block.timestamp < p.votingEnds, "voting over");
        require(!hasVoted[id][msg.sender], "voted");
        hasVoted[id][msg.sender] = true;
        if (support) {
            p.yes += 1;
        } else {
            p.no += 1;
        }
        emit Voted(id, msg.sender, support, block.timestamp);
    }

    function finalize(uint256 id) external {
        Proposal storage p = proposals[id];
        require(p.status == Status.Pending && p.proposer != address(0), "not open");
        require(block.timestamp >= p.votingEnds, "voting open");
        if (p.yes >= QUORUM && p.yes > p.no) {
            p.status = Status.Queued;
            p.executableAfter = uint64(block.timestamp + TIMELOCK);
            emit Queued(id, p.executableAfter);
        } else {
            p.status = Status.Rejected;
            committedFunds -= p.amount;
            emit Rejected(id);
        }
    }

    function execute(uint256 id) external {
        Proposal storage p = proposals[id];
        require(p.status == Status.Queued, "not queued");
        require(block.timestamp >= p.executableAfter, "timelocked");
        p.status = Status.Executed;
        committedFunds -= p.amount;
        (bool ok, ) = p.recipient.call{value: p.amount}("");
        require(ok, "grant transfer failed");
        emit Executed(id, p.amount);
    }

    function cancel(uint256 id) external onlySteward {
        Proposal storage p = proposals[id];
        require(p.status == Status.Pending || p.status == Status.Queued, "final");
        p.status = Status.Cancelled;
        committedFunds -= p.amount;
    }

    function _addMember(address account) internal {
        require(account != address(0) && !isMember[account], "member");
        isMember[account] = true;
        memberCount += 1;
        emit MemberAdded(account);
    }
}
