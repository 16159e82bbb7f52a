pragma solidity 0.4.25;

contract HandGameArena {
    uint8 constant ROCK = 1;
    uint8 constant PAPER = 2;
    uint8 constant SCISSORS = 3;

    struct Match {
        address host;
        address challenger;
        uint256 stake;
        uint8 hostHand;
        uint8 challengerHand;
        bool finished;
    }

    address public house;
    uint256 public houseCutPercent;
    uint256 public houseBalance;
    uint256 public minStake;
    uint256 public matchCount;

    mapping(uint256 => Match) public matches;
    mapping(address => uint256) public winnings;
    mapping(address => uint256) public wins;

    event MatchOpened(uint256 indexed id, address indexed host, uint256 stake);
    event MatchPlayed(uint256 indexed id, address indexed challenger, address winner);
    event MatchCancelled(uint256 indexed id);

    modifier onlyHouse() {
        require(msg.sender == house, "house only");
        _;
    }

    modifier validHand(uint8 hand) {
        require(hand >= ROCK && hand <= SCISSORS, "bad hand");
        _;
    }

    constructor(uint256 _minStake) public {
        house = msg.sender;
        houseCutPercent = 2;
        minStake = _minStake;
    }

    function setMinStake(uint256 value) external onlyHouse {
        minStake = value;
    }

    function openMatch(uint8 hand) external payable validHand(hand) returns (uint256 id) {
        require(msg.value >= minStake, "stake too low");
        id = ++matchCount;
        Match storage m = matches[id];
        m.host = msg.sender;
        m.stake = msg.value;
        m.hostHand = hand;
        emit MatchOpened(id, msg.sender, msg.value);
    }

    function challenge(uint256 id, uint8 hand) external payable validHand(hand) {
        Match storage m = matches[id];
        require(m.host != address(0) && !m.finished, "not open");
        require(m.challenger == address(0), "already taken");
        require(msg.sender != m.host, "host cannot challenge");
        require(msg.value == m.stake, "match the stake");
        m.challenger = msg.sender;
        m.challengerHand = hand;
        m.finished = true;
        _resolve(m, id);
    }

    function cancelMatch(uint256 id) external {
        Match storage m = matches[id];
        require(msg.sender == m.host, "host only");
        require(m.challenger == address(0) && !m.finished, "already played");
        m.finished = true;
        winnings[m.host] += m.stake;
        emit MatchCancelled(id);
    }

    function withdraw() external {
        uint256 amount = winnings[msg.sender];
        require(amount > 0, "nothing to withdraw");
        winnings[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function withdrawHouse(uint256 amount) external onlyHouse {
        require(amount <= houseBalance, "too much");
        houseBalance -= amount;
        house.transfer(amount);
    }

    function beats(uint8 a, uint8 b) public pure returns (bool) {
        return (a == ROCK && b == SCISSORS) || (a == PAPER && b == ROCK) || (a == SCISSORS && b == PAPER);
    }

    function _resolve(Match storage m, uint256 id) internal {
        uint256 pot = m.stake * 2;
        if (m.hostHand == m.challengerHand) {
            winnings[m.host] += m.stake;
            winnings[m.challenger] += m.stake;
            emit MatchPlayed(id, m.challenger, address(0));
            return;
        }
        uint256 cut = pot * houseCutPercent / 100;
        houseBalance += cut;
        address winner = beats(m.hostHand, m.challengerHand) ? m.host : m.challenger;
        winnings[winner] += pot - cut;
        wins[winner] += 1;
        emit MatchPlayed(id, m.challenger, winner);
    }
}
