// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "SafeMath: add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "SafeMath: sub");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "SafeMath: mul");
        return c;
    }
}

contract NeighbourhoodGrantCouncil {
    using SafeMath for uint256;

    struct Proposal {
        address proposer;
        address recipient;
        uint256 amount;
        string summary;
        uint64 votingEnds;
        uint32 yes;
        uint32 no;
        bool executed;
    }

    uint256 public constant VOTING_PERIOD = 5 days;
    uint256 public constant MEMBERSHIP_FEE = 0.05 ether;

    address public chair;
    uint32 public memberCount;
    uint256 public treasury;
    uint256 public committed;
    Proposal[] public proposals;

    mapping(address => bool) public isMember;
    mapping(uint256 => mapping(address => bool)) public hasVoted;
    mapping(address => uint256) public pendingGrants;

    event MemberJoined(address indexed member);
    event MemberRemoved(address indexed member);
    event Donation(address indexed donor, uint256 amount);
    event ProposalCreated(uint256 indexed id, address indexed recipient, uint256 amount, uint64 votingEnds);
    event VoteCast(uint256 indexed id, address indexed member, bool support);
    event ProposalExecuted(uint256 indexed id, bool approved);
    event GrantWithdrawn(address indexed recipient, uint256 amount);

    modifier onlyChair() {
        require(msg.sender == chair, "chair only");
        _;
    }

    modifier onlyMember() {
        require(isMember[msg.sender], "members only");
        _;
    }

    constructor() public {
        chair = msg.sender;
        isMember[msg.sender] = true;
        memberCount = 1;
    }

    function join() external payable {
        require(!isMember[msg.sender], "already a member");
        require(msg.value == MEMBERSHIP_FEE, "wrong fee");
        isMember[msg.sender] = true;
        memberCount += 1;
        treasury = treasury.add(msg.value);
        emit MemberJoined(msg.sender);
    }

    function removeMember(address member) external onlyChair {
        require(isMember[member] && member != chair, "cannot remove");
        isMember[member] = false;
        memberCount -= 1;
        emit MemberRemoved(member);
    }

    function donate() external payable {
        require(msg.value > 0, "no value");
        treasury = treasury.add(msg.value);
        emit Donation(msg.sender, msg.value);
    }

    function propose(address recipient, uint256 amount, string calldata summary) external onlyMember returns (uint256 id) {
        require(recipient != address(0), "zero recipient");
        require(amount > 0 && amount <= treasury.sub(committed), "amount unavailable");
        uint64 ends = uint64(block.timestamp.add(VOTING_PERIOD));
        proposals.push(Proposal(msg.sender, recipient, amount, summary, ends, 0, 0, false));
        id = proposals.length - 1;
        emit ProposalCreated(id, recipient, amount, ends);
    }

    function vote(uint256 id, bool support) external onlyMember {
        require(id < proposals.length, "unknown proposal");
        Proposal storage p = proposals[id];
        require(block.timestamp < p.votingEnds, "voting closed");
        require(!hasVoted[id][msg.sender], "already voted");
        hasVoted[id][msg.sender] = true;
        if (support) {
            p.yes += 1;
        } else {
            p.no += 1;
        }
        emit VoteCast(id, msg.sender, support);
    }

    function execute(uint256 id) external onlyMember {
        require(id < proposals.length, "unknown proposal");
        Proposal storage p = proposals[id];
        require(block.timestamp >= p.votingEnds, "voting open");
        require(!p.executed, "already executed");
        p.executed = true;

        bool quorum = uint256(p.yes).add(p.no).mul(3) >= memberCount;
        bool approved = quorum && p.yes > p.no && p.amount <= treasury.sub(committed);
        if (approved) {
            committed = committed.add(p.amount);
            pendingGrants[p.recipient] = pendingGrants[p.recipient].add(p.amount);
        }
        emit ProposalExecuted(id, approved);
    }

    function withdrawGrant() external {
        uint256 amount = pendingGrants[msg.sender];
        require(amount > 0, "nothing pending");
        pendingGrants[msg.sender] = 0;
        committed = committed.sub(amount);
        treasury = treasury.sub(amount);
        emit GrantWithdrawn(msg.sender, amount);
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "payment failed");
    }

    function proposalCount() external view returns (uint256) {
        return proposals.length;
    }
}
