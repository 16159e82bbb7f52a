pragma solidity 0.4.24;

library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }
}

contract DockStorageLedger {
    using SafeMath for uint256;

    struct Berth {
        address renter;
        uint256 paidUntil;
        uint256 deposit;
        bool occupied;
    }

    address public harbourMaster;
    uint256 public dailyRate;
    uint256 public depositAmount;
    uint256 public berthCount;
    uint256 public collectedFees;
    bool public initialized;

    mapping(uint256 => Berth) public berths;
    mapping(address => uint256) public refunds;

    event Initialized(address indexed master, uint256 rate, uint256 berthCount);
    event BerthLeased(uint256 indexed id, address indexed renter, uint256 numDays);
    event BerthReleased(uint256 indexed id, address indexed renter);
    event FeesCollected(address indexed to, uint256 amount);
    event RefundClaimed(address indexed renter, uint256 amount);

    modifier onlyMaster() {
        require(msg.sender == harbourMaster);
        _;
    }

    modifier whenReady() {
        require(initialized);
        _;
    }

    function initialize(address _master, uint256 _dailyRate, uint256 _deposit, uint256 _berths) public {
        require(_master != address(0));
        require(_berths > 0 && _berths <= 500);
        harbourMaster = _master;
        dailyRate = _dailyRate;
        depositAmount = _deposit;
        berthCount = _berths;
        initialized = true;
        emit Initialized(_master, _dailyRate, _berths);
    }

    function lease(uint256 id, uint256 numDays) public payable whenReady {
        require(id < berthCount);
        require(numDays > 0 && numDays <= 365);
        Berth storage b = berths[id];
        require(!b.occupied);
        uint256 cost = dailyRate.mul(numDays);
        require(msg.value == cost.add(depositAmount));
        b.renter = msg.sender;
        b.paidUntil = now.add(numDays.mul(1 days));
        b.deposit = depositAmount;
        b.occupied = true;
        collectedFees = collectedFees.add(cost);
        emit BerthLeased(id, msg.sender, numDays);
    }

    function extend(uint256 id, uint256 numDays) public payable whenReady {
        Berth storage b = berths[id];
        require(b.occupied && b.renter == msg.sender);
        require(numDays > 0 && numDays <= 365);
        uint256 cost = dailyRate.mul(numDays);
        require(msg.value == cost);
        b.paidUntil = b.paidUntil.add(numDays.mul(1 days));
        collectedFees = collectedFees.add(cost);
        emit BerthLeased(id, msg.sender, numDays);
    }

    function release(uint256 id) public whenReady {
        Berth storage b = berths[id];
        require(b.occupied);
        bool overdue = now > b.paidUntil.add(7 days);
        require(b.renter == msg.sender || (msg.sender == harbourMaster && overdue));
        address renter = b.renter;
        if (overdue) {
            collectedFees = collectedFees.add(b.deposit);
        } else {
            refunds[renter] = refunds[renter].add(b.deposit);
        }
        b.occupied = false;
        b.deposit = 0;
        b.renter = address(0);
        emit BerthReleased(id, renter);
    }

    function claimRefund() public {
        uint256 amount = refunds[msg.sender];
        require(amount > 0);
        refunds[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit RefundClaimed(msg.sender, amount);
    }

    function collectFees() public onlyMaster {
        uint256 amount = collectedFees;
        require(amount > 0);
        collectedFees = 0;
        harbourMaster.transfer(amount);
        emit FeesCollected(harbourMaster, amount);
    }

    function daysRemaining(uint256 id) public view returns (uint256) {
        Berth storage b = berths[id];
        if (!b.occupied || now >= b.paidUntil) {
            return 0;
        }
        return b.paidUntil.sub(now) / 1 days;
    }
}
