// SPDX-License-Identifier: MIT
pragma solidity ^0.7.6;

contract BadgeForge {
    struct Badge {
        address holder;
        uint16 level;
        uint64 lastClaim;
        string name;
    }

    address payable public smith;
    uint256 public baseCost = 0.01 ether;
    uint256 public rewardPerLevelPerDay = 0.00001 ether;
    uint256 public rewardPool;

    Badge[] public badges;

    event Forged(uint256 indexed id, address indexed holder, string name);
    event Upgraded(uint256 indexed id, uint16 level, uint256 cost);
    event RewardClaimed(uint256 indexed id, address indexed holder, uint256 amount);

    modifier onlySmith() {
        require(msg.sender == smith, "smith only");
        _;
    }

    modifier onlyHolder(uint256 id) {
        require(badges[id].holder == msg.sender, "not holder");
        _;
    }

    constructor() {
        smith = msg.sender;
    }

    function forge(string calldata name) external payable returns (uint256 id) {
        require(msg.value == baseCost, "price");
        require(bytes(name).length > 0 && bytes(name).length <= 32, "name");
        id = badges.length;
        badges.push(Badge(msg.sender, 1, uint64(block.timestamp), name));
        rewardPool += msg.value / 2;
        emit Forged(id, msg.sender, name);
    }

    function upgradeCost(uint16 target) public view returns (uint256) {
        return baseCost * (uint256(1) << target);
    }

    function upgrade(uint256 id, uint16 target) external payable onlyHolder(id) {
        Badge storage b = badges[id];
        require(target > b.level, "not higher");
        _claim(id, b);
        uint256 cost = upgradeCost(target);
        require(msg.value == cost, "wrong payment");
        b.level = target;
        rewardPool += msg.value / 2;
        emit Upgraded(id, target, cost);
    }

    function claim(uint256 id) external onlyHolder(id) {
        _claim(id, badges[id]);
    }

    function _claim(uint256 id, Badge storage b) internal {
        uint256 elapsed = block.timestamp - b.lastClaim;
        b.lastClaim = uint64(block.timestamp);
        uint256 amount = uint256(b.level) * rewardPerLevelPerDay * elapsed / 1 days;
        if (amount > rewardPool) {
            amount = rewardPool;
        }
        if (amount > 0) {
            rewardPool -= amount;
            msg.sender.transfer(amount);
            emit RewardClaimed(id, msg.sender, amount);
        }
    }

    function handOver(uint256 id, address to) external onlyHolder(id) {
        require(to != address(0), "zero");
        badges[id].holder = to;
    }

    function withdrawShare(uint256 amount) external onlySmith {
        require(amount <= address(this).balance - rewardPool, "reserved");
        smith.transfer(amount);
    }
}
