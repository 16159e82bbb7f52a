// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

abstract contract Owned {
    address public owner;
    address public pendingOwner;

    event OwnershipTransferred(address indexed from, address indexed to);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function transferOwnership(address next) external onlyOwner {
        pendingOwner = next;
    }

    function acceptOwnership() external {
        require(msg.sender == pendingOwner, "not pending owner");
        emit OwnershipTransferred(owner, msg.sender);
        owner = msg.sender;
        pendingOwner = address(0);
    }
}

contract BookClubDues is Owned {
    struct Member {
        string name;
        uint64 paidThrough;
        uint32 booksHosted;
        bool active;
    }

    uint256 public monthlyDues = 0.004 ether;
    uint256 public treasury;
    uint256 public memberCount;

    mapping(address => Member) public members;

    event MemberAdded(address indexed member, string name);
    event DuesPaid(address indexed member, uint256 months, uint64 paidThrough);
    event Expense(address indexed to, uint256 amount, string purpose);
    event Hosted(address indexed member, string title);

    modifier onlyMember() {
        require(members[msg.sender].active, "members only");
        _;
    }

    function addMember(address account, string calldata name) external onlyOwner {
        require(account != address(0) && !members[account].active, "member");
        members[account] = Member(name, uint64(block.timestamp), 0, true);
        memberCount += 1;
        emit MemberAdded(account, name);
    }

    function removeMember(address account) external onlyOwner {
        require(members[account].active, "not a member");
        members[account].active = false;
        memberCount -= 1;
    }

    function payDues(uint256 months) external payable onlyMember {
        require(months >= 1 && months <= 12, "months");
        require(msg.value == months * monthlyDues, "amount");
        Member storage m = members[msg.sender];
        uint64 start = m.paidThrough > block.timestamp ? m.paidThrough : uint64(block.timestamp);
        m.paidThrough = start + uint64(months * 30 days);
        treasury += msg.value;
        emit DuesPaid(msg.sender, months, m.paidThrough);
    }

    function recordHosting(string calldata title) external onlyMember {
        require(members[msg.sender].paidThrough >= block.timestamp, "dues owed");
        members[msg.sender].booksHosted += 1;
        emit Hosted(msg.sender, title);
    }

    function spend(address payable to, uint256 amount, string calldata purpose) external onlyOwner {
        require(amount > 0 && amount <= treasury, "amount");
        treasury -= amount;
        emit Expense(to, amount, purpose);
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "payment failed");
    }

    function setDues(uint256 amount) external onlyOwner {
        require(amount > 0 && amount <= 0.05 ether, "dues");
        monthlyDues = amount;
    }

    function isCurrent(address account) external view returns (bool) {
        Member storage m = members[account];
        return m.active && m.paidThrough >= block.timestamp;
    }
}
