pragma solidity ^0.4.24;

contract PuzzleBountyBoard {
    struct Bounty {
        address sponsor;
        bytes32 solutionHash;
        uint256 reward;
        uint256 deadline;
        address solver;
        bool closed;
    }

    address public curator;
    uint256 public minReward;
    uint256 public bountyCount;
    mapping(uint256 => Bounty) public bounties;
    mapping(address => uint256) public solvedCount;
    mapping(uint256 => mapping(address => bytes32)) public commitments;
    mapping(uint256 => mapping(address => uint256)) public commitBlock;

    event BountyPosted(uint256 indexed id, address indexed sponsor, uint256 reward, uint256 deadline);
    event SolutionCommitted(uint256 indexed id, address indexed solver);
    event BountySolved(uint256 indexed id, address indexed solver, uint256 reward);
    event BountyReclaimed(uint256 indexed id, address indexed sponsor, uint256 reward);
    event MinRewardChanged(uint256 value);
    event CuratorChanged(address indexed curator);

    modifier onlyCurator() {
        require(msg.sender == curator, "curator only");
        _;
    }

    modifier openBounty(uint256 id) {
        require(bounties[id].sponsor != address(0), "unknown bounty");
        require(!bounties[id].closed, "bounty closed");
        _;
    }

    constructor(uint256 _minReward) public {
        curator = msg.sender;
        minReward = _minReward;
    }

    function setMinReward(uint256 value) external onlyCurator {
        minReward = value;
        emit MinRewardChanged(value);
    }

    function setCurator(address next) external onlyCurator {
        require(next != address(0), "zero curator");
        curator = next;
        emit CuratorChanged(next);
    }

    function postBounty(bytes32 solutionHash, uint256 durationDays) external payable returns (uint256 id) {
        require(msg.value >= minReward, "reward too small");
        require(durationDays >= 1 && durationDays <= 365, "bad duration");
        id = bountyCount;
        bountyCount = id + 1;
        Bounty storage b = bounties[id];
        b.sponsor = msg.sender;
        b.solutionHash = solutionHash;
        b.reward = msg.value;
        b.deadline = now + durationDays * 1 days;
        emit BountyPosted(id, msg.sender, msg.value, b.deadline);
    }

    function topUp(uint256 id) external payable openBounty(id) {
        require(msg.value > 0, "nothing sent");
        bounties[id].reward += msg.value;
    }

    function commitSolution(uint256 id, bytes32 commitment) external openBounty(id) {
        require(now <= bounties[id].deadline, "bounty expired");
        commitments[id][msg.sender] = commitment;
        commitBlock[id][msg.sender] = block.number;
        emit SolutionCommitted(id, msg.sender);
    }

    function submitSolution(uint256 id, string solution, bytes32 salt) external openBounty(id) {
        Bounty storage b = bounties[id];
        require(now <= b.deadline, "bounty expired");
        require(msg.sender != b.sponsor, "sponsor cannot solve");
        require(commitBlock[id][msg.sender] != 0 && block.number > commitBlock[id][msg.sender], "commit first");
        require(keccak256(abi.encodePacked(solution, msg.sender, salt)) == commitments[id][msg.sender], "commitment mismatch");
        require(keccak256(abi.encodePacked(solution)) == b.solutionHash, "wrong solution");
        uint256 reward = b.reward;
        b.closed = true;
        b.solver = msg.sender;
        b.reward = 0;
        solvedCount[msg.sender] += 1;
        msg.sender.transfer(reward);
        emit BountySolved(id, msg.sender, reward);
    }

    function reclaim(uint256 id) external openBounty(id) {
        Bounty storage b = bounties[id];
        require(msg.sender == b.sponsor, "sponsor only");
        require(now > b.deadline, "still running");
        uint256 reward = b.reward;
        b.closed = true;
        b.reward = 0;
        msg.sender.transfer(reward);
        emit BountyReclaimed(id, msg.sender, reward);
    }

    function isOpen(uint256 id) external view returns (bool) {
        Bounty storage b = bounties[id];
        return b.sponsor != address(0) && !b.closed && now <= b.deadline;
    }
}
