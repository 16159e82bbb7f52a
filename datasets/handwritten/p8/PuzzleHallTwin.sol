pragma solidity 0.4.25;

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previous, address indexed next);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function transferOwnership(address next) public onlyOwner {
        require(next != address(0));
        emit OwnershipTransferred(owner, next);
        owner = next;
    }
}

contract PuzzleHall is Ownable {
    struct Puzzle {
        string clue;
        bytes32 answerHash;
        uint256 prize;
        uint256 postedAt;
        address solver;
        bool closed;
    }

    struct Commitment {
        bytes32 digest;
        uint256 blockNumber;
    }

    uint256 public constant MIN_PRIZE = 0.05 ether;
    uint256 public constant RECLAIM_DELAY = 60 days;

    Puzzle[] public puzzles;
    mapping(address => uint256) public winnings;
    mapping(address => uint256) public solvedCount;
    mapping(uint256 => mapping(address => Commitment)) public commitments;

    event PuzzlePosted(uint256 indexed id, string clue, uint256 prize);
    event AnswerCommitted(uint256 indexed id, address indexed player);
    event PuzzleSolved(uint256 indexed id, address indexed solver, uint256 prize);
    event PuzzleWithdrawn(uint256 indexed id, uint256 prize);
    event WinningsPaid(address indexed player, uint256 amount);

    modifier openPuzzle(uint256 id) {
        require(id < puzzles.length);
        require(!puzzles[id].closed);
        _;
    }

    function postPuzzle(string clue, bytes32 answerHash) public payable onlyOwner returns (uint256) {
        require(msg.value >= MIN_PRIZE);
        require(answerHash != bytes32(0));
        puzzles.push(Puzzle(clue, answerHash, msg.value, now, address(0), false));
        uint256 id = puzzles.length - 1;
        emit PuzzlePosted(id, clue, msg.value);
        return id;
    }

    function puzzleCount() public view returns (uint256) {
        return puzzles.length;
    }

    function commitAnswer(uint256 id, bytes32 digest) public openPuzzle(id) {
        require(digest != bytes32(0));
        commitments[id][msg.sender] = Commitment(digest, block.number);
        emit AnswerCommitted(id, msg.sender);
    }

    function submitAnswer(uint256 id, string answer, bytes32 salt) public openPuzzle(id) {
        Puzzle storage p = puzzles[id];
        Commitment storage c = commitments[id][msg.sender];
        require(c.blockNumber != 0 && c.blockNumber < block.number);
        require(c.digest == keccak256(abi.encodePacked(answer, salt, msg.sender)));
        require(keccak256(abi.encodePacked(answer)) == p.answerHash);
        p.closed = true;
        p.solver = msg.sender;
        winnings[msg.sender] += p.prize;
        solvedCount[msg.sender] += 1;
        emit PuzzleSolved(id, msg.sender, p.prize);
    }

    function withdrawUnsolved(uint256 id) public onlyOwner openPuzzle(id) {
        Puzzle storage p = puzzles[id];
        require(now >= p.postedAt + RECLAIM_DELAY);
        p.closed = true;
        uint256 prize = p.prize;
        p.prize = 0;
        owner.transfer(prize);
        emit PuzzleWithdrawn(id, prize);
    }

    function claimWinnings() public {
        uint256 amount = winnings[msg.sender];
        require(amount > 0);
        winnings[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit WinningsPaid(msg.sender, amount);
    }
}
