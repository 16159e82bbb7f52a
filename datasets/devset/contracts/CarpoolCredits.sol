// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract CarpoolCredits {
    struct Ride {
        address driver;
        uint8 seats;
        uint8 booked;
        uint256 farePerSeat;
        uint256 departsAt;
        bool cancelled;
    }

    address public operator;
    uint256 public weiPerCredit = 1e12;
    uint256 public rideCount;

    mapping(address => uint256) public credits;
    mapping(uint256 => Ride) public rides;
    mapping(uint256 => mapping(address => uint8)) public seatsHeld;

    event CreditsBought(address indexed account, uint256 amount);
    event CreditsMoved(address indexed from, address indexed to, uint256 amount);
    event RideOffered(uint256 indexed rideId, address indexed driver, uint8 seats, uint256 farePerSeat);
    event SeatBooked(uint256 indexed rideId, address indexed rider, uint8 seats);
    event CreditsCashed(address indexed account, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor() public {
        operator = msg.sender;
    }

    function buyCredits() external payable {
        uint256 amount = msg.value / weiPerCredit;
        require(amount > 0, "too small");
        credits[msg.sender] += amount;
        emit CreditsBought(msg.sender, amount);
    }

    function offerRide(uint8 seats, uint256 farePerSeat, uint256 departsAt) external returns (uint256 rideId) {
        require(seats > 0 && seats <= 7, "seats");
        require(farePerSeat > 0 && farePerSeat <= 1e9, "fare");
        require(departsAt > block.timestamp + 1 hours, "too soon");
        rideId = ++rideCount;
        rides[rideId] = Ride(msg.sender, seats, 0, farePerSeat, departsAt, false);
        emit RideOffered(rideId, msg.sender, seats, farePerSeat);
    }

    function book(uint256 rideId, uint8 seats) external {
        Ride storage r = rides[rideId];
        require(!r.cancelled && block.timestamp < r.departsAt, "closed");
        require(seats > 0 && seats <= r.seats - r.booked, "no room");
        r.booked += seats;
        seatsHeld[rideId][msg.sender] += seats;
        _move(msg.sender, r.driver, r.farePerSeat * seats);
        emit SeatBooked(rideId, msg.sender, seats);
    }

    function tip(address driver, uint256 amount) external {
        _move(msg.sender, driver, amount);
    }

    function _move(address from, address to, uint256 amount) internal {
        require(credits[from] - amount >= 0, "insufficient credits");
        credits[from] -= amount;
        credits[to] += amount;
        emit CreditsMoved(from, to, amount);
    }

    function cashOut(uint256 amount) external {
        require(amount > 0 && credits[msg.sender] >= amount, "credits");
        credits[msg.sender] -= amount;
        msg.sender.transfer(amount * weiPerCredit);
        emit CreditsCashed(msg.sender, amount);
    }

    function cancelRide(uint256 rideId) external {
        Ride storage r = rides[rideId];
        require(msg.sender == r.driver && r.booked == 0, "cannot cancel");
        r.cancelled = true;
    }
}
