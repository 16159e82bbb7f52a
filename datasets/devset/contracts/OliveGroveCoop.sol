pragma solidity ^0.4.24;

library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0);
        return a / b;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }
}

contract OliveGroveCoop {
    using SafeMath for uint256;

    uint256 private constant PRECISION = 1e18;

    address public manager;
    uint256 public totalTrees;
    uint256 public revenuePerTree;
    uint256 public treePrice = 0.2 ether;
    uint256 public treesForSale = 500;

    mapping(address => uint256) public treesOf;
    mapping(address => uint256) public revenueDebt;
    mapping(address => uint256) public unpaid;

    event TreesBought(address indexed member, uint256 trees);
    event HarvestSold(uint256 revenue, uint256 perTree);
    event RevenueWithdrawn(address indexed member, uint256 amount);

    modifier onlyManager() {
        require(msg.sender == manager);
        _;
    }

    constructor() public {
        manager = msg.sender;
    }

    function _settle(address member) internal {
        uint256 accrued = treesOf[member].mul(revenuePerTree).div(PRECISION);
        unpaid[member] = unpaid[member].add(accrued.sub(revenueDebt[member]));
    }

    function _resetDebt(address member) internal {
        revenueDebt[member] = treesOf[member].mul(revenuePerTree).div(PRECISION);
    }

    function buyTrees(uint256 trees) external payable {
        require(trees > 0 && trees <= treesForSale);
        require(msg.value == trees.mul(treePrice));
        _settle(msg.sender);
        treesOf[msg.sender] = treesOf[msg.sender].add(trees);
        totalTrees = totalTrees.add(trees);
        treesForSale = treesForSale.sub(trees);
        _resetDebt(msg.sender);
        manager.transfer(msg.value);
        emit TreesBought(msg.sender, trees);
    }

    function recordHarvest() external payable onlyManager {
        require(msg.value > 0 && totalTrees > 0);
        uint256 perTree = msg.value.mul(PRECISION).div(totalTrees);
        revenuePerTree = revenuePerTree.add(perTree);
        emit HarvestSold(msg.value, perTree);
    }

    function withdraw() external {
        _settle(msg.sender);
        _resetDebt(msg.sender);
        uint256 amount = unpaid[msg.sender];
        require(amount > 0);
        unpaid[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit RevenueWithdrawn(msg.sender, amount);
    }

    function pendingOf(address member) external view returns (uint256) {
        uint256 accrued = treesOf[member].mul(revenuePerTree).div(PRECISION);
        return unpaid[member].add(accrued.sub(revenueDebt[member]));
    }

    function setTreePrice(uint256 price) external onlyManager {
        require(price > 0);
        treePrice = price;
    }

    function plantMore(uint256 trees) external onlyManager {
        treesForSale = treesForSale.add(trees);
    }
}
