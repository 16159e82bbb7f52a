// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

contract QuestRewardLedger {
    struct Allowance {
        uint32 granted;
        uint32 claimed;
        uint32 questsLogged;
    }

    string public constant name = "Quest Shards";
    string public constant symbol = "QSH";
    uint8 public constant decimals = 0;

    address public owner;
    uint32 public currentSeason;
    uint256 public totalSupply;

    mapping(address => bool) public gameServers;
    mapping(uint32 => mapping(address => Allowance)) public allowances;
    mapping(address => uint256) public balanceOf;

    event ServerUpdated(address indexed server, bool enabled);
    event SeasonStarted(uint32 indexed season);
    event RewardGranted(uint32 indexed season, address indexed player, uint32 amount);
    event RewardClaimed(uint32 indexed season, address indexed player, uint32 amount);
    event Transfer(address indexed from, address indexed to, uint256 value);

    error NotOwner();
    error NotServer();
    error ExceedsGrant(uint32 requested, uint32 available);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    modifier onlyServer() {
        if (!gameServers[msg.sender]) revert NotServer();
        _;
    }

    constructor() {
        owner = msg.sender;
        currentSeason = 1;
        emit SeasonStarted(1);
    }

    function setServer(address server, bool enabled) external onlyOwner {
        require(server != address(0), "zero address");
        gameServers[server] = enabled;
        emit ServerUpdated(server, enabled);
    }

    function startNextSeason() external onlyOwner {
        currentSeason += 1;
        emit SeasonStarted(currentSeason);
    }

    function grant(address player, uint32 amount) external onlyServer {
        require(player != address(0) && amount > 0, "bad grant");
        Allowance storage a = allowances[currentSeason][player];
        a.granted += amount;
        a.questsLogged += 1;
        emit RewardGranted(currentSeason, player, amount);
    }

    function claim(uint32 amount) external {
        require(amount > 0, "nothing to claim");
        Allowance storage a = allowances[currentSeason][msg.sender];
        _recordClaim(a, amount);
        balanceOf[msg.sender] += amount;
        totalSupply += amount;
        emit RewardClaimed(currentSeason, msg.sender, amount);
        emit Transfer(address(0), msg.sender, amount);
    }

    function claimable(address player) external view returns (uint32) {
        Allowance storage a = allowances[currentSeason][player];
        return a.granted - a.claimed;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        require(to != address(0), "zero address");
        require(balanceOf[msg.sender] >= value, "insufficient balance");
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function burn(uint256 value) external {
        require(balanceOf[msg.sender] >= value, "insufficient balance");
        balanceOf[msg.sender] -= value;
        totalSupply -= value;
        emit Transfer(msg.sender, address(0), value);
    }

    function _recordClaim(Allowance storage a, uint32 amount) internal {
        uint32 newClaimed;
        unchecked {
            newClaimed = a.claimed + amount;
        }
        if (newClaimed > a.granted) revert ExceedsGrant(amount, a.granted - a.claimed);
        a.claimed = newClaimed;
    }
}
