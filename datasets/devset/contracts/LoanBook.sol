// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract LoanBook {
    enum State { Requested, Active, Repaid, Liquidated, Withdrawn }

    struct Loan {
        address borrower;
        address lender;
        uint256 collateral;
        uint256 principal;
        uint256 interest;
        uint256 duration;
        uint256 dueAt;
        State state;
    }

    uint256 public constant GRACE = 3 days;
    uint256 public constant LIQUIDATION_FEE_BPS = 500;

    address public desk;
    uint256 public loanCount;
    uint256 public fees;

    mapping(uint256 => Loan) public loans;
    mapping(address => uint256) public claimable;

    event Requested(uint256 indexed id, address indexed borrower, uint256 collateral, uint256 principal);
    event Funded(uint256 indexed id, address indexed lender);
    event Repaid(uint256 indexed id);
    event Liquidated(uint256 indexed id, address indexed lender, uint256 seized, uint256 surplus);

    constructor() {
        desk = msg.sender;
    }

    function request(uint256 principal, uint256 interest, uint256 durationDays) external payable returns (uint256 id) {
        require(msg.value > 0 && principal > 0, "amounts");
        require(durationDays >= 7 && durationDays <= 365, "duration");
        id = ++loanCount;
        loans[id] = Loan(msg.sender, address(0), msg.value, principal, interest, durationDays * 1 days, 0, State.Requested);
        emit Requested(id, msg.sender, msg.value, principal);
    }

    function withdrawRequest(uint256 id) external {
        Loan storage l = loans[id];
        require(l.borrower == msg.sender && l.state == State.Requested, "not withdrawable");
        l.state = State.Withdrawn;
        payable(msg.sender).transfer(l.collateral);
    }

    function fund(uint256 id) external payable {
        Loan storage l = loans[id];
        require(l.state == State.Requested, "not open");
        require(msg.value == l.principal, "principal");
        l.lender = msg.sender;
        l.state = State.Active;
        l.dueAt = block.timestamp + l.duration;
        payable(l.borrower).transfer(msg.value);
        emit Funded(id, msg.sender);
    }

    function repay(uint256 id) external payable {
        Loan storage l = loans[id];
        require(l.state == State.Active && msg.sender == l.borrower, "not active");
        require(msg.value == l.principal + l.interest, "amount");
        l.state = State.Repaid;
        claimable[l.lender] += msg.value;
        payable(l.borrower).transfer(l.collateral);
        emit Repaid(id);
    }

    function claimRepayment() external {
        uint256 amount = claimable[msg.sender];
        require(amount > 0, "nothing");
        claimable[msg.sender] = 0;
        payable(msg.sender).transfer(amount);
    }

    function liquidate(uint256 id) external {
        Loan storage l = loans[id];
        require(l.state == State.Active && msg.sender == l.lender, "not liquidatable");
        require(block.timestamp > l.dueAt + GRACE, "not overdue");
        l.state = State.Liquidated;
        uint256 owed = l.principal + l.interest;
        uint256 seized = l.collateral < owed ? l.collateral : owed;
        uint256 surplus = l.collateral - seized;
        uint256 fee = (seized * LIQUIDATION_FEE_BPS) / 10_000;
        fees += fee;
        _returnSurplus(l.borrower, surplus);
        payable(l.lender).transfer(seized - fee);
        emit Liquidated(id, l.lender, seized, surplus);
    }

    function _returnSurplus(address borrower, uint256 surplus) internal {
        if (surplus == 0) {
            return;
        }
        (bool ok, ) = payable(borrower).call{value: surplus}("");
        require(ok, "surplus refund failed");
    }

    function collectFees() external {
        require(msg.sender == desk, "desk only");
        uint256 amount = fees;
        fees = 0;
        payable(desk).transfer(amount);
    }
}
