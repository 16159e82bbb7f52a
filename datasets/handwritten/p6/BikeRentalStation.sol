pragma solidity 0.4.25;

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

contract StationTreasury {
    using SafeMath for uint256;

    address public operator;
    uint256 public revenue;

    event Payout(address indexed to, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator);
        _;
    }

    constructor() public {
        operator = msg.sender;
    }

    function payOut(address to, uint256 amount) public {
        require(to != address(0));
        require(amount <= address(this).balance);
        to.transfer(amount);
        emit Payout(to, amount);
    }
}

contract BikeRentalStation is StationTreasury {
    struct Rental {
        uint256 bikeId;
        uint256 startedAt;
        uint256 deposit;
        bool active;
    }

    uint256 public dailyRate;
    uint256 public depositRequired;
    uint256 public fleetSize;

    mapping(uint256 => bool) public bikeOut;
    mapping(address => Rental) public rentals;
    mapping(address => uint256) public credits;

    event BikeCheckedOut(address indexed rider, uint256 indexed bikeId);
    event BikeReturned(address indexed rider, uint256 indexed bikeId, uint256 fee);
    event CreditWithdrawn(address indexed rider, uint256 amount);

    constructor(uint256 _dailyRate, uint256 _deposit, uint256 _fleetSize) public {
        require(_fleetSize > 0 && _fleetSize <= 1000);
        require(_dailyRate > 0 && _deposit >= _dailyRate.mul(3));
        dailyRate = _dailyRate;
        depositRequired = _deposit;
        fleetSize = _fleetSize;
    }

    function checkOut(uint256 bikeId) public payable {
        require(bikeId < fleetSize);
        require(!bikeOut[bikeId]);
        require(!rentals[msg.sender].active);
        require(msg.value == depositRequired);
        bikeOut[bikeId] = true;
        rentals[msg.sender] = Rental(bikeId, now, msg.value, true);
        emit BikeCheckedOut(msg.sender, bikeId);
    }

    function returnBike() public {
        Rental storage r = rentals[msg.sender];
        require(r.active);
        uint256 daysUsed = now.sub(r.startedAt).add(1 days - 1) / 1 days;
        uint256 fee = daysUsed.mul(dailyRate);
        if (fee > r.deposit) {
            fee = r.deposit;
        }
        uint256 refund = r.deposit.sub(fee);
        r.active = false;
        r.deposit = 0;
        bikeOut[r.bikeId] = false;
        revenue = revenue.add(fee);
        credits[msg.sender] = credits[msg.sender].add(refund);
        emit BikeReturned(msg.sender, r.bikeId, fee);
    }

    function withdrawCredit() public {
        uint256 amount = credits[msg.sender];
        require(amount > 0);
        credits[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit CreditWithdrawn(msg.sender, amount);
    }

    function collectRevenue(uint256 amount) public onlyOperator {
        require(amount <= revenue);
        revenue = revenue.sub(amount);
        payOut(operator, amount);
    }
}
