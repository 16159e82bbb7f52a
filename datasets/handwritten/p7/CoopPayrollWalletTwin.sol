// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract PayrollLayout {
    address public board;
    address public actions;
    uint256 public lastClose;
    mapping(address => uint256) public monthlySalary;
    mapping(address => uint256) public owed;
    address[] public staff;
}

contract PayrollActions is PayrollLayout {
    uint256 public constant MAX_STAFF = 40;
    address private immutable self;

    event MonthClosed(uint256 closedAt, uint256 credited);
    event PaymentSent(address indexed to, uint256 amount);

    modifier onlyDelegated() {
        require(address(this) != self, "direct call");
        _;
    }

    constructor() public {
        self = address(this);
    }

    function closeMonth() external onlyDelegated {
        require(block.timestamp >= lastClose + 28 days, "month not over");
        uint256 credited;
        for (uint256 i = 0; i < staff.length && i < MAX_STAFF; i++) {
            address member = staff[i];
            owed[member] += monthlySalary[member];
            credited += monthlySalary[member];
        }
        lastClose = block.timestamp;
        emit MonthClosed(block.timestamp, credited);
    }

    function sendPayment(address payable to, uint256 amount) external onlyDelegated {
        require(to != address(0), "zero recipient");
        require(amount <= address(this).balance, "insufficient funds");
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "payment failed");
        emit PaymentSent(to, amount);
    }
}

contract CoopPayrollWallet is PayrollLayout {
    uint256 public constant MAX_STAFF = 40;

    event Funded(address indexed from, uint256 amount);
    event StaffAdded(address indexed member, uint256 salary);
    event SalaryChanged(address indexed member, uint256 salary);
    event Claimed(address indexed member, uint256 amount);
    event TaskScheduled(bytes32 indexed taskHash, bool enabled);

    mapping(bytes32 => bool) public scheduledTasks;

    modifier onlyBoard() {
        require(msg.sender == board, "not board");
        _;
    }

    constructor(address actionsContract) public {
        require(actionsContract != address(0), "zero actions");
        board = msg.sender;
        actions = actionsContract;
        lastClose = block.timestamp;
    }

    receive() external payable {
        emit Funded(msg.sender, msg.value);
    }

    function addStaff(address member, uint256 salary) external onlyBoard {
        require(member != address(0) && salary > 0, "bad staff");
        require(monthlySalary[member] == 0, "already staff");
        require(staff.length < MAX_STAFF, "payroll full");
        staff.push(member);
        monthlySalary[member] = salary;
        emit StaffAdded(member, salary);
    }

    function changeSalary(address member, uint256 salary) external onlyBoard {
        require(monthlySalary[member] > 0 && salary > 0, "not staff");
        monthlySalary[member] = salary;
        emit SalaryChanged(member, salary);
    }

    function payVendor(address payable vendor, uint256 amount) external onlyBoard {
        _runAction(abi.encodeWithSignature("sendPayment(address,uint256)", vendor, amount));
    }

    function scheduleTask(bytes calldata task, bool enabled) external onlyBoard {
        scheduledTasks[keccak256(task)] = enabled;
        emit TaskScheduled(keccak256(task), enabled);
    }

    function relay(bytes calldata task) external {
        require(scheduledTasks[keccak256(task)], "task not scheduled");
        _runAction(task);
    }

    function claim() external {
        uint256 amount = owed[msg.sender];
        require(amount > 0, "nothing owed");
        owed[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "claim failed");
        emit Claimed(msg.sender, amount);
    }

    function staffSize() external view returns (uint256) {
        return staff.length;
    }

    function _runAction(bytes memory data) internal {
        (bool ok, ) = actions.delegatecall(data);
        require(ok, "action failed");
    }
}
