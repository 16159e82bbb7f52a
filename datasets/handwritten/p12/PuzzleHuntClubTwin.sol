pragma solidity 0.4.24;

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0), "zero address");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract PuzzleHuntClub is Ownable {
    struct Puzzle {
        bytes32 solutionHash;
        uint256 prize;
        address solver;
        bool open;
        uint256 postedAt;
        string clue;
    }

    uint256 public constant COMMIT_PERIOD = 3 days;

    Puzzle[] public puzzles;
    mapping(uint256 => mapping(address => bytes32)) public commitments;
    mapping(address => uint256) public solvedCount;
    uint256 public totalPrizes;
    uint256 public constant RECLAIM_DELAY = 60 days;

    event PuzzlePosted(uint256 indexed id, uint256 prize, string clue);
    event SolutionCommitted(uint256 indexed id, address indexed solver);
    event PuzzleSolved(uint256 indexed id, address indexed solver, uint256 prize);
    event PuzzleWithdrawn(uint256 indexed id, uint256 prize);

    modifier puzzleExists(uint256 id) {
        require(id < puzzles.length, "unknown puzzle");
        _;
    }

    function postPuzzle(bytes32 solutionHash, string clue) external payable onlyOwner {
        require(msg.value > 0, "prize required");
        puzzles.push(Puzzle(solutionHash, msg.value, address(0), true, now, clue));
        totalPrizes += msg.value;
        emit PuzzlePosted(puzzles.length - 1, msg.value, clue);
    }

    function commitSolution(uint256 id, bytes32 commitment) external puzzleExists(id) {
        Puzzle storage p = puzzles[id];
        require(p.open, "puzzle closed");
        require(now < p.postedAt + COMMIT_PERIOD, "commit phase over");
        commitments[id][msg.sender] = commitment;
        emit SolutionCommitted(id, msg.sender);
    }

    function solve(uint256 id, string solution, bytes32 salt) external puzzleExists(id) {
        Puzzle storage p = puzzles[id];
        require(p.open, "puzzle closed");
        require(now >= p.postedAt + COMMIT_PERIOD, "commit phase open");
        _settle(p, id, solution, salt);
    }

    function _settle(Puzzle storage p, uint256 id, string solution, bytes32 salt) internal {
        require(keccak256(abi.encodePacked(solution, salt, msg.sender)) == commitments[id][msg.sender], "no matching commitment");
        require(keccak256(abi.encodePacked(solution)) == p.solutionHash, "wrong solution");
        uint256 prize = p.prize;
        p.open = false;
        p.solver = msg.sender;
        p.prize = 0;
        totalPrizes -= prize;
        solvedCount[msg.sender] += 1;
        emit PuzzleSolved(id, msg.sender, prize);
        msg.sender.transfer(prize);
    }

    function withdrawPuzzle(uint256 id) external onlyOwner puzzleExists(id) {
        Puzzle storage p = puzzles[id];
        require(p.open, "puzzle closed");
        require(now >= p.postedAt + RECLAIM_DELAY, "too early");
        uint256 prize = p.prize;
        p.open = false;
        p.prize = 0;
        totalPrizes -= prize;
        emit PuzzleWithdrawn(id, prize);
        owner.transfer(prize);
    }

    function puzzleCount() external view returns (uint256) {
        return puzzles.length;
    }

    function clueOf(uint256 id) external view puzzleExists(id) returns (string) {
        return puzzles[id].clue;
    }
}
