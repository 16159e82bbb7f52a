// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

abstract contract Administered {
    address public admin;
    address public pendingAdmin;

    event AdminProposed(address indexed candidate);
    event AdminAccepted(address indexed admin);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    constructor() {
        admin = msg.sender;
    }

    function proposeAdmin(address candidate) external onlyAdmin {
        pendingAdmin = candidate;
        emit AdminProposed(candidate);
    }

    function acceptAdmin() external {
        require(msg.sender == pendingAdmin, "not proposed");
        admin = pendingAdmin;
        pendingAdmin = address(0);
        emit AdminAccepted(admin);
    }
}

contract StreamingPayroll is Administered {
    struct Employee {
        uint256 ratePerDay;
        uint256 lastPaidAt;
        uint256 accrued;
        uint256 totalPaid;
        bool active;
    }

    uint256 public constant MAX_RATE = 1e20;

    IERC20 public immutable payToken;
    uint256 public headcount;
    mapping(address => Employee) public staff;

    event Hired(address indexed employee, uint256 rate, uint256 startedAt);
    event RateChanged(address indexed employee, uint256 oldRate, uint256 newRate);
    event Terminated(address indexed employee, uint256 finalAccrued);
    event SalaryWithdrawn(address indexed employee, uint256 amount);
    event Funded(address indexed from, uint256 amount);

    constructor(IERC20 token) {
        payToken = token;
    }

    function fund(uint256 amount) external {
        require(amount > 0, "zero");
        require(payToken.transferFrom(msg.sender, address(this), amount), "pull failed");
        emit Funded(msg.sender, amount);
    }

    function hire(address employee, uint256 rate) external onlyAdmin {
        require(employee != address(0), "zero address");
        require(rate > 0 && rate <= MAX_RATE, "rate");
        Employee storage e = staff[employee];
        require(!e.active, "already employed");
        e.ratePerDay = rate;
        e.lastPaidAt = block.timestamp;
        e.active = true;
        headcount += 1;
        emit Hired(employee, rate, block.timestamp);
    }

    function adjustRate(address employee, uint256 newRate) external onlyAdmin {
        require(newRate > 0 && newRate <= MAX_RATE, "rate");
        Employee storage e = staff[employee];
        require(e.active, "not employed");
        _accrue(e);
        emit RateChanged(employee, e.ratePerDay, newRate);
        e.ratePerDay = newRate;
    }

    function terminate(address employee) external onlyAdmin {
        Employee storage e = staff[employee];
        require(e.active, "not employed");
        _accrue(e);
        e.active = false;
        headcount -= 1;
        emit Terminated(employee, e.accrued);
    }

    function withdrawSalary() external {
        Employee storage e = staff[msg.sender];
        if (e.active) {
            _accrue(e);
        }
        uint256 amount = e.accrued;
        require(amount > 0, "nothing accrued");
        require(payToken.balanceOf(address(this)) >= amount, "payroll underfunded");
        e.accrued = 0;
        e.totalPaid += amount;
        require(payToken.transfer(msg.sender, amount), "transfer failed");
        emit SalaryWithdrawn(msg.sender, amount);
    }

    function owedTo(address employee) external view returns (uint256) {
        Employee storage e = staff[employee];
        if (!e.active) {
            return e.accrued;
        }
        return e.accrued + _pending(e);
    }

    function _accrue(Employee storage e) internal {
        e.accrued += _pending(e);
        e.lastPaidAt += _elapsedDays(e) * 1 days;
    }

    function _pending(Employee storage e) internal view returns (uint256) {
        return _elapsedDays(e) * e.ratePerDay;
    }

    function _elapsedDays(Employee storage e) internal view returns (uint256) {
        return (block.timestamp - e.lastPaidAt) / 1 days;
    }
}
