// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract CommunityStakeVault {
    struct Position {
        uint256 staked;
        uint256 cooling;
        uint64 unlockAt;
        uint8 tier;
    }

    uint256 public constant COOLDOWN = 7 days;

    IERC20 public immutable stakeToken;
    address public steward;
    uint256 public totalStaked;
    uint256 public totalCooling;
    uint256[3] public tierThresholds;

    mapping(address => Position) public positions;

    event Staked(address indexed member, uint256 amount, uint8 tier);
    event UnstakeRequested(address indexed member, uint256 amount, uint64 unlockAt);
    event Withdrawn(address indexed member, uint256 amount);
    event TiersUpdated(uint256 bronze, uint256 silver, uint256 gold);
    event StewardChanged(address indexed steward);

    modifier onlySteward() {
        require(msg.sender == steward, "steward only");
        _;
    }

    constructor(IERC20 token, uint256 bronze, uint256 silver, uint256 gold) {
        stakeToken = token;
        steward = msg.sender;
        _setTiers(bronze, silver, gold);
    }

    function stake(uint256 amount) external {
        require(amount > 0, "zero amount");
        Position storage p = positions[msg.sender];
        p.staked += amount;
        totalStaked += amount;
        p.tier = _tierFor(p.staked);
        require(stakeToken.transferFrom(msg.sender, address(this), amount), "transfer failed");
        emit Staked(msg.sender, amount, p.tier);
    }

    function requestUnstake(uint256 amount) external {
        require(amount > 0, "zero amount");
        Position storage p = positions[msg.sender];
        unchecked {
            p.staked -= amount;
        }
        totalStaked -= amount;
        p.cooling += amount;
        totalCooling += amount;
        p.unlockAt = uint64(block.timestamp + COOLDOWN);
        p.tier = _tierFor(p.staked);
        emit UnstakeRequested(msg.sender, amount, p.unlockAt);
    }

    function withdraw() external {
        Position storage p = positions[msg.sender];
        uint256 amount = p.cooling;
        require(amount > 0, "nothing cooling");
        require(block.timestamp >= p.unlockAt, "still cooling down");
        p.cooling = 0;
        totalCooling -= amount;
        require(stakeToken.transfer(msg.sender, amount), "transfer failed");
        emit Withdrawn(msg.sender, amount);
    }

    function votingWeight(address member) external view returns (uint256) {
        Position storage p = positions[member];
        if (p.tier == 0) {
            return 0;
        }
        return p.staked * (100 + uint256(p.tier) * 10) / 100;
    }

    function setTiers(uint256 bronze, uint256 silver, uint256 gold) external onlySteward {
        _setTiers(bronze, silver, gold);
    }

    function changeSteward(address newSteward) external onlySteward {
        require(newSteward != address(0), "zero address");
        steward = newSteward;
        emit StewardChanged(newSteward);
    }

    function _setTiers(uint256 bronze, uint256 silver, uint256 gold) internal {
        require(bronze > 0 && bronze < silver && silver < gold, "tiers out of order");
        tierThresholds[0] = bronze;
        tierThresholds[1] = silver;
        tierThresholds[2] = gold;
        emit TiersUpdated(bronze, silver, gold);
    }

    function _tierFor(uint256 amount) internal view returns (uint8 tier) {
        for (uint8 i = 0; i < 3; ) {
            if (amount >= tierThresholds[i]) {
                tier = i + 1;
            }
            unchecked {
                ++i;
            }
        }
    }
}
