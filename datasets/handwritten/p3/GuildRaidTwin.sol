// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

abstract contract GuildRoles {
    address public guildMaster;
    uint256 public memberCount;
    mapping(address => bool) public isMember;

    event MemberAdmitted(address indexed member);
    event MemberExpelled(address indexed member);
    event MasterChanged(address indexed master);

    modifier onlyMaster() {
        require(msg.sender == guildMaster, "master only");
        _;
    }

    modifier onlyMember() {
        require(isMember[msg.sender], "members only");
        _;
    }

    constructor() {
        guildMaster = msg.sender;
    }

    function admit(address account) external onlyMaster {
        require(account != address(0) && !isMember[account], "cannot admit");
        isMember[account] = true;
        memberCount += 1;
        emit MemberAdmitted(account);
    }

    function expel(address account) external onlyMaster {
        require(isMember[account], "not a member");
        isMember[account] = false;
        memberCount -= 1;
        emit MemberExpelled(account);
    }

    function handOver(address newMaster) external onlyMaster {
        require(newMaster != address(0), "zero master");
        guildMaster = newMaster;
        emit MasterChanged(newMaster);
    }
}

contract GuildRaid is GuildRoles {
    struct Raid {
        uint256 loot;
        uint256 openedAt;
        uint256 endsAt;
        uint256 totalShares;
        uint256 claimed;
        bool exists;
    }

    struct Entry {
        uint256 joinedAt;
        uint256 shares;
        bool paid;
    }

    uint256 public constant VANGUARD_WINDOW = 1 days;
    uint256 public constant RAID_LENGTH = 3 days;

    uint256 public raidCount;
    mapping(uint256 => Raid) public raids;
    mapping(uint256 => mapping(address => Entry)) public entries;

    event RaidOpened(uint256 indexed raidId, uint256 loot, uint256 endsAt);
    event RaidJoined(uint256 indexed raidId, address indexed member, uint256 shares);
    event LootClaimed(uint256 indexed raidId, address indexed member, uint256 amount);

    function openRaid() external payable onlyMaster returns (uint256 raidId) {
        require(msg.value > 0, "no loot");
        raidId = ++raidCount;
        Raid storage r = raids[raidId];
        r.loot = msg.value;
        r.openedAt = block.timestamp;
        r.endsAt = block.timestamp + RAID_LENGTH;
        r.exists = true;
        emit RaidOpened(raidId, msg.value, r.endsAt);
    }

    function joinRaid(uint256 raidId) external onlyMember {
        Raid storage r = raids[raidId];
        require(r.exists, "no raid");
        require(block.timestamp < r.endsAt, "raid over");
        Entry storage e = entries[raidId][msg.sender];
        require(e.joinedAt == 0, "already joined");
        e.joinedAt = block.timestamp;
        e.shares = _sharesFor(r, e);
        r.totalShares += e.shares;
        emit RaidJoined(raidId, msg.sender, e.shares);
    }

    function claimLoot(uint256 raidId) external {
        Raid storage r = raids[raidId];
        require(r.exists, "no raid");
        require(block.timestamp >= r.endsAt, "raid running");
        Entry storage e = entries[raidId][msg.sender];
        require(e.shares > 0, "not in raid");
        require(!e.paid, "already paid");
        e.paid = true;
        uint256 amount = (r.loot * e.shares) / r.totalShares;
        r.claimed += amount;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "payout failed");
        emit LootClaimed(raidId, msg.sender, amount);
    }

    function sharesOf(uint256 raidId, address member) external view returns (uint256) {
        return entries[raidId][member].shares;
    }

    function _sharesFor(Raid storage r, Entry storage e) internal view returns (uint256) {
        if (e.joinedAt - r.openedAt <= VANGUARD_WINDOW) {
            return 2;
        }
        return 1;
    }
}
