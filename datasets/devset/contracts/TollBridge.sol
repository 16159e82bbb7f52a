pragma solidity 0.4.25;

contract TollBridge {
    enum VehicleClass { Motorbike, Car, Van, Truck }

    struct Pass {
        uint256 crossingsLeft;
        uint256 lastCrossing;
        VehicleClass class;
    }

    address public collector;
    address public maintenanceFund;
    uint256 public tollsCollected;
    uint256 public crossings;
    bool public closed;

    mapping(uint8 => uint256) public tollFor;
    mapping(address => Pass) public passes;

    event Crossed(address indexed driver, VehicleClass class, uint256 toll);
    event PassBought(address indexed driver, uint256 crossingsBought);
    event MaintenancePaid(address indexed to, uint256 amount);
    event BridgeClosed(bool closed);

    modifier onlyCollector() {
        require(msg.sender == collector);
        _;
    }

    modifier whenOpen() {
        require(!closed);
        _;
    }

    constructor(address fund) public {
        collector = msg.sender;
        maintenanceFund = fund;
        tollFor[uint8(VehicleClass.Motorbike)] = 0.0005 ether;
        tollFor[uint8(VehicleClass.Car)] = 0.001 ether;
        tollFor[uint8(VehicleClass.Van)] = 0.002 ether;
        tollFor[uint8(VehicleClass.Truck)] = 0.005 ether;
    }

    function cross(VehicleClass class) external payable whenOpen {
        uint256 toll = tollFor[uint8(class)];
        require(msg.value == toll);
        tollsCollected += msg.value;
        crossings += 1;
        emit Crossed(msg.sender, class, toll);
    }

    function buyPass(VehicleClass class, uint256 count) external payable whenOpen {
        require(count >= 10 && count <= 200);
        uint256 price = tollFor[uint8(class)] * count * 90 / 100;
        require(msg.value == price);
        Pass storage p = passes[msg.sender];
        require(p.crossingsLeft == 0 || p.class == class);
        p.crossingsLeft += count;
        p.class = class;
        tollsCollected += msg.value;
        emit PassBought(msg.sender, count);
    }

    function crossWithPass() external whenOpen {
        Pass storage p = passes[msg.sender];
        require(p.crossingsLeft > 0);
        p.crossingsLeft -= 1;
        p.lastCrossing = now;
        crossings += 1;
        emit Crossed(msg.sender, p.class, 0);
    }

    function setToll(VehicleClass class, uint256 toll) external onlyCollector {
        require(toll > 0);
        tollFor[uint8(class)] = toll;
    }

    function payMaintenance(address crew, uint256 amount) external {
        require(amount <= address(this).balance);
        crew.transfer(amount);
        emit MaintenancePaid(crew, amount);
    }

    function sweepToFund() external onlyCollector {
        maintenanceFund.transfer(address(this).balance);
    }

    function setClosed(bool isClosed) external onlyCollector {
        closed = isClosed;
        emit BridgeClosed(isClosed);
    }
}
