pragma solidity ^0.4.24;

library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "math error");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "math error");
        return a - b;
    }

    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "math error");
        return c;
    }
}

contract CharityMatchFund {
    using SafeMath for uint256;

    struct Campaign {
        address beneficiary;
        uint256 goal;
        uint256 raised;
        uint256 matched;
        uint256 matchCap;
        uint256 donorCount;
        uint64 deadline;
        uint16 matchPct;
        bool closed;
    }

    address public owner;
    address public sponsor;
    uint256 public sponsorPool;
    Campaign[] public campaigns;
    mapping(uint256 => mapping(address => uint256)) public donations;

    event PoolFunded(uint256 amount);
    event CampaignCreated(uint256 indexed id, address indexed beneficiary, uint256 goal, uint64 deadline);
    event Donated(uint256 indexed id, address indexed donor, uint256 amount, uint256 matched);
    event PaidOut(uint256 indexed id, uint256 amount);
    event Refunded(uint256 indexed id, address indexed donor, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier onlySponsor() {
        require(msg.sender == sponsor, "sponsor only");
        _;
    }

    constructor(address _sponsor) public {
        owner = msg.sender;
        sponsor = _sponsor;
    }

    function fundPool() external payable onlySponsor {
        sponsorPool += msg.value;
        emit PoolFunded(msg.value);
    }

    function createCampaign(address beneficiary, uint256 goal, uint16 matchPct, uint256 matchCap, uint256 durationDays) external onlyOwner {
        require(beneficiary != address(0) && goal > 0, "bad campaign");
        require(matchPct <= 200, "match too generous");
        require(durationDays >= 7 && durationDays <= 90, "bad duration");
        uint64 deadline = uint64(now + durationDays * 1 days);
        campaigns.push(Campaign(beneficiary, goal, 0, 0, matchCap, 0, deadline, matchPct, false));
        emit CampaignCreated(campaigns.length - 1, beneficiary, goal, deadline);
    }

    function donate(uint256 id) external payable {
        require(id < campaigns.length, "unknown campaign");
        Campaign storage c = campaigns[id];
        require(!c.closed && now < c.deadline, "campaign over");
        require(msg.value > 0, "empty donation");

        if (donations[id][msg.sender] == 0) {
            c.donorCount = c.donorCount.add(1);
        }
        donations[id][msg.sender] += msg.value;
        c.raised += msg.value;

        uint256 bonus = _matchFor(c, msg.value);
        c.matched = c.matched.add(bonus);
        sponsorPool = sponsorPool.sub(bonus);
        emit Donated(id, msg.sender, msg.value, bonus);
    }

    function payOut(uint256 id) external {
        require(id < campaigns.length, "unknown campaign");
        Campaign storage c = campaigns[id];
        require(!c.closed && now >= c.deadline, "still running");
        require(c.raised >= c.goal, "goal missed");
        c.closed = true;
        uint256 total = c.raised + c.matched;
        c.beneficiary.transfer(total);
        emit PaidOut(id, total);
    }

    function refund(uint256 id) external {
        require(id < campaigns.length, "unknown campaign");
        Campaign storage c = campaigns[id];
        require(now >= c.deadline && c.raised < c.goal, "no refunds");
        uint256 amount = donations[id][msg.sender];
        require(amount > 0, "nothing to refund");
        donations[id][msg.sender] = 0;
        c.raised = c.raised.sub(amount);
        msg.sender.transfer(amount);
        emit Refunded(id, msg.sender, amount);
    }

    function returnMatch(uint256 id) external onlySponsor {
        require(id < campaigns.length, "unknown campaign");
        Campaign storage c = campaigns[id];
        require(now >= c.deadline && c.raised < c.goal, "campaign not failed");
        sponsorPool = sponsorPool.add(c.matched);
        c.matched = 0;
    }

    function withdrawPool(uint256 amount) external onlySponsor {
        sponsorPool = sponsorPool.sub(amount);
        sponsor.transfer(amount);
    }

    function _matchFor(Campaign storage c, uint256 amount) internal view returns (uint256) {
        if (c.matched >= c.matchCap) {
            return 0;
        }
        uint256 wanted = amount * c.matchPct / 100;
        uint256 room = c.matchCap - c.matched;
        if (wanted > room) {
            wanted = room;
        }
        if (wanted > sponsorPool) {
            wanted = sponsorPool;
        }
        return wanted;
    }
}
