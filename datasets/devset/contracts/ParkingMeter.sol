pragma solidity ^0.4.24;

contract ParkingMeter {
    struct Session {
        address driver;
        uint256 zone;
        uint256 paidUntil;
        bool open;
    }

    uint256 public constant GRACE = 30 seconds;

    address public council;
    uint256 public fineAmount = 0.02 ether;
    uint256 public revenue;

    mapping(uint256 => uint256) public ratePerMinute;
    mapping(bytes32 => Session) public sessions;
    mapping(address => uint256) public deposits;
    mapping(address => bool) public wardens;

    event Parked(bytes32 indexed plate, address indexed driver, uint256 zone, uint256 paidUntil);
    event Left(bytes32 indexed plate, address indexed driver);
    event Fined(bytes32 indexed plate, address indexed driver, address indexed warden, uint256 amount);

    modifier onlyCouncil() {
        require(msg.sender == council);
        _;
    }

    modifier onlyWarden() {
        require(wardens[msg.sender]);
        _;
    }

    constructor() public {
        council = msg.sender;
    }

    function setZoneRate(uint256 zone, uint256 rate) external onlyCouncil {
        ratePerMinute[zone] = rate;
    }

    function setWarden(address warden, bool active) external onlyCouncil {
        wardens[warden] = active;
    }

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
    }

    function park(bytes32 plate, uint256 zone, uint256 mins) external payable {
        uint256 rate = ratePerMinute[zone];
        require(rate > 0 && mins > 0 && mins <= 240);
        require(msg.value == rate * mins);
        require(deposits[msg.sender] >= fineAmount);
        Session storage s = sessions[plate];
        require(!s.open);
        s.driver = msg.sender;
        s.zone = zone;
        s.paidUntil = now + mins * 1 minutes;
        s.open = true;
        revenue += msg.value;
        emit Parked(plate, msg.sender, zone, s.paidUntil);
    }

    function leave(bytes32 plate) external {
        Session storage s = sessions[plate];
        require(s.open && s.driver == msg.sender);
        s.open = false;
        if (now > s.paidUntil + GRACE) {
            _charge(plate, msg.sender, council);
        }
        emit Left(plate, msg.sender);
    }

    function fine(bytes32 plate) external onlyWarden {
        Session storage s = sessions[plate];
        require(s.open);
        require(now > s.paidUntil + GRACE);
        s.open = false;
        _charge(plate, s.driver, msg.sender);
    }

    function _charge(bytes32 plate, address driver, address collector) internal {
        uint256 amount = fineAmount;
        if (deposits[driver] < amount) {
            amount = deposits[driver];
        }
        deposits[driver] -= amount;
        uint256 bounty = amount / 2;
        deposits[collector] += bounty;
        revenue += amount - bounty;
        emit Fined(plate, driver, collector, amount);
    }

    function withdrawDeposit(uint256 amount) external {
        require(amount > 0 && deposits[msg.sender] >= amount);
        deposits[msg.sender] -= amount;
        msg.sender.transfer(amount);
    }

    function collectRevenue() external onlyCouncil {
        uint256 amount = revenue;
        revenue = 0;
        council.transfer(amount);
    }
}
