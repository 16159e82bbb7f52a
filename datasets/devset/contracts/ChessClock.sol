// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract ChessClock {
    enum Status { Waiting, Playing, Finished }

    struct Game {
        address white;
        address black;
        uint256 stake;
        uint256 lastMoveAt;
        uint16 plies;
        Status status;
        address winner;
        bytes32 positionHash;
    }

    uint256 public constant MOVE_TIME = 60;

    address public arbiter;
    uint256 public gameCount;

    mapping(uint256 => Game) public games;
    mapping(address => uint256) public balances;

    event GameOpened(uint256 indexed id, address indexed white, uint256 stake);
    event GameJoined(uint256 indexed id, address indexed black);
    event Moved(uint256 indexed id, address indexed player, uint16 ply, bytes32 positionHash);
    event GameOver(uint256 indexed id, address indexed winner, string reason);

    modifier onlyArbiter() {
        require(msg.sender == arbiter, "arbiter only");
        _;
    }

    modifier playing(uint256 id) {
        require(games[id].status == Status.Playing, "not playing");
        _;
    }

    constructor() {
        arbiter = msg.sender;
    }

    function open() external payable returns (uint256 id) {
        require(msg.value > 0, "stake");
        id = ++gameCount;
        Game storage g = games[id];
        g.white = msg.sender;
        g.stake = msg.value;
        emit GameOpened(id, msg.sender, msg.value);
    }

    function joinGame(uint256 id) external payable {
        Game storage g = games[id];
        require(g.status == Status.Waiting && g.white != address(0), "not open");
        require(msg.sender != g.white && msg.value == g.stake, "stake");
        g.black = msg.sender;
        g.status = Status.Playing;
        g.lastMoveAt = block.timestamp;
        emit GameJoined(id, msg.sender);
    }

    function toMove(Game storage g) internal view returns (address) {
        return g.plies % 2 == 0 ? g.white : g.black;
    }

    function move(uint256 id, bytes32 positionHash) external playing(id) {
        Game storage g = games[id];
        require(msg.sender == toMove(g), "not your turn");
        require(block.timestamp <= g.lastMoveAt + MOVE_TIME, "flag fell");
        g.plies += 1;
        g.lastMoveAt = block.timestamp;
        g.positionHash = positionHash;
        emit Moved(id, msg.sender, g.plies, positionHash);
    }

    function claimOnTime(uint256 id) external playing(id) {
        Game storage g = games[id];
        address late = toMove(g);
        require(msg.sender == (late == g.white ? g.black : g.white), "not opponent");
        require(block.timestamp > g.lastMoveAt + MOVE_TIME, "clock running");
        _finish(id, g, msg.sender, "time");
    }

    function resign(uint256 id) external playing(id) {
        Game storage g = games[id];
        require(msg.sender == g.white || msg.sender == g.black, "not a player");
        _finish(id, g, msg.sender == g.white ? g.black : g.white, "resignation");
    }

    function adjudicate(uint256 id, address winner) external onlyArbiter playing(id) {
        Game storage g = games[id];
        require(winner == g.white || winner == g.black, "not a player");
        _finish(id, g, winner, "checkmate");
    }

    function _finish(uint256 id, Game storage g, address winner, string memory reason) internal {
        g.status = Status.Finished;
        g.winner = winner;
        balances[winner] += g.stake * 2;
        emit GameOver(id, winner, reason);
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0, "nothing");
        balances[msg.sender] = 0;
        msg.sender.transfer(amount);
    }
}
