pragma solidity ^0.5.0;

interface IERC20 {
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

contract PawnDesk {
    struct Loan {
        uint256 collateral;
        uint64 owed;
        uint64 dueDate;
        uint32 loansTaken;
        bool open;
    }

    uint256 public constant LTV_PCT = 50;
    uint256 public constant FEE_PCT = 4;
    uint256 public constant TERM = 30 days;

    IERC20 public collateralToken;
    uint256 public weiPerToken;
    address payable public owner;
    mapping(address => Loan) public loans;

    event DeskFunded(uint256 amount);
    event CollateralAdded(address indexed borrower, uint256 amount);
    event CollateralReturned(address indexed borrower, uint256 amount);
    event Borrowed(address indexed borrower, uint256 amount, uint64 owed, uint64 dueDate);
    event Repaid(address indexed borrower, uint256 amount);
    event Seized(address indexed borrower, uint256 collateral);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor(IERC20 _collateralToken, uint256 _weiPerToken) public {
        require(_weiPerToken > 0, "no valuation");
        collateralToken = _collateralToken;
        weiPerToken = _weiPerToken;
        owner = msg.sender;
    }

    function fundDesk() external payable onlyOwner {
        emit DeskFunded(msg.value);
    }

    function addCollateral(uint256 amount) external {
        require(amount > 0, "zero amount");
        loans[msg.sender].collateral += amount;
        require(collateralToken.transferFrom(msg.sender, address(this), amount), "transfer failed");
        emit CollateralAdded(msg.sender, amount);
    }

    function borrowLimit(address borrower) public view returns (uint256) {
        return loans[borrower].collateral * weiPerToken / 1e18 * LTV_PCT / 100;
    }

    function borrow(uint256 amount) external {
        Loan storage l = loans[msg.sender];
        require(!l.open, "loan already open");
        require(amount > 0, "zero amount");
        require(amount <= borrowLimit(msg.sender), "above borrow limit");
        require(amount <= address(this).balance, "desk has no liquidity");

        uint256 fee = amount * FEE_PCT / 100;
        require(amount + fee <= uint64(-1), "amount too large");
        l.owed = uint64(amount + fee);
        l.dueDate = uint64(now + TERM);
        l.loansTaken += 1;
        l.open = true;

        msg.sender.transfer(amount);
        emit Borrowed(msg.sender, amount, l.owed, l.dueDate);
    }

    function repay() external payable {
        Loan storage l = loans[msg.sender];
        require(l.open, "no open loan");
        require(msg.value == l.owed, "must repay exact amount");
        l.open = false;
        l.owed = 0;
        emit Repaid(msg.sender, msg.value);
    }

    function withdrawCollateral() external {
        Loan storage l = loans[msg.sender];
        require(!l.open, "repay loan first");
        uint256 amount = l.collateral;
        require(amount > 0, "nothing deposited");
        l.collateral = 0;
        require(collateralToken.transfer(msg.sender, amount), "transfer failed");
        emit CollateralReturned(msg.sender, amount);
    }

    function seize(address borrower) external onlyOwner {
        Loan storage l = loans[borrower];
        require(l.open, "no open loan");
        require(now > l.dueDate + 7 days, "grace period running");
        uint256 amount = l.collateral;
        l.collateral = 0;
        l.owed = 0;
        l.open = false;
        require(collateralToken.transfer(owner, amount), "transfer failed");
        emit Seized(borrower, amount);
    }

    function withdrawProfit(uint256 amount) external onlyOwner {
        require(amount <= address(this).balance, "insufficient balance");
        owner.transfer(amount);
    }
}
