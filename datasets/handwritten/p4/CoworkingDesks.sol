// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract CoworkingDesks {
    struct Desk {
        address tenant;
        uint256 deposit;
        uint256 paidUntil;
        bool listed;
    }

    address payable public manager;
    uint256 public monthlyRent;
    uint256 public depositAmount;
    uint256 public rentCollected;
    uint256 public deskCount;
    uint256 public constant MONTH = 30 days;
    uint256 public constant MAX_MONTHS = 12;

    mapping(uint256 => Desk) public desks;
    mapping(address => uint256) public deskOf;

    event DeskListed(uint256 indexed deskId);
    event DeskLeased(uint256 indexed deskId, address indexed tenant, uint256 paidUntil);
    event LeaseExtended(uint256 indexed deskId, uint256 paidUntil);
    event DepositReturned(uint256 indexed deskId, address indexed tenant, uint256 amount);
    event RentWithdrawn(uint256 amount);

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    modifier validMonths(uint256 months) {
        require(months > 0 && months <= MAX_MONTHS, "bad term");
        _;
    }

    constructor(uint256 _monthlyRent, uint256 _depositAmount) public {
        manager = msg.sender;
        monthlyRent = _monthlyRent;
        depositAmount = _depositAmount;
    }

    function listDesks(uint256 count) external onlyManager {
        require(count > 0 && count <= 20, "bad count");
        for (uint256 i = 0; i < count; i++) {
            deskCount += 1;
            desks[deskCount].listed = true;
            emit DeskListed(deskCount);
        }
    }

    function leaseDesk(uint256 deskId, uint256 months) external payable validMonths(months) {
        Desk storage d = desks[deskId];
        require(d.listed, "no such desk");
        require(deskOf[msg.sender] == 0, "already a tenant");
        require(d.tenant == address(0) || d.paidUntil < block.timestamp, "occupied");
        uint256 rent = monthlyRent * months;
        require(msg.value == rent + depositAmount, "wrong amount");

        address previous = d.tenant;
        uint256 previousDeposit = d.deposit;
        if (previous != address(0)) {
            deskOf[previous] = 0;
        }

        d.tenant = msg.sender;
        d.deposit = depositAmount;
        d.paidUntil = block.timestamp + months * MONTH;
        deskOf[msg.sender] = deskId;
        rentCollected += rent;

        if (previous != address(0)) {
            require(payable(previous).send(previousDeposit), "deposit return failed");
            emit DepositReturned(deskId, previous, previousDeposit);
        }
        emit DeskLeased(deskId, msg.sender, d.paidUntil);
    }

    function extendLease(uint256 months) external payable validMonths(months) {
        uint256 deskId = deskOf[msg.sender];
        require(deskId != 0, "no desk");
        Desk storage d = desks[deskId];
        require(d.paidUntil >= block.timestamp, "lease lapsed");
        require(d.paidUntil - block.timestamp <= MAX_MONTHS * MONTH, "too far ahead");
        uint256 rent = monthlyRent * months;
        require(msg.value == rent, "wrong amount");
        d.paidUntil += months * MONTH;
        rentCollected += rent;
        emit LeaseExtended(deskId, d.paidUntil);
    }

    function vacate() external {
        uint256 deskId = deskOf[msg.sender];
        require(deskId != 0, "no desk");
        Desk storage d = desks[deskId];
        uint256 amount = d.deposit;
        d.tenant = address(0);
        d.deposit = 0;
        d.paidUntil = 0;
        deskOf[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit DepositReturned(deskId, msg.sender, amount);
    }

    function setRates(uint256 _monthlyRent, uint256 _depositAmount) external onlyManager {
        monthlyRent = _monthlyRent;
        depositAmount = _depositAmount;
    }

    function withdrawRent() external onlyManager {
        uint256 amount = rentCollected;
        rentCollected = 0;
        manager.transfer(amount);
        emit RentWithdrawn(amount);
    }
}
