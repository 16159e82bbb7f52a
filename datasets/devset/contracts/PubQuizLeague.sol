// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract PubQuizLeague {
    struct Quiz {
        bytes32 answerHash;
        uint256 commitEnds;
        uint256 revealEnds;
        uint256 pot;
        uint256 winners;
        bool answerPublished;
        bytes32 answer;
    }

    address public quizmaster;
    uint256 public entryFee = 0.005 ether;
    uint256 public quizCount;

    mapping(uint256 => Quiz) public quizzes;
    mapping(uint256 => mapping(address => bytes32)) public commitments;
    mapping(uint256 => mapping(address => bool)) public correct;
    mapping(uint256 => mapping(address => bool)) public paid;

    event QuizOpened(uint256 indexed id, uint256 commitEnds, uint256 revealEnds);
    event Committed(uint256 indexed id, address indexed team);
    event AnswerPublished(uint256 indexed id, bytes32 answer);
    event Correct(uint256 indexed id, address indexed team);
    event PrizePaid(uint256 indexed id, address indexed team, uint256 amount);

    modifier onlyQuizmaster() {
        require(msg.sender == quizmaster, "quizmaster only");
        _;
    }

    constructor() public {
        quizmaster = msg.sender;
    }

    function openQuiz(bytes32 answerHash) external onlyQuizmaster returns (uint256 id) {
        id = ++quizCount;
        Quiz storage q = quizzes[id];
        q.answerHash = answerHash;
        q.commitEnds = now + 1 days;
        q.revealEnds = now + 3 days;
        emit QuizOpened(id, q.commitEnds, q.revealEnds);
    }

    function commit(uint256 id, bytes32 commitment) external payable {
        Quiz storage q = quizzes[id];
        require(now < q.commitEnds, "answers closed");
        require(msg.value == entryFee, "fee");
        require(commitments[id][msg.sender] == bytes32(0), "committed");
        commitments[id][msg.sender] = commitment;
        q.pot += msg.value;
        emit Committed(id, msg.sender);
    }

    function publishAnswer(uint256 id, bytes32 answer, bytes32 salt) external onlyQuizmaster {
        Quiz storage q = quizzes[id];
        require(now >= q.commitEnds && !q.answerPublished, "not now");
        require(keccak256(abi.encodePacked(answer, salt)) == q.answerHash, "answer");
        q.answer = answer;
        q.answerPublished = true;
        emit AnswerPublished(id, answer);
    }

    function reveal(uint256 id, bytes32 answer, bytes32 salt) external {
        Quiz storage q = quizzes[id];
        require(q.answerPublished && now < q.revealEnds, "reveal closed");
        require(!correct[id][msg.sender], "revealed");
        require(commitments[id][msg.sender] == keccak256(abi.encodePacked(msg.sender, answer, salt)), "commitment");
        if (answer == q.answer) {
            correct[id][msg.sender] = true;
            q.winners += 1;
            emit Correct(id, msg.sender);
        }
    }

    function claim(uint256 id) external {
        Quiz storage q = quizzes[id];
        require(now >= q.revealEnds, "reveal running");
        require(correct[id][msg.sender] && !paid[id][msg.sender], "no prize");
        paid[id][msg.sender] = true;
        uint256 amount = q.pot / q.winners;
        emit PrizePaid(id, msg.sender, amount);
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "payment failed");
    }

    function sweepUnwon(uint256 id) external onlyQuizmaster {
        Quiz storage q = quizzes[id];
        require(now >= q.revealEnds && q.winners == 0 && q.pot > 0, "cannot sweep");
        uint256 amount = q.pot;
        q.pot = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "sweep failed");
    }
}
