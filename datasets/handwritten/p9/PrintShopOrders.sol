pragma solidity 0.5.17;

contract PrintShopOrders {
    enum Status { None, Placed, Accepted, Delivered, Cancelled }

    struct Product {
        string name;
        uint256 pricePerCopy;
        uint16 minCopies;
        bool listed;
    }

    struct Order {
        address payable customer;
        uint256 productId;
        uint256 copies;
        uint256 paid;
        uint64 placedAt;
        Status status;
    }

    address payable public shop;
    uint256 public nextOrderId = 1;
    uint256 public escrowed;
    Product[] public products;
    mapping(uint256 => Order) public orders;
    mapping(address => uint256[]) private customerOrders;

    event ProductListed(uint256 indexed productId, string name, uint256 pricePerCopy);
    event ProductPriceChanged(uint256 indexed productId, uint256 pricePerCopy);
    event ProductDelisted(uint256 indexed productId);
    event OrderPlaced(uint256 indexed orderId, address indexed customer, uint256 copies, uint256 paid);
    event OrderAccepted(uint256 indexed orderId);
    event OrderDelivered(uint256 indexed orderId);
    event OrderCancelled(uint256 indexed orderId);

    modifier onlyShop() {
        require(msg.sender == shop, "shop only");
        _;
    }

    modifier inStatus(uint256 orderId, Status expected) {
        require(orders[orderId].status == expected, "wrong order status");
        _;
    }

    constructor() public {
        shop = msg.sender;
    }

    function listProduct(string calldata name, uint256 pricePerCopy, uint16 minCopies) external onlyShop {
        require(pricePerCopy > 0, "free products not allowed");
        products.push(Product(name, pricePerCopy, minCopies, true));
        emit ProductListed(products.length - 1, name, pricePerCopy);
    }

    function changePrice(uint256 productId, uint256 pricePerCopy) external onlyShop {
        require(productId < products.length, "unknown product");
        require(pricePerCopy > 0, "free products not allowed");
        products[productId].pricePerCopy = pricePerCopy;
        emit ProductPriceChanged(productId, pricePerCopy);
    }

    function delist(uint256 productId) external onlyShop {
        require(productId < products.length, "unknown product");
        products[productId].listed = false;
        emit ProductDelisted(productId);
    }

    function quote(uint256 productId, uint256 copies) external view returns (uint256) {
        require(productId < products.length, "unknown product");
        return _lineTotal(products[productId].pricePerCopy, copies);
    }

    function placeOrder(uint256 productId, uint256 copies) external payable returns (uint256 orderId) {
        require(productId < products.length, "unknown product");
        Product storage p = products[productId];
        require(p.listed, "not available");
        require(copies >= p.minCopies && copies > 0, "below minimum run");

        uint256 due = _lineTotal(p.pricePerCopy, copies);
        require(msg.value == due, "payment does not match quote");

        orderId = nextOrderId++;
        orders[orderId] = Order(msg.sender, productId, copies, msg.value, uint64(now), Status.Placed);
        customerOrders[msg.sender].push(orderId);
        escrowed += msg.value;
        emit OrderPlaced(orderId, msg.sender, copies, msg.value);
    }

    function cancelOrder(uint256 orderId) external inStatus(orderId, Status.Placed) {
        Order storage o = orders[orderId];
        require(msg.sender == o.customer, "not your order");
        o.status = Status.Cancelled;
        escrowed -= o.paid;
        o.customer.transfer(o.paid);
        emit OrderCancelled(orderId);
    }

    function acceptOrder(uint256 orderId) external onlyShop inStatus(orderId, Status.Placed) {
        orders[orderId].status = Status.Accepted;
        emit OrderAccepted(orderId);
    }

    function confirmDelivery(uint256 orderId) external inStatus(orderId, Status.Accepted) {
        Order storage o = orders[orderId];
        require(msg.sender == o.customer, "not your order");
        o.status = Status.Delivered;
        escrowed -= o.paid;
        shop.transfer(o.paid);
        emit OrderDelivered(orderId);
    }

    function ordersOf(address customer) external view returns (uint256[] memory) {
        return customerOrders[customer];
    }

    function productCount() external view returns (uint256) {
        return products.length;
    }

    function _lineTotal(uint256 unitPrice, uint256 copies) internal pure returns (uint256) {
        return unitPrice * copies;
    }
}
