pragma solidity ^0.4.24;

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

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }
}

contract FreightEscrow {
    using SafeMath for uint256;

    enum Status { Open, Accepted, Delivered, Disputed, Closed }

    struct Shipment {
        address shipper;
        address carrier;
        uint256 payment;
        uint256 createdAt;
        uint256 dueDate;
        Status status;
    }

    uint256 public constant PLATFORM_FEE_BPS = 150;
    uint256 public constant ACCEPT_WINDOW = 3 days;
    uint256 public constant CLAIM_GRACE = 14 days;

    address public arbiter;
    uint256 public shipmentCount;
    uint256 public platformFees;
    mapping(uint256 => Shipment) public shipments;
    mapping(address => uint256) public balances;

    event ShipmentCreated(uint256 indexed id, address indexed shipper, address indexed carrier, uint256 payment);
    event ShipmentAccepted(uint256 indexed id);
    event ShipmentSettled(uint256 indexed id, uint256 toCarrier, uint256 toShipper);
    event DisputeRaised(uint256 indexed id);
    event Withdrawal(address indexed account, uint256 amount);

    modifier onlyArbiter() {
        require(msg.sender == arbiter);
        _;
    }

    modifier inStatus(uint256 id, Status expected) {
        require(shipments[id].status == expected);
        _;
    }

    constructor() public {
        arbiter = msg.sender;
    }

    function createShipment(address carrier, uint256 transitDays) external payable returns (uint256 id) {
        require(carrier != address(0) && carrier != msg.sender);
        require(msg.value > 0);
        require(transitDays >= 1 && transitDays <= 60);
        shipmentCount = shipmentCount.add(1);
        id = shipmentCount;
        Shipment storage s = shipments[id];
        s.shipper = msg.sender;
        s.carrier = carrier;
        s.payment = msg.value;
        s.createdAt = now;
        s.dueDate = now.add(transitDays.mul(1 days));
        s.status = Status.Open;
        emit ShipmentCreated(id, msg.sender, carrier, msg.value);
    }

    function accept(uint256 id) external inStatus(id, Status.Open) {
        Shipment storage s = shipments[id];
        require(msg.sender == s.carrier);
        require(now <= s.createdAt.add(ACCEPT_WINDOW));
        s.status = Status.Accepted;
        emit ShipmentAccepted(id);
    }

    function cancelUnaccepted(uint256 id) external inStatus(id, Status.Open) {
        Shipment storage s = shipments[id];
        require(msg.sender == s.shipper);
        require(now > s.createdAt.add(ACCEPT_WINDOW));
        _settle(id, 0);
    }

    function confirmDelivery(uint256 id) external inStatus(id, Status.Accepted) {
        require(msg.sender == shipments[id].shipper);
        _settle(id, shipments[id].payment);
    }

    function claimAfterGrace(uint256 id) external inStatus(id, Status.Accepted) {
        Shipment storage s = shipments[id];
        require(msg.sender == s.carrier);
        require(now > s.dueDate.add(CLAIM_GRACE));
        _settle(id, s.payment);
    }

    function raiseDispute(uint256 id) external inStatus(id, Status.Accepted) {
        Shipment storage s = shipments[id];
        require(msg.sender == s.shipper || msg.sender == s.carrier);
        s.status = Status.Disputed;
        emit DisputeRaised(id);
    }

    function resolveDispute(uint256 id, uint256 carrierShare) external onlyArbiter inStatus(id, Status.Disputed) {
        require(carrierShare <= shipments[id].payment);
        _settle(id, carrierShare);
    }

    function _settle(uint256 id, uint256 carrierShare) internal {
        Shipment storage s = shipments[id];
        s.status = Status.Closed;
        uint256 fee = carrierShare.mul(PLATFORM_FEE_BPS) / 10000;
        uint256 shipperShare = s.payment.sub(carrierShare);
        platformFees = platformFees.add(fee);
        balances[s.carrier] = balances[s.carrier].add(carrierShare.sub(fee));
        balances[s.shipper] = balances[s.shipper].add(shipperShare);
        emit ShipmentSettled(id, carrierShare.sub(fee), shipperShare);
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0);
        balances[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit Withdrawal(msg.sender, amount);
    }

    function withdrawFees() external onlyArbiter {
        uint256 amount = platformFees;
        require(amount > 0);
        platformFees = 0;
        arbiter.transfer(amount);
    }
}
