pragma solidity ^0.4.25;

contract FamilyWallet {
    struct Member {
        string name;
        uint256 monthlyAllowance;
        uint256 spentThisMonth;
        uint256 monthIndex;
        bool active;
    }

    address public owner;
    mapping(address => Member) public members;
    address[] public memberList;

    event MemberAdded(address indexed wallet, string name, uint256 allowance);
    event MemberRemoved(address indexed wallet);
    event Spent(address indexed by, address indexed to, uint256 amount);
    event Funded(address indexed from, uint256 amount);

    constructor() public {
        owner = msg.sender;
    }

    function () public payable {
        emit Funded(msg.sender, msg.value);
    }

    function addMember(address wallet, string name, uint256 allowance) public {
        require(msg.sender == owner);
        require(!members[wallet].active);
        members[wallet] = Member(name, allowance, 0, now / 30 days, true);
        memberList.push(wallet);
        emit MemberAdded(wallet, name, allowance);
    }

    function removeMember(address wallet) public {
        require(msg.sender == owner);
        require(members[wallet].active);
        members[wallet].active = false;
        emit MemberRemoved(wallet);
    }

    function spend(address to, uint256 amount) public {
        Member storage m = members[msg.sender];
        require(m.active);
        uint256 month = now / 30 days;
        if (m.monthIndex != month) {
            m.monthIndex = month;
            m.spentThisMonth = 0;
        }
        require(m.spentThisMonth + amount <= m.monthlyAllowance);
        m.spentThisMonth += amount;
        to.transfer(amount);
        emit Spent(msg.sender, to, amount);
    }

    function ownerTransfer(address to, uint256 amount) public {
        require(tx.origin == owner);
        require(amount <= address(this).balance);
        to.transfer(amount);
        emit Spent(owner, to, amount);
    }

    function memberCount() public view returns (uint256) {
        return memberList.length;
    }
}
