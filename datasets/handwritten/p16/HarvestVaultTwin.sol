// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

contract HarvestVault {
    struct Position {
        uint256 shares;
        uint256 depositedAt;
    }

    IERC20 public immutable asset;
    address public owner;
    uint256 public totalShares;
    uint256 public harvestCount;
    uint256 public lastHarvest;
    uint256 public constant HARVEST_COOLDOWN = 1 days;

    mapping(address => Position) public positions;
    mapping(address => bool) public listedStrategies;

    event Deposited(address indexed user, uint256 amount, uint256 shares);
    event Withdrawn(address indexed user, uint256 amount, uint256 shares);
    event Harvested(address indexed caller, address indexed strategy, uint256 gained);
    event StrategyListed(address indexed strategy, bool listed);
    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor(IERC20 _asset) {
        asset = _asset;
        owner = msg.sender;
    }

    function totalAssets() public view returns (uint256) {
        return asset.balanceOf(address(this));
    }

    function previewShares(uint256 amount) public view returns (uint256) {
        uint256 supply = totalShares;
        uint256 assets = totalAssets();
        if (supply == 0 || assets == 0) {
            return amount;
        }
        return (amount * supply) / assets;
    }

    function deposit(uint256 amount) external {
        require(amount > 0, "zero amount");
        uint256 shares = previewShares(amount);
        require(shares > 0, "too small");
        Position storage p = positions[msg.sender];
        p.shares += shares;
        p.depositedAt = block.timestamp;
        totalShares += shares;
        require(asset.transferFrom(msg.sender, address(this), amount), "transfer failed");
        emit Deposited(msg.sender, amount, shares);
    }

    function withdraw(uint256 shares) external {
        Position storage p = positions[msg.sender];
        require(shares > 0 && shares <= p.shares, "bad shares");
        uint256 amount = (shares * totalAssets()) / totalShares;
        p.shares -= shares;
        totalShares -= shares;
        require(asset.transfer(msg.sender, amount), "transfer failed");
        emit Withdrawn(msg.sender, amount, shares);
    }

    function harvest(address strategy) external {
        require(block.timestamp >= lastHarvest + HARVEST_COOLDOWN, "cooldown");
        lastHarvest = block.timestamp;
        harvestCount += 1;
        uint256 before = totalAssets();
        _runStrategy(strategy);
        uint256 afterBalance = totalAssets();
        emit Harvested(msg.sender, strategy, afterBalance > before ? afterBalance - before : 0);
    }

    function listStrategy(address strategy, bool listed) external onlyOwner {
        listedStrategies[strategy] = listed;
        emit StrategyListed(strategy, listed);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero owner");
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }

    function _runStrategy(address strategy) internal {
        require(listedStrategies[strategy], "strategy not listed");
        require(strategy.code.length > 0, "no code");
        (bool ok, ) = strategy.delegatecall(abi.encodeWithSignature("harvest()"));
        require(ok, "strategy failed");
    }
}
