pragma solidity 0.5.17;

contract ParkingPermits {
    struct Zone {
        string name;
        uint256 monthlyRate;
        uint256 revenue;
        uint256 capacity;
        uint256 issued;
        bool enabled;
    }

    struct Permit {
        uint256 zoneId;
        uint256 validUntil;
        string plate;
    }

    address public admin;
    mapping(address => bool) public wardens;
    Zone[] public zones;
    mapping(address => Permit) public permits;
    mapping(bytes32 => uint256) public unpaidFines;
    uint256 public fineRevenue;

    event ZoneCreated(uint256 indexed zoneId, string name, uint256 monthlyRate);
    event PermitBought(address indexed holder, uint256 indexed zoneId, uint256 validUntil);
    event FineIssued(string plate, uint256 amount, address indexed warden);
    event FinePaid(string plate, uint256 amount);
    event RevenuePaidOut(uint256 indexed zoneId, address to, uint256 amount);
    event WardenUpdated(address indexed warden, bool active);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    modifier onlyWarden() {
        require(wardens[msg.sender], "warden only");
        _;
    }

    constructor() public {
        admin = msg.sender;
    }

    function createZone(string calldata name, uint256 monthlyRate, uint256 capacity) external onlyAdmin {
        zones.push(Zone(name, monthlyRate, 0, capacity, 0, true));
        emit ZoneCreated(zones.length - 1, name, monthlyRate);
    }

    function setWarden(address warden, bool active) external onlyAdmin {
        wardens[warden] = active;
        emit WardenUpdated(warden, active);
    }

    function buyPermit(uint256 zoneId, uint256 months, string calldata plate) external payable {
        require(zoneId < zones.length, "unknown zone");
        require(months >= 1 && months <= 12, "1 to 12 months");
        Zone storage zone = zones[zoneId];
        require(zone.enabled, "zone disabled");
        require(msg.value == zone.monthlyRate * months, "wrong payment");

        Permit storage p = permits[msg.sender];
        if (p.validUntil < now || p.zoneId != zoneId) {
            require(zone.issued < zone.capacity, "zone full");
            zone.issued += 1;
            p.zoneId = zoneId;
            p.validUntil = now + months * 30 days;
        } else {
            p.validUntil = p.validUntil + months * 30 days;
        }
        p.plate = plate;
        zone.revenue += msg.value;

        emit PermitBought(msg.sender, zoneId, p.validUntil);
    }

    function payoutZoneRevenue(uint256 zoneId, address payable to) external {
        require(zoneId < zones.length, "unknown zone");
        Zone storage zone = zones[zoneId];
        uint256 amount = zone.revenue;
        require(amount > 0, "nothing collected");
        zone.revenue = 0;
        to.transfer(amount);
        emit RevenuePaidOut(zoneId, to, amount);
    }

    function issueFine(string calldata plate, uint256 amount) external onlyWarden {
        require(amount > 0 && amount <= 1 ether, "fine out of range");
        unpaidFines[keccak256(bytes(plate))] += amount;
        emit FineIssued(plate, amount, msg.sender);
    }

    function payFine(string calldata plate) external payable {
        bytes32 key = keccak256(bytes(plate));
        uint256 owed = unpaidFines[key];
        require(owed > 0, "no fine");
        require(msg.value == owed, "pay the exact fine");
        unpaidFines[key] = 0;
        fineRevenue += msg.value;
        emit FinePaid(plate, msg.value);
    }

    function withdrawFines(address payable to) external onlyAdmin {
        uint256 amount = fineRevenue;
        require(amount > 0, "nothing collected");
        fineRevenue = 0;
        to.transfer(amount);
    }

    function setZoneEnabled(uint256 zoneId, bool enabled) external onlyAdmin {
        require(zoneId < zones.length, "unknown zone");
        zones[zoneId].enabled = enabled;
    }

    function hasValidPermit(address holder, uint256 zoneId) external view returns (bool) {
        Permit storage p = permits[holder];
        return p.zoneId == zoneId && p.validUntil >= now;
    }

    function zoneCount() external view returns (uint256) {
        return zones.length;
    }
}
