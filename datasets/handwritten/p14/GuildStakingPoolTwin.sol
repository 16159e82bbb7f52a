// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

contract GuildStakingPool {
    IERC20 public immutable stakeToken;
    IERC20 public immutable rewardToken;
    address public treasurer;

    uint256 public totalStaked;
    uint256 public undistributed;
    uint256 public rewardPerShare;

    mapping(address => uint256) private paidPerShare;
    mapping(address => uint256) public staked;
    mapping(address => uint256) public earned;

    event RewardAdded(uint256 amount);
    event Staked(address indexed account, uint256 amount);
    event Unstaked(address indexed account, uint256 amount);
    event RewardClaimed(address indexed account, uint256 amount);
    event TreasurerChanged(address indexed previousTreasurer, address indexed newTreasurer);

    modifier onlyTreasurer() {
        require(msg.sender == treasurer, "treasurer only");
        _;
    }

    modifier distributes() {
        _distributePending();
        _accrue(msg.sender);
        _;
    }

    constructor(IERC20 _stakeToken, IERC20 _rewardToken) {
        stakeToken = _stakeToken;
        rewardToken = _rewardToken;
        treasurer = msg.sender;
    }

    function setTreasurer(address _treasurer) external onlyTreasurer {
        require(_treasurer != address(0), "zero address");
        emit TreasurerChanged(treasurer, _treasurer);
        treasurer = _treasurer;
    }

    function notifyReward(uint256 amount) external onlyTreasurer {
        require(amount > 0, "zero amount");
        undistributed += amount;
        require(rewardToken.transferFrom(msg.sender, address(this), amount), "transfer failed");
        emit RewardAdded(amount);
    }

    function stake(uint256 amount) external distributes {
        require(amount > 0, "zero amount");
        staked[msg.sender] += amount;
        totalStaked += amount;
        require(stakeToken.transferFrom(msg.sender, address(this), amount), "transfer failed");
        emit Staked(msg.sender, amount);
    }

    function unstake(uint256 amount) external distributes {
        require(amount > 0 && staked[msg.sender] >= amount, "bad amount");
        staked[msg.sender] -= amount;
        totalStaked -= amount;
        require(stakeToken.transfer(msg.sender, amount), "transfer failed");
        emit Unstaked(msg.sender, amount);
    }

    function claim() external distributes {
        uint256 amount = earned[msg.sender];
        require(amount > 0, "nothing earned");
        earned[msg.sender] = 0;
        require(rewardToken.transfer(msg.sender, amount), "transfer failed");
        emit RewardClaimed(msg.sender, amount);
    }

    function pendingOf(address account) external view returns (uint256) {
        return earned[account] + (staked[account] * (rewardPerShare - paidPerShare[account])) / 1e18;
    }

    function _distributePending() internal {
        uint256 pool = undistributed;
        if (pool == 0 || totalStaked == 0) {
            return;
        }
        uint256 increment = (pool * 1e18) / totalStaked;
        rewardPerShare += increment;
        undistributed = pool - (increment * totalStaked) / 1e18;
    }

    function _accrue(address account) internal {
        uint256 delta = rewardPerShare - paidPerShare[account];
        if (delta > 0) {
            earned[account] += (staked[account] * delta) / 1e18;
        }
        paidPerShare[account] = rewardPerShare;
    }
}
