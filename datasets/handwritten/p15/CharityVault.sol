// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

abstract contract Stewarded {
    address public steward;
    address public pendingSteward;

    event StewardProposed(address indexed candidate);
    event StewardAccepted(address indexed previous, address indexed current);

    modifier onlySteward() {
        require(msg.sender == steward, "steward only");
        _;
    }

    constructor() {
        steward = msg.sender;
    }

    function proposeSteward(address candidate) external onlySteward {
        pendingSteward = candidate;
        emit StewardProposed(candidate);
    }

    function acceptStewardship() external {
        require(msg.sender == pendingSteward, "not proposed");
        emit StewardAccepted(steward, msg.sender);
        steward = msg.sender;
        pendingSteward = address(0);
    }
}

contract CharityVault is Stewarded {
    struct Campaign {
        string cause;
        address payable beneficiary;
        uint256 goal;
        uint256 raised;
        uint256 closesAt;
        bool released;
    }

    Campaign[] public campaigns;
    mapping(uint256 => mapping(address => uint256)) public pledged;

    event CampaignOpened(uint256 indexed id, string cause, address beneficiary, uint256 goal, uint256 closesAt);
    event Pledged(uint256 indexed id, address indexed donor, uint256 amount);
    event PledgeWithdrawn(uint256 indexed id, address indexed donor, uint256 amount);
    event FundsReleased(uint256 indexed id, address indexed beneficiary, uint256 amount);

    function openCampaign(string calldata cause, address payable beneficiary, uint256 goal, uint256 durationDays)
        external
        onlySteward
    {
        require(beneficiary != address(0), "zero beneficiary");
        require(durationDays >= 7 && durationDays <= 120, "7 to 120 days");
        campaigns.push(Campaign(cause, beneficiary, goal, 0, block.timestamp + durationDays * 1 days, false));
        emit CampaignOpened(campaigns.length - 1, cause, beneficiary, goal, block.timestamp + durationDays * 1 days);
    }

    function pledge(uint256 id) external payable {
        Campaign storage c = _campaign(id);
        require(block.timestamp < c.closesAt, "campaign closed");
        require(msg.value > 0, "empty pledge");
        c.raised += msg.value;
        pledged[id][msg.sender] += msg.value;
        emit Pledged(id, msg.sender, msg.value);
    }

    function withdrawPledge(uint256 id) external {
        Campaign storage c = _campaign(id);
        require(!c.released, "already released");
        require(block.timestamp >= c.closesAt ? c.raised < c.goal : true, "goal met");
        uint256 amount = pledged[id][msg.sender];
        require(amount > 0, "nothing pledged");
        pledged[id][msg.sender] = 0;
        c.raised -= amount;
        _send(payable(msg.sender), amount);
        emit PledgeWithdrawn(id, msg.sender, amount);
    }

    function release(uint256 id) external onlySteward {
        Campaign storage c = _campaign(id);
        require(block.timestamp >= c.closesAt, "still open");
        require(c.raised >= c.goal, "goal not met");
        require(!c.released, "already released");
        c.released = true;
        uint256 amount = c.raised;
        _send(c.beneficiary, amount);
        emit FundsReleased(id, c.beneficiary, amount);
    }

    function campaignCount() external view returns (uint256) {
        return campaigns.length;
    }

    function _campaign(uint256 id) internal view returns (Campaign storage) {
        require(id < campaigns.length, "unknown campaign");
        return campaigns[id];
    }

    function _send(address payable to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "transfer failed");
    }
}
