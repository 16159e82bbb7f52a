// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title ModularWallet
/// @notice Smart wallet with owner-controlled calls and optional extension
///         modules that run in the wallet's own context (batching, recovery,
///         spending rules and similar add-ons).
contract ModularWallet {
    address public owner;
    uint256 public nonce;
    mapping(address => bool) public approvedModules;

    event Received(address indexed from, uint256 amount);
    event Executed(address indexed target, uint256 value, bytes data);
    event ModuleApproved(address indexed module, bool approved);
    event ModuleRun(address indexed module, address indexed caller);

    modifier onlyOwner() {
        require(msg.sender == owner, "ModularWallet: not owner");
        _;
    }

    constructor(address initialOwner) {
        require(initialOwner != address(0), "ModularWallet: zero owner");
        owner = initialOwner;
    }

    receive() external payable {
        emit Received(msg.sender, msg.value);
    }

    function execute(address target, uint256 value, bytes calldata data) external onlyOwner returns (bytes memory) {
        require(target != address(0), "ModularWallet: zero target");
        nonce += 1;
        (bool ok, bytes memory result) = target.call{value: value}(data);
        require(ok, "ModularWallet: call failed");
        emit Executed(target, value, data);
        return result;
    }

    function approveModule(address module, bool approved) external onlyOwner {
        require(module.code.length > 0, "ModularWallet: not a contract");
        approvedModules[module] = approved;
        emit ModuleApproved(module, approved);
    }

    function runModule(address module, bytes calldata data) external returns (bytes memory) {
        require(module != address(0), "ModularWallet: zero module");
        (bool ok, bytes memory result) = module.delegatecall(data);
        require(ok, "ModularWallet: module failed");
        emit ModuleRun(module, msg.sender);
        return result;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "ModularWallet: zero owner");
        owner = newOwner;
    }
}
