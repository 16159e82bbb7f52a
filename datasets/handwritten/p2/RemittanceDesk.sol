pragma solidity 0.5.17;

contract FeeSchedule {
    uint256 public constant BPS = 10000;
    uint256 public constant MAX_FLAT_FEE = 0.01 ether;
    uint256 public constant MAX_RATE_BPS = 150;

    uint256 public flatFee;
    uint256 public rateBps;

    constructor(uint256 _flatFee, uint256 _rateBps) public {
        require(_flatFee <= MAX_FLAT_FEE);
        require(_rateBps <= MAX_RATE_BPS);
        flatFee = _flatFee;
        rateBps = _rateBps;
    }

    function _quote(uint256 amount) internal view returns (uint256 fee, uint256 net) {
        fee = flatFee + (amount * rateBps) / BPS;
        net = amount - fee;
    }
}

contract RemittanceDesk is FeeSchedule {
    address public owner;
    address public treasury;

    mapping(address => uint256) public balances;
    mapping(address => uint256) public remittancesSent;
    mapping(address => uint256) public remittancesReceived;

    event Deposited(address indexed account, address indexed payer, uint256 amount);
    event Remitted(address indexed from, address indexed to, uint256 net, uint256 fee);
    event Withdrawn(address indexed account, uint256 amount);
    event TreasuryChanged(address indexed previousTreasury, address indexed newTreasury);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor(address _treasury, uint256 _flatFee, uint256 _rateBps)
        public
        FeeSchedule(_flatFee, _rateBps)
    {
        require(_treasury != address(0), "treasury required");
        owner = msg.sender;
        treasury = _treasury;
    }

    function deposit() external payable {
        require(msg.value > 0, "nothing sent");
        balances[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.sender, msg.value);
    }

    function depositFor(address account) external payable {
        require(account != address(0) && msg.value > 0, "bad deposit");
        balances[account] += msg.value;
        emit Deposited(account, msg.sender, msg.value);
    }

    function remit(address to, uint256 amount) external {
        require(to != address(0) && to != msg.sender, "bad recipient");
        require(balances[msg.sender] >= amount, "insufficient balance");
        (uint256 fee, uint256 net) = _quote(amount);
        balances[msg.sender] -= amount;
        balances[to] += net;
        balances[treasury] += fee;
        remittancesSent[msg.sender] += 1;
        remittancesReceived[to] += 1;
        emit Remitted(msg.sender, to, net, fee);
    }

    function withdraw(uint256 amount) external {
        require(amount > 0, "zero amount");
        require(balances[msg.sender] >= amount, "insufficient balance");
        balances[msg.sender] -= amount;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function setTreasury(address newTreasury) external onlyOwner {
        require(newTreasury != address(0), "treasury required");
        emit TreasuryChanged(treasury, newTreasury);
        treasury = newTreasury;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "owner required");
        owner = newOwner;
    }
}
