// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

abstract contract CreditStorage {
    struct CreditLine {
        uint256 limit;
        uint256 principal;
        uint256 indexAtDraw;
    }

    uint256 public borrowIndex = 1e18;
    uint256 public lastAccrual;
    uint256 public ratePerYear;
    uint256 public reserves;
    uint256 public totalDeposits;
    uint256 public totalBorrowed;

    mapping(address => uint256) public deposits;
    mapping(address => CreditLine) public lines;
}

contract InterestModule is CreditStorage {
    function accrue() external {
        uint256 elapsedDays = (block.timestamp - lastAccrual) / 1 days;
        if (elapsedDays == 0) {
            return;
        }
        lastAccrual += elapsedDays * 1 days;
        if (totalBorrowed == 0) {
            return;
        }
        uint256 factor = (ratePerYear * elapsedDays) / 365;
        uint256 interest = (totalBorrowed * factor) / 1e18;
        borrowIndex += (borrowIndex * factor) / 1e18;
        totalBorrowed += interest;
        reserves += interest;
    }
}

contract CreditUnionDesk is CreditStorage {
    address public immutable interestModule;
    address public manager;

    event Deposited(address indexed member, uint256 amount);
    event Withdrawn(address indexed member, uint256 amount);
    event LineGranted(address indexed borrower, uint256 limit);
    event Drawn(address indexed borrower, uint256 amount);
    event Repaid(address indexed borrower, uint256 amount);

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    modifier accrues() {
        (bool ok, ) = interestModule.delegatecall(abi.encodeWithSelector(InterestModule.accrue.selector));
        require(ok, "accrual failed");
        _;
    }

    constructor(address module, uint256 annualRate) {
        require(module.code.length > 0, "module has no code");
        require(annualRate <= 0.5e18, "rate too high");
        interestModule = module;
        manager = msg.sender;
        ratePerYear = annualRate;
        lastAccrual = block.timestamp;
    }

    function deposit() external payable accrues {
        require(msg.value > 0, "zero");
        deposits[msg.sender] += msg.value;
        totalDeposits += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw(uint256 amount) external accrues {
        require(amount <= deposits[msg.sender], "exceeds deposit");
        require(amount <= address(this).balance, "funds on loan");
        deposits[msg.sender] -= amount;
        totalDeposits -= amount;
        (bool sent, ) = payable(msg.sender).call{value: amount}("");
        require(sent, "send failed");
        emit Withdrawn(msg.sender, amount);
    }

    function grantLine(address borrower, uint256 limit) external onlyManager {
        lines[borrower].limit = limit;
        emit LineGranted(borrower, limit);
    }

    function owed(address borrower) public view returns (uint256) {
        CreditLine storage line = lines[borrower];
        if (line.principal == 0) {
            return 0;
        }
        return (line.principal * borrowIndex) / line.indexAtDraw;
    }

    function draw(uint256 amount) external accrues {
        CreditLine storage line = lines[msg.sender];
        uint256 current = owed(msg.sender);
        require(current + amount <= line.limit, "over limit");
        line.principal = current + amount;
        line.indexAtDraw = borrowIndex;
        totalBorrowed += amount;
        (bool sent, ) = payable(msg.sender).call{value: amount}("");
        require(sent, "send failed");
        emit Drawn(msg.sender, amount);
    }

    function repay() external payable accrues {
        CreditLine storage line = lines[msg.sender];
        uint256 current = owed(msg.sender);
        require(msg.value > 0 && msg.value <= current, "bad repayment");
        line.principal = current - msg.value;
        line.indexAtDraw = borrowIndex;
        totalBorrowed = totalBorrowed > msg.value ? totalBorrowed - msg.value : 0;
        emit Repaid(msg.sender, msg.value);
    }
}
