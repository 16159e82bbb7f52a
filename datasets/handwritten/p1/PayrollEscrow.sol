pragma solidity 0.5.12;

contract PayrollEscrow {
    struct Employer {
        string companyName;
        uint256 funds;
        uint256 payrollsRun;
        bool registered;
    }

    struct Payslip {
        address employer;
        address payable employee;
        uint256 amount;
        uint64 period;
        uint64 issuedAt;
        bool settled;
    }

    uint256 public constant MAX_BATCH = 40;
    uint256 public constant VOID_AFTER = 60 days;

    mapping(address => Employer) public employers;
    Payslip[] public payslips;

    event EmployerRegistered(address indexed employer, string companyName);
    event Funded(address indexed employer, uint256 amount);
    event FundsReleased(address indexed employer, uint256 amount);
    event PayrollRun(address indexed employer, uint64 indexed period, uint256 staffCount, uint256 total);
    event PayslipIssued(uint256 indexed slipId, address indexed employee, uint256 amount, uint64 period);
    event PayslipClaimed(uint256 indexed slipId, address indexed employee, uint256 amount);
    event PayslipVoided(uint256 indexed slipId, address indexed employer, uint256 amount);

    modifier onlyEmployer() {
        require(employers[msg.sender].registered, "unknown employer");
        _;
    }

    function register(string calldata companyName) external {
        Employer storage e = employers[msg.sender];
        require(!e.registered, "already registered");
        require(bytes(companyName).length > 0, "name required");
        e.companyName = companyName;
        e.registered = true;
        emit EmployerRegistered(msg.sender, companyName);
    }

    function fund() external payable onlyEmployer {
        require(msg.value > 0, "no value");
        employers[msg.sender].funds += msg.value;
        emit Funded(msg.sender, msg.value);
    }

    function releaseFunds(uint256 amount) external onlyEmployer {
        Employer storage e = employers[msg.sender];
        require(amount > 0 && amount <= e.funds, "bad amount");
        e.funds -= amount;
        emit FundsReleased(msg.sender, amount);
        msg.sender.transfer(amount);
    }

    function runPayroll(uint64 period, address payable[] calldata staff, uint256[] calldata amounts)
        external
        onlyEmployer
    {
        require(staff.length > 0 && staff.length <= MAX_BATCH, "bad batch");
        require(staff.length == amounts.length, "length mismatch");

        uint256 total = 0;
        for (uint256 i = 0; i < amounts.length; i++) {
            require(staff[i] != address(0), "zero employee");
            require(amounts[i] > 0, "zero amount");
            total += amounts[i];
        }

        Employer storage e = employers[msg.sender];
        require(total <= e.funds, "insufficient funds");
        e.funds -= total;
        e.payrollsRun += 1;

        for (uint256 j = 0; j < staff.length; j++) {
            payslips.push(Payslip(msg.sender, staff[j], amounts[j], period, uint64(now), false));
            emit PayslipIssued(payslips.length - 1, staff[j], amounts[j], period);
        }
        emit PayrollRun(msg.sender, period, staff.length, total);
    }

    function claim(uint256 slipId) external {
        require(slipId < payslips.length, "unknown slip");
        Payslip storage slip = payslips[slipId];
        require(slip.employee == msg.sender, "not your slip");
        require(!slip.settled, "already settled");
        slip.settled = true;
        emit PayslipClaimed(slipId, msg.sender, slip.amount);
        slip.employee.transfer(slip.amount);
    }

    function voidStale(uint256 slipId) external onlyEmployer {
        require(slipId < payslips.length, "unknown slip");
        Payslip storage slip = payslips[slipId];
        require(slip.employer == msg.sender, "not your slip");
        require(!slip.settled, "already settled");
        require(now >= uint256(slip.issuedAt) + VOID_AFTER, "too early");
        slip.settled = true;
        emit PayslipVoided(slipId, msg.sender, slip.amount);
        msg.sender.transfer(slip.amount);
    }

    function payslipCount() external view returns (uint256) {
        return payslips.length;
    }

    function fundsOf(address employer) external view returns (uint256) {
        return employers[employer].funds;
    }
}
