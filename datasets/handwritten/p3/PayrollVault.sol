pragma solidity ^0.5.0;

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

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0);
        return a / b;
    }
}

contract PayrollVault {
    using SafeMath for uint256;

    struct Employee {
        uint256 monthlySalary;
        uint256 paidThroughPeriod;
        uint256 owed;
        bool active;
    }

    uint256 public constant PERIOD = 30 days;
    uint256 public constant MAX_HEADCOUNT = 50;

    address public employer;
    address public pendingEmployer;
    uint256 public startedAt;
    uint256 public headcount;
    mapping(address => Employee) public employees;

    event Funded(address indexed from, uint256 amount);
    event Hired(address indexed employee, uint256 monthlySalary);
    event SalaryChanged(address indexed employee, uint256 monthlySalary);
    event Terminated(address indexed employee);
    event SalaryCollected(address indexed employee, uint256 amount);
    event SurplusWithdrawn(uint256 amount);
    event EmployerProposed(address indexed candidate);
    event EmployerAccepted(address indexed employer);

    modifier onlyEmployer() {
        require(msg.sender == employer);
        _;
    }

    constructor() public {
        employer = msg.sender;
        startedAt = now;
    }

    function fund() external payable {
        require(msg.value > 0);
        emit Funded(msg.sender, msg.value);
    }

    function currentPeriod() public view returns (uint256) {
        return now.sub(startedAt).div(PERIOD);
    }

    function hire(address account, uint256 monthlySalary) external onlyEmployer {
        require(account != address(0));
        require(!employees[account].active);
        require(monthlySalary > 0);
        require(headcount < MAX_HEADCOUNT);
        Employee storage e = employees[account];
        e.monthlySalary = monthlySalary;
        e.paidThroughPeriod = currentPeriod();
        e.active = true;
        headcount = headcount.add(1);
        emit Hired(account, monthlySalary);
    }

    function setSalary(address account, uint256 monthlySalary) external onlyEmployer {
        require(monthlySalary > 0);
        Employee storage e = employees[account];
        require(e.active);
        _accrue(e);
        e.monthlySalary = monthlySalary;
        emit SalaryChanged(account, monthlySalary);
    }

    function terminate(address account) external onlyEmployer {
        Employee storage e = employees[account];
        require(e.active);
        _accrue(e);
        e.active = false;
        headcount = headcount.sub(1);
        emit Terminated(account);
    }

    function collect() external {
        Employee storage e = employees[msg.sender];
        _accrue(e);
        uint256 amount = e.owed;
        require(amount > 0);
        require(amount <= address(this).balance);
        e.owed = 0;
        msg.sender.transfer(amount);
        emit SalaryCollected(msg.sender, amount);
    }

    function withdrawSurplus(uint256 amount) external onlyEmployer {
        require(amount <= address(this).balance);
        msg.sender.transfer(amount);
        emit SurplusWithdrawn(amount);
    }

    function proposeEmployer(address candidate) external onlyEmployer {
        require(candidate != address(0));
        pendingEmployer = candidate;
        emit EmployerProposed(candidate);
    }

    function acceptEmployer() external {
        require(msg.sender == pendingEmployer);
        employer = pendingEmployer;
        pendingEmployer = address(0);
        emit EmployerAccepted(employer);
    }

    function _accrue(Employee storage e) internal {
        uint256 period = currentPeriod();
        if (e.active && period > e.paidThroughPeriod) {
            uint256 due = period.sub(e.paidThroughPeriod).mul(e.monthlySalary);
            e.owed = e.owed.add(due);
            e.paidThroughPeriod = period;
        }
    }
}
