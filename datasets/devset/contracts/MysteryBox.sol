// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;
pragma abicoder v2;

contract MysteryBox {
    struct Tier {
        string name;
        uint256 threshold;
        uint256 payout;
        uint256 claimed;
    }

    address payable public operator;
    uint256 public boxPrice = 0.05 ether;
    uint256 public opened;
    uint256 public houseBalance;

    Tier[] public tiers;
    mapping(address => uint256) public winnings;
    mapping(address => uint256[]) internal history;

    event TierAdded(uint256 indexed index, string name, uint256 threshold, uint256 payout);
    event BoxOpened(address indexed player, uint256 indexed boxNumber, uint256 tier);
    event WinningsClaimed(address indexed player, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor() payable {
        operator = msg.sender;
        houseBalance = msg.value;
    }

    function addTier(string calldata name, uint256 threshold, uint256 payout) external onlyOperator {
        require(tiers.length == 0 || threshold > tiers[tiers.length - 1].threshold, "order");
        require(threshold <= 10000, "threshold");
        tiers.push(Tier(name, threshold, payout, 0));
        emit TierAdded(tiers.length - 1, name, threshold, payout);
    }

    function openBox() external payable returns (uint256 tier) {
        require(msg.value == boxPrice, "price");
        require(tiers.length > 0, "no tiers");
        houseBalance += msg.value;
        opened += 1;
        uint256 roll = uint256(keccak256(abi.encode(block.difficulty, block.gaslimit, msg.sender, opened))) % 10000;
        tier = _tierFor(roll);
        Tier storage t = tiers[tier];
        require(t.payout <= houseBalance, "house cannot cover");
        houseBalance -= t.payout;
        t.claimed += 1;
        winnings[msg.sender] += t.payout;
        history[msg.sender].push(tier);
        emit BoxOpened(msg.sender, opened, tier);
    }

    function _tierFor(uint256 roll) internal view returns (uint256) {
        for (uint256 i = 0; i < tiers.length; i++) {
            if (roll < tiers[i].threshold) {
                return i;
            }
        }
        return tiers.length - 1;
    }

    function claim() external {
        uint256 amount = winnings[msg.sender];
        require(amount > 0, "nothing");
        winnings[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit WinningsClaimed(msg.sender, amount);
    }

    function historyOf(address player) external view returns (uint256[] memory) {
        return history[player];
    }

    function topUp() external payable onlyOperator {
        houseBalance += msg.value;
    }

    function withdrawHouse(uint256 amount) external onlyOperator {
        require(amount <= houseBalance, "too much");
        houseBalance -= amount;
        operator.transfer(amount);
    }
}
