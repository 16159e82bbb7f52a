pragma solidity 0.5.17;

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

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero owner");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract PawnLendingDesk is Ownable {
    using SafeMath for uint256;

    struct Position {
        uint256 collateral;
        uint256 debt;
        uint256 loans;
    }

    uint256 public constant COLLATERAL_RATIO = 150;
    uint256 public constant FEE_PERCENT = 2;
    uint256 public liquidity;
    mapping(address => Position) public positions;

    event LiquidityAdded(uint256 amount);
    event LiquidityRemoved(uint256 amount);
    event CollateralPledged(address indexed borrower, uint256 amount);
    event CollateralReleased(address indexed borrower, uint256 amount);
    event LoanTaken(address indexed borrower, uint256 amount, uint256 owed);
    event LoanRepaid(address indexed borrower, uint256 amount);

    function addLiquidity() external payable onlyOwner {
        liquidity = liquidity.add(msg.value);
        emit LiquidityAdded(msg.value);
    }

    function removeLiquidity(uint256 amount) external onlyOwner {
        liquidity = liquidity.sub(amount);
        msg.sender.transfer(amount);
        emit LiquidityRemoved(amount);
    }

    function pledge() external payable {
        require(msg.value > 0, "nothing pledged");
        Position storage p = positions[msg.sender];
        p.collateral = p.collateral.add(msg.value);
        emit CollateralPledged(msg.sender, msg.value);
    }

    function borrow(uint256 amount) external {
        require(amount > 0 && amount <= liquidity, "bad amount");
        Position storage p = positions[msg.sender];
        uint256 owed = amount.add(amount.mul(FEE_PERCENT).div(100));
        uint256 newDebt = p.debt.add(owed);
        require(_covers(p.collateral, newDebt), "undercollateralised");
        p.debt = newDebt;
        p.loans = p.loans.add(1);
        liquidity = liquidity.sub(amount);
        msg.sender.transfer(amount);
        emit LoanTaken(msg.sender, amount, owed);
    }

    function repay() external payable {
        Position storage p = positions[msg.sender];
        require(p.debt > 0, "no debt");
        require(msg.value == p.debt, "repay exact debt");
        p.debt = 0;
        liquidity = liquidity.add(msg.value);
        emit LoanRepaid(msg.sender, msg.value);
    }

    function release(uint256 amount) external {
        Position storage p = positions[msg.sender];
        require(amount > 0 && amount <= p.collateral, "bad amount");
        require(_covers(p.collateral.sub(amount), p.debt), "debt outstanding");
        _reduceCollateral(msg.sender, amount);
        (bool sent, ) = msg.sender.call.value(amount)("");
        require(sent, "release failed");
    }

    function maxBorrow(address borrower) external view returns (uint256) {
        Position storage p = positions[borrower];
        uint256 limit = p.collateral.mul(100).div(COLLATERAL_RATIO);
        if (limit <= p.debt) {
            return 0;
        }
        return limit.sub(p.debt);
    }

    function _covers(uint256 collateral, uint256 debt) internal pure returns (bool) {
        return collateral.mul(100) >= debt.mul(COLLATERAL_RATIO);
    }

    function _reduceCollateral(address borrower, uint256 amount) internal {
        Position storage p = positions[borrower];
        p.collateral = p.collateral.sub(amount);
        emit CollateralReleased(borrower, amount);
    }
}
