// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

interface IERC20 {
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

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

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0, "div by zero");
        return a / b;
    }
}

contract OtcQuoteDesk {
    using SafeMath for uint256;

    struct Quote {
        address maker;
        address token;
        uint256 remaining;
        uint256 pricePerToken;
        uint256 postedAt;
        bool open;
    }

    uint256 public constant FEE_BPS = 20;
    uint256 public constant QUOTE_TTL = 1 days;

    address public operator;
    uint256 public quoteCount;
    mapping(uint256 => Quote) public quotes;
    mapping(address => bool) public listed;
    mapping(address => uint256) public owed;

    event TokenListed(address indexed token, bool listed);
    event QuotePosted(uint256 indexed id, address indexed maker, address indexed token, uint256 amount, uint256 pricePerToken);
    event QuoteFilled(uint256 indexed id, address indexed taker, uint256 amount, uint256 paid);
    event QuoteCancelled(uint256 indexed id, uint256 returned);
    event Withdrawn(address indexed account, uint256 amount);
    event OperatorChanged(address indexed operator);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor() public {
        operator = msg.sender;
    }

    function setListed(address token, bool isListed) external onlyOperator {
        listed[token] = isListed;
        emit TokenListed(token, isListed);
    }

    function setOperator(address newOperator) external onlyOperator {
        require(newOperator != address(0), "zero operator");
        operator = newOperator;
        emit OperatorChanged(newOperator);
    }

    function postQuote(address token, uint256 amount, uint256 pricePerToken) external returns (uint256 id) {
        require(listed[token], "token not listed");
        require(amount > 0 && pricePerToken > 0, "empty quote");
        id = ++quoteCount;
        quotes[id] = Quote(msg.sender, token, amount, pricePerToken, block.timestamp, true);
        require(IERC20(token).transferFrom(msg.sender, address(this), amount), "escrow failed");
        emit QuotePosted(id, msg.sender, token, amount, pricePerToken);
    }

    function fill(uint256 id, uint256 amount) external payable {
        Quote storage q = quotes[id];
        require(q.open, "quote closed");
        require(block.timestamp <= q.postedAt + QUOTE_TTL, "quote expired");
        require(amount > 0 && amount <= q.remaining, "bad amount");
        uint256 cost = amount.mul(q.pricePerToken).div(1e18);
        require(cost > 0 && msg.value == cost, "wrong payment");
        uint256 fee = cost.mul(FEE_BPS).div(10000);
        q.remaining = q.remaining.sub(amount);
        if (q.remaining == 0) {
            q.open = false;
        }
        owed[q.maker] = owed[q.maker].add(cost.sub(fee));
        owed[operator] = owed[operator].add(fee);
        require(IERC20(q.token).transfer(msg.sender, amount), "delivery failed");
        emit QuoteFilled(id, msg.sender, amount, cost);
    }

    function cancel(uint256 id) external {
        Quote storage q = quotes[id];
        require(q.open, "quote closed");
        require(msg.sender == q.maker, "not maker");
        uint256 back = q.remaining;
        q.open = false;
        q.remaining = 0;
        require(IERC20(q.token).transfer(q.maker, back), "return failed");
        emit QuoteCancelled(id, back);
    }

    function withdraw() external {
        uint256 amount = owed[msg.sender];
        require(amount > 0, "nothing owed");
        owed[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "payment failed");
        emit Withdrawn(msg.sender, amount);
    }
}
