// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

contract AirdropCampaign {
    IERC20 public immutable token;
    address public owner;
    uint256 public amountPerWallet;
    uint256 public registrationEnds;
    bool public distributed;

    address[] public registrants;
    mapping(address => bool) public registered;
    mapping(address => string) public handles;

    event Registered(address indexed wallet, string handle);
    event Distributed(uint256 wallets, uint256 totalAmount);
    event Reclaimed(uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor(IERC20 _token, uint256 _amountPerWallet, uint256 registrationDays) {
        token = _token;
        owner = msg.sender;
        amountPerWallet = _amountPerWallet;
        registrationEnds = block.timestamp + registrationDays * 1 days;
    }

    function register(string calldata handle) external {
        require(block.timestamp < registrationEnds, "registration closed");
        require(!registered[msg.sender], "already registered");
        require(bytes(handle).length > 0 && bytes(handle).length <= 32, "bad handle");
        registered[msg.sender] = true;
        handles[msg.sender] = handle;
        registrants.push(msg.sender);
        emit Registered(msg.sender, handle);
    }

    function distribute() external {
        require(block.timestamp >= registrationEnds, "registration open");
        require(!distributed, "already distributed");
        uint256 needed = registrants.length * amountPerWallet;
        require(token.balanceOf(address(this)) >= needed, "underfunded");
        distributed = true;
        for (uint256 i = 0; i < registrants.length; i++) {
            require(token.transfer(registrants[i], amountPerWallet), "transfer failed");
        }
        emit Distributed(registrants.length, needed);
    }

    function reclaimLeftover() external onlyOwner {
        require(distributed, "not distributed");
        uint256 left = token.balanceOf(address(this));
        require(token.transfer(owner, left), "transfer failed");
        emit Reclaimed(left);
    }

    function registrantCount() external view returns (uint256) {
        return registrants.length;
    }
}
