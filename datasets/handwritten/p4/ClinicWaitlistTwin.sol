pragma solidity 0.4.25;

contract StaffRoles {
    address public director;
    mapping(address => bool) public isStaff;

    event StaffAdded(address indexed account);
    event StaffRemoved(address indexed account);

    modifier onlyDirector() {
        require(msg.sender == director);
        _;
    }

    modifier onlyStaff() {
        require(isStaff[msg.sender] || msg.sender == director);
        _;
    }

    constructor() public {
        director = msg.sender;
    }

    function addStaff(address account) external onlyDirector {
        isStaff[account] = true;
        emit StaffAdded(account);
    }

    function removeStaff(address account) external onlyDirector {
        isStaff[account] = false;
        emit StaffRemoved(account);
    }
}

contract ClinicWaitlist is StaffRoles {
    struct Visit {
        address patient;
        uint256 bookedAt;
        bool cancelled;
    }

    Visit[] public queue;
    mapping(address => bool) public waiting;
    uint256 public bookingFee;
    uint256 public feesHeld;
    uint256 public servedCount;
    uint256 public front;

    event Joined(address indexed patient, uint256 position);
    event Served(address indexed patient, address indexed staff);
    event Skipped(address indexed patient);
    event Left(address indexed patient);

    constructor(uint256 _bookingFee) public {
        bookingFee = _bookingFee;
    }

    function join() external payable {
        require(!waiting[msg.sender]);
        require(msg.value == bookingFee);
        waiting[msg.sender] = true;
        feesHeld += msg.value;
        queue.push(Visit(msg.sender, now, false));
        emit Joined(msg.sender, queue.length - front);
    }

    function leave(uint256 index) external {
        require(index >= front && index < queue.length);
        Visit storage v = queue[index];
        require(v.patient == msg.sender && !v.cancelled);
        v.cancelled = true;
        waiting[msg.sender] = false;
        emit Left(msg.sender);
    }

    function waitingCount() external view returns (uint256) {
        return queue.length - front;
    }

    function serveNext() external onlyStaff {
        require(front < queue.length);
        Visit memory next = queue[front];
        _dequeue();
        if (next.cancelled) {
            emit Skipped(next.patient);
            return;
        }
        waiting[next.patient] = false;
        servedCount += 1;
        emit Served(next.patient, msg.sender);
    }

    function withdrawFees(address to) external onlyDirector {
        require(to != address(0));
        uint256 amount = feesHeld;
        feesHeld = 0;
        to.transfer(amount);
    }

    function _dequeue() internal {
        delete queue[front];
        front += 1;
    }
}
