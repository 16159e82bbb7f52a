// SPDX-License-Identifier: MIT
pragma solidity ^0.6.12;

contract RevenueShareToken {
    string public constant name = "Harbour Kitchen Revenue Share";
    string public constant symbol = "HKRS";
    uint8 public constant decimals = 18;

    address public operator;
    uint256 public totalSupply;
    uint256 public distributed;

    address[] public holders;
    mapping(address => bool) public isHolder;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => uint256) public pendingRevenue;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event RevenueShared(uint256 amount, uint256 holderCount);
    event RevenueClaimed(address indexed holder, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor(uint256 supply) public {
        operator = msg.sender;
        totalSupply = supply;
        balanceOf[msg.sender] = supply;
        _track(msg.sender);
        emit Transfer(address(0), msg.sender, supply);
    }

    function _track(address account) internal {
        if (!isHolder[account]) {
            isHolder[account] = true;
            holders.push(account);
        }
    }

    function _transfer(address from, address to, uint256 value) internal {
        require(to != address(0), "zero");
        require(balanceOf[from] >= value, "balance");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        _track(to);
        emit Transfer(from, to, value);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        require(allowance[from][msg.sender] >= value, "allowance");
        allowance[from][msg.sender] -= value;
        _transfer(from, to, value);
        return true;
    }

    function shareRevenue() external payable onlyOperator {
        require(msg.value > 0, "nothing to share");
        uint256 assigned;
        for (uint256 i = 0; i < holders.length; i++) {
            address h = holders[i];
            uint256 part = msg.value * balanceOf[h] / totalSupply;
            if (part > 0) {
                pendingRevenue[h] += part;
                assigned += part;
            }
        }
        pendingRevenue[operator] += msg.value - assigned;
        distributed += msg.value;
        emit RevenueShared(msg.value, holders.length);
    }

    function claimRevenue() external {
        uint256 amount = pendingRevenue[msg.sender];
        require(amount > 0, "nothing");
        pendingRevenue[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "claim failed");
        emit RevenueClaimed(msg.sender, amount);
    }

    function holderCount() external view returns (uint256) {
        return holders.length;
    }
}
