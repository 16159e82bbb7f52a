// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract CommunityCrowdfund {
    struct Campaign {
        address payable creator;
        string title;
        uint256 goal;
        uint256 raised;
        uint64 deadline;
        bool claimed;
        mapping(address => uint256) pledged;
    }

    uint256 public constant MIN_DURATION = 7 days;
    uint256 public constant MAX_DURATION = 90 days;

    uint256 public campaignCount;
    mapping(uint256 => Campaign) private campaigns;

    event CampaignLaunched(uint256 indexed id, address indexed creator, uint256 goal, uint64 deadline);
    event Pledged(uint256 indexed id, address indexed backer, uint256 amount);
    event PledgeReduced(uint256 indexed id, address indexed backer, uint256 amount);
    event FundsClaimed(uint256 indexed id, uint256 amount);
    event Refunded(uint256 indexed id, address indexed backer, uint256 amount);

    modifier exists(uint256 id) {
        require(id > 0 && id <= campaignCount, "no such campaign");
        _;
    }

    function launch(string calldata title, uint256 goal, uint256 duration) external returns (uint256 id) {
        require(goal > 0, "goal");
        require(duration >= MIN_DURATION && duration <= MAX_DURATION, "duration");
        id = ++campaignCount;
        Campaign storage c = campaigns[id];
        c.creator = payable(msg.sender);
        c.title = title;
        c.goal = goal;
        c.deadline = uint64(block.timestamp + duration);
        emit CampaignLaunched(id, msg.sender, goal, c.deadline);
    }

    function pledge(uint256 id) external payable exists(id) {
        Campaign storage c = campaigns[id];
        require(block.timestamp < c.deadline, "campaign over");
        require(msg.value > 0, "nothing sent");
        c.pledged[msg.sender] += msg.value;
        c.raised += msg.value;
        emit Pledged(id, msg.sender, msg.value);
    }

    function reducePledge(uint256 id, uint256 amount) external exists(id) {
        Campaign storage c = campaigns[id];
        require(block.timestamp < c.deadline, "campaign over");
        require(amount > 0, "nothing to reduce");
        require(c.pledged[msg.sender] >= amount, "exceeds pledge");
        unchecked {
            c.pledged[msg.sender] -= amount;
        }
        c.raised -= amount;
        _pay(payable(msg.sender), amount);
        emit PledgeReduced(id, msg.sender, amount);
    }

    function claim(uint256 id) external exists(id) {
        Campaign storage c = campaigns[id];
        require(msg.sender == c.creator, "creator only");
        require(block.timestamp >= c.deadline, "still running");
        require(c.raised >= c.goal, "goal not reached");
        require(!c.claimed, "already claimed");
        c.claimed = true;
        _pay(c.creator, c.raised);
        emit FundsClaimed(id, c.raised);
    }

    function refund(uint256 id) external exists(id) {
        Campaign storage c = campaigns[id];
        require(block.timestamp >= c.deadline, "still running");
        require(c.raised < c.goal, "goal reached");
        uint256 amount = c.pledged[msg.sender];
        require(amount > 0, "nothing pledged");
        c.pledged[msg.sender] = 0;
        _pay(payable(msg.sender), amount);
        emit Refunded(id, msg.sender, amount);
    }

    function pledgedBy(uint256 id, address backer) external view returns (uint256) {
        return campaigns[id].pledged[backer];
    }

    function campaignInfo(uint256 id)
        external
        view
        returns (address creator, string memory title, uint256 goal, uint256 raised, uint64 deadline, bool claimed)
    {
        Campaign storage c = campaigns[id];
        return (c.creator, c.title, c.goal, c.raised, c.deadline, c.claimed);
    }

    function _pay(address payable to, uint256 amount) private {
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "payment failed");
    }
}
