// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface IBeanToken {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function approve(address spender, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract CafeLoyaltyToken is IBeanToken {
    string public constant name = "Corner Cafe Beans";
    string public constant symbol = "BEAN";
    uint8 public constant decimals = 0;

    address public owner;
    uint256 public totalSupply;
    uint256 public pointsPerDollar = 10;
    uint256 public drinkCost = 500;

    mapping(address => uint256) public override balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => bool) public cashiers;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event CashierSet(address indexed cashier, bool enabled);
    event PurchaseRewarded(address indexed customer, uint256 cents, uint256 points);
    event DrinkRedeemed(address indexed customer, uint256 drinks);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    modifier onlyCashier() {
        require(cashiers[msg.sender], "not cashier");
        _;
    }

    constructor() {
        owner = msg.sender;
        cashiers[msg.sender] = true;
    }

    function setCashier(address cashier, bool enabled) external onlyOwner {
        cashiers[cashier] = enabled;
        emit CashierSet(cashier, enabled);
    }

    function transfer(address to, uint256 amount) external override returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function approve(address spender, uint256 amount) external override returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external override returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= amount, "allowance");
        if (allowed != type(uint256).max) {
            allowance[from][msg.sender] = allowed - amount;
        }
        _move(from, to, amount);
        return true;
    }

    function rewardPurchase(address customer, uint256 cents) external onlyCashier {
        require(customer != address(0), "zero customer");
        require(cents > 0 && cents <= 100000, "bad amount");
        uint256 points = (cents * pointsPerDollar) / 100;
        _mint(customer, points);
        emit PurchaseRewarded(customer, cents, points);
    }

    function redeemDrinks(uint256 drinks) external {
        require(drinks > 0 && drinks <= 20, "bad count");
        uint256 cost = drinks * drinkCost;
        require(balanceOf[msg.sender] >= cost, "not enough beans");
        balanceOf[msg.sender] -= cost;
        totalSupply -= cost;
        emit Transfer(msg.sender, address(0), cost);
        emit DrinkRedeemed(msg.sender, drinks);
    }

    function _move(address from, address to, uint256 amount) internal {
        require(to != address(0), "zero to");
        require(balanceOf[from] >= amount, "balance");
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }

    function _mint(address to, uint256 amount) internal {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }
}
