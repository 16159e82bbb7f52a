// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract ProjectVault {
    enum Phase { Funding, Building, Closed }

    struct Backer {
        uint256 amount;
        bool refunded;
    }

    address payable public owner;
    address public auditor;
    Phase public phase;
    uint256 public goal;
    uint256 public fundingEnds;
    uint256 public raised;
    uint256 public released;

    mapping(address => Backer) public backers;

    event Backed(address indexed backer, uint256 amount);
    event TrancheReleased(uint256 amount);
    event PhaseChanged(Phase phase);
    event Refunded(address indexed backer, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier inPhase(Phase expected) {
        require(phase == expected, "wrong phase");
        _;
    }

    constructor(address _auditor, uint256 _goal, uint256 fundingDays) {
        owner = payable(msg.sender);
        auditor = _auditor;
        goal = _goal;
        fundingEnds = block.timestamp + fundingDays * 1 days;
    }

    function back() external payable inPhase(Phase.Funding) {
        require(block.timestamp < fundingEnds, "funding over");
        require(msg.value > 0, "no value");
        backers[msg.sender].amount += msg.value;
        raised += msg.value;
        emit Backed(msg.sender, msg.value);
    }

    function startBuilding() external onlyOwner inPhase(Phase.Funding) {
        require(block.timestamp >= fundingEnds, "funding running");
        require(raised >= goal, "goal missed");
        phase = Phase.Building;
        emit PhaseChanged(phase);
    }

    function releaseTranche(uint256 amount) external inPhase(Phase.Building) {
        require(msg.sender == auditor, "auditor only");
        require(released + amount <= raised, "exceeds raised");
        released += amount;
        (bool ok, ) = owner.call{value: amount}("");
        require(ok, "release failed");
        emit TrancheReleased(amount);
    }

    function refund() external {
        require(phase == Phase.Funding && block.timestamp >= fundingEnds && raised < goal, "no refunds");
        Backer storage b = backers[msg.sender];
        require(b.amount > 0 && !b.refunded, "nothing to refund");
        b.refunded = true;
        (bool ok, ) = payable(msg.sender).call{value: b.amount}("");
        require(ok, "refund failed");
        emit Refunded(msg.sender, b.amount);
    }

    function close() external inPhase(Phase.Building) {
        phase = Phase.Closed;
        emit PhaseChanged(phase);
        selfdestruct(payable(msg.sender));
    }

    function progressBps() external view returns (uint256) {
        if (goal == 0) {
            return 10000;
        }
        return raised * 10000 / goal;
    }
}
