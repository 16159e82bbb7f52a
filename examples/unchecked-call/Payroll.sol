pragma solidity ^0.4.24;

/// @title Payroll
/// @notice Company payroll. The employer funds the contract, opens a new
///         pay period every month and each registered employee receives one
///         salary per period, either by claiming it or by being paid out.
contract Payroll {
    struct Employee {
        uint256 salary;
        uint256 lastPaidPeriod;
        bool active;
    }

    address public employer;
    uint256 public currentPeriod;
    mapping(address => Employee) public employees;
    uint256 public headcount;

    event EmployeeAdded(address indexed who, uint256 salary);
    event EmployeeRemoved(address indexed who);
    event PeriodOpened(uint256 period);
    event SalaryPaid(address indexed who, uint256 period, uint256 amount);
    event Funded(uint256 amount);

    modifier onlyEmployer() {
        require(msg.sender == employer, "only employer");
        _;
    }

    constructor() public {
        employer = msg.sender;
        currentPeriod = 1;
    }

    function fund() public payable onlyEmployer {
        require(msg.value > 0, "no funds");
        emit Funded(msg.value);
    }

    function addEmployee(address who, uint256 salary) public onlyEmployer {
        require(who != address(0), "zero address");
        require(!employees[who].active, "already employed");
        employees[who] = Employee(salary, currentPeriod - 1, true);
        headcount += 1;
        emit EmployeeAdded(who, salary);
    }

    function removeEmployee(address who) public onlyEmployer {
        require(employees[who].active, "not employed");
        employees[who].active = false;
        headcount -= 1;
        emit EmployeeRemoved(who);
    }

    function openPeriod() public onlyEmployer {
        currentPeriod += 1;
        emit PeriodOpened(currentPeriod);
    }

    function claimSalary() public {
        Employee storage e = employees[msg.sender];
        require(e.active, "not employed");
        require(e.lastPaidPeriod < currentPeriod, "already paid");
        require(address(this).balance >= e.salary, "underfunded");
        e.lastPaidPeriod = currentPeriod;
        msg.sender.transfer(e.salary);
        emit SalaryPaid(msg.sender, currentPeriod, e.salary);
    }

    function paySalary(address who) public onlyEmployer {
        Employee storage e = employees[who];
        require(e.active, "not employed");
        require(e.lastPaidPeriod < currentPeriod, "already paid");
        require(address(this).balance >= e.salary, "underfunded");
        e.lastPaidPeriod = currentPeriod;
        who.send(e.salary);
        emit SalaryPaid(who, currentPeriod, e.salary);
    }

    function reclaim(uint256 amount) public onlyEmployer {
        require(amount <= address(this).balance, "too much");
        employer.transfer(amount);
    }
}
