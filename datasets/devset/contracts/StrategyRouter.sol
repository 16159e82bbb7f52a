// SPDX-License-Identifier: MIT
pragma solidity ^0.7.6;

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract StrategyRouter {
    IERC20 public immutable asset;
    address public governor;
    uint256 public totalShares;
    uint256 public performanceFeeBps = 1000;

    mapping(address => uint256) public shares;
    mapping(address => bool) public approvedStrategies;

    event Deposit(address indexed user, uint256 amount, uint256 shares);
    event Withdraw(address indexed user, uint256 amount, uint256 shares);
    event StrategyRun(address indexed strategy, address indexed caller, uint256 assetsAfter);
    event StrategyApproved(address indexed strategy, bool approved);

    modifier onlyGovernor() {
        require(msg.sender == governor, "governor only");
        _;
    }

    constructor(IERC20 _asset) {
        asset = _asset;
        governor = msg.sender;
    }

    function totalAssets() public view returns (uint256) {
        return asset.balanceOf(address(this));
    }

    function deposit(uint256 amount) external returns (uint256 minted) {
        require(amount > 0, "zero amount");
        uint256 assetsBefore = totalAssets();
        require(asset.transferFrom(msg.sender, address(this), amount), "transferFrom failed");
        minted = totalShares == 0 ? amount : amount * totalShares / assetsBefore;
        shares[msg.sender] += minted;
        totalShares += minted;
        emit Deposit(msg.sender, amount, minted);
    }

    function withdraw(uint256 shareAmount) external returns (uint256 amount) {
        require(shareAmount > 0 && shareAmount <= shares[msg.sender], "bad shares");
        amount = shareAmount * totalAssets() / totalShares;
        shares[msg.sender] -= shareAmount;
        totalShares -= shareAmount;
        require(asset.transfer(msg.sender, amount), "transfer failed");
        emit Withdraw(msg.sender, amount, shareAmount);
    }

    function runStrategy(address strategy, bytes calldata data) external {
        require(strategy != address(0), "zero strategy");
        (bool ok, ) = strategy.delegatecall(data);
        require(ok, "strategy reverted");
        emit StrategyRun(strategy, msg.sender, totalAssets());
    }

    function approveStrategy(address strategy, bool approved) external onlyGovernor {
        approvedStrategies[strategy] = approved;
        emit StrategyApproved(strategy, approved);
    }

    function setPerformanceFee(uint256 bps) external onlyGovernor {
        require(bps <= 2000, "fee too high");
        performanceFeeBps = bps;
    }
}
