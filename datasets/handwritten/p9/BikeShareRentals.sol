// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract BikeShareRentals {
    struct Bike {
        uint128 hourlyRate;
        uint16 station;
        uint16 rides;
        bool available;
        bool retired;
    }

    struct Rental {
        address renter;
        uint256 deposit;
        uint64 startedAt;
        uint8 hoursBooked;
        bool open;
    }

    uint256 public constant MAX_HOURS = 24;
    uint256 public constant MAX_RATE = 1 ether;
    uint16 public constant SERVICE_INTERVAL = 500;

    address payable public operator;
    uint256 public depositAmount;
    uint256 public earnings;

    Bike[] public bikes;
    mapping(uint256 => Rental) public rentals;
    mapping(address => uint256) public refunds;

    event BikeAdded(uint256 indexed bikeId, uint16 station, uint128 hourlyRate);
    event RateChanged(uint256 indexed bikeId, uint128 hourlyRate);
    event RentalStarted(uint256 indexed bikeId, address indexed renter, uint8 hoursBooked);
    event RentalClosed(uint256 indexed bikeId, address indexed renter, uint256 damageFee);
    event RefundClaimed(address indexed renter, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor(uint256 _depositAmount) {
        require(_depositAmount <= 5 ether, "deposit too high");
        operator = msg.sender;
        depositAmount = _depositAmount;
    }

    function addBike(uint16 station, uint128 hourlyRate) external onlyOperator {
        require(hourlyRate > 0 && hourlyRate <= MAX_RATE, "bad rate");
        bikes.push(Bike(hourlyRate, station, 0, true, false));
        emit BikeAdded(bikes.length - 1, station, hourlyRate);
    }

    function changeRate(uint256 bikeId, uint128 hourlyRate) external onlyOperator {
        require(bikeId < bikes.length, "unknown bike");
        require(hourlyRate > 0 && hourlyRate <= MAX_RATE, "bad rate");
        bikes[bikeId].hourlyRate = hourlyRate;
        emit RateChanged(bikeId, hourlyRate);
    }

    function rent(uint256 bikeId, uint256 hoursBooked) external payable {
        require(bikeId < bikes.length, "unknown bike");
        Bike storage b = bikes[bikeId];
        require(b.available && !b.retired, "bike not available");
        require(hoursBooked >= 1 && hoursBooked <= MAX_HOURS, "bad duration");

        uint256 cost = hoursBooked * b.hourlyRate;
        require(msg.value == cost + depositAmount, "wrong payment");

        b.available = false;
        if (b.rides < SERVICE_INTERVAL) {
            b.rides += 1;
        }
        rentals[bikeId] = Rental(msg.sender, depositAmount, uint64(block.timestamp), uint8(hoursBooked), true);
        earnings += cost;
        emit RentalStarted(bikeId, msg.sender, uint8(hoursBooked));
    }

    function closeRental(uint256 bikeId, uint256 damageFee) external onlyOperator {
        Rental storage r = rentals[bikeId];
        require(r.open, "no open rental");
        require(damageFee <= r.deposit, "fee above deposit");

        r.open = false;
        bikes[bikeId].available = true;
        earnings += damageFee;
        refunds[r.renter] += r.deposit - damageFee;
        emit RentalClosed(bikeId, r.renter, damageFee);
    }

    function claimRefund() external {
        uint256 amount = refunds[msg.sender];
        require(amount > 0, "nothing to claim");
        refunds[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit RefundClaimed(msg.sender, amount);
    }

    function serviceBike(uint256 bikeId) external onlyOperator {
        require(bikeId < bikes.length, "unknown bike");
        Bike storage b = bikes[bikeId];
        require(b.available, "bike is out");
        b.rides = 0;
    }

    function retireBike(uint256 bikeId) external onlyOperator {
        require(bikeId < bikes.length, "unknown bike");
        bikes[bikeId].retired = true;
        bikes[bikeId].available = false;
    }

    function withdrawEarnings(uint256 amount) external onlyOperator {
        require(amount <= earnings, "more than earned");
        earnings -= amount;
        operator.transfer(amount);
    }

    function bikeCount() external view returns (uint256) {
        return bikes.length;
    }
}
