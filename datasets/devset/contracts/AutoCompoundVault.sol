// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract AutoCompoundVault {
    IERC20 public immutable asset;
    address public manager;
    uint256 public totalShares;

    mapping(address => uint256) public sharesOf;
    mapping(address => address) public hookOf;
    mapping(address => uint256) public depositedAt;

    event Deposit(address indexed account, uint256 assets, uint256 shares);
    event Withdraw(address indexed account, uint256 assets, uint256 shares);
    event HookSet(address indexed account, address hook);

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    modifier withHook() {
        _;
        address hook = hookOf[msg.sender];
        if (hook != address(0)) {
            (bool ok, ) = hook.delegatecall(abi.encodeWithSignature("afterAction(address,uint256)", msg.sender, sharesOf[msg.sender]));
            require(ok, "hook failed");
        }
    }

    constructor(IERC20 _asset) public {
        asset = _asset;
        manager = msg.sender;
    }

    function totalAssets() public view returns (uint256) {
        return asset.balanceOf(address(this));
    }

    function setHook(address hook) external {
        hookOf[msg.sender] = hook;
        emit HookSet(msg.sender, hook);
    }

    function deposit(uint256 assets) external withHook returns (uint256 shares) {
        require(assets > 0, "zero");
        uint256 before = totalAssets();
        require(asset.transferFrom(msg.sender, address(this), assets), "transfer failed");
        shares = totalShares == 0 ? assets : assets * totalShares / before;
        require(shares > 0, "too small");
        totalShares += shares;
        sharesOf[msg.sender] += shares;
        depositedAt[msg.sender] = now;
        emit Deposit(msg.sender, assets, shares);
    }

    function withdraw(uint256 shares) external withHook returns (uint256 assets) {
        require(shares > 0 && sharesOf[msg.sender] >= shares, "shares");
        assets = shares * totalAssets() / totalShares;
        sharesOf[msg.sender] -= shares;
        totalShares -= shares;
        require(asset.transfer(msg.sender, assets), "transfer failed");
        emit Withdraw(msg.sender, assets, shares);
    }

    function rescue(IERC20 other, uint256 amount) external onlyManager {
        require(address(other) != address(asset), "asset");
        require(other.transfer(manager, amount), "rescue failed");
    }

    function setManager(address next) external onlyManager {
        require(next != address(0), "zero");
        manager = next;
    }
}
