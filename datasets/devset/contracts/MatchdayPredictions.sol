// SPDX-License-Identifier: MIT
pragma solidity ^0.8.10;

contract MatchdayPredictions {
    enum Outcome { None, Home, Draw, Away }

    struct Market {
        string fixture;
        uint256[4] pool;
        uint256 total;
        Outcome result;
        bool resolved;
    }

    address public owner;
    address public reporter;
    uint256 public constant FEE_BPS = 300;
    uint256 public fees;
    uint256 public marketCount;

    mapping(uint256 => Market) private markets;
    mapping(uint256 => mapping(address => uint256[4])) private stakes;
    mapping(uint256 => mapping(address => bool)) public claimed;

    event MarketOpened(uint256 indexed id, string fixture);
    event Staked(uint256 indexed id, address indexed punter, Outcome outcome, uint256 amount);
    event Resolved(uint256 indexed id, Outcome result);
    event Claimed(uint256 indexed id, address indexed punter, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor(address _reporter) {
        owner = msg.sender;
        reporter = _reporter;
    }

    function openMarket(string calldata fixture) external onlyOwner returns (uint256 id) {
        id = ++marketCount;
        markets[id].fixture = fixture;
        emit MarketOpened(id, fixture);
    }

    function stake(uint256 id, Outcome outcome) external payable {
        Market storage m = markets[id];
        require(id > 0 && id <= marketCount, "no market");
        require(!m.resolved, "resolved");
        require(outcome != Outcome.None && msg.value >= 0.001 ether, "stake");
        stakes[id][msg.sender][uint8(outcome)] += msg.value;
        m.pool[uint8(outcome)] += msg.value;
        m.total += msg.value;
        emit Staked(id, msg.sender, outcome, msg.value);
    }

    function resolve(uint256 id, Outcome result) external {
        require(msg.sender == reporter, "reporter only");
        Market storage m = markets[id];
        require(!m.resolved && result != Outcome.None, "resolve");
        m.resolved = true;
        m.result = result;
        uint256 fee = (m.total * FEE_BPS) / 10_000;
        fees += fee;
        emit Resolved(id, result);
    }

    function claim(uint256 id) external returns (uint256 amount) {
        Market storage m = markets[id];
        require(m.resolved && !claimed[id][msg.sender], "cannot claim");
        uint8 w = uint8(m.result);
        uint256 mine = stakes[id][msg.sender][w];
        require(mine > 0, "no winning stake");
        claimed[id][msg.sender] = true;
        uint256 net = m.total - (m.total * FEE_BPS) / 10_000;
        amount = (net * mine) / m.pool[w];
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "payout failed");
        emit Claimed(id, msg.sender, amount);
    }

    function poolOf(uint256 id) external view returns (uint256[4] memory pool, uint256 total) {
        Market storage m = markets[id];
        return (m.pool, m.total);
    }

    function withdrawFees() external onlyOwner {
        uint256 amount = fees;
        fees = 0;
        (bool ok, ) = payable(owner).call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function setReporter(address next) external onlyOwner {
        reporter = next;
    }
}
