pragma solidity 0.5.17;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }
}

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0), "zero owner");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract PayrollVault is Ownable {
    using SafeMath for uint256;

    struct Employee {
        address payable wallet;
        uint256 monthlySalary;
        uint256 startedAt;
        bool active;
    }

    Employee[] public staff;
    mapping(address => uint256) public staffIndex;
    uint256 public payrollTotal;
    uint256 public lastPayrollAt;
    uint256 public totalOwed;
    mapping(address => uint256) public owed;
    uint256 public constant PAY_PERIOD = 30 days;
    uint256 public constant MAX_STAFF = 150;

    event EmployeeAdded(address indexed wallet, uint256 monthlySalary);
    event SalaryChanged(address indexed wallet, uint256 monthlySalary);
    event EmployeeRemoved(address indexed wallet);
    event PayrollRun(uint256 indexed runAt, uint256 total, uint256 headcount);
    event Funded(address indexed from, uint256 amount);
    event SalaryClaimed(address indexed wallet, uint256 amount);

    function () external payable {
        emit Funded(msg.sender, msg.value);
    }

    function addEmployee(address payable wallet, uint256 monthlySalary) external onlyOwner {
        require(wallet != address(0), "zero wallet");
        require(staffIndex[wallet] == 0, "already employed");
        require(staff.length < MAX_STAFF, "staff full");
        staff.push(Employee(wallet, monthlySalary, now, true));
        staffIndex[wallet] = staff.length;
        payrollTotal = payrollTotal.add(monthlySalary);
        emit EmployeeAdded(wallet, monthlySalary);
    }

    function changeSalary(address wallet, uint256 monthlySalary) external onlyOwner {
        uint256 idx = staffIndex[wallet];
        require(idx != 0, "unknown");
        Employee storage e = staff[idx - 1];
        payrollTotal = payrollTotal.sub(e.monthlySalary).add(monthlySalary);
        e.monthlySalary = monthlySalary;
        emit SalaryChanged(wallet, monthlySalary);
    }

    function removeEmployee(address wallet) external onlyOwner {
        uint256 idx = staffIndex[wallet];
        require(idx != 0, "unknown");
        Employee storage e = staff[idx - 1];
        payrollTotal = payrollTotal.sub(e.monthlySalary);
        e.active = false;
        e.monthlySalary = 0;
        emit EmployeeRemoved(wallet);
    }

    function headcount() public view returns (uint256 count) {
        for (uint256 i = 0; i < staff.length; i++) {
            if (staff[i].active) {
                count = count.add(1);
            }
        }
    }

    function runPayroll() external {
        require(now >= lastPayrollAt.add(PAY_PERIOD), "too early");
        require(address(this).balance >= totalOwed.add(payrollTotal), "underfunded");
        lastPayrollAt = now;
        _paySalaries();
        emit PayrollRun(now, payrollTotal, staff.length);
    }

    function _paySalaries() internal {
        for (uint256 i = 0; i < staff.length; i++) {
            Employee storage e = staff[i];
            if (!e.active || e.monthlySalary == 0) {
                continue;
            }
            owed[e.wallet] = owed[e.wallet].add(e.monthlySalary);
            totalOwed = totalOwed.add(e.monthlySalary);
        }
    }

    function claimSalary() external {
        uint256 amount = owed[msg.sender];
        require(amount > 0, "nothing owed");
        owed[msg.sender] = 0;
        totalOwed = totalOwed.sub(amount);
        msg.sender.transfer(amount);
        emit SalaryClaimed(msg.sender, amount);
    }

    function withdrawSurplus(uint256 amount) external onlyOwner {
        require(amount <= address(this).balance.sub(payrollTotal).sub(totalOwed), "reserved");
        msg.sender.transfer(amount);
    }
}
