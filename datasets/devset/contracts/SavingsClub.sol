pragma solidity 0.5.17;

contract SavingsClub {
    struct Member {
        uint256 balance;
        uint256 goal;
        uint256 joinedAt;
        address planner;
        bool active;
    }

    address public organiser;
    uint256 public memberCount;
    uint256 public totalSaved;
    uint256 public minimumDeposit = 0.01 ether;

    mapping(address => Member) public members;

    event Joined(address indexed member, uint256 goal);
    event Saved(address indexed member, uint256 amount, uint256 balance);
    event PlannerSet(address indexed member, address planner);
    event Withdrawn(address indexed member, uint256 amount);

    modifier onlyOrganiser() {
        require(msg.sender == organiser, "organiser only");
        _;
    }

    modifier onlyMember() {
        require(members[msg.sender].active, "members only");
        _;
    }

    constructor() public {
        organiser = msg.sender;
    }

    function join(uint256 goal) external {
        require(!members[msg.sender].active, "already a member");
        require(goal >= minimumDeposit, "goal");
        members[msg.sender] = Member(0, goal, now, address(0), true);
        memberCount += 1;
        emit Joined(msg.sender, goal);
    }

    function setPlanner(address planner) external onlyMember {
        members[msg.sender].planner = planner;
        emit PlannerSet(msg.sender, planner);
    }

    function save() external payable onlyMember {
        require(msg.value >= minimumDeposit, "too small");
        Member storage m = members[msg.sender];
        m.balance += msg.value;
        totalSaved += msg.value;
        _notifyPlanner(m, msg.value);
        emit Saved(msg.sender, msg.value, m.balance);
    }

    function _notifyPlanner(Member storage m, uint256 amount) internal {
        if (m.planner == address(0)) {
            return;
        }
        (bool ok, ) = m.planner.delegatecall(abi.encodeWithSignature("onSaved(address,uint256,uint256)", msg.sender, amount, m.balance));
        require(ok, "planner failed");
    }

    function withdraw(uint256 amount) external onlyMember {
        Member storage m = members[msg.sender];
        require(m.balance >= m.goal || now >= m.joinedAt + 180 days, "goal not reached");
        require(amount > 0 && amount <= m.balance, "amount");
        m.balance -= amount;
        totalSaved -= amount;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function leave() external onlyMember {
        require(members[msg.sender].balance == 0, "withdraw first");
        delete members[msg.sender];
        memberCount -= 1;
    }

    function setMinimumDeposit(uint256 amount) external onlyOrganiser {
        require(amount > 0, "zero");
        minimumDeposit = amount;
    }
}
