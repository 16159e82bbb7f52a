pragma solidity 0.4.25;

contract ShippingEscrow {
    enum State { Funded, Accepted, Shipped, Completed, Refunded, Disputed }

    struct Order {
        address buyer;
        address seller;
        uint256 amount;
        uint256 fundedBlock;
        uint256 shippedAt;
        bytes32 trackingHash;
        State state;
    }

    uint256 public constant ACCEPT_WINDOW_BLOCKS = 40;
    uint256 public constant INSPECTION_PERIOD = 7 days;
    uint256 public constant FEE_BPS = 150;

    address public arbiter;
    uint256 public orderCount;
    uint256 public feesAccrued;

    mapping(uint256 => Order) public orders;
    mapping(address => uint256) public owed;

    event OrderFunded(uint256 indexed id, address indexed buyer, address indexed seller, uint256 amount, uint256 atBlock);
    event OrderAccepted(uint256 indexed id, uint256 atBlock);
    event OrderShipped(uint256 indexed id, bytes32 trackingHash, uint256 shippedAt);
    event OrderClosed(uint256 indexed id, State outcome, uint256 closedAt);
    event DisputeOpened(uint256 indexed id, address indexed by);

    modifier onlyArbiter() {
        require(msg.sender == arbiter);
        _;
    }

    modifier inState(uint256 id, State expected) {
        require(id < orderCount && orders[id].state == expected);
        _;
    }

    constructor() public {
        arbiter = msg.sender;
    }

    function fund(address seller) external payable returns (uint256 id) {
        require(seller != address(0) && seller != msg.sender);
        require(msg.value >= 10000);
        id = orderCount;
        orders[id] = Order(msg.sender, seller, msg.value, block.number, 0, bytes32(0), State.Funded);
        orderCount = id + 1;
        emit OrderFunded(id, msg.sender, seller, msg.value, block.number);
    }

    function accept(uint256 id) external inState(id, State.Funded) {
        Order storage o = orders[id];
        require(msg.sender == o.seller);
        require(block.number <= o.fundedBlock + ACCEPT_WINDOW_BLOCKS);
        o.state = State.Accepted;
        emit OrderAccepted(id, block.number);
    }

    function cancelUnaccepted(uint256 id) external inState(id, State.Funded) {
        Order storage o = orders[id];
        require(msg.sender == o.buyer);
        require(block.number > o.fundedBlock + ACCEPT_WINDOW_BLOCKS);
        o.state = State.Refunded;
        owed[o.buyer] += o.amount;
        emit OrderClosed(id, State.Refunded, now);
    }

    function markShipped(uint256 id, bytes32 trackingHash) external inState(id, State.Accepted) {
        Order storage o = orders[id];
        require(msg.sender == o.seller);
        o.trackingHash = trackingHash;
        o.shippedAt = now;
        o.state = State.Shipped;
        emit OrderShipped(id, trackingHash, now);
    }

    function confirmReceipt(uint256 id) external inState(id, State.Shipped) {
        Order storage o = orders[id];
        require(msg.sender == o.buyer);
        _release(id, o);
    }

    function claimAfterInspection(uint256 id) external inState(id, State.Shipped) {
        Order storage o = orders[id];
        require(msg.sender == o.seller);
        require(now >= o.shippedAt + INSPECTION_PERIOD);
        _release(id, o);
    }

    function dispute(uint256 id) external inState(id, State.Shipped) {
        Order storage o = orders[id];
        require(msg.sender == o.buyer);
        require(now < o.shippedAt + INSPECTION_PERIOD);
        o.state = State.Disputed;
        emit DisputeOpened(id, msg.sender);
    }

    function resolve(uint256 id, bool refundBuyer) external onlyArbiter inState(id, State.Disputed) {
        Order storage o = orders[id];
        if (refundBuyer) {
            o.state = State.Refunded;
            owed[o.buyer] += o.amount;
            emit OrderClosed(id, State.Refunded, now);
        } else {
            _release(id, o);
        }
    }

    function withdraw() external {
        uint256 amount = owed[msg.sender];
        require(amount > 0);
        owed[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function withdrawFees() external onlyArbiter {
        uint256 amount = feesAccrued;
        feesAccrued = 0;
        arbiter.transfer(amount);
    }

    function _release(uint256 id, Order storage o) internal {
        uint256 fee = o.amount * FEE_BPS / 10000;
        o.state = State.Completed;
        feesAccrued += fee;
        owed[o.seller] += o.amount - fee;
        emit OrderClosed(id, State.Completed, now);
    }
}
