pragma solidity 0.4.25;

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
}

contract ToolLendingLibrary {
    using SafeMath for uint256;

    struct Tool {
        string name;
        uint256 collateral;
        uint256 lateFeePerDay;
        address borrower;
        uint256 dueAt;
        bool retired;
    }

    address public librarian;
    uint256 public earnings;
    uint256 public constant MAX_LOAN_DAYS = 14;
    uint256 public constant ABANDON_AFTER = 30 days;

    Tool[] public tools;
    mapping(address => uint256) public refunds;
    mapping(address => uint256) public activeLoans;

    event ToolAdded(uint256 indexed toolId, string name, uint256 collateral);
    event Borrowed(uint256 indexed toolId, address indexed borrower, uint256 dueAt);
    event Returned(uint256 indexed toolId, address indexed borrower, uint256 lateFee);
    event Abandoned(uint256 indexed toolId, address indexed borrower);
    event Refunded(address indexed account, uint256 amount);

    modifier onlyLibrarian() {
        require(msg.sender == librarian);
        _;
    }

    constructor() public {
        librarian = msg.sender;
    }

    function addTool(string name, uint256 collateral, uint256 lateFeePerDay) external onlyLibrarian {
        require(collateral > 0);
        tools.push(Tool(name, collateral, lateFeePerDay, address(0), 0, false));
        emit ToolAdded(tools.length - 1, name, collateral);
    }

    function retireTool(uint256 toolId) external onlyLibrarian {
        Tool storage t = tools[toolId];
        require(t.borrower == address(0));
        t.retired = true;
    }

    function borrow(uint256 toolId, uint256 loanDays) external payable {
        Tool storage t = tools[toolId];
        require(!t.retired && t.borrower == address(0));
        require(loanDays >= 1 && loanDays <= MAX_LOAN_DAYS);
        require(activeLoans[msg.sender] < 3);
        require(msg.value == t.collateral);
        t.borrower = msg.sender;
        t.dueAt = now.add(loanDays.mul(1 days));
        activeLoans[msg.sender] = activeLoans[msg.sender].add(1);
        emit Borrowed(toolId, msg.sender, t.dueAt);
    }

    function checkIn(uint256 toolId) external onlyLibrarian {
        Tool storage t = tools[toolId];
        address borrower = t.borrower;
        require(borrower != address(0));
        uint256 fee = lateFee(toolId);
        t.borrower = address(0);
        t.dueAt = 0;
        activeLoans[borrower] = activeLoans[borrower].sub(1);
        earnings = earnings.add(fee);
        refunds[borrower] = refunds[borrower].add(t.collateral.sub(fee));
        emit Returned(toolId, borrower, fee);
    }

    function lateFee(uint256 toolId) public view returns (uint256) {
        Tool storage t = tools[toolId];
        if (t.borrower == address(0) || now <= t.dueAt) {
            return 0;
        }
        uint256 daysLate = now.sub(t.dueAt) / 1 days;
        uint256 fee = daysLate.mul(t.lateFeePerDay);
        return fee > t.collateral ? t.collateral : fee;
    }

    function markAbandoned(uint256 toolId) external onlyLibrarian {
        Tool storage t = tools[toolId];
        address borrower = t.borrower;
        require(borrower != address(0));
        require(now >= t.dueAt.add(ABANDON_AFTER));
        t.borrower = address(0);
        t.retired = true;
        activeLoans[borrower] = activeLoans[borrower].sub(1);
        earnings = earnings.add(t.collateral);
        emit Abandoned(toolId, borrower);
    }

    function claimRefund() external {
        uint256 amount = refunds[msg.sender];
        require(amount > 0);
        refunds[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit Refunded(msg.sender, amount);
    }

    function withdrawEarnings(uint256 amount) external onlyLibrarian {
        require(amount <= earnings);
        earnings = earnings.sub(amount);
        librarian.transfer(amount);
    }
}
