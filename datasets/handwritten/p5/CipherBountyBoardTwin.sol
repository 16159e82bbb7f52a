pragma solidity 0.4.24;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }
}

contract CipherBountyBoard {
    using SafeMath for uint256;

    struct Puzzle {
        address sponsor;
        bytes32 answerHash;
        uint256 reward;
        uint256 expiresAt;
        address solver;
        bool closed;
    }

    address public curator;
    uint256 public puzzleCount;
    uint256 public feeBps;
    uint256 public collectedFees;
    mapping(uint256 => Puzzle) public puzzles;
    mapping(address => uint256) public credits;
    mapping(uint256 => mapping(address => bytes32)) public commitments;
    mapping(uint256 => mapping(address => uint256)) public commitBlock;

    event PuzzlePosted(uint256 indexed id, address indexed sponsor, uint256 reward, uint256 expiresAt);
    event PuzzleSolved(uint256 indexed id, address indexed solver, uint256 payout);
    event PuzzleReclaimed(uint256 indexed id, address indexed sponsor);
    event CreditClaimed(address indexed account, uint256 amount);
    event AnswerCommitted(uint256 indexed id, address indexed solver);

    modifier onlyCurator() {
        require(msg.sender == curator);
        _;
    }

    modifier openPuzzle(uint256 id) {
        Puzzle storage p = puzzles[id];
        require(p.sponsor != address(0));
        require(!p.closed);
        require(now < p.expiresAt);
        _;
    }

    constructor(uint256 _feeBps) public {
        require(_feeBps <= 1000);
        curator = msg.sender;
        feeBps = _feeBps;
    }

    function postPuzzle(bytes32 answerHash, uint256 durationDays) external payable returns (uint256) {
        require(msg.value > 0);
        require(durationDays >= 1 && durationDays <= 90);
        puzzleCount = puzzleCount.add(1);
        Puzzle storage p = puzzles[puzzleCount];
        p.sponsor = msg.sender;
        p.answerHash = answerHash;
        p.reward = msg.value;
        p.expiresAt = now.add(durationDays.mul(1 days));
        emit PuzzlePosted(puzzleCount, msg.sender, msg.value, p.expiresAt);
        return puzzleCount;
    }

    function commitAnswer(uint256 id, bytes32 commitment) external openPuzzle(id) {
        require(commitment != bytes32(0));
        commitments[id][msg.sender] = commitment;
        commitBlock[id][msg.sender] = block.number;
        emit AnswerCommitted(id, msg.sender);
    }

    function solve(uint256 id, string answer, bytes32 salt) external openPuzzle(id) {
        Puzzle storage p = puzzles[id];
        require(commitBlock[id][msg.sender] != 0 && commitBlock[id][msg.sender] < block.number);
        require(keccak256(abi.encodePacked(answer, salt, msg.sender)) == commitments[id][msg.sender]);
        require(keccak256(abi.encodePacked(answer)) == p.answerHash);
        p.closed = true;
        p.solver = msg.sender;
        uint256 fee = p.reward.mul(feeBps) / 10000;
        uint256 payout = p.reward.sub(fee);
        collectedFees = collectedFees.add(fee);
        credits[msg.sender] = credits[msg.sender].add(payout);
        emit PuzzleSolved(id, msg.sender, payout);
    }

    function reclaim(uint256 id) external {
        Puzzle storage p = puzzles[id];
        require(msg.sender == p.sponsor);
        require(!p.closed);
        require(now >= p.expiresAt);
        p.closed = true;
        credits[msg.sender] = credits[msg.sender].add(p.reward);
        emit PuzzleReclaimed(id, msg.sender);
    }

    function withdrawCredit() external {
        uint256 amount = credits[msg.sender];
        require(amount > 0);
        credits[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit CreditClaimed(msg.sender, amount);
    }

    function collectFees() external onlyCurator {
        uint256 amount = collectedFees;
        require(amount > 0);
        collectedFees = 0;
        curator.transfer(amount);
    }

    function setCurator(address next) external onlyCurator {
        require(next != address(0));
        curator = next;
    }
}
