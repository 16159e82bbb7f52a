pragma solidity 0.5.17;

contract PayrollSplitter {
    struct Employee {
        address payable wallet;
        uint256 monthlySalary;
        bool active;
    }

    address public employer;
    uint256 public lastRun;
    uint256 public payPeriod = 30 days;
    uint256 public totalMonthly;

    Employee[] public staff;
    mapping(address => uint256) public staffIndex;

    event Hired(address indexed wallet, uint256 salary);
    event SalaryChanged(address indexed wallet, uint256 salary);
    event Dismissed(address indexed wallet);
    event PayrollRun(uint256 paidOut, uint256 headcount);

    modifier onlyEmployer() {
        require(msg.sender == employer, "employer only");
        _;
    }

    constructor() public {
        employer = msg.sender;
    }

    function () external payable {}

    function hire(address payable wallet, uint256 salary) external onlyEmployer {
        require(staffIndex[wallet] == 0, "already hired");
        require(salary > 0, "zero salary");
        staff.push(Employee(wallet, salary, true));
        staffIndex[wallet] = staff.length;
        totalMonthly += salary;
        emit Hired(wallet, salary);
    }

    function changeSalary(address wallet, uint256 salary) external onlyEmployer {
        uint256 idx = staffIndex[wallet];
        require(idx > 0, "unknown");
        Employee storage e = staff[idx - 1];
        require(e.active, "inactive");
        totalMonthly = totalMonthly - e.monthlySalary + salary;
        e.monthlySalary = salary;
        emit SalaryChanged(wallet, salary);
    }

    function dismiss(address wallet) external onlyEmployer {
        uint256 idx = staffIndex[wallet];
        require(idx > 0, "unknown");
        Employee storage e = staff[idx - 1];
        require(e.active, "inactive");
        e.active = false;
        totalMonthly -= e.monthlySalary;
        emit Dismissed(wallet);
    }

    function runPayroll() external {
        require(now >= lastRun + payPeriod, "too early");
        require(address(this).balance >= totalMonthly, "underfunded");
        lastRun = now;
        uint256 paid = 0;
        for (uint256 i = 0; i < staff.length; i++) {
            if (staff[i].active) {
                staff[i].wallet.transfer(staff[i].monthlySalary);
                paid += staff[i].monthlySalary;
            }
        }
        emit PayrollRun(paid, staff.length);
    }

    function headcount() external view returns (uint256 count) {
        for (uint256 i = 0; i < staff.length; i++) {
            if (staff[i].active) {
                count++;
            }
        }
    }
}
