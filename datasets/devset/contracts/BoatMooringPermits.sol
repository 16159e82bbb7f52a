// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract BoatMooringPermits {
    struct Berth {
        uint16 lengthMetres;
        uint256 dailyRate;
        address holder;
        uint64 paidUntil;
        uint256 deposit;
        bool listed;
    }

    uint256 public constant MIN_DAYS = 7;
    uint256 public constant MAX_DAYS = 365;

    address public harbourMaster;
    uint256 public berthCount;
    uint256 public income;
    bool private locked;

    mapping(uint256 => Berth) public berths;
    mapping(address => uint256) public refunds;

    event BerthListed(uint256 indexed id, uint16 lengthMetres, uint256 dailyRate);
    event PermitIssued(uint256 indexed id, address indexed holder, uint64 paidUntil);
    event PermitEnded(uint256 indexed id, address indexed holder, uint256 refund);

    modifier onlyHarbourMaster() {
        require(msg.sender == harbourMaster, "harbour master only");
        _;
    }

    modifier oneAtATime() {
        require(!locked, "locked");
        locked = true;
        _;
        locked = false;
    }

    constructor() {
        harbourMaster = msg.sender;
    }

    function listBerth(uint16 lengthMetres, uint256 dailyRate) external onlyHarbourMaster returns (uint256 id) {
        require(lengthMetres >= 5 && lengthMetres <= 60 && dailyRate > 0, "berth");
        id = ++berthCount;
        berths[id] = Berth(lengthMetres, dailyRate, address(0), 0, 0, true);
        emit BerthListed(id, lengthMetres, dailyRate);
    }

    function takePermit(uint256 id, uint256 numDays) external payable oneAtATime {
        Berth storage b = berths[id];
        require(b.listed && b.holder == address(0), "occupied");
        require(numDays >= MIN_DAYS && numDays <= MAX_DAYS, "days");
        uint256 fee = numDays * b.dailyRate;
        uint256 deposit = b.dailyRate * 10;
        require(msg.value == fee + deposit, "payment");
        b.holder = msg.sender;
        b.paidUntil = uint64(block.timestamp + numDays * 1 days);
        b.deposit = deposit;
        income += fee;
        emit PermitIssued(id, msg.sender, b.paidUntil);
    }

    function release(uint256 id, uint256 damageCharge) external onlyHarbourMaster {
        Berth storage b = berths[id];
        require(b.holder != address(0), "vacant");
        require(block.timestamp >= b.paidUntil, "permit running");
        require(damageCharge <= b.deposit, "charge");
        address holder = b.holder;
        uint256 refund = b.deposit - damageCharge;
        income += damageCharge;
        b.holder = address(0);
        b.deposit = 0;
        b.paidUntil = 0;
        refunds[holder] += refund;
        emit PermitEnded(id, holder, refund);
    }

    function claimRefund() external oneAtATime {
        uint256 amount = refunds[msg.sender];
        require(amount > 0, "nothing");
        refunds[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "refund failed");
    }

    function setRate(uint256 id, uint256 dailyRate) external onlyHarbourMaster {
        require(berths[id].holder == address(0) && dailyRate > 0, "rate");
        berths[id].dailyRate = dailyRate;
    }

    function withdrawIncome(uint256 amount) external onlyHarbourMaster oneAtATime {
        require(amount <= income, "income");
        income -= amount;
        (bool ok, ) = payable(harbourMaster).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
