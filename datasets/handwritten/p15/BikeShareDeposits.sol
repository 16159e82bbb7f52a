pragma solidity ^0.5.0;

contract BikeShareDeposits {
    struct Bike {
        string dock;
        address rider;
        uint256 rentedAt;
        bool inService;
    }

    address public operator;
    uint256 public dailyRate;
    uint256 public minimumDeposit;
    uint256 public earnedFees;

    Bike[] public bikes;
    mapping(address => uint256) public deposits;
    mapping(address => uint256) public activeBike;

    event Deposited(address indexed rider, uint256 amount);
    event Withdrawn(address indexed rider, uint256 amount);
    event BikeRented(uint256 indexed bikeId, address indexed rider);
    event BikeReturned(uint256 indexed bikeId, address indexed rider, uint256 charge);
    event BikeAdded(uint256 indexed bikeId, string dock);
    event FeesCollected(address indexed to, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor(uint256 _dailyRate, uint256 _minimumDeposit) public {
        operator = msg.sender;
        dailyRate = _dailyRate;
        minimumDeposit = _minimumDeposit;
    }

    function deposit() external payable {
        require(msg.value > 0, "empty deposit");
        deposits[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function rent(uint256 bikeId) external {
        require(msg.sender == tx.origin, "riders use their own wallet");
        require(bikeId < bikes.length, "unknown bike");
        require(activeBike[msg.sender] == 0, "return your current bike first");
        require(deposits[msg.sender] >= minimumDeposit, "deposit too low");
        Bike storage b = bikes[bikeId];
        require(b.inService && b.rider == address(0), "bike unavailable");

        b.rider = msg.sender;
        b.rentedAt = now;
        activeBike[msg.sender] = bikeId + 1;
        emit BikeRented(bikeId, msg.sender);
    }

    function giveBack(string calldata dock) external {
        uint256 slot = activeBike[msg.sender];
        require(slot != 0, "no bike rented");
        uint256 bikeId = slot - 1;
        Bike storage b = bikes[bikeId];

        uint256 daysUsed = (now - b.rentedAt) / 1 days + 1;
        uint256 charge = daysUsed * dailyRate;
        if (charge > deposits[msg.sender]) {
            charge = deposits[msg.sender];
        }

        deposits[msg.sender] -= charge;
        earnedFees += charge;
        b.rider = address(0);
        b.rentedAt = 0;
        b.dock = dock;
        activeBike[msg.sender] = 0;
        emit BikeReturned(bikeId, msg.sender, charge);
    }

    function withdraw(uint256 amount) external {
        require(activeBike[msg.sender] == 0, "bike still out");
        require(amount > 0 && amount <= deposits[msg.sender], "bad amount");
        deposits[msg.sender] -= amount;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function addBike(string calldata dock) external onlyOperator {
        bikes.push(Bike(dock, address(0), 0, true));
        emit BikeAdded(bikes.length - 1, dock);
    }

    function setInService(uint256 bikeId, bool inService) external onlyOperator {
        require(bikeId < bikes.length, "unknown bike");
        require(bikes[bikeId].rider == address(0), "bike is out");
        bikes[bikeId].inService = inService;
    }

    function collectFees(address payable to) external onlyOperator {
        uint256 amount = earnedFees;
        require(amount > 0, "no fees");
        earnedFees = 0;
        to.transfer(amount);
        emit FeesCollected(to, amount);
    }

    function bikeCount() external view returns (uint256) {
        return bikes.length;
    }
}
