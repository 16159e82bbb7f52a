pragma solidity 0.4.26;

contract RecurringPayments {
    struct Plan {
        address subscriber;
        address merchant;
        uint256 amount;
        uint256 interval;
        uint256 nextDue;
        address receiptHook;
        bool active;
    }

    address public operator;
    uint256 public serviceFee = 0.0005 ether;
    uint256 public feesCollected;

    Plan[] public plans;
    mapping(address => uint256) public prepaid;
    mapping(address => uint256) public merchantBalance;

    event Prepaid(address indexed subscriber, uint256 amount);
    event PlanCreated(uint256 indexed id, address indexed subscriber, address indexed merchant, uint256 amount);
    event Charged(uint256 indexed id, uint256 amount, uint256 nextDue);
    event PlanCancelled(uint256 indexed id);

    modifier onlyOperator() {
        require(msg.sender == operator);
        _;
    }

    constructor() public {
        operator = msg.sender;
    }

    function topUp() external payable {
        prepaid[msg.sender] += msg.value;
        emit Prepaid(msg.sender, msg.value);
    }

    function createPlan(address merchant, uint256 amount, uint256 intervalDays, address receiptHook) external returns (uint256 id) {
        require(merchant != address(0) && amount > 0);
        require(intervalDays >= 7 && intervalDays <= 365);
        id = plans.push(Plan(msg.sender, merchant, amount, intervalDays * 1 days, now, receiptHook, true)) - 1;
        emit PlanCreated(id, msg.sender, merchant, amount);
    }

    function setReceiptHook(uint256 id, address hook) external {
        require(plans[id].subscriber == msg.sender);
        plans[id].receiptHook = hook;
    }

    function cancel(uint256 id) external {
        Plan storage p = plans[id];
        require(p.subscriber == msg.sender || p.merchant == msg.sender);
        p.active = false;
        emit PlanCancelled(id);
    }

    function charge(uint256 id) external {
        Plan storage p = plans[id];
        require(p.active && now >= p.nextDue);
        uint256 total = p.amount + serviceFee;
        require(prepaid[p.subscriber] >= total);
        prepaid[p.subscriber] -= total;
        merchantBalance[p.merchant] += p.amount;
        feesCollected += serviceFee;
        p.nextDue += p.interval;
        if (p.receiptHook != address(0)) {
            require(p.receiptHook.delegatecall(abi.encodeWithSignature("onCharged(uint256,uint256)", id, p.amount)));
        }
        emit Charged(id, p.amount, p.nextDue);
    }

    function merchantWithdraw() external {
        uint256 amount = merchantBalance[msg.sender];
        require(amount > 0);
        merchantBalance[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function refundPrepaid(uint256 amount) external {
        require(prepaid[msg.sender] >= amount);
        prepaid[msg.sender] -= amount;
        msg.sender.transfer(amount);
    }

    function collectFees() external onlyOperator {
        uint256 amount = feesCollected;
        feesCollected = 0;
        operator.transfer(amount);
    }
}
