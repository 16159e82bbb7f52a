// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "math error");
        return c;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "math error");
        return c;
    }
}

contract CityParkingPermits {
    using SafeMath for uint256;

    struct Zone {
        string name;
        uint256 monthlyRate;
        uint16 capacity;
        uint16 issued;
        bool open;
    }

    struct Permit {
        uint256 zoneId;
        uint64 validUntil;
        uint16 renewals;
        bytes8 plate;
        bool held;
    }

    uint256 public constant MONTH = 30 days;

    address payable public treasurer;
    Zone[] public zones;
    mapping(address => Permit) public permits;

    event ZoneOpened(uint256 indexed zoneId, string name, uint256 monthlyRate, uint16 capacity);
    event ZoneRateChanged(uint256 indexed zoneId, uint256 monthlyRate);
    event PermitIssued(address indexed holder, uint256 indexed zoneId, bytes8 plate, uint64 validUntil);
    event PermitRenewed(address indexed holder, uint64 validUntil);
    event PermitSurrendered(address indexed holder, uint256 indexed zoneId);

    modifier onlyTreasurer() {
        require(msg.sender == treasurer, "treasurer only");
        _;
    }

    constructor() public {
        treasurer = msg.sender;
    }

    function openZone(string calldata name, uint256 monthlyRate, uint16 capacity) external onlyTreasurer {
        require(monthlyRate > 0 && capacity > 0, "bad zone");
        zones.push(Zone(name, monthlyRate, capacity, 0, true));
        emit ZoneOpened(zones.length - 1, name, monthlyRate, capacity);
    }

    function changeRate(uint256 zoneId, uint256 monthlyRate) external onlyTreasurer {
        require(zoneId < zones.length && monthlyRate > 0, "bad input");
        zones[zoneId].monthlyRate = monthlyRate;
        emit ZoneRateChanged(zoneId, monthlyRate);
    }

    function buyPermit(uint256 zoneId, bytes8 plate, uint256 months) external payable {
        require(!permits[msg.sender].held, "permit already held");
        require(zoneId < zones.length, "unknown zone");
        Zone storage z = zones[zoneId];
        require(z.open && z.issued < z.capacity, "zone full");
        require(months > 0, "zero months");
        require(msg.value == months.mul(z.monthlyRate), "wrong payment");

        z.issued += 1;
        uint64 validUntil = _expiry(block.timestamp, months);
        permits[msg.sender] = Permit(zoneId, validUntil, 0, plate, true);
        emit PermitIssued(msg.sender, zoneId, plate, validUntil);
    }

    function renew(uint256 months) external payable {
        Permit storage p = permits[msg.sender];
        require(p.held, "no permit");
        require(months > 0, "zero months");
        require(msg.value == zones[p.zoneId].monthlyRate.mul(months), "wrong payment");

        uint256 from = p.validUntil > block.timestamp ? p.validUntil : block.timestamp;
        p.validUntil = _expiry(from, months);
        if (p.renewals < type(uint16).max) {
            p.renewals += 1;
        }
        emit PermitRenewed(msg.sender, p.validUntil);
    }

    function surrender() external {
        Permit storage p = permits[msg.sender];
        require(p.held, "no permit");
        Zone storage z = zones[p.zoneId];
        if (z.issued > 0) {
            z.issued -= 1;
        }
        p.held = false;
        p.validUntil = 0;
        emit PermitSurrendered(msg.sender, p.zoneId);
    }

    function isValid(address holder) external view returns (bool) {
        Permit storage p = permits[holder];
        return p.held && p.validUntil >= block.timestamp;
    }

    function collect() external onlyTreasurer {
        treasurer.transfer(address(this).balance);
    }

    function _expiry(uint256 from, uint256 months) internal pure returns (uint64) {
        uint256 until = from.add(months.mul(MONTH));
        require(until <= type(uint64).max, "too far ahead");
        return uint64(until);
    }
}
