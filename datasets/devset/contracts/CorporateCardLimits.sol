// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract CorporateCardLimits {
    struct Card {
        uint256 limit;
        uint256 spentThisMonth;
        uint256 monthStart;
        bool frozen;
    }

    address public finance;
    uint256 public treasury;

    mapping(address => Card) public cards;
    mapping(address => bool) public approvedVendors;
    mapping(address => uint256) public vendorBalance;

    event LimitSet(address indexed employee, uint256 limit);
    event Spent(address indexed employee, address indexed vendor, uint256 amount, string memo);
    event VendorApproved(address indexed vendor, bool approved);
    event VendorPaid(address indexed vendor, uint256 amount);
    event CardFrozen(address indexed employee, bool frozen);

    modifier onlyFinance() {
        require(msg.sender == finance, "finance only");
        _;
    }

    constructor() public {
        finance = msg.sender;
    }

    function deposit() external payable onlyFinance {
        treasury += msg.value;
    }

    function approveVendor(address vendor, bool approved) external onlyFinance {
        approvedVendors[vendor] = approved;
        emit VendorApproved(vendor, approved);
    }

    function setLimit(address employee, uint256 newLimit) external onlyFinance {
        Card storage c = cards[employee];
        if (c.monthStart == 0) {
            c.monthStart = now;
        }
        c.limit = newLimit;
        emit LimitSet(employee, newLimit);
    }

    function freeze(address employee, bool frozen) external onlyFinance {
        cards[employee].frozen = frozen;
        emit CardFrozen(employee, frozen);
    }

    function spend(address vendor, uint256 amount, string calldata memo) external {
        Card storage c = cards[msg.sender];
        require(!c.frozen && c.limit > 0, "no card");
        require(approvedVendors[vendor], "vendor");
        _rollMonth(c);
        require(amount <= c.limit, "over limit");
        require(amount <= treasury, "treasury");
        c.limit -= amount;
        c.spentThisMonth += amount;
        treasury -= amount;
        vendorBalance[vendor] += amount;
        emit Spent(msg.sender, vendor, amount, memo);
    }

    function _rollMonth(Card storage c) internal {
        if (now >= c.monthStart + 30 days) {
            c.monthStart = now;
            c.spentThisMonth = 0;
        }
    }

    function vendorWithdraw() external {
        uint256 amount = vendorBalance[msg.sender];
        require(amount > 0, "nothing owed");
        vendorBalance[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit VendorPaid(msg.sender, amount);
    }
}
