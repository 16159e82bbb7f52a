// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract GardenStakingPool {
    struct Staker {
        uint128 staked;
        uint64 lockedUntil;
        uint256 rewardDebt;
        uint256 unpaid;
    }

    uint256 private constant PRECISION = 1e12;
    uint256 public constant LOCK_PERIOD = 7 days;

    IERC20 public immutable seedToken;
    IERC20 public immutable harvestToken;
    uint256 public immutable rewardPerBlock;

    address public steward;
    uint256 public accRewardPerShare;
    uint256 public lastRewardBlock;
    uint256 public totalStaked;
    uint256 public rewardReserve;
    mapping(address => Staker) public stakers;

    event StewardChanged(address indexed previous, address indexed next);
    event RewardsFunded(uint256 amount);
    event Staked(address indexed account, uint128 amount, uint64 lockedUntil);
    event Unstaked(address indexed account, uint128 amount);
    event RewardsClaimed(address indexed account, uint256 amount);

    modifier onlySteward() {
        require(msg.sender == steward, "steward only");
        _;
    }

    constructor(IERC20 seed, IERC20 harvest, uint256 perBlock) {
        require(address(seed) != address(0) && address(harvest) != address(0), "zero token");
        seedToken = seed;
        harvestToken = harvest;
        rewardPerBlock = perBlock;
        steward = msg.sender;
        lastRewardBlock = block.number;
    }

    function changeSteward(address next) external onlySteward {
        require(next != address(0), "zero steward");
        emit StewardChanged(steward, next);
        steward = next;
    }

    function fundRewards(uint256 amount) external onlySteward {
        require(amount > 0, "nothing to fund");
        rewardReserve += amount;
        emit RewardsFunded(amount);
        require(harvestToken.transferFrom(msg.sender, address(this), amount), "funding failed");
    }

    function pendingReward(address account) external view returns (uint256) {
        Staker storage s = stakers[account];
        uint256 acc = accRewardPerShare;
        if (block.number > lastRewardBlock && totalStaked > 0) {
            uint256 reward = (block.number - lastRewardBlock) * rewardPerBlock;
            acc += (reward * PRECISION) / totalStaked;
        }
        return s.unpaid + (uint256(s.staked) * acc) / PRECISION - s.rewardDebt;
    }

    function stake(uint128 amount) external {
        require(amount > 0, "nothing to stake");
        _updatePool();
        Staker storage s = stakers[msg.sender];
        _accrue(s);
        s.staked += amount;
        s.lockedUntil = uint64(block.timestamp + LOCK_PERIOD);
        s.rewardDebt = (uint256(s.staked) * accRewardPerShare) / PRECISION;
        totalStaked += amount;
        emit Staked(msg.sender, amount, s.lockedUntil);
        require(seedToken.transferFrom(msg.sender, address(this), amount), "deposit failed");
    }

    function unstake(uint128 amount) external {
        Staker storage s = stakers[msg.sender];
        require(amount > 0 && amount <= totalStaked, "bad amount");
        require(amount <= s.staked, "exceeds stake");
        require(block.timestamp >= s.lockedUntil, "still locked");
        _updatePool();
        _accrue(s);
        unchecked {
            s.staked -= amount;
            totalStaked -= amount;
        }
        s.rewardDebt = (uint256(s.staked) * accRewardPerShare) / PRECISION;
        emit Unstaked(msg.sender, amount);
        require(seedToken.transfer(msg.sender, amount), "withdraw failed");
    }

    function claimRewards() external {
        _updatePool();
        Staker storage s = stakers[msg.sender];
        _accrue(s);
        uint256 owed = s.unpaid;
        require(owed > 0, "nothing owed");
        require(owed <= rewardReserve, "reserve empty");
        s.unpaid = 0;
        rewardReserve -= owed;
        emit RewardsClaimed(msg.sender, owed);
        require(harvestToken.transfer(msg.sender, owed), "payout failed");
    }

    function _updatePool() internal {
        if (block.number <= lastRewardBlock) {
            return;
        }
        if (totalStaked == 0) {
            lastRewardBlock = block.number;
            return;
        }
        uint256 reward = (block.number - lastRewardBlock) * rewardPerBlock;
        accRewardPerShare += (reward * PRECISION) / totalStaked;
        lastRewardBlock = block.number;
    }

    function _accrue(Staker storage s) internal {
        uint256 accumulated = (uint256(s.staked) * accRewardPerShare) / PRECISION;
        s.unpaid += accumulated - s.rewardDebt;
        s.rewardDebt = accumulated;
    }
}
