pragma solidity ^0.4.24;

contract ExpenseCardProgram {
    struct Card {
        uint64 limit;
        uint64 spent;
        uint64 periodStart;
        bool frozen;
        bool issued;
    }

    uint256 public constant PERIOD = 30 days;

    address public treasurer;
    uint256 public totalPaid;
    mapping(address => Card) public cards;
    mapping(address => bool) public approvedVendors;
    mapping(bytes32 => bool) public receiptUsed;

    event Funded(address indexed from, uint256 amount);
    event CardIssued(address indexed employee, uint64 limit);
    event LimitChanged(address indexed employee, uint64 limit);
    event CardFrozen(address indexed employee, bool frozen);
    event VendorApproved(address indexed vendor, bool approved);
    event VendorPaid(address indexed employee, address indexed vendor, uint64 amount);
    event Reimbursed(address indexed employee, bytes32 indexed receipt, uint64 amount);

    modifier onlyTreasurer() {
        require(msg.sender == treasurer);
        _;
    }

    modifier onlyCardholder() {
        Card storage card = cards[msg.sender];
        require(card.issued && !card.frozen);
        _;
    }

    modifier withinLimit(uint64 amount) {
        Card storage card = cards[msg.sender];
        if (now >= card.periodStart + PERIOD) {
            card.periodStart = uint64(now);
            card.spent = 0;
        }
        uint64 newSpent = card.spent + amount;
        require(newSpent <= card.limit);
        card.spent = newSpent;
        _;
    }

    constructor() public payable {
        treasurer = msg.sender;
    }

    function () external payable {
        emit Funded(msg.sender, msg.value);
    }

    function issueCard(address employee, uint64 monthlyLimit) external onlyTreasurer {
        require(employee != address(0) && !cards[employee].issued);
        cards[employee] = Card(monthlyLimit, 0, uint64(now), false, true);
        emit CardIssued(employee, monthlyLimit);
    }

    function setLimit(address employee, uint64 monthlyLimit) external onlyTreasurer {
        require(cards[employee].issued);
        cards[employee].limit = monthlyLimit;
        emit LimitChanged(employee, monthlyLimit);
    }

    function setFrozen(address employee, bool frozen) external onlyTreasurer {
        require(cards[employee].issued);
        cards[employee].frozen = frozen;
        emit CardFrozen(employee, frozen);
    }

    function approveVendor(address vendor, bool approved) external onlyTreasurer {
        require(vendor != address(0));
        approvedVendors[vendor] = approved;
        emit VendorApproved(vendor, approved);
    }

    function payVendor(address vendor, uint64 amount) external onlyCardholder withinLimit(amount) {
        require(approvedVendors[vendor] && amount > 0);
        totalPaid += amount;
        vendor.transfer(amount);
        emit VendorPaid(msg.sender, vendor, amount);
    }

    function reimburse(bytes32 receipt, uint64 amount) external onlyCardholder withinLimit(amount) {
        require(amount > 0 && !receiptUsed[receipt]);
        receiptUsed[receipt] = true;
        totalPaid += amount;
        msg.sender.transfer(amount);
        emit Reimbursed(msg.sender, receipt, amount);
    }

    function remainingThisPeriod(address employee) external view returns (uint256) {
        Card storage card = cards[employee];
        if (now >= card.periodStart + PERIOD) {
            return card.limit;
        }
        if (card.spent >= card.limit) {
            return 0;
        }
        return card.limit - card.spent;
    }

    function withdrawSurplus(uint256 amount) external onlyTreasurer {
        require(amount <= address(this).balance);
        treasurer.transfer(amount);
    }

    function setTreasurer(address newTreasurer) external onlyTreasurer {
        require(newTreasurer != address(0));
        treasurer = newTreasurer;
    }
}
