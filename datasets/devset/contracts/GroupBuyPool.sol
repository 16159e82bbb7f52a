pragma solidity 0.5.17;

library UnitMath {
    function plus(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "units");
        return c;
    }

    function minus(uint256 a, uint256 b) internal pure returns (uint256) {
        return a - b;
    }
}

contract GroupBuyPool {
    using UnitMath for uint256;

    enum Phase { Collecting, Ordered, Delivered }

    struct Participant {
        uint256 units;
        uint256 paid;
        bool collected;
    }

    address payable public organiser;
    string public product;
    uint256 public unitPrice;
    uint256 public minimumUnits;
    uint256 public totalUnits;
    Phase public phase;

    mapping(address => Participant) public participants;

    event Joined(address indexed who, uint256 units);
    event Reduced(address indexed who, uint256 units, uint256 refund);
    event OrderPlaced(uint256 totalUnits, uint256 amount);
    event DeliveryConfirmed();
    event Collected(address indexed who, uint256 units);

    modifier onlyOrganiser() {
        require(msg.sender == organiser, "organiser only");
        _;
    }

    modifier inPhase(Phase p) {
        require(phase == p, "phase");
        _;
    }

    constructor(string memory _product, uint256 _unitPrice, uint256 _minimumUnits) public {
        require(_unitPrice > 0 && _minimumUnits > 0, "terms");
        organiser = msg.sender;
        product = _product;
        unitPrice = _unitPrice;
        minimumUnits = _minimumUnits;
    }

    function join(uint256 units) external payable inPhase(Phase.Collecting) {
        require(units > 0 && units <= 100, "units");
        require(msg.value == units * unitPrice, "payment");
        Participant storage p = participants[msg.sender];
        p.units = p.units.plus(units);
        p.paid += msg.value;
        totalUnits = totalUnits.plus(units);
        emit Joined(msg.sender, units);
    }

    function reduce(uint256 units) external inPhase(Phase.Collecting) {
        Participant storage p = participants[msg.sender];
        require(units > 0 && p.paid > 0, "nothing to reduce");
        p.units = p.units.minus(units);
        uint256 refund = units * unitPrice;
        p.paid -= refund;
        totalUnits = totalUnits.minus(units);
        msg.sender.transfer(refund);
        emit Reduced(msg.sender, units, refund);
    }

    function placeOrder() external onlyOrganiser inPhase(Phase.Collecting) {
        require(totalUnits >= minimumUnits, "not enough units");
        phase = Phase.Ordered;
        uint256 amount = totalUnits * unitPrice;
        emit OrderPlaced(totalUnits, amount);
        organiser.transfer(amount);
    }

    function confirmDelivery() external onlyOrganiser inPhase(Phase.Ordered) {
        phase = Phase.Delivered;
        emit DeliveryConfirmed();
    }

    function markCollected(address who) external onlyOrganiser inPhase(Phase.Delivered) {
        Participant storage p = participants[who];
        require(p.units > 0 && !p.collected, "nothing to collect");
        p.collected = true;
        emit Collected(who, p.units);
    }
}
