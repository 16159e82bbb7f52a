// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract EpochRewards {
    struct Member {
        uint256 points;
        uint256 lastClaimEpoch;
    }

    uint256 public constant EPOCH = 1 hours;
    uint256 public constant EARLY_WINDOW = 45;

    address public owner;
    uint256 public immutable genesis;
    uint256 public rewardPerPoint = 1e12;
    uint256 public earlyBonusPool;

    mapping(address => Member) public members;
    mapping(uint256 => bool) public earlyBonusTaken;

    event PointsGranted(address indexed member, uint256 points);
    event Claimed(address indexed member, uint256 epoch, uint256 amount, bool early);
    event BonusFunded(uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() payable {
        owner = msg.sender;
        genesis = block.timestamp;
    }

    function fundBonus() external payable onlyOwner {
        earlyBonusPool += msg.value;
        emit BonusFunded(msg.value);
    }

    function grantPoints(address member, uint256 points) external onlyOwner {
        require(points <= 10_000, "too many points");
        members[member].points += points;
        emit PointsGranted(member, points);
    }

    function currentEpoch() public view returns (uint256) {
        return (block.timestamp - genesis) / EPOCH;
    }

    function claim() external {
        Member storage m = members[msg.sender];
        require(m.points > 0, "no points");
        uint256 epoch = currentEpoch();
        require(epoch > m.lastClaimEpoch, "claimed this epoch");
        uint256 amount = m.points * rewardPerPoint * (epoch - m.lastClaimEpoch);
        m.lastClaimEpoch = epoch;

        bool early = false;
        uint256 intoEpoch = (block.timestamp - genesis) % EPOCH;
        if (intoEpoch < EARLY_WINDOW && !earlyBonusTaken[epoch] && earlyBonusPool > 0) {
            early = true;
            earlyBonusTaken[epoch] = true;
            uint256 bonus = earlyBonusPool / 10;
            earlyBonusPool -= bonus;
            amount += bonus;
        }

        require(address(this).balance >= amount, "reserve too small");
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "claim failed");
        emit Claimed(msg.sender, epoch, amount, early);
    }

    function setRewardPerPoint(uint256 value) external onlyOwner {
        require(value <= 1e15, "too high");
        rewardPerPoint = value;
    }
}
