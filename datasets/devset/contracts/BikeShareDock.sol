pragma solidity 0.4.26;

contract BikeShareDock {
    struct Bike {
        uint256 dock;
        bool available;
        bool retired;
    }

    struct Ride {
        uint256 bikeId;
        uint256 deposit;
        uint256 startedAt;
        bool active;
    }

    address public operator;
    uint256 public depositAmount = 0.05 ether;
    uint256 public hourlyRate = 0.002 ether;
    uint256 public earnings;
    uint256 public dockCount;

    Bike[] public bikes;
    mapping(address => Ride) public rides;

    event BikeAdded(uint256 indexed bikeId, uint256 dock);
    event BikeRetired(uint256 indexed bikeId);
    event RideStarted(address indexed rider, uint256 indexed bikeId);
    event RideEnded(address indexed rider, uint256 indexed bikeId, uint256 fee, uint256 refund);

    modifier onlyOperator() {
        require(msg.sender == operator);
        _;
    }

    constructor(uint256 docks) public {
        require(docks > 0);
        operator = msg.sender;
        dockCount = docks;
    }

    function addBike(uint256 dock) external onlyOperator returns (uint256 bikeId) {
        require(dock < dockCount);
        bikeId = bikes.push(Bike(dock, true, false)) - 1;
        emit BikeAdded(bikeId, dock);
    }

    function retireBike(uint256 bikeId) external onlyOperator {
        require(bikes[bikeId].available);
        bikes[bikeId].retired = true;
        emit BikeRetired(bikeId);
    }

    function startRide(uint256 bikeId) external payable {
        require(bikeId < bikes.length);
        Bike storage b = bikes[bikeId];
        require(b.available && !b.retired);
        require(!rides[msg.sender].active);
        require(msg.value == depositAmount);
        b.available = false;
        rides[msg.sender] = Ride(bikeId, msg.value, now, true);
        emit RideStarted(msg.sender, bikeId);
    }

    function endRide(uint256 dock) external {
        Ride storage r = rides[msg.sender];
        require(r.active);
        require(dock < dockCount);
        Bike storage b = bikes[r.bikeId];
        b.dock = dock;
        b.available = true;
        _settle(r);
    }

    function _settle(Ride storage r) internal {
        uint256 hoursUsed = (now - r.startedAt) / 1 hours + 1;
        uint256 fee = hoursUsed * hourlyRate;
        if (fee > r.deposit) {
            fee = r.deposit;
        }
        uint256 refund = r.deposit - fee;
        earnings += fee;
        require(msg.sender.call.value(refund)());
        r.active = false;
        r.deposit = 0;
        emit RideEnded(msg.sender, r.bikeId, fee, refund);
    }

    function bikesAt(uint256 dock) external view returns (uint256 count) {
        for (uint256 i = 0; i < bikes.length; i++) {
            if (bikes[i].dock == dock && bikes[i].available && !bikes[i].retired) {
                count += 1;
            }
        }
    }

    function setRates(uint256 deposit, uint256 hourly) external onlyOperator {
        require(hourly > 0 && deposit >= hourly * 24);
        depositAmount = deposit;
        hourlyRate = hourly;
    }

    function withdrawEarnings() external onlyOperator {
        uint256 amount = earnings;
        earnings = 0;
        operator.transfer(amount);
    }
}
