pragma solidity ^0.5.0;

contract CateringOrders {
    enum Stage { Requested, Accepted, Delivered, Cancelled }

    struct Order {
        address payable customer;
        uint256 guests;
        uint256 eventDate;
        uint256 deposit;
        uint256 quote;
        Stage stage;
    }

    address payable public caterer;
    uint256 public perGuestDeposit = 0.002 ether;
    uint256 public revenue;

    Order[] public orders;
    mapping(address => uint256[]) public ordersOf;

    event Requested(uint256 indexed id, address indexed customer, uint256 guests, uint256 eventDate);
    event Accepted(uint256 indexed id, uint256 quote);
    event Delivered(uint256 indexed id);
    event Cancelled(uint256 indexed id, uint256 refunded);

    modifier onlyCaterer() {
        require(msg.sender == caterer, "caterer only");
        _;
    }

    modifier inStage(uint256 id, Stage stage) {
        require(id < orders.length && orders[id].stage == stage, "wrong stage");
        _;
    }

    constructor() public {
        caterer = msg.sender;
    }

    function request(uint256 guests, uint256 eventDate) external payable returns (uint256 id) {
        require(guests >= 10 && guests <= 500, "guests");
        require(eventDate > now + 3 days, "too soon");
        require(msg.value == guests * perGuestDeposit, "deposit");
        id = orders.length;
        orders.push(Order(msg.sender, guests, eventDate, msg.value, 0, Stage.Requested));
        ordersOf[msg.sender].push(id);
        emit Requested(id, msg.sender, guests, eventDate);
    }

    function accept(uint256 id, uint256 quote) external onlyCaterer inStage(id, Stage.Requested) {
        Order storage o = orders[id];
        require(quote >= o.deposit, "quote below deposit");
        o.quote = quote;
        o.stage = Stage.Accepted;
        emit Accepted(id, quote);
    }

    function payBalance(uint256 id) external payable inStage(id, Stage.Accepted) {
        Order storage o = orders[id];
        require(msg.sender == o.customer, "not customer");
        require(msg.value == o.quote - o.deposit, "balance");
        o.deposit = o.quote;
    }

    function markDelivered(uint256 id) external onlyCaterer inStage(id, Stage.Accepted) {
        Order storage o = orders[id];
        require(o.deposit == o.quote, "unpaid");
        require(now >= o.eventDate, "before event");
        o.stage = Stage.Delivered;
        revenue += o.quote;
        emit Delivered(id);
    }

    function cancel(uint256 id) external inStage(id, Stage.Requested) {
        Order storage o = orders[id];
        require(msg.sender == o.customer || msg.sender == caterer, "not allowed");
        uint256 refund = o.deposit;
        o.deposit = 0;
        o.stage = Stage.Cancelled;
        o.customer.send(refund);
        emit Cancelled(id, refund);
    }

    function withdrawRevenue() external onlyCaterer {
        uint256 amount = revenue;
        revenue = 0;
        caterer.transfer(amount);
    }
}
