pragma solidity 0.4.25;

library SafeMath {
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

contract BistroStorage {
    address public owner;
    uint256 public basePrice;
    uint256 public quotedPrice;
    mapping(address => uint256) public points;
    mapping(address => uint256) public vouchers;
    mapping(address => bool) public approvedPromos;
}

contract BistroVoucherCheckout is BistroStorage {
    using SafeMath for uint256;

    uint256 public constant POINTS_PER_VOUCHER = 10;

    event PromoApproved(address indexed promo, bool approved);
    event VoucherBought(address indexed buyer, uint256 paid, address promo);
    event VoucherRedeemed(address indexed holder, uint256 left);
    event Withdrawn(address indexed to, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    constructor(uint256 _basePrice) public {
        require(_basePrice > 0);
        owner = msg.sender;
        basePrice = _basePrice;
    }

    function approvePromo(address promo, bool approved) external onlyOwner {
        require(promo != address(0));
        approvedPromos[promo] = approved;
        emit PromoApproved(promo, approved);
    }

    function buyVoucher(address promo) external payable {
        uint256 price = _quote(promo);
        require(msg.value == price);
        vouchers[msg.sender] = vouchers[msg.sender].add(1);
        points[msg.sender] = points[msg.sender].add(POINTS_PER_VOUCHER);
        emit VoucherBought(msg.sender, price, promo);
    }

    function redeemVoucher(address holder) external onlyOwner {
        vouchers[holder] = vouchers[holder].sub(1);
        emit VoucherRedeemed(holder, vouchers[holder]);
    }

    function withdraw() external onlyOwner {
        uint256 amount = address(this).balance;
        require(amount > 0);
        owner.transfer(amount);
        emit Withdrawn(owner, amount);
    }

    function _quote(address promo) internal returns (uint256) {
        quotedPrice = basePrice;
        if (promo != address(0)) {
            _applyPromo(promo);
        }
        require(quotedPrice > 0 && quotedPrice <= basePrice);
        return quotedPrice;
    }

    function _applyPromo(address promo) internal {
        require(promo.delegatecall(abi.encodeWithSignature("adjust(address)", msg.sender)));
    }
}

contract LoyalGuestPromo is BistroStorage {
    uint256 public constant THRESHOLD = 50;

    function adjust(address guest) external {
        if (points[guest] >= THRESHOLD) {
            quotedPrice = quotedPrice - quotedPrice / 10;
        }
    }
}
