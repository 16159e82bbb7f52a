pragma solidity 0.4.24;

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0));
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract LoyaltyRewardsClub is Ownable {
    struct Member {
        uint256 points;
        uint256 lifetimePoints;
        uint256 redeemedCount;
        bool active;
    }

    struct Perk {
        string title;
        uint256 cost;
        uint256 remaining;
        bool listed;
    }

    uint256 public constant MAX_AWARD = 5000;
    uint256 public constant SILVER_THRESHOLD = 20000;
    uint256 public constant GOLD_THRESHOLD = 100000;

    mapping(address => Member) public members;
    mapping(address => bool) public merchants;
    Perk[] public perks;

    event MemberJoined(address indexed member);
    event MerchantUpdated(address indexed merchant, bool allowed);
    event PerkListed(uint256 indexed perkId, string title, uint256 cost, uint256 stock);
    event PerkRetired(uint256 indexed perkId);
    event PointsAwarded(address indexed merchant, address indexed member, uint256 points);
    event PointsGifted(address indexed from, address indexed to, uint256 points);
    event PerkRedeemed(address indexed member, uint256 indexed perkId, uint256 cost);

    modifier onlyMerchant() {
        require(merchants[msg.sender]);
        _;
    }

    modifier onlyMember() {
        require(members[msg.sender].active);
        _;
    }

    function join() external {
        Member storage m = members[msg.sender];
        require(!m.active);
        m.active = true;
        emit MemberJoined(msg.sender);
    }

    function setMerchant(address merchant, bool allowed) external onlyOwner {
        require(merchant != address(0));
        merchants[merchant] = allowed;
        emit MerchantUpdated(merchant, allowed);
    }

    function listPerk(string title, uint256 cost, uint256 stock) external onlyOwner {
        require(cost > 0 && stock > 0);
        perks.push(Perk(title, cost, stock, true));
        emit PerkListed(perks.length - 1, title, cost, stock);
    }

    function retirePerk(uint256 perkId) external onlyOwner {
        require(perkId < perks.length);
        perks[perkId].listed = false;
        emit PerkRetired(perkId);
    }

    function award(address member, uint256 points) external onlyMerchant {
        require(points > 0 && points <= MAX_AWARD);
        Member storage m = members[member];
        require(m.active);
        m.points += points;
        m.lifetimePoints += points;
        emit PointsAwarded(msg.sender, member, points);
    }

    function gift(address to, uint256 points) external onlyMember {
        require(to != msg.sender && points > 0);
        Member storage recipient = members[to];
        require(recipient.active);
        _debit(members[msg.sender], points);
        recipient.points += points;
        emit PointsGifted(msg.sender, to, points);
    }

    function redeem(uint256 perkId) external onlyMember {
        require(perkId < perks.length);
        Perk storage p = perks[perkId];
        require(p.listed && p.remaining > 0);
        Member storage m = members[msg.sender];
        _debit(m, p.cost);
        p.remaining -= 1;
        m.redeemedCount += 1;
        emit PerkRedeemed(msg.sender, perkId, p.cost);
    }

    function _debit(Member storage m, uint256 points) internal {
        m.points -= points;
    }

    function pointsOf(address member) external view returns (uint256) {
        return members[member].points;
    }

    function tierOf(address member) external view returns (uint8) {
        uint256 lifetime = members[member].lifetimePoints;
        if (lifetime >= GOLD_THRESHOLD) {
            return 2;
        }
        if (lifetime >= SILVER_THRESHOLD) {
            return 1;
        }
        return 0;
    }

    function perkCount() external view returns (uint256) {
        return perks.length;
    }
}
