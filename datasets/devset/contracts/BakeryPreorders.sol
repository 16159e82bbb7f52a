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

contract BakeryPreorders {
    using SafeMath for uint256;

    enum State { Open, Baked, Collected, Cancelled }

    struct Order {
        address customer;
        uint256 itemId;
        uint256 quantity;
        uint256 paid;
        State state;
    }

    address public baker;
    uint256 public earned;
    uint256 public orderCount;

    mapping(uint256 => uint256) public priceOf;
    mapping(uint256 => Order) public orders;
    mapping(address => uint256) public refunds;

    event ItemPriced(uint256 indexed itemId, uint256 price);
    event Ordered(uint256 indexed orderId, address indexed customer, uint256 itemId, uint256 quantity);
    event Baked(uint256 indexed orderId);
    event Collected(uint256 indexed orderId);
    event Cancelled(uint256 indexed orderId, uint256 refund);

    modifier onlyBaker() {
        require(msg.sender == baker);
        _;
    }

    constructor() public {
        baker = msg.sender;
    }

    function setPrice(uint256 itemId, uint256 price) external onlyBaker {
        priceOf[itemId] = price;
        emit ItemPriced(itemId, price);
    }

    function order(uint256 itemId, uint256 quantity, uint256 maxUnitPrice) external payable returns (uint256 id) {
        uint256 unit = priceOf[itemId];
        require(unit > 0 && unit <= maxUnitPrice);
        require(quantity > 0);
        require(msg.value == unit.mul(quantity));
        id = ++orderCount;
        orders[id] = Order(msg.sender, itemId, quantity, msg.value, State.Open);
        emit Ordered(id, msg.sender, itemId, quantity);
    }

    function markBaked(uint256 id) external onlyBaker {
        Order storage o = orders[id];
        require(o.state == State.Open);
        o.state = State.Baked;
        emit Baked(id);
    }

    function confirmCollected(uint256 id) external {
        Order storage o = orders[id];
        require(o.customer == msg.sender && o.state == State.Baked);
        o.state = State.Collected;
        earned = earned.add(o.paid);
        emit Collected(id);
    }

    function cancel(uint256 id) external {
        Order storage o = orders[id];
        require(o.state == State.Open);
        require(msg.sender == o.customer || msg.sender == baker);
        o.state = State.Cancelled;
        refunds[o.customer] = refunds[o.customer].add(o.paid);
        emit Cancelled(id, o.paid);
    }

    function withdrawRefund() external {
        uint256 amount = refunds[msg.sender];
        require(amount > 0);
        refunds[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function withdrawEarnings(uint256 amount) external onlyBaker {
        earned = earned.sub(amount);
        baker.transfer(amount);
    }
}
