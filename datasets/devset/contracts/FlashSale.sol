pragma solidity 0.5.17;

contract FlashSale {
    struct Drop {
        string item;
        uint256 basePrice;
        uint256 stock;
        uint256 sold;
        bool live;
    }

    address payable public seller;
    uint256 public dropCount;
    uint256 public perWalletLimit = 3;
    uint256 public happyDiscountBps = 5000;

    mapping(uint256 => Drop) public drops;
    mapping(uint256 => mapping(address => uint256)) public purchased;

    event DropCreated(uint256 indexed id, string item, uint256 basePrice, uint256 stock);
    event DropToggled(uint256 indexed id, bool live);
    event Purchased(uint256 indexed id, address indexed buyer, uint256 qty, uint256 unitPrice);

    modifier onlySeller() {
        require(msg.sender == seller, "seller only");
        _;
    }

    constructor() public {
        seller = msg.sender;
    }

    function createDrop(string calldata item, uint256 basePrice, uint256 stock) external onlySeller {
        require(basePrice > 0 && stock > 0, "bad drop");
        dropCount += 1;
        drops[dropCount] = Drop(item, basePrice, stock, 0, false);
        emit DropCreated(dropCount, item, basePrice, stock);
    }

    function setLive(uint256 id, bool live) external onlySeller {
        require(drops[id].stock > 0, "unknown drop");
        drops[id].live = live;
        emit DropToggled(id, live);
    }

    function currentPrice(uint256 id) public view returns (uint256) {
        Drop storage d = drops[id];
        uint256 price = d.basePrice;
        if (block.timestamp % 60 < 10) {
            price = price * (10000 - happyDiscountBps) / 10000;
        }
        return price;
    }

    function buy(uint256 id, uint256 qty) external payable {
        Drop storage d = drops[id];
        require(d.live, "not live");
        require(qty > 0 && qty <= perWalletLimit, "bad qty");
        require(purchased[id][msg.sender] + qty <= perWalletLimit, "wallet limit");
        require(d.sold + qty <= d.stock, "sold out");
        uint256 unitPrice = currentPrice(id);
        require(msg.value == unitPrice * qty, "wrong payment");
        d.sold += qty;
        purchased[id][msg.sender] += qty;
        emit Purchased(id, msg.sender, qty, unitPrice);
    }

    function setDiscount(uint256 bps) external onlySeller {
        require(bps <= 9000, "too generous");
        happyDiscountBps = bps;
    }

    function withdraw() external onlySeller {
        seller.transfer(address(this).balance);
    }
}
