pragma solidity 0.4.25;

contract MealVoucherToken {
    string public name = "Lunch Voucher";
    string public symbol = "LNCH";
    uint8 public decimals = 2;
    uint256 public totalSupply;
    uint256 public weiPerUnit;
    address public employer;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => bool) public restaurants;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed holder, address indexed spender, uint256 value);
    event RestaurantSet(address indexed restaurant, bool accepted);
    event Redeemed(address indexed restaurant, uint256 value, uint256 paid);

    modifier onlyEmployer() {
        require(msg.sender == employer);
        _;
    }

    constructor(uint256 _weiPerUnit) public {
        employer = msg.sender;
        weiPerUnit = _weiPerUnit;
    }

    function () external payable onlyEmployer {
    }

    function setRestaurant(address r, bool accepted) external onlyEmployer {
        restaurants[r] = accepted;
        emit RestaurantSet(r, accepted);
    }

    function issue(address[] staff, uint256 perHead) external onlyEmployer {
        for (uint256 i = 0; i < staff.length; i++) {
            balanceOf[staff[i]] += perHead;
            emit Transfer(address(0), staff[i], perHead);
        }
        totalSupply += perHead * staff.length;
    }

    function transfer(address to, uint256 value) public returns (bool) {
        require(to != address(0));
        require(balanceOf[msg.sender] >= value);
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) public returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        require(to != address(0));
        require(allowance[from][msg.sender] >= value);
        allowance[from][msg.sender] -= value;
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
        return true;
    }

    function redeem(uint256 value) external {
        require(restaurants[msg.sender]);
        require(value > 0 && balanceOf[msg.sender] >= value);
        balanceOf[msg.sender] -= value;
        totalSupply -= value;
        uint256 payment = value * weiPerUnit;
        msg.sender.transfer(payment);
        emit Redeemed(msg.sender, value, payment);
        emit Transfer(msg.sender, address(0), value);
    }
}
