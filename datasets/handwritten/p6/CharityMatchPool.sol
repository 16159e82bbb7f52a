// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "SafeMath: add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "SafeMath: sub");
        return a - b;
    }
}

contract CharityMatchPool {
    using SafeMath for uint256;

    struct Cause {
        address payable beneficiary;
        uint256 raised;
        uint256 matched;
        uint256 withdrawn;
        bool listed;
    }

    address public steward;
    uint256 public matchingReserve;
    uint256 public matchCapPerCause;
    uint256 public campaignEnd;
    uint256 public causeCount;

    mapping(uint256 => Cause) public causes;
    mapping(address => uint256) public sponsorContributions;

    event CauseListed(uint256 indexed causeId, address beneficiary);
    event SponsorDeposit(address indexed sponsor, uint256 amount);
    event Donation(uint256 indexed causeId, address indexed donor, uint256 amount, uint256 matched);
    event CauseWithdrawal(uint256 indexed causeId, uint256 amount);
    event ReserveReleased(address indexed to, uint256 amount);

    modifier onlySteward() {
        require(msg.sender == steward, "steward only");
        _;
    }

    constructor(uint256 _matchCap, uint256 _campaignDays) public {
        require(_campaignDays > 0 && _campaignDays <= 120, "duration");
        steward = msg.sender;
        matchCapPerCause = _matchCap;
        campaignEnd = block.timestamp + _campaignDays * 1 days;
    }

    function listCause(address payable beneficiary) external onlySteward returns (uint256 id) {
        require(beneficiary != address(0), "zero");
        id = causeCount;
        causes[id] = Cause(beneficiary, 0, 0, 0, true);
        causeCount = causeCount.add(1);
        emit CauseListed(id, beneficiary);
    }

    function sponsor() external payable {
        require(block.timestamp < campaignEnd, "campaign over");
        require(msg.value > 0, "empty");
        sponsorContributions[msg.sender] = sponsorContributions[msg.sender].add(msg.value);
        matchingReserve = matchingReserve.add(msg.value);
        emit SponsorDeposit(msg.sender, msg.value);
    }

    function donate(uint256 causeId) external payable {
        require(block.timestamp < campaignEnd, "campaign over");
        require(msg.value > 0, "empty");
        Cause storage c = causes[causeId];
        require(c.listed, "unknown cause");
        uint256 match_ = _matchFor(c, msg.value);
        c.raised = c.raised.add(msg.value);
        c.matched = c.matched.add(match_);
        matchingReserve = matchingReserve.sub(match_);
        emit Donation(causeId, msg.sender, msg.value, match_);
    }

    function _matchFor(Cause storage c, uint256 amount) internal view returns (uint256) {
        uint256 room = matchCapPerCause > c.matched ? matchCapPerCause.sub(c.matched) : 0;
        uint256 m = amount < room ? amount : room;
        return m < matchingReserve ? m : matchingReserve;
    }

    function releaseReserve(address payable to) external {
        require(block.timestamp >= campaignEnd, "campaign running");
        uint256 amount = matchingReserve;
        require(amount > 0, "nothing left");
        matchingReserve = 0;
        to.transfer(amount);
        emit ReserveReleased(to, amount);
    }

    function withdrawForCause(uint256 causeId) external {
        Cause storage c = causes[causeId];
        require(msg.sender == c.beneficiary, "not beneficiary");
        uint256 total = c.raised.add(c.matched);
        uint256 due = total.sub(c.withdrawn);
        require(due > 0, "nothing due");
        c.withdrawn = total;
        c.beneficiary.transfer(due);
        emit CauseWithdrawal(causeId, due);
    }

    function causeBalance(uint256 causeId) external view returns (uint256) {
        Cause storage c = causes[causeId];
        return c.raised.add(c.matched).sub(c.withdrawn);
    }
}
