pragma solidity ^0.5.0;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "SafeMath: addition");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "SafeMath: subtraction");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "SafeMath: multiplication");
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0, "SafeMath: division by zero");
        return a / b;
    }
}

contract ShareRegistry {
    using SafeMath for uint256;

    uint256 public constant MAX_HOLDERS = 120;

    address payable[] internal holders;
    mapping(address => uint256) public sharesOf;
    uint256 public totalShares;
    mapping(address => uint256) public dividendOwed;

    event SharesIssued(address indexed member, uint256 amount);
    event DividendPaid(address indexed member, uint256 amount);

    function holderCount() public view returns (uint256) {
        return holders.length;
    }

    function _issue(address payable member, uint256 amount) internal {
        if (sharesOf[member] == 0) {
            require(holders.length < MAX_HOLDERS, "register full");
            holders.push(member);
        }
        sharesOf[member] = sharesOf[member].add(amount);
        totalShares = totalShares.add(amount);
        emit SharesIssued(member, amount);
    }

    function _payDividends(uint256 pot) internal {
        for (uint256 i = 0; i < holders.length; i++) {
            address payable member = holders[i];
            uint256 amount = pot.mul(sharesOf[member]).div(totalShares);
            if (amount == 0) {
                continue;
            }
            dividendOwed[member] = dividendOwed[member].add(amount);
        }
    }

    function withdrawDividend() external {
        uint256 amount = dividendOwed[msg.sender];
        require(amount > 0, "nothing owed");
        dividendOwed[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit DividendPaid(msg.sender, amount);
    }
}

contract CoopDividends is ShareRegistry {
    address payable public board;
    uint256 public sharePrice;
    uint256 public capitalRaised;
    uint256 public profitPool;
    uint256 public lastDeclaredAt;
    uint256 public constant QUARTER = 90 days;
    uint256 public constant BOOK_CLOSE = 7 days;

    event RevenueRecorded(address indexed from, uint256 amount);
    event DividendDeclared(uint256 pot, uint256 holderCount);
    event CapitalDrawn(uint256 amount);

    modifier onlyBoard() {
        require(msg.sender == board, "board only");
        _;
    }

    constructor(uint256 _sharePrice) public {
        require(_sharePrice > 0, "price");
        board = msg.sender;
        sharePrice = _sharePrice;
        lastDeclaredAt = now;
    }

    function buyShares(uint256 amount) external payable {
        require(amount > 0, "amount");
        require(now < lastDeclaredAt.add(QUARTER).sub(BOOK_CLOSE), "books closed");
        require(msg.value == sharePrice.mul(amount), "wrong payment");
        capitalRaised = capitalRaised.add(msg.value);
        _issue(msg.sender, amount);
    }

    function recordRevenue() external payable {
        require(msg.value > 0, "empty");
        profitPool = profitPool.add(msg.value);
        emit RevenueRecorded(msg.sender, msg.value);
    }

    function declareDividend() external {
        require(now >= lastDeclaredAt.add(QUARTER), "quarter not over");
        require(totalShares > 0 && profitPool > 0, "nothing to share");
        uint256 pot = profitPool;
        lastDeclaredAt = now;
        profitPool = 0;
        _payDividends(pot);
        emit DividendDeclared(pot, holders.length);
    }

    function drawCapital(uint256 amount) external onlyBoard {
        require(amount <= capitalRaised, "exceeds capital");
        capitalRaised = capitalRaised.sub(amount);
        board.transfer(amount);
        emit CapitalDrawn(amount);
    }
}
