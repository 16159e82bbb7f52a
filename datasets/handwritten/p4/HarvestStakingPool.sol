// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

abstract contract Owned {
    address public owner;

    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "Owned: caller is not owner");
        _;
    }

    function changeOwner(address newOwner) external onlyOwner {
        require(newOwner != address(0), "Owned: zero address");
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }
}

contract HarvestStakingPool is Owned {
    uint256 public constant MIN_STAKE = 0.001 ether;

    address[] public stakers;
    mapping(address => uint256) private slotOf;
    mapping(address => uint256) public stakeOf;
    mapping(address => uint256) public rewardOf;

    uint256 public totalStaked;
    uint256 public undistributed;
    bool public paused;

    event Staked(address indexed account, uint256 amount);
    event Unstaked(address indexed account, uint256 amount);
    event RewardsAdded(address indexed from, uint256 amount);
    event RewardsDistributed(uint256 amount, uint256 stakerCount);
    event RewardClaimed(address indexed account, uint256 amount);

    modifier whenActive() {
        require(!paused, "paused");
        _;
    }

    receive() external payable {
        undistributed += msg.value;
        emit RewardsAdded(msg.sender, msg.value);
    }

    function stakerCount() external view returns (uint256) {
        return stakers.length;
    }

    function stake() external payable whenActive {
        require(msg.value >= MIN_STAKE, "below minimum");
        _distribute();
        if (slotOf[msg.sender] == 0) {
            stakers.push(msg.sender);
            slotOf[msg.sender] = stakers.length;
        }
        stakeOf[msg.sender] += msg.value;
        totalStaked += msg.value;
        emit Staked(msg.sender, msg.value);
    }

    function unstake(uint256 amount) external {
        uint256 staked = stakeOf[msg.sender];
        require(amount > 0 && amount <= staked, "bad amount");
        require(staked - amount == 0 || staked - amount >= MIN_STAKE, "dust left");
        _distribute();
        stakeOf[msg.sender] = staked - amount;
        totalStaked -= amount;
        if (stakeOf[msg.sender] == 0) {
            _removeStaker(msg.sender);
        }
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "transfer failed");
        emit Unstaked(msg.sender, amount);
    }

    function claimReward() external {
        _distribute();
        uint256 amount = rewardOf[msg.sender];
        require(amount > 0, "nothing to claim");
        rewardOf[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "transfer failed");
        emit RewardClaimed(msg.sender, amount);
    }

    function setPaused(bool value) external onlyOwner {
        paused = value;
    }

    function _distribute() internal {
        uint256 amount = undistributed;
        if (amount == 0 || totalStaked == 0) {
            return;
        }
        uint256 given;
        for (uint256 i = 0; i < stakers.length; i++) {
            address account = stakers[i];
            uint256 share = (amount * stakeOf[account]) / totalStaked;
            rewardOf[account] += share;
            given += share;
        }
        undistributed = amount - given;
        emit RewardsDistributed(given, stakers.length);
    }

    function _removeStaker(address account) internal {
        uint256 slot = slotOf[account];
        uint256 last = stakers.length;
        if (slot != last) {
            address moved = stakers[last - 1];
            stakers[slot - 1] = moved;
            slotOf[moved] = slot;
        }
        stakers.pop();
        slotOf[account] = 0;
    }
}
