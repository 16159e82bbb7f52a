// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;
pragma abicoder v2;

contract EscrowBatchRelease {
    struct Payee {
        address payable wallet;
        uint16 shareBps;
    }

    struct Milestone {
        string description;
        uint256 amount;
        bool approved;
        bool released;
    }

    address public client;
    address public projectLead;
    uint256 public funded;
    uint256 public releasedTotal;

    Payee[] public payees;
    Milestone[] public milestones;

    event Funded(uint256 amount);
    event MilestoneAdded(uint256 indexed id, string description, uint256 amount);
    event MilestoneApproved(uint256 indexed id);
    event MilestoneReleased(uint256 indexed id, uint256 amount);
    event PayeeChanged(uint256 indexed index, address wallet);

    modifier onlyClient() {
        require(msg.sender == client, "client only");
        _;
    }

    modifier onlyLead() {
        require(msg.sender == projectLead, "lead only");
        _;
    }

    constructor(address lead, Payee[] memory team) {
        require(team.length > 0 && team.length <= 10, "team");
        uint256 total;
        for (uint256 i = 0; i < team.length; i++) {
            require(team[i].wallet != address(0), "wallet");
            total += team[i].shareBps;
            payees.push(team[i]);
        }
        require(total == 10_000, "shares");
        client = msg.sender;
        projectLead = lead;
    }

    function fund() external payable onlyClient {
        funded += msg.value;
        emit Funded(msg.value);
    }

    function addMilestone(string calldata description, uint256 amount) external onlyClient returns (uint256 id) {
        require(amount > 0, "amount");
        id = milestones.length;
        milestones.push(Milestone(description, amount, false, false));
        emit MilestoneAdded(id, description, amount);
    }

    function approve(uint256 id) external onlyClient {
        Milestone storage m = milestones[id];
        require(!m.approved, "approved");
        m.approved = true;
        emit MilestoneApproved(id);
    }

    function release(uint256 id) external {
        Milestone storage m = milestones[id];
        require(m.approved && !m.released, "not releasable");
        require(funded - releasedTotal >= m.amount, "underfunded");
        m.released = true;
        releasedTotal += m.amount;
        for (uint256 i = 0; i < payees.length; i++) {
            uint256 part = (m.amount * payees[i].shareBps) / 10_000;
            (bool ok, ) = payees[i].wallet.call{value: part}("");
            require(ok, "payee transfer failed");
        }
        emit MilestoneReleased(id, m.amount);
    }

    function changeWallet(uint256 index, address payable wallet) external {
        require(index < payees.length, "index");
        require(msg.sender == payees[index].wallet || msg.sender == projectLead, "not allowed");
        require(wallet != address(0), "zero");
        payees[index].wallet = wallet;
        emit PayeeChanged(index, wallet);
    }

    function reclaimUnused() external onlyClient {
        for (uint256 i = 0; i < milestones.length; i++) {
            require(milestones[i].released, "open milestones");
        }
        uint256 amount = funded - releasedTotal;
        funded = releasedTotal;
        (bool ok, ) = payable(client).call{value: amount}("");
        require(ok, "reclaim failed");
    }
}
