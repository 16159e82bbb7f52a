// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract HarvestInsurance {
    enum ClaimStatus { None, Pending, Paid, Rejected }

    struct Policy {
        uint256 premium;
        uint256 coverage;
        uint256 expiresAt;
        bool claimed;
    }

    struct Claim {
        address payable farmer;
        uint256 amount;
        uint256 coverage;
        string evidence;
        ClaimStatus status;
    }

    struct Assessor {
        uint64 since;
        uint64 decisions;
        bool suspended;
    }

    address public underwriter;
    uint256 public coverageMultiple = 8;
    uint256 public reserved;

    mapping(address => Policy) public policies;
    mapping(address => Assessor) public assessors;
    Claim[] public claims;

    event PolicyBought(address indexed farmer, uint256 premium, uint256 coverage, uint256 expiresAt);
    event ClaimFiled(uint256 indexed claimId, address indexed farmer, uint256 amount);
    event ClaimDecided(uint256 indexed claimId, bool approved, address indexed assessor);
    event AssessorAppointed(address indexed assessor, uint64 since);
    event AssessorSuspended(address indexed assessor);

    modifier onlyUnderwriter() {
        require(msg.sender == underwriter, "underwriter only");
        _;
    }

    modifier onlyAssessor() {
        Assessor storage a = assessors[msg.sender];
        require(a.since != 0 && !a.suspended && a.since <= block.timestamp, "not an active assessor");
        _;
    }

    constructor() payable {
        underwriter = msg.sender;
    }

    function buyPolicy() external payable {
        Policy storage p = policies[msg.sender];
        require(p.expiresAt < block.timestamp, "policy still active");
        require(msg.value >= 0.05 ether && msg.value <= 5 ether, "premium out of range");
        uint256 coverage = msg.value * coverageMultiple;
        require(address(this).balance - reserved >= coverage, "pool cannot cover");

        p.premium = msg.value;
        p.coverage = coverage;
        p.expiresAt = block.timestamp + 180 days;
        p.claimed = false;
        reserved += coverage;

        emit PolicyBought(msg.sender, msg.value, coverage, p.expiresAt);
    }

    function fileClaim(uint256 amount, string calldata evidence) external {
        Policy storage p = policies[msg.sender];
        require(p.expiresAt >= block.timestamp, "no active policy");
        require(!p.claimed, "already claimed");
        require(amount > 0 && amount <= p.coverage, "amount exceeds coverage");
        p.claimed = true;
        claims.push(Claim(msg.sender, amount, p.coverage, evidence, ClaimStatus.Pending));
        emit ClaimFiled(claims.length - 1, msg.sender, amount);
    }

    function decideClaim(uint256 claimId, bool approve) external onlyAssessor {
        require(claimId < claims.length, "unknown claim");
        Claim storage c = claims[claimId];
        require(c.status == ClaimStatus.Pending, "already decided");
        require(c.farmer != msg.sender, "own claim");
        assessors[msg.sender].decisions += 1;
        reserved -= c.coverage;
        emit ClaimDecided(claimId, approve, msg.sender);
        if (!approve) {
            c.status = ClaimStatus.Rejected;
            return;
        }
        c.status = ClaimStatus.Paid;
        c.farmer.transfer(c.amount);
    }

    function appointAssessor(address assessor, uint64 startDelay) external onlyUnderwriter {
        require(assessor != address(0), "zero address");
        require(startDelay <= 30 days, "delay too long");
        uint64 since = uint64(block.timestamp) + startDelay;
        assessors[assessor] = Assessor(since, 0, false);
        emit AssessorAppointed(assessor, since);
    }

    function suspendAssessor(address assessor) external onlyUnderwriter {
        assessors[assessor].suspended = true;
        emit AssessorSuspended(assessor);
    }

    function withdrawSurplus(address payable to, uint256 amount) external onlyUnderwriter {
        require(amount <= address(this).balance - reserved, "funds are reserved");
        to.transfer(amount);
    }

    function claimCount() external view returns (uint256) {
        return claims.length;
    }
}
