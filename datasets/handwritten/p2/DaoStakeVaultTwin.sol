// SPDX-License-Identifier: MIT
pragma solidity 0.8.17;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

contract DaoStakeVault {
    struct Position {
        uint128 amount;
        uint64 unlockAt;
        uint64 deposits;
    }

    uint256 public constant LOCK_PERIOD = 14 days;

    IERC20 public immutable token;
    uint256 public totalStaked;
    mapping(address => Position) public positions;

    event Staked(address indexed account, uint128 amount, uint64 unlockAt);
    event Unstaked(address indexed account, uint128 amount);
    event StakeMoved(address indexed from, address indexed to, uint128 amount);

    constructor(IERC20 _token) {
        require(address(_token) != address(0), "token required");
        token = _token;
    }

    function stake(uint128 amount) external {
        require(amount > 0, "zero amount");
        Position storage pos = positions[msg.sender];
        pos.amount += amount;
        pos.unlockAt = uint64(block.timestamp + LOCK_PERIOD);
        pos.deposits += 1;
        totalStaked += amount;
        require(token.transferFrom(msg.sender, address(this), amount), "transfer failed");
        emit Staked(msg.sender, amount, pos.unlockAt);
    }

    function unstake(uint128 amount) external {
        Position storage pos = positions[msg.sender];
        require(amount > 0 && amount <= pos.amount, "bad amount");
        require(block.timestamp >= pos.unlockAt, "still locked");
        unchecked {
            pos.amount -= amount;
            totalStaked -= amount;
        }
        require(token.transfer(msg.sender, amount), "transfer failed");
        emit Unstaked(msg.sender, amount);
    }

    function moveStake(address newWallet, uint128 amount) external {
        require(newWallet != address(0) && newWallet != msg.sender, "bad wallet");
        require(amount > 0, "zero amount");
        Position storage from = positions[msg.sender];
        Position storage to = positions[newWallet];
        require(amount <= from.amount, "exceeds stake");
        unchecked {
            from.amount -= amount;
        }
        to.amount += amount;
        if (to.unlockAt < from.unlockAt) {
            to.unlockAt = from.unlockAt;
        }
        emit StakeMoved(msg.sender, newWallet, amount);
    }

    function votingPower(address account) external view returns (uint256) {
        return positions[account].amount;
    }

    function isUnlocked(address account) external view returns (bool) {
        return block.timestamp >= positions[account].unlockAt;
    }
}
