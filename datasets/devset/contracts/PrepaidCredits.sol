pragma solidity 0.5.17;

contract PrepaidCredits {
    address payable public provider;
    uint256 public creditsPerEther = 1000;
    uint256 public unitPrice = 3;
    uint256 public totalIssued;

    mapping(address => uint256) public credits;
    mapping(address => uint256) public bonus;
    mapping(address => bool) public meters;
    mapping(address => uint256) public usage;

    event TopUp(address indexed customer, uint256 credits);
    event BonusGranted(address indexed customer, uint256 amount);
    event Charged(address indexed customer, uint256 units, uint256 cost);
    event MeterSet(address indexed meter, bool enabled);

    modifier onlyProvider() {
        require(msg.sender == provider, "provider only");
        _;
    }

    modifier onlyMeter() {
        require(meters[msg.sender], "meter only");
        _;
    }

    constructor() public {
        provider = msg.sender;
    }

    function topUp() external payable {
        require(msg.value > 0, "no value");
        uint256 amount = msg.value * creditsPerEther / 1 ether;
        require(amount > 0, "too small");
        credits[msg.sender] += amount;
        totalIssued += amount;
        emit TopUp(msg.sender, amount);
    }

    function grantBonus(address customer, uint256 amount) external onlyProvider {
        require(amount <= 500, "bonus too large");
        bonus[customer] += amount;
        emit BonusGranted(customer, amount);
    }

    function charge(address customer, uint256 units) external onlyMeter {
        require(units > 0 && units <= 10000, "bad units");
        uint256 cost = units * unitPrice;
        require(credits[customer] + bonus[customer] >= cost, "insufficient credits");
        _deduct(customer, cost);
        usage[customer] += units;
        emit Charged(customer, units, cost);
    }

    function _deduct(address customer, uint256 cost) internal {
        uint256 fromBonus = bonus[customer] >= cost / 2 ? cost / 2 : bonus[customer];
        bonus[customer] -= fromBonus;
        credits[customer] -= cost - fromBonus;
    }

    function transferCredits(address to, uint256 amount) external {
        require(to != address(0), "zero address");
        require(credits[msg.sender] >= amount, "insufficient credits");
        credits[msg.sender] -= amount;
        credits[to] += amount;
    }

    function setMeter(address meter, bool enabled) external onlyProvider {
        meters[meter] = enabled;
        emit MeterSet(meter, enabled);
    }

    function setPricing(uint256 _creditsPerEther, uint256 _unitPrice) external onlyProvider {
        require(_creditsPerEther > 0 && _unitPrice > 0, "zero pricing");
        creditsPerEther = _creditsPerEther;
        unitPrice = _unitPrice;
    }

    function withdraw() external onlyProvider {
        provider.transfer(address(this).balance);
    }
}
