// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

interface IPriceFeed {
    function latestPrice() external view returns (uint256);
}

contract LendingDesk {
    struct Position {
        uint256 collateral;
        uint256 debt;
        uint256 openedAt;
    }

    address public admin;
    IPriceFeed public feed;
    uint256 public collateralFactorBps = 6000;
    uint256 public liquidity;

    mapping(address => Position) public positions;

    event CollateralAdded(address indexed user, uint256 amount);
    event CollateralRemoved(address indexed user, uint256 amount);
    event Borrowed(address indexed user, uint256 amount);
    event Repaid(address indexed user, uint256 amount);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    constructor(IPriceFeed _feed) public {
        admin = msg.sender;
        feed = _feed;
    }

    function provideLiquidity() external payable onlyAdmin {
        liquidity += msg.value;
    }

    function addCollateral() external payable {
        require(msg.value > 0, "no value");
        Position storage p = positions[msg.sender];
        if (p.openedAt == 0) {
            p.openedAt = block.timestamp;
        }
        p.collateral += msg.value;
        emit CollateralAdded(msg.sender, msg.value);
    }

    function borrowLimit(address user) public view returns (uint256) {
        uint256 value = positions[user].collateral * feed.latestPrice() / 1e18;
        return value * collateralFactorBps / 10000;
    }

    function borrow(uint256 amount) external {
        Position storage p = positions[msg.sender];
        require(p.debt + amount <= borrowLimit(msg.sender), "over limit");
        require(amount <= liquidity, "no liquidity");
        p.debt += amount;
        liquidity -= amount;
        msg.sender.transfer(amount);
        emit Borrowed(msg.sender, amount);
    }

    function repay() external payable {
        Position storage p = positions[msg.sender];
        require(msg.value > 0 && msg.value <= p.debt, "bad amount");
        p.debt -= msg.value;
        liquidity += msg.value;
        emit Repaid(msg.sender, msg.value);
    }

    function removeCollateral(uint256 amount) external {
        Position storage p = positions[msg.sender];
        require(amount <= p.collateral, "too much");
        uint256 remaining = p.collateral - amount;
        uint256 limitAfter = remaining * feed.latestPrice() / 1e18 * collateralFactorBps / 10000;
        require(p.debt <= limitAfter, "would be undercollateralised");
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "transfer failed");
        p.collateral = p.collateral - amount;
        emit CollateralRemoved(msg.sender, amount);
    }

    function setCollateralFactor(uint256 bps) external onlyAdmin {
        require(bps <= 8000, "too high");
        collateralFactorBps = bps;
    }
}
