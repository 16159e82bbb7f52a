pragma solidity ^0.5.0;

contract Owned {
    address payable public owner;

    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    function changeOwner(address payable newOwner) external onlyOwner {
        require(newOwner != address(0), "zero address");
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }
}

contract GymMembership is Owned {
    struct Member {
        uint256 paidUntil;
        uint256 lastVisitDay;
        uint256 visits;
        uint256 joinedAt;
        uint256 freezeEndsAt;
    }

    uint256 public constant PASS_LENGTH = 30 days;
    uint256 public constant FREEZE_LENGTH = 14 days;
    uint256 public constant FREEZE_COOLDOWN = 90 days;

    uint256 public monthlyFee;
    uint256 public memberCount;
    mapping(address => Member) public members;
    mapping(address => uint256) public lastFreezeAt;

    event PassPurchased(address indexed member, uint256 months, uint256 paidUntil, uint256 purchasedAt);
    event CheckedIn(address indexed member, uint256 dayIndex, uint256 timestamp);
    event MembershipFrozen(address indexed member, uint256 until);
    event FeeUpdated(uint256 oldFee, uint256 newFee);

    modifier activeMember() {
        require(members[msg.sender].paidUntil > now, "pass expired");
        _;
    }

    constructor(uint256 initialFee) public {
        require(initialFee > 0, "fee");
        monthlyFee = initialFee;
    }

    function buyPass(uint256 months, uint256 maxFeePerMonth) external payable {
        require(months >= 1 && months <= 12, "months");
        require(monthlyFee <= maxFeePerMonth, "fee changed");
        require(msg.value == monthlyFee * months, "exact payment");

        Member storage m = members[msg.sender];
        if (m.joinedAt == 0) {
            m.joinedAt = now;
            memberCount += 1;
        }
        uint256 base = m.paidUntil > now ? m.paidUntil : now;
        m.paidUntil = base + months * PASS_LENGTH;
        emit PassPurchased(msg.sender, months, m.paidUntil, now);
    }

    function checkIn() external activeMember {
        Member storage m = members[msg.sender];
        require(m.freezeEndsAt <= now, "frozen");
        uint256 today = now / 1 days;
        require(today > m.lastVisitDay, "already visited today");
        m.lastVisitDay = today;
        m.visits += 1;
        emit CheckedIn(msg.sender, today, now);
    }

    function freeze() external activeMember {
        require(now >= lastFreezeAt[msg.sender] + FREEZE_COOLDOWN, "freeze cooldown");
        Member storage m = members[msg.sender];
        lastFreezeAt[msg.sender] = now;
        m.freezeEndsAt = now + FREEZE_LENGTH;
        m.paidUntil += FREEZE_LENGTH;
        emit MembershipFrozen(msg.sender, m.freezeEndsAt);
    }

    function daysRemaining(address who) external view returns (uint256) {
        uint256 until = members[who].paidUntil;
        if (until <= now) {
            return 0;
        }
        return (until - now) / 1 days;
    }

    function setMonthlyFee(uint256 newFee) external onlyOwner {
        require(newFee > 0 && newFee <= 1 ether, "fee");
        emit FeeUpdated(monthlyFee, newFee);
        monthlyFee = newFee;
    }

    function collect(uint256 amount) external onlyOwner {
        require(amount <= address(this).balance, "balance");
        owner.transfer(amount);
    }
}
