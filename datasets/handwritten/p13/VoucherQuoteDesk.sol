pragma solidity 0.5.17;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "math add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "math sub");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "math mul");
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0, "math div");
        return a / b;
    }
}

contract Managed {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero owner");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract VoucherQuoteDesk is Managed {
    using SafeMath for uint256;

    uint256 public constant QUOTE_UNIT = 1e18;

    address public reporter;
    uint256 public unitsPerEth;
    uint256 public quotedAt;
    uint256 public totalIssued;
    uint256 public issueCap;

    mapping(address => uint256) public balanceOf;
    mapping(address => bool) public merchants;

    event QuotePosted(uint256 unitsPerEth, uint256 at);
    event VouchersIssued(address indexed buyer, uint256 weiIn, uint256 units);
    event VouchersSpent(address indexed holder, address indexed merchant, uint256 units);
    event MerchantUpdated(address indexed merchant, bool allowed);
    event ReporterUpdated(address indexed reporter);
    event ProceedsWithdrawn(address indexed to, uint256 amount);

    modifier onlyReporter() {
        require(msg.sender == reporter, "not reporter");
        _;
    }

    constructor(address _reporter, uint256 _initialQuote, uint256 _issueCap) public {
        require(_initialQuote > 0, "empty quote");
        reporter = _reporter;
        unitsPerEth = _initialQuote;
        quotedAt = now;
        issueCap = _issueCap;
    }

    function setReporter(address next) external onlyOwner {
        reporter = next;
        emit ReporterUpdated(next);
    }

    function setMerchant(address merchant, bool allowed) external onlyOwner {
        merchants[merchant] = allowed;
        emit MerchantUpdated(merchant, allowed);
    }

    function postQuote(uint256 newUnitsPerEth) external onlyReporter {
        require(newUnitsPerEth > 0, "empty quote");
        unitsPerEth = newUnitsPerEth;
        quotedAt = now;
        emit QuotePosted(newUnitsPerEth, now);
    }

    function buyVouchers() external payable returns (uint256 units) {
        require(msg.value > 0, "no value");
        require(now <= quotedAt.add(1 days), "quote stale");
        units = _unitsFor(msg.value);
        require(units > 0, "amount too small");
        totalIssued = totalIssued.add(units);
        require(totalIssued <= issueCap, "cap reached");
        balanceOf[msg.sender] = balanceOf[msg.sender].add(units);
        emit VouchersIssued(msg.sender, msg.value, units);
    }

    function spend(address merchant, uint256 units) external {
        require(merchants[merchant], "unknown merchant");
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(units);
        balanceOf[merchant] = balanceOf[merchant].add(units);
        emit VouchersSpent(msg.sender, merchant, units);
    }

    function withdrawProceeds(address payable to, uint256 amount) external onlyOwner {
        require(amount <= address(this).balance, "insufficient balance");
        to.transfer(amount);
        emit ProceedsWithdrawn(to, amount);
    }

    function previewUnits(uint256 weiIn) external view returns (uint256) {
        return _unitsFor(weiIn);
    }

    function _unitsFor(uint256 weiIn) internal view returns (uint256) {
        return weiIn.mul(unitsPerEth).div(QUOTE_UNIT);
    }
}
