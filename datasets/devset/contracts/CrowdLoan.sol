pragma solidity ^0.4.24;

contract CrowdLoan {
    struct Pledge {
        uint256 amount;
        uint256 pledgedAt;
        bool refunded;
        uint256 repaymentClaimed;
    }

    address public borrower;
    uint256 public target;
    uint256 public deadline;
    uint256 public raised;
    uint256 public repaidTotal;
    bool public drawn;

    mapping(address => Pledge) public pledges;
    address[] public lenders;

    event Pledged(address indexed lender, uint256 amount);
    event Drawn(uint256 amount);
    event Refunded(address indexed lender, uint256 amount);
    event Repaid(uint256 amount);
    event RepaymentClaimed(address indexed lender, uint256 amount);

    modifier onlyBorrower() {
        require(msg.sender == borrower);
        _;
    }

    modifier afterDeadline() {
        require(now >= deadline);
        _;
    }

    constructor(uint256 _target, uint256 _durationDays) public {
        require(_target > 0);
        borrower = msg.sender;
        target = _target;
        deadline = now + _durationDays * 1 days;
    }

    function pledge() public payable {
        require(now < deadline);
        require(msg.value > 0);
        if (pledges[msg.sender].amount == 0) {
            lenders.push(msg.sender);
        }
        pledges[msg.sender].amount += msg.value;
        pledges[msg.sender].pledgedAt = now;
        raised += msg.value;
        emit Pledged(msg.sender, msg.value);
    }

    function draw() public onlyBorrower afterDeadline {
        require(raised >= target);
        require(!drawn);
        drawn = true;
        borrower.transfer(address(this).balance);
        emit Drawn(raised);
    }

    function claimRefund() public afterDeadline {
        require(raised < target);
        Pledge storage p = pledges[msg.sender];
        require(p.amount > 0 && !p.refunded);
        require(msg.sender.call.value(p.amount)());
        p.refunded = true;
        emit Refunded(msg.sender, p.amount);
    }

    function repay() public payable onlyBorrower {
        require(drawn);
        require(msg.value > 0);
        repaidTotal += msg.value;
        emit Repaid(msg.value);
    }

    function claimRepayment() public {
        require(drawn);
        Pledge storage p = pledges[msg.sender];
        require(p.amount > 0);
        uint256 entitled = repaidTotal * p.amount / raised;
        require(entitled > p.repaymentClaimed);
        uint256 due = entitled - p.repaymentClaimed;
        p.repaymentClaimed = entitled;
        msg.sender.transfer(due);
        emit RepaymentClaimed(msg.sender, due);
    }

    function lenderCount() public view returns (uint256) {
        return lenders.length;
    }

    function shareOf(address lender) public view returns (uint256) {
        if (raised == 0) {
            return 0;
        }
        return pledges[lender].amount * 10000 / raised;
    }
}
