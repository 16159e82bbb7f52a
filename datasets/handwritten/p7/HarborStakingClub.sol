// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "mul");
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0, "div by zero");
        return a / b;
    }
}

contract HarborStakingClub {
    using SafeMath for uint256;

    struct Member {
        uint256 stake;
        uint256 rewardDebt;
        uint256 pending;
        uint64 joinedAt;
    }

    uint256 public constant PRECISION = 1e12;
    uint256 public constant MIN_STAKE = 0.1 ether;
    uint256 public constant LOCK_PERIOD = 7 days;

    address public manager;
    uint256 public totalStaked;
    uint256 public accRewardPerShare;
    mapping(address => Member) public members;

    event Joined(address indexed member, uint256 amount);
    event RewardsAdded(uint256 amount, uint256 accRewardPerShare);
    event StakeMoved(address indexed from, address indexed to, uint256 amount);
    event RewardsClaimed(address indexed member, uint256 amount);
    event Exited(address indexed member, uint256 payout);
    event ManagerChanged(address indexed manager);

    modifier onlyManager() {
        require(msg.sender == manager, "not manager");
        _;
    }

    constructor() public {
        manager = msg.sender;
    }

    function setManager(address newManager) external onlyManager {
        require(newManager != address(0), "zero manager");
        manager = newManager;
        emit ManagerChanged(newManager);
    }

    function join() external payable {
        require(msg.value >= MIN_STAKE, "stake too small");
        Member storage m = members[msg.sender];
        _settle(m);
        if (m.stake == 0) {
            m.joinedAt = uint64(block.timestamp);
        }
        m.stake = m.stake.add(msg.value);
        m.rewardDebt = _accrued(m.stake);
        totalStaked = totalStaked.add(msg.value);
        emit Joined(msg.sender, msg.value);
    }

    function addRewards() external payable onlyManager {
        require(totalStaked > 0, "no members");
        accRewardPerShare = accRewardPerShare.add(msg.value.mul(PRECISION).div(totalStaked));
        emit RewardsAdded(msg.value, accRewardPerShare);
    }

    function moveStake(address to, uint256 amount) external {
        require(to != address(0) && to != msg.sender, "bad recipient");
        Member storage from = members[msg.sender];
        Member storage dest = members[to];
        require(amount > 0 && amount <= from.stake, "bad amount");
        _settle(from);
        _settle(dest);
        from.stake = from.stake.sub(amount);
        if (dest.stake == 0) {
            dest.joinedAt = from.joinedAt;
        }
        dest.stake = dest.stake.add(amount);
        from.rewardDebt = _accrued(from.stake);
        dest.rewardDebt = _accrued(dest.stake);
        emit StakeMoved(msg.sender, to, amount);
    }

    function claimRewards() external {
        Member storage m = members[msg.sender];
        _settle(m);
        uint256 amount = m.pending;
        require(amount > 0, "nothing to claim");
        m.pending = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "claim failed");
        emit RewardsClaimed(msg.sender, amount);
    }

    function exit() external {
        Member storage m = members[msg.sender];
        require(m.stake > 0, "not a member");
        require(block.timestamp >= uint256(m.joinedAt).add(LOCK_PERIOD), "still locked");
        _settle(m);
        uint256 payout = m.stake.add(m.pending);
        totalStaked = totalStaked.sub(m.stake);
        (bool ok, ) = msg.sender.call{value: payout}("");
        require(ok, "payout failed");
        delete members[msg.sender];
        emit Exited(msg.sender, payout);
    }

    function pendingRewards(address account) external view returns (uint256) {
        Member storage m = members[account];
        return m.pending.add(_accrued(m.stake).sub(m.rewardDebt));
    }

    function _accrued(uint256 stake) internal view returns (uint256) {
        return stake.mul(accRewardPerShare).div(PRECISION);
    }

    function _settle(Member storage m) internal {
        if (m.stake > 0) {
            m.pending = m.pending.add(_accrued(m.stake).sub(m.rewardDebt));
        }
        m.rewardDebt = _accrued(m.stake);
    }
}
