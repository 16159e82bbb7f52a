pragma solidity ^0.5.0;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "mul");
        return c;
    }
}

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero owner");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract NeighborhoodMutualFund is Ownable {
    using SafeMath for uint256;

    struct Policy {
        uint256 paidUntil;
        uint256 coverage;
        uint256 claimed;
        bool active;
    }

    struct Claim {
        address payable member;
        uint256 amount;
        string reason;
        bool approved;
        bool paid;
    }

    uint256 public constant PREMIUM = 0.02 ether;
    uint256 public constant PERIOD = 30 days;
    uint256 public constant COVERAGE_MULTIPLE = 20;

    address public assessor;
    uint256 public reserved;
    mapping(address => Policy) public policies;
    Claim[] public claims;

    event PremiumPaid(address indexed member, uint256 paidUntil);
    event ClaimFiled(uint256 indexed id, address indexed member, uint256 amount);
    event ClaimApproved(uint256 indexed id);
    event PayoutCollected(uint256 indexed id, address indexed member, uint256 amount);
    event AssessorChanged(address indexed assessor);

    modifier onlyAssessor() {
        require(msg.sender == assessor, "not assessor");
        _;
    }

    constructor(address _assessor) public {
        require(_assessor != address(0), "zero assessor");
        assessor = _assessor;
    }

    function setAssessor(address _assessor) external onlyOwner {
        require(_assessor != address(0), "zero assessor");
        assessor = _assessor;
        emit AssessorChanged(_assessor);
    }

    function payPremium() external payable {
        require(msg.value == PREMIUM, "wrong premium");
        Policy storage p = policies[msg.sender];
        uint256 start = p.paidUntil > now ? p.paidUntil : now;
        p.paidUntil = start.add(PERIOD);
        if (!p.active) {
            p.active = true;
            p.coverage = PREMIUM.mul(COVERAGE_MULTIPLE);
        }
        emit PremiumPaid(msg.sender, p.paidUntil);
    }

    function fileClaim(uint256 amount, string calldata reason) external returns (uint256) {
        Policy storage p = policies[msg.sender];
        require(p.active && p.paidUntil >= now, "policy lapsed");
        require(amount > 0 && p.claimed.add(amount) <= p.coverage, "over coverage");
        claims.push(Claim(msg.sender, amount, reason, false, false));
        uint256 id = claims.length - 1;
        emit ClaimFiled(id, msg.sender, amount);
        return id;
    }

    function approveClaim(uint256 id) external onlyAssessor {
        require(id < claims.length, "unknown claim");
        Claim storage c = claims[id];
        require(!c.approved, "already approved");
        Policy storage p = policies[c.member];
        require(p.claimed.add(c.amount) <= p.coverage, "over coverage");
        require(c.amount <= address(this).balance.sub(reserved), "fund too small");
        c.approved = true;
        p.claimed = p.claimed.add(c.amount);
        reserved = reserved.add(c.amount);
        emit ClaimApproved(id);
    }

    function collectPayout(uint256 id) external {
        require(id < claims.length, "unknown claim");
        Claim storage c = claims[id];
        require(c.member == msg.sender, "not claimant");
        require(c.approved && !c.paid, "not payable");
        c.paid = true;
        reserved = reserved.sub(c.amount);
        msg.sender.transfer(c.amount);
        emit PayoutCollected(id, msg.sender, c.amount);
    }

    function claimCount() external view returns (uint256) {
        return claims.length;
    }
}
