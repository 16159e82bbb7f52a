// SPDX-License-Identifier: MIT
pragma solidity ^0.8.9;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract VestingVault {
    struct Grant {
        address beneficiary;
        uint128 total;
        uint128 released;
        uint64 start;
        uint32 cliffDays;
        uint32 durationDays;
        bool revocable;
        bool revoked;
    }

    IERC20 public immutable token;
    address public admin;
    uint256 public grantCount;

    mapping(uint256 => Grant) public grants;

    event GrantCreated(uint256 indexed id, address indexed beneficiary, uint256 total);
    event Released(uint256 indexed id, address indexed beneficiary, uint256 amount);
    event BeneficiaryChanged(uint256 indexed id, address indexed previous, address indexed next);
    event Revoked(uint256 indexed id, uint256 returned);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    constructor(IERC20 _token) {
        token = _token;
        admin = msg.sender;
    }

    function createGrant(address beneficiary, uint128 total, uint32 cliffDays, uint32 durationDays, bool revocable) external onlyAdmin returns (uint256 id) {
        require(beneficiary != address(0) && total > 0, "grant");
        require(durationDays > 0 && cliffDays <= durationDays, "schedule");
        require(token.transferFrom(msg.sender, address(this), total), "funding");
        id = ++grantCount;
        grants[id] = Grant(beneficiary, total, 0, uint64(block.timestamp), cliffDays, durationDays, revocable, false);
        emit GrantCreated(id, beneficiary, total);
    }

    function vested(uint256 id) public view returns (uint256) {
        Grant storage g = grants[id];
        uint256 elapsed = block.timestamp - g.start;
        if (g.revoked || elapsed < uint256(g.cliffDays) * 1 days) {
            return g.revoked ? g.released : 0;
        }
        uint256 duration = uint256(g.durationDays) * 1 days;
        if (elapsed >= duration) {
            return g.total;
        }
        return (uint256(g.total) * elapsed) / duration;
    }

    function release(uint256 id) external {
        Grant storage g = grants[id];
        require(msg.sender == g.beneficiary, "not beneficiary");
        uint256 amount = vested(id) - g.released;
        require(amount > 0, "nothing vested");
        g.released += uint128(amount);
        require(token.transfer(g.beneficiary, amount), "transfer");
        emit Released(id, g.beneficiary, amount);
    }

    function changeBeneficiary(uint256 id, address next) external {
        Grant storage g = grants[id];
        require(next != address(0), "zero");
        emit BeneficiaryChanged(id, g.beneficiary, next);
        g.beneficiary = next;
    }

    function revoke(uint256 id) external onlyAdmin {
        Grant storage g = grants[id];
        require(g.revocable && !g.revoked, "cannot revoke");
        uint256 vestedNow = vested(id);
        uint256 unvested = g.total - vestedNow;
        g.revoked = true;
        g.total = uint128(vestedNow);
        if (vestedNow > g.released) {
            require(token.transfer(g.beneficiary, vestedNow - g.released), "transfer");
            g.released = uint128(vestedNow);
        }
        require(token.transfer(admin, unvested), "return");
        emit Revoked(id, unvested);
    }
}
