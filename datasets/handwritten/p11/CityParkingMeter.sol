pragma solidity 0.5.17;

contract CityParkingMeter {
    struct Zone {
        string name;
        uint256 quarterRate;
        uint256 maxQuarters;
        bool active;
    }

    struct Session {
        bytes32 plate;
        address driver;
        uint256 zoneId;
        uint256 startedAt;
        uint256 quarters;
        uint256 paid;
    }

    uint256 public constant QUARTER = 15 minutes;
    uint256 public constant GRACE_SECONDS = 45;

    address public cityTreasurer;
    uint256 public zoneCount;
    uint256 public sessionCount;
    uint256 public collected;

    mapping(uint256 => Zone) public zones;
    mapping(uint256 => Session) public sessions;
    mapping(address => uint256[]) private driverSessions;
    mapping(address => mapping(uint256 => bool)) public residentPermit;

    event ZoneConfigured(uint256 indexed zoneId, string name, uint256 quarterRate, uint256 maxQuarters);
    event ParkingStarted(uint256 indexed sessionId, bytes32 indexed plate, uint256 zoneId, uint256 quarters, uint256 paid);
    event PermitChanged(address indexed driver, uint256 indexed zoneId, bool granted);
    event RevenueSwept(address indexed to, uint256 amount);

    modifier onlyTreasurer() {
        require(msg.sender == cityTreasurer, "treasurer only");
        _;
    }

    modifier zoneOpen(uint256 zoneId) {
        require(zoneId < zoneCount && zones[zoneId].active, "zone closed");
        _;
    }

    constructor() public {
        cityTreasurer = msg.sender;
    }

    function configureZone(string calldata name, uint256 quarterRate, uint256 maxQuarters)
        external
        onlyTreasurer
        returns (uint256 zoneId)
    {
        require(quarterRate > 0 && quarterRate < 1 ether, "rate");
        require(maxQuarters > 0 && maxQuarters <= 48, "max");
        zoneId = zoneCount;
        zones[zoneId] = Zone(name, quarterRate, maxQuarters, true);
        zoneCount = zoneCount + 1;
        emit ZoneConfigured(zoneId, name, quarterRate, maxQuarters);
    }

    function closeZone(uint256 zoneId) external onlyTreasurer zoneOpen(zoneId) {
        zones[zoneId].active = false;
    }

    function startParking(bytes32 plate, uint256 zoneId, uint256 quarters)
        external
        payable
        zoneOpen(zoneId)
        returns (uint256 sessionId)
    {
        Zone storage zone = zones[zoneId];
        require(plate != bytes32(0), "plate");
        require(quarters > 0 && quarters <= zone.maxQuarters, "duration");

        uint256 fee = _quote(zone, zoneId, quarters, msg.sender);
        require(msg.value == fee, "exact fee");

        sessionId = sessionCount;
        sessions[sessionId] = Session(plate, msg.sender, zoneId, now, quarters, fee);
        driverSessions[msg.sender].push(sessionId);
        sessionCount = sessionId + 1;
        collected += fee;

        emit ParkingStarted(sessionId, plate, zoneId, quarters, fee);
    }

    function quote(uint256 zoneId, uint256 quarters, address driver) external view zoneOpen(zoneId) returns (uint256) {
        Zone storage zone = zones[zoneId];
        require(quarters > 0 && quarters <= zone.maxQuarters, "duration");
        return _quote(zone, zoneId, quarters, driver);
    }

    function sessionsOf(address driver) external view returns (uint256[] memory) {
        return driverSessions[driver];
    }

    function setResidentPermit(address driver, uint256 zoneId, bool granted) external onlyTreasurer {
        residentPermit[driver][zoneId] = granted;
        emit PermitChanged(driver, zoneId, granted);
    }

    function sweep() external onlyTreasurer {
        uint256 amount = address(this).balance;
        require(amount > 0, "empty");
        msg.sender.transfer(amount);
        emit RevenueSwept(msg.sender, amount);
    }

    function _quote(Zone storage zone, uint256 zoneId, uint256 quarters, address driver)
        internal
        view
        returns (uint256)
    {
        uint256 billable = quarters;
        if (now % QUARTER >= QUARTER - GRACE_SECONDS) {
            billable = billable - 1;
        }
        uint256 fee = billable * zone.quarterRate;
        if (residentPermit[driver][zoneId]) {
            fee = fee / 2;
        }
        return fee;
    }
}
