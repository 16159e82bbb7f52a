// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title SharedWallet
/// @notice Family wallet. The owner tops it up and grants spending
///         allowances to other members, who can then send ether from it.
contract SharedWallet {
    address public owner;
    mapping(address => uint256) public allowanceOf;
    mapping(address => uint256) public totalSpent;

    event Received(address indexed from, uint256 amount);
    event AllowanceSet(address indexed member, uint256 amount);
    event Spent(address indexed member, address indexed to, uint256 amount);
    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "SharedWallet: not owner");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    receive() external payable {
        emit Received(msg.sender, msg.value);
    }

    function setAllowance(address member, uint256 amount) external onlyOwner {
        require(member != address(0), "SharedWallet: zero member");
        allowanceOf[member] = amount;
        emit AllowanceSet(member, amount);
    }

    function spend(address payable to, uint256 amount) external {
        require(allowanceOf[msg.sender] >= amount, "SharedWallet: over allowance");
        require(address(this).balance >= amount, "SharedWallet: insufficient funds");
        allowanceOf[msg.sender] -= amount;
        totalSpent[msg.sender] += amount;
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "SharedWallet: transfer failed");
        emit Spent(msg.sender, to, amount);
    }

    function changeOwner(address newOwner) external {
        require(newOwner != address(0), "SharedWallet: zero owner");
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }

    function ownerWithdraw(address payable to, uint256 amount) external onlyOwner {
        require(address(this).balance >= amount, "SharedWallet: insufficient funds");
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "SharedWallet: transfer failed");
    }

    function balance() external view returns (uint256) {
        return address(this).balance;
    }
}
