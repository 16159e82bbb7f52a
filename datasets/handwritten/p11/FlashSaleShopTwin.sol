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

    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }
}

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0));
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract FlashSaleShop is Ownable {
    using SafeMath for uint256;

    struct Sale {
        uint256 opensAt;
        uint256 closesAt;
        uint256 unitPrice;
        uint256 stock;
        uint256 sold;
    }

    uint256 public constant LAUNCH_WINDOW = 1 days;
    uint256 public constant LAUNCH_BONUS_PCT = 25;

    Sale public sale;
    mapping(address => uint256) public vouchers;
    uint256 public totalIssued;
    uint256 public totalRedeemed;

    event SaleScheduled(uint256 opensAt, uint256 closesAt, uint256 unitPrice, uint256 stock);
    event Purchased(address indexed buyer, uint256 paid, uint256 units, uint256 bonus);
    event Redeemed(address indexed holder, uint256 units, bytes32 orderRef);
    event ProceedsWithdrawn(address indexed to, uint256 amount);

    modifier whileOpen() {
        require(sale.opensAt != 0);
        require(now >= sale.opensAt && now < sale.closesAt);
        _;
    }

    function scheduleSale(uint256 opensAt, uint256 durationDays, uint256 unitPrice, uint256 stock)
        external
        onlyOwner
    {
        require(sale.opensAt == 0 || now >= sale.closesAt);
        require(opensAt > now);
        require(durationDays >= 1 && durationDays <= 14);
        require(unitPrice > 0 && stock > 0);

        sale = Sale({
            opensAt: opensAt,
            closesAt: opensAt.add(durationDays.mul(1 days)),
            unitPrice: unitPrice,
            stock: stock,
            sold: 0
        });
        emit SaleScheduled(sale.opensAt, sale.closesAt, unitPrice, stock);
    }

    function buy() external payable whileOpen {
        uint256 units = msg.value / sale.unitPrice;
        require(units > 0);

        uint256 bonus = _launchBonus(units);
        uint256 total = units.add(bonus);
        require(sale.sold.add(total) <= sale.stock);

        sale.sold = sale.sold.add(total);
        vouchers[msg.sender] = vouchers[msg.sender].add(total);
        totalIssued = totalIssued.add(total);

        uint256 change = msg.value.sub(units.mul(sale.unitPrice));
        if (change > 0) {
            msg.sender.transfer(change);
        }
        emit Purchased(msg.sender, msg.value.sub(change), units, bonus);
    }

    function redeem(uint256 units, bytes32 orderRef) external {
        require(units > 0);
        require(vouchers[msg.sender] >= units);
        vouchers[msg.sender] = vouchers[msg.sender].sub(units);
        totalRedeemed = totalRedeemed.add(units);
        emit Redeemed(msg.sender, units, orderRef);
    }

    function remainingStock() external view returns (uint256) {
        return sale.stock.sub(sale.sold);
    }

    function withdrawProceeds() external onlyOwner {
        uint256 amount = address(this).balance;
        require(amount > 0);
        owner.transfer(amount);
        emit ProceedsWithdrawn(owner, amount);
    }

    function _launchBonus(uint256 units) internal view returns (uint256) {
        if (now < sale.opensAt + LAUNCH_WINDOW) {
            return units.mul(LAUNCH_BONUS_PCT) / 100;
        }
        return 0;
    }
}
