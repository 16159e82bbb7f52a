pragma solidity 0.4.26;

contract HarvestPool {
    struct Farmer {
        uint256 stake;
        uint256 earned;
        uint256 debt;
        uint256 joinedAt;
    }

    address public manager;
    address public treasury;
    uint256 public feeBps = 200;
    uint256 public totalStake;
    uint256 public accruedFees;
    uint256 public accPerStake;

    mapping(address => Farmer) public farmers;
    address[] public farmerList;

    event Staked(address indexed farmer, uint256 amount);
    event Harvested(uint256 amount, uint256 fee);
    event Withdrawn(address indexed farmer, uint256 amount);
    event TreasuryChanged(address indexed previous, address indexed current);

    modifier onlyManager() {
        require(msg.sender == manager);
        _;
    }

    function HarvestPool(address _treasury) public {
        manager = msg.sender;
        treasury = _treasury;
    }

    function stake() public payable {
        require(msg.value >= 0.01 ether);
        Farmer storage f = farmers[msg.sender];
        if (f.joinedAt == 0) {
            f.joinedAt = now;
            farmerList.push(msg.sender);
        }
        _settle(f);
        f.stake += msg.value;
        f.debt = f.stake * accPerStake / 1e18;
        totalStake += msg.value;
        emit Staked(msg.sender, msg.value);
    }

    function harvest() public payable onlyManager {
        require(totalStake > 0);
        uint256 fee = msg.value * feeBps / 10000;
        uint256 net = msg.value - fee;
        accruedFees += fee;
        accPerStake += net * 1e18 / totalStake;
        emit Harvested(net, fee);
    }

    function _settle(Farmer storage f) internal {
        if (f.stake > 0) {
            f.earned += f.stake * accPerStake / 1e18 - f.debt;
        }
    }

    function withdraw() public {
        Farmer storage f = farmers[msg.sender];
        _settle(f);
        uint256 amount = f.stake + f.earned;
        require(amount > 0);
        totalStake -= f.stake;
        f.stake = 0;
        f.earned = 0;
        f.debt = 0;
        msg.sender.send(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function setTreasury(address newTreasury) public {
        require(newTreasury != address(0));
        emit TreasuryChanged(treasury, newTreasury);
        treasury = newTreasury;
    }

    function sweepFees() public {
        require(msg.sender == treasury || msg.sender == manager);
        uint256 amount = accruedFees;
        accruedFees = 0;
        treasury.transfer(amount);
    }

    function setFee(uint256 bps) public onlyManager {
        require(bps <= 1000);
        feeBps = bps;
    }

    function farmerCount() public view returns (uint256) {
        return farmerList.length;
    }
}
