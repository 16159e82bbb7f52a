// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface IStablecoin {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
}

abstract contract ShopOwnable {
    address public shopOwner;

    event ShopOwnerChanged(address indexed previousOwner, address indexed newOwner);

    modifier onlyShopOwner() {
        require(msg.sender == shopOwner, "shop owner only");
        _;
    }

    constructor() {
        shopOwner = msg.sender;
    }

    function changeShopOwner(address newOwner) external onlyShopOwner {
        require(newOwner != address(0), "zero address");
        emit ShopOwnerChanged(shopOwner, newOwner);
        shopOwner = newOwner;
    }
}

contract PosterPrintShop is ShopOwnable {
    struct Design {
        string title;
        uint256 unitPrice;
        uint32 stock;
        bool listed;
    }

    struct Order {
        address buyer;
        uint256 designId;
        uint32 quantity;
        uint256 paid;
        bool shipped;
    }

    IStablecoin public immutable stablecoin;
    uint256 public nextDesignId;
    uint256 public salesBalance;

    mapping(uint256 => Design) public designs;
    Order[] public orders;

    event DesignListed(uint256 indexed designId, string title, uint256 unitPrice, uint32 stock);
    event PriceChanged(uint256 indexed designId, uint256 unitPrice);
    event OrderPlaced(uint256 indexed orderId, address indexed buyer, uint256 indexed designId, uint32 quantity, uint256 paid);
    event OrderShipped(uint256 indexed orderId);

    constructor(IStablecoin _stablecoin) {
        stablecoin = _stablecoin;
    }

    function listDesign(string calldata title, uint256 unitPrice, uint32 stock) external onlyShopOwner returns (uint256 designId) {
        designId = nextDesignId++;
        designs[designId] = Design(title, unitPrice, stock, true);
        emit DesignListed(designId, title, unitPrice, stock);
    }

    function setUnitPrice(uint256 designId, uint256 unitPrice) external onlyShopOwner {
        require(designs[designId].listed, "unknown design");
        designs[designId].unitPrice = unitPrice;
        emit PriceChanged(designId, unitPrice);
    }

    function restock(uint256 designId, uint32 extra) external onlyShopOwner {
        require(designs[designId].listed, "unknown design");
        designs[designId].stock += extra;
    }

    function placeOrder(uint256 designId, uint32 quantity, uint256 maxUnitPrice) external returns (uint256 orderId) {
        Design storage d = designs[designId];
        require(d.listed, "unknown design");
        require(quantity > 0 && quantity <= d.stock, "not enough stock");
        uint256 total = _priceOrder(d, quantity, maxUnitPrice);
        d.stock -= quantity;
        salesBalance += total;
        orderId = orders.length;
        orders.push(Order(msg.sender, designId, quantity, total, false));
        emit OrderPlaced(orderId, msg.sender, designId, quantity, total);
        require(stablecoin.transferFrom(msg.sender, address(this), total), "payment failed");
    }

    function _priceOrder(Design storage d, uint32 quantity, uint256 maxUnitPrice) internal view returns (uint256) {
        require(d.unitPrice <= maxUnitPrice, "price above limit");
        return d.unitPrice * quantity;
    }

    function markShipped(uint256 orderId) external onlyShopOwner {
        Order storage o = orders[orderId];
        require(!o.shipped, "already shipped");
        o.shipped = true;
        emit OrderShipped(orderId);
    }

    function withdrawSales(address to, uint256 amount) external onlyShopOwner {
        salesBalance -= amount;
        require(stablecoin.transfer(to, amount), "transfer failed");
    }

    function orderCount() external view returns (uint256) {
        return orders.length;
    }
}
