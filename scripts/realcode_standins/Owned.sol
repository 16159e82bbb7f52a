// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Project-written stand-in for the `Owned` base contract that @uniswap/v4-core's
// ProtocolFees imports from solmate, an evaluation-reserved package this corpus never
// installs: one owner, set by the constructor, checked by `onlyOwner`, handed over by
// `transferOwnership`. scripts/realcode.py places it under node_modules (read for imports,
// never analysed as a target).
abstract contract Owned {
    event OwnershipTransferred(address indexed user, address indexed newOwner);

    address public owner;

    modifier onlyOwner() virtual {
        require(msg.sender == owner, "UNAUTHORIZED");
        _;
    }

    constructor(address initialOwner) {
        owner = initialOwner;
        emit OwnershipTransferred(address(0), initialOwner);
    }

    function transferOwnership(address newOwner) public virtual onlyOwner {
        owner = newOwner;
        emit OwnershipTransferred(msg.sender, newOwner);
    }
}
