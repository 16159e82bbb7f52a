pragma solidity 0.4.24;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }
}

contract MilestoneEscrow {
    using SafeMath for uint256;

    struct Milestone {
        string title;
        uint256 amount;
        bool approved;
        bool paid;
    }

    address public client;
    address public contractor;
    address public arbiter;
    uint256 public funded;
    uint256 public released;

    Milestone[] public milestones;
    mapping(address => uint256) public withdrawable;

    event Funded(uint256 amount);
    event MilestoneAdded(uint256 indexed index, string title, uint256 amount);
    event MilestoneApproved(uint256 indexed index);
    event Withdrawn(address indexed to, uint256 amount);

    modifier onlyClient() {
        require(msg.sender == client);
        _;
    }

    modifier onlyApprover() {
        require(msg.sender == client || msg.sender == arbiter);
        _;
    }

    constructor(address _contractor, address _arbiter) public {
        require(_contractor != address(0) && _arbiter != address(0));
        client = msg.sender;
        contractor = _contractor;
        arbiter = _arbiter;
    }

    function fund() public payable onlyClient {
        require(msg.value > 0);
        funded = funded.add(msg.value);
        emit Funded(msg.value);
    }

    function addMilestone(string title, uint256 amount) public onlyClient {
        require(amount > 0);
        milestones.push(Milestone(title, amount, false, false));
        emit MilestoneAdded(milestones.length - 1, title, amount);
    }

    function approve(uint256 index) public onlyApprover {
        Milestone storage m = milestones[index];
        require(!m.approved);
        require(released.add(m.amount) <= funded);
        m.approved = true;
        m.paid = true;
        released = released.add(m.amount);
        withdrawable[contractor] = withdrawable[contractor].add(m.amount);
        emit MilestoneApproved(index);
    }

    function refundUnreleased() public onlyClient {
        uint256 amount = funded.sub(released);
        require(amount > 0);
        funded = released;
        withdrawable[client] = withdrawable[client].add(amount);
    }

    function withdraw() public {
        uint256 amount = withdrawable[msg.sender];
        require(amount > 0);
        withdrawable[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function milestoneCount() public view returns (uint256) {
        return milestones.length;
    }
}
