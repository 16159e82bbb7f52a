pragma solidity 0.4.24;

contract KeeperRegistry {
    struct Job {
        address client;
        address keeper;
        uint256 reward;
        uint256 dueBy;
        bool closed;
    }

    address public admin;
    uint256 public minBond = 1 ether;
    uint256 public nextJobId = 1;
    uint256 public cursor;

    mapping(address => uint256) public bonds;
    mapping(uint256 => Job) public jobs;
    address[] public keeperList;

    event KeeperJoined(address indexed keeper, uint256 bond);
    event JobPosted(uint256 indexed id, address indexed client, uint256 reward, uint256 dueBy);
    event JobAssigned(uint256 indexed id, address indexed keeper);
    event JobDone(uint256 indexed id, address indexed keeper);
    event JobReclaimed(uint256 indexed id);

    modifier onlyAdmin() {
        require(msg.sender == admin);
        _;
    }

    constructor() public {
        admin = msg.sender;
    }

    function join() external payable {
        require(bonds[msg.sender] == 0 && msg.value >= minBond);
        bonds[msg.sender] = msg.value;
        keeperList.push(msg.sender);
        emit KeeperJoined(msg.sender, msg.value);
    }

    function postJob(uint256 window) external payable returns (uint256 id) {
        require(msg.value > 0 && window >= 1 hours && window <= 30 days);
        require(keeperList.length > 0);
        id = nextJobId++;
        jobs[id] = Job(msg.sender, address(0), msg.value, now + window, false);
        emit JobPosted(id, msg.sender, msg.value, now + window);
        _assignKeeper(id, _nextKeeper());
    }

    function _nextKeeper() internal returns (address keeper) {
        keeper = keeperList[cursor % keeperList.length];
        cursor++;
    }

    function _assignKeeper(uint256 id, address keeper) public {
        require(bonds[keeper] >= minBond);
        require(!jobs[id].closed);
        jobs[id].keeper = keeper;
        emit JobAssigned(id, keeper);
    }

    function complete(uint256 id) external {
        Job storage j = jobs[id];
        require(j.keeper == msg.sender && !j.closed);
        require(now <= j.dueBy);
        j.closed = true;
        msg.sender.transfer(j.reward);
        emit JobDone(id, msg.sender);
    }

    function reclaim(uint256 id) external {
        Job storage j = jobs[id];
        require(j.client == msg.sender && !j.closed);
        require(now > j.dueBy);
        j.closed = true;
        msg.sender.transfer(j.reward);
        emit JobReclaimed(id);
    }

    function setMinBond(uint256 bond) external onlyAdmin {
        require(bond > 0);
        minBond = bond;
    }

    function keeperCount() external view returns (uint256) {
        return keeperList.length;
    }
}
