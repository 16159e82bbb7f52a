// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract VolunteerShiftBoard {
    struct Volunteer {
        bool registered;
        bool coordinator;
        uint32 shiftsWorked;
        uint256 stipendPaid;
    }

    struct Shift {
        uint64 day;
        uint8 slots;
        uint8 filled;
        bool closed;
    }

    address public director;
    uint256 public stipendPool;
    uint256 public maxStipendPerShift;
    Shift[] public shifts;

    mapping(address => Volunteer) public volunteers;
    mapping(uint256 => mapping(address => bool)) public signedUp;

    event Registered(address indexed volunteer);
    event CoordinatorSet(address indexed who, bool enabled);
    event ShiftPosted(uint256 indexed shiftId, uint64 day, uint8 slots);
    event SignedUp(uint256 indexed shiftId, address indexed volunteer);
    event PoolFunded(address indexed donor, uint256 amount);
    event StipendPaid(address indexed volunteer, uint256 amount);

    modifier onlyDirector() {
        require(msg.sender == director, "director only");
        _;
    }

    modifier onlyCoordinator() {
        Volunteer storage v = volunteers[msg.sender];
        require(v.registered, "coordinator only");
        _;
    }

    constructor(uint256 _maxStipendPerShift) {
        director = msg.sender;
        maxStipendPerShift = _maxStipendPerShift;
        volunteers[msg.sender] = Volunteer(true, true, 0, 0);
    }

    function register() external {
        Volunteer storage v = volunteers[msg.sender];
        require(!v.registered, "already registered");
        v.registered = true;
        emit Registered(msg.sender);
    }

    function setCoordinator(address who, bool enabled) external onlyDirector {
        require(volunteers[who].registered, "not registered");
        volunteers[who].coordinator = enabled;
        emit CoordinatorSet(who, enabled);
    }

    function fundPool() external payable {
        require(msg.value > 0, "empty");
        stipendPool += msg.value;
        emit PoolFunded(msg.sender, msg.value);
    }

    function postShift(uint64 day, uint8 slots) external onlyCoordinator returns (uint256 id) {
        require(slots > 0 && slots <= 40, "slots");
        id = shifts.length;
        shifts.push(Shift(day, slots, 0, false));
        emit ShiftPosted(id, day, slots);
    }

    function signUp(uint256 shiftId) external {
        require(volunteers[msg.sender].registered, "register first");
        Shift storage s = shifts[shiftId];
        require(!s.closed && s.filled < s.slots, "full");
        require(!signedUp[shiftId][msg.sender], "already");
        signedUp[shiftId][msg.sender] = true;
        s.filled += 1;
        emit SignedUp(shiftId, msg.sender);
    }

    function closeShift(uint256 shiftId) external onlyCoordinator {
        shifts[shiftId].closed = true;
    }

    function payStipend(uint256 shiftId, address payable volunteer, uint256 amount) external onlyCoordinator {
        require(shifts[shiftId].closed, "shift open");
        require(signedUp[shiftId][volunteer], "not on shift");
        require(amount <= maxStipendPerShift, "over limit");
        require(amount <= stipendPool, "pool empty");
        signedUp[shiftId][volunteer] = false;
        stipendPool -= amount;
        Volunteer storage v = volunteers[volunteer];
        v.shiftsWorked += 1;
        v.stipendPaid += amount;
        volunteer.transfer(amount);
        emit StipendPaid(volunteer, amount);
    }

    function shiftCount() external view returns (uint256) {
        return shifts.length;
    }
}
