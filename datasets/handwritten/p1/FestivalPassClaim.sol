// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract FestivalPassClaim {
    struct Fan {
        uint8 claimed;
        uint16 checkedIn;
        bool allowlisted;
    }

    struct Gate {
        string label;
        uint32 scans;
        bool open;
    }

    address public organizer;
    uint8 public immutable maxPerFan;
    uint256 public immutable capacity;
    uint256 public totalIssued;
    bool public claimsOpen;

    mapping(address => Fan) public fans;
    mapping(address => uint256) public passBalance;
    mapping(address => bool) public gateStaff;
    Gate[] public gates;

    event AllowlistUpdated(address indexed fan, bool allowed);
    event ClaimsToggled(bool open);
    event PassesClaimed(address indexed fan, uint8 quantity, uint256 totalIssued);
    event PassesGifted(address indexed from, address indexed to, uint256 quantity);
    event GateAdded(uint256 indexed gateId, string label);
    event CheckedIn(address indexed fan, uint256 indexed gateId, address indexed staff);

    modifier onlyOrganizer() {
        require(msg.sender == organizer, "organizer only");
        _;
    }

    modifier onlyGateStaff() {
        require(gateStaff[msg.sender], "staff only");
        _;
    }

    constructor(uint8 perFan, uint256 totalCapacity) {
        require(perFan > 0 && totalCapacity > 0, "bad config");
        organizer = msg.sender;
        maxPerFan = perFan;
        capacity = totalCapacity;
    }

    function setAllowlist(address[] calldata accounts, bool allowed) external onlyOrganizer {
        require(accounts.length <= 200, "batch too large");
        for (uint256 i = 0; i < accounts.length; i++) {
            fans[accounts[i]].allowlisted = allowed;
            emit AllowlistUpdated(accounts[i], allowed);
        }
    }

    function setClaimsOpen(bool open) external onlyOrganizer {
        claimsOpen = open;
        emit ClaimsToggled(open);
    }

    function setGateStaff(address staff, bool enabled) external onlyOrganizer {
        gateStaff[staff] = enabled;
    }

    function addGate(string calldata label) external onlyOrganizer {
        gates.push(Gate(label, 0, true));
        emit GateAdded(gates.length - 1, label);
    }

    function claimPasses(uint8 quantity) external {
        require(claimsOpen, "claims closed");
        require(quantity > 0, "nothing to claim");
        Fan storage fan = fans[msg.sender];
        require(fan.allowlisted, "not on allowlist");
        require(totalIssued + quantity <= capacity, "sold out");
        unchecked {
            fan.claimed += quantity;
        }
        require(fan.claimed <= maxPerFan, "over personal limit");
        totalIssued += quantity;
        passBalance[msg.sender] += quantity;
        emit PassesClaimed(msg.sender, quantity, totalIssued);
    }

    function giftPasses(address to, uint256 quantity) external {
        require(to != address(0), "zero recipient");
        require(quantity > 0 && passBalance[msg.sender] >= quantity, "not enough passes");
        passBalance[msg.sender] -= quantity;
        passBalance[to] += quantity;
        emit PassesGifted(msg.sender, to, quantity);
    }

    function checkIn(address holder, uint256 gateId) external onlyGateStaff {
        require(gateId < gates.length, "unknown gate");
        Gate storage gate = gates[gateId];
        require(gate.open, "gate closed");
        require(passBalance[holder] > 0, "no pass");
        passBalance[holder] -= 1;
        fans[holder].checkedIn += 1;
        gate.scans += 1;
        emit CheckedIn(holder, gateId, msg.sender);
    }

    function closeGate(uint256 gateId) external onlyOrganizer {
        require(gateId < gates.length, "unknown gate");
        gates[gateId].open = false;
    }

    function remainingFor(address account) external view returns (uint8) {
        Fan storage fan = fans[account];
        if (!fan.allowlisted || fan.claimed >= maxPerFan) {
            return 0;
        }
        return maxPerFan - fan.claimed;
    }
}
