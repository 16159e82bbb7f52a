pragma solidity 0.4.24;

contract LoyaltyStampCard {
    struct Reward {
        string name;
        uint256 stampCost;
        bool active;
    }

    address public owner;
    mapping(address => bool) public baristas;
    mapping(address => uint256) public stamps;
    mapping(address => uint256) public lifetimeStamps;
    Reward[] public rewards;
    uint256 public redemptions;

    uint256 public constant MAX_CUPS_PER_VISIT = 20;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event BaristaUpdated(address indexed barista, bool enabled);
    event StampsAwarded(address indexed customer, uint256 cups, address indexed barista);
    event RewardAdded(uint256 indexed rewardId, string name, uint256 stampCost);
    event RewardToggled(uint256 indexed rewardId, bool active);
    event Redeemed(address indexed customer, uint256 indexed rewardId, uint256 stampCost);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    modifier onlyBarista() {
        require(baristas[msg.sender] || msg.sender == owner);
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0));
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function setBarista(address barista, bool enabled) external onlyOwner {
        require(barista != address(0));
        baristas[barista] = enabled;
        emit BaristaUpdated(barista, enabled);
    }

    function addReward(string name, uint256 stampCost) external onlyOwner {
        require(stampCost > 0);
        rewards.push(Reward(name, stampCost, true));
        emit RewardAdded(rewards.length - 1, name, stampCost);
    }

    function toggleReward(uint256 rewardId, bool active) external onlyOwner {
        require(rewardId < rewards.length);
        rewards[rewardId].active = active;
        emit RewardToggled(rewardId, active);
    }

    function awardStamps(address customer, uint256 cups) external onlyBarista {
        require(customer != address(0));
        require(cups > 0 && cups <= MAX_CUPS_PER_VISIT);
        stamps[customer] += cups;
        lifetimeStamps[customer] += cups;
        emit StampsAwarded(customer, cups, msg.sender);
    }

    function redeem(uint256 rewardId) external {
        require(rewardId < rewards.length);
        Reward storage reward = rewards[rewardId];
        require(reward.active);
        _spendStamps(msg.sender, reward.stampCost);
        redemptions += 1;
        emit Redeemed(msg.sender, rewardId, reward.stampCost);
    }

    function rewardCount() external view returns (uint256) {
        return rewards.length;
    }

    function stampsNeeded(address customer, uint256 rewardId) external view returns (uint256) {
        require(rewardId < rewards.length);
        uint256 cost = rewards[rewardId].stampCost;
        if (stamps[customer] >= cost) {
            return 0;
        }
        return cost - stamps[customer];
    }

    function isGoldMember(address customer) external view returns (bool) {
        return lifetimeStamps[customer] >= 500;
    }

    function _spendStamps(address customer, uint256 cost) internal {
        stamps[customer] -= cost;
    }
}
