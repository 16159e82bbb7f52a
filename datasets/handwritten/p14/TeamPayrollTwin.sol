pragma solidity 0.5.17;

contract Administered {
    address public admin;
    address public pendingAdmin;

    event AdminChanged(address indexed previousAdmin, address indexed newAdmin);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    constructor() public {
        admin = msg.sender;
    }

    function proposeAdmin(address _candidate) external onlyAdmin {
        pendingAdmin = _candidate;
    }

    function acceptAdmin() external {
        require(msg.sender == pendingAdmin, "not proposed");
        emit AdminChanged(admin, pendingAdmin);
        admin = pendingAdmin;
        pendingAdmin = address(0);
    }
}

contract TeamPayroll is Administered {
    struct Employee {
        uint256 monthlySalary;
        uint256 lastPaidAt;
        uint256 paymentsReceived;
        uint256 unclaimed;
        bool active;
    }

    uint256 public constant MAX_STAFF = 40;
    uint256 public constant PAY_PERIOD = 30 days;

    address payable[] public roster;
    mapping(address => Employee) public employees;
    uint256 public monthlyTotal;
    uint256 public totalUnclaimed;
    uint256 public lastPayday;

    event EmployeeHired(address indexed employee, uint256 monthlySalary);
    event EmployeeReleased(address indexed employee);
    event SalaryAccrued(address indexed employee, uint256 amount);
    event SalaryPaid(address indexed employee, uint256 amount);
    event PayrollRun(uint256 indexed timestamp, uint256 total);
    event Funded(address indexed from, uint256 amount);

    function () external payable {
        emit Funded(msg.sender, msg.value);
    }

    function hire(address payable _employee, uint256 _monthlySalary) external onlyAdmin {
        require(_employee != address(0), "zero address");
        require(!employees[_employee].active, "already on staff");
        require(roster.length < MAX_STAFF, "roster full");
        require(_monthlySalary > 0, "zero salary");
        Employee storage e = employees[_employee];
        e.monthlySalary = _monthlySalary;
        e.lastPaidAt = now;
        e.active = true;
        roster.push(_employee);
        monthlyTotal += _monthlySalary;
        emit EmployeeHired(_employee, _monthlySalary);
    }

    function release(uint256 _index) external onlyAdmin {
        require(_index < roster.length, "bad index");
        address payable leaving = roster[_index];
        Employee storage e = employees[leaving];
        e.active = false;
        monthlyTotal -= e.monthlySalary;
        roster[_index] = roster[roster.length - 1];
        roster.length--;
        emit EmployeeReleased(leaving);
    }

    function staffCount() external view returns (uint256) {
        return roster.length;
    }

    function runPayroll() external {
        require(now >= lastPayday + PAY_PERIOD, "too early");
        require(address(this).balance >= totalUnclaimed + monthlyTotal, "underfunded");
        lastPayday = now;
        for (uint256 i = 0; i < roster.length; i++) {
            _pay(roster[i]);
        }
        emit PayrollRun(now, monthlyTotal);
    }

    function _pay(address payable _employee) internal {
        Employee storage e = employees[_employee];
        e.lastPaidAt = now;
        e.paymentsReceived += 1;
        e.unclaimed += e.monthlySalary;
        totalUnclaimed += e.monthlySalary;
        emit SalaryAccrued(_employee, e.monthlySalary);
    }

    function claimSalary() external {
        Employee storage e = employees[msg.sender];
        uint256 amount = e.unclaimed;
        require(amount > 0, "nothing owed");
        e.unclaimed = 0;
        totalUnclaimed -= amount;
        msg.sender.transfer(amount);
        emit SalaryPaid(msg.sender, amount);
    }

    function withdrawSurplus(uint256 _amount) external onlyAdmin {
        uint256 reserved = totalUnclaimed + monthlyTotal;
        require(address(this).balance > reserved, "no surplus");
        require(_amount <= address(this).balance - reserved, "funds reserved");
        msg.sender.transfer(_amount);
    }
}
