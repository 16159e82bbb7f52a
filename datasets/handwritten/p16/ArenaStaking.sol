pragma solidity ^0.4.24;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }
}

contract Owned {
    address public owner;

    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function changeOwner(address newOwner) public onlyOwner {
        require(newOwner != address(0));
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }
}

contract ArenaStaking is Owned {
    using SafeMath for uint256;

    struct Stake {
        uint256 amount;
        uint256 since;
        uint256 bonusPoints;
    }

    uint256 public constant MIN_LOCK = 7 days;
    uint256 public constant DAILY_RATE_BPS = 5;

    address[] public boostModules;
    mapping(address => bool) public isBoostModule;
    mapping(address => Stake) public stakes;
    uint256 public totalStaked;
    uint256 public rewardPool;

    event ModuleAdded(address indexed module);
    event ModuleRemoved(address indexed module);
    event Staked(address indexed player, uint256 amount);
    event Boosted(address indexed player, address indexed module, uint256 bonusPoints);
    event Unstaked(address indexed player, uint256 amount, uint256 reward);

    function addBoostModule(address module) external onlyOwner {
        require(module != address(0) && !isBoostModule[module]);
        isBoostModule[module] = true;
        boostModules.push(module);
        emit ModuleAdded(module);
    }

    function removeBoostModule(uint256 index) external onlyOwner {
        require(index < boostModules.length);
        address module = boostModules[index];
        boostModules[index] = boostModules[boostModules.length - 1];
        boostModules.length--;
        isBoostModule[module] = false;
        emit ModuleRemoved(module);
    }

    function fundRewards() external payable {
        rewardPool += msg.value;
    }

    function stake() external payable {
        require(msg.value > 0);
        Stake storage s = stakes[msg.sender];
        s.amount = s.amount.add(msg.value);
        s.since = now;
        totalStaked = totalStaked.add(msg.value);
        emit Staked(msg.sender, msg.value);
    }

    function applyBoost(uint256 index) external {
        require(index < boostModules.length);
        require(stakes[msg.sender].amount > 0);
        address module = boostModules[index];
        require(module.delegatecall(abi.encodeWithSignature("boost(address)", msg.sender)));
        emit Boosted(msg.sender, module, stakes[msg.sender].bonusPoints);
    }

    function pendingReward(address player) public view returns (uint256) {
        Stake storage s = stakes[player];
        uint256 daysStaked = now.sub(s.since) / 1 days;
        uint256 bps = DAILY_RATE_BPS.add(s.bonusPoints);
        uint256 reward = s.amount.mul(daysStaked).mul(bps) / 10000;
        return reward > rewardPool ? rewardPool : reward;
    }

    function unstake() external {
        Stake storage s = stakes[msg.sender];
        require(s.amount > 0);
        require(now >= s.since.add(MIN_LOCK));
        uint256 amount = s.amount;
        uint256 reward = pendingReward(msg.sender);
        s.amount = 0;
        s.bonusPoints = 0;
        totalStaked = totalStaked.sub(amount);
        rewardPool = rewardPool.sub(reward);
        msg.sender.transfer(amount.add(reward));
        emit Unstaked(msg.sender, amount, reward);
    }

    function moduleCount() external view returns (uint256) {
        return boostModules.length;
    }
}
