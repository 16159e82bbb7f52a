// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title Bank
/// @notice Ether savings bank. Users deposit ether, move balances between
///         accounts and withdraw either a part of their balance (up to an
///         owner-defined limit) or everything at once.
contract Bank {
    address public owner;
    uint256 public withdrawLimit;
    uint256 public totalDeposits;
    mapping(address => uint256) public balances;

    event Deposited(address indexed account, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);
    event Transferred(address indexed from, address indexed to, uint256 amount);
    event LimitChanged(uint256 newLimit);

    modifier onlyOwner() {
        require(msg.sender == owner, "Bank: not owner");
        _;
    }

    constructor(uint256 limit) {
        owner = msg.sender;
        withdrawLimit = limit;
    }

    function deposit() external payable {
        require(msg.value > 0, "Bank: zero deposit");
        balances[msg.sender] += msg.value;
        totalDeposits += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function transfer(address to, uint256 amount) external {
        require(to != address(0), "Bank: zero address");
        require(balances[msg.sender] >= amount, "Bank: insufficient balance");
        balances[msg.sender] -= amount;
        balances[to] += amount;
        emit Transferred(msg.sender, to, amount);
    }

    function withdraw(uint256 amount) external {
        require(amount <= withdrawLimit, "Bank: above limit");
        require(balances[msg.sender] >= amount, "Bank: insufficient balance");
        balances[msg.sender] -= amount;
        totalDeposits -= amount;
        (bool sent, ) = payable(msg.sender).call{value: amount}("");
        require(sent, "Bank: send failed");
        emit Withdrawn(msg.sender, amount);
    }

    function withdrawAll() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0, "Bank: nothing to withdraw");
        (bool sent, ) = msg.sender.call{value: amount}("");
        require(sent, "Bank: send failed");
        balances[msg.sender] = 0;
        totalDeposits -= amount;
        emit Withdrawn(msg.sender, amount);
    }

    function setWithdrawLimit(uint256 newLimit) external onlyOwner {
        withdrawLimit = newLimit;
        emit LimitChanged(newLimit);
    }

    function balanceOf(address account) external view returns (uint256) {
        return balances[account];
    }
}
