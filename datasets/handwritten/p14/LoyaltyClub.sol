pragma solidity ^0.4.24;

contract LoyaltyClub {
    struct Member {
        uint256 points;
        uint256 lastActive;
        bool joined;
    }

    uint256 public constant MAX_AWARD = 10000;
    uint256 public constant MAX_PAGE = 100;
    uint256 public constant INACTIVITY = 180 days;

    address public owner;
    address[] public memberList;
    mapping(address => Member) public members;
    mapping(address => bool) public merchants;
    uint256 public pointsOutstanding;

    event Joined(address indexed member);
    event MerchantSet(address indexed merchant, bool approved);
    event PointsAwarded(address indexed merchant, address indexed member, uint256 points);
    event PointsRedeemed(address indexed member, uint256 points, bytes32 rewardCode);
    event PointsExpired(address indexed member, uint256 points);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier onlyMerchant() {
        require(merchants[msg.sender], "merchant only");
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function setMerchant(address _merchant, bool _approved) external onlyOwner {
        merchants[_merchant] = _approved;
        emit MerchantSet(_merchant, _approved);
    }

    function join() external {
        require(!members[msg.sender].joined, "already a member");
        members[msg.sender] = Member(0, now, true);
        memberList.push(msg.sender);
        emit Joined(msg.sender);
    }

    function award(address _member, uint256 _points) external onlyMerchant {
        require(_points > 0 && _points <= MAX_AWARD, "bad amount");
        Member storage m = members[_member];
        require(m.joined, "not a member");
        m.points += _points;
        m.lastActive = now;
        pointsOutstanding += _points;
        emit PointsAwarded(msg.sender, _member, _points);
    }

    function redeem(uint256 _points, bytes32 _rewardCode) external {
        Member storage m = members[msg.sender];
        require(_points > 0 && m.points >= _points, "not enough points");
        m.points -= _points;
        m.lastActive = now;
        pointsOutstanding -= _points;
        emit PointsRedeemed(msg.sender, _points, _rewardCode);
    }

    function expireInactive(uint256 _start, uint256 _count) external returns (uint256 expired) {
        require(_start < memberList.length, "start out of range");
        require(_count > 0 && _count <= MAX_PAGE, "bad page size");
        uint256 end = _start + _count;
        if (end > memberList.length) {
            end = memberList.length;
        }
        for (uint256 i = _start; i < end; i++) {
            Member storage m = members[memberList[i]];
            if (m.points > 0 && now >= m.lastActive + INACTIVITY) {
                emit PointsExpired(memberList[i], m.points);
                pointsOutstanding -= m.points;
                expired += m.points;
                m.points = 0;
            }
        }
    }

    function memberCount() external view returns (uint256) {
        return memberList.length;
    }

    function pointsOf(address _member) external view returns (uint256) {
        return members[_member].points;
    }
}
