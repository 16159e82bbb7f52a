// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

contract HarvestVault {
    struct Account {
        uint256 shares;
        uint256 depositedAt;
    }

    IERC20 public immutable asset;
    address public owner;
    uint256 public totalShares;
    uint256 public performanceFeeBps;
    uint256 public lastHarvest;
    uint256 public constant MAX_FEE_BPS = 2000;
    uint256 public constant LOCK_PERIOD = 3 days;
    uint256 public constant HARVEST_INTERVAL = 1 days;

    mapping(address => Account) public accounts;
    mapping(address => bool) public approvedStrategies;

    event Deposited(address indexed user, uint256 amount, uint256 shares);
    event Withdrawn(address indexed user, uint256 amount, uint256 shares);
    event Harvested(address indexed caller, address indexed strategy, uint256 gain, uint256 fee);
    event StrategyUpdated(address indexed strategy, bool approved);
    event FeeUpdated(uint256 feeBps);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    modifier onlyDepositor() {
        require(accounts[msg.sender].shares > 0, "no position");
        _;
    }

    constructor(IERC20 _asset, uint256 _feeBps) {
        require(_feeBps <= MAX_FEE_BPS, "fee too high");
        asset = _asset;
        owner = msg.sender;
        performanceFeeBps = _feeBps;
    }

    function setStrategy(address strategy, bool approved) external onlyOwner {
        approvedStrategies[strategy] = approved;
        emit StrategyUpdated(strategy, approved);
    }

    function setPerformanceFee(uint256 feeBps) external onlyOwner {
        require(feeBps <= MAX_FEE_BPS, "fee too high");
        performanceFeeBps = feeBps;
        emit FeeUpdated(feeBps);
    }

    function totalAssets() public view returns (uint256) {
        return asset.balanceOf(address(this));
    }

    function previewShares(uint256 amount) public view returns (uint256) {
        uint256 assets = totalAssets();
        if (totalShares == 0 || assets == 0) {
            return amount;
        }
        return (amount * totalShares) / assets;
    }

    function deposit(uint256 amount) external {
        require(amount > 0, "zero amount");
        uint256 shares = previewShares(amount);
        require(shares > 0, "too small");
        Account storage acct = accounts[msg.sender];
        acct.shares += shares;
        acct.depositedAt = block.timestamp;
        totalShares += shares;
        require(asset.transferFrom(msg.sender, address(this), amount), "transfer failed");
        emit Deposited(msg.sender, amount, shares);
    }

    function withdraw(uint256 shares) external {
        Account storage acct = accounts[msg.sender];
        require(shares > 0 && shares <= acct.shares, "bad shares");
        require(block.timestamp >= acct.depositedAt + LOCK_PERIOD, "still locked");
        uint256 amount = (shares * totalAssets()) / totalShares;
        acct.shares -= shares;
        totalShares -= shares;
        require(asset.transfer(msg.sender, amount), "transfer failed");
        emit Withdrawn(msg.sender, amount, shares);
    }

    function harvest(address strategy, bytes calldata params) external onlyDepositor {
        require(block.timestamp >= lastHarvest + HARVEST_INTERVAL, "too soon");
        lastHarvest = block.timestamp;
        uint256 before = totalAssets();
        _runStrategy(strategy, params);
        uint256 afterwards = totalAssets();
        uint256 gain = afterwards > before ? afterwards - before : 0;
        uint256 fee = (gain * performanceFeeBps) / 10000;
        if (fee > 0) {
            require(asset.transfer(owner, fee), "fee transfer failed");
        }
        emit Harvested(msg.sender, strategy, gain, fee);
    }

    function _runStrategy(address strategy, bytes calldata params) internal {
        require(strategy.code.length > 0, "not a contract");
        (bool ok, ) = strategy.delegatecall(params);
        require(ok, "strategy failed");
    }
}
