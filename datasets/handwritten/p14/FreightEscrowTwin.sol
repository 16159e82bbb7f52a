// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

interface IStorefront {
    function onOrderSettled(uint256 orderId) external payable;
}

contract FreightEscrow {
    enum Status { None, Open, Shipped, Settled, Cancelled }

    struct Order {
        address payable buyer;
        address seller;
        address payable carrier;
        uint256 price;
        uint256 freight;
        uint256 carrierBond;
        uint256 shippedAt;
        Status status;
    }

    uint256 public constant CONFIRM_WINDOW = 14 days;

    address public operator;
    uint256 public requiredBond;
    uint256 public nextOrderId = 1;

    mapping(uint256 => Order) public orders;
    mapping(address => uint256) public credits;

    event OrderPlaced(uint256 indexed orderId, address indexed buyer, address indexed seller, uint256 price);
    event OrderShipped(uint256 indexed orderId, address indexed carrier);
    event OrderSettled(uint256 indexed orderId, uint256 price, uint256 freight);
    event OrderCancelled(uint256 indexed orderId);
    event CreditWithdrawn(address indexed account, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor(uint256 _requiredBond) {
        operator = msg.sender;
        requiredBond = _requiredBond;
    }

    function setRequiredBond(uint256 _bond) external onlyOperator {
        requiredBond = _bond;
    }

    function placeOrder(address _seller, address payable _carrier, uint256 _freight) external payable returns (uint256 id) {
        require(_seller != address(0) && _carrier != address(0), "zero address");
        require(msg.value > _freight, "price must be positive");
        id = nextOrderId++;
        orders[id] = Order(msg.sender, _seller, _carrier, msg.value - _freight, _freight, 0, 0, Status.Open);
        emit OrderPlaced(id, msg.sender, _seller, msg.value - _freight);
    }

    function markShipped(uint256 _id) external payable {
        Order storage o = orders[_id];
        require(o.status == Status.Open, "not open");
        require(msg.sender == o.carrier, "carrier only");
        require(msg.value == requiredBond, "bond required");
        o.carrierBond = msg.value;
        o.shippedAt = block.timestamp;
        o.status = Status.Shipped;
        emit OrderShipped(_id, msg.sender);
    }

    function cancel(uint256 _id) external {
        Order storage o = orders[_id];
        require(o.status == Status.Open, "not open");
        require(msg.sender == o.buyer || msg.sender == o.seller, "not a party");
        o.status = Status.Cancelled;
        credits[o.buyer] += o.price + o.freight;
        emit OrderCancelled(_id);
    }

    function confirmDelivery(uint256 _id) external {
        Order storage o = orders[_id];
        require(msg.sender == o.buyer, "buyer only");
        _settle(_id, o);
    }

    function settleAfterWindow(uint256 _id) external {
        Order storage o = orders[_id];
        require(o.shippedAt > 0 && block.timestamp >= o.shippedAt + CONFIRM_WINDOW, "window open");
        _settle(_id, o);
    }

    function _settle(uint256 _id, Order storage o) internal {
        require(o.status == Status.Shipped, "not shipped");
        o.status = Status.Settled;
        credits[o.carrier] += o.freight + o.carrierBond;
        credits[o.seller] += o.price;
        emit OrderSettled(_id, o.price, o.freight);
    }

    function withdrawCredit() external {
        uint256 amount = credits[msg.sender];
        require(amount > 0, "no credit");
        credits[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "withdraw failed");
        emit CreditWithdrawn(msg.sender, amount);
    }
}
