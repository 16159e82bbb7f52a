// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract SeedFundingRound {
    struct Backer {
        uint256 amount;
        uint256 firstBackedAt;
        bool reclaimed;
    }

    address payable public founder;
    string public pitch;
    uint256 public goal;
    uint256 public deadline;
    uint256 public raised;
    uint256 public backerCount;
    bool public released;

    mapping(address => Backer) public backers;

    event Backed(address indexed backer, uint256 amount, uint256 raised);
    event Released(uint256 amount);
    event Reclaimed(address indexed backer, uint256 amount);
    event PitchUpdated(string pitch);

    modifier onlyFounder() {
        require(msg.sender == founder, "founder only");
        _;
    }

    modifier afterDeadline() {
        require(now > deadline, "round open");
        _;
    }

    constructor(string memory _pitch, uint256 _goal, uint256 durationDays) public {
        require(_goal > 0 && durationDays >= 7 && durationDays <= 90, "terms");
        founder = msg.sender;
        pitch = _pitch;
        goal = _goal;
        deadline = now + durationDays * 1 days;
    }

    function back() external payable {
        require(now <= deadline, "round closed");
        require(msg.value >= 0.01 ether, "minimum");
        Backer storage b = backers[msg.sender];
        if (b.amount == 0) {
            b.firstBackedAt = now;
            backerCount += 1;
        }
        b.amount += msg.value;
        raised += msg.value;
        emit Backed(msg.sender, msg.value, raised);
    }

    function release() external onlyFounder afterDeadline {
        require(raised >= goal, "goal missed");
        require(!released, "released");
        released = true;
        emit Released(raised);
        (bool ok, ) = founder.call{value: raised}("");
        require(ok, "release failed");
    }

    function reclaim() external afterDeadline {
        require(raised < goal, "goal met");
        Backer storage b = backers[msg.sender];
        require(b.amount > 0 && !b.reclaimed, "nothing to reclaim");
        (bool ok, ) = msg.sender.call{value: b.amount}("");
        require(ok, "refund failed");
        b.reclaimed = true;
        emit Reclaimed(msg.sender, b.amount);
    }

    function updatePitch(string calldata next) external onlyFounder {
        require(now <= deadline, "round closed");
        pitch = next;
        emit PitchUpdated(next);
    }

    function progress() external view returns (uint256 percent, uint256 secondsLeft) {
        percent = raised * 100 / goal;
        secondsLeft = now >= deadline ? 0 : deadline - now;
    }
}
