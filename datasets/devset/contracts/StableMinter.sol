// SPDX-License-Identifier: MIT
pragma solidity ^0.8.19;

abstract contract MinterRoles {
    address public governor;
    mapping(address => bool) public minters;
    mapping(address => uint256) public mintCap;

    event MinterSet(address indexed account, bool enabled, uint256 cap);
    event GovernorChanged(address indexed governor);

    modifier onlyGovernor() {
        require(msg.sender == governor, "governor only");
        _;
    }

    modifier onlyMinter() {
        require(minters[msg.sender], "minter only");
        _;
    }

    constructor() {
        governor = msg.sender;
    }

    function setMinter(address account, bool enabled, uint256 cap) public virtual {
        minters[account] = enabled;
        mintCap[account] = cap;
        emit MinterSet(account, enabled, cap);
    }

    function setGovernor(address next) external onlyGovernor {
        require(next != address(0), "zero");
        governor = next;
        emit GovernorChanged(next);
    }
}

contract StableMinter is MinterRoles {
    string public constant name = "Harbor Dollar";
    string public constant symbol = "HUSD";
    uint8 public constant decimals = 18;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => uint256) public mintedBy;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function mint(address to, uint256 amount) external onlyMinter {
        require(mintedBy[msg.sender] + amount <= mintCap[msg.sender], "cap reached");
        mintedBy[msg.sender] += amount;
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function burn(uint256 amount) external {
        balanceOf[msg.sender] -= amount;
        totalSupply -= amount;
        emit Transfer(msg.sender, address(0), amount);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            allowance[from][msg.sender] = allowed - amount;
        }
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) internal {
        require(to != address(0), "zero address");
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}
