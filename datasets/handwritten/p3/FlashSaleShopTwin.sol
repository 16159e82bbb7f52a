pragma solidity 0.4.24;

library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0);
        return a / b;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }
}

contract FlashSaleShop {
    using SafeMath for uint256;

    struct Order {
        address buyer;
        uint256 units;
        uint256 bonusUnits;
        uint256 paid;
        bool shipped;
    }

    address public owner;
    uint256 public unitPrice;
    uint256 public saleStart;
    uint256 public saleEnd;
    uint256 public stock;
    uint256 public orderCount;
    uint256 public constant EARLY_BONUS_PERCENT = 10;
    uint256 public constant MAX_UNITS_PER_ORDER = 20;

    mapping(uint256 => Order) public orders;
    mapping(address => uint256) public unitsBoughtBy;

    event SaleOpened(uint256 start, uint256 end);
    event OrderPlaced(uint256 indexed orderId, address indexed buyer, uint256 units, uint256 bonusUnits);
    event OrderShipped(uint256 indexed orderId);
    event Restocked(uint256 added, uint256 stock);
    event Withdrawn(address indexed to, uint256 amount);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    modifier saleActive() {
        require(saleStart != 0);
        require(now >= saleStart && now < saleEnd);
        _;
    }

    constructor(uint256 _unitPrice, uint256 _stock) public {
        require(_unitPrice > 0);
        owner = msg.sender;
        unitPrice = _unitPrice;
        stock = _stock;
    }

    function openSale() external onlyOwner {
        require(saleStart == 0);
        saleStart = now;
        saleEnd = now + 7 days;
        emit SaleOpened(saleStart, saleEnd);
    }

    function restock(uint256 units) external onlyOwner {
        stock = stock.add(units);
        emit Restocked(units, stock);
    }

    function buy(uint256 units) external payable saleActive returns (uint256) {
        require(units > 0 && units <= MAX_UNITS_PER_ORDER);
        uint256 cost = units.mul(unitPrice);
        require(msg.value == cost);
        uint256 bonus = _bonusFor(units);
        uint256 total = units.add(bonus);
        require(total <= stock);
        stock = stock.sub(total);
        unitsBoughtBy[msg.sender] = unitsBoughtBy[msg.sender].add(total);
        orderCount = orderCount.add(1);
        orders[orderCount] = Order(msg.sender, units, bonus, msg.value, false);
        emit OrderPlaced(orderCount, msg.sender, units, bonus);
        return orderCount;
    }

    function _bonusFor(uint256 units) internal view returns (uint256) {
        if (now <= saleStart + 1 days) {
            return units.mul(EARLY_BONUS_PERCENT).div(100);
        }
        return 0;
    }

    function markShipped(uint256 orderId) external onlyOwner {
        Order storage o = orders[orderId];
        require(o.buyer != address(0));
        require(!o.shipped);
        o.shipped = true;
        emit OrderShipped(orderId);
    }

    function withdraw(uint256 amount) external onlyOwner {
        require(amount <= address(this).balance);
        owner.transfer(amount);
        emit Withdrawn(owner, amount);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0));
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}
