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

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "mul");
        return c;
    }
}

contract PayrollStorage {
    struct Employee {
        uint256 monthlyRate;
        uint256 accrued;
        uint256 lastAccrual;
        bool active;
    }

    address public admin;
    address public logic;
    uint256 public totalLiability;
    mapping(address => Employee) public employees;

    event EmployeeAdded(address indexed employee, uint256 monthlyRate);
    event SalaryAccrued(address indexed employee, uint256 amount);
    event SalaryPaid(address indexed employee, uint256 amount);
    event Funded(address indexed from, uint256 amount);
}

contract PayrollLogic is PayrollStorage {
    using SafeMath for uint256;

    uint256 internal constant MONTH = 30 days;

    function addEmployee(address who, uint256 rate) external {
        require(!employees[who].active, "exists");
        employees[who] = Employee(rate, 0, now, true);
        emit EmployeeAdded(who, rate);
    }

    function accrue(address who) external {
        Employee storage e = employees[who];
        require(e.active, "not active");
        uint256 months = now.sub(e.lastAccrual) / MONTH;
        if (months == 0) {
            return;
        }
        uint256 amount = months.mul(e.monthlyRate);
        e.accrued = e.accrued.add(amount);
        e.lastAccrual = e.lastAccrual.add(months.mul(MONTH));
        totalLiability = totalLiability.add(amount);
        emit SalaryAccrued(who, amount);
    }

    function payout(address payable to, uint256 amount) external {
        Employee storage e = employees[to];
        e.accrued = e.accrued.sub(amount);
        totalLiability = totalLiability.sub(amount);
        to.transfer(amount);
        emit SalaryPaid(to, amount);
    }
}

contract PayrollDesk is PayrollStorage {
    modifier onlyAdmin() {
        require(msg.sender == admin, "not admin");
        _;
    }

    modifier onlyEmployee() {
        require(employees[msg.sender].active, "not employee");
        _;
    }

    constructor(address _logic) public {
        admin = msg.sender;
        logic = _logic;
    }

    function () external payable {
        emit Funded(msg.sender, msg.value);
    }

    function addEmployee(address who, uint256 rate) external onlyAdmin {
        _delegate(abi.encodeWithSignature("addEmployee(address,uint256)", who, rate));
    }

    function claimSalary() external onlyEmployee {
        _delegate(abi.encodeWithSignature("accrue(address)", msg.sender));
        uint256 amount = employees[msg.sender].accrued;
        require(amount > 0, "nothing accrued");
        require(address(this).balance >= amount, "desk underfunded");
        _delegate(abi.encodeWithSignature("payout(address,uint256)", msg.sender, amount));
    }

    function runLogic(bytes calldata data) external onlyEmployee {
        (bool ok, ) = logic.delegatecall(data);
        require(ok, "logic call failed");
    }

    function pendingOf(address who) external view returns (uint256 accrued, uint256 lastAccrual) {
        Employee storage e = employees[who];
        return (e.accrued, e.lastAccrual);
    }

    function setAdmin(address newAdmin) external onlyAdmin {
        require(newAdmin != address(0), "zero admin");
        admin = newAdmin;
    }

    function _delegate(bytes memory data) internal {
        (bool ok, ) = logic.delegatecall(data);
        require(ok, "logic call failed");
    }
}
