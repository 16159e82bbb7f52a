pragma solidity 0.4.25;

contract GuildBank {
    address public guildMaster;
    uint256 public memberCount;
    uint256 public totalDeposits;

    mapping(address => bool) public members;
    mapping(address => uint256) public deposits;
    mapping(address => uint256) public lastActivity;

    event Admitted(address indexed member);
    event Expelled(address indexed member);
    event Deposited(address indexed member, uint256 amount);
    event Moved(address indexed from, address indexed to, uint256 amount);
    event Withdrawn(address indexed member, uint256 amount);

    modifier onlyMaster() {
        require(msg.sender == guildMaster);
        _;
    }

    modifier onlyMember() {
        require(members[msg.sender]);
        _;
    }

    constructor() public {
        guildMaster = msg.sender;
        members[msg.sender] = true;
        memberCount = 1;
    }

    function admit(address who) public onlyMaster {
        require(who != address(0));
        require(!members[who]);
        members[who] = true;
        memberCount += 1;
        emit Admitted(who);
    }

    function expel(address who) public onlyMaster {
        require(members[who]);
        require(deposits[who] == 0);
        members[who] = false;
        memberCount -= 1;
        emit Expelled(who);
    }

    function deposit() public payable onlyMember {
        require(msg.value > 0);
        deposits[msg.sender] += msg.value;
        totalDeposits += msg.value;
        lastActivity[msg.sender] = now;
        emit Deposited(msg.sender, msg.value);
    }

    function moveTo(address to, uint256 amount) public onlyMember {
        require(members[to]);
        require(deposits[msg.sender] >= amount);
        deposits[msg.sender] -= amount;
        deposits[to] += amount;
        lastActivity[msg.sender] = now;
        emit Moved(msg.sender, to, amount);
    }

    function withdrawAll() public onlyMember {
        uint256 amount = deposits[msg.sender];
        require(amount > 0);
        require(msg.sender.call.value(amount)());
        deposits[msg.sender] = 0;
        totalDeposits -= amount;
        lastActivity[msg.sender] = now;
        emit Withdrawn(msg.sender, amount);
    }

    function balanceOf(address who) public view returns (uint256) {
        return deposits[who];
    }

    function isIdle(address who) public view returns (bool) {
        return members[who] && now > lastActivity[who] + 365 days;
    }
}
