pragma solidity ^0.5.0;

contract VotingBooth {
    struct Proposal {
        address author;
        string title;
        uint256 votes;
    }

    address public clerk;
    uint256 public votingEnds;
    uint256 public winningId;
    bool public closed;
    uint256 public voterCount;

    Proposal[] public proposals;
    mapping(address => bool) public eligible;
    mapping(address => bool) public hasVoted;

    event VoterAdded(address indexed voter);
    event Proposed(uint256 indexed id, address indexed author, string title);
    event Voted(address indexed voter, uint256 indexed id);
    event Closed(uint256 indexed winningId, uint256 votes);

    modifier onlyClerk() {
        require(msg.sender == clerk, "clerk only");
        _;
    }

    modifier open() {
        require(!closed && now < votingEnds, "voting closed");
        _;
    }

    constructor(uint256 durationDays) public {
        require(durationDays >= 3, "duration");
        clerk = msg.sender;
        votingEnds = now + durationDays * 1 days;
    }

    function addVoters(address[] calldata voters) external onlyClerk {
        require(voters.length <= 100, "batch");
        for (uint256 i = 0; i < voters.length; i++) {
            if (!eligible[voters[i]]) {
                eligible[voters[i]] = true;
                voterCount += 1;
                emit VoterAdded(voters[i]);
            }
        }
    }

    function propose(string calldata title) external open returns (uint256 id) {
        require(bytes(title).length > 0 && bytes(title).length <= 120, "title");
        id = proposals.length;
        proposals.push(Proposal(msg.sender, title, 0));
        emit Proposed(id, msg.sender, title);
    }

    function vote(uint256 id) external open {
        require(eligible[msg.sender] && !hasVoted[msg.sender], "cannot vote");
        require(id < proposals.length, "no proposal");
        hasVoted[msg.sender] = true;
        proposals[id].votes += 1;
        emit Voted(msg.sender, id);
    }

    function close() external {
        require(!closed && now >= votingEnds, "still open");
        require(proposals.length > 0, "no proposals");
        uint256 best;
        for (uint256 i = 1; i < proposals.length; i++) {
            if (proposals[i].votes > proposals[best].votes) {
                best = i;
            }
        }
        closed = true;
        winningId = best;
        emit Closed(best, proposals[best].votes);
    }

    function proposalCount() external view returns (uint256) {
        return proposals.length;
    }
}
