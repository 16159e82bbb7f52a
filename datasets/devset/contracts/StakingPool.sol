// SPDX-License-Identifier: MIT
pragma solidity ^0.8.4;

interface IERC20Like {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

error NothingStaked();
error StillLocked(uint256 unlockAt);

contract StakingPool {
    struct Stake {
        uint256 amount;
        uint256 since;
        uint256 unlockAt;
    }

    IERC20Like public immutable token;
    address public owner;
    uint256 public lockPeriod = 14 days;
    uint256 public totalStaked;

    mapping(address => Stake) public stakes;

    event Staked(address indexed user, uint256 amount, uint256 unlockAt);
    event StakeMoved(address indexed from, address indexed to, uint256 amount);
    event Unstaked(address indexed user, uint256 amount);

    constructor(IERC20Like _token) {
        token = _token;
        owner = msg.sender;
    }

    function stake(uint256 amount) external {
        require(amount > 0, "zero amount");
        require(token.transferFrom(msg.sender, address(this), amount), "transferFrom failed");
        Stake storage s = stakes[msg.sender];
        s.amount += amount;
        s.since = block.timestamp;
        s.unlockAt = block.timestamp + lockPeriod;
        totalStaked += amount;
        emit Staked(msg.sender, amount, s.unlockAt);
    }

    function moveStake(address to, uint256 amount) external {
        require(to != address(0) && to != msg.sender, "bad recipient");
        Stake storage from = stakes[msg.sender];
        Stake storage dest = stakes[to];
        if (from.amount == 0) revert NothingStaked();
        unchecked {
            from.amount = from.amount - amount;
            dest.amount = dest.amount + amount;
        }
        if (dest.unlockAt < from.unlockAt) {
            dest.unlockAt = from.unlockAt;
        }
        emit StakeMoved(msg.sender, to, amount);
    }

    function unstake(uint256 amount) external {
        Stake storage s = stakes[msg.sender];
        if (s.amount == 0) revert NothingStaked();
        if (block.timestamp < s.unlockAt) revert StillLocked(s.unlockAt);
        require(amount <= s.amount, "exceeds stake");
        s.amount -= amount;
        totalStaked -= amount;
        require(token.transfer(msg.sender, amount), "transfer failed");
        emit Unstaked(msg.sender, amount);
    }

    function setLockPeriod(uint256 period) external {
        require(msg.sender == owner, "owner only");
        require(period <= 365 days, "too long");
        lockPeriod = period;
    }

    function stakeOf(address user) external view returns (uint256) {
        return stakes[user].amount;
    }
}
