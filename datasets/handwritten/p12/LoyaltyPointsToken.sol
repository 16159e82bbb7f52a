pragma solidity 0.4.25;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }
}

contract LoyaltyPointsToken {
    using SafeMath for uint256;

    string public constant name = "Corner Bakery Points";
    string public constant symbol = "CBP";
    uint8 public constant decimals = 18;
    uint256 public constant POINTS_PER_WEI = 500;

    address public bakery;
    uint256 public totalSupply;

    mapping(address => uint256) private balances;
    mapping(address => mapping(address => uint256)) private allowed;
    mapping(address => uint256) public redeemedTotal;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event PointsPurchased(address indexed buyer, uint256 paid, uint256 points);
    event PointsRedeemed(address indexed customer, uint256 points, string perk);

    modifier onlyBakery() {
        require(msg.sender == bakery);
        _;
    }

    constructor() public {
        bakery = msg.sender;
    }

    function balanceOf(address who) public view returns (uint256) {
        return balances[who];
    }

    function allowance(address holder, address spender) public view returns (uint256) {
        return allowed[holder][spender];
    }

    function transfer(address to, uint256 value) public returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) public returns (bool) {
        allowed[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        allowed[from][msg.sender] = allowed[from][msg.sender].sub(value);
        _move(from, to, value);
        return true;
    }

    function buyPoints() public payable {
        require(msg.value > 0);
        uint256 points = msg.value.mul(POINTS_PER_WEI);
        _issue(msg.sender, points);
        emit PointsPurchased(msg.sender, msg.value, points);
    }

    function awardPoints(address customer, uint256 points) public onlyBakery {
        _issue(customer, points);
    }

    function redeem(uint256 points, string perk) public {
        balances[msg.sender] = balances[msg.sender].sub(points);
        totalSupply = totalSupply.sub(points);
        redeemedTotal[msg.sender] = redeemedTotal[msg.sender].add(points);
        emit Transfer(msg.sender, address(0), points);
        emit PointsRedeemed(msg.sender, points, perk);
    }

    function withdrawSales(uint256 amount) public onlyBakery {
        require(amount <= address(this).balance);
        bakery.transfer(amount);
    }

    function _move(address from, address to, uint256 value) internal {
        require(to != address(0));
        balances[from] = balances[from].sub(value);
        balances[to] = balances[to].add(value);
        emit Transfer(from, to, value);
    }

    function _issue(address to, uint256 points) internal {
        totalSupply = totalSupply.add(points);
        balances[to] = balances[to].add(points);
        emit Transfer(address(0), to, points);
    }
}
