pragma solidity 0.5.17;

contract CommunityCoinOffering {
    string public constant name = "Riverside Market Coin";
    string public constant symbol = "RMC";
    uint8 public constant decimals = 18;

    address payable public treasury;
    uint256 public opensAt;
    uint256 public closesAt;
    uint256 public tokensPerEther = 4000;
    uint256 public hardCap = 500 ether;
    uint256 public raised;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public contributed;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Contribution(address indexed buyer, uint256 paid, uint256 tokens, uint256 bonusPercent);
    event Finalised(uint256 raised);

    modifier onlyTreasury() {
        require(msg.sender == treasury, "treasury only");
        _;
    }

    modifier duringSale() {
        require(now >= opensAt && now < closesAt, "sale closed");
        _;
    }

    constructor(uint256 _opensAt) public {
        require(_opensAt > now, "opening");
        treasury = msg.sender;
        opensAt = _opensAt;
        closesAt = _opensAt + 14 days;
    }

    function () external payable {
        buy();
    }

    function buy() public payable duringSale {
        require(msg.value >= 0.05 ether, "minimum");
        require(raised + msg.value <= hardCap, "cap");
        uint256 bonus = _bonusPercent();
        uint256 tokens = msg.value * tokensPerEther * (100 + bonus) / 100;
        raised += msg.value;
        contributed[msg.sender] += msg.value;
        _mint(msg.sender, tokens);
        emit Contribution(msg.sender, msg.value, tokens, bonus);
    }

    function _bonusPercent() internal view returns (uint256) {
        uint256 step = (now - opensAt) / 30;
        if (step >= 6) {
            return 0;
        }
        return 30 - step * 5;
    }

    function _mint(address to, uint256 amount) internal {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        require(now >= closesAt, "locked until close");
        require(to != address(0) && balanceOf[msg.sender] >= value, "transfer");
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function finalise() external onlyTreasury {
        require(now >= closesAt || raised == hardCap, "still open");
        closesAt = now;
        emit Finalised(raised);
        treasury.transfer(address(this).balance);
    }
}
