// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract PayrollLedger {
    struct Employee {
        uint128 monthlySalary;
        uint64 hiredAt;
        uint32 periodsPaid;
        uint8 department;
        bool active;
    }

    uint256 public constant MAX_STAFF = 250;
    uint256 public constant PERIOD = 30 days;

    IERC20 public immutable payToken;
    address public employer;
    uint64 public lastRun;
    uint256 public treasury;

    address[] public staff;
    mapping(address => Employee) public employees;
    mapping(address => uint256) public claimable;

    event TreasuryFunded(uint256 amount);
    event Hired(address indexed employee, uint128 monthlySalary, uint8 department);
    event SalaryChanged(address indexed employee, uint128 monthlySalary);
    event Terminated(address indexed employee);
    event PayrollRun(uint256 total, uint64 at);
    event Claimed(address indexed employee, uint256 amount);

    modifier onlyEmployer() {
        require(msg.sender == employer, "employer only");
        _;
    }

    constructor(IERC20 token) {
        payToken = token;
        employer = msg.sender;
        lastRun = uint64(block.timestamp);
    }

    function fundTreasury(uint256 amount) external onlyEmployer {
        require(amount > 0, "zero amount");
        treasury += amount;
        require(payToken.transferFrom(msg.sender, address(this), amount), "transfer failed");
        emit TreasuryFunded(amount);
    }

    function hire(address who, uint128 monthlySalary, uint8 department) external onlyEmployer {
        require(who != address(0), "zero address");
        require(employees[who].hiredAt == 0, "already on staff");
        require(staff.length < MAX_STAFF, "staff list full");
        employees[who] = Employee(monthlySalary, uint64(block.timestamp), 0, department, true);
        staff.push(who);
        emit Hired(who, monthlySalary, department);
    }

    function changeSalary(address who, uint128 monthlySalary) external onlyEmployer {
        require(employees[who].active, "not employed");
        employees[who].monthlySalary = monthlySalary;
        emit SalaryChanged(who, monthlySalary);
    }

    function terminate(address who) external onlyEmployer {
        require(employees[who].active, "not employed");
        employees[who].active = false;
        emit Terminated(who);
    }

    function monthlyTotal() public view returns (uint256 total) {
        uint256 n = staff.length;
        for (uint256 i = 0; i < n; ) {
            Employee storage e = employees[staff[i]];
            if (e.active) {
                total += e.monthlySalary;
            }
            unchecked {
                ++i;
            }
        }
    }

    function runPayroll() external onlyEmployer {
        require(block.timestamp >= lastRun + PERIOD, "period not over");
        uint256 total = monthlyTotal();
        require(treasury >= total, "treasury short");
        unchecked {
            treasury -= total;
        }

        uint256 n = staff.length;
        for (uint256 i = 0; i < n; ) {
            address who = staff[i];
            Employee storage e = employees[who];
            if (e.active) {
                claimable[who] += e.monthlySalary;
                e.periodsPaid += 1;
            }
            unchecked {
                ++i;
            }
        }
        lastRun = uint64(block.timestamp);
        emit PayrollRun(total, lastRun);
    }

    function claim(uint256 amount) external {
        uint256 available = claimable[msg.sender];
        require(amount > 0 && available >= amount, "amount unavailable");
        unchecked {
            claimable[msg.sender] = available - amount;
        }
        require(payToken.transfer(msg.sender, amount), "transfer failed");
        emit Claimed(msg.sender, amount);
    }

    function withdrawSurplus(uint256 amount) external onlyEmployer {
        require(amount <= treasury, "more than surplus");
        unchecked {
            treasury -= amount;
        }
        require(payToken.transfer(employer, amount), "transfer failed");
    }

    function staffCount() external view returns (uint256) {
        return staff.length;
    }
}
