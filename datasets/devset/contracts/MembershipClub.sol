pragma solidity 0.5.17;

contract MembershipClub {
    enum Tier { None, Silver, Gold }

    struct Membership {
        Tier tier;
        uint256 validUntil;
        uint256 joinedAt;
    }

    address payable public admin;
    uint256 public silverFee;
    uint256 public goldFee;
    uint256 public memberCount;
    bool public initialized;

    mapping(address => Membership) public memberships;

    event Initialized(address indexed admin, uint256 silverFee, uint256 goldFee);
    event Joined(address indexed member, Tier tier, uint256 validUntil);
    event Renewed(address indexed member, uint256 validUntil);
    event FeesWithdrawn(uint256 amount);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    function initialize(address payable _admin, uint256 _silverFee, uint256 _goldFee) external {
        require(_admin != address(0), "zero admin");
        require(_silverFee < _goldFee, "bad fees");
        admin = _admin;
        silverFee = _silverFee;
        goldFee = _goldFee;
        initialized = true;
        emit Initialized(_admin, _silverFee, _goldFee);
    }

    function join(Tier tier) external payable {
        require(initialized, "not ready");
        require(tier != Tier.None, "pick a tier");
        require(memberships[msg.sender].tier == Tier.None, "already member");
        require(msg.value == feeFor(tier), "wrong fee");
        memberships[msg.sender] = Membership(tier, now + 365 days, now);
        memberCount += 1;
        emit Joined(msg.sender, tier, now + 365 days);
    }

    function renew() external payable {
        Membership storage m = memberships[msg.sender];
        require(m.tier != Tier.None, "not a member");
        require(msg.value == feeFor(m.tier), "wrong fee");
        uint256 base = m.validUntil > now ? m.validUntil : now;
        m.validUntil = base + 365 days;
        emit Renewed(msg.sender, m.validUntil);
    }

    function feeFor(Tier tier) public view returns (uint256) {
        if (tier == Tier.Gold) {
            return goldFee;
        }
        if (tier == Tier.Silver) {
            return silverFee;
        }
        return 0;
    }

    function isActive(address member) external view returns (bool) {
        return memberships[member].validUntil >= now;
    }

    function withdrawFees() external onlyAdmin {
        uint256 amount = address(this).balance;
        admin.transfer(amount);
        emit FeesWithdrawn(amount);
    }
}
