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

contract RatedSale {
    using SafeMath for uint256;

    address public owner;
    uint256 public beansPerEther;

    event RateChanged(uint256 previousRate, uint256 newRate);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    constructor(uint256 initialRate) public {
        require(initialRate > 0);
        owner = msg.sender;
        beansPerEther = initialRate;
    }

    function setRate(uint256 newRate) external onlyOwner {
        require(newRate > 0);
        emit RateChanged(beansPerEther, newRate);
        beansPerEther = newRate;
    }

    function _beansFor(uint256 weiAmount) internal view returns (uint256) {
        return weiAmount.mul(beansPerEther) / 1 ether;
    }
}

contract BeanRewardsExchange is RatedSale {
    string public constant name = "Corner Cafe Beans";
    string public constant symbol = "BEAN";
    uint8 public constant decimals = 0;
    uint256 public constant BEANS_PER_DRINK = 120;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public drinksRedeemed;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event BeansPurchased(address indexed buyer, uint256 paid, uint256 beans);
    event DrinkRedeemed(address indexed customer, uint256 drinks);
    event GiftIssued(address indexed customer, uint256 beans);

    constructor(uint256 initialRate) public RatedSale(initialRate) {}

    function buyBeans() external payable {
        require(msg.value >= 0.001 ether);
        uint256 beans = _beansFor(msg.value);
        require(beans > 0);
        _issue(msg.sender, beans);
        emit BeansPurchased(msg.sender, msg.value, beans);
    }

    function issueGiftBeans(address customer, uint256 beans) external onlyOwner {
        require(customer != address(0));
        require(beans <= 1200);
        _issue(customer, beans);
        emit GiftIssued(customer, beans);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        require(to != address(0));
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(value);
        balanceOf[to] = balanceOf[to].add(value);
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function redeemDrinks(uint256 drinks) external {
        require(drinks > 0 && drinks <= 10);
        uint256 cost = drinks.mul(BEANS_PER_DRINK);
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(cost);
        totalSupply = totalSupply.sub(cost);
        drinksRedeemed[msg.sender] = drinksRedeemed[msg.sender].add(drinks);
        emit Transfer(msg.sender, address(0), cost);
        emit DrinkRedeemed(msg.sender, drinks);
    }

    function _issue(address to, uint256 beans) internal {
        totalSupply = totalSupply.add(beans);
        balanceOf[to] = balanceOf[to].add(beans);
        emit Transfer(address(0), to, beans);
    }

    function withdrawTakings(uint256 amount) external onlyOwner {
        require(amount <= address(this).balance);
        owner.transfer(amount);
    }
}
