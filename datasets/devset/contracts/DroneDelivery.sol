// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract DroneDelivery {
    enum State { Open, Assigned, Delivered, Cancelled }

    struct Order {
        address payable customer;
        address payable courier;
        uint256 fee;
        uint256 placedAt;
        bytes32 proofHash;
        State state;
    }

    address public dispatcher;
    uint256 public constant PLATFORM_CUT_BPS = 500;
    uint256 public platformEarnings;
    uint256 public orderCount;

    mapping(address => bool) public couriers;
    mapping(uint256 => Order) public orders;
    mapping(address => uint256) public completedBy;

    event OrderPlaced(uint256 indexed id, address indexed customer, uint256 fee);
    event CourierRegistered(address indexed courier);
    event CourierRemoved(address indexed courier);
    event JobAccepted(uint256 indexed id, address indexed courier);
    event Delivered(uint256 indexed id, address indexed courier, bytes32 proofHash);
    event OrderCancelled(uint256 indexed id);

    modifier onlyDispatcher() {
        require(msg.sender == dispatcher, "dispatcher only");
        _;
    }

    modifier onlyCourier() {
        require(couriers[msg.sender], "courier only");
        _;
    }

    constructor() {
        dispatcher = msg.sender;
    }

    function placeOrder() external payable returns (uint256 id) {
        require(msg.value >= 0.005 ether, "fee too low");
        id = ++orderCount;
        orders[id] = Order(msg.sender, address(0), msg.value, block.timestamp, bytes32(0), State.Open);
        emit OrderPlaced(id, msg.sender, msg.value);
    }

    function registerCourier(address courier) external {
        require(courier != address(0), "zero");
        couriers[courier] = true;
        emit CourierRegistered(courier);
    }

    function removeCourier(address courier) external onlyDispatcher {
        couriers[courier] = false;
        emit CourierRemoved(courier);
    }

    function acceptJob(uint256 id) external onlyCourier {
        Order storage o = orders[id];
        require(o.state == State.Open, "not open");
        o.courier = msg.sender;
        o.state = State.Assigned;
        emit JobAccepted(id, msg.sender);
    }

    function confirmDelivery(uint256 id, bytes32 proofHash) external onlyCourier {
        Order storage o = orders[id];
        require(o.state == State.Assigned && o.courier == msg.sender, "not your job");
        require(proofHash != bytes32(0), "proof");
        o.state = State.Delivered;
        o.proofHash = proofHash;
        uint256 cut = (o.fee * PLATFORM_CUT_BPS) / 10_000;
        platformEarnings += cut;
        completedBy[msg.sender] += 1;
        emit Delivered(id, msg.sender, proofHash);
        (bool ok, ) = o.courier.call{value: o.fee - cut}("");
        require(ok, "payout failed");
    }

    function cancel(uint256 id) external {
        Order storage o = orders[id];
        require(msg.sender == o.customer, "customer only");
        require(o.state == State.Open, "already taken");
        o.state = State.Cancelled;
        emit OrderCancelled(id);
        (bool ok, ) = o.customer.call{value: o.fee}("");
        require(ok, "refund failed");
    }

    function withdrawEarnings() external onlyDispatcher {
        uint256 amount = platformEarnings;
        platformEarnings = 0;
        (bool ok, ) = payable(dispatcher).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
