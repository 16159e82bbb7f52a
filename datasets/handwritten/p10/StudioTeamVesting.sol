// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

interface IStudioToken {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
}

contract StudioTeamVesting {
    struct Grant {
        uint256 total;
        uint256 released;
        uint64 start;
        uint32 cliffDays;
        uint32 durationDays;
        bool revocable;
        bool revoked;
    }

    uint32 public constant MAX_DURATION_DAYS = 1461;

    IStudioToken public immutable token;
    address public admin;
    uint256 public allocated;

    mapping(address => Grant) public grants;

    event GrantCreated(address indexed member, uint256 total, uint32 cliffDays, uint32 durationDays);
    event Released(address indexed member, uint256 amount);
    event GrantRevoked(address indexed member, uint256 returned);
    event GrantMoved(address indexed from, address indexed to);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    constructor(IStudioToken _token) public {
        token = _token;
        admin = msg.sender;
    }

    function createGrant(
        address member,
        uint256 total,
        uint32 cliffDays,
        uint32 durationDays,
        bool revocable
    ) external onlyAdmin {
        require(member != address(0) && grants[member].total == 0, "bad member");
        require(durationDays > 0 && durationDays <= MAX_DURATION_DAYS, "duration");
        require(cliffDays <= durationDays, "cliff");
        require(total > 0 && total <= token.balanceOf(address(this)) - allocated, "unfunded");
        allocated += total;
        grants[member] = Grant(total, 0, uint64(now), cliffDays, durationDays, revocable, false);
        emit GrantCreated(member, total, cliffDays, durationDays);
    }

    function vestedOf(address member) public view returns (uint256) {
        Grant storage g = grants[member];
        if (g.total == 0) {
            return 0;
        }
        if (g.revoked) {
            return g.total;
        }
        uint256 daysIn = (now - g.start) / 1 days;
        if (daysIn < g.cliffDays) {
            return 0;
        }
        if (daysIn >= g.durationDays) {
            return g.total;
        }
        return (g.total * daysIn) / g.durationDays;
    }

    function releasable(address member) public view returns (uint256) {
        return vestedOf(member) - grants[member].released;
    }

    function release(uint256 amount) external {
        Grant storage g = grants[msg.sender];
        require(amount > 0 && amount <= releasable(msg.sender), "too much");
        g.released += amount;
        allocated -= amount;
        require(token.transfer(msg.sender, amount), "transfer failed");
        emit Released(msg.sender, amount);
    }

    function moveGrant(address to) external {
        require(to != address(0) && grants[to].total == 0, "bad target");
        Grant storage g = grants[msg.sender];
        require(g.total > 0, "no grant");
        grants[to] = g;
        delete grants[msg.sender];
        emit GrantMoved(msg.sender, to);
    }

    function revoke(address member) external onlyAdmin {
        Grant storage g = grants[member];
        require(g.revocable && g.total > 0, "not revocable");
        uint256 vested = vestedOf(member);
        uint256 unvested = g.total - vested;
        g.total = vested;
        g.revocable = false;
        g.revoked = true;
        allocated -= unvested;
        require(token.transfer(admin, unvested), "transfer failed");
        emit GrantRevoked(member, unvested);
    }
}
