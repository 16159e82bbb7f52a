pragma solidity 0.5.17;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "mul");
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0, "div");
        return a / b;
    }
}

interface IERC20 {
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0), "zero");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract RewardAccrual {
    using SafeMath for uint256;

    struct Position {
        uint256 amount;
        uint256 lastAccrued;
        uint256 pending;
        uint256 lockedUntil;
    }

    uint256 public rewardRate;
    mapping(address => Position) internal positions;

    function _accrue(Position storage p) internal {
        if (p.amount > 0) {
            uint256 elapsed = now.sub(p.lastAccrued);
            p.pending = p.pending.add(p.amount.mul(rewardRate).mul(elapsed).div(1e18));
        }
        p.lastAccrued = now;
    }
}

contract PoolStaking is Ownable, RewardAccrual {
    IERC20 public token;
    uint256 public totalStaked;
    uint256 public rewardReserve;
    uint256 public constant LOCK_PERIOD = 7 days;

    event RewardsFunded(uint256 amount, uint256 reserve);
    event Staked(address indexed account, uint256 amount, uint256 lockedUntil);
    event Unstaked(address indexed account, uint256 amount);
    event RewardPaid(address indexed account, uint256 amount);

    constructor(IERC20 _token, uint256 _rewardRate) public {
        require(address(_token) != address(0), "token");
        token = _token;
        rewardRate = _rewardRate;
    }

    function fundRewards(uint256 amount) external onlyOwner {
        require(amount > 0, "amount");
        rewardReserve = rewardReserve.add(amount);
        require(token.transferFrom(msg.sender, address(this), amount), "funding failed");
        emit RewardsFunded(amount, rewardReserve);
    }

    function stake(uint256 amount) external {
        require(amount > 0, "amount");
        Position storage p = positions[msg.sender];
        _accrue(p);
        p.amount = p.amount.add(amount);
        p.lockedUntil = now.add(LOCK_PERIOD);
        totalStaked = totalStaked.add(amount);
        require(token.transferFrom(msg.sender, address(this), amount), "deposit failed");
        emit Staked(msg.sender, amount, p.lockedUntil);
    }

    function claim() external {
        Position storage p = positions[msg.sender];
        _accrue(p);
        uint256 reward = p.pending;
        require(reward > 0, "nothing to claim");
        require(reward <= rewardReserve, "reserve low");
        p.pending = 0;
        rewardReserve = rewardReserve.sub(reward);
        require(token.transfer(msg.sender, reward), "payout failed");
        emit RewardPaid(msg.sender, reward);
    }

    function unstake(uint256 amount) external {
        Position storage p = positions[msg.sender];
        require(amount > 0 && amount <= p.amount, "amount");
        require(now >= p.lockedUntil, "locked");
        _accrue(p);
        p.amount = p.amount.sub(amount);
        totalStaked = totalStaked.sub(amount);
        require(token.transfer(msg.sender, amount), "withdraw failed");
        emit Unstaked(msg.sender, amount);
    }

    function positionOf(address account) external view returns (uint256 amount, uint256 pending, uint256 lockedUntil) {
        Position storage p = positions[account];
        return (p.amount, p.pending, p.lockedUntil);
    }
}
