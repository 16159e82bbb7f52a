pragma solidity ^0.4.24;

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

contract HarborPayrollDesk {
    using SafeMath for uint256;

    struct Employee {
        uint256 dailyRate;
        uint256 lastPaidAt;
        uint256 advance;
        bool active;
    }

    address public employer;
    uint256 public treasury;
    uint256 public constant MAX_ADVANCE_DAYS = 5;

    mapping(address => Employee) public staff;
    mapping(address => uint256) public unclaimed;

    event Funded(address indexed from, uint256 amount);
    event EmployeeAdded(address indexed who, uint256 dailyRate);
    event RateChanged(address indexed who, uint256 dailyRate);
    event AdvanceTaken(address indexed who, uint256 amount);
    event SalaryPaid(address indexed who, uint256 gross, uint256 net);
    event PayWithdrawn(address indexed who, uint256 amount);

    modifier onlyEmployer() {
        require(msg.sender == employer, "employer only");
        _;
    }

    modifier onlyStaff() {
        require(staff[msg.sender].active, "not on payroll");
        _;
    }

    constructor() public {
        employer = msg.sender;
    }

    function fund() external payable {
        treasury += msg.value;
        emit Funded(msg.sender, msg.value);
    }

    function addEmployee(address who, uint256 dailyRate) external onlyEmployer {
        require(who != address(0) && !staff[who].active, "bad employee");
        staff[who] = Employee(dailyRate, now, 0, true);
        emit EmployeeAdded(who, dailyRate);
    }

    function changeRate(address who, uint256 dailyRate) external onlyEmployer {
        require(staff[who].active, "not on payroll");
        _settle(who);
        staff[who].dailyRate = dailyRate;
        emit RateChanged(who, dailyRate);
    }

    function takeAdvance(uint256 amount) external onlyStaff {
        Employee storage e = staff[msg.sender];
        uint256 limit = e.dailyRate.mul(MAX_ADVANCE_DAYS);
        uint256 newAdvance = e.advance.add(amount);
        require(newAdvance <= limit, "advance limit");
        treasury = treasury.sub(amount);
        e.advance = newAdvance;
        msg.sender.transfer(amount);
        emit AdvanceTaken(msg.sender, amount);
    }

    function claimSalary() external onlyStaff {
        _settle(msg.sender);
    }

    function withdrawPay() external {
        uint256 amount = unclaimed[msg.sender];
        require(amount > 0, "nothing owed");
        unclaimed[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit PayWithdrawn(msg.sender, amount);
    }

    function dismiss(address who) external onlyEmployer {
        require(staff[who].active, "not on payroll");
        _settle(who);
        staff[who].active = false;
    }

    function owedTo(address who) public view returns (uint256 gross, uint256 fullDays) {
        Employee storage e = staff[who];
        fullDays = now.sub(e.lastPaidAt) / 1 days;
        gross = fullDays.mul(e.dailyRate);
    }

    function _settle(address who) internal {
        Employee storage e = staff[who];
        (uint256 gross, uint256 fullDays) = owedTo(who);
        if (fullDays == 0) {
            return;
        }
        e.lastPaidAt = e.lastPaidAt.add(fullDays.mul(1 days));

        uint256 net = 0;
        if (gross > e.advance) {
            net = gross.sub(e.advance);
            e.advance = 0;
        } else {
            e.advance = e.advance.sub(gross);
        }

        if (net > 0) {
            treasury = treasury.sub(net);
            unclaimed[who] = unclaimed[who].add(net);
        }
        emit SalaryPaid(who, gross, net);
    }

    function reclaim(uint256 amount) external onlyEmployer {
        treasury = treasury.sub(amount);
        employer.transfer(amount);
    }
}
