pragma solidity 0.4.24;

contract RiddleBounty {
    struct Riddle {
        string question;
        bytes32 answerHash;
        uint256 reward;
        address solver;
        bool open;
    }

    address public curator;
    uint256 public riddleCount;

    mapping(uint256 => Riddle) public riddles;
    mapping(address => uint256) public solvedBy;

    event RiddlePosted(uint256 indexed id, string question, uint256 reward);
    event RiddleSolved(uint256 indexed id, address indexed solver, string answer);
    event RiddleWithdrawn(uint256 indexed id);

    modifier onlyCurator() {
        require(msg.sender == curator);
        _;
    }

    constructor() public {
        curator = msg.sender;
    }

    function post(string question, bytes32 answerHash) public payable onlyCurator {
        require(msg.value > 0);
        require(answerHash != bytes32(0));
        riddleCount += 1;
        riddles[riddleCount] = Riddle(question, answerHash, msg.value, address(0), true);
        emit RiddlePosted(riddleCount, question, msg.value);
    }

    function solve(uint256 id, string answer) public {
        Riddle storage r = riddles[id];
        require(r.open);
        require(keccak256(abi.encodePacked(answer)) == r.answerHash);
        r.open = false;
        r.solver = msg.sender;
        solvedBy[msg.sender] += 1;
        msg.sender.transfer(r.reward);
        emit RiddleSolved(id, msg.sender, answer);
    }

    function withdrawRiddle(uint256 id) public onlyCurator {
        Riddle storage r = riddles[id];
        require(r.open);
        r.open = false;
        curator.transfer(r.reward);
        emit RiddleWithdrawn(id);
    }

    function isOpen(uint256 id) public view returns (bool) {
        return riddles[id].open;
    }
}
