// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

abstract contract TwoStepOwned {
    address public owner;
    address public pendingOwner;

    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        pendingOwner = newOwner;
        emit OwnershipTransferStarted(owner, newOwner);
    }

    function acceptOwnership() external {
        require(msg.sender == pendingOwner, "not pending owner");
        emit OwnershipTransferred(owner, msg.sender);
        owner = msg.sender;
        pendingOwner = address(0);
    }
}

contract TeamPayroll is TwoStepOwned {
    uint256 public constant MAX_STAFF = 50;

    struct Employee {
        uint256 dailyWage;
        uint256 lastAccrual;
        uint256 owed;
        bool active;
    }

    address[] public staff;
    mapping(address => Employee) public employees;

    event Hired(address indexed employee, uint256 dailyWage);
    event WageRaised(address indexed employee, uint256 dailyWage);
    event Terminated(address indexed employee, uint256 owed);
    event Funded(address indexed from, uint256 amount);
    event SalaryPaid(address indexed employee, uint256 amount);

    receive() external payable {
        emit Funded(msg.sender, msg.value);
    }

    function hire(address employee, uint256 dailyWage) external onlyOwner {
        require(employee != address(0), "zero address");
        require(dailyWage > 0 && dailyWage <= 10 ether, "wage");
        Employee storage e = employees[employee];
        require(!e.active, "already employed");
        if (e.lastAccrual == 0) {
            require(staff.length < MAX_STAFF, "team full");
            staff.push(employee);
        }
        e.dailyWage = dailyWage;
        e.lastAccrual = block.timestamp;
        e.active = true;
        emit Hired(employee, dailyWage);
    }

    function raiseWage(address employee, uint256 newDailyWage) external onlyOwner {
        Employee storage e = employees[employee];
        require(e.active, "not employed");
        require(newDailyWage > e.dailyWage && newDailyWage <= 10 ether, "wage");
        _accrue(e);
        e.dailyWage = newDailyWage;
        emit WageRaised(employee, newDailyWage);
    }

    function terminate(address employee) external onlyOwner {
        Employee storage e = employees[employee];
        require(e.active, "not employed");
        _accrue(e);
        e.active = false;
        emit Terminated(employee, e.owed);
    }

    function withdrawSalary() external {
        Employee storage e = employees[msg.sender];
        if (e.active) {
            _accrue(e);
        }
        uint256 amount = e.owed;
        if (amount > address(this).balance) {
            amount = address(this).balance;
        }
        require(amount > 0, "nothing to pay");
        e.owed -= amount;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "payment failed");
        emit SalaryPaid(msg.sender, amount);
    }

    function totalOwed() public view returns (uint256 total) {
        for (uint256 i = 0; i < staff.length; i++) {
            Employee storage e = employees[staff[i]];
            total += e.owed;
            if (e.active) {
                total += ((block.timestamp - e.lastAccrual) / 1 days) * e.dailyWage;
            }
        }
    }

    function withdrawSurplus(uint256 amount) external onlyOwner {
        uint256 owedNow = totalOwed();
        require(address(this).balance >= owedNow + amount, "would underfund payroll");
        (bool ok, ) = payable(owner).call{value: amount}("");
        require(ok, "transfer failed");
    }

    function _accrue(Employee storage e) internal {
        uint256 fullDays = (block.timestamp - e.lastAccrual) / 1 days;
        if (fullDays > 0) {
            e.owed += fullDays * e.dailyWage;
            e.lastAccrual += fullDays * 1 days;
        }
    }
}
