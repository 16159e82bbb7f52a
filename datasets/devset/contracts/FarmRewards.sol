pragma solidity 0.5.17;

contract FarmRewards {
    struct Plot {
        uint256 seeds;
        uint256 plantedAt;
        uint256 claimed;
    }

    address public steward;
    uint256 public rewardPerSeedPerDay;
    uint256 public totalSeeds;
    uint256 public rewardReserve;

    mapping(address => Plot) public plots;

    event Planted(address indexed farmer, uint256 seeds);
    event Claimed(address indexed farmer, uint256 amount);
    event Uprooted(address indexed farmer, uint256 seeds);
    event ReserveAdded(uint256 amount);

    modifier onlySteward() {
        require(msg.sender == steward, "not steward");
        _;
    }

    constructor(uint256 _rewardPerSeedPerDay) public {
        steward = msg.sender;
        rewardPerSeedPerDay = _rewardPerSeedPerDay;
    }

    function addReserve() external payable onlySteward {
        rewardReserve += msg.value;
        emit ReserveAdded(msg.value);
    }

    function plant() external payable {
        require(msg.value > 0, "no seeds");
        Plot storage p = plots[msg.sender];
        if (p.seeds > 0) {
            require(pending(msg.sender) == 0, "claim first");
        }
        p.seeds += msg.value;
        p.plantedAt = now;
        p.claimed = 0;
        totalSeeds += msg.value;
        emit Planted(msg.sender, msg.value);
    }

    function pending(address farmer) public view returns (uint256) {
        Plot storage p = plots[farmer];
        if (p.seeds == 0) {
            return 0;
        }
        uint256 grown = p.seeds * rewardPerSeedPerDay * (now - p.plantedAt) / 1 days / 1e18;
        if (grown <= p.claimed) {
            return 0;
        }
        return grown - p.claimed;
    }

    function claim() external {
        uint256 amount = pending(msg.sender);
        require(amount > 0, "nothing to claim");
        require(amount <= rewardReserve, "reserve empty");
        _payOut(msg.sender, amount);
        plots[msg.sender].claimed += amount;
        rewardReserve -= amount;
        emit Claimed(msg.sender, amount);
    }

    function uproot() external {
        Plot storage p = plots[msg.sender];
        uint256 seeds = p.seeds;
        require(seeds > 0, "empty plot");
        require(pending(msg.sender) == 0, "claim first");
        p.seeds = 0;
        p.claimed = 0;
        totalSeeds -= seeds;
        msg.sender.transfer(seeds);
        emit Uprooted(msg.sender, seeds);
    }

    function _payOut(address payable to, uint256 amount) internal {
        (bool ok, ) = to.call.value(amount)("");
        require(ok, "payout failed");
    }

    function setRate(uint256 rate) external onlySteward {
        rewardPerSeedPerDay = rate;
    }
}
