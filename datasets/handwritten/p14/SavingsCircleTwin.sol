// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract SavingsCircle {
    struct Cycle {
        uint256 collected;
        uint256 contributors;
        bool paidOut;
    }

    address public organizer;
    uint256 public immutable contribution;
    uint256 public immutable maxMembers;
    uint256 public currentCycle;
    bool public started;

    address payable[] public members;
    mapping(address => bool) public isMember;
    mapping(uint256 => Cycle) public cycles;
    mapping(uint256 => mapping(address => bool)) public hasContributed;
    mapping(address => uint256) public payouts;

    event MemberJoined(address indexed member, uint256 position);
    event CircleStarted(uint256 memberCount);
    event Contributed(uint256 indexed cycle, address indexed member, uint256 amount);
    event CyclePaidOut(uint256 indexed cycle, address indexed recipient, uint256 pot);
    event PayoutCollected(address indexed recipient, uint256 amount);

    modifier onlyOrganizer() {
        require(msg.sender == organizer, "organizer only");
        _;
    }

    modifier onlyMember() {
        require(isMember[msg.sender], "members only");
        _;
    }

    modifier closesFullCycle() {
        _;
        uint256 index = currentCycle;
        Cycle storage cycle = cycles[index];
        if (cycle.contributors == members.length) {
            address payable recipient = members[index];
            uint256 pot = cycle.collected;
            cycle.paidOut = true;
            currentCycle = index + 1;
            payouts[recipient] += pot;
            emit CyclePaidOut(index, recipient, pot);
        }
    }

    constructor(uint256 _contribution, uint256 _maxMembers) public {
        require(_contribution > 0, "zero contribution");
        require(_maxMembers >= 2 && _maxMembers <= 24, "bad size");
        organizer = msg.sender;
        contribution = _contribution;
        maxMembers = _maxMembers;
    }

    function join() external {
        require(!started, "circle already running");
        require(!isMember[msg.sender], "already joined");
        require(members.length < maxMembers, "circle full");
        isMember[msg.sender] = true;
        members.push(msg.sender);
        emit MemberJoined(msg.sender, members.length);
    }

    function start() external onlyOrganizer {
        require(!started, "already started");
        require(members.length >= 2, "not enough members");
        started = true;
        emit CircleStarted(members.length);
    }

    function contribute() external payable onlyMember closesFullCycle {
        require(started, "not started");
        require(currentCycle < members.length, "circle finished");
        require(msg.value == contribution, "wrong amount");
        require(!hasContributed[currentCycle][msg.sender], "already paid this cycle");
        hasContributed[currentCycle][msg.sender] = true;
        Cycle storage cycle = cycles[currentCycle];
        cycle.collected += msg.value;
        cycle.contributors += 1;
        emit Contributed(currentCycle, msg.sender, msg.value);
    }

    function collect() external {
        uint256 amount = payouts[msg.sender];
        require(amount > 0, "nothing to collect");
        payouts[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit PayoutCollected(msg.sender, amount);
    }

    function recipientOf(uint256 _cycle) external view returns (address) {
        require(_cycle < members.length, "no such cycle");
        return members[_cycle];
    }

    function outstanding() external view returns (uint256) {
        if (!started || currentCycle >= members.length) {
            return 0;
        }
        return members.length - cycles[currentCycle].contributors;
    }

    function memberCount() external view returns (uint256) {
        return members.length;
    }
}
