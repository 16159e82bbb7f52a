// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

interface IERC20Minimal {
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

contract TokenFaucet {
    IERC20Minimal public immutable token;
    address public owner;
    uint256 public dripAmount;
    uint256 public cooldown = 1 days;
    uint256 public dailyCap;
    uint256 public dispensedToday;
    uint256 public dayIndex;
    bool public paused;

    mapping(address => uint256) public lastDrip;
    mapping(address => bool) public blocked;

    event Dripped(address indexed to, uint256 amount);
    event Configured(uint256 dripAmount, uint256 cooldown, uint256 dailyCap);
    event PausedSet(bool paused);
    event OwnerChanged(address indexed previous, address indexed current);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor(IERC20Minimal _token, uint256 _dripAmount, uint256 _dailyCap) {
        token = _token;
        owner = msg.sender;
        dripAmount = _dripAmount;
        dailyCap = _dailyCap;
        dayIndex = block.timestamp / 1 days;
    }

    function drip() external {
        require(!paused, "paused");
        require(!blocked[msg.sender], "blocked");
        require(msg.sender == tx.origin, "no contracts");
        require(block.timestamp >= lastDrip[msg.sender] + cooldown, "cooling down");

        uint256 today = block.timestamp / 1 days;
        if (today != dayIndex) {
            dayIndex = today;
            dispensedToday = 0;
        }
        require(dispensedToday + dripAmount <= dailyCap, "daily cap reached");

        lastDrip[msg.sender] = block.timestamp;
        dispensedToday += dripAmount;
        require(token.transfer(msg.sender, dripAmount), "transfer failed");
        emit Dripped(msg.sender, dripAmount);
    }

    function configure(uint256 _dripAmount, uint256 _cooldown, uint256 _dailyCap) external onlyOwner {
        require(_cooldown >= 1 hours, "cooldown too short");
        dripAmount = _dripAmount;
        cooldown = _cooldown;
        dailyCap = _dailyCap;
        emit Configured(_dripAmount, _cooldown, _dailyCap);
    }

    function setBlocked(address account, bool isBlocked) external onlyOwner {
        blocked[account] = isBlocked;
    }

    function setPaused(bool _paused) external onlyOwner {
        paused = _paused;
        emit PausedSet(_paused);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero owner");
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }

    function recover(uint256 amount) external onlyOwner {
        require(token.transfer(owner, amount), "transfer failed");
    }
}
